"""Resolver rules shared by every language in data/<lang>/: pure functions of context+match.

A language's patterns.yaml names one of these rules per pattern; the rule reads the match's
named groups (``d``, ``month``, ``y``, ``wd``, ``rel``, ``num``, ``unit``, ``deic``,
``part``...) through the language's lexicon, so word order and words are the data's and the
arithmetic is here, once. A rule returns (type, value, mod) or a list of (start, end, type,
value, mod) for a match that holds two expressions ("del 7 al 11 de septiembre").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..calendar_math import add_months, fmt_week, two_digit_year, valid_day
from .lexicon import LangLexicon
from .tense import clause_tense

_UNIT_VALUE = {"Y": "Y", "M": "M", "W": "W", "D": "D", "H": "H", "MIN": "M", "S": "S"}
_CLOCK_UNITS = ("H", "MIN", "S")


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
    # the quarter a report is about: its "a year ago" is that quarter a year before
    quarter: str | None = None
    # the year of the date told last ("en 1997 ... ese año")
    year: int | None = None
    spans: dict = field(default_factory=dict)

    def tense(self, m: re.Match[str]) -> str | None:
        return clause_tense(self.lex, self.low, m.start(), m.end(), self.text)


def g(m: re.Match[str], name: str) -> str | None:
    """A named group's text, or None (absent from the pattern, or did not take part)."""
    if name not in m.re.groupindex:
        return None
    return m.group(name)


def _word(s: str) -> str:
    return " ".join(s.split()).replace("’", "'")


def _month(lex: LangLexicon, s: str) -> int:
    return lex.months[_word(s).rstrip(".")] if _word(s).rstrip(".") in lex.months else \
        lex.months[_word(s)]


def _rel(ctx: Ctx, m: re.Match[str]) -> int | None:
    r = g(m, "rel")
    return ctx.lex.rel[_word(r)] if r else None


def _year_of(ctx: Ctx, m: re.Match[str], month: int, day: int | None = None) -> int:
    """The year of a month (and day) written without one: the publication year, unless the
    clause's tense puts it on the other side of the publication date."""
    y = g(m, "y")
    if y:
        return int(y) if len(y) == 4 else two_digit_year(int(y), ctx.dct)
    ry = g(m, "ry")  # "August vorigen Jahres", "julho do ano passado"
    if ry:
        shifts = [ctx.lex.rel[w] for w in _word(ry).split() if w in ctx.lex.rel]
        return ctx.dct.year + (shifts[0] if shifts else 0)
    rel = _rel(ctx, m)
    year = ctx.dct.year
    here = (month, day or 15)
    now = (ctx.dct.month, ctx.dct.day if day else 15)
    if rel == -1:
        return year if here < now else year - 1
    if rel == 1:
        return year if here > now else year + 1
    tense = None if _a_deadline(ctx, m) else ctx.tense(m)
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


def _a_deadline(ctx: Ctx, m: re.Match[str]) -> bool:
    """"aumentou a linha de crédito até janeiro": the month "until" names is the nearer one,
    whatever the tense of the clause around it."""
    until = ctx.lex.until
    return until is not None and until.search(ctx.low, max(0, m.start() - 20),
                                              m.start()) is not None


def _part(ctx: Ctx, m: re.Match[str]) -> str | None:
    p = g(m, "part")
    return ctx.lex.parts[_word(p)] if p else None


def _with_time(ctx: Ctx, m: re.Match[str], day: str) -> tuple[str, str]:
    """A day's value with the clock time or part of the day the match also names."""
    hh = g(m, "hh")
    if hh is not None:
        mm = g(m, "mm") or "00"
        return "TIME", f"{day}T{int(hh):02d}:{int(mm):02d}"
    part = _part(ctx, m)
    if part:
        return "TIME", f"{day}T{part}"
    return "DATE", day


def date_dmy(ctx: Ctx, m: re.Match[str]):
    """"23 de octubre de 2023", "le 2 novembre", "am 3. Mai 2020", "3 maggio"."""
    month = _month(ctx.lex, m.group("month"))
    d = _day_number(ctx, m.group("d"))
    y = _year_of(ctx, m, month, d)
    if not valid_day(y, month, d):
        return None
    ctx.month = (y, month)
    return (*_with_time(ctx, m, f"{y:04d}-{month:02d}-{d:02d}"), None)


