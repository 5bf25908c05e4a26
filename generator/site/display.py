"""Dates in words for readers by precision, AP style: "Nov. 18, 2021", "Week of Nov. 15, 2021"."""

from __future__ import annotations

import re
from datetime import date

from ..ruledata import rule_data
from ..temporal.values import bounds, interval

_TIME = re.compile(r"T(\d\d)(?::(\d\d))?")
_PART_OF_DAY = re.compile(r"T(MO|MI|AF|EV|NI|DT)$")


def _words() -> dict:
    return rule_data("site", "display.yaml")


def day_words(day: date) -> str:
    return f"{_words()['months_with_day'][day.month - 1]} {day.day}, {day.year}"


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
    if precision in ("day", "time"):
        text = day_words(first)
        part = _PART_OF_DAY.search(value)
        if part:
            return f"{text}, {words['parts_of_day'][part.group(1)]}"
        clock = _TIME.search(value)
        if clock:
            return f"{text}, {_clock(int(clock.group(1)), int(clock.group(2) or 0))}"
        return text
    if precision == "week":
        return f"Week of {day_words(first)}"
    if precision == "weekend":
        return f"Weekend of {day_words(first)}"
    if precision == "month":
        return f"{words['months_full'][first.month - 1]} {first.year}"
    if precision == "quarter":
        return f"{words['quarters'][value[-2:]]} {first.year}"
    if precision == "half":
        return f"{words['halves'][value[-2:]]} {first.year}"
    if precision == "season":
        return f"{words['seasons'][value[-2:]]} {value[:4]}"
    if precision == "year":
        return str(first.year)
    if precision == "decade":
        return f"The {first.year}s"
    if precision == "century":
        return f"The {first.year // 100 + 1}th century"
    return value


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


def _clock(hour: int, minute: int) -> str:
    """AP times: "3 p.m.", "10:30 a.m.", "noon", "midnight"."""
    if (hour, minute) == (12, 0):
        return "noon"
    if (hour, minute) in ((0, 0), (24, 0)):
        return "midnight"
    suffix = "a.m." if hour % 24 < 12 else "p.m."
    twelve = hour % 12 or 12
    return f"{twelve} {suffix}" if minute == 0 else f"{twelve}:{minute:02d} {suffix}"
