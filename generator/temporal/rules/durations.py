"""Durations and counts from a date: "three weeks", "the past few days", "two years ago",
"three days after the attack"."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from .. import calendar_math as cm
from ..anchoring import (
    anchor_date,
)
from ..context import Context, Resolved
from ..precision import calendar_shift
from ..sentences import next_word, words_before
from ..values import precision, shift_value
from .common import (
    RATE_BEFORE,
    opt_group,
    quant_mod,
    span_of,
)
from .registry import gate, rule

UNIT_FMT = {
    "S": ("T", "S", 1),
    "TM": ("T", "M", 1),
    "TH": ("T", "H", 1),
    "D": ("", "D", 1),
    "W": ("", "W", 1),
    "WE": ("", "D", 2),
    "F": ("", "W", 2),
    "M": ("", "M", 1),
    "Q": ("", "Q", 1),
    "Y": ("", "Y", 1),
    "DE": ("", "Y", 10),
    "CE": ("", "Y", 100),
    "ML": ("", "Y", 1000),
}


_HALF = {"Y": "6M", "M": "2W", "D": "12H", "TH": "30M", "TM": "30S", "W": "3D12H"}


def duration_value(code: str, n: float | None, half: bool = False) -> str:
    """P-value of n units (None = vague 'several' -> X)."""
    t, letter, mult = UNIT_FMT[code]
    if n is None:
        return f"P{t}X{letter}"
    total = n * mult
    if code == "TH" and 0 < total < 1 and float(total * 60).is_integer():
        return f"PT{int(total * 60)}M"  # "half an hour": PT30M, as clocks count it
    num = str(int(total)) if float(total).is_integer() else str(total)
    if half and code in _HALF:
        extra = _HALF[code]
        if code in ("D", "W"):
            return f"P{num}{letter}T{extra[-3:]}" if code == "D" else f"P{num}W{extra[:2]}T12H"
        return f"P{t}{num}{letter}{extra}"
    return f"P{t}{num}{letter}"


def count_of(ctx: Context, word: str) -> tuple[float | None, bool]:
    """(number, ok): None number means a vague quantity."""
    w = regex.sub(r"\s+", " ", word.lower())
    if w in ctx.lex.vague:
        return None, True
    n = ctx.lex.number(w)
    return n, n is not None


@gate("duration")
def g_duration(ctx: Context, m: regex.Match[str]) -> bool:
    unit = m["unit"].lower()
    nword = m["n"].lower()
    if unit in ("second", "seconds", "quarter", "quarters", "half") and nword in ("a", "an"):
        return False
    if unit in ("quarter", "quarters") and next_word(ctx, m.end()).lower() == "of":
        return False
    if unit in ("min", "mins", "hr", "hrs") and not nword[:1].isdigit():
        return False
    if regex.fullmatch(r"1\d{3}|20\d\d", nword):
        return False  # "the 1988 quarter": a year, not a count
    # ages ("6-year-old") are not temporal expressions in TimeML
    return not (regex.match(r"-?\s?old\b", ctx.text[m.end() : m.end() + 5]) or m[0].endswith("old"))


# Words after which "last" is the verb: "meant to last 60 days", "will last two weeks".
_VERB_BEFORE_LAST = frozenset({"to", "will", "would", "could", "can", "may", "might", "should",
                               "must", "shall", "did", "does", "do", "not", "'ll", "usually",
                               "often", "typically", "normally", "generally"})


@rule("duration")
def r_duration(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'three weeks', 'the past few days', 'two to three years', 'twice a day' (a SET)."""
    unit = m["unit"].lower()
    code = ctx.lex.units.get(unit)
    n, ok = count_of(ctx, m["n"])
    if not ok or code is None:
        return None
    if n is not None and (n <= 0 or n > 10000):
        return None
    rel = (opt_group(m, "rel") or "").lower()
    if rel in ("past", "last", "recent") and n is None:
        return Resolved(*span_of(m), "DURATION", duration_value(code, None), mod=quant_mod(ctx, m))
    if m["n"].lower() in ("a", "an"):
        before = " ".join(words_before(ctx, m.start(), 3))
        if regex.search(r"\b(?:times|once|twice)$", before):
            return Resolved(*span_of(m), "SET", duration_value(code, 1))  # "twice a day"
        if RATE_BEFORE.search(before):
            # "$55 a night", "358,000 a month", "four flights a week": a rate of an amount;
            # TimeBank/AQUAINT mostly leave it untagged (7 of 9 in te3-train)
            return None
    half = bool(opt_group(m, "frac"))
    if opt_group(m, "n2"):
        # "two to three weeks", "the next 12 to 18 months": a range, not one length
        n2, ok2 = count_of(ctx, m["n2"])
        if not ok2 or n2 is None or n is None or n2 <= n or m["n"].lower() in ("a", "an"):
            return None
        return Resolved(*span_of(m), "DURATION", duration_value(code, None), mod=quant_mod(ctx, m))
    res = Resolved(*span_of(m), "DURATION", duration_value(code, n, half), mod=quant_mod(ctx, m))
    if (rel == "last" and m.start("rel") == m.start()
            and words_before(ctx, m.start(), 1)[:1] in [[w] for w in _VERB_BEFORE_LAST]):
        res.start = m.start("n")  # "was meant to last 60 days", "will last two weeks": a verb
    if rel in ("first", "latest") and code == "M":
        res.extra["reporting_span"] = "1"  # "the first nine months": results now cover a span
    return res


