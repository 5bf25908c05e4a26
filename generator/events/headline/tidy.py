"""Tidying a written headline: spacing, loose punctuation, openers, the full stop, the
first capital; a text's first sentence (the desk, desk.py, shortens by phrases)."""

from __future__ import annotations

import re

from ...temporal.lexicon import get_lexicon
from .rules import Rules
from .words import starts_with_verb

OPENING_QUOTES = "\"“‘'`"


# Punctuation a cut leaves at either end of a headline (the en dash of "2022 – Russian").
_LOOSE = " ,;:-–—"


def tidy(text: str, rules: Rules) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\(\s*[,;]?\s*", "(", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"(^|\s)([\"“‘])\s*[,;:]\s*", r"\1\2", text)  # '"By Friday, conditions'
    text = " ".join(text.split())
    stripped = rules.openers.sub("", text.strip(_LOOSE))
    # "Then came another sister": after an inversion the opener is part of the clause
    text = text.strip(_LOOSE) if starts_with_verb(stripped) else stripped
    text = text.strip(_LOOSE)
    if text.endswith((".", "!")) and not text.endswith("...") and not _abbreviated(text):
        text = text[:-1].rstrip(_LOOSE)
    first = len(text) - len(text.lstrip(OPENING_QUOTES))
    if text[first:first + 1].islower():
        text = text[:first] + text[first].upper() + text[first + 1 :]
    return text


# "U.S.", "a.m.", "Jan.": initials or a listed abbreviation (the temporal lexicon's)
_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")


def _abbreviated(text: str) -> bool:
    """Does ``text`` end with an abbreviation's period ("the U.S.", "on Jan.")? That period
    is no full stop to drop: "the U.S" would be a misspelling."""
    last = text.rsplit(None, 1)[-1].lstrip("(\"“‘'")
    return bool(_INITIALS.fullmatch(last)) or last[:-1] in get_lexicon().sets.abbreviations


# Where a sentence may end inside a quotation: after . ! or ?, before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


_INITIAL = re.compile(r"[A-Z]\.")


def first_sentence(text: str) -> str:
    """``text`` up to the end of its first sentence: a full stop after an abbreviation or an
    initial ("no budget on Jan. 1", "John F. Kennedy", "the U.S. embassy") ends none."""
    for found in _SENTENCE_END.finditer(text):
        head = text[: found.start()]
        last = head.rsplit(None, 1)[-1].lstrip("(\"“‘'")
        if head.endswith(".") and (_abbreviated(head) or _INITIAL.fullmatch(last)):
            continue
        return head
    return text

