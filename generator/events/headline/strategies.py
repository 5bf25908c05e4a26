"""The ways a headline is written, in the order they are tried: the first that gives one wins.

Each strategy reads a ``Draft`` and returns the headline's text before it is tidied, or None
when the sentence is not of its shape. The first few (``fallback=False``) read the whole
sentence and their text is the headline; the rest read the date's own part of it (``Draft.
focused``), and a text of fewer than two words gives way to that whole part.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from ..rules_file import word_list, word_set
from ..sentence_dates import ENDS_IN_COUNT
from . import clauses, frames, parts, phrases
from .draft import Draft
from .happening_clauses import dated_subordinate, sequence_frame
from .words import clause_rest


def quotation(d: Draft) -> str | None:
    """A date inside a quotation stays, the speaker's words unchanged: '"We will stay at least
    through the end of next week," he said.' -> the sentence as it is."""
    span = d.labelled
    return span.sentence if parts.quoted(span.sentence, span.start, span.end) else None


def counted_clause(d: Draft) -> str | None:
    """A date counted to a clause gives that clause: "He left on May 19, two days after the
    Iranian Parliament voted to expel him." (two days after) -> "The Iranian Parliament voted
    to expel him"."""
    span = d.whole
    if not ENDS_IN_COUNT.search(span.sentence, span.start, span.end):
        return None
    clause = clause_rest(span.sentence[span.end :])
    return clause if len(clause.split()) >= 2 else None


def participle_aside(d: Draft) -> str | None:
    """A date in a participial aside dates it: "The dam, built in 1958, failed on Wednesday."
    (1958) -> "The dam was built"."""
    span = d.whole
    return clauses.participle_aside(span.sentence, span.start, span.end, d.rules)


def reduced_relative_subject(d: Draft) -> str | None:
    """A date of a participle inside the subject dates it: "The red warning issued on Sunday
    evening was lifted at 09:00 today." (Sunday evening) -> "The red warning was issued"."""
    span = d.whole
    return clauses.reduced_relative_subject(span.sentence, span.start, span.end, d.rules)


def gapped_conjunct(d: Draft) -> str | None:
    """A conjunct whose verb is left out takes the first one's: "Fitch will review the rating
    on April 24, and Moody's on May 8." (May 8) -> "Moody's will review the rating"."""
    span = d.framed
    return parts.gapped_conjunct(span.sentence, span.start, span.end, span.others, d.rules)


def event_clause(d: Draft) -> str | None:
    """A when-clause after the date tells what happened then: "That irritation shone through
    last Thursday, when Kremlin spokesman Dmitry Peskov demanded Europe stop blaming
    Russia." -> "Kremlin spokesman Dmitry Peskov demanded Europe stop blaming Russia"."""
    clause = d.rules.event_clause.match(d.after)
    if clause and len(d.after) - clause.end() > 20:
        return d.after[clause.end() :]
    return None


def cleft(d: Draft) -> str | None:
    """An it-cleft puts the date up front and the news after "that": "It was not until
    Tuesday that Castro revealed the plan." -> "Castro revealed the plan"."""
    if not clauses.CLEFT_BEFORE.search(d.before):
        return None
    found = clauses.CLEFT_AFTER.match(d.after)
    return d.after[found.end() :] if found else None


def relative_clause(d: Draft) -> str | None:
    """A date in a relative clause set off by commas dates that clause, its antecedent the
    subject: "Juanita Castro, who arrived in Miami in 1961, believes ..." (1961) -> "Juanita
    Castro arrived in Miami"."""
    return clauses.relative_clause(d.before, d.after, d.rules, d.limit) or None


def embedded_clause(d: Draft) -> str | None:
    """A date in a subordinate clause dates that clause, when it is history or the main
    clause has a date of its own: "the earthquakes that struck Turkey on Feb. 6 rose above
    40,000 on Tuesday" (Feb. 6) -> "The earthquakes struck Turkey"."""
    span = d.focused
    dated_elsewhere = d.history or clauses.main_clause_dated_later(
        d.after, span.end, span.others) or clauses.main_clause_dated_before(d.before, span.others)
    kinds = None if dated_elsewhere else clauses.SINCE
    return clauses.embedded_clause(d.before, d.after, d.rules, kinds) or None


def dated_noun_phrase(d: Draft) -> str | None:
    """An attributive date dates its noun: "They replace agents charged in the Dec. 21, 1988,
    bombing of a Pan Am jet." -> "The bombing of a Pan Am jet"."""
    span = d.focused
    after_at = len(span.sentence) - len(d.after)
    stops = [a - after_at for a, _ in span.others if a >= after_at]
    return phrases.dated_noun_phrase(d.before, d.after, d.possessive, d.rules,
                                     short_ok=bool(span.others), stops=stops) or None


