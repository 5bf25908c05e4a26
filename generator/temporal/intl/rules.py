"""Resolver rules shared by every language in data/<lang>/: pure functions of context+match.

A language's patterns.yaml names one of these rules per pattern; the rule reads the match's
named groups (``d``, ``month``, ``y``, ``wd``, ``rel``, ``num``, ``unit``, ``deic``,
``part``...) through the language's lexicon, so word order and words are the data's and the
arithmetic is here, once. A rule returns (type, value, mod) or a list of (start, end, type,
value, mod) for a match that holds two expressions ("del 7 al 11 de septiembre"). What
every rule reads off a match is in ``context``, the rules that count a unit in ``units``;
``RULES`` names them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from ..calendar_math import add_months, two_digit_year, valid_day
from .context import (
    Ctx,
    a_deadline,
    day_number,
    g,
    lex_key,
    month_of,
    part_of,
    rel_of,
    shifted,
    with_time,
    year_of,
)
from .units import (
    ago,
    duration,
    later,
    part_ago,
    rel_unit,
    set_,
    set_every,
    set_weekday,
    vague_ago,
    vague_duration,
)


def date_dmy(ctx: Ctx, m: re.Match[str]):
    """"23 de octubre de 2023", "le 2 novembre", "am 3. Mai 2020", "3 maggio"."""
    month = month_of(ctx.lex, m.group("month"))
    d = day_number(ctx, m.group("d"))
    y = year_of(ctx, m, month, d)
    if not valid_day(y, month, d):
        return None
    ctx.month = (y, month)
    return (*with_time(ctx, m, f"{y:04d}-{month:02d}-{d:02d}"), None)


def date_numeric(ctx: Ctx, m: re.Match[str]):
    """"23/10/2023", "23.10.2023", "23-10-2023" (day first, as these languages write it)."""
    d, month, ys = int(m.group("d")), int(m.group("m")), m.group("y")
    y = int(ys) if len(ys) == 4 else two_digit_year(int(ys), ctx.dct)
    if not valid_day(y, month, d):
        return None
    ctx.month = (y, month)
    return "DATE", f"{y:04d}-{month:02d}-{d:02d}", None


def iso_date(ctx: Ctx, m: re.Match[str]):
    y, month, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not valid_day(y, month, d):
        return None
    return "DATE", f"{y:04d}-{month:02d}-{d:02d}", None


def day_range(ctx: Ctx, m: re.Match[str]):
    """"del 7 al 11 de septiembre", "du 3 au 5 mai", "vom 3. bis 5. Mai": two dates."""
    month = month_of(ctx.lex, m.group("month"))
    d1, d2 = int(m.group("d1")), int(m.group("d")),
    y = year_of(ctx, m, month, d2)
    if not (valid_day(y, month, d1) and valid_day(y, month, d2)):
        return None
    ctx.month = (y, month)
    first = f"{y:04d}-{month:02d}-{d1:02d}"
    return [(m.start("a"), m.end("a"), "DATE", first, None),
            (m.start("b"), m.end(), "DATE", f"{y:04d}-{month:02d}-{d2:02d}", None)]


def day_list(ctx: Ctx, m):
    """"am 3., 4., 5. und 7. Oktober", "los días 3, 4 y 5 de mayo", "les 6 et 7 avril": one
    date per day, each spanning its number (the corpora tag them so)."""
    month = month_of(ctx.lex, m.group("month"))
    last = int(m.group("d"))
    y = year_of(ctx, m, month, last)
    out = []
    for (s, e), text in zip(m.spans("dl"), m.captures("dl"), strict=True):
        d = int(text.rstrip(".").split()[-1])  # "3.", "il 23"
        if not valid_day(y, month, d):
            return None
        out.append((s, e, "DATE", f"{y:04d}-{month:02d}-{d:02d}", None))
    if not valid_day(y, month, last):
        return None
    ctx.month = (y, month)
    out.append((m.start("b"), m.end(), "DATE", f"{y:04d}-{month:02d}-{last:02d}", None))
    return out


def day_of_month(ctx: Ctx, m: re.Match[str]):
    """"el día 8", "le 5", "am 12.": a day of the month the text is about (or the
    publication month, on the side of the publication date the tense says)."""
    d = int(m.group("d"))
    if ctx.month:
        y, month = ctx.month
    else:
        y, month = ctx.dct.year, ctx.dct.month
        tense = ctx.tense(m)
        if tense == "past" and d > ctx.dct.day + 1:
            y, month = add_months(y, month, -1)
        elif tense == "future" and d < ctx.dct.day - 1:
            y, month = add_months(y, month, 1)
    if not valid_day(y, month, d):
        return None
    return (*with_time(ctx, m, f"{y:04d}-{month:02d}-{d:02d}"), None)


def month_year(ctx: Ctx, m: re.Match[str]):
    """"octubre de 2023", "mai 2020", "im Juli", "giugno prossimo", "début mai"."""
    if m.group("month").endswith(".") and not g(m, "y"):
        return None  # "mar.", "set.", "out." alone are words at a sentence's end
    if (lex_key(m.group("month")) in ctx.lex.ambiguous_months and not (
            g(m, "y") or g(m, "rel") or g(m, "pos") or m.start("month") > m.start()
            or _MONTH_LEAD.search(ctx.low, max(0, m.start() - 12), m.start()))):
        return None  # "Mars est une planète": the month only after "en", "de", "fin"...
    month = month_of(ctx.lex, m.group("month"))
    y = year_of(ctx, m, month)
    ctx.month = (y, month)
    pos = g(m, "pos")
    return "DATE", f"{y:04d}-{month:02d}", ctx.lex.position[lex_key(pos)] if pos else None


_MONTH_LEAD = re.compile(r"(?:\b(?:en|de|d'|depuis|dès|jusqu'en|au|à|mi-|fin|début)\s?)$")


def year(ctx: Ctx, m: re.Match[str]):
    pos = g(m, "pos")
    return "DATE", m.group("y"), ctx.lex.position[lex_key(pos)] if pos else None


def year_2digit(ctx: Ctx, m: re.Match[str]):
    """"en el 98", "l'an 2000" is year(); "des années 98"? no: only "'98"."""
    return "DATE", str(two_digit_year(int(m.group("yy")), ctx.dct)), None


def weekday(ctx: Ctx, m: re.Match[str]):
    """"el lunes", "lundi dernier", "am vergangenen Montag", "il prossimo giovedì",
    "Donnerstagabend": the day, counted from the publication date."""
    wd = ctx.lex.weekdays[lex_key(m.group("wd"))]
    rel = rel_of(ctx, m)
    now = ctx.dct.isoweekday()
    if rel == -1:
        shift = -((now - wd - 1) % 7 + 1)
    elif rel == 1:
        shift = (wd - now - 1) % 7 + 1
    else:
        tense = ctx.tense(m)
        if tense is None and a_deadline(ctx, m):
            tense = "future"  # "cierre ... hasta la mañana del miércoles": the coming one
        if tense == "future":
            shift = (wd - now) % 7
        elif tense == "past" or rel is None:
            shift = -((now - wd) % 7)
        else:
            shift = (wd - now) % 7
    day = _bracketed_day(ctx, m, wd) or ctx.dct + timedelta(days=shift)
    return (*with_time(ctx, m, day.isoformat()), None)


def weekday_of_week(ctx: Ctx, m: re.Match[str]):
    """"na próxima semana, provavelmente na segunda-feira": a weekday in apposition to the
    week before it ("rel": next or last) is that week's day."""
    wd = ctx.lex.weekdays[lex_key(m.group("wd"))]
    monday = ctx.dct - timedelta(days=ctx.dct.isoweekday() - 1)
    day = monday + timedelta(weeks=rel_of(ctx, m) or 0, days=wd - 1)
    return (*with_time(ctx, m, day.isoformat()), None)


