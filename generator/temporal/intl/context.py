"""What every rule of data/<lang>/ reads off a match: the context it resolves in (the
publication date, the month, day and quarter told last), and the match's groups through the
language's lexicon (its words, month, "last"/"next", part of the day, year, day number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..calendar_math import add_months, fmt_week, two_digit_year
from .lexicon import LangLexicon
from .tense import clause_tense


@dataclass
class Ctx:
    text: str
    low: str
    dct: date
    lex: LangLexicon
    # the month (year, month) the text talks about last: "el día 8" is a day of it
    month: tuple[int, int] | None = None
    # the day it talks about last: a clock time alone ("vers 21 h 45") is on it
    day: date | None = None
    # the hour of the clock time told last: "le 4 del pomeriggio (le tre in Italia)" is 15:00
    hour: int | None = None
    # the quarter a report is about: its "a year ago" is that quarter a year before
    quarter: str | None = None
    # the year of the date told last ("en 1997 ... ese año")
    year: int | None = None
    # the year written out last ("A 22 de maio de 1995"): what "the following year" counts
    # from ("há um ano" in a quarterly report is not the year the report is about)
    written_year: int | None = None
    # where a year told alone ("em 2027,") ends: a day and month without a year later in the
    # same sentence are of it ("em 2027, a posse será em 5 de janeiro")
    year_alone_at: int | None = None
    # the characters every expression found covers: a "próximo" inside another date ("fijó
    # ayer para el próximo 28 de noviembre ... en febrero") is no tense cue for this one
    taken: bytearray | None = None

    def tense(self, m: re.Match[str]) -> str | None:
        return clause_tense(self.lex, self.low, m.start(), m.end(), self.text, self.taken)


def g(m: re.Match[str], name: str) -> str | None:
    """A named group's text, or None (absent from the pattern, or did not take part)."""
    if name not in m.re.groupindex:
        return None
    return m.group(name)


def lex_key(s: str) -> str:
    return " ".join(s.split()).replace("’", "'")


def month_of(lex: LangLexicon, s: str) -> int:
    return lex.months[lex_key(s).rstrip(".")] if lex_key(s).rstrip(".") in lex.months else \
        lex.months[lex_key(s)]


def rel_of(ctx: Ctx, m: re.Match[str]) -> int | None:
    r = g(m, "rel")
    return ctx.lex.rel[lex_key(r)] if r else None


def year_of(ctx: Ctx, m: re.Match[str], month: int, day: int | None = None) -> int:
    """The year of a month (and day) written without one: the publication year, unless the
    clause's tense puts it on the other side of the publication date."""
    y = g(m, "y")
    if y:
        return int(y) if len(y) == 4 else two_digit_year(int(y), ctx.dct)
    ry = g(m, "ry")  # "August vorigen Jahres", "julho do ano passado"
    if ry:
        shifts = [ctx.lex.rel[w] for w in lex_key(ry).split() if w in ctx.lex.rel]
        return ctx.dct.year + (shifts[0] if shifts else 0)
    if g(m, "ty") is not None and ctx.year is not None:  # "gennaio di quell'anno"
        return ctx.year
    rel = rel_of(ctx, m)
    told = _year_told_in_sentence(ctx, m)
    if rel is None and told is not None:
        return told
    year = ctx.dct.year
    here = (month, day or 15)
    now = (ctx.dct.month, ctx.dct.day if day else 15)
    if rel == -1:
        return year if here < now else year - 1
    if rel == 1:
        return year if here > now else year + 1
    tense = None if a_deadline(ctx, m) else ctx.tense(m)
    # a past clause may still name a date some weeks ahead ("a annoncé ... le 30 octobre")
    if tense == "past" and here > now and month - ctx.dct.month >= 4:
        return year - 1
    if tense == "future" and here < now and ctx.dct.month - month >= 2:
        return year + 1
    if tense is None:  # the nearer one: "janeiro" told in November is the coming one
        ahead = month - ctx.dct.month
        if ahead > 6:
            return year - 1
        if ahead < -6:
            return year + 1
    return year


_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


def _year_told_in_sentence(ctx: Ctx, m: re.Match[str]) -> int | None:
    """The year told alone earlier in the sentence, with no other date between: "em 2027,
    a posse será em 5 de janeiro" is 2027-01-05, "In 2010 wurde am 3. Mai" 2010-05-03."""
    at = ctx.year_alone_at
    if at is None or ctx.year is None or at > m.start():
        return None
    if _SENTENCE_END.search(ctx.low, at, m.start()):
        return None
    return ctx.year


def a_deadline(ctx: Ctx, m: re.Match[str]) -> bool:
    """"aumentou a linha de crédito até janeiro": the month "until" names is the nearer one,
    whatever the tense of the clause around it."""
    until = ctx.lex.until
    return until is not None and until.search(ctx.low, max(0, m.start() - 20),
                                              m.start()) is not None


def part_of(ctx: Ctx, m: re.Match[str]) -> str | None:
    p = g(m, "part")
    return ctx.lex.parts[lex_key(p)] if p else None


def with_time(ctx: Ctx, m: re.Match[str], day: str) -> tuple[str, str]:
    """A day's value with the clock time or part of the day the match also names."""
    hh = g(m, "hh")
    if hh is not None:
        mm = g(m, "mm") or "00"
        return "TIME", f"{day}T{int(hh):02d}:{int(mm):02d}"
    part = part_of(ctx, m)
    if part:
        return "TIME", f"{day}T{part}"
    return "DATE", day


def day_number(ctx: Ctx, s: str) -> int:
    """"23", "1er", "primero", "uno"."""
    w = lex_key(s)
    digits = re.match(r"\d+", w)
    if digits:
        return int(digits.group(0))
    if w in ctx.lex.ordinals:
        return ctx.lex.ordinals[w]
    n = ctx.lex.number(w)
    if n is None:
        raise ValueError(s)
    return int(n)


def shifted(dct: date, unit: str, n: int) -> str:
    if unit == "Y":
        return f"{dct.year + n:04d}"
    if unit == "M":
        y, mo = add_months(dct.year, dct.month, n)
        return f"{y:04d}-{mo:02d}"
    if unit == "C":
        return f"{dct.year // 100 + n:02d}"
    if unit == "E":
        return f"{dct.year // 10 + n:03d}"
    if unit == "W":
        return fmt_week(dct + timedelta(weeks=n))
    if unit == "WE":
        return fmt_week(dct + timedelta(weeks=n)) + "-WE"
    return (dct + timedelta(days=n)).isoformat()
