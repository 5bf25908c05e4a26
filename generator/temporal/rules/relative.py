"""Expressions counted from the DCT or the narrative: "last week", "next spring", "the following
day", "that month", "earlier in the day", "hours later", "the weeks before the shooting"."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from .. import calendar_math as cm
from ..anchoring import (
    anchor_date,
    deadline_tense,
    in_anchor_paragraph,
    pointed_at,
    weekday_date,
)
from ..context import Context, Resolved
from ..precision import calendar_shift
from ..sentences import next_word, start_of_sentence, words_before
from ..tense import is_past_form
from ..values import precision
from .common import (
    SEASON_MONTH,
    as_written,
    opt_group,
    pod_code,
    pos_mod,
    span_of,
    with_pod,
)
from .periods import can_be_reported
from .registry import gate, rule

_OPEN_QUOTE = ('"', "“", "‘", "`", "'")


_COMPARATIVE_PMOD = ("earlier", "later")


# The last weekday (ISO, Wednesday) on which a past "this weekend" is the one just gone.
_LAST_DAY_AFTER_WEEKEND = 3


@gate("relative_unit")
def g_relative(ctx: Context, m: regex.Match[str]) -> bool:
    """'ABC's "This Week"', "'Next Year in Havana'": a quoted title-cased phrase is the name of a
    show or a work, not a time; nor is "that summer" in "said that summer crops ..."."""
    if m["rel"].lower() == "that" and not _said_that_is_a_date(ctx, m):
        return False
    words = ctx.text[m.start() : m.end()].split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return True
    return not ctx.text[max(0, m.start() - 1) : m.start()].startswith(_OPEN_QUOTE)


@rule("relative_unit")
def r_relative(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'last week', 'next spring', 'this Friday', 'the following month', 'the past decade'."""
    rel = regex.sub(r"\s+", " ", m["rel"].lower())
    n = ctx.lex.relative_shifts.get(rel)
    if n is None:
        return None
    unit_w = as_written(ctx, m, "unit")
    unit = unit_w.lower()
    mod = pos_mod(ctx, m) or ("APPROX" if m["orso"] else None)
    base = ctx.dct
    if rel in ctx.lex.narrative_relatives:
        anchored = anchor_date(ctx, pointed_at(ctx) if rel == "that" else None)
        if anchored is None and rel in ("that",):
            anchored = ctx.dct
        base = anchored or ctx.dct
    if unit in ctx.lex.seasons:
        code = ctx.lex.seasons[unit]
        mid = SEASON_MONTH[code]
        cur_code = _season_code(base)
        if code == "WI":
            y = _winter_year(ctx, m, base, n, rel)
            return Resolved(*span_of(m), "DATE", f"{y:04d}-WI", mod=mod, relative=True)
        if n == 0:
            return Resolved(*span_of(m), "DATE", f"{base.year:04d}-{code}", mod=mod, relative=True)
        y = base.year
        if n < 0:
            y = base.year if (mid < base.month and code != cur_code) else base.year - 1
        else:
            y = base.year if (mid > base.month and code != cur_code) else base.year + 1
        return Resolved(*span_of(m), "DATE", f"{y:04d}-{code}", mod=mod, relative=True)
    if unit.rstrip(".") in ctx.lex.months and unit_w[:1].isupper():
        mo = ctx.lex.month_number(unit_w)
        if n == 0:
            y = base.year
        elif n < 0:
            y = base.year if mo < base.month else base.year - 1
        else:
            y = base.year if mo > base.month else base.year + 1
        return Resolved(*span_of(m), "DATE", cm.fmt_month(y, mo), mod=mod, relative=True)
    if unit.rstrip(".") in ctx.lex.weekdays and unit_w[:1].isupper():
        d = weekday_date(ctx, ctx.lex.weekday_number(unit_w), m.start(), m.end(), rel)
        # "went to court last Tuesday. He appeared again the next morning": a day the story
        # has reached, as a bare "Tuesday" is
        return Resolved(*span_of(m), "DATE", d.isoformat(), mod=mod, relative=True,
                        extra={"told_day": "1"})
    if unit not in ("week", "weekend", "month", "year", "quarter", "half", "decade", "century"):
        return None
    if rel in ("past", "the past") and unit in ("decade", "century"):
        # "over the past decade": the ten years up to now, not the 2010s (te3-train: P10Y)
        return Resolved(*span_of(m), "DURATION", "P10Y" if unit == "decade" else "P100Y",
                        mod=mod)
    latest = rel in ("latest", "the latest", "the last", "last")
    if unit == "quarter" and latest and n != 1 and ctx.last_quarter:
        return Resolved(*span_of(m), "DATE", ctx.last_quarter, mod=mod, relative=True)
    if unit == "weekend" and n == 0 and base.isoweekday() <= _LAST_DAY_AFTER_WEEKEND:
        # said on a Monday, "the protests this weekend were peaceful" are the weekend just
        # gone; said on a Thursday, "had been preparing for its festival this weekend" looks
        # to the coming one, past clause or not
        tense = ctx.tense(m.start(), m.end())
        if tense == "past":
            n = -1
    # said on a Sunday, "funding would be released this week" is the week starting tomorrow:
    # the ISO week ending today has no time left for it
    if (
        unit == "week"
        and n == 0
        and base.isoweekday() == 7
        and not opt_group(m, "pmod")
        and ctx.tense(m.start(), m.end()) == "future"
    ):
        n = 1
    v = calendar_shift(base, unit, n)
    if v is None:
        return None
    start = m.start()
    pm = (opt_group(m, "pmod") or "").lower()
    if unit == "week" and pm in _COMPARATIVE_PMOD and not opt_group(m, "some"):
        # "earlier this week": the corpora leave the comparative outside a week (0 of 4 spans
        # in te3-train include it) although they keep it with month/year ("earlier this
        # month": 5 of 9, "earlier this year": 6 of 7); "early this week" stays whole (3 of 3).
        # The part of the week it names stays as the mod (TE3 scores values, not mods).
        start = m.start("rel")
    return Resolved(start, m.end(), "DATE", v, mod=mod, relative=True)


