"""Where the story has got to: after each expression is resolved, the anchors later ones are
read from (the last explicit date, the last day, the last date written with its year, the
label of a key-dates line, the reporting quarter) move on."""

from __future__ import annotations

import regex

from ..context import Context, Resolved
from ..sentences import is_label
from ..values import precision

_NOT_REACHED = regex.compile(r"(?i)\bsince\s+(?:early\s+|late\s+|mid-?)?$"
                              r"|\b(?:not|no)\s+(?:before|after|earlier\s+than|later\s+than)\s+$")


def follow(ctx: Context, r: Resolved) -> None:
    """Move the context's anchors on past ``r``: "She fled on Aug. 4. Two days later, ..."
    counts from Aug. 4; "Nov. 17: ..." heads the entries of a key-dates list below it."""
    p = precision(r.value)
    if (r.explicit and r.type in ("DATE", "TIME") and p is not None
            and not r.extra.get("default_day")
            and not _NOT_REACHED.search(ctx.text, max(0, r.start - 20), r.start)):
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
