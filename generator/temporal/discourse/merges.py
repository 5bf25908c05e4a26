"""Passes that merge two resolved expressions into one: "the day before last Tuesday's
hearing", "a week on Tuesday", "two weeks from Monday", "by 2 a.m. the following day", "the
night of 26 May"."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import regex

from ..context import Resolved
from ..lexicon import get_lexicon, weekdays_pattern
from ..values import precision
from .registry import register

_DAY_OFFSET_LEAD = regex.compile(r"(?<![\w-])[Dd]ay\s+(before|after)\s+$")


# "the Friday before ": a weekday counted from the day named after it
_WEEKDAY_OFFSET_LEAD = r"\b[Tt]he\s+({Weekday})\s+(before|after)\s+$"


@register("day_before_after", 90)
def _day_before_after(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """'the day before last Tuesday's hearing': one expression, the named day shifted by one
    (TimeBank/AQUAINT span it from 'day' to the end of the date)."""
    drop: set[int] = set()
    for k, b in enumerate(items):
        if b.type != "DATE" or precision(b.value) != "day":
            continue
        lead = _DAY_OFFSET_LEAD.search(text, max(0, b.start - 20), b.start)
        named = weekdays_pattern(_WEEKDAY_OFFSET_LEAD).search(text, max(0, b.start - 25), b.start)
        if not lead and not named:
            continue
        day = date.fromisoformat(b.value[:10])
        if lead:
            n = -1 if lead.group(1).lower() == "before" else 1
            b.value = (day + timedelta(days=n)).isoformat()
        else:
            # "the Friday before Thanksgiving": the nearest such weekday strictly before
            # (or after) the day named
            wd = get_lexicon().weekdays[named.group(1).lower()]
            if named.group(2).lower() == "before":
                shift = -((day.isoweekday() - wd - 1) % 7 + 1)
            else:
                shift = (wd - day.isoweekday() - 1) % 7 + 1
            b.value = (day + timedelta(days=shift)).isoformat()
            lead = named
        b.start = lead.start()
        b.relative = True
        b.extra.pop("calendar", None)
        drop.update(
            j for j, a in enumerate(items) if j != k and a.end > b.start and a.start < b.end
        )
    return [a for j, a in enumerate(items) if j not in drop]


_WEEK_ON_BEFORE = regex.compile(r"(?i)\b(?:a|one)\s+(week|fortnight)\s+(?:on|from)\s+$")


_WEEK_AFTER = regex.compile(r"\s+week\b(?!['’]s)")


# "Tuesday", "next Tuesday", "this Friday": a weekday a week can be counted on from
_NAMED_WEEKDAY = r"(?i)(?:next\s+|this\s+)?(?:{weekday})"


@register("week_on", 80)
def _week_on(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """"a week on Tuesday", "a week from Friday", "Tuesday week" (British), "a fortnight on
    Monday": that weekday's date one or two weeks later, one expression."""
    drop: set[int] = set()
    for k, item in enumerate(items):
        if item.type != "DATE" or precision(item.value) != "day" or not weekdays_pattern(
                _NAMED_WEEKDAY).fullmatch(text, item.start, item.end):
            continue
        before = _WEEK_ON_BEFORE.search(text, max(0, item.start - 25), item.start)
        after = None if before else _WEEK_AFTER.match(text, item.end)
        if not before and not after:
            continue
        weeks = 2 if before and before.group(1).lower() == "fortnight" else 1
        day = date.fromisoformat(item.value)
        if day < dct:
            day += timedelta(weeks=1)  # counted from the coming one, never a past one
        item.value = (day + timedelta(weeks=weeks)).isoformat()
        item.start, item.end = (before.start(), item.end) if before else (item.start, after.end())
        drop.update(j for j, other in enumerate(items)
                    if j != k and other.end > item.start and other.start < item.end)
    return [a for j, a in enumerate(items) if j not in drop]


_FROM = regex.compile(r"\s+from\s+")