def _season_code(d: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        d.month, "FA"
    )


def _winter_year(ctx: Context, m: regex.Match[str], base: date, n: int, rel: str) -> int:
    """The year a winter starts in (TIMEX "1997-WI" runs from December 1997 to February
    1998): "last winter" said in June 2026 is 2025-WI, "this winter" said in January 2026 is
    2025-WI too; between March and November "this winter" is the coming one unless the
    clause is past and not a narrative's "that winter"."""
    if base.month == 12 or base.month <= 2:
        current = base.year if base.month == 12 else base.year - 1
        return current + n
    if n < 0:
        return base.year - 1
    if n > 0:
        return base.year
    past = rel not in ctx.lex.narrative_relatives and ctx.tense(m.start(), m.end()) == "past"
    return base.year - 1 if past else base.year


_TO_DATE = regex.compile(
    r"\s+(?:to|through|ended|ending)\s+(?:on\s+)?(?:the\s+)?(\d{1,2}\s+)?([A-Z]\w+)")


def _ends_on_date(ctx: Context, end: int) -> bool:
    """'to March 6', 'ending Saturday', 'to 6 March': the words after a span name its last day
    or month."""
    tm = _TO_DATE.match(ctx.text, end)
    if not tm:
        return False
    w = tm.group(2).lower()
    return w in ctx.lex.months or (not tm.group(1) and w in ctx.lex.weekdays)


_ENDED_DATE = regex.compile(r"\s+(?:ended|ending)\s+(?:on\s+)?([A-Z][a-z]+\.?)\s+\d")


