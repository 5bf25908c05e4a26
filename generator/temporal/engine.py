"""Glue: recognize spans, resolve them in text order, then apply discourse-level fixes."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from .context import Context, Resolved
from .lexicon import get_lexicon
from .model import Timex
from .recognizer import find
from .rules import RULES
from .sentences import is_label
from .values import is_valid, precision

_NOT_REACHED = regex.compile(r"(?i)\bsince\s+(?:early\s+|late\s+|mid-?)?$"
                              r"|\b(?:not|no)\s+(?:before|after|earlier\s+than|later\s+than)\s+$")
_APPOSITION_GAP = regex.compile(r"\s*(?:\(|,|--|—|–)\s*")
_DAY_OFFSET_LEAD = regex.compile(r"(?<![\w-])[Dd]ay\s+(before|after)\s+$")
# Weekdays written out, as the post-passes below look for them beside a resolved date.
_WEEKDAY_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAY_OFFSET_LEAD = regex.compile(
    rf"\b[Tt]he\s+({_WEEKDAY_NAMES.title()})\s+(before|after)\s+$")


def annotate(text: str, dct: date) -> list[Timex]:
    """All temporal expressions in ``text`` with TIMEX3 values resolved against ``dct``."""
    lex = get_lexicon()
    ctx = Context(text=text, dct=dct, lex=lex)
    out: list[Resolved] = []
    for cand in find(text, lex, ctx):
        fn = RULES[cand.rule]
        try:
            res = fn(ctx, cand.match)
        except (ValueError, KeyError, OverflowError):
            res = None
        if res is None:
            continue
        items = res if isinstance(res, list) else [res]
        for r in items:
            if not r.value or not is_valid(r.value) or r.end <= r.start:
                continue
            out.append(r)
            p = precision(r.value)
            if (r.explicit and r.type in ("DATE", "TIME") and p is not None
                    and not r.extra.get("default_day")
                    and not _NOT_REACHED.search(text, max(0, r.start - 20), r.start)):
                # (a "since 1 November" is a baseline, "not before Thursday" a bound, not the
                # time the story has reached)
                ctx.anchor = r.value
                ctx.anchor_end = r.end
                if p in ("day", "time"):
                    ctx.day_anchor = r.value
                if not r.relative:  # its year is written: a narrative may be told from it
                    ctx.told_from = (r.value, r.start, r.end)
            if p in ("day", "time", "month", "year") and is_label(ctx, r.start, r.end):
                ctx.label = (int(r.value[:4]), int(r.value[5:7]) if p != "year" else 0)
                ctx.label_at = r.start
                ctx.label_day = r.value[:10] if p in ("day", "time") else None
            if p == "quarter" and r.extra.get("reporting_quarter"):
                ctx.last_quarter = r.value
            elif r.extra.get("reporting_span"):
                # "In the first nine months, ... a year earlier": the comparison is no longer
                # with a quarter
                ctx.last_quarter = None
    out = _day_before_after(text, out)
    out = _week_on(text, out, dct)
    out = _count_from(text, out)
    out = _clock_on_named_day(text, out)
    _weekday_spans(text, out)
    _month_spans(text, out)
    _year_halves(text, out)
    _apposition(text, out)
    _before_after(text, out)
    return [
        Timex(r.start, r.end, text[r.start : r.end], r.type, r.value, r.mod, r.note) for r in out
    ]


_WEEK_ON_BEFORE = regex.compile(r"(?i)\b(?:a|one)\s+(week|fortnight)\s+(?:on|from)\s+$")
_WEEK_AFTER = regex.compile(r"\s+week\b(?!['’]s)")
_NAMED_WEEKDAY = regex.compile(rf"(?i)(?:next\s+|this\s+)?(?:{_WEEKDAY_NAMES})")


def _week_on(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """"a week on Tuesday", "a week from Friday", "Tuesday week" (British), "a fortnight on
    Monday": that weekday's date one or two weeks later, one expression."""
    drop: set[int] = set()
    for k, item in enumerate(items):
        if item.type != "DATE" or precision(item.value) != "day" or not _NAMED_WEEKDAY.fullmatch(
                text, item.start, item.end):
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


def _count_from(text: str, items: list[Resolved]) -> list[Resolved]:
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


def _clock_on_named_day(text: str, items: list[Resolved]) -> list[Resolved]:
    """"by 2 a.m. the following day", "at noon that day": the clock time on the day named
    right after it, one expression."""
    drop: set[int] = set()
    for k, (a, b) in enumerate(zip(items, items[1:], strict=False)):
        if (a.type == "TIME" and a.extra.get("default_day") and precision(b.value) == "day"
                and not text[a.end : b.start].strip()
                and _NAMED_DAY.fullmatch(text, b.start, b.end)):
            a.value = b.value + a.value[10:]
            a.end = b.end
            drop.add(k + 1)
    return [x for j, x in enumerate(items) if j not in drop]


_SPAN_OPEN = regex.compile(r"(?i)\b(?:from|between)\s+(?:\S+\s+){0,3}$")
_SPAN_GAP = regex.compile(r"(?i)\s*(?:to|until|till|through|and|-|–)\s+(?:\S+\s+){0,3}?")
_WEEKDAY_WORD = regex.compile(rf"(?i)\b(?:{_WEEKDAY_NAMES})\b")