_DAYS_WEEKS = regex.compile(r"P(\d+)([DW])")


@register("count_from", 70)
def _count_from(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """"two weeks from Monday", "10 days from Jan. 5": that day moved by the count, one
    expression (the count alone would be a duration, the day alone the wrong day)."""
    drop: set[int] = set()
    for k, (a, b) in enumerate(zip(items, items[1:], strict=False)):
        count = _DAYS_WEEKS.fullmatch(a.value)
        if (a.type != "DURATION" or count is None or precision(b.value) != "day"
                or not _FROM.fullmatch(text, a.end, b.start)):
            continue
        days = int(count[1]) * (7 if count[2] == "W" else 1)
        b.value = (date.fromisoformat(b.value) + timedelta(days=days)).isoformat()
        b.start, b.relative = a.start, True
        drop.add(k)
    return [a for j, a in enumerate(items) if j not in drop]


_NAMED_DAY = regex.compile(r"(?i)(?:the\s+(?:following|next|previous|same)|that)\s+day")


@register("clock_on_named_day", 60)
def _clock_on_named_day(text: str, items: list[Resolved], dct: date
                        ) -> list[Resolved]:
    """"by 2 a.m. the following day", "at noon that day": the clock time on the day named
    right after it, one expression; not across a sentence's end ("The storm hit at 6 p.m.
    The next day, it weakened")."""
    drop: set[int] = set()
    for k, (a, b) in enumerate(zip(items, items[1:], strict=False)):
        if (a.type == "TIME" and precision(b.value) == "day"
                and not text[a.end : b.start].strip()
                and not (text[a.end - 1] == "." and text[b.start].isupper())
                and _NAMED_DAY.fullmatch(text, b.start, b.end)):
            a.value = b.value + a.value[10:]
            if a.extra.get("default_day"):
                a.end = b.end
                drop.add(k + 1)
            # (a clock time that took the paragraph's day keeps its own span but takes the
            # day named after it: "signed late on 12 March. The guns fell silent at noon the
            # next day")
    return [x for j, x in enumerate(items) if j not in drop]


_ON_GAP = regex.compile(r"\s+on\s+")


@register("part_on_day", 58)
def _part_on_day(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """"at dawn on 4 November", "until dawn on Saturday": a part of the day told before "on"
    and a day is of that day, two expressions as the probes tag them ("before dawn Tuesday",
    with no "on", is left to the weekday by the dawn pattern)."""
    for a, b in zip(items, items[1:], strict=False):
        if (a.type == "TIME" and regex.search(r"T[A-Z]{2}$", a.value)
                and precision(b.value) == "day" and _ON_GAP.fullmatch(text, a.end, b.start)):
            a.value = b.value[:10] + a.value[10:]
    return items


@cache
def _part_of_day_lead() -> regex.Pattern[str]:
    """"the night of ", "the morning of ": a part of the day named after it (the parts of
    the day that are spans, not clock times: "the noon of" is no English)."""
    parts = [w for w, code in get_lexicon().parts_of_day.items() if code.isalpha()
             and w != "overnight"]
    return regex.compile(rf"(?i)\b(?:the\s+)?({'|'.join(parts)})\s+of\s+$")


_RANGE_ON = regex.compile(r"\s*(?:[-–]|to\b|and\b)\s*\d")


@register("part_of_named_day", 55)
def _part_of_named_day(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """"on the night of 26 May", "the morning of October 16": one TIME, that part of that
    day (TimeML: 1982-05-26TNI), not the day alone. A night across two days ("the night of
    10-11 March") stays two days."""
    for item in items:
        if (item.type != "DATE" or precision(item.value) != "day" or "W" in item.value
                or _RANGE_ON.match(text, item.end)):
            continue
        lead = _part_of_day_lead().search(text, max(0, item.start - 20), item.start)
        if lead is None:
            continue
        code = get_lexicon().parts_of_day[lead.group(1).lower()]
        item.type, item.value, item.start = "TIME", f"{item.value}T{code}", lead.start()
    return items