def _period_ended(ctx: Context, m: regex.Match[str], unit: str, mod: str | None):
    """'the year ended March 31' names a (fiscal) year-long span: TimeML DURATION P1Y. 'the
    quarter ended Sept. 30' is the reporting quarter labelled by its middle month (a fiscal
    quarter ending July 31 is mostly May-June: Q2)."""
    if unit == "year":
        return Resolved(*span_of(m), "DURATION", "P1Y", mod=mod)
    em = _ENDED_DATE.match(ctx.text, m.end())
    if not em or em.group(1).lower().rstrip(".") not in ctx.lex.months:
        return None
    mo = ctx.lex.month_number(em.group(1))
    y, mid = cm.add_months(ctx.dct.year, mo, -1)
    if mo > ctx.dct.month:
        y -= 1
    res = Resolved(*span_of(m), "DATE", f"{y:04d}-Q{(mid - 1) // 3 + 1}", relative=True)
    if can_be_reported(ctx, res):
        res.extra["reporting_quarter"] = "1"
    return res


# "The day before, ...", "the night after.": the unit next to the narrative's date. Only
# before punctuation: "the day before the vote" is relative to the vote, not to a date.
_AROUND = regex.compile(r"\s+(?P<rel>before|after|earlier|later)(?=\s*(?:[,.;:)!?]|$))")


def _the_unit_around(
    ctx: Context, m: regex.Match[str], unit: str, pod: str | None, around: regex.Match[str]
) -> Resolved | None:
    n = -1 if around["rel"] in ("before", "earlier") else 1
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        if not ctx.day_anchor:
            return None  # no day told yet: the publication day is no anchor for "the day before"
        d = date.fromisoformat(ctx.day_anchor[:10]) + timedelta(days=n)
        if pod:
            return Resolved(m.start(), around.end(), "TIME", f"{d.isoformat()}T{pod}",
                            relative=True)
        return Resolved(m.start(), around.end(), "DATE", d.isoformat(), relative=True)
    if not ctx.text.startswith(",", around.end()):
        return None  # "down from $450 million the year before.": a comparison, not a narrative
    base = anchor_date(ctx)
    v = calendar_shift(base, unit, n) if base and unit in ("week", "month", "year") else None
    return Resolved(m.start(), around.end(), "DATE", v, relative=True) if v else None


