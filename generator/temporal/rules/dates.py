"""Calendar dates: ISO and numeric dates, month-day (and day-month) with or without a year,
ranges of days, months, parts of a month, ordinal days."""

from __future__ import annotations

from datetime import date

import regex

from .. import calendar_math as cm
from ..anchoring import (
    ordinal_date,
    pick_year,
    story_year,
)
from ..context import Context, Resolved
from ..sentences import next_word, words_before
from .common import (
    NAME_BEFORE,
    day_number,
    opt_group,
    pos_mod,
    resolve_month_day,
    span_of,
    year_from_words,
)
from .registry import gate, rule


@rule("iso_date")
def r_iso(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'filed on 2021-03-04', '2021-03-04T14:30': an ISO date (or time)."""
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not cm.valid_day(y, mo, d):
        return None
    v = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["hh"]:
        return Resolved(*span_of(m), "TIME", f"{v}T{m['hh']}:{m['mm']}", explicit=True)
    return Resolved(*span_of(m), "DATE", v, explicit=True)


@rule("numeric_date")
def r_numeric(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'3/4/2021', '25/03/21': a slash date, month first unless the text writes them day first."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y = cm.two_digit_year(y, ctx.dct)
    mo, d = (b, a) if a > 12 or (b <= 12 and ctx.slash_day_first()) else (a, b)
    if not cm.valid_day(y, mo, d) or not 1000 <= y <= 2099:
        return None
    return Resolved(*span_of(m), "DATE", f"{y:04d}-{mo:02d}-{d:02d}", explicit=True)


@gate("numeric_date_dmy")
def g_numeric_dmy(ctx: Context, m: regex.Match[str]) -> bool:
    """"version 1.5.2026", "No. 12-3-2019": a number, not a date."""
    before = words_before(ctx, m.start(), 1)
    return not (before and before[-1].rstrip(".") in ("version", "v", "release", "build", "no",
                                                      "ref", "case", "file", "number"))


@rule("numeric_date_dmy")
def r_numeric_dmy(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'15.03.2026', '15-03-2026': day first, as where these are written; '2026/03/15'."""
    y, mo, d = (int(m["y"]), int(m["m"]), int(m["d"])) if m["y"] else (
        int(m["y2"]), int(m["m2"]), int(m["d2"]))
    if not cm.valid_day(y, mo, d):
        return None
    return Resolved(*span_of(m), "DATE", f"{y:04d}-{mo:02d}-{d:02d}", explicit=True)


@gate("month_day")
def g_month_day(ctx: Context, m: regex.Match[str]) -> bool:
    # "May 5" is safe; reject a bare small number after an ambiguous month used as a name
    nxt = next_word(ctx, m.end())
    return bool(m["y"]) or nxt.lower() not in ("percent", "%", "per", "million", "billion")


@rule("month_day")
def r_month_day(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'on Nov. 10', '10 November 2020', 'on Aug. 5 of that year': a month-day, its year written,
    the story's or picked from the DCT."""
    year = m["y"]
    if m["thaty"] and story_year(ctx) is not None:
        # "on Aug. 5 of that year", "on 3 May the following year": the story's year
        year = str(story_year(ctx) + ctx.lex.year_steps.get(m["thaty"].lower().split()[-1], 0))
    v = resolve_month_day(ctx, m, m["month"], m["d"], year, m.start(), m.end())
    if not v:
        return None
    mod = "APPROX" if opt_group(m, "q") else None
    return Resolved(
        *span_of(m),
        "DATE",
        v,
        mod=mod,
        explicit=True,
        relative=not m["y"],
        extra={"calendar": "1"},
    )


@rule("weekday_date")
def r_weekday_date(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'Tuesday, Nov. 16', 'Friday 19 November 2021': the written date, not the weekday,
    fixes the day. Without a year, the weekday picks it when the year the story gives is
    off by one: "On Thursday, 24 October" after "peaked on 3 September. A brief panic on 25
    March" read as 1930 is 1929, the year 24 October fell on a Thursday."""
    month_w, day_w = (m["month"], m["d"]) if m["month"] else (m["month2"], m["d2"])
    v = resolve_month_day(ctx, m, month_w, day_w, m["y"], m.start(), m.end())
    if not v:
        return None
    if not m["y"]:
        v = _weekday_year(v, ctx.lex.weekday_number(m["wd"]))
    return Resolved(*span_of(m), "DATE", v, explicit=True)


def _weekday_year(v: str, wd: int) -> str:
    """``v`` (yyyy-mm-dd) moved to the year before or after when only there its day falls on
    weekday ``wd`` (ISO, Monday 1)."""
    y, mo, d = int(v[:4]), int(v[5:7]), int(v[8:10])
    if date(y, mo, d).isoweekday() == wd:
        return v
    for other in (y - 1, y + 1):
        if cm.valid_day(other, mo, d) and date(other, mo, d).isoweekday() == wd:
            return f"{other:04d}{v[4:]}"
    return v


@gate("month_day_range")
def g_md_range(ctx: Context, m: regex.Match[str]) -> bool:
    """"on March 13 and 14 people died": a count after "and", not a second day."""
    return not (m["and"] and next_word(ctx, m.end()).lower() in ctx.lex.sets.quantity_after)


@rule("month_day_range")
def r_md_range(ctx: Context, m: regex.Match[str]) -> list[Resolved] | None:
    """'Nov. 15-18, 2023', 'March 13 and 14': two days of one month."""
    v1 = resolve_month_day(ctx, m, m["month"], m["d"], m["y"], m.start(), m.end())
    if not v1:
        return None
    d2 = day_number(ctx, m["d2"])
    if d2 is None or not cm.valid_day(int(v1[:4]), int(v1[5:7]), d2) or d2 <= int(v1[8:]):
        return None
    first_end = m.start("d") + len(m["d"])
    second_end = m.end("y") if m["y"] else m.end("d2")
    return [
        Resolved(m.start(), first_end, "DATE", v1, explicit=True),
        Resolved(m.start("d2"), second_end, "DATE", f"{v1[:8]}{d2:02d}", explicit=True),
    ]


@rule("day_month_range")
def r_dm_range(ctx: Context, m: regex.Match[str]) -> list[Resolved] | None:
    """'from 20 to 22 March', 'the night of 10-11 March': the month (and year) written once,
    after the second day, holds for both."""
    v2 = resolve_month_day(ctx, m, m["month"], m["d2"], m["y"], m.start(), m.end())
    d1 = day_number(ctx, m["d"])
    if not v2 or d1 is None or not 1 <= d1 < int(v2[8:]):
        return None
    return [
        Resolved(m.start(), m.start("d") + len(m["d"]), "DATE", f"{v2[:8]}{d1:02d}",
                 explicit=True),
        Resolved(m.start("d2"), m.end(), "DATE", v2, explicit=True),
    ]




@rule("part_of_month")
def r_part_of_month(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'the first week of March', 'the last days of December': the month, with its part as
    the TimeML mod (a week of a month is not an ISO week, and the month is what is sure)."""
    mo = ctx.lex.month_number(m["month"])
    y = int(m["y"]) if m["y"] else pick_year(ctx, m.start(), m.end(), mo, None)
    mod = ctx.lex.part_of_month_mods[m["ord"].lower()]
    if m["span"].lower() == "half" and mod == "MID":
        mod = "END"  # the second half of a month is its end
    return Resolved(*span_of(m), "DATE", cm.fmt_month(y, mo), mod=mod, explicit=True,
                    relative=not m["y"])


@rule("month_year")
def r_month_year(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'November 2021', 'early March of 2020', 'May nineteen ninety-seven': a month of a year."""
    y = year_from_words(ctx, m["yw"]) if opt_group(m, "yw") else int(m["y"])
    if y is None:
        return None
    return Resolved(
        *span_of(m),
        "DATE",
        cm.fmt_month(y, ctx.lex.month_number(m["month"])),
        mod=pos_mod(ctx, m),
        explicit=True,
    )


@rule("month_rel_year")
def r_month_rel_year(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'July last year', 'January this year', 'April next year', '24 January last year': one
    month (or day) of a DCT year."""
    y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    mo = ctx.lex.month_number(m["month"])
    day = day_number(ctx, m["d"]) if m["d"] else None
    if day is not None and cm.valid_day(y, mo, day):
        return Resolved(*span_of(m), "DATE", f"{y:04d}-{mo:02d}-{day:02d}", explicit=True,
                        relative=True)
    return Resolved(
        *span_of(m),
        "DATE",
        cm.fmt_month(y, mo),
        mod=pos_mod(ctx, m),
        explicit=True,
        relative=True,
    )


@gate("month")
def g_month(ctx: Context, m: regex.Match[str]) -> bool:
    word = m["month"].lower().rstrip(".")
    if m["pmod"] or opt_group(m, "thaty"):
        return True  # ("in March of that year he signed": the year makes it a month)
    if m["month"].endswith(".") is False and len(word) <= 3 and word != "may":
        return False  # bare "Jan" "Dec": too often names or codes
    if _NAME_OF.match(ctx.text, m.end()):
        return False  # "the March of the Combatant Mothers", "March of Dimes": a name
    if word not in ctx.lex.ambiguous_months:
        # capitalized word right before ("Theresa May", "Ides of March" aside): a name
        return not NAME_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    before = words_before(ctx, m.start(), 1)
    if not before or before[0] not in ctx.lex.sets.month_gate_before:
        return False
    nxt = next_word(ctx, m.end()).lower()
    return nxt not in ctx.lex.sets.month_reject_after


_SHARED_YEAR = regex.compile(
    r"\s*(?:-|–|—|and|or|to|through|until|till)\s+(?P<m>[A-Z][a-z]+\.?),?\s+(?:(?P<y>\d{4})\b"
    r"|(?:of\s+)?(?P<thaty>that|the\s+same|the\s+following|the\s+next|the\s+previous|"
    r"the\s+preceding)\s+year\b)"
)


_NAME_OF = regex.compile(r"\s+of\s+(?:the\s+)?[A-Z][a-z]")


@rule("month")
def r_month(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'in August', 'between March and May 2023', 'in April that year': a month, its year shared,
    the story's or picked from the DCT."""
    mo = ctx.lex.month_number(m["month"])
    shared = _SHARED_YEAR.match(ctx.text, m.end())
    if shared and shared["m"].lower().rstrip(".") not in ctx.lex.months:
        shared = None
    thaty = m["thaty"] or (shared["thaty"] if shared else None)
    if shared and shared["y"]:
        y = int(shared["y"])  # "between March and May 2023": the year written once is both's
    elif thaty and story_year(ctx) is not None:
        # "in April that year", "in May of the following year", "in June and November of
        # that year": the year the story has reached
        y = story_year(ctx) + ctx.lex.year_steps.get(thaty.lower().split()[-1], 0)
    else:
        y = pick_year(ctx, m.start(), m.end(), mo, None)
    return Resolved(
        *span_of(m), "DATE", cm.fmt_month(y, mo), mod=pos_mod(ctx, m), relative=True, explicit=True
    )


@rule("ordinal_day")
def r_ordinal(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'on the 12th', 'the 19th of this month': a day of the DCT's month (or the one next to it)."""
    this_month = bool(regex.search(r"(?i)this\smonth|inst", m.group(0)))
    value = ordinal_date(ctx, int(m["d"]), m.start(), m.end(), this_month)
    return Resolved(*span_of(m), "DATE", value, relative=True) if value else None