@rule("bare_duration")
def r_bare_duration(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'for years', 'in recent months', 'the weeks ahead', 'the years that followed': a length
    of unknown count."""
    code = ctx.lex.units[(m["unit"] or m["unit2"] or m["unit3"]).lower()]
    return Resolved(*span_of(m), "DURATION", duration_value(code, None))


@rule("past_day")
def r_past_day(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'in the past day': the day up to now, P1D; 'over the past hour': PT1H."""
    return Resolved(*span_of(m), "DURATION", "PT1H" if m["unit"] == "hour" else "P1D")


_AGO_GRAN = {
    "D": "day",
    "W": "day",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "year",
    "CE": "year",
    "ML": "year",
    "WE": "day",
    "F": "day",
    "TH": "day",
    "TM": "day",
    "S": "day",
}


_THAN = regex.compile(r"\s+than\b")


@rule("ago")
def r_ago(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'three years ago', 'two days later', 'a week after the attack' (a duration): a count
    from the DCT or the narrative's date."""
    code = ctx.lex.units.get(m["unit"].lower())
    n, ok = count_of(ctx, m["n"])
    if not ok or code is None:
        return None
    direction = regex.sub(r"\s+", " ", m["dir"].lower()).replace("today", "now")
    mod = quant_mod(ctx, m)
    if direction in ("before", "after") or (
            direction in ("earlier", "later") and _THAN.match(ctx.text, m.end())):
        # "three days after the attack": a duration; the preposition is a SIGNAL. "started
        # in early December, a month earlier than usual": a comparison, no date moved
        end = (
            m.start("dir")
            - len(ctx.text[: m.start("dir")])
            + len(ctx.text[: m.start("dir")].rstrip())
        )
        if "or so" in ctx.text[m.start() : end]:
            end = ctx.text.rfind(" or so", m.start(), end)
        return Resolved(m.start(), end, "DURATION", duration_value(code, n), mod=mod)
    if n is None:
        ref = "FUTURE_REF" if direction in ("later", "from now", "hence") else "PAST_REF"
        return Resolved(*span_of(m), "DATE", ref, mod=mod, relative=True)
    sign = -1 if direction in ("ago", "earlier") else 1
    # ago / from now count from the DCT; earlier / later from the narrative anchor
    base = ctx.dct
    if direction in ("earlier", "later"):
        a = anchor_date(ctx)
        if a is not None and ctx.anchor and code in ("Y", "DE", "M"):
            base = a
        elif ctx.day_anchor:
            base = date.fromisoformat(ctx.day_anchor[:10])
    t, letter, mult = UNIT_FMT[code]
    amount = n * mult
    if (
        code in ("Y", "DE", "CE", "ML")
        and n == 1
        and ctx.last_quarter
        and direction in ("ago", "earlier")
    ):
        v = shift_value(ctx.last_quarter, "Y", -1)
        if v:
            return Resolved(*span_of(m), "DATE", v, mod=mod, relative=True)
    gran = _AGO_GRAN[code]
    try:
        if letter == "D" or t == "T":
            # whole days of hours move the day ("Just 24 hours earlier, the papers had urged
            # ..." is the day before); fewer stay on it
            days = amount if letter == "D" else int(amount // 24) if letter == "H" else 0
            d = base + timedelta(days=sign * days)
        elif letter == "W":
            d = base + timedelta(weeks=sign * amount)
        elif letter == "M":
            y, mo = cm.add_months(base.year, base.month, int(sign * amount))
            d = date(y, mo, 1)
        elif letter == "Q":
            y, mo = cm.add_months(base.year, base.month, int(sign * amount * 3))
            d = date(y, mo, 1)
        else:
            d = date(base.year + int(sign * amount), 1, 1)
    except (ValueError, OverflowError):
        return None
    if not 1 <= d.year <= 9999:
        return None
    v = calendar_shift(d, gran, 0)
    if v is None:
        return None
    res = Resolved(*span_of(m), "DATE", v, mod=mod, relative=True)
    if direction in ("earlier", "later") and base != ctx.dct and precision(v) == "day":
        res.extra["told_day"] = "1"  # "two days later" is the day the story has reached
    return res
