"""The shape of the text around a span: where its sentence and line start, the words before and
after it, whether a date heads its line as a label."""

from __future__ import annotations

from functools import cache

import regex

from .context import Context
from .lexicon import get_lexicon


def words_before(ctx: Context, start: int, n: int = 1) -> list[str]:
    toks = regex.findall(r"[\w$£€#%'’()-]+|[(]", ctx.text[max(0, start - 60) : start])
    return [t.lower() for t in toks[-n:]]


def next_word(ctx: Context, end: int) -> str:
    m = regex.match(r"\s*([\w'%/]+|[()/])", ctx.text[end : end + 40])
    return m.group(1) if m else ""


_OPENER = regex.compile(r"\s*(?:(?:and\s+)?then,?\s+)?(?:on|in|by)?\s*", regex.IGNORECASE)


@cache
def _full_stop(abbreviations: frozenset[str]) -> regex.Pattern[str]:
    """A full stop that ends a sentence: before a capital, a digit or a quote, and not after an
    initial or one of the lexicon's abbreviations ("U.S. credit", "Mr. Smith", "Sept. 27"),
    as the tense tokenizer reads them."""
    abbrev = "|".join(sorted(map(regex.escape, abbreviations)))
    return regex.compile(rf"(?<!\b[A-Z])(?<!\b(?:{abbrev}))\.\s+(?=[\"“‘'(]?[A-Z0-9])")


def start_of_sentence(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts (after the last full stop or line break)."""
    lo = max(0, at - 600, text.rfind("\n", 0, at) + 1)
    last = lo
    # (up to the character at ``at``: a stop right before it ends a sentence only if the
    # capital after it is seen: "overthrow him. That autumn")
    for m in _full_stop(get_lexicon().sets.abbreviations).finditer(text, lo, at + 1):
        last = m.start() + 1
    return last


def opens_sentence(text: str, start: int) -> bool:
    """Does the date at ``start`` open its sentence ("On July 3, ...", "Then, on ...")?"""
    return bool(_OPENER.fullmatch(text, start_of_sentence(text, start), start))


# What may stand before a label's date on its line: a bullet, one word ("Friday, 23:45 GMT:",
# "Update, 3:15 p.m.:").
_LABEL_HEAD = regex.compile(r"[ \t*•-]*(?:[A-Z][a-z]+\.?,?[ \t]+)?")


_LABEL_END = regex.compile(r"[ \t]*(?::|\s[-–—])\s")


def is_label(ctx: Context, start: int, end: int) -> bool:
    """Does the date head its own line as a label ("March 2: Wheat futures hit ...",
    "Feb 24, 2022 – Russian forces invade Ukraine.", "2023 — Shipments slow"), as in a
    "Key dates" list?"""
    line = ctx.text.rfind("\n", 0, start) + 1
    return bool(_LABEL_HEAD.fullmatch(ctx.text, line, start) and _LABEL_END.match(ctx.text, end))
