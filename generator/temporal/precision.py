"""One table of calendar precisions: what each (day, week, month, quarter, season, year, decade,
century...) covers, how it counts and how a reader sees it.

``values.bounds`` (the days a value covers), ``calendar_shift`` ("the week before the one
holding Nov. 18"), ``shift_value`` ("the same quarter a year earlier") and the site's date
labels ("Week of Nov. 15, 2021") all read ``PRECISIONS`` instead of a chain of ``if``s each.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from . import calendar_math as cm

Words = Mapping[str, Any]  # the site's wording of dates (generator/site/data/display.yaml)

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_TIME = re.compile(r"T(\d\d)(?::(\d\d))?")
_PART_OF_DAY = re.compile(r"T(MO|MI|AF|EV|NI|DT)$")


@dataclass(frozen=True, slots=True)
class Precision:
    """What one calendar precision knows.

    ``bounds(value)``: inclusive first and last day (may raise ValueError/IndexError on a
    malformed value); ``label(value, first_day, words)``: the reader's wording;
    ``containing(day, n)``: the value of the unit holding ``day``, moved by n units (None:
    the precision is no unit to count by); ``shift(value, unit, n)``: a value of this
    precision moved by n units of D/W/M/Q/Y, keeping its precision (None: not shiftable).
    """

    bounds: Callable[[str], tuple[date, date]]
    label: Callable[[str, date, Words], str]
    containing: Callable[[date, int], str] | None = None
    shift: Callable[[str, str, int], str | None] | None = None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _one_day(d: date) -> tuple[date, date]:
    return d, d


def _week_parts(value: str) -> tuple[date, list[str]]:
    """The Monday of an ISO week value ("2021-W46", "2021-W46-WE", "2021-W46-3") and the
    parts after the week number."""
    parts = value[6:].split("-")
    return date.fromisocalendar(int(value[:4]), int(parts[0]), 1), parts


# ---------------------------------------------------------------- bounds


def _time_bounds(value: str) -> tuple[date, date]:
    return _one_day(date.fromisoformat(value[:10]))


def _day_bounds(value: str) -> tuple[date, date]:
    if value[5:].startswith("W"):  # "2021-W46-3": a day of an ISO week
        monday, parts = _week_parts(value)
        return _one_day(monday + timedelta(days=int(parts[1]) - 1))
    return _one_day(date.fromisoformat(value[:10]))


def _week_bounds(value: str) -> tuple[date, date]:
    monday, _ = _week_parts(value)
    return monday, monday + timedelta(days=6)


def _weekend_bounds(value: str) -> tuple[date, date]:
    monday, _ = _week_parts(value)
    return monday + timedelta(days=5), monday + timedelta(days=6)


def _month_bounds(value: str) -> tuple[date, date]:
    y, m = int(value[:4]), int(value[5:7])
    return date(y, m, 1), _month_end(y, m)


def _quarter_bounds(value: str) -> tuple[date, date]:
    y, q = int(value[:4]), int(value[6])
    return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _half_bounds(value: str) -> tuple[date, date]:
    y, h = int(value[:4]), int(value[6])
    return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)


def _season_bounds(value: str) -> tuple[date, date]:
    y, code = int(value[:4]), value[5:]
    first, last = SEASON_MONTHS[code]
    if code == "WI":  # December of the year through February of the next
        return date(y, 12, 1), _month_end(y + 1, 2)
    return date(y, first, 1), _month_end(y, last)


def _year_bounds(value: str) -> tuple[date, date]:
    y = int(value[:4])
    return date(y, 1, 1), date(y, 12, 31)


def _decade_bounds(value: str) -> tuple[date, date]:
    first = int(value) * 10
    return date(max(first, 1), 1, 1), date(first + 9, 12, 31)


def _century_bounds(value: str) -> tuple[date, date]:
    first = int(value) * 100
    return date(max(first, 1), 1, 1), date(first + 99, 12, 31)


# ---------------------------------------------------------------- the unit holding a day


def _day_containing(base: date, n: int) -> str:
    return (base + timedelta(days=n)).isoformat()


def _week_containing(base: date, n: int) -> str:
    return cm.fmt_week(base + timedelta(weeks=n))


def _weekend_containing(base: date, n: int) -> str:
    return cm.fmt_week(base + timedelta(weeks=n)) + "-WE"


def _month_containing(base: date, n: int) -> str:
    return cm.fmt_month(*cm.add_months(base.year, base.month, n))


def _quarter_containing(base: date, n: int) -> str:
    k = base.year * 4 + cm.quarter_of(base) - 1 + n
    return f"{k // 4:04d}-Q{k % 4 + 1}"


def _half_containing(base: date, n: int) -> str:
    k = base.year * 2 + (base.month - 1) // 6 + n
    return f"{k // 2:04d}-H{k % 2 + 1}"


def _year_containing(base: date, n: int) -> str:
    return f"{base.year + n:04d}"


def _decade_containing(base: date, n: int) -> str:
    return f"{base.year // 10 + n:03d}"


def _century_containing(base: date, n: int) -> str:
    return f"{base.year // 100 + n:02d}"


# ---------------------------------------------------------------- a value moved by units


def _day_shift(value: str, unit: str, n: int) -> str | None:
    d = date.fromisoformat(value[:10])
    if unit == "D":
        return cm.fmt_day(d + timedelta(days=n))
    if unit == "W":
        return cm.fmt_day(d + timedelta(weeks=n))
    if unit == "M":
        y, m = cm.add_months(d.year, d.month, n)
        return cm.fmt_day(date(y, m, min(d.day, calendar.monthrange(y, m)[1])))
    if unit == "Y":
        return cm.fmt_day(cm.add_years_day(d, n))
    return None


def _month_shift(value: str, unit: str, n: int) -> str | None:
    y, m = int(value[:4]), int(value[5:7])
    if unit == "M":
        return cm.fmt_month(*cm.add_months(y, m, n))
    if unit == "Y":
        return cm.fmt_month(y + n, m)
    return None


def _quarter_shift(value: str, unit: str, n: int) -> str | None:
    y, q = int(value[:4]), int(value[6])
    if unit == "Q":
        k = y * 4 + q - 1 + n
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    if unit == "Y":
        return f"{y + n:04d}-Q{q}"
    return None


def _year_shift(value: str, unit: str, n: int) -> str | None:
    if len(value) == 4 and unit == "Y":
        return f"{int(value) + n:04d}"
    return None


def _week_shift(value: str, unit: str, n: int) -> str | None:
    if unit != "W":
        return None
    d = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    return cm.fmt_week(d + timedelta(weeks=n))


# ---------------------------------------------------------------- labels (AP style)


def day_words(day: date, words: Words) -> str:
    """"Nov. 18, 2021"."""
    return f"{words['months_with_day'][day.month - 1]} {day.day}, {day.year}"


def _clock(hour: int, minute: int) -> str:
    """AP times: "3 p.m.", "10:30 a.m.", "noon", "midnight"."""
    if (hour, minute) == (12, 0):
        return "noon"
    if (hour, minute) in ((0, 0), (24, 0)):
        return "midnight"
    suffix = "a.m." if hour % 24 < 12 else "p.m."
    twelve = hour % 12 or 12
    return f"{twelve} {suffix}" if minute == 0 else f"{twelve}:{minute:02d} {suffix}"


def _day_label(value: str, first: date, words: Words) -> str:
    text = day_words(first, words)
    part = _PART_OF_DAY.search(value)
    if part:
        return f"{text}, {words['parts_of_day'][part.group(1)]}"
    clock = _TIME.search(value)
    if clock:
        return f"{text}, {_clock(int(clock.group(1)), int(clock.group(2) or 0))}"
    return text


def _worded(name: str) -> Callable[[str, date, Words], str]:
    """The label of a precision written by its template in the site's words (``labels`` in
    display.yaml: "Week of {day}", "{quarter} {year}"), the same fields for every one."""

    def label(value: str, first: date, words: Words) -> str:
        code = value[-2:]
        return words["labels"][name].format(
            day=day_words(first, words), month=words["months_full"][first.month - 1],
            year=first.year, written_year=value[:4],  # a winter's first day is in December
            century=first.year // 100 + 1, quarter=words["quarters"].get(code),
            half=words["halves"].get(code), season=words["seasons"].get(code))

    return label


PRECISIONS: dict[str, Precision] = {
    "time": Precision(_time_bounds, _day_label),
    "day": Precision(_day_bounds, _day_label, _day_containing, _day_shift),
    "week": Precision(_week_bounds, _worded("week"), _week_containing, _week_shift),
    "weekend": Precision(_weekend_bounds, _worded("weekend"), _weekend_containing),
    "month": Precision(_month_bounds, _worded("month"), _month_containing, _month_shift),
    "quarter": Precision(_quarter_bounds, _worded("quarter"), _quarter_containing, _quarter_shift),
    "half": Precision(_half_bounds, _worded("half"), _half_containing),
    "season": Precision(_season_bounds, _worded("season")),
    "year": Precision(_year_bounds, _worded("year"), _year_containing, _year_shift),
    "decade": Precision(_decade_bounds, _worded("decade"), _decade_containing),
    "century": Precision(_century_bounds, _worded("century"), _century_containing),
}


def calendar_shift(base: date, unit: str, n: int) -> str | None:
    """Value of the calendar ``unit`` containing ``base`` shifted by n units ("last week"
    said on 2021-11-18: 2021-W45); None for a unit that is no precision to count by."""
    known = PRECISIONS.get(unit)
    if known is None or known.containing is None:
        return None
    return known.containing(base, n)

