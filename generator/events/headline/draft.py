"""A headline in the writing: the sentence and its date phrase, and the narrower parts of it
the strategies read, each found once and only when a strategy asks for it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from .clauses import RELATIVE
from .parts import (
    LONGEST_SENTENCE,
    Span,
    around,
    dated_aside,
    follow,
    other_date_frame,
    own_conjunct,
    own_semicolon_clause,
    parenthetical,
    without_label,
)
from .phrases import POSSESSIVE, shifted_anchor, with_coordinated_dates, with_date_words
from .rules import Rules, get_rules
from .words import last_match, reporting_frame

# The comma that groups a number's digits ("1,002", "5,410"), set aside while the headline is
# written as a character no rule reads as punctuation.
_GROUP_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
GROUP_MARK = "\ue000"
_CLOSING_YEAR = re.compile(r"\d, \d{4}$")


@dataclass(frozen=True)
class Draft:
    """What a headline is written from. ``labelled``: the sentence after its label, with the
    date phrase's place; ``limit``: the longest headline; ``history``: the date is long before
    the article, told in passing."""

    labelled: Span
    limit: int
    history: bool
    rules: Rules

    @cached_property
    def whole(self) -> Span:
        """The sentence (the words around the date, if it is very long), the date phrase
        grown by the words that belong to it: an anchor it is counted from, a date
        coordinated with it, "local time", a focus particle."""
        span = self.labelled
        if len(span.sentence) > LONGEST_SENTENCE:
            span = around(span)
        sentence, start, end, others = span.sentence, span.start, span.end, span.others
        start, end = shifted_anchor(sentence, start, end, self.rules)
        start, end = with_coordinated_dates(sentence, start, end, others, self.rules)
        start, end = with_date_words(sentence, start, end, self.rules)
        return Span(sentence, start, end, others)

    @cached_property
    def framed(self) -> Span:
        """``whole`` without a frame about another date, narrowed to the date's own
        semicolon clause and without an aside that holds another date."""
        span = self.whole
        frame = other_date_frame(span.sentence, span.start, span.others, self.rules)
        if frame:
            span = follow((span.sentence[frame:], span.start - frame, span.end - frame), span)
        clause = own_semicolon_clause(span.sentence, span.start, span.end)
        if clause is not None:
            span = follow(clause, span)
        aside = dated_aside(span.sentence, span.start, span.end, span.others)
        if aside is not None:
            span = follow(aside, span)
        return span

    @cached_property
    def focused(self) -> Span:
        """``framed`` narrowed to the date's own conjunct and to the text a bracket with the
        date in it stands for."""
        span = self.framed
        conjunct = own_conjunct(span.sentence, span.start, span.end, span.others)
        if conjunct is not None:
            span = follow(conjunct, span)
        aside = parenthetical(span.sentence, span.start, span.end)
        if aside is not None:
            span = follow(aside, span)
        return span

    @cached_property
    def before(self) -> str:
        """The words of ``focused`` before the date phrase."""
        return self.focused.sentence[: self.focused.start]

    @cached_property
    def after(self) -> str:
        """The words of ``focused`` after the date phrase (without the comma AP style sets
        after a full date)."""
        span = self.focused
        after = span.sentence[span.end :]
        relative = last_match(RELATIVE, self.before)
        open_aside = relative is not None and "," not in self.before[relative.end() :]
        if (_CLOSING_YEAR.search(span.sentence[span.start : span.end]) and after.startswith(",")
                and not open_aside and not reporting_frame(after[1:])):
            # AP style sets a full date off with commas: "the Dec. 21, 1988, bombing" (but in
            # "The war, which erupted on April 15, 2023, has killed ..." the comma also closes
            # the aside, and in "... on Jan. 1, 2024, Schumer said." the sentence's clause)
            after = after[1:]
        return after

    @cached_property
    def possessive(self) -> re.Match[str] | None:
        """The "'s" after the date ("last Friday's bombings"), if there is one."""
        return POSSESSIVE.match(self.after)


def draft(sentence: str, phrase_start: int, phrase_end: int, limit: int, history: bool = False,
          others: Sequence[tuple[int, int]] = ()) -> Draft:
    """The draft of ``sentence``'s headline for the date phrase at
    ``phrase_start:phrase_end`` (``others``: the spans of the sentence's other dates)."""
    rules = get_rules()
    span = without_label(Span(sentence, phrase_start, phrase_end, others), rules)
    # every rule reads a comma as a clause boundary; "1,002" has none (same length, so the
    # offsets hold)
    grouped = _GROUP_COMMA.sub(GROUP_MARK, span.sentence)
    return Draft(Span(grouped, span.start, span.end, span.others), limit, history, rules)
