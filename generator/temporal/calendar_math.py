"""Small pure calendar helpers shared by the rules (formatting, counting months, holidays)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def fmt_day(d: date) -> str:
    return d.isoformat()


def fmt_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def fmt_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def two_digit_year(yy: int, dct: date) -> int:
    """The year a two-digit year ('91, FY24, 3/5/91) names: in the century that puts it at most
    ten years after the DCT (news looks back much further than it looks ahead)."""
    year = dct.year - dct.year % 100 + yy
    if year > dct.year + 10:
        year -= 100
    elif year < dct.year - 89:
        year += 100
    return year


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def add_years_day(d: date, n: int) -> date:
    y = d.year + n
    return date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def nth_weekday(y: int, m: int, weekday: int, n: int) -> date:
    """n-th (1-based; -1 = last) ISO weekday (1=Mon) of a month."""
    if n > 0:
        first = date(y, m, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(y, m, calendar.monthrange(y, m)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def easter(y: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian computus."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def hijri_in_year(year: int, month: int, day: int) -> date | None:
    """The first Gregorian day in ``year`` that is ``day`` of Hijri ``month`` (Umm al-Qura, by
    hijridate: the tables of the Saudi calendar, 1924-2077; a date outside them is None)."""
    from hijridate import Gregorian, Hijri  # imported when a text names an Islamic holiday

    try:
        first = Gregorian(year, 1, 1).to_hijri().year
        for hijri_year in (first, first + 1):
            g = Hijri(hijri_year, month, day).to_gregorian()
            if g.year == year:
                return date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None
    return None


def hijri_month_end(first: date) -> date:
    """The last Gregorian day of the Hijri month that begins on ``first``."""
    from hijridate import Gregorian, Hijri

    h = Gregorian(first.year, first.month, first.day).to_hijri()
    year, month = (h.year + 1, 1) if h.month == 12 else (h.year, h.month + 1)
    g = Hijri(year, month, 1).to_gregorian()
    return date(g.year, g.month, g.day) - timedelta(days=1)
