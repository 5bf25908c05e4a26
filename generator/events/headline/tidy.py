"""Tidying a written headline: spacing, loose punctuation, openers, the full stop, the
first capital; cutting a long one at a clause boundary or a word; a text's first sentence."""

from __future__ import annotations

import re

from ...temporal.lexicon import get_lexicon
from .rules import Rules
from .words import starts_with_verb

# "X -- an aside -- Y": the aside goes before a long headline is cut.
_NAME = re.compile(r"\b[A-Z][a-z]")


_DASH_ASIDE = re.compile(r"\s(?:--|—)\s[^—]{3,160}?\s(?:--|—)\s")


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


_SHORTEST_CUT = 45


def shorten(text: str, limit: int, rules: Rules) -> str:
    if len(text) <= limit:
        return text
    # an aside that names someone ("The suspect -- Khalfan Khamis Mohamed -- was ...") stays
    text = _DASH_ASIDE.sub(lambda m: m.group(0) if _NAME.search(m.group(0)) else " ", text)
    if len(text) <= limit:
        return text
    # A clause boundary is a good cut only past the first few words: "What matters most is
    # that Elian, after losing ..." cut at ", after" says nothing; a word cut says more.
    cuts = [text.find(b, _SHORTEST_CUT) for b in rules.boundaries]
    cuts = [c for c in cuts if _SHORTEST_CUT <= c <= limit]
    if cuts:
        return _balance_quotes(text[: min(cuts)].rstrip(" ,;"))
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-— ")
    return _balance_quotes(cut + "…")


def _balance_quotes(text: str) -> str:
    """Close a quotation the cut left open, so the headline reads as quoted."""
    if text.count('"') % 2:
        return text + '"'
    if text.count("“") > text.count("”"):
        return text + "”"
    return text
