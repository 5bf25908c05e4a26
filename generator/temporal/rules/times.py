"""Times of day: clock times ("at 4:17 a.m. Tuesday", "1400 GMT", "noon") and parts of a day
("late morning", "mid-afternoon yesterday")."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from ..anchoring import (
    clock_day,
    ordinal_date,
    weekday_date,
)
from ..context import Context, Resolved
from ..sentences import next_word, words_before
from ..values import precision
from .common import (
    opt_group,
    pod_code,
    pos_mod,
    resolve_month_day,
    span_of,
)
from .registry import gate, rule


@rule("pod_mod")
def r_pod_mod(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'by mid-afternoon', 'late morning', 'mid-afternoon yesterday': a part of the day named by
    the narrative (the last day-precision date mentioned) or the report."""
    deic = opt_group(m, "deic")
    if deic:
        d = ctx.dct + timedelta(days=ctx.lex.deictic_days[deic.lower()])
    elif ctx.anchor and precision(ctx.anchor) in ("day", "time"):
        d = date.fromisoformat(ctx.anchor[:10])
    else:
        d = ctx.dct
    pod = pod_code(ctx, m["pod"])
    return Resolved(*span_of(m), "TIME", f"{d.isoformat()}T{pod}", mod=pos_mod(ctx, m),
                    relative=True)


_EVERY_DAY_BEFORE = regex.compile(
    r"(?i)\b(?:every\s+(?:day|morning|evening|night|weekday)|daily|nightly|each\s+day)\s+"
    r"(?:from|at|between|until|till|before|after)\s+"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|hours|hrs)?\s*(?:to|and|until|till|-|–)\s*)?$")


# The end of a clock time, before a parenthesis that restates it in another zone.
_CLOCK_BEFORE = regex.compile(r"(?:\d|[ap]\.?m\.?|local\s+time|\b[A-Z]{2,4}T)\s*$")


@gate("clock_time")
def g_clock(ctx: Context, m: regex.Match[str]) -> bool:
    # "High Noon", "high noon comes today": the idiom, not twelve o'clock; "10:35 a.m. (0735
    # GMT)": the same time restated for another zone, not a second one
    if ctx.text[max(0, m.start() - 1) : m.start()] == "(" and (
            m["h4"] or _CLOCK_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start() - 1)):
        return False  # "12:50 local time (06:20 GMT) on Friday"
    if _EVERY_DAY_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return False  # "distributed every day from 08:00 to 18:00": hours of a routine
    return not (m["noon"] and words_before(ctx, m.start(), 1) == ["high"])