def described_noun(d: Draft) -> str | None:
    """A date between a noun phrase and the relative clause describing it dates the noun:
    "arrested in the bombings of U.S. embassies last year that killed 224 people" -> "The
    bombings of U.S. embassies that killed 224 people"."""
    return phrases.described_noun(d.before, d.after) or None


def reduced_relative(d: Draft) -> str | None:
    """A date after a participle and its agent dates the participle: "A ceasefire proposed by
    Turkey last autumn was rejected by Moscow." (last autumn) -> "A ceasefire proposed by
    Turkey"."""
    return phrases.reduced_relative(d.before, d.after) or None


def date_as_subject(d: Draft) -> str | None:
    """A date that is its clause's subject stays: "Prayers were held as Easter week began."
    -> "Prayers were held as Easter week began"."""
    return d.focused.sentence if phrases.is_subject(d.before, d.after, d.rules) else None


def possessive_subject(d: Draft) -> str | None:
    """A possessive date after a frame modifies the subject that follows: "Even in outer
    space, last week's Russian missile test provoked howls of protest." -> "The Russian
    missile test provoked howls of protest"."""
    if d.possessive and (phrases.sentence_start(d.before, d.rules)
                         or d.before.rstrip().endswith(",")):
        return phrases.with_the(d.after[d.possessive.end() :])
    return None


def possessive_object(d: Draft) -> str | None:
    """A possessive date is its noun's determiner, which "the" now stands for: "Voters turned
    out in Friday's vote." -> "Voters turned out in the vote"."""
    if d.possessive:
        return d.before.rstrip() + " " + phrases.with_the(d.after[d.possessive.end() :])
    return None


def without_date(d: Draft) -> str:
    """The sentence without the date phrase and its preposition: "Peskov on Sunday slammed
    the United States." -> "Peskov slammed the United States"; the date stays where the
    clause needs it ("did not raise rates until Thursday", "The last time was in 2011")."""
    span = d.focused
    head, tail = d.before.rstrip(), d.after.lstrip(" ")
    particle = head.rsplit(" ", 1)[-1].lower() in _PARTICLES
    deadline = d.rules.deadline.search(head) and _TO_VERB.match(tail)
    if _NOT_UNTIL.search(head) or deadline or phrases.date_is_complement(head, tail, d.rules):
        # "did not raise rates until Thursday" says they were raised on Thursday: without its
        # date the headline would say the opposite; "The last time they spoke was Tuesday"
        # would end in "was"
        head = f"{head} {span.sentence[span.start : span.end]}"
    elif not (particle and _DEICTIC_START.match(span.sentence, span.start)):
        # "He was sworn in last week": "last week" takes no preposition, so the "in" before it
        # is the verb's particle
        head = frames.without_dangling_participle(phrases.drop_preposition(head, d.rules), tail)
    if head.endswith(",") and tail.startswith(",") and head.count(",") % 2:
        # "The summit, on March 3, ended": the aside goes with both its commas (but in
        # "another sister, Georgina, in 1983, followed" the comma before the date also closes
        # "Georgina": an even count before it)
        head, tail = head[:-1], tail[1:].lstrip(" ")
    return head + " " + tail


_PARTICLES = word_set("particles")
_DEICTIC_START = re.compile(
    rf"(?:{'|'.join(map(re.escape, word_list('deictic_starts')))})\b", re.IGNORECASE)
# "to" and a verb after a deadline ("until Friday to file"): not "to Paris", "to 5%"
_TO_VERB = re.compile(r"to\s+(?!(?:the|a|an|its|their|his|her|our)\b)[a-z]+\b")
# "did not ... until", "didn't ... till", "never ... until": the negation is of the time before
_NOT_UNTIL = re.compile(r"(?:\bnot\b|n't\b|\bnever\b)[^,;]*\b(?:until|till)$", re.IGNORECASE)


class Strategy(NamedTuple):
    """One way to write a headline. ``fallback``: a text of under two words gives way to the
    date's whole part of the sentence (the strategies that read that part)."""

    name: str
    write: Callable[[Draft], str | None]
    fallback: bool


_WHOLE = (quotation, counted_clause, sequence_frame, participle_aside,
          reduced_relative_subject, gapped_conjunct)
_FOCUSED = (event_clause, cleft, relative_clause, dated_subordinate, embedded_clause,
            dated_noun_phrase, described_noun, reduced_relative, date_as_subject,
            possessive_subject, possessive_object, without_date)
# In priority order; the last always writes one.
STRATEGIES: tuple[Strategy, ...] = (
    *(Strategy(f.__name__, f, False) for f in _WHOLE),
    *(Strategy(f.__name__, f, True) for f in _FOCUSED),
)
