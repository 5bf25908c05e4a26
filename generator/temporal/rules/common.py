"""What rules of every family read off a match: group text, month/weekday/day numbers, mods,
parts of the day, month-day values, years in words."""

from __future__ import annotations

import regex

from .. import calendar_math as cm
from ..anchoring import (
    pick_year,
)
from ..context import Context


def as_written(ctx: Context, m: regex.Match[str], group: str) -> str:
    """A group's text as written (matches run on lower-cased text)."""
    return ctx.text[m.start(group) : m.end(group)]


def span_of(m: regex.Match[str]) -> tuple[int, int]:
    return m.start(), m.end()


def opt_group(m: regex.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def day_number(ctx: Context, word: str) -> int | None:
    return ctx.lex.ordinal(
        regex.sub(r"(?i)(st|nd|rd|th)$", "", word) if word[:1].isdigit() else word
    )


def pos_mod(ctx: Context, m: regex.Match[str], group: str = "pmod") -> str | None:
    w = opt_group(m, group)
    if not w:
        return None
    w = regex.sub(r"\s+", " ", w.lower())
    return ctx.lex.position_mods.get(w) or ctx.lex.position_mods.get(w.rstrip("-"))


def quant_mod(ctx: Context, m: regex.Match[str]) -> str | None:
    w = opt_group(m, "q")
    if not w:
        return "APPROX" if opt_group(m, "orso") else None
    return ctx.lex.quant_mods.get(regex.sub(r"\s+", " ", w.lower()), "APPROX")


def pod_code(ctx: Context, word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower().rstrip("s")
    code = ctx.lex.parts_of_day.get(w)
    return code


def with_pod(day: str, code: str | None) -> tuple[str, str]:
    if not code:
        return "DATE", day
    return "TIME", f"{day}T{code}"


def resolve_month_day(ctx: Context, m, month_w: str, day_w: str, year_w: str | None, start, end):
    mo = ctx.lex.month_number(month_w)
    d = day_number(ctx, day_w)
    if d is None or not 1 <= d <= 31:
        return None
    y = int(year_w) if year_w else pick_year(ctx, start, end, mo, d)
    if not cm.valid_day(y, mo, d):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


# a capitalized word (not sentence-initial) right before a bare year: "Orion 1980"
NAME_BEFORE = regex.compile(r"(?<=[a-z,;]\s)[A-Z][a-z]+\s$")


YEARWORD_RX = regex.compile(r"(?i)(nineteen|twenty)[\s-](.+)|two\sthousand(?:\s(?:and\s)?(\w+))?")


def year_from_words(ctx: Context, words: str) -> int | None:
    """'nineteen ninety-seven' -> 1997, 'two thousand and one' -> 2001."""
    ym = YEARWORD_RX.fullmatch(words)
    if not ym:
        return None
    if ym.group(1):
        rest = ctx.lex.number(ym.group(2))
        if rest is None or rest >= 100:
            return None
        return (19 if ym.group(1).lower() == "nineteen" else 20) * 100 + int(rest)
    return 2000 + int(ctx.lex.number(ym.group(3)) or 0) if ym.group(3) else 2000


RATE_BEFORE = regex.compile(
    r"\d|percent|%|million|billion|trillion|\b(?:two|three|four|five|six|seven|eight|nine|ten"
    r"|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)\b"
)


SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
