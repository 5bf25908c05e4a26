"""Rules for expressions that lean on a period the text told before or on the publication
date without naming one: "o trimestre homólogo do ano passado", "ese día", "ce jour-là",
"an diesem Tag", "desde entonces", "la próxima edición". Each is resolved against what
``Ctx`` remembers (the quarter a report is about, the day or year told last), falling back
on the publication date when nothing was told.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .context import Ctx, g, lex_key, rel_of


def same_period_year_before(ctx: Ctx, m: re.Match[str]):
    """"No trimestre homólogo do ano passado, a empresa lucrou...", "el mismo periodo de
    1988": the quarter the report is about, in that year (the year alone in a text that
    names no quarter)."""
    y = g(m, "y")
    shift = -1 if g(m, "before") else (rel_of(ctx, m) or 0)  # "des Vorjahres"
    # a year before the quarter reported ("bis zum dritten Trimester 2009 ... gegenüber dem
    # gleichen Zeitraum des Vorjahres": 2008), else before the publication's year (a
    # forecast's quarter, after it, is no report)
    told = ctx.dct.year
    if ctx.quarter and int(ctx.quarter[:4]) <= ctx.dct.year:
        told = int(ctx.quarter[:4])
    year = int(y) if y else told + shift
    if lex_key(m.group("per")) == "monat" and ctx.month:
        return "DATE", f"{year:04d}-{ctx.month[1]:02d}", None
    if ctx.quarter and lex_key(m.group("per")) not in ("semestre", "semestres"):
        return "DATE", f"{year:04d}{ctx.quarter[4:]}", None
    return "DATE", f"{year:04d}", None


def day_told(ctx: Ctx, m: re.Match[str]):
    """"El 11 de septiembre ... ese día no sabíamos": the day told last; without one, no
    value can be given and the phrase is left alone."""
    if ctx.day is None:
        return None
    return "DATE", ctx.day.isoformat(), None


def year_told(ctx: Ctx, m: re.Match[str]):
    """"En 1997 ... hasta ese año", "cette année-là": the year of the date told last; without
    one, no value can be given and the phrase is left alone."""
    if ctx.year is None:
        return None
    return "DATE", f"{ctx.year:04d}", None


def then(ctx: Ctx, m: re.Match[str]):
    """"Desde entonces, el grupo...", "desde então": the time told before, in the past."""
    return "DATE", "PAST_REF", None


def adjective_ref(ctx: Ctx, m: re.Match[str]):
    """"la próxima edición", "la pasada campaña": the adjective's FUTURE_REF or PAST_REF."""
    return "DATE", ctx.lex.adjective_refs[lex_key(m.group("adj"))], None


RULES: dict[str, Callable] = {
    "then": then,
    "adjective_ref": adjective_ref,
    "same_period_year_before": same_period_year_before,
    "day_told": day_told,
    "year_told": year_told,
}