def _day_number(ctx: Ctx, s: str) -> int:
    """"23", "1er", "primero", "uno"."""
    w = _word(s)
    digits = re.match(r"\d+", w)
    if digits:
        return int(digits.group(0))
    if w in ctx.lex.ordinals:
        return ctx.lex.ordinals[w]
    n = ctx.lex.number(w)
    if n is None:
        raise ValueError(s)
    return int(n)


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
    month = _month(ctx.lex, m.group("month"))
    d1, d2 = int(m.group("d1")), int(m.group("d")),
    y = _year_of(ctx, m, month, d2)
    if not (valid_day(y, month, d1) and valid_day(y, month, d2)):
        return None
    ctx.month = (y, month)
    first = f"{y:04d}-{month:02d}-{d1:02d}"
    return [(m.start("a"), m.end("a"), "DATE", first, None),
            (m.start("b"), m.end(), "DATE", f"{y:04d}-{month:02d}-{d2:02d}", None)]


def day_list(ctx: Ctx, m):
    """"am 3., 4., 5. und 7. Oktober", "los días 3, 4 y 5 de mayo", "les 6 et 7 avril": one
    date per day, each spanning its number (the corpora tag them so)."""
    month = _month(ctx.lex, m.group("month"))
    last = int(m.group("d"))
    y = _year_of(ctx, m, month, last)
    out = []
    for (s, e), text in zip(m.spans("dl"), m.captures("dl"), strict=True):
        d = int(text.rstrip("."))
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
    return (*_with_time(ctx, m, f"{y:04d}-{month:02d}-{d:02d}"), None)


def month_year(ctx: Ctx, m: re.Match[str]):
    """"octubre de 2023", "mai 2020", "im Juli", "giugno prossimo", "début mai"."""
    if m.group("month").endswith(".") and not g(m, "y"):
        return None  # "mar.", "set.", "out." alone are words at a sentence's end
    if (_word(m.group("month")) in ctx.lex.ambiguous_months and not (
            g(m, "y") or g(m, "rel") or g(m, "pos") or m.start("month") > m.start()
            or _MONTH_LEAD.search(ctx.low, max(0, m.start() - 12), m.start()))):
        return None  # "Mars est une planète": the month only after "en", "de", "fin"...
    month = _month(ctx.lex, m.group("month"))
    y = _year_of(ctx, m, month)
    ctx.month = (y, month)
    pos = g(m, "pos")
    return "DATE", f"{y:04d}-{month:02d}", ctx.lex.position[_word(pos)] if pos else None


_MONTH_LEAD = re.compile(r"(?:\b(?:en|de|d'|depuis|dès|jusqu'en|au|à|mi-|fin|début)\s?)$")


def year(ctx: Ctx, m: re.Match[str]):
    pos = g(m, "pos")
    return "DATE", m.group("y"), ctx.lex.position[_word(pos)] if pos else None


def year_2digit(ctx: Ctx, m: re.Match[str]):
    """"en el 98", "l'an 2000" is year(); "des années 98"? no: only "'98"."""
    return "DATE", str(two_digit_year(int(m.group("yy")), ctx.dct)), None


def weekday(ctx: Ctx, m: re.Match[str]):
    """"el lunes", "lundi dernier", "am vergangenen Montag", "il prossimo giovedì",
    "Donnerstagabend": the day, counted from the publication date."""
    wd = ctx.lex.weekdays[_word(m.group("wd"))]
    rel = _rel(ctx, m)
    now = ctx.dct.isoweekday()
    if rel == -1:
        shift = -((now - wd - 1) % 7 + 1)
    elif rel == 1:
        shift = (wd - now - 1) % 7 + 1
    else:
        tense = ctx.tense(m)
        if tense is None and _a_deadline(ctx, m):
            tense = "future"  # "cierre ... hasta la mañana del miércoles": the coming one
        if tense == "future":
            shift = (wd - now) % 7
        elif tense == "past" or rel is None:
            shift = -((now - wd) % 7)
        else:
            shift = (wd - now) % 7
    day = ctx.dct + timedelta(days=shift)
    return (*_with_time(ctx, m, day.isoformat()), None)


def deictic(ctx: Ctx, m: re.Match[str]):
    """"hoy", "ayer por la noche", "hier soir", "gestern Abend", "domani mattina"."""
    off = ctx.lex.deictic[_word(m.group("deic"))] if g(m, "deic") else 0
    day = ctx.dct + timedelta(days=off)
    return (*_with_time(ctx, m, day.isoformat()), None)


def part_of_today(ctx: Ctx, m: re.Match[str]):
    """"esta mañana", "ce soir", "stasera" with no day word: today's; "la nuit", "am
    Nachmittag" (no "this"): of the day told last."""
    day = ctx.day if g(m, "told") is not None and ctx.day else ctx.dct
    return "TIME", f"{day.isoformat()}T{_part(ctx, m)}", None


