"""Holidays: fixed, Easter-based, nth-weekday and Hijri days ("Christmas", "Thanksgiving",
"Ramadan"), with their weeks and weekends."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import regex

from .. import calendar_math as cm
from ..anchoring import (
    deadline_tense,
    pick_year,
)
from ..context import Context, Resolved
from ..sentences import words_before
from .common import pod_code, span_of, with_pod
from .registry import gate, rule


def _holiday_by_tense(ctx: Context, m: regex.Match[str], on: Callable[[int], date | None]
                      ) -> date | None:
    """A holiday without a year: the last one for a past clause, the next one for a future
    clause (they are a year apart: no nearer reading can compete), else the nearest."""
    dct = ctx.dct
    days = [d for d in (on(y) for y in (dct.year - 1, dct.year, dct.year + 1)) if d]
    tense = deadline_tense(ctx, m.start(), m.end())

    def began(d: date) -> date:  # "as Easter week began": the week began before the day
        return d - timedelta(days=d.isoweekday() - 1) if m["wk"] else d

    if tense == "past" and any(began(d) <= dct for d in days):
        return max(d for d in days if began(d) <= dct)
    if tense == "future" and any(d >= dct for d in days):
        return min(d for d in days if d >= dct)
    base = on(dct.year)
    if base is None:
        return None
    return on(pick_year(ctx, m.start(), m.end(), base.month, base.day))


@gate("holiday")
def g_holiday(ctx: Context, m: regex.Match[str]) -> bool:
    """"Orthodox Christmas", "Lunar New Year": another calendar's day, not the Western one."""
    before = words_before(ctx, m.start(), 1)
    return not (before and before[-1] in ctx.lex.sets.other_calendar)


@rule("holiday")
def r_holiday(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'on Christmas Day', 'Thanksgiving weekend', 'during Ramadan', 'Easter 2020',
    'on Christmas morning' (a TIME of the day)."""
    spec = ctx.lex.holidays[regex.sub(r"\s+", " ", m["hol"].lower())]

    def on(y: int) -> date | None:
        fixed = regex.fullmatch(r"(\d\d)-(\d\d)", spec)
        if fixed:
            return date(y, int(fixed.group(1)), int(fixed.group(2)))
        hijri = regex.fullmatch(r"hijri (\d+)(?:-(\d+))?", spec)
        if hijri:
            return cm.hijri_in_year(y, int(hijri.group(1)), int(hijri.group(2) or 1))
        e = regex.fullmatch(r"easter([+-]\d+)", spec)
        if e:
            return cm.easter(y) + timedelta(days=int(e.group(1)))
        r = regex.fullmatch(r"(\w+) (\w+)(?: after (\w+) (\w+))? of (\d+)", spec)
        if not r:
            return None
        mo = int(r.group(5))
        if r.group(3):  # "1st tuesday after 1st monday of 11": US Election Day
            ref = cm.nth_weekday(y, mo, ctx.lex.weekdays[r.group(4)], int(r.group(3)[0]))
            return ref + timedelta(
                days=(ctx.lex.weekdays[r.group(2)] - ref.isoweekday() - 1) % 7 + 1
            )
        nth = -1 if r.group(1) == "last" else int(r.group(1)[0])
        return cm.nth_weekday(y, mo, ctx.lex.weekdays[r.group(2)], nth)

    d = on(int(m["y"])) if m["y"] else _holiday_by_tense(ctx, m, on)
    if d is None:
        return None
    if m["wk"]:
        return Resolved(*span_of(m), "DATE", cm.fmt_week(d), relative=True)
    if m["we"]:
        # "the Thanksgiving weekend": the weekend the holiday falls in, or the one after it
        return Resolved(*span_of(m), "DATE", cm.fmt_week(d) + "-WE", relative=True)
    if regex.fullmatch(r"hijri \d+", spec):  # a whole month: Ramadan, from its first day
        value = f"{d.isoformat()}/{cm.hijri_month_end(d).isoformat()}"
        return Resolved(*span_of(m), "DATE", value, explicit=bool(m["y"]), relative=not m["y"])
    if m["pod"]:  # "on Christmas morning"
        return Resolved(*span_of(m), *with_pod(d.isoformat(), pod_code(ctx, m["pod"])),
                        relative=True)
    return Resolved(*span_of(m), "DATE", d.isoformat(), explicit=bool(m["y"]), relative=not m["y"])