def _bracketed_day(ctx: Ctx, m: re.Match[str], wd: int) -> date | None:
    """"nesta sexta-feira (8)": the Brazilian day of the month in brackets names the week,
    so the day within a week either side of the publication date that has both."""
    num = g(m, "dnum")
    if num is None:
        return None
    days = (ctx.dct + timedelta(days=k) for k in range(-7, 8))
    return next((d for d in days if d.day == int(num) and d.isoweekday() == wd), None)


def deictic(ctx: Ctx, m: re.Match[str]):
    """"hoy", "ayer por la noche", "hier soir", "gestern Abend", "domani mattina"."""
    off = ctx.lex.deictic[lex_key(m.group("deic"))] if g(m, "deic") else 0
    day = ctx.dct + timedelta(days=off)
    return (*with_time(ctx, m, day.isoformat()), None)


def part_of_today(ctx: Ctx, m: re.Match[str]):
    """"esta mañana", "ce soir", "stasera" with no day word: today's; "la nuit", "am
    Nachmittag" (no "this"): of the day told last; "la notte scorsa", "la pasada noche":
    the night before the publication day."""
    day = ctx.day if g(m, "told") is not None and ctx.day else ctx.dct
    day += timedelta(days=rel_of(ctx, m) or 0)
    return "TIME", f"{day.isoformat()}T{part_of(ctx, m)}", None


