"""Rules for a match that holds two expressions, where a language's TimeML tags each end.

KRAUTS (German) tags "Bozen 2009-2011" and "(1898-1976)" as two years, where Spanish and
Portuguese TimeBank tag one expression valued as its first year (``year_range`` in rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .rules import Ctx, _count, _month, _word, duration


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


def count_pair(ctx: Ctx, m: re.Match[str]):
    """"tres o cuatro semanas", "de ocho a doce meses": the first number with the unit
    written after the second, each its own duration."""
    second = duration(ctx, m)
    n1 = ctx.lex.number(m.group("n1"))
    if second is None or n1 is None:
        return None
    first = second[1].replace(f"{_count(ctx, m):g}", f"{n1:g}", 1)
    return [(m.start("n1"), m.end("n1"), "DURATION", first, None),
            (m.start("num"), m.end(), *second)]


def compound_duration(ctx: Ctx, m: re.Match[str]):
    """"dos años y tres meses", "dos horas y 30 minutos": P2Y3M, PT2H30M."""
    first = duration(ctx, m)
    n2 = ctx.lex.number(m.group("num2"))
    unit2 = ctx.lex.units[_word(m.group("unit2"))]
    if first is None or n2 is None or n2 != int(n2) or unit2 in ("Q", "HY", "E", "C"):
        return None
    clock = unit2 in ("H", "MIN", "S")
    if ("T" in first[1]) != clock:
        return None  # "dos días y tres horas": two kinds, left as they are
    letter = {"MIN": "M"}.get(unit2, unit2)
    return "DURATION", f"{first[1]}{int(n2)}{letter}", None


RULES: dict[str, Callable] = {
    "year_pair": year_pair,
    "count_pair": count_pair,
    "compound_duration": compound_duration,
    "month_pair": month_pair,
}
