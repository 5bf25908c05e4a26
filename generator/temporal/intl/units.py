"""The rules that count a unit: "la semana pasada", "hace tres días", "dans deux semaines",
"tres días", "cada seis meses" (relative units, counts back and ahead, durations, sets).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Ctx, g, lex_key, part_of, rel_of, shifted

_UNIT_VALUE = {"Y": "Y", "M": "M", "W": "W", "D": "D", "H": "H", "MIN": "M", "S": "S"}
_CLOCK_UNITS = ("H", "MIN", "S")


def rel_unit(ctx: Ctx, m: re.Match[str]):
    """"la semana pasada", "l'année dernière", "dieses Jahr", "il mese prossimo": the
    calendar unit, even in a quarterly report ("el año pasado" is the year, as in English;
    "hace un año" is the quarter a year before)."""
    unit = ctx.lex.units[lex_key(m.group("unit"))]
    rel = rel_of(ctx, m) or 0
    if unit in ("Q", "HY"):
        return None
    pos = g(m, "pos")  # "dall'inizio dell'anno": START of the year
    mod = ctx.lex.position.get(lex_key(pos)) if pos else None
    return "DATE", shifted(_anchor(ctx, m, unit), unit, rel), mod


def _anchor(ctx: Ctx, m: re.Match[str], unit: str) -> date:
    """What a relative unit counts from: the publication date, or for "the following" and
    "the previous" ("A 22 de maio de 1995 ... no ano seguinte") the time told last."""
    rel = g(m, "rel")
    if rel is None or lex_key(rel) not in ctx.lex.anaphoric_relative:
        return ctx.dct
    if unit == "Y" and ctx.written_year is not None:
        return date(ctx.written_year, 6, 15)
    if unit == "M" and ctx.month is not None:
        return date(ctx.month[0], ctx.month[1], 15)
    if unit == "W" and ctx.day is not None:
        return ctx.day
    return ctx.dct


def count(ctx: Ctx, m: re.Match[str]) -> float | None:
    """The count of a "tres días": 1 without a numeral, NaN for "varios"/"plusieurs"."""
    num = g(m, "num")
    if num is None:
        return 1.0
    if lex_key(num) in ctx.lex.vague:
        return float("nan")
    return ctx.lex.number(num)


# a decade, century, quarter or semester is counted in years or months in TimeML values
_IN_BASE_UNITS = {"E": (10, "Y"), "C": (100, "Y"), "Q": (3, "M"), "HY": (6, "M")}
_AGO_MAX = {"Y": 200, "E": 20, "C": 5, "M": 600, "W": 520, "D": 3650}


def ago(ctx: Ctx, m: re.Match[str]):
    """"hace tres días", "il y a deux semaines", "vor zwei Wochen", "tre giorni fa"."""
    n = count(ctx, m)
    if n is not None and n != n:  # "hace unos días", "vor wenigen Tagen", "pochi mesi fa"
        return vague_ago(ctx, m)
    if n is None or n != int(n):
        return None
    unit = ctx.lex.units[lex_key(m.group("unit"))]
    if unit in ("H", "MIN") or n > _AGO_MAX.get(unit, 100):
        return None  # ("2000 anni fa" is no calendar year)
    if unit == "Y" and n == 1 and ctx.quarter:
        return "DATE", _year_ago_quarter(ctx), None
    return "DATE", shifted(ctx.dct, unit, -int(n)), None


def vague_ago(ctx: Ctx, m: re.Match[str]):
    """"hace unos días" how long (PXD, es TimeBank); "pochi mesi fa" some time back
    (PAST_REF, the language's ``vague_ago``)."""
    if ctx.lex.vague_ago and ctx.lex.units[lex_key(m.group("unit"))] not in _CLOCK_UNITS:
        return "DATE", ctx.lex.vague_ago, None
    return vague_duration(ctx, m)


def part_ago(ctx: Ctx, m: re.Match[str]):
    """"due notti fa", "il y a deux nuits": that part of the day N days back."""
    n = count(ctx, m)
    if n is None or n != n or n != int(n) or n > 31:
        return None
    day = ctx.dct - timedelta(days=int(n))
    return "TIME", f"{day.isoformat()}T{part_of(ctx, m)}", None


def _year_ago_quarter(ctx: Ctx) -> str:
    """"a year ago" in a quarterly report: the same quarter, a year before."""
    return f"{int(ctx.quarter[:4]) - 1:04d}{ctx.quarter[4:]}"


def later(ctx: Ctx, m: re.Match[str]):
    """"dentro de tres días", "dans deux semaines", "in zwei Wochen", "tra tre giorni"."""
    n = count(ctx, m)
    if n is None or n != int(n):
        return None
    unit = ctx.lex.units[lex_key(m.group("unit"))]
    if unit in ("H", "MIN"):
        return None
    return "DATE", shifted(ctx.dct, unit, int(n)), None


def duration(ctx: Ctx, m: re.Match[str]):
    """"tres días", "65 años", "fünf Jahren", "environ une heure", "los últimos tres meses"."""
    n = count(ctx, m)
    if n is None:
        return None
    unit = ctx.lex.units[lex_key(m.group("unit"))]
    if unit in _IN_BASE_UNITS:
        times, unit = _IN_BASE_UNITS[unit]
        n *= times
    num = "X" if n != n else f"{n:g}"
    if unit in _CLOCK_UNITS:
        return "DURATION", f"PT{num}{_UNIT_VALUE[unit]}", None
    return "DURATION", f"P{num}{unit}", None


def vague_duration(ctx: Ctx, m: re.Match[str]):
    """"durante años", "ces derniers jours", "den vergangenen Tagen": PXY, PXD..."""
    unit = ctx.lex.units[lex_key(m.group("unit"))]
    if unit in _CLOCK_UNITS:
        return "DURATION", f"PTX{_UNIT_VALUE[unit]}", None
    return "DURATION", f"PX{unit}", None


def set_every(ctx: Ctx, m: re.Match[str]):
    """"cada seis meses", "tous les deux ans", "alle zwei Wochen": SET P6M."""
    found = duration(ctx, m)
    return None if found is None else ("SET", found[1], None)


def set_weekday(ctx: Ctx, m: re.Match[str]):
    """"jeden Montag", "tous les jeudis", "ogni lunedì": SET XXXX-WXX-1."""
    wd = ctx.lex.weekdays[lex_key(m.group("wd")).rstrip("s")] if lex_key(m.group("wd")).rstrip(
        "s") in ctx.lex.weekdays else ctx.lex.weekdays[lex_key(m.group("wd"))]
    part = part_of(ctx, m)
    return "SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), None


def set_(ctx: Ctx, m: re.Match[str]):
    """"cada año", "täglich", "chaque semaine", "al año": SET."""
    return "SET", ctx.lex.sets[lex_key(m.group("set"))], None
