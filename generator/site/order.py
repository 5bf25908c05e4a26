"""Where a chronology lists an entry: the day it is placed at, and its month heading.

A day ("Aug. 7, 1998") is listed on its day and a range of days ("Nov. 15-18") on its first.
A coarser date (a week, a month, a quarter, a year) names a span, and listing it at the
span's first day would put "Week of Aug. 3: the bombings claim 217 lives" above the Aug. 7
bombings it counts. Published chronologies list such an item where its evidence places it
in the span, not at its start: the African Exponent's chronology of the embassy bombings
gives Wadih el Hage's "September 1998" arrest after the Aug. 28 charge and before the
Sept. 16 arrest, where the reports of it fall. So a coarse entry is placed at the day it was
first reported when that day lies in its span (it had happened by then), and otherwise, a
plan told before its span or a date told after it, at the span's last day: after the days
the span covers, the "during August" items at the end of the month.
"""

from __future__ import annotations

from datetime import date

# Precisions that name a day (or a time on it, or a range of days): listed at their start.
_DAYS = frozenset({"day", "time"})
# Spans that are always listed under the month they are placed in (they may cross one).
_WEEKS = frozenset({"week", "weekend"})


def placed(precision: str, start: date, end: date, reported: date | None) -> date:
    """The day an entry is listed at, from its span and the day it was first reported (None:
    no source says).

    "August 1998", first reported Aug. 20, 1998: Aug. 20. "Week of Aug. 3, 1998" (Aug. 3-9)
    reported Aug. 11: Aug. 9. "December 2021 (planned)" reported in November: Dec. 31.
    """
    if precision in _DAYS:
        return start
    if reported is not None and start <= reported <= end:
        return reported
    return end


def during(precision: str, start: date, end: date, at: date) -> bool:
    """An entry placed ``at`` the end of its span of more than one month ("the fourth
    quarter of 2021", "2014", not reported inside it) is shown after the months it covers,
    under no month heading of its own."""
    return ((start.year, start.month) != (end.year, end.month)
            and precision not in _WEEKS and precision not in _DAYS and at == end)


def order_key(precision: str, start: date, end: date, at: date) -> tuple:
    """Sort key, before the source tie-breaks: the day placed ``at``; on one day its own
    entries first (a range of days starting on it before the day alone, as it opens what
    the day tells), then the coarse ones placed there, the narrower span first (a month
    before its quarter)."""
    coarse = precision not in _DAYS
    span = (end - start).days
    return (at, coarse, span if coarse else -span, start)
