"""Passes that read a date through its neighbour: an explicit date in apposition fixes a
relative one, "before"/"after" bound the happening by the date."""

from __future__ import annotations

from datetime import date

import regex

from ..context import Resolved
from ..values import precision
from .registry import register

# "last Thursday (November 18)", "on Dec. 18, a Wednesday": what stands between a date and its
# apposition.
_APPOSITION_GAP = regex.compile(r"\s*(?:\(|,|--|—|–)\s*(?:an?\s+)?")


@register("apposition", 20)
def _apposition(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """'last Thursday (November 18)': the explicit date fixes the relative one next to it."""
    for a, b in zip(items, items[1:], strict=False):
        gap = text[a.end : b.start]
        if not _APPOSITION_GAP.fullmatch(gap):
            continue
        rel, exp = (a, b) if (a.relative and not _is_absolute(a)) else (b, a)
        if not _is_absolute(exp) or not rel.relative or _is_absolute(rel):
            continue
        if precision(rel.value) not in ("day", "time") or precision(exp.value) != "day":
            continue
        old = rel.value
        day = exp.value[:10]
        new = day + rel.value[10:] if precision(rel.value) == "time" else day
        if old[:10] != day:
            rel.note = (
                f"relative reading {old} conflicts with the explicit date {exp.value} next to it;"
                " kept the explicit date"
            )
        rel.value = new
    return items


def _is_absolute(r: Resolved) -> bool:
    """Names a calendar day itself (month + day, ISO...), as opposed to counting from the DCT."""
    return bool(r.extra.get("calendar")) or (r.explicit and not r.relative)


# "before the summer", "after Nov. 18": the preposition bounds the happening by the date.
_BOUNDING = regex.compile(r"(?i)\b(not\s+|no\s+)?(before|after)\s+$")


# "not before Thursday" is on or after it, "not after Friday" on or before it
_NEGATED_BOUND = {"before": "ON_OR_AFTER", "after": "ON_OR_BEFORE"}


@register("before_after", 10)
def _before_after(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """A calendar date right after "before"/"after" gets the TimeML mod BEFORE/AFTER ("a
    14th package is expected before the summer" is not in the summer). The span stays the
    date's own, as the corpora tag it; a date that names a thing ("after Friday's vote") is
    left alone."""
    for item in items:
        if item.mod or item.type not in ("DATE", "TIME") or precision(item.value) is None:
            continue
        if text.startswith(("'s", "’s"), item.end):
            continue
        found = _BOUNDING.search(text, max(0, item.start - 12), item.start)
        if found:
            word = found.group(2).lower()
            item.mod = _NEGATED_BOUND[word] if found.group(1) else word.upper()
    return items
