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
    lines = (desk.edit(text, context + " " + left_out(sentence, text)) for text in _written(d))
    first = next(lines)
    if desk.printable(first):
        return first
    # "The meeting between Elian and his grandmothers at the home of a Roman Catholic nun": no
    # line a desk prints; the next way of writing it that tells the same words and gives one
    # ("Cuba keeps up its condemnation of the handling of the meeting between Elian and his
    # grandmothers"), else the first
    return next((line for line in lines if desk.printable(line) and _retells(line, first)),
                first)


def _retells(line: str, first: str) -> bool:
    """Does ``line`` hold most of ``first``'s words (the same happening, told whole)?"""
    told = set(re.findall(r"\w+", line.lower()))
    own = re.findall(r"\w+", first.lower())
    return sum(w in told for w in own) >= 0.8 * len(own)


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
    return next(_written(draft(sentence, phrase_start, phrase_end, limit, history, others)))


def _written(d: Draft) -> Iterator[str]:
    """The texts of the strategies that write one for ``d``, in their order, tidied."""
    for strategy in STRATEGIES:
        text = strategy.write(d)
        if text is not None:
            yield _finished(strategy, text, d).replace(GROUP_MARK, ",")


def _finished(strategy: Strategy, text: str, d: Draft) -> str:
    """``text`` tidied (a strategy's text of under two words gives way to the sentence's
    part, if the strategy falls back); the desk's edit (``desk.edit``) makes it short."""
    text = tidy(text, d.rules)
    if strategy.fallback and len(text.split()) < 2:
        # "Until this week.": nothing but the date; the sentence itself says more than nothing
        text = tidy(d.focused.sentence, d.rules)
    return text