@rule("hours_later")
def r_hours_later(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'Hours later', 'minutes earlier': the same day as the last day told (none told: no
    value, it is the narrative's, not the report's)."""
    if not ctx.day_anchor:
        return None
    return Resolved(*span_of(m), "DATE", ctx.day_anchor[:10], relative=True)


@rule("the_unit")
def r_the_unit(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'the next day', 'the following morning', 'the week', 'the year ended March 31'."""
    unit = m["unit"].lower()
    adj = (m["adj"] or "").lower()
    mod = pos_mod(ctx, m)
    pod = pod_code(ctx, unit) if unit in ("morning", "afternoon", "evening", "night") else None
    around = None if adj else _AROUND.match(ctx.text, m.end())
    if around:
        return _the_unit_around(ctx, m, unit, pod, around)
    if pod:
        # "the next morning", "the following night": the part of the day after the narrative's
        # day; a bare "the morning" is tagged too rarely in TimeBank/AQUAINT to guess at
        if adj not in ("following", "next", "previous", "same"):
            return None
        if not (ctx.anchor and precision(ctx.anchor) in ("day", "time")):
            return None
        n = {"previous": -1, "same": 0}.get(adj, 1)
        d = date.fromisoformat(ctx.anchor[:10]) + timedelta(days=n)
        return Resolved(*span_of(m), "TIME", f"{d.isoformat()}T{pod}", mod=mod, relative=True,
                        extra={"told_day": "1"})
    nxt = next_word(ctx, m.end()).lower()
    if nxt in ("ended", "ending") and unit in ("year", "quarter") and adj in ("", "fiscal"):
        return _period_ended(ctx, m, unit, mod)
    if unit in ("week", "month", "year") and not adj and _ends_on_date(ctx, m.end()):
        # "in the week to March 6", "the year to October", "the week ended Saturday": a span
        # counted back from the date that follows (TimeML: a DURATION, the date its end point)
        return Resolved(*span_of(m), "DURATION", f"P1{unit[0].upper()}", mod=mod)
    followed = nxt in ("of", "before", "after", "earlier", "later", "when", "in", "that", "since")
    if followed and adj not in ("following", "next", "previous"):
        return None
    if adj in ("following", "next", "previous"):
        base = anchor_date(ctx) or ctx.dct
        n = -1 if adj == "previous" else 1
        if unit == "day" and not (ctx.anchor and precision(ctx.anchor) in ("day", "time")):
            base = ctx.dct
        v = calendar_shift(base, unit, n)
        if not v:
            return None
        told = {"told_day": "1"} if unit == "day" and base != ctx.dct else {}
        return Resolved(*span_of(m), "DATE", v, mod=mod, relative=True, extra=told)
    if adj == "same":
        base = anchor_date(ctx) or ctx.dct
        v = calendar_shift(base, unit, 0)
        return Resolved(*span_of(m), "DATE", v, mod=mod, relative=True) if v else None
    if unit == "period":
        if adj in ("latest", "current", "same"):
            # the period a results report is about: the last quarter named, else the last
            # quarter that has ended by the DCT
            v = ctx.last_quarter or calendar_shift(ctx.dct, "quarter", -1)
            return Resolved(*span_of(m), "DATE", v, mod=mod, relative=True)
        return None
    if unit == "week" and not mod and not adj:
        # "For the week, the index dropped": the week of the narrative (or of the DCT)
        base = anchor_date(ctx) if ctx.anchor and precision(ctx.anchor) == "day" else None
        v = calendar_shift(base or ctx.dct, "week", 0)
        return Resolved(*span_of(m), "DATE", v, relative=True) if v else None
    if unit in ("month", "week") and mod:
        if (unit == "month" and ctx.anchor and precision(ctx.anchor) in ("month", "day")
                and (ctx.anchor_end >= start_of_sentence(ctx.text, m.start())
                     or _in_history(ctx))):
            # "October alone saw 5,410 arrivals, helped by calm weather in the middle of the
            # month": the month just named in the sentence; in a history, the month it has
            # reached ("opened its hearings on 10 May [1937]. ... by the end of the month")
            return Resolved(*span_of(m), "DATE", ctx.anchor[:7], mod=mod, relative=True)
        v = calendar_shift(ctx.dct, unit, 0)
        return Resolved(*span_of(m), "DATE", v, mod=mod, relative=True) if v else None
    if unit == "quarter":
        if adj == "current":
            return Resolved(*span_of(m), "DATE", calendar_shift(ctx.dct, "quarter", 0), mod=mod)
        v = ctx.last_quarter or calendar_shift(ctx.dct, "quarter", -1)
        return Resolved(*span_of(m), "DATE", v, mod=mod, relative=True)
    if unit == "year":
        # in a history, the year it has reached: "On 1 August [1936], it flew over the
        # Olympic Stadium, and by the end of the year it had made ten round trips"
        base = anchor_date(ctx) if _in_history(ctx) else None
        year = base.year if base else ctx.dct.year
        return Resolved(*span_of(m), "DATE", f"{year:04d}", mod=mod, relative=True)
    if unit == "weekend" and ctx.story and not ctx.news_told and ctx.day_anchor:
        # a history's weekend is the one after the day it has reached: "On Thursday, 24
        # October [1929] ... The selling resumed after the weekend" is 1929-W43-WE
        v = calendar_shift(anchor_date(ctx, ctx.day_anchor), "weekend", 0)
        return Resolved(*span_of(m), "DATE", v, mod=mod, relative=True)
    if unit == "weekend":
        tense = deadline_tense(ctx, m.start(), m.end())  # "by the weekend" looks ahead
        n = 0 if tense == "future" or ctx.dct.isoweekday() >= 6 else -1
        return Resolved(
            *span_of(m), "DATE", calendar_shift(ctx.dct, "weekend", n), mod=mod, relative=True
        )
    return None


def _in_history(ctx: Context) -> bool:
    """Is the text a history that has told no news yet, its story at a time of its own?"""
    return ctx.story is not None and not ctx.news_told and ctx.anchor is not None


@gate("that_unit")
def g_that_unit(ctx: Context, m: regex.Match[str]) -> bool:
    return m["that"].lower() != "that" or _said_that_is_a_date(ctx, m)


# A second season joined to the first: "warned that autumn/winter storms ...".
_JOINED_SEASON = regex.compile(r"(?i)(?:\s*/\s*|\s+(?:and|or)\s+)(?:spring|summer|autumn|fall"
                               r"|winter)\b")


def _said_that_is_a_date(ctx: Context, m: regex.Match[str]) -> bool:
    """'Officials said that summer crops had been destroyed': after a verb of saying, "that"
    opens what was said, and "summer" before a noun is its adjective; "said that week was the
    worst" stays a week, and so does "said later that day that ..." (its "that" follows
    "later", not the verb)."""
    that = m.group(0).lower().find("that")
    before = words_before(ctx, m.start() + max(that, 0), 1)
    if not before or before[-1] not in ctx.lex.sets.reporting:
        return True
    after = _JOINED_SEASON.match(ctx.text, m.end())  # "autumn/winter storms"
    nxt = next_word(ctx, after.end() if after else m.end()).lower()
    noun_next = nxt.isalpha() and nxt not in ctx.lex.sets.clause_openers and not is_past_form(
        nxt, ctx.lex) and nxt not in ctx.lex.sets.future
    return not noun_next


@rule("that_unit")
def r_that_unit(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'that day', 'that evening', 'that month': the unit of the date told last
    (``pointed_at``)."""
    unit = m["unit"].lower()
    told = pointed_at(ctx)
    base = anchor_date(ctx, told)
    if base is None:
        return None
    pod = pod_code(ctx, unit)
    if pod:
        if not (told and precision(told) in ("day", "time")):
            return None
        t, v = with_pod(base.isoformat(), pod)
        return Resolved(*span_of(m), "TIME", v, relative=True)
    if unit == "day" and not (told and precision(told) in ("day", "time")):
        return None
    v = calendar_shift(base, unit, 0)
    return Resolved(*span_of(m), "DATE", v, mod=pos_mod(ctx, m), relative=True) if v else None


@gate("in_the_unit")
def g_in_the_unit(ctx: Context, m: regex.Match[str]) -> bool:
    """Not in a generic present: "hotter summers dry out vegetation earlier in the year"
    ("earlier in the day" is always some day's)."""
    return m["unit"].lower() == "day" or ctx.tense(m.start(), m.end()) is not None


@rule("in_the_unit")
def r_in_the_unit(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'earlier in the day': the unit holding the last day written in the paragraph (a story
    told from Tuesday stays on Tuesday), else the DCT's."""
    unit = m["unit"].lower()
    dated = (ctx.anchor and precision(ctx.anchor) in ("day", "time")
             and in_anchor_paragraph(ctx, m.start()))
    base = date.fromisoformat(ctx.anchor[:10]) if dated else ctx.dct
    v = base.isoformat() if unit == "day" else calendar_shift(base, unit, 0)
    return Resolved(*span_of(m), "DATE", v, mod=pos_mod(ctx, m), relative=True) if v else None


@rule("units_around_event")
def r_units_around_event(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'in the weeks before the shooting', 'the day after his death': a stretch of time next to
    an event of the narrative. TimeBank tags the unit word alone as a DATE in the period of
    the event (the last explicit date); the day next to it when the unit is a day."""
    unit = m["unit"].lower()
    a = ctx.anchor
    if not a or precision(a) not in ("day", "time", "month"):
        return None
    if unit == "day":
        if precision(a) == "month":
            return None
        after = regex.match(r"\s(?:just\s|right\s)?(after|following)", ctx.text[m.end() :])
        d = date.fromisoformat(a[:10]) + timedelta(days=1 if after else -1)
        return Resolved(*span_of(m), "DATE", d.isoformat(), relative=True)
    return Resolved(*span_of(m), "DATE", a[:7], relative=True)