def rel_unit(ctx: Ctx, m: re.Match[str]):
    """"la semana pasada", "l'année dernière", "dieses Jahr", "il mese prossimo": the
    calendar unit, even in a quarterly report ("el año pasado" is the year, as in English;
    "hace un año" is the quarter a year before)."""
    unit = ctx.lex.units[_word(m.group("unit"))]
    rel = _rel(ctx, m) or 0
    if unit in ("Q", "HY"):
        return None
    return "DATE", _shifted(ctx.dct, unit, rel), None


def _shifted(dct: date, unit: str, n: int) -> str:
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


def _count(ctx: Ctx, m: re.Match[str]) -> float | None:
    """The count of a "tres días": 1 without a numeral, NaN for "varios"/"plusieurs"."""
    num = g(m, "num")
    if num is None:
        return 1.0
    if _word(num) in ctx.lex.vague:
        return float("nan")
    return ctx.lex.number(num)


# a decade, century, quarter or semester is counted in years or months in TimeML values
_IN_BASE_UNITS = {"E": (10, "Y"), "C": (100, "Y"), "Q": (3, "M"), "HY": (6, "M")}


_AGO_MAX = {"Y": 200, "E": 20, "C": 5, "M": 600, "W": 520, "D": 3650}


def ago(ctx: Ctx, m: re.Match[str]):
    """"hace tres días", "il y a deux semaines", "vor zwei Wochen", "tre giorni fa"."""
    n = _count(ctx, m)
    if n is not None and n != n:  # "hace unos días", "vor wenigen Tagen": how long, not when
        return vague_duration(ctx, m)
    if n is None or n != int(n):
        return None
    unit = ctx.lex.units[_word(m.group("unit"))]
    if unit in ("H", "MIN") or n > _AGO_MAX.get(unit, 100):
        return None  # ("2000 anni fa" is no calendar year)
    if unit == "Y" and n == 1 and ctx.quarter:
        return "DATE", _year_ago_quarter(ctx), None
    return "DATE", _shifted(ctx.dct, unit, -int(n)), None


def _year_ago_quarter(ctx: Ctx) -> str:
    """"a year ago" in a quarterly report: the same quarter, a year before."""
    return f"{int(ctx.quarter[:4]) - 1:04d}{ctx.quarter[4:]}"


def later(ctx: Ctx, m: re.Match[str]):
    """"dentro de tres días", "dans deux semaines", "in zwei Wochen", "tra tre giorni"."""
    n = _count(ctx, m)
    if n is None or n != int(n):
        return None
    unit = ctx.lex.units[_word(m.group("unit"))]
    if unit in ("H", "MIN"):
        return None
    return "DATE", _shifted(ctx.dct, unit, int(n)), None


def duration(ctx: Ctx, m: re.Match[str]):
    """"tres días", "65 años", "fünf Jahren", "environ une heure", "los últimos tres meses"."""
    n = _count(ctx, m)
    if n is None:
        return None
    unit = ctx.lex.units[_word(m.group("unit"))]
    if unit in _IN_BASE_UNITS:
        times, unit = _IN_BASE_UNITS[unit]
        n *= times
    num = "X" if n != n else f"{n:g}"
    if unit in _CLOCK_UNITS:
        return "DURATION", f"PT{num}{_UNIT_VALUE[unit]}", None
    return "DURATION", f"P{num}{unit}", None


def vague_duration(ctx: Ctx, m: re.Match[str]):
    """"durante años", "ces derniers jours", "den vergangenen Tagen": PXY, PXD..."""
    unit = ctx.lex.units[_word(m.group("unit"))]
    if unit in _CLOCK_UNITS:
        return "DURATION", f"PTX{_UNIT_VALUE[unit]}", None
    return "DURATION", f"PX{unit}", None


def ref(ctx: Ctx, m: re.Match[str]):
    """"ahora", "actualmente", "jetzt", "futuro", "autrefois": PRESENT_REF..."""
    return "DATE", ctx.lex.refs[_word(m.group("ref"))], None


def set_every(ctx: Ctx, m: re.Match[str]):
    """"cada seis meses", "tous les deux ans", "alle zwei Wochen": SET P6M."""
    found = duration(ctx, m)
    return None if found is None else ("SET", found[1], None)


def set_weekday(ctx: Ctx, m: re.Match[str]):
    """"jeden Montag", "tous les jeudis", "ogni lunedì": SET XXXX-WXX-1."""
    wd = ctx.lex.weekdays[_word(m.group("wd")).rstrip("s")] if _word(m.group("wd")).rstrip(
        "s") in ctx.lex.weekdays else ctx.lex.weekdays[_word(m.group("wd"))]
    part = _part(ctx, m)
    return "SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), None


