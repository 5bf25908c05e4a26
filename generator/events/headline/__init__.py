"""Short headlines written from an event's sentence: who did what, without the date words.

A dependency parser would do this better, but none runs offline at our speed target; these
rules (data in ``data/events.yaml``) cover the shapes of news sentences: the date phrase
and its preposition go, a "last Thursday, when X did Y" frame keeps "X did Y", a date that
modifies a noun ("in last Friday's bombings of ...") gives that noun phrase, discourse
openers go, and a long sentence is cut at its first clause boundary.

``strategies.STRATEGIES`` lists the ways a headline is written, in the order they are tried
(the first that gives one wins); ``draft`` finds the parts of the sentence they read;
``parts``, ``clauses`` and ``phrases`` hold the rules, ``tidy`` the finishing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from . import desk
from .draft import GROUP_MARK, Draft, draft
from .names import left_out
from .strategies import STRATEGIES, Strategy
from .tidy import first_sentence, tidy

__all__ = ["first_sentence", "write_headline", "written_headline"]


def write_headline(
    sentence: str,
    phrase_start: int,
    phrase_end: int,
    limit: int,
    history: bool = False,
    others: Sequence[tuple[int, int]] = (),
    context: str = "",
) -> str:
    """A headline from ``sentence``; ``phrase_start:phrase_end`` is the date phrase in it.
    ``history``: the date is long before the article, told in passing; ``others``: the
    spans of the sentence's other dates; ``context``: the article's text before the
    sentence, where a pronoun's name is found (none: the pronoun stays)."""
    d = draft(sentence, phrase_start, phrase_end, limit, history, others)
    lines = ((name, desk.edit(text, context + " " + left_out(sentence, text)))
             for name, text in _written(d))
    name, first = next(lines)
    if desk.printable(first):
        return first
    # no line a desk prints: a cut that left a verb without what it needs ("President Fidel
    # Castro declares that it is just matter") gives way to the next way of writing it that
    # tells the same words; a noun phrase ("The meeting between Elian and his grandmothers at
    # the home of a Roman Catholic nun") to the sentence's main clause that tells it ("Cuba
    # keeps up its condemnation of the handling of the meeting between Elian and his
    # grandmothers"); else the first stays
    noun_phrase = name in _NOUN_PHRASES
    return next((line for other, line in lines if (other in _MAIN_CLAUSE or not noun_phrase)
                 and desk.printable(line) and _retells(line, first)), first)


_NOUN_PHRASES = frozenset({"dated_noun_phrase", "described_noun", "reduced_relative"})
_MAIN_CLAUSE = frozenset({"possessive_subject", "possessive_object", "without_date"})


def _retells(line: str, first: str) -> bool:
    """Does ``line`` hold most of ``first``'s words and all its figures (the same happening,
    told whole)?"""
    told = set(re.findall(r"\w+", line.lower()))
    own = re.findall(r"\w+", first.lower())
    figures = re.findall(r"\d[\d,.]*", first)  # "A loss of $26,956" is not "a loss of $158,666"
    return sum(w in told for w in own) >= 0.6 * len(own) and all(f in line for f in figures)


def written_headline(
    sentence: str,
    phrase_start: int,
    phrase_end: int,
    limit: int,
    history: bool = False,
    others: Sequence[tuple[int, int]] = (),
) -> str:
    """The part of ``sentence`` the strategies write for the date (tidied), before the desk's
    edit makes it a short present-tense line: "The dam was built", "Peskov slammed the
    United States"."""
    d = draft(sentence, phrase_start, phrase_end, limit, history, others)
    return next(_written(d))[1]


def _written(d: Draft) -> Iterator[tuple[str, str]]:
    """The strategies that write a text for ``d`` and their texts, in their order, tidied."""
    for strategy in STRATEGIES:
        text = strategy.write(d)
        if text is not None:
            yield strategy.name, _finished(strategy, text, d).replace(GROUP_MARK, ",")


def _finished(strategy: Strategy, text: str, d: Draft) -> str:
    """``text`` tidied (a strategy's text of under two words gives way to the sentence's
    part, if the strategy falls back); the desk's edit (``desk.edit``) makes it short."""
    text = tidy(text, d.rules)
    if strategy.fallback and len(text.split()) < 2:
        # "Until this week.": nothing but the date; the sentence itself says more than nothing
        text = tidy(d.focused.sentence, d.rules)
    return text