@rule("clock_time")
def r_clock(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'at 4:17 a.m. Tuesday', '1400 GMT', 'at noon on June 4', 'at 10 a.m. on the 13th'."""
    if m["noon"]:
        hh, mm = (12, 0) if m["noon"].lower() in ("noon", "midday") else (24, 0)
        if (hh == 24 and ((m["q"] or "").lower() in ("shortly after", "just after")
                          or words_before(ctx, m.start(), 1) == ["after"])):
            # "shortly after midnight on Dec. 19": the start of that day, not its end
            hh = 0
    elif m["h24"] or m["h24b"]:
        hh, mm = int(m["h24"] or m["h24b"]), int(m["min24"] or m["min24b"])
    elif m["h4"]:
        hh, mm = int(m["h4"]), int(m["m4"])  # wire style "1400 GMT"
    else:
        hh, mm = int(m["h"]), int(m["min"] or 0)
        pm = m["ampm"].lower().startswith("p")
        if hh > 12:
            return None
        hh = (hh % 12) + (12 if pm else 0)
    extra: dict[str, str] = {}
    if m["month3"] or m["month4"]:
        # "at 4.30am on Wednesday 11 March": the written date fixes the day, not the weekday
        month, day = (m["month3"], m["d3"]) if m["month3"] else (m["month4"], m["d4"])
        d = resolve_month_day(ctx, m, month, day, m["y3"], m.start(), m.end())
        if not d:
            return None
    elif m["wd"]:
        d = weekday_date(ctx, ctx.lex.weekday_number(m["wd"]), m.start(), m.end(), None).isoformat()
    elif m["d5"]:
        d = ordinal_date(ctx, int(m["d5"]), m.start(), m.end())  # "at 10 a.m. on the 13th"
        if not d:
            return None
    elif m["deic"]:
        d = (ctx.dct + timedelta(days=ctx.lex.deictic_days[m["deic"].lower()])).isoformat()
    elif m["month"] or m["month2"]:
        month, day, year = (m["month"], m["d"], m["y"]) if m["month"] else (
            m["month2"], m["d2"], m["y2"])
        d = resolve_month_day(ctx, m, month, day, year, m.start(), m.end())
        if not d:
            return None
    else:
        d = _before_stamp(ctx, m.start(), m.end(), clock_day(ctx, m.start(), m.end()), hh, mm)
        d = _after_night(ctx, d, hh, m.end())
        crossed = _past_midnight(ctx, d, hh, mm)
        told_day = (ctx.day_anchor or "")[:10]
        if crossed != d:
            # the story has gone on into the next day: that day is the one it has reached
            d, extra = crossed, {"told_day": "1"}
        elif (d == ctx.dct.isoformat() and d != told_day) or (
                d == told_day and "T" in (ctx.day_anchor or "")):
            # the day taken by default, or from the time told before: the story has reached
            # no day of its own ("detected at 11:40 p.m. on June 4, and by 2 a.m. the
            # following day" counts from June 4, not from this time)
            extra = {"default_day": "1"}
        elif told_day and d < told_day:
            # a beginning put on the first of the days told ("broke out before 10:30 a.m."):
            # the story is back on that day ("Shortly before 1:30 p.m., the orders were
            # widened")
            extra = {"told_day": "1"}
    mod = "APPROX" if m["q"] and m["q"].lower() in ("around", "about", "approximately") else None
    # a time with its day written ("11:40 p.m. on June 4") is where the story has got to
    dated = any(m[g] for g in ("month", "month2", "month3", "month4", "wd", "d5"))
    return Resolved(*span_of(m), "TIME", f"{d}T{hh:02d}:{mm:02d}", mod=mod, relative=True,
                    explicit=dated, extra=extra)


_CLAUSE_OPENS = regex.compile(r"(?:^|[.!?]\s+|[\"“]\s*)$")


@gate("hour_of_pod")
def g_hour_of_pod(ctx: Context, m: regex.Match[str]) -> bool:
    """A time after a preposition ("at 4 in the morning") or as a clause of its own ("\"Two
    in the morning, they dove into the water,\" he said"); not a count ("two meetings, two
    in the morning and one in the evening")."""
    if set(words_before(ctx, m.start(), 1)) & ctx.lex.sets.hour_before:
        return True
    return (ctx.text.startswith(",", m.end())
            and _CLAUSE_OPENS.search(ctx.text, max(0, m.start() - 3), m.start()) is not None)


def _after_night(ctx: Context, day: str, hh: int, end: int) -> str:
    """The day of a bare clock time in the small hours told after a night: the day after it
    ("on Friday night ... The bomb squad stayed until about 3 a.m." is Saturday's 3 a.m.,
    as dawn after a night is the next morning), and of a morning time told after a late
    evening one; "on Friday night ... at 11 p.m." and "on Friday ... at 3 a.m." stay on
    Friday."""
    told = ctx.day_anchor or ""
    if told[:10] != day:
        return day
    late = _LATE_CLOCK.search(told) and not _OWN_DAY_AFTER.match(ctx.text, end)
    if (hh < 6 and told.endswith(("TNI", "T24:00"))) or (late and hh < 12):
        # ("Polls closed at 10 p.m. on Thursday, and Dundee declared shortly after 1:30
        # a.m." is Friday's 1:30, and a morning told after the evening is the next one)
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    return day


# A clock time late in the evening (8 p.m. or later): a morning told after it is the next one,
# unless its own day follows it ("by 2 a.m. the following day").
_LATE_CLOCK = regex.compile(r"T2[0-3]:\d\d$")
_OWN_DAY_AFTER = regex.compile(
    r"(?i),?\s+(?:(?:on\s+)?[a-z]+day\b|the\s+(?:following|next|same)\s+(?:day|morning))")

def _past_midnight(ctx: Context, day: str, hh: int, mm: int) -> str:
    """The day of a bare clock time in the small hours in a story that has reached a time
    late on ``day``, or one after midnight: the day after ("At 11:40 p.m., the lookout
    sighted an iceberg. The first lifeboat was lowered at about 12:45 a.m., and the ship
    sank at 2:20 a.m." is the next day's 00:45 and 02:20). Not a time earlier than the small
    hour reached ("At 3 a.m. ... it had begun at 1 a.m."), nor one in the day ("At 11:40
    p.m. ... at 9 a.m." is left to its day)."""
    story = ctx.story or ""
    if precision(story) != "time" or not regex.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d", story):
        return day
    told, sh, sm = story[:10], int(story[11:13]), int(story[14:16])
    following = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    if hh < _SMALL_HOURS and ((told == day and sh >= _LATE_EVENING)
                              or (told == following and (sh, sm) <= (hh, mm) < (_SMALL_HOURS, 0))):
        return following
    return day


# A clock time from this hour on is late in the evening; one before _SMALL_HOURS after
# midnight.
_LATE_EVENING = 21
_SMALL_HOURS = 6


@rule("hour_of_pod")
def r_hour_of_pod(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'at 4 in the morning', '"Two in the morning, they dove into the water"': the hour of
    a clock time said in words, on the day a bare clock time would take."""
    h = m["h"].lower()
    hh = int(h) if h.isdigit() else int(ctx.lex.number(h) or 0)
    if not 1 <= hh <= 12:
        return None
    hh = hh % 12 + (0 if m["pod"].lower() == "morning" else 12)
    d = clock_day(ctx, m.start(), m.end())
    return Resolved(*span_of(m), "TIME", f"{d}T{hh:02d}:00", relative=True)


@rule("dawn")
def r_dawn(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'sent out on Saturday night, but ... kept from reaching the area until dawn': the
    morning of the day a bare clock time would take, or of the day after a night told."""
    d = clock_day(ctx, m.start(), m.end())
    pod = pod_code(ctx, m["pod"])
    told = ctx.day_anchor or ""
    if pod == "MO" and told[:10] == d and told.endswith(("TNI", "T24:00")):
        d = (date.fromisoformat(d) + timedelta(days=1)).isoformat()
    # "at dawn on 4 November": its day comes after it (``merges._part_on_day``), so it
    # tells the story no time of its own
    extra = {"day_after": "1"} if _ON_DAY.match(ctx.text, m.end()) else {}
    return Resolved(*span_of(m), "TIME", f"{d}T{pod}", relative=True, extra=extra)


_ON_DAY = regex.compile(r"\s+on\s+\S")


# What follows a live blog's entry stamp: its headline, capitalized ("14:20 Red warning ..."),
# on its line or the next ("10:37\nHow did we get here?").
_STAMP_HEADLINE = regex.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)[\"“‘]?[A-Z]")


@gate("entry_stamp")
def g_entry_stamp(ctx: Context, m: regex.Match[str]) -> bool:
    return bool(_STAMP_HEADLINE.match(ctx.text, m.end()))


@rule("entry_stamp")
def r_entry_stamp(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'14:20 Red warning stays until evening': a live blog's entry, on the day of the page
    (or of the key-dates label above it)."""
    day = ctx.label_day or ctx.dct.isoformat()
    start = m.start("h")
    return Resolved(start, m.end(), "TIME", f"{day}T{int(m['h']):02d}:{m['min']}",
                    relative=True, extra={"stamp": "1"})


def _before_stamp(ctx: Context, start: int, end: int, day: str, hh: int, mm: int) -> str:
    """The day of a bare clock time told in an entry of a live blog: later on the clock
    than the entry's stamp, in a past clause or naming a report issued, it is of the day
    before ("04:37 Nearly 100,000 households are without power, according to the 11pm
    update": the evening before); "14:20 Red warning stays until 6pm", "03:52 The curfew
    lifts at 11pm" stay on the day."""
    stamp = ctx.stamp
    if (stamp is None or stamp[0][:10] != day or "\n\n" in ctx.text[stamp[1] : start]
            or (hh, mm) <= (int(stamp[0][11:13]), int(stamp[0][14:16]))
            or not (ctx.tense(start, end) == "past"
                    or next_word(ctx, end).lower() in ctx.lex.sets.issued_nouns)):
        return day
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()
