"""Which day: a weekday name, a bare ordinal ("the 12th"), a clock time without a day, a
night before a report, and the date the narrative has reached (the anchor)."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from .. import calendar_math as cm
from ..context import Context
from ..sentences import start_of_sentence
from ..tense import clause_cue
from ..values import bounds, precision
from .clause import (
    FUTURE_PENALTY,
    TENSE_PENALTY,
    deadline_tense,
    sure_future,
)


def pointed_at(ctx: Context) -> str | None:
    """The date "that month", "that day" point back at: the narrative anchor, or a
    baseline told after it ("kept his truck loaded since February. That month, the dam's
    spillway failed": February)."""
    if ctx.baseline and ctx.baseline[1] > ctx.anchor_end:
        return ctx.baseline[0]
    return ctx.anchor


def anchor_date(ctx: Context, value: str | None = None) -> date | None:
    """A day standing for the narrative anchor (or for ``value``): its day, the middle of
    its month, season or year."""
    anchor = value or ctx.anchor
    if not anchor:
        return None
    p = precision(anchor)
    if p in ("day", "time"):
        return date.fromisoformat(anchor[:10])
    if p == "month":
        return date(int(anchor[:4]), int(anchor[5:7]), 15)
    if p == "year" and len(anchor) == 4:
        return date(int(anchor), 7, 1)
    if p in ("season", "quarter", "half"):
        # "in the summer of 2015 ... by the end of that year": the middle of the span
        span = bounds(anchor)
        return span[0] + (span[1] - span[0]) / 2 if span else None
    return None


def in_anchor_paragraph(ctx: Context, at: int) -> bool:
    """Is ``at`` in the paragraph of the last explicit date (no blank line between)?"""
    return "\n\n" not in ctx.text[ctx.anchor_end : at]


def weekday_date(ctx: Context, wd: int, start: int, end: int, rel: str | None) -> date:
    """Date of a weekday name relative to the DCT (AP style: bare names are within a week)."""
    dct = ctx.dct
    rel = (rel or "").lower().replace("the ", "").strip()
    joined = None if rel else _joined_weekday(ctx, wd, start)
    if joined is not None:
        return joined
    if (
        rel in ("that", "following", "previous", "next")
        and ctx.anchor
        and precision(ctx.anchor) == "day"
    ):
        base = date.fromisoformat(ctx.anchor[:10])
        if rel == "previous":
            return base - timedelta(days=(base.isoweekday() - wd - 1) % 7 + 1)
        if rel in ("following", "next") and rel != "next":
            return base + timedelta(days=(wd - base.isoweekday() - 1) % 7 + 1)
        if rel == "that":
            return base + timedelta(days=(wd - base.isoweekday()) % 7)
    if rel in ("last", "this past", "previous"):
        back = dct - timedelta(days=(dct.isoweekday() - wd - 1) % 7 + 1)
        if rel == "last" and (dct - back).days == 1:
            # "last Thursday" said on a Friday is not yesterday (that would be "yesterday" or
            # "Thursday") but the week before; otherwise it is the latest one, as the corpora
            # read it ("the day before last Tuesday's hearing" in a Thursday story: Monday)
            return back - timedelta(days=7)
        return back
    if rel in ("next", "this coming", "following"):
        return dct + timedelta(days=(wd - dct.isoweekday() - 1) % 7 + 1)
    if wd == dct.isoweekday():
        if (_SINCE_CLAUSE.search(ctx.text, max(0, start - 80), start)
                and not (ctx.day_anchor and ctx.day_anchor[:10] == dct.isoformat())):
            # "30 people have been killed since ground operations expanded on Friday" said
            # on a Friday: what has gone on since a day began before it, a week ago (today
            # would be "since this morning"); but "a truce starting on April 1. 'We have
            # kept to it since it began on Saturday'" said on Saturday April 1 is the day
            # the story has told
            return dct - timedelta(days=7)
        return dct
    tense = deadline_tense(ctx, start, end)
    if tense == "future" and _EARLIEST.search(ctx.text, max(0, start - 20), start):
        # "The union said Friday ... Some start as early as Friday night" filed on Saturday:
        # the earliest time of a plan is the first such day from the story's day
        base = date.fromisoformat(ctx.day_anchor[:10]) if ctx.day_anchor else dct
        base = base if (dct - base).days == 1 else dct
        return base + timedelta(days=(wd - base.isoweekday()) % 7)
    if tense == "future" and clause_cue(ctx.text, start, end, ctx.lex) == "intent":
        # "Parliament voted to suspend him on Monday" is as often the day of the vote
        tense = None
    back = dct - timedelta(days=(dct.isoweekday() - wd) % 7)
    ahead = dct + timedelta(days=(wd - dct.isoweekday()) % 7)
    if _RIGHT_AFTER_SINCE.search(ctx.text, max(0, start - 12), start):
        return back  # "missing since Friday's storm": what has gone on since lies behind
    if tense == "past" and (ahead - dct).days == 1 and _LOCAL_TIME.match(ctx.text, end):
        # "crashed after takeoff from Tehran early Wednesday local time" filed on Tuesday:
        # the place's day runs ahead of the paper's, by a day at most
        return ahead
    if rel == "this":
        # "this Friday" is the coming one ("this past Friday" is the other), unless the
        # clause is told in the past
        return back if tense == "past" else ahead
    cost_back = (dct - back).days * (TENSE_PENALTY if tense == "future" else 1)
    # a weekday ahead in a surely future clause pays nothing extra: "the minister will travel
    # to Kyiv on Sunday" said on a Monday is next Sunday, not yesterday
    ahead_factor = 1.0 if tense == "future" and sure_future(ctx, start, end) else FUTURE_PENALTY
    cost_ahead = (ahead - dct).days * (TENSE_PENALTY if tense == "past" else ahead_factor)
    return ahead if cost_ahead < cost_back else back


# A weekday joined to the one right before it: "on Thursday and Friday", "Monday or Tuesday",
# "Friday-Saturday".
_JOINED_TO_WEEKDAY = regex.compile(r"(?i)\b([a-z]+day)(?:\s*,\s*|\s+(?:and|or)\s+|\s*[-–]\s*)$")


def _joined_weekday(ctx: Context, wd: int, start: int) -> date | None:
    """The day of a weekday joined by "and", "or" or a dash to the weekday just told: the
    first such day after it, so the pair runs forward as written ("Her shows on Thursday
    and Friday are cancelled" said on a Wednesday: tomorrow and the day after, not last
    Friday). None when no weekday comes right before, or the pair is written backwards."""
    m = _JOINED_TO_WEEKDAY.search(ctx.text, max(0, start - 20), start)
    if m is None or ctx.day_anchor is None or ctx.anchor_end != m.end(1):
        return None
    first = m.group(1).lower()
    if first not in ctx.lex.weekdays:
        return None
    base = date.fromisoformat(ctx.day_anchor[:10])
    step = (wd - base.isoweekday()) % 7
    if base.isoweekday() != ctx.lex.weekday_number(first) or not 0 < step <= _JOINED_DAYS:
        return None  # ("statements made Friday and Thursday": written backwards, each its own)
    return base + timedelta(days=step)


# How far on a joined weekday may run from the first: "Thursday and Friday", "Friday or
# Sunday", not "Monday and Friday" (four days on: each read on its own).
_JOINED_DAYS = 3


_SINCE_CLAUSE = regex.compile(r"(?i)\bsince\b[^,.;:()]*$")
_RIGHT_AFTER_SINCE = regex.compile(r"(?i)\bsince\s+$")
_EARLIEST = regex.compile(r"(?i)\bas\s+(?:early|soon)\s+as\s+(?:on\s+)?$")
# "Wednesday local time", "Wednesday morning (local time)": the day is the place's own.
_LOCAL_TIME = regex.compile(
    r"(?i)(?:\s+(?:morning|afternoon|evening|night))?,?\s+\(?local\s+time\b")


def ordinal_date(ctx: Context, d: int, start: int, end: int, this_month: bool = False
                  ) -> str | None:
    """'on the 12th': that day of the DCT's month, or of the month before (a past clause
    and a day still to come) or after (a future clause and a day gone); "the 19th
    instant", "of this month": the DCT's month whatever the tense."""
    dct = ctx.dct
    tense = ctx.tense(start, end)
    y, mo = dct.year, dct.month
    if this_month:
        pass
    elif tense == "past" and d > dct.day:
        y, mo = cm.add_months(y, mo, -1)
    elif tense == "future" and d < dct.day:
        y, mo = cm.add_months(y, mo, 1)
    if not cm.valid_day(y, mo, d):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


# A day after the parenthesis that restates a clock time in another zone, or closing it: "at
# about 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. EDT Thursday)".
_DAY_AFTER_CLOCK = regex.compile(
    r"\s*\((?:[^()]{1,30}\)\s*(?:on\s+)?|[^()]{1,30}\s)([A-Z][a-z]+day)\b")


def clock_day(ctx: Context, start: int, end: int) -> str:
    """The day of a clock time written without one: the day the paragraph has reached ("On
    Tuesday ... The quake hit at 4:17 a.m."), else the publication day. Not a day of an
    earlier paragraph, nor a past day for a future clause ("The families will hold a rally
    at 8pm")."""
    later = _DAY_AFTER_CLOCK.match(ctx.text, end)
    if later and later.group(1).lower() in ctx.lex.weekdays:
        # "at about 10:35 a.m. (0735 GMT) Friday": the day follows or closes the restated time
        return weekday_date(ctx, ctx.lex.weekday_number(later.group(1)), start, later.end(), None
                            ).isoformat()
    # the day of a day or of a time ("lifted off at 6:02 p.m. on Friday. The second stage
    # began at 6:25 p.m.": Friday)
    a = ctx.anchor[:10] if ctx.anchor and precision(ctx.anchor) in ("day", "time") else None
    if a and ctx.first_day and _tells_onset(ctx, start) and (
            ctx.first_day[1] >= start_of_sentence(ctx.text, ctx.anchor_end - 1)):
        # "A fire that grew on Saturday kept burning on Sunday. It broke out before 10:30
        # a.m.": a beginning is of the first of the days its story went through
        a = min(a, ctx.first_day[0])
    if a and not in_anchor_paragraph(ctx, start) and not (
            ctx.tense(start, end) == "past"
            and 0 < (ctx.dct - date.fromisoformat(a)).days <= 1):
        # (another paragraph's day, unless the story is of the night before and told in
        # the past: "... late Wednesday. The blast happened shortly before 11 p.m.")
        a = None
    if a and a < ctx.dct.isoformat() and clause_cue(ctx.text, start, end, ctx.lex) in (
            "future", "modal"):
        # (a past order is no plan of now: "began early Sunday. 'We were told to shut down
        # every computer at 2 a.m.'" is Sunday's 2 a.m.)
        a = None
    if a is None and ctx.story is not None and not ctx.news_told and ctx.day_anchor:
        # a history, no news told yet: the day it has reached, across its paragraphs and
        # headings ("... on 28 March 1979.\n\nAccident\n\nAt 4 a.m., the pumps stopped" is
        # 1979-03-28T04:00, not the retrieval day's 4 a.m.)
        a = ctx.day_anchor[:10]
    return a or ctx.dct.isoformat()


def _in_quote(text: str, at: int) -> bool:
    """Is ``at`` inside a quotation opened in its paragraph?"""
    para = text.rfind("\n\n", 0, at) + 1
    before = text[para:at]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


def quoted_day(ctx: Context, at: int) -> date | None:
    """The speaker's day for a "today" or "this morning" quoted in a story of the day before
    the DCT: "Nurses walked out on Thursday. 'We are here this morning because we have no
    choice,' a nurse said" (filed on Friday) is Thursday morning. None outside a quote, or
    when the story (the first day it tells, and the last) is not of the day before: "The
    House approved it on Saturday ... after a vote on Friday. 'Today, the House did its
    job'" is Saturday."""
    if not ctx.day_anchor or not ctx.lead_day or not _in_quote(ctx.text, at):
        return None
    day = date.fromisoformat(ctx.day_anchor[:10])
    return day if (ctx.dct - day).days == 1 and ctx.lead_day == day.isoformat() else None


def _tells_onset(ctx: Context, at: int) -> bool:
    """Does the clause before ``at`` tell a beginning ("The fire broke out before ...")?"""
    clause = ctx.text[max(start_of_sentence(ctx.text, at), at - 60) : at].lower()
    return any(regex.search(rf"\b{regex.escape(w)}\b", clause) for w in ctx.lex.sets.onset_verbs)


_REPORTED_ON = regex.compile(
    r"\b(?:said|says|told|reported|announced|added|stated)\b", regex.IGNORECASE
)


_SAID_LATER = regex.compile(
    r",\s+[^,.;]{0,40}?\b(?:said|says|told|reported|announced|added|stated)\s+(?:on\s+)?"
    r"([A-Z][a-z]+day)\b"
)


def said_on_day(ctx: Context, start: int) -> date | None:
    """The day a report was made, when the sentence gives it before ``start`` next to its
    reporting verb ("The air force said on Sunday that Russia had launched 600 drones
    overnight"): "overnight" then is the night before that day, not before the DCT."""
    later = _SAID_LATER.match(ctx.text, start + len("overnight"))
    if later and later.group(1).lower() in ctx.lex.weekdays:
        # "Drones struck overnight, officials said on Tuesday"
        wd = ctx.lex.weekday_number(later.group(1))
        return weekday_date(ctx, wd, later.start(1), later.end(1), None)
    if not ctx.day_anchor:
        return None
    sentence_start = start_of_sentence(ctx.text, start)
    if ctx.anchor_end <= sentence_start or ctx.anchor != ctx.day_anchor:
        return None
    said = _REPORTED_ON.search(ctx.text, sentence_start, start)
    if said is None or abs(said.end() - ctx.anchor_end) > 25:
        return None
    return date.fromisoformat(ctx.day_anchor[:10])
