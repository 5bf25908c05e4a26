"""Recurrences (TIMEX3 SET): "every Monday", "on Sundays", "weekly", "twice a year"."""

from __future__ import annotations

import regex

from ..context import Context, Resolved
from ..sentences import next_word, words_before
from .common import (
    RATE_BEFORE,
    as_written,
    pod_code,
    span_of,
)
from .durations import count_of, duration_value
from .registry import gate, rule


@rule("set_every")
def r_set_every(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'every Monday', 'each month', 'every other week', 'every three years'."""
    unit_w = as_written(ctx, m, "unit")
    unit = unit_w.lower().rstrip(".")
    pod = pod_code(ctx, m["pod"])
    if unit in ctx.lex.weekdays and unit_w[:1].isupper():
        v = f"XXXX-WXX-{ctx.lex.weekdays[unit]}" + (f"T{pod}" if pod else "")
        return Resolved(*span_of(m), "SET", v)
    if unit in ctx.lex.months and unit_w[:1].isupper():
        return Resolved(*span_of(m), "SET", f"XXXX-{ctx.lex.months[unit]:02d}")
    if unit in ctx.lex.seasons:
        return Resolved(*span_of(m), "SET", f"XXXX-{ctx.lex.seasons[unit]}")
    code = ctx.lex.units.get(unit)
    if code is None:
        return None
    n = 1.0
    if m["n"]:
        n, ok = count_of(ctx, m["n"])
        if not ok or n is None:
            return None
    if "other" in m.group(0).lower():
        n *= 2
    return Resolved(*span_of(m), "SET", duration_value(code, n))


@rule("set_weekday")
def r_set_weekday(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'on Sundays', 'Friday nights': a weekday that recurs."""
    wd = (m["wd"] or m["wd2"]).lower()
    wd = wd[:-1] if wd.endswith("s") and wd[:-1] in ctx.lex.weekdays else wd
    pod = pod_code(ctx, m["pod"] or m["pod2"])
    v = f"XXXX-WXX-{ctx.lex.weekdays[wd]}" + (f"T{pod}" if pod else "")
    return Resolved(*span_of(m), "SET", v)


@gate("set_word")
def g_set_word(ctx: Context, m: regex.Match[str]) -> bool:
    # "the Daily Telegraph": a capitalized frequency word mid-sentence is a name
    w = as_written(ctx, m, "w")
    nxt = next_word(ctx, m.end())
    if w.lower() in ctx.lex.sets.attributive_not_set and nxt[:1].islower() and nxt.isalpha():
        return False  # "its quarterly dividend": a kind of payment, not a recurrence
    if w.lower() in ("annually", "yearly") and RATE_BEFORE.search(
        " ".join(words_before(ctx, m.start(), 3))
    ):
        return False  # "to rise 8.5% annually", "10,000 units annually": a rate, like "$5 a year"
    if w[:1].isupper() and m.start() > 0:
        before = ctx.text[max(0, m.start() - 2) : m.start()]
        if not regex.search(r"[.!?\n\"“]\s?$", before):
            return False
    return True


@rule("set_word")
def r_set_word(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'weekly', 'daily', 'annually'."""
    return Resolved(*span_of(m), "SET", ctx.lex.set_words[m["w"].lower()])


@rule("times_per")
def r_times_per(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'twice a day', 'three times a week': the unit of the rate, a SET."""
    return Resolved(*span_of(m), "SET", duration_value(ctx.lex.units[m["unit"].lower()], 1))