def ref(ctx: Ctx, m: re.Match[str]):
    """"ahora", "actualmente", "jetzt", "futuro", "autrefois": PRESENT_REF..."""
    return "DATE", ctx.lex.refs[lex_key(m.group("ref"))], None


def present(ctx: Ctx, m: re.Match[str]):
    """"auch heute noch", "Heute würde er ...": a today word meaning nowadays."""
    return "DATE", "PRESENT_REF", None


def season(ctx: Ctx, m: re.Match[str]):
    s = ctx.lex.seasons[lex_key(m.group("season"))]
    y = g(m, "y")
    year_ = int(y) if y else ctx.dct.year + (rel_of(ctx, m) or 0)
    return "DATE", f"{year_:04d}-{s}", None


def holiday(ctx: Ctx, m: re.Match[str]):
    mmdd = ctx.lex.holidays[lex_key(m.group("hol"))]
    y = g(m, "y")
    year_ = int(y) if y else year_of(ctx, m, int(mmdd[:2]), int(mmdd[3:]))
    return "DATE", f"{year_:04d}-{mmdd}", None


def decade(ctx: Ctx, m: re.Match[str]):
    """"los años noventa", "les années 90", "die 90er Jahre", "anni '80": 199, 198; "no
    final da década de 1970": 197, at its end."""
    pos = g(m, "pos")
    mod = ctx.lex.position[lex_key(pos)] if pos else None
    dec = g(m, "dec")
    if dec:
        n = ctx.lex.decades[lex_key(dec)]
        century = 19 if n >= 3 else 20
        return "DATE", f"{century}{n}", mod
    digits = m.group("dd")
    if len(digits) == 4:
        return "DATE", digits[:3], mod
    n = int(digits[0])
    return "DATE", f"{19 if n >= 3 else 20}{n}", mod


def quarter(ctx: Ctx, m: re.Match[str]):
    """"el primer trimestre de 2023", "im zweiten Quartal", "la seconda metà dell'anno"."""
    n = ctx.lex.ordinals[lex_key(m.group("ord"))]
    y = g(m, "y")
    kind = "H" if g(m, "half") else "Q"
    now = (ctx.dct.month - 1) // (6 if kind == "H" else 3) + 1
    year_ = int(y) if y else ctx.dct.year + (rel_of(ctx, m) or 0)
    if n == -1 and y:  # "o último semestre de 1989": that year's last
        n = 2 if kind == "H" else 4
    elif n == -1:  # "el último trimestre": the last one reported, before this one
        n, year_ = (now - 1, year_) if now > 1 else ((2 if kind == "H" else 4), year_ - 1)
    elif not y and rel_of(ctx, m) is None and n > now and ctx.tense(m) != "future":
        year_ -= 1  # "the fourth quarter", told in February: last year's
    if (kind == "H" and n > 2) or n > 4 or n < 1:
        return None
    if kind == "Q":
        ctx.quarter = f"{year_:04d}-Q{n}"
    return "DATE", f"{year_:04d}-{kind}{n}", None


def the_quarter(ctx: Ctx, m: re.Match[str]):
    """"o trimestre", "el trimestre" in a quarterly report: the quarter it is about (told
    before), else the last one ended before the publication date."""
    if ctx.quarter:
        return "DATE", ctx.quarter, None
    q = (ctx.dct.month - 1) // 3
    return "DATE", f"{ctx.dct.year - (q == 0):04d}-Q{q or 4}", None