def _joined_as_span(text: str, a: Resolved, b: Resolved) -> bool:
    """Are two dates the ends of one span ("from Tuesday to Thursday", "between June and
    August")?"""
    return bool(_SPAN_GAP.fullmatch(text, a.end, b.start)
                and _SPAN_OPEN.search(text, max(0, a.start - 40), a.start))


def _weekday_spans(text: str, items: list[Resolved]) -> None:
    """"in force from Tuesday to Thursday", "from 18:00 Tuesday to 06:00 Thursday": the end
    of a span of weekdays is on or after its start, whatever each would be alone (said on a
    Monday, Thursday alone reads as the one before)."""
    for a, b in zip(items, items[1:], strict=False):
        if precision(a.value) not in ("day", "time") or precision(b.value) not in ("day", "time"):
            continue
        if not (_WEEKDAY_WORD.search(text, b.start, b.end) and _joined_as_span(text, a, b)):
            continue
        first, last = date.fromisoformat(a.value[:10]), date.fromisoformat(b.value[:10])
        if last < first:
            last += timedelta(days=7 * ((first - last).days // 7 + 1))
            b.value = last.isoformat() + b.value[10:]


def _month_spans(text: str, items: list[Resolved]) -> None:
    """"between early June and early August", "from October to February": a span of months
    ends after it starts; an end read alone into an earlier year moves to the first year
    that puts it after the start."""
    for a, b in zip(items, items[1:], strict=False):
        if precision(a.value) != "month" or precision(b.value) != "month":
            continue
        if not _joined_as_span(text, a, b):
            continue
        start_y, start_m = int(a.value[:4]), int(a.value[5:7])
        end_m = int(b.value[5:7])
        if b.value[:7] < a.value[:7]:
            b.value = f"{start_y + (end_m < start_m):04d}-{end_m:02d}" + b.value[7:]


_HALF_OF = regex.compile(r"(?i)the\s+(first|second|last)\s+half\s+of\s")


def _year_halves(text: str, items: list[Resolved]) -> None:
    """"the first half of the year" is the TimeML half-year 2026-H1, as "the first half of
    2023" already is; of a month or a week there is no such unit, so START/END stay."""
    for item in items:
        if item.type != "DATE" or precision(item.value) != "year" or len(item.value) != 4:
            continue
        found = _HALF_OF.match(text, item.start)
        if found and item.mod in ("START", "END"):
            item.value += "-H1" if found.group(1).lower() == "first" else "-H2"
            item.mod = None


# "before the summer", "after Nov. 18": the preposition bounds the happening by the date.
_BOUNDING = regex.compile(r"(?i)\b(not\s+|no\s+)?(before|after)\s+$")
# "not before Thursday" is on or after it, "not after Friday" on or before it
_NEGATED_BOUND = {"before": "ON_OR_AFTER", "after": "ON_OR_BEFORE"}


def _before_after(text: str, items: list[Resolved]) -> None:
    """A calendar date right after "before"/"after" gets the TimeML mod BEFORE/AFTER ("a
    14th package is expected before the summer" is not in the summer). The span stays the
    date's own, as the corpora tag it; a date that names a thing ("after Friday's vote") is
    left alone."""
    for item in items:
        if item.mod or item.type not in ("DATE", "TIME") or precision(item.value) is None:
            continue
        if text.startswith(("'s", "’s"), item.end):
            continue
        found = _BOUNDING.search(text, max(0, item.start - 12), item.start)
        if found:
            word = found.group(2).lower()
            item.mod = _NEGATED_BOUND[word] if found.group(1) else word.upper()


def _apposition(text: str, items: list[Resolved]) -> None:
    """'last Thursday (November 18)': the explicit date fixes the relative one next to it."""
    for a, b in zip(items, items[1:], strict=False):
        gap = text[a.end : b.start]
        if not _APPOSITION_GAP.fullmatch(gap):
            continue
        rel, exp = (a, b) if (a.relative and not _is_absolute(a)) else (b, a)
        if not _is_absolute(exp) or not rel.relative or _is_absolute(rel):
            continue
        if precision(rel.value) not in ("day", "time") or precision(exp.value) != "day":
            continue
        old = rel.value
        day = exp.value[:10]
        new = day + rel.value[10:] if precision(rel.value) == "time" else day
        if old[:10] != day:
            rel.note = (
                f"relative reading {old} conflicts with the explicit date {exp.value} next to it;"
                " kept the explicit date"
            )
        rel.value = new


def _is_absolute(r: Resolved) -> bool:
    """Names a calendar day itself (month + day, ISO...), as opposed to counting from the DCT."""
    return bool(r.extra.get("calendar")) or (r.explicit and not r.relative)


def _day_before_after(text: str, items: list[Resolved]) -> list[Resolved]:
    """'the day before last Tuesday's hearing': one expression, the named day shifted by one
    (TimeBank/AQUAINT span it from 'day' to the end of the date)."""
    drop: set[int] = set()
    for k, b in enumerate(items):
        if b.type != "DATE" or precision(b.value) != "day":
            continue
        lead = _DAY_OFFSET_LEAD.search(text, max(0, b.start - 20), b.start)
        named = _WEEKDAY_OFFSET_LEAD.search(text, max(0, b.start - 25), b.start)
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
