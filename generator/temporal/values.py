"""TIMEX3 value grammar: validity, calendar precision and inclusive date bounds.

Seasons use the *meteorological* convention (spring = Mar-May, summer = Jun-Aug, fall =
Sep-Nov, winter = Dec of the year through Feb of the next): whole months are what news means by
"this summer", and they keep bounds independent of the astronomical calendar.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import regex

from .precision import PRECISIONS, SEASON_MONTHS

_X = r"[\dX]"
_POD = r"(?:MO|MI|AF|EV|NI|DT)"  # TimeML's parts of the day (MI: midday, "este mediodía")
_CLOCK = rf"(?:{_X}{_X}(?::{_X}{_X}(?::{_X}{_X}(?:\.\d+)?)?)?)"
_TIME_PART = rf"T(?:{_POD}|{_CLOCK})(?:Z|[+-]\d\d(?::?\d\d)?)?"
_DATE = (
    rf"(?:{_X}{{4}}(?:-(?:{_X}{_X}(?:-{_X}{_X})?|W{_X}{{1,2}}(?:-(?:{_X}|WE))?"
    rf"|Q[1-4X]|H[12X]|SP|SU|FA|WI))?|{_X}{{3}}|{_X}{{2}})"
)
_DUR_NUM = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = (
    rf"P(?:(?:{_DUR_NUM}[YMWDQLEC]|{_DUR_NUM}WE)+(?:T(?:{_DUR_NUM}[HMS])+)?"
    rf"|T(?:{_DUR_NUM}[HMS])+|XX)"
)
_VALID = regex.compile(
    rf"(?:{_DATE}(?:{_TIME_PART})?|{_TIME_PART}|{_DURATION}|PAST_REF|PRESENT_REF|FUTURE_REF)"
)


def is_valid(value: str) -> bool:
    """True if ``value`` follows the TimeML TIMEX3 value grammar (as used in TimeBank), or is
    a date range (``interval``)."""
    if "/" in value:
        return interval(value) is not None
    return bool(value) and _VALID.fullmatch(value) is not None


def interval(value: str) -> tuple[str, str] | None:
    """The two ends of a date range written as an ISO 8601 interval of calendar values of one
    precision, the first before the second: ``2023-11-15/2023-11-18`` ("Nov. 15-18"),
    ``2024-03/2024-05`` ("between March and May"), ``2014/2016``. TIMEX3 has no single
    value for a range; a timeline entry needs one, and editors read this one. Times too, on
    two days: ``2024-06-27T07:00/2024-07-02T07:00``."""
    first, sep, last = value.partition("/")
    if not sep or "/" in last:
        return None
    if not (_VALID.fullmatch(first) and _VALID.fullmatch(last)):
        return None
    kind = precision(first)
    a, b = bounds(first), bounds(last)
    if kind is None or kind != precision(last) or a is None or b is None or a[0] >= b[0]:
        return None
    return first, last


# precision and bounds are asked of the same few values many times over (each mention, each
# event, each merge): they are pure, so each value is worked out once per process.
@lru_cache(maxsize=8192)
def precision(value: str) -> str | None:
    """Calendar granularity of a value (of each end of a range), or None for durations, REF
    tokens and X-only values."""
    if "/" in value:
        ends = interval(value)
        return precision(ends[0]) if ends else None
    if not is_valid(value) or value.startswith("P") or value.endswith("_REF"):
        return None
    if "T" in value:
        return "time" if value[:4].isdigit() else None
    if not value[: min(len(value), 4)].isdigit():
        return None
    if len(value) == 2:
        return "century"
    if len(value) == 3:
        return "decade"
    if len(value) == 4:
        return "year"
    rest = value[5:]
    if rest in SEASON_MONTHS:
        return "season"  # before weeks: winter is "WI"
    if rest.startswith("W"):
        if rest.endswith("WE"):
            return "weekend"
        return "day" if rest.count("-") == 1 and rest[-1].isdigit() else "week"
    if rest.startswith("Q"):
        return "quarter"
    if rest.startswith("H"):
        return "half"
    if len(rest) == 2:
        return "month" if rest.isdigit() else "year"
    return "day" if rest.replace("-", "").isdigit() else "month" if rest[:2].isdigit() else "year"


@lru_cache(maxsize=8192)
def bounds(value: str) -> tuple[date, date] | None:
    """Inclusive (first day, last day) covered by a calendar value; None if not calendar."""
    if "/" in value:
        ends = interval(value)
        return (bounds(ends[0])[0], bounds(ends[1])[1]) if ends else None  # type: ignore[index]
    p = precision(value)
    if p is None:
        return None
    try:
        return PRECISIONS[p].bounds(value)
    except (ValueError, IndexError):
        return None


def shift_value(value: str, unit: str, n: int) -> str | None:
    """Shift a calendar value by n units (D, W, M, Q, Y), keeping the value's own precision
    when possible ("2021-Q3" a year back: "2020-Q3")."""
    p = precision(value)
    known = PRECISIONS.get(p) if p else None
    if known is None or known.shift is None:
        return None
    try:
        return known.shift(value, unit, n)
    except ValueError:
        return None