def set_(ctx: Ctx, m: re.Match[str]):
    """"cada año", "täglich", "chaque semaine", "al año": SET."""
    return "SET", ctx.lex.sets[_word(m.group("set"))], None


def season(ctx: Ctx, m: re.Match[str]):
    s = ctx.lex.seasons[_word(m.group("season"))]
    y = g(m, "y")
    year_ = int(y) if y else ctx.dct.year + (_rel(ctx, m) or 0)
    return "DATE", f"{year_:04d}-{s}", None


def holiday(ctx: Ctx, m: re.Match[str]):
    mmdd = ctx.lex.holidays[_word(m.group("hol"))]
    y = g(m, "y")
    year_ = int(y) if y else _year_of(ctx, m, int(mmdd[:2]), int(mmdd[3:]))
    return "DATE", f"{year_:04d}-{mmdd}", None


def decade(ctx: Ctx, m: re.Match[str]):
    """"los años noventa", "les années 90", "die 90er Jahre", "anni '80": 199, 198."""
    dec = g(m, "dec")
    if dec:
        n = ctx.lex.decades[_word(dec)]
        century = 19 if n >= 3 else 20
        return "DATE", f"{century}{n}", None
    digits = m.group("dd")
    if len(digits) == 4:
        return "DATE", digits[:3], None
    n = int(digits[0])
    return "DATE", f"{19 if n >= 3 else 20}{n}", None


def quarter(ctx: Ctx, m: re.Match[str]):
    """"el primer trimestre de 2023", "im zweiten Quartal", "la seconda metà dell'anno"."""
    n = ctx.lex.ordinals[_word(m.group("ord"))]
    y = g(m, "y")
    kind = "H" if g(m, "half") else "Q"
    now = (ctx.dct.month - 1) // (6 if kind == "H" else 3) + 1
    year_ = int(y) if y else ctx.dct.year + (_rel(ctx, m) or 0)
    if n == -1:  # "el último trimestre": the last one reported, before this one
        n, year_ = (now - 1, year_) if now > 1 else ((2 if kind == "H" else 4), year_ - 1)
    elif not y and _rel(ctx, m) is None and n > now and ctx.tense(m) != "future":
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
    n = ctx.lex.clock_words[_word(word)] if word else ctx.lex.number(m.group("hh"))
    if n is None or n != int(n):
        return None
    hh, mm = int(n), int(g(m, "mm") or 0)
    part = _part(ctx, m)
    if part in ("AF", "EV") and hh < 12 or part == "NI" and 7 <= hh < 12:
        hh += 12
    if hh > 24 or mm > 59:
        return None
    # a live blog's entry time ("stamp") is of the publication day, whatever it tells
    day = ctx.dct if g(m, "stamp") is not None else ctx.day or ctx.dct
    if g(m, "deic"):
        day += timedelta(days=ctx.lex.deictic[_word(m.group("deic"))])
    elif g(m, "wd"):
        day = date.fromisoformat(weekday(ctx, m)[1][:10])
    elif g(m, "month"):  # "às 5 da tarde de 9 de novembro": on that day
        named = date_dmy(ctx, m)
        if named is None:
            return None
        day = date.fromisoformat(named[1][:10])
    zone = "Z" if g(m, "utc") else ""  # "13.00 GMT"
    return "TIME", f"{day.isoformat()}T{hh:02d}:{mm:02d}{zone}", None


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
    day = (ctx.day or ctx.dct) + timedelta(days=ctx.lex.day_shifts[_word(m.group("shift"))])
    return "DATE", day.isoformat(), None


def weekend(ctx: Ctx, m: re.Match[str]):
    """"el fin de semana", "ce week-end", "am Wochenende": the week's WE, by tense."""
    rel = _rel(ctx, m)
    if rel is None:
        tense = ctx.tense(m)
        now = ctx.dct.isoweekday()
        rel = -1 if tense == "past" and now < 6 else 0
    return "DATE", _shifted(ctx.dct, "WE", rel), None


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
    "deictic": deictic,
    "part_of_today": part_of_today,
    "rel_unit": rel_unit,
    "ago": ago,
    "later": later,
    "duration": duration,
    "vague_duration": vague_duration,
    "ref": ref,
    "set": set_,
    "set_every": set_every,
    "set_weekday": set_weekday,
    "season": season,
    "holiday": holiday,
    "decade": decade,
    "quarter": quarter,
    "clock": clock,
    "weekend": weekend,
    "century": century,
    "the_quarter": the_quarter,
    "day_shift": day_shift,
    "year_range": year_range,
}
