"""Passes that read two dates as the ends of one span ("from Tuesday to Thursday", "between
June and August"), and halves of a year."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from ..context import Resolved
from ..lexicon import weekdays_pattern
from ..values import precision
from .registry import register

_SPAN_OPEN = regex.compile(r"(?i)\b(?:from|between)\s+(?:\S+\s+){0,3}$")


_SPAN_GAP = regex.compile(r"(?i)\s*(?:to|until|till|through|and|-|–)\s+(?:\S+\s+){0,3}?")


def _joined_as_span(text: str, a: Resolved, b: Resolved) -> bool:
    """Are two dates the ends of one span ("from Tuesday to Thursday", "between June and
    August")?"""
    return bool(_SPAN_GAP.fullmatch(text, a.end, b.start)
                and _SPAN_OPEN.search(text, max(0, a.start - 40), a.start))


_WEEKDAY_WORD = r"(?i)\b(?:{weekday})\b"  # a weekday written out


@register("weekday_spans", 50)
def _weekday_spans(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """"in force from Tuesday to Thursday", "from 18:00 Tuesday to 06:00 Thursday": the end
    of a span of weekdays is on or after its start, whatever each would be alone (said on a
    Monday, Thursday alone reads as the one before)."""
    for a, b in zip(items, items[1:], strict=False):
        if precision(a.value) not in ("day", "time") or precision(b.value) not in ("day", "time"):
            continue
        if not (weekdays_pattern(_WEEKDAY_WORD).search(text, b.start, b.end)
                and _joined_as_span(text, a, b)):
            continue
        first, last = date.fromisoformat(a.value[:10]), date.fromisoformat(b.value[:10])
        if last < first:
            last += timedelta(days=7 * ((first - last).days // 7 + 1))
            b.value = last.isoformat() + b.value[10:]
    return items


# A clock time written alone ("6 p.m.", "about 18:00"), with no day of its own.
_BARE_CLOCK = regex.compile(r"(?i)(?:about\s+|around\s+)?\d{1,2}(?:[:.]\d\d)?\s*"
                            r"(?:[ap]\.?\s?m\.?|h|hrs?)?")
_CLOCK = regex.compile(r"T(\d\d):(\d\d)")


@register("clock_spans", 45)
def _clock_spans(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """"a curfew from 6 p.m. until 6 a.m. Thursday": a bare clock time that opens a span
    whose end has its day is on that day, or the day before when it is later on the clock
    (the evening before); "from 9 a.m. until 5 p.m. Thursday" is Thursday's morning, "from 6
    p.m. Tuesday until 6 a.m. Thursday" keeps its own day."""
    for a, b in zip(items, items[1:], strict=False):
        if a.type != "TIME" or b.type != "TIME" or not _joined_as_span(text, a, b):
            continue
        ca, cb = _CLOCK.search(a.value), _CLOCK.search(b.value)
        if (ca is None or cb is None or not _BARE_CLOCK.fullmatch(text, a.start, a.end)
                or _BARE_CLOCK.fullmatch(text, b.start, b.end)):
            continue  # (the end must tell its day: "6 a.m. Thursday")
        day = date.fromisoformat(b.value[:10])
        if (ca.group(1), ca.group(2)) > (cb.group(1), cb.group(2)):
            day -= timedelta(days=1)
        a.value = day.isoformat() + a.value[10:]
    return items


@register("month_spans", 40)
def _month_spans(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """"between early June and early August", "from October to February": a span of months
    ends after it starts; an end read alone into an earlier year moves to the first year
    that puts it after the start."""
    for a, b in zip(items, items[1:], strict=False):
        if precision(a.value) != "month" or precision(b.value) != "month":
            continue
        if not _joined_as_span(text, a, b):
            continue
        start_y, start_m = int(a.value[:4]), int(a.value[5:7])
        end_m = int(b.value[5:7])
        if b.value[:7] < a.value[:7]:
            b.value = f"{start_y + (end_m < start_m):04d}-{end_m:02d}" + b.value[7:]
    return items


_HALF_OF = regex.compile(r"(?i)the\s+(first|second|last)\s+half\s+of\s")


@register("year_halves", 30)
def _year_halves(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """"the first half of the year" is the TimeML half-year 2026-H1, as "the first half of
    2023" already is; of a month or a week there is no such unit, so START/END stay."""
    for item in items:
        if item.type != "DATE" or precision(item.value) != "year" or len(item.value) != 4:
            continue
        found = _HALF_OF.match(text, item.start)
        if found and item.mod in ("START", "END"):
            item.value += "-H1" if found.group(1).lower() == "first" else "-H2"
            item.mod = None
    return items


# A length told in two units joined by "and": "two hours and forty minutes" (PT2H40M), "a
# year and three months" (P1Y3M), one DURATION; not two lengths of the same unit or out of
# order ("three days and two days", "40 minutes and two hours").
_AND_GAP = regex.compile(r"\s+and\s+")
_DURATION_PARTS = regex.compile(
    r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
_DATE_UNITS, _TIME_UNITS = ("Y", "M", "D"), ("H", "M", "S")


def _duration_parts(value: str) -> list[int | None] | None:
    """The counts of years, months, days, hours, minutes and seconds of a whole-number
    DURATION value (None for a unit it lacks), or None for another value (weeks, vague)."""
    m = _DURATION_PARTS.fullmatch(value)
    if m is None or not any(m.groups()):
        return None
    return [int(g) if g else None for g in m.groups()]


@register("duration_sums", 35)
def _duration_sums(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """"sank at 2:20 a.m., two hours and forty minutes after the collision": one DURATION of
    both lengths, as TimeML spans it."""
    drop: set[int] = set()
    for k, (a, b) in enumerate(zip(items, items[1:], strict=False)):
        if (k in drop or a.type != "DURATION" or b.type != "DURATION"
                or not _AND_GAP.fullmatch(text, a.end, b.start)):
            continue
        pa, pb = _duration_parts(a.value), _duration_parts(b.value)
        if pa is None or pb is None:
            continue
        if min(i for i, n in enumerate(pb) if n is not None) <= max(
                i for i, n in enumerate(pa) if n is not None):
            continue
        both = [n if n is not None else n2 for n, n2 in zip(pa, pb, strict=True)]
        days = "".join(f"{n}{u}" for n, u in zip(both[:3], _DATE_UNITS, strict=True) if n)
        clock = "".join(f"{n}{u}" for n, u in zip(both[3:], _TIME_UNITS, strict=True) if n)
        a.value = "P" + days + ("T" + clock if clock else "")
        a.end = b.end
        drop.add(k + 1)
    return [x for j, x in enumerate(items) if j not in drop]
