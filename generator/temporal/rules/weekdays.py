"""Weekday names: "Friday", "last Thursday", "Tuesday night", "overnight Monday into Tuesday"."""

from __future__ import annotations

from datetime import timedelta

import regex

from ..anchoring import (
    weekday_date,
)
from ..context import Context, Resolved
from ..sentences import next_word
from .common import (
    opt_group,
    pod_code,
    pos_mod,
    span_of,
    with_pod,
)
from .registry import gate, rule

# "met on a Saturday for the first time": any Saturday, not a day told (but "on Dec. 16, a
# Tuesday" names the day of the date before it, and "attended a Sunday memorial" one day).
_ON_A = regex.compile(r"(?i)\bon\s+an?\s+$")


@gate("weekday")
def g_weekday(ctx: Context, m: regex.Match[str]) -> bool:
    if not opt_group(m, "rel") and _ON_A.search(ctx.text, max(0, m.start() - 8), m.start()):
        return False
    # "Sunday Times", "Good Friday"-style names: a capitalized word right after or before
    nxt = next_word(ctx, m.end())
    if nxt[:1].isupper() and nxt.lower() not in ("and", "or") and nxt not in ("EST", "EDT", "GMT"):
        after = ctx.text[m.end() : m.end() + 1]
        if (
            after == " "
            and nxt.isalpha()
            and nxt.lower() not in ctx.lex.months
            and not nxt.isupper()
        ):
            return False
    return True


@rule("weekday")
def r_weekday(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'on Friday', 'last Thursday', 'Tuesday night', 'early Monday'."""
    rel = opt_group(m, "rel")
    rel_n = rel.lower() if rel and rel.lower() != "on" else None
    d = weekday_date(ctx, ctx.lex.weekday_number(m["wd"]), m.start(), m.end(), rel_n)
    typ, v = with_pod(d.isoformat(), pod_code(ctx, m["pod"]))
    start = m.start("rel") if rel and rel.lower() == "on" else m.start()
    if start != m.start():
        start = m.start("wd") if not m["pmod"] else m.start()
    return Resolved(start, m.end(), typ, v, mod=pos_mod(ctx, m), explicit=True, relative=True)


@rule("overnight_day")
def r_overnight_day(ctx: Context, m: regex.Match[str]) -> Resolved:
    """The night of the weekday named (or of the day before the one it ran into)."""
    if m["wd"] and not m["wd2"]:
        d = weekday_date(ctx, ctx.lex.weekday_number(m["wd"]), m.start(), m.end(), None)
    else:  # the morning it ran into fixes the night: "Monday into Tuesday" said on a Monday
        wd = ctx.lex.weekday_number(m["wd2"] or m["wd3"])
        d = weekday_date(ctx, wd, m.start(), m.end(), None)
        d -= timedelta(days=1)
    return Resolved(*span_of(m), "TIME", f"{d.isoformat()}TNI", relative=True)
