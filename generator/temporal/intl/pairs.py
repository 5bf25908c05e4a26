"""Rules for a match of two parts: two expressions where a language's TimeML tags each
end ("2009-2011", "tres o cuatro semanas"), or one duration told in two counts ("dos años y
tres meses", "dois anos e meio").

KRAUTS (German) tags "Bozen 2009-2011" and "(1898-1976)" as two years, where Spanish and
Portuguese TimeBank tag one expression valued as its first year (``year_range`` in rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from ..model import Timex
from .context import Ctx, lex_key, month_of
from .lexicon import LangLexicon
from .units import count, duration


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
    first, second = month_of(ctx.lex, m.group("m1")), month_of(ctx.lex, m.group("month"))
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
    first = second[1].replace(f"{count(ctx, m):g}", f"{n1:g}", 1)
    return [(m.start("n1"), m.end("n1"), "DURATION", first, None),
            (m.start("num"), m.end(), *second)]


def compound_duration(ctx: Ctx, m: re.Match[str]):
    """"dos años y tres meses", "dos horas y 30 minutos": P2Y3M, PT2H30M."""
    first = duration(ctx, m)
    n2 = ctx.lex.number(m.group("num2"))
    unit2 = ctx.lex.units[lex_key(m.group("unit2"))]
    if first is None or n2 is None or n2 != int(n2) or unit2 in ("Q", "HY", "E", "C"):
        return None
    clock = unit2 in ("H", "MIN", "S")
    if ("T" in first[1]) != clock:
        return None  # "dos días y tres horas": two kinds, left as they are
    letter = {"MIN": "M"}.get(unit2, unit2)
    return "DURATION", f"{first[1]}{int(n2)}{letter}", None


# half of each unit, in the next unit down ("dois anos e meio": P2Y6M)
_HALF = {"Y": "6M", "M": "15D", "D": "T12H", "H": "30M", "MIN": "30S"}


def and_a_half(ctx: Ctx, m: re.Match[str]):
    """"2 anos e meio", "un minuto y medio", "une heure et demie": P2Y6M, PT1M30S, PT1H30M
    (a week and a half is left at its whole weeks)."""
    whole = duration(ctx, m)
    unit = ctx.lex.units[lex_key(m.group("unit"))]
    if whole is None or unit not in _HALF or "X" in whole[1]:
        return whole
    return "DURATION", whole[1] + _HALF[unit], None


RULES: dict[str, Callable] = {
    "year_pair": year_pair,
    "and_a_half": and_a_half,
    "count_pair": count_pair,
    "compound_duration": compound_duration,
    "month_pair": month_pair,
}


_APPOSITION_GAP = re.compile(r",?\s{1,2}")
# a clock time is its own expression beside its day ("mardi vers 21 h 45")
_CLOCK = re.compile(r"T\d")


def join_appositions(found: list[Timex], text: str) -> list[Timex]:
    """"aujourd'hui vendredi", "hier, samedi", "ce soir, mercredi 3 juillet 2013", "hoy,
    jueves": a day word and the weekday or date set beside it to name the same day are one
    expression (French and Spanish TimeBank), valued as the more precise of the two."""
    out: list[Timex] = []
    for t in found:
        prev = out[-1] if out else None
        if (prev and prev.type in ("DATE", "TIME") and t.type in ("DATE", "TIME")
                and len(prev.value) >= 10 and len(t.value) >= 10
                and prev.value[:10] == t.value[:10]
                and not _CLOCK.search(prev.value + t.value)
                and _APPOSITION_GAP.fullmatch(text, prev.end, t.start)):
            best = max(prev, t, key=lambda x: len(x.value))
            out[-1] = Timex(prev.start, t.end, text[prev.start:t.end], best.type, best.value,
                            best.mod)
        else:
            out.append(t)
    return out


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d$")


def order_spans(found: list[Timex], text: str, lex: LangLexicon) -> list[Timex]:
    """"alertou para temporais entre esta sexta-feira e domingo": a span's end is not before
    its start, so a weekday that ends it, read alone as the past Sunday, is the first such
    day on or after the start."""
    if lex.span is None:
        return found
    start_words, join = lex.span
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if not (_DAY_VALUE.match(a.value) and _DAY_VALUE.match(b.value)
                and b.phrase.lower() in lex.weekdays
                and join.fullmatch(text, a.end, b.start)
                and start_words.search(text[max(0, a.start - 12):a.start].lower())):
            continue
        first, last = date.fromisoformat(a.value), date.fromisoformat(b.value)
        if last < first:
            last += timedelta(weeks=-((last - first).days // 7))
            out[i] = Timex(b.start, b.end, b.phrase, b.type, last.isoformat(), b.mod)
    return out