def clock(ctx: Ctx, m: re.Match[str]):
    """"a las 10.30", "21 h 45", "18 Uhr", "alle 15", "às 10h", "las seis de la mañana de
    ayer": on the day it names, or the publication day."""
    word = g(m, "cw")
    n = ctx.lex.clock_words[lex_key(word)] if word else ctx.lex.number(m.group("hh"))
    if n is None or n != int(n):
        return None
    hh, mm = int(n), int(g(m, "mm") or 0)
    part = part_of(ctx, m)
    if part in ("AF", "EV") and hh < 12 or part == "NI" and 7 <= hh < 12:
        hh += 12
    if hh > 24 or mm > 59:
        return None
    if g(m, "elsewhere") is not None and hh < 12 and ctx.hour is not None and (
            abs(hh + 12 - ctx.hour) < abs(hh - ctx.hour)):
        hh += 12  # the same moment in another zone: nearer the time told before
    # a live blog's entry time ("stamp") is of the publication day, whatever it tells
    day = ctx.dct if g(m, "stamp") is not None else ctx.day or ctx.dct
    if g(m, "today") is not None:  # "até às 9h00 desta manhã": the publication day's
        day = ctx.dct
    if g(m, "deic"):  # "hoy", "ayer": counted from the publication day, not the day told
        day = ctx.dct + timedelta(days=ctx.lex.deictic[lex_key(m.group("deic"))])
    elif g(m, "wd"):
        day = date.fromisoformat(weekday(ctx, m)[1][:10])
    elif g(m, "month"):  # "às 5 da tarde de 9 de novembro": on that day
        named = date_dmy(ctx, m)
        if named is None:
            return None
        day = date.fromisoformat(named[1][:10])
    zone = "Z" if g(m, "utc") else ""  # "13.00 GMT"
    return "TIME", f"{day.isoformat()}T{hh:02d}:{mm:02d}{zone}", None


def clock_range(ctx: Ctx, m: re.Match[str]):
    """"entre as 3h00 e as 16h00 de sexta-feira": the day written after the second time is
    the first's too (not the day told before the range)."""
    second = clock(ctx, m)
    hh, mm = int(m.group("h1")), int(g(m, "m1") or 0)
    if second is None or hh > 24 or mm > 59:
        return None
    day = second[1][:10]
    return [(m.start("a"), m.end("a"), "TIME", f"{day}T{hh:02d}:{mm:02d}", None),
            (m.start("b"), m.end(), "TIME", second[1], None)]


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def century(ctx: Ctx, m: re.Match[str]):
    """"el siglo XIX", "le XXe siècle", "il XX secolo": 18, 19."""
    r = m.group("roman")
    total = 0
    for a, b in zip(r, r[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return ("DATE", f"{total - 1:02d}", None) if 1 < total <= 21 else None


def year_range(ctx: Ctx, m: re.Match[str]):
    """"1934-1940": TimeBank tags one expression, valued as its first year."""
    return "DATE", m.group("y"), None


def day_shift(ctx: Ctx, m: re.Match[str]):
    """"la veille", "am Vortag", "el día anterior", "il giorno dopo": the day before or after
    the day told last (or the publication day)."""
    day = (ctx.day or ctx.dct) + timedelta(days=ctx.lex.day_shifts[lex_key(m.group("shift"))])
    return "DATE", day.isoformat(), None


def weekend(ctx: Ctx, m: re.Match[str]):
    """"el fin de semana", "ce week-end", "am Wochenende": the week's WE, by tense."""
    rel = rel_of(ctx, m)
    if rel is None:
        tense = ctx.tense(m)
        now = ctx.dct.isoweekday()
        rel = -1 if tense == "past" and now < 6 else 0
    return "DATE", shifted(ctx.dct, "WE", rel), None


RULES: dict[str, Callable] = {
    "date_dmy": date_dmy,
    "date_numeric": date_numeric,
    "iso_date": iso_date,
    "day_range": day_range,
    "day_list": day_list,
    "day_of_month": day_of_month,
    "month_year": month_year,
    "year": year,
    "year_2digit": year_2digit,
    "weekday": weekday,
    "weekday_of_week": weekday_of_week,
    "deictic": deictic,
    "part_of_today": part_of_today,
    "rel_unit": rel_unit,
    "ago": ago,
    "later": later,
    "duration": duration,
    "vague_duration": vague_duration,
    "vague_ago": vague_ago,
    "part_ago": part_ago,
    "ref": ref,
    "present": present,
    "set": set_,
    "set_every": set_every,
    "set_weekday": set_weekday,
    "season": season,
    "holiday": holiday,
    "decade": decade,
    "quarter": quarter,
    "clock": clock,
    "clock_range": clock_range,
    "weekend": weekend,
    "century": century,
    "the_quarter": the_quarter,
    "day_shift": day_shift,
    "year_range": year_range,
}
