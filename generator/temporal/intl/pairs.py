"""Rules for a match that holds two expressions, where a language's TimeML tags each end.

KRAUTS (German) tags "Bozen 2009-2011" and "(1898-1976)" as two years, where Spanish and
Portuguese TimeBank tag one expression valued as its first year (``year_range`` in rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .rules import Ctx, _month


def year_pair(ctx: Ctx, m: re.Match[str]):
    """"der Sozialplan 2009-2011", "Georg Fuhg (1898-1976)": both years, each its own span."""
    first, second = m.group("y"), m.group("y2")
    if int(second) <= int(first):
        return None  # "2011-2005" is no range: a score, a code
    return [(m.start("y"), m.end("y"), "DATE", first, None),
            (m.start("y2"), m.end("y2"), "DATE", second, None)]


def month_pair(ctx: Ctx, m: re.Match[str]):
    """"janvier-février 2011", "enero-febrero de 2012": both months, in the year written
    once after the second."""
    first, second = _month(ctx.lex, m.group("m1")), _month(ctx.lex, m.group("month"))
    y = int(m.group("y"))
    if second <= first:
        return None
    ctx.month = (y, second)
    return [(m.start("m1"), m.end("m1"), "DATE", f"{y:04d}-{first:02d}", None),
            (m.start("month"), m.end(), "DATE", f"{y:04d}-{second:02d}", None)]


RULES: dict[str, Callable] = {
    "year_pair": year_pair,
    "month_pair": month_pair,
}
