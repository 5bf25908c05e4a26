"""Periods longer than a day: numbered weeks, years and year ranges, fiscal years, decades,
centuries, seasons, quarters and halves."""

from __future__ import annotations

from datetime import date

import regex

from .. import calendar_math as cm
from ..anchoring import (
    pick_year,
)
from ..context import Context, Resolved
from ..precision import calendar_shift
from ..sentences import is_label, next_word, opens_sentence, start_of_sentence, words_before
from ..values import bounds, shift_value
from .common import (
    NAME_BEFORE,
    SEASON_MONTH,
    YEARWORD_RX,
    as_written,
    day_number,
    opt_group,
    pos_mod,
    resolve_month_day,
    span_of,
    year_from_words,
)
from .registry import gate, rule


@gate("week_number")
def g_week_number(ctx: Context, m: regex.Match[str]) -> bool:
    """"EW 5" in capitals only ("new 5" is no week)."""
    return not m["ew"] or ctx.text[m.start("ew") : m.end("ew")] == "EW"


@rule("week_number")
def r_week_number(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """ISO week N of the year written, else the latest week N up to the DCT."""
    n = int(m["n"] or m["n2"]) if (m["n"] or m["n2"]) else ctx.lex.ordinal(m["ord"])
    written = m["y"] or m["y2"] or m["y3"]
    y = int(written) if written else ctx.dct.year
    if not n or not 1 <= n <= 53:
        return None
    try:
        if not written and date.fromisocalendar(y, n, 1) > ctx.dct:
            y -= 1
        date.fromisocalendar(y, n, 1)
    except ValueError:
        return None
    return Resolved(*span_of(m), "DATE", f"{y:04d}-W{n:02d}", explicit=bool(written),
                    relative=not written)


@rule("week_of")
def r_week_of(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'the week of March 6', 'the week of 16 February': the (ISO) week containing that day."""
    month, day = (m["month"], m["d"]) if m["month"] else (m["month2"], m["d2"])
    v = resolve_month_day(ctx, m, month, day, m["y"], m.start(), m.end())
    if not v:
        return None
    return Resolved(*span_of(m), "DATE", cm.fmt_week(date.fromisoformat(v)), relative=not m["y"])


@gate("year_range")
def g_year_range(ctx: Context, m: regex.Match[str]) -> bool:
    """'some 1500-1600 people', '1900-2000 GMT': counts and clock times, not years."""
    before = words_before(ctx, m.start(), 1)
    nxt = next_word(ctx, m.end()).lower()
    return not (
        (before and before[-1] in ctx.lex.sets.quantity_before)
        or nxt in ctx.lex.sets.quantity_after
        or nxt in ctx.lex.sets.clock_after
    )


@rule("new_year")
def r_new_year(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'the new year': the year begun in a past clause ("prices have risen since the new
    year") or in a year's first quarter, else the coming one ("talks resume in the new
    year" said in November)."""
    begun = ctx.dct.month <= 3 or ctx.tense(m.start(), m.end()) == "past"
    y = ctx.dct.year if begun else ctx.dct.year + 1
    return Resolved(*span_of(m), "DATE", f"{y:04d}", relative=True)


@rule("year_range")
def r_year_range(ctx: Context, m: regex.Match[str]) -> list[Resolved] | None:
    """'2018-2020', '1914-18': two years, the second after the first and within a century
    of it (a score or a code like '1999-1987' is no range)."""
    y1 = int(m["y"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if not y1 < y2 < y1 + 100:
        return None
    return [
        Resolved(m.start("y"), m.end("y"), "DATE", f"{y1:04d}", explicit=True),
        Resolved(m.start("y2"), m.end("y2"), "DATE", f"{y2:04d}", explicit=True),
    ]


# A singular lower-case noun that a year may modify ("season", "election"; not a plural such
# as "votes"), and the earliest number read as a year before one after "of the".
_MODIFIED_NOUN = regex.compile(r"[a-z]{3,}(?<![^s]s)")
_MODERN_YEAR = 1800

# A number below this is a year only after a preposition of time ("in 1066", "since 1492") or
# with its era ("1000 AD"); else it is a count ("Mehr als 1000 interne Unterlagen", "the 1200
# documents").
_OLD_YEAR = 1500
_OLD_YEAR_BEFORE = frozenset({"in", "since", "of", "by", "until", "till", "from", "before",
                              "after", "during", "around", "circa", "c.", "ca.", "year", "to",
                              "through", "between"})


@gate("year")
def g_year(ctx: Context, m: regex.Match[str]) -> bool:
    if opt_group(m, "yw"):
        # "twenty six percent", "a twenty-two dollar level": a count, not a year; spoken
        # years of this century are "two thousand six", and "twenty X" only from 2010 on
        nxt = next_word(ctx, m.end()).lower()
        if nxt in ctx.lex.sets.quantity_after or nxt in ("dollar", "percent", "of"):
            return False
        return not regex.fullmatch(
            r"(?i)(?:the\syear\s)?twenty[\s-](?:one|two|three|four|five|six|seven|eight|nine)",
            m.group(0),
        )
    if opt_group(m, "pmod") or opt_group(m, "post"):
        return True
    y = m["y"]
    if not 1000 <= int(y) <= 2099:
        return False
    before = words_before(ctx, m.start(), 2)
    prev = before[-1] if before else ""
    prev_char = ctx.text[m.start() - 1 : m.start()]
    nxt = next_word(ctx, m.end())
    if prev in ctx.lex.sets.quantity_before or (
        " ".join(before) in ctx.lex.sets.quantity_before and not nxt[:1].isupper()
        and not (_MODIFIED_NOUN.fullmatch(nxt) and _MODERN_YEAR <= int(y) <= ctx.dct.year)
    ):
        # "some 1500 people", "of the 1500 votes" (but "of the 2000 Olympics" and "the first
        # trip of the 1937 season": a year before a singular noun names its time)
        return False
    if nxt.lower() in ctx.lex.sets.quantity_after or nxt.lower() in ctx.lex.sets.clock_after:
        return False  # "1,500 people", "(1700 GMT)"
    if regex.match(r"[ -]\d{3}", ctx.text[m.end() : m.end() + 4]):
        return False  # "the hotline on 1800 173 349": a telephone number
    if int(y) < _OLD_YEAR and prev not in _OLD_YEAR_BEFORE and not regex.match(
            r"\s*(?:AD|A\.D\.|BC|B\.C\.|CE|BCE)\b", ctx.text[m.end() : m.end() + 6]):
        return False  # "Mehr als 1000 interne Unterlagen", "the 1200 documents": a count
    if nxt[:1].isupper() and nxt.lower() in ctx.lex.sets.organisation_nouns:
        return False  # "A new executive of the 1922 Committee will be elected": a body's name
    if prev_char == "(" or prev.endswith("("):
        return True
    if prev in ctx.lex.sets.year_gate_before or prev.lower().rstrip(".") in ctx.lex.months:
        return True
    if prev.endswith("'s") or prev == "'s":
        # "Kopp's 1987 Chevrolet": a model year before a (capitalized) make, not a date
        return not (nxt[:1].isupper() and nxt.lower().rstrip(".") not in ctx.lex.months)
    if NAME_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return False  # "a joint venture called Orion 1980": part of a name
    # "2014 election": a year used as a modifier of a lower-case singular noun
    if nxt[:1].islower() and not (nxt.endswith("s") and not nxt.endswith("ss")) and len(nxt) > 2:
        return True
    if is_label(ctx, m.start(), m.end()):
        return True  # "2023 — Shipments slow ...": a list of key dates
    # Sentence-initial "1990 was ..." or standalone year before punctuation
    return bool(regex.match(r"\s*[,.;:)]", ctx.text[m.end() : m.end() + 2])) and int(y) >= 1900


@rule("year")
def r_year(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'in 2014', 'the late 1990s' (mod), 'post-2008', 'nineteen ninety-seven'."""
    if opt_group(m, "yw"):
        y = year_from_words(ctx, m["yw"])
        if y is None:
            return None
        return Resolved(*span_of(m), "DATE", f"{y:04d}", explicit=True)
    mod = pos_mod(ctx, m)
    post = opt_group(m, "post")
    if post:
        mod = "AFTER" if post.lower() == "post" else "BEFORE"
    return Resolved(*span_of(m), "DATE", m["y"], mod=mod, explicit=True)


@rule("fiscal_year")
def r_fiscal(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'fiscal 2022', 'FY24', "fiscal year '91": the fiscal year's number."""
    written = m["y"].lstrip("'")
    y = cm.two_digit_year(int(written), ctx.dct) if len(written) == 2 else int(written)
    return Resolved(*span_of(m), "DATE", f"{y:04d}", explicit=True)




@rule("decade")
def r_decade(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'the 1990s', 'the '80s', 'the nineties': a decade (its century from the DCT when
    unwritten)."""
    if m["dec"]:
        v = m["dec"][:3]
    else:
        digit = int(m["dec2"][0]) if m["dec2"] else ctx.lex.decade_words[m["decw"].lower()]
        century = ctx.dct.year // 100
        if century * 100 + digit * 10 > ctx.dct.year:
            century -= 1
        v = f"{century:02d}{digit}"
    return Resolved(*span_of(m), "DATE", v, mod=pos_mod(ctx, m), explicit=True)


@rule("century")
def r_century(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'the 19th century', 'the early twentieth century'."""
    n = day_number(ctx, m["ord"])
    if not n or n > 21:
        return None
    return Resolved(*span_of(m), "DATE", f"{n - 1:02d}", mod=pos_mod(ctx, m), explicit=True)


_FALL_OF = regex.compile(r"\s+of\s+(?:the\s+)?(?!(?:19|20)\d\d\b)[A-Z]")


_WORD_BEFORE = regex.compile(r"(\w[\w.'’-]*)\s+$")


def _in_name(ctx: Context, start: int, end: int) -> bool:
    """Is the capitalized word at start..end part of a name: next to another capitalized word
    that is not a sentence's first ("The Winter War", "the Arab Spring")?"""
    if next_word(ctx, end)[:1].isupper():
        return True
    before = _WORD_BEFORE.search(ctx.text, max(0, start - 40), start)
    return bool(before and before.group(1)[:1].isupper()
                and not opens_sentence(ctx.text, before.start(1))
                and before.start(1) != start_of_sentence(ctx.text, start))


@gate("season")
def g_season(ctx: Context, m: regex.Match[str]) -> bool:
    if m["season"].lower() == "fall" and _FALL_OF.match(ctx.text, m.end()):
        return False  # "after the fall of Moamer Kadhafi", "the fall of Kabul": a downfall
    at = m.start("season")
    if ctx.text[at].isupper() and not opt_group(m, "y") and _in_name(ctx, at, m.end()):
        return False  # "The Winter War", "the Arab Spring", "the Winter Olympics"
    if (opt_group(m, "y") or opt_group(m, "rel") or m["pmod"]
            or m.group(0).lower().startswith("the ")):
        return True
    before = words_before(ctx, m.start(), 1)
    return bool(before) and before[0] in ("in", "during", "since", "until", "by", "over", "this")


@rule("season")
def r_season(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'in the summer of 2015', 'last spring', 'this winter': a season of a year."""
    code = ctx.lex.seasons[m["season"].lower()]
    yw = opt_group(m, "y")
    if yw:
        if yw.isdigit():
            y = int(yw)
        else:
            mm = YEARWORD_RX.fullmatch(yw)
            rest = ctx.lex.number(mm.group(2)) if mm and mm.group(1) else None
            if rest is None:
                return None
            y = (19 if mm.group(1).lower() == "nineteen" else 20) * 100 + int(rest)
        explicit = True
    elif opt_group(m, "rel"):
        # "the spring of last year": one season of a DCT year (a winter labelled by its
        # December)
        y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        explicit = False
    else:
        if code == "WI":  # a winter is labelled by the year of its December
            y = pick_year(ctx, m.start(), m.end(), 12, None, months=3)
        else:
            y = pick_year(ctx, m.start(), m.end(), SEASON_MONTH[code], None)
        explicit = False
    return Resolved(
        *span_of(m),
        "DATE",
        f"{y:04d}-{code}",
        mod=pos_mod(ctx, m),
        explicit=explicit,
        relative=not explicit,
    )


@rule("quarter")
def r_quarter(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'the third quarter of 2020', 'last year's fourth quarter', 'the first half': a
    quarter or half."""
    unit = m["unit"].lower()
    top = 4 if unit == "quarter" else 2
    n = top if m["ord"].lower() in ("last", "final") else day_number(ctx, m["ord"])
    if m["ord"].lower() == "last" and unit == "quarter" and not (m["y"] or m["y2"] or m["y4"]):
        return None  # "last quarter" = the previous quarter (relative_unit)
    if not n or n > top:
        return None
    letter = "Q" if unit == "quarter" else "H"
    y = None
    for grp in ("y", "y2", "y4"):
        if opt_group(m, grp):
            y = int(m[grp])
    dct_y = ctx.dct.year
    if y is None:
        rel = (m["rel"] or m["rel3"] or m["rel2"] or "").lower()
        if rel == "last" and (m["rel"] or m["rel3"]):
            y = dct_y - 1  # "last year's first quarter", "the first quarter of last year"
        elif rel == "next" and (m["rel"] or m["rel3"]):
            y = dct_y + 1
        elif m["yago"] and m["yago"].lower() in ("year-earlier", "year-ago"):
            y = dct_y - 1
        elif rel or "fiscal" in m.group(0).lower():
            y = dct_y  # fiscal quarters are named by the company's year, not the calendar's
        else:
            # "profits for the fourth quarter" in January: last year's, as for a bare month
            span = 12 // top
            y = pick_year(ctx, m.start(), m.end(), (n - 1) * span + 1, None, span)
    start = m.start()
    text = m.group(0)
    if regex.search(r"(?i)\w-(?:fiscal-)?(?:quarter|half)", text) and text[:4].lower() == "the ":
        start += 4  # "the third-quarter results": the article belongs to the noun phrase
    res = Resolved(start, m.end(), "DATE", f"{y:04d}-{letter}{n}", explicit=True)
    if letter == "Q" and not m["yago"] and can_be_reported(ctx, res):
        res.extra["reporting_quarter"] = "1"
    return res


@gate("quarter_code")
def g_quarter_code(ctx: Context, m: regex.Match[str]) -> bool:
    """'Q4 2023', 'H1 2024', 'in Q3': the business shorthand is written in capitals."""
    return as_written(ctx, m, "letter" if opt_group(m, "letter") else "letter2").isupper()


@rule("quarter_code")
def r_quarter_code(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'Q4 2023', 'in H1', 'Q3 FY24': the business shorthand for a quarter or half."""
    letter = (m["letter"] or m["letter2"]).upper()
    n = int(m["n"] or m["n2"])
    if letter == "H" and n > 2:
        return None
    span = 3 if letter == "Q" else 6
    if opt_group(m, "y"):
        y = int(m["y"]) if len(m["y"]) == 4 else cm.two_digit_year(int(m["y"]), ctx.dct)
    else:
        y = pick_year(ctx, m.start(), m.end(), (n - 1) * span + 1, None, span)
    return Resolved(*span_of(m), "DATE", f"{y:04d}-{letter}{n}", explicit=True,
                    relative=not opt_group(m, "y"))


def can_be_reported(ctx: Context, res: Resolved) -> bool:
    """Can this quarter be the period a report is about? Not if it starts after the DCT, nor
    if it is still running and the clause looks ahead ('will result in a fourth-quarter
    charge' in a November report is a forecast, not the reporting period)."""
    b = bounds(res.value)
    if b is None or b[0] > ctx.dct:
        return False
    return b[1] < ctx.dct or ctx.tense(res.start, res.end) != "future"


@rule("rel_year_quarter")
def r_rel_year_quarter(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'last year's quarter', 'this year's period': the reporting quarter (the last one named,
    else the last one ended), in the previous year for 'last'."""
    q = ctx.last_quarter or calendar_shift(ctx.dct, "quarter", -1)
    v = shift_value(q, "Y", -1) if m["rel"].lower() == "last" else q
    return Resolved(*span_of(m), "DATE", v, relative=True) if v else None


@rule("year_period")
def r_year_period(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'the 1988 period/quarter' in a quarterly report: that year's same reporting quarter."""
    if ctx.last_quarter:
        return Resolved(*span_of(m), "DATE", f"{m['y']}-{ctx.last_quarter[5:]}")
    return Resolved(*span_of(m), "DATE", m["y"], explicit=True)


@rule("year_adj")
def r_year_adj(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'the year-earlier period', 'by year-end', 'by month-end'."""
    if m["me"]:  # "by month-end": the end of the DCT's month
        return Resolved(*span_of(m), "DATE", f"{ctx.dct.year:04d}-{ctx.dct.month:02d}",
                        mod="END", relative=True)
    w = (m["w"] or m["w2"]).lower()
    if w in ("year-earlier", "year-ago"):
        if ctx.last_quarter:
            return Resolved(
                *span_of(m), "DATE", shift_value(ctx.last_quarter, "Y", -1) or "", relative=True
            )
        return Resolved(*span_of(m), "DATE", f"{ctx.dct.year - 1:04d}", relative=True)
    before = words_before(ctx, m.start(), 1)
    y = ctx.dct.year
    if before and before[0] == "last":
        return None
    return Resolved(*span_of(m), "DATE", f"{y:04d}", mod="END", relative=True)
