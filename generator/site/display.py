"""Dates in words for readers by precision, AP style: "Nov. 18, 2021", "Week of Nov. 15, 2021"."""

from __future__ import annotations

import re
from datetime import date

from ..ruledata import rule_data
from ..temporal.precision import PRECISIONS
from ..temporal.precision import day_words as precision_day_words
from ..temporal.values import bounds, interval


def _words() -> dict:
    return rule_data("site", "display.yaml")


def day_words(day: date) -> str:
    return precision_day_words(day, _words())


def date_label(value: str, precision: str, mod: str | None = None, planned: bool = False) -> str:
    """The reader-facing wording of a TIMEX3 value at its own precision."""
    words = _words()
    span = bounds(value)
    if span is None:
        return value
    first = span[0]
    ends = interval(value)
    if ends:
        label = _range_label(ends, precision, span, words)
    else:
        label = _label(value, precision, first, words)
    if mod and mod in words["mods"]:
        prefix = words["mods"][mod]
        label = _after_prefix(label, words)
        label = f"{prefix}{label}" if prefix.endswith("-") else f"{prefix} {label}"
    if planned:
        label = f"{label} {words['planned']}"
    return label


def _after_prefix(label: str, words: dict) -> str:
    """"Week of Jan. 10" after "Early" reads "Early week of Jan. 10"; "The 1990s" after
    "Mid-" reads "Mid-1990s". Month names keep their capital."""
    label = label.removeprefix("The ")
    first = re.split(r"[ –]", label, maxsplit=1)[0]
    if first in words["months_full"] or first in words["months_with_day"]:
        return label
    return label[:1].lower() + label[1:]


def _label(value: str, precision: str, first: date, words: dict) -> str:
    known = PRECISIONS.get(precision)
    return known.label(value, first, words) if known else value


def _range_label(ends: tuple[str, str], precision: str, span: tuple[date, date],
                 words: dict) -> str:
    """A range in AP style with an en dash, sharing what both ends share: "Nov. 15–18, 2023",
    "Nov. 28 – Dec. 2, 2023", "March–May 2024", "2014–2016"."""
    first, last = span
    if precision == "day":
        if first.year == last.year:
            head = f"{words['months_with_day'][first.month - 1]} {first.day}"
            if first.month == last.month:
                return f"{head}–{last.day}, {first.year}"
            return f"{head} – {words['months_with_day'][last.month - 1]} {last.day}, {last.year}"
        return f"{day_words(first)} – {day_words(last)}"
    if precision == "month" and first.year == last.year:
        months = words["months_full"]
        return f"{months[first.month - 1]}–{months[last.month - 1]} {first.year}"
    if precision == "year":
        return f"{first.year}–{last.year}"
    last_first = bounds(ends[1])[0]  # type: ignore[index]
    return (f"{_label(ends[0], precision, first, words)} – "
            f"{_label(ends[1], precision, last_first, words)}")
