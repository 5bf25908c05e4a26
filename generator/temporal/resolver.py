"""Turn recognized spans into TIMEX3 values.

Each rule is a small pure function of (context, match): the reference date (DCT), the narrative
anchor and the text are explicit fields of ``Context`` and never globals, so a rule can be
tested alone and the same text resolves the same way for the same reference date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import regex

from . import calendar_math as cm
from .lexicon import Lexicon, get_lexicon
from .precision import calendar_shift
from .tense import clause_cue, clause_tense, is_past_form
from .values import bounds, precision, shift_value

# a slash date, for the day order of the whole text (the rule's own pattern is in patterns.yaml)
_SLASH_DATE = regex.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")


@dataclass
class Context:
    """What a rule may look at besides its match."""

    text: str
    dct: date
    lex: Lexicon
    anchor: str | None = None  # value of the last explicit date mentioned (narrative anchor)
    # the last explicit day (or time) mentioned: "two days later" counts from it even after a
    # coarser date ("She fled on Aug. 4. She has lived there since 1998. Two days later, ...")
    day_anchor: str | None = None
    anchor_end: int = 0  # where the text of the last explicit date ends
    last_quarter: str | None = None  # last fiscal quarter mentioned (financial reporting period)
    # (value, start, end offsets) of the last date written with its year: "on Sept. 27, 2020"
    told_from: tuple[str, int, int] | None = None
    # (year, month or 0) of the last date heading a line of a key-dates list
    label: tuple[int, int] | None = None
    label_at: int = 0  # where that label starts
    label_day: str | None = None  # its day, when it names one ("Friday, 23:45 GMT:")
    _slash_day_first: bool | None = field(default=None, repr=False)

    def slash_day_first(self) -> bool:
        """Whether this text writes slash dates day first ("15/03/2026"): one that can only be
        read so ("25/03") settles the ambiguous ones ("04/03") of the same article; one that
        can only be read month first, or none, keeps the US order, as in the corpora."""
        if self._slash_day_first is None:
            firsts = seconds = 0
            for m in _SLASH_DATE.finditer(self.text):
                a, b = int(m[1]), int(m[2])
                firsts += a > 12 >= b
                seconds += b > 12 >= a
            self._slash_day_first = firsts > seconds
        return self._slash_day_first

    def tense(self, start: int, end: int) -> str | None:
        return clause_tense(self.text, start, end, self.lex)

    def sure_future(self, start: int, end: int) -> bool:
        """A future told by "will", a plan or a schedule, not only by a modal."""
        return clause_cue(self.text, start, end, self.lex) == "future"


@dataclass
class Resolved:
    """One TIMEX3 produced by a rule (a rule may produce several, e.g. 'Nov 15-18')."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    explicit: bool = False  # absolute expression: may serve as narrative anchor / apposition
    relative: bool = False  # depends on DCT or anchor: may be overridden by an apposition
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)


Rule = Callable[[Context, regex.Match[str]], "Resolved | list[Resolved] | None"]
RULES: dict[str, Rule] = {}
GATES: dict[str, Callable[[Context, regex.Match[str]], bool]] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    def deco(fn: Rule) -> Rule:
        RULES[name] = fn
        return fn

    return deco


def gate(name: str):
    def deco(fn):
        GATES[name] = fn
        return fn

    return deco


# ---------------------------------------------------------------- helpers


def _orig(ctx: Context, m: regex.Match[str], group: str) -> str:
    """A group's text as written (matches run on lower-cased text)."""
    return ctx.text[m.start(group) : m.end(group)]


def _span(m: regex.Match[str]) -> tuple[int, int]:
    return m.start(), m.end()


def _g(m: regex.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _month(ctx: Context, word: str) -> int:
    return ctx.lex.months[word.lower().rstrip(".")]


def _weekday(ctx: Context, word: str) -> int:
    return ctx.lex.weekdays[word.lower().rstrip(".")]


def _day(ctx: Context, word: str) -> int | None:
    return ctx.lex.ordinal(
        regex.sub(r"(?i)(st|nd|rd|th)$", "", word) if word[:1].isdigit() else word
    )


def _pmod(ctx: Context, m: regex.Match[str], group: str = "pmod") -> str | None:
    w = _g(m, group)
    if not w:
        return None
    w = regex.sub(r"\s+", " ", w.lower())
    return ctx.lex.position_mods.get(w) or ctx.lex.position_mods.get(w.rstrip("-"))


def _qmod(ctx: Context, m: regex.Match[str]) -> str | None:
    w = _g(m, "q")
    if not w:
        return "APPROX" if _g(m, "orso") else None
    return ctx.lex.quant_mods.get(regex.sub(r"\s+", " ", w.lower()), "APPROX")


def _words_before(ctx: Context, start: int, n: int = 1) -> list[str]:
    toks = regex.findall(r"[\w$£€#%'’()-]+|[(]", ctx.text[max(0, start - 60) : start])
    return [t.lower() for t in toks[-n:]]


def _next_word(ctx: Context, end: int) -> str:
    m = regex.match(r"\s*([\w'%/]+|[()/])", ctx.text[end : end + 40])
    return m.group(1) if m else ""


def _sure_future(ctx: Context, start: int, end: int) -> bool:
    """A future told by "will", a plan or a schedule, or a present state that runs "until" the
    date ("the curfew remains in force until Sunday"), not only by a modal."""
    if ctx.sure_future(start, end):
        return True
    before = _words_before(ctx, start, 3)
    if _ahead_of(before):
        return True  # "ahead of Sunday's vote"
    return before[-1:] in (["until"], ["till"]) and ctx.tense(start, end) is None


def _ahead_of(before: list[str]) -> bool:
    """Do the words before a date end in "ahead of (the)"?"""
    return before[-2:] == ["ahead", "of"] or before[-3:] == ["ahead", "of", "the"]


def _past_before(ctx: Context, start: int) -> bool:
    """Is there a past form anywhere before ``start`` in its sentence?"""
    words = regex.findall(r"[a-z]+", ctx.text[_sentence_start(ctx.text, start) : start].lower())
    return any(is_past_form(w, ctx.lex) for w in words)


_DEADLINE_AFTER = regex.compile(r"(?:['’]s)?\s+(?:deadline|ultimatum|cutoff|cut-off)s?\b")


def _deadline_tense(ctx: Context, start: int, end: int) -> str | None:
    """Clause tense, corrected for deadlines: a present/unknown clause with 'by/until <date>'
    ('talks are supposed to conclude by May') and 'postponed/extended/given ... until <date>'
    look ahead whatever the tense of the verb."""
    before = _words_before(ctx, start, 8)
    if _ahead_of(before):
        # "ahead of Sunday's vote", "square positions ahead of the weekend": what is ahead
        # of the clause's time is still to come (not "ahead of the election in December",
        # whose month is the election's)
        return "future"
    if _DEADLINE_AFTER.match(ctx.text, end):
        # "Friday's deadline", "the Friday deadline": ahead, unless the sentence is told in the
        # past ("missed Friday's deadline", "Sony completed its offer, with shareholders
        # tendering 99.3% by the Tuesday deadline")
        tense = ctx.tense(start, end)
        if tense is None and not _past_before(ctx, start):
            return "future"
        return tense
    if ctx.text.startswith(("'s", "’s"), end):
        # "Wednesday's ruling": an event named by its date, not the clause's time; unless
        # the noun is the subject of its clause ("Sunday's vote was marred by violence") or
        # looked forward to ("ahead of Sunday's vote")
        opens = not ctx.text[_sentence_start(ctx.text, start):start].strip(" \"“‘'(")
        return ctx.tense(start, end) if opens else None
    if before[-1:] in (["until"], ["till"]) and (
            ctx.lex.sets["deadline"].intersection(before) or before[-2:-1] in (["have"], ["has"])):
        return "future"  # "extended its deadline until 9 a.m. Tuesday", "have until Dec. 20"
    if before[-1:] in (["for"], ["to"]) and ctx.lex.sets["schedule_verbs"].intersection(
        before[-8:]
    ):
        return "future"  # "has set the election for 17 February", "was moved to Friday"
    tense = ctx.tense(start, end)
    if tense is None and before[-1:] in (["by"], ["until"], ["till"]):
        return "future"  # "shops are closed until Monday": a present state runs up to it
    return tense


FUTURE_PENALTY = 2.5
TENSE_PENALTY = 12.0
# A past clause pushes a month or day after the DCT further than a future clause pushes one
# before it: "The UN voted on Feb. 20" said on Feb. 7 is last year's (a plan cue misread is
# the likelier error the other way: "expects to release third-quarter results")
PAST_PENALTY = 30.0


def pick_year(
    ctx: Context, start: int, end: int, month: int, day: int | None, months: int = 1
) -> int:
    """Year of a month, month-day or run of ``months`` months (a quarter, a half) given without
    one: nearest to the DCT, after the tense.

    Past clauses push readings after the DCT far away (PAST_PENALTY, not an exclusion: the
    cue is a guess from nearby words), future clauses readings before it (TENSE_PENALTY); the
    reading closest to the DCT wins (news talks about the recent past and near future).
    """
    if ctx.label and is_label(ctx, start, end):
        # a key-dates list runs forward from its last label with a year: "July 22, 2022 – ...
        # Aug. 1: ... Nov. 17: ... 2023 — ... March 18: ..."
        y, last_month = ctx.label
        return y if month >= last_month else y + 1
    history = _history_year(ctx, start, month, day)
    if history is not None:
        return history
    same = _year_of_sentence(ctx, start, end)
    if same is None:
        same = _linked_year(ctx, start, end, month, day)
    if same is not None:
        return same
    # an entry of a key-dates list is told from its label's day ("Nov. 17: The deal is
    # extended until March 18" is the next March 18 after it)
    dct = _label_date(ctx, start) or ctx.dct
    tense = _deadline_tense(ctx, start, end)
    cands = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        if day is not None:
            if not cm.valid_day(y, month, day):
                continue
            lo = hi = date(y, month, day)
        else:
            lo = date(y, month, 1)
            ny, nm = cm.add_months(y, month, months)
            hi = date(ny, nm, 1) - timedelta(days=1)
        cands.append((y, lo, hi))
    if not cands:
        return dct.year

    # a surely future clause ("will", a plan, a deadline, not a modal) looks ahead as surely as
    # a past one looks back: "The summit will take place in February" said in March is next
    # February's (not a quarter or half: "expects to release third-quarter results" reports
    # on a period past)
    sure = months == 1 and tense == "future" and _sure_future(ctx, start, end)

    def dist(c: tuple[int, date, date]) -> float:
        # news mostly reports the past: a future reading must be much closer to win; the
        # clause tense multiplies the distance of readings on the wrong side of the DCT
        if c[1] <= dct <= c[2]:
            return 0
        if c[1] > dct:
            factor = PAST_PENALTY if tense == "past" else 1.0 if sure else FUTURE_PENALTY
            return (c[1] - dct).days * factor
        if sure:  # nothing to come fits in a month that is over, however recently
            return (dct - c[1]).days * PAST_PENALTY
        return (dct - c[2]).days * (TENSE_PENALTY if tense == "future" else 1)

    kept = cands
    return min(kept, key=dist)[0]


# Words that carry a sentence's story on from a date written with its year to a later one
# written without: "since 1962, when the cabinet was toppled on Oct. 5", "in November 2023,
# lasted a week before fighting resumed on Dec. 1", "on Feb 24, 2022, and on March 2 ...".
_STORY_LINK = regex.compile(
    r"(?i)\b(?:when|where|before|after|until|till|then|including|and\s+(?:on|in|by|then)"
    r"|and\s+[a-z]+ed)\b")


def _linked_year(ctx: Context, start: int, end: int, month: int, day: int | None) -> int | None:
    """The year of a month (or month-day) that a linking word ties to a date written with its
    year earlier in the same sentence: the first on or after that date. Not a plan told
    from an old year ("... since 2014, and will hold a vote in May")."""
    if ctx.told_from is None:
        return None
    value, _opens, at = ctx.told_from
    span = bounds(value)
    link = _STORY_LINK.search(ctx.text, at, start)
    if (span is None or at < _sentence_start(ctx.text, start) or value[:4] == str(ctx.dct.year)
            or link is None or (not link.group().lower().startswith("and")
                                and not ctx.text[link.end() : start].strip())):
        return None  # (no link, or one that is the date's own preposition: "until Dec. 20")
    if precision(value) == "year" and regex.match(r"\s+[a-z]", ctx.text[at : at + 3]):
        return None  # "the 2026 budget": a year that names a thing, not a time told
    base = span[0]
    if base > ctx.dct:
        # a period to come holds what it includes: "maturities loom in the second half of
        # 2026, including a payment in August"
        inside = cm.valid_day(base.year, month, day or 1) and (
            span[0].replace(day=1) <= date(base.year, month, day or 1) <= span[1])
        return base.year if inside else None
    if ctx.tense(start, end) == "future":
        return None
    for y in (base.year, base.year + 1):
        if cm.valid_day(y, month, day or 1) and date(y, month, day or 1) >= base.replace(day=1):
            return y
    return None


# A day written with its year this long before the DCT may start a history, told on from it.
_HISTORY_DAYS = 180


def _year_of_sentence(ctx: Context, start: int, end: int) -> int | None:
    """A month (or day) in a past clause of a sentence that opens with a year is of that
    year: "In 2018 the lira fell sharply in August" (not "passed in 2018, takes effect in
    August", which is present)."""
    if ctx.told_from is None:
        return None
    value, opens, at = ctx.told_from
    sentence_start = _sentence_start(ctx.text, start)
    if (opens < sentence_start or not _opens_sentence(ctx.text, opens)
            or not value[:4].isdigit() or ctx.tense(start, end) != "past"):
        return None  # (the year must frame the sentence, not a noun in it: "a program
        # approved in 1987 ... had purchased shares through Sept. 29")
    return int(value[:4]) if precision(value) in ("year", "season", "quarter", "half") else None


def _history_year(ctx: Context, start: int, month: int, day: int | None) -> int | None:
    """The year of a month-day without one inside a history: "Then, on Sept. 27, 2020,
    Azerbaijan launched an offensive. Six weeks later, ... Armenia signed a truce on Nov. 10"
    is Nov. 10, 2020: the first such day on or after the old day written with its year, in
    the same paragraph, when the sentence carries the story on ("later", "after", "then").
    A bare month needs the past perfect of a narrative besides ("On 15 April 2023, gunfire
    was heard ... By June, two million people had been displaced")."""
    if ctx.told_from is None:
        return None
    value, opens, at = ctx.told_from
    span = bounds(value)
    if span is None or precision(value) != "day" or (ctx.dct - span[1]).days < _HISTORY_DAYS:
        return None
    if "\n\n" in ctx.text[at:start]:
        return None  # another paragraph
    # The history goes on only where the sentence says it does ("Six weeks later, ..."): a
    # bare "Sept. 29" after "the crash of Oct. 19, 1987" is this year's.
    sentence_start = _sentence_start(ctx.text, start)
    words = regex.findall(r"[a-z]+", ctx.text[sentence_start:start].lower())
    base = span[0]
    if day is None:
        sentence_end = ctx.text.find(". ", start)
        rest = ctx.text[start : sentence_end if sentence_end > 0 else len(ctx.text)].lower()
        if not _PAST_PERFECT.search(rest):
            return None
        return base.year if month >= base.month else base.year + 1
    chronicle = _opens_sentence(ctx.text, opens) and _opens_sentence(ctx.text, start)
    if not (chronicle or ctx.lex.sets["narrative"].intersection(words)):
        # (a chronicle: "On June 22, 1941, Germany invaded ... On July 3, Stalin addressed
        # the nation": each sentence opens with its day)
        return None
    if _BACKWARD.intersection(words) and not _FORWARD.intersection(words):
        # "three days before that, on Jan. 9": the history steps back
        for y in (base.year, base.year - 1):
            if cm.valid_day(y, month, day) and date(y, month, day) <= base:
                return y
    for y in (base.year, base.year + 1):
        if cm.valid_day(y, month, day) and date(y, month, day) >= base:
            return y
    return None


_BACKWARD = frozenset(("before", "earlier", "previous", "prior", "preceding"))
_FORWARD = frozenset(("after", "later", "following", "next", "then"))
_OPENER = regex.compile(r"\s*(?:(?:and\s+)?then,?\s+)?(?:on|in|by)?\s*", regex.IGNORECASE)


@cache
def _full_stop(abbreviations: frozenset[str]) -> regex.Pattern[str]:
    """A full stop that ends a sentence: before a capital, a digit or a quote, and not after an
    initial or one of the lexicon's abbreviations ("U.S. credit", "Mr. Smith", "Sept. 27"),
    as the tense tokenizer reads them."""
    abbrev = "|".join(sorted(map(regex.escape, abbreviations)))
    return regex.compile(rf"(?<!\b[A-Z])(?<!\b(?:{abbrev}))\.\s+(?=[\"“‘'(]?[A-Z0-9])")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts (after the last full stop or line break)."""
    lo = max(0, at - 600, text.rfind("\n", 0, at) + 1)
    last = lo
    for m in _full_stop(get_lexicon().sets["abbreviations"]).finditer(text, lo, at):
        last = m.start() + 1
    return last


def _in_anchor_paragraph(ctx: Context, at: int) -> bool:
    """Is ``at`` in the paragraph of the last explicit date (no blank line between)?"""
    return "\n\n" not in ctx.text[ctx.anchor_end : at]


def _opens_sentence(text: str, start: int) -> bool:
    """Does the date at ``start`` open its sentence ("On July 3, ...", "Then, on ...")?"""
    return bool(_OPENER.fullmatch(text, _sentence_start(text, start), start))


# "had been displaced", "had fled": the past perfect of a narrative told from an old date.
_PAST_PERFECT = regex.compile(r"\bhad\s+(?:not\s+|already\s+|also\s+)?(?:been|[a-z]+ed|[a-z]+en)\b")


def weekday_date(ctx: Context, wd: int, start: int, end: int, rel: str | None) -> date:
    """Date of a weekday name relative to the DCT (AP style: bare names are within a week)."""
    dct = ctx.dct
    rel = (rel or "").lower().replace("the ", "").strip()
    if (
        rel in ("that", "following", "previous", "next")
        and ctx.anchor
        and precision(ctx.anchor) == "day"
    ):
        base = date.fromisoformat(ctx.anchor[:10])
        if rel == "previous":
            return base - timedelta(days=(base.isoweekday() - wd - 1) % 7 + 1)
        if rel in ("following", "next") and rel != "next":
            return base + timedelta(days=(wd - base.isoweekday() - 1) % 7 + 1)
        if rel == "that":
            return base + timedelta(days=(wd - base.isoweekday()) % 7)
    if rel in ("last", "this past", "previous"):
        back = dct - timedelta(days=(dct.isoweekday() - wd - 1) % 7 + 1)
        if rel == "last" and (dct - back).days == 1:
            # "last Thursday" said on a Friday is not yesterday (that would be "yesterday" or
            # "Thursday") but the week before; otherwise it is the latest one, as the corpora
            # read it ("the day before last Tuesday's hearing" in a Thursday story: Monday)
            return back - timedelta(days=7)
        return back
    if rel in ("next", "this coming", "following"):
        return dct + timedelta(days=(wd - dct.isoweekday() - 1) % 7 + 1)
    if wd == dct.isoweekday():
        return dct
    tense = _deadline_tense(ctx, start, end)
    if tense == "future" and clause_cue(ctx.text, start, end, ctx.lex) == "intent":
        # "Parliament voted to suspend him on Monday" is as often the day of the vote
        tense = None
    back = dct - timedelta(days=(dct.isoweekday() - wd) % 7)
    ahead = dct + timedelta(days=(wd - dct.isoweekday()) % 7)
    if rel == "this":
        # "this Friday" is the coming one ("this past Friday" is the other), unless the
        # clause is told in the past
        return back if tense == "past" else ahead
    cost_back = (dct - back).days * (TENSE_PENALTY if tense == "future" else 1)
    # a weekday ahead in a surely future clause pays nothing extra: "the minister will travel
    # to Kyiv on Sunday" said on a Monday is next Sunday, not yesterday
    ahead_factor = 1.0 if tense == "future" and _sure_future(ctx, start, end) else FUTURE_PENALTY
    cost_ahead = (ahead - dct).days * (TENSE_PENALTY if tense == "past" else ahead_factor)
    return ahead if cost_ahead < cost_back else back


def _pod_code(ctx: Context, word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower().rstrip("s")
    code = ctx.lex.parts_of_day.get(w)
    return code


def _with_pod(day: str, code: str | None) -> tuple[str, str]:
    if not code:
        return "DATE", day
    return "TIME", f"{day}T{code}"


# ---------------------------------------------------------------- absolute dates


@rule("iso_date")
def r_iso(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not cm.valid_day(y, mo, d):
        return None
    v = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["hh"]:
        return Resolved(*_span(m), "TIME", f"{v}T{m['hh']}:{m['mm']}", explicit=True)
    return Resolved(*_span(m), "DATE", v, explicit=True)


@rule("numeric_date")
def r_numeric(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y = cm.two_digit_year(y, ctx.dct)
    mo, d = (b, a) if a > 12 or (b <= 12 and ctx.slash_day_first()) else (a, b)
    if not cm.valid_day(y, mo, d) or not 1000 <= y <= 2099:
        return None
    return Resolved(*_span(m), "DATE", f"{y:04d}-{mo:02d}-{d:02d}", explicit=True)


@gate("numeric_date_dmy")
def g_numeric_dmy(ctx: Context, m: regex.Match[str]) -> bool:
    """"version 1.5.2026", "No. 12-3-2019": a number, not a date."""
    before = _words_before(ctx, m.start(), 1)
    return not (before and before[-1].rstrip(".") in ("version", "v", "release", "build", "no",
                                                      "ref", "case", "file", "number"))


@rule("numeric_date_dmy")
def r_numeric_dmy(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'15.03.2026', '15-03-2026': day first, as where these are written; '2026/03/15'."""
    y, mo, d = (int(m["y"]), int(m["m"]), int(m["d"])) if m["y"] else (
        int(m["y2"]), int(m["m2"]), int(m["d2"]))
    if not cm.valid_day(y, mo, d):
        return None
    return Resolved(*_span(m), "DATE", f"{y:04d}-{mo:02d}-{d:02d}", explicit=True)


def _resolve_md(ctx: Context, m, month_w: str, day_w: str, year_w: str | None, start, end):
    mo = _month(ctx, month_w)
    d = _day(ctx, day_w)
    if d is None or not 1 <= d <= 31:
        return None
    y = int(year_w) if year_w else pick_year(ctx, start, end, mo, d)
    if not cm.valid_day(y, mo, d):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


@gate("month_day")
def g_month_day(ctx: Context, m: regex.Match[str]) -> bool:
    # "May 5" is safe; reject a bare small number after an ambiguous month used as a name
    nxt = _next_word(ctx, m.end())
    return bool(m["y"]) or nxt.lower() not in ("percent", "%", "per", "million", "billion")


@rule("month_day")
def r_month_day(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    year = m["y"]
    if m["thaty"] and _story_year(ctx) is not None:
        # "on Aug. 5 of that year", "on 3 May the following year": the story's year
        year = str(_story_year(ctx) + _YEAR_STEP.get(m["thaty"].lower().split()[-1], 0))
    v = _resolve_md(ctx, m, m["month"], m["d"], year, m.start(), m.end())
    if not v:
        return None
    mod = "APPROX" if _g(m, "q") else None
    return Resolved(
        *_span(m),
        "DATE",
        v,
        mod=mod,
        explicit=True,
        relative=not m["y"],
        extra={"calendar": "1"},
    )


@rule("weekday_date")
def r_weekday_date(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    month_w, day_w = (m["month"], m["d"]) if m["month"] else (m["month2"], m["d2"])
    v = _resolve_md(ctx, m, month_w, day_w, m["y"], m.start(), m.end())
    if not v:
        return None
    return Resolved(*_span(m), "DATE", v, explicit=True)


@gate("month_day_range")
def g_md_range(ctx: Context, m: regex.Match[str]) -> bool:
    """"on March 13 and 14 people died": a count after "and", not a second day."""
    return not (m["and"] and _next_word(ctx, m.end()).lower() in ctx.lex.sets["quantity_after"])


@rule("month_day_range")
def r_md_range(ctx: Context, m: regex.Match[str]) -> list[Resolved] | None:
    v1 = _resolve_md(ctx, m, m["month"], m["d"], m["y"], m.start(), m.end())
    if not v1:
        return None
    d2 = _day(ctx, m["d2"])
    if d2 is None or not cm.valid_day(int(v1[:4]), int(v1[5:7]), d2) or d2 <= int(v1[8:]):
        return None
    first_end = m.start("d") + len(m["d"])
    second_end = m.end("y") if m["y"] else m.end("d2")
    return [
        Resolved(m.start(), first_end, "DATE", v1, explicit=True),
        Resolved(m.start("d2"), second_end, "DATE", f"{v1[:8]}{d2:02d}", explicit=True),
    ]


@gate("year_range")
def g_year_range(ctx: Context, m: regex.Match[str]) -> bool:
    """'some 1500-1600 people', '1900-2000 GMT': counts and clock times, not years."""
    before = _words_before(ctx, m.start(), 1)
    nxt = _next_word(ctx, m.end()).lower()
    return not (
        (before and before[-1] in ctx.lex.sets["quantity_before"])
        or nxt in ctx.lex.sets["quantity_after"]
        or nxt in ctx.lex.sets["clock_after"]
    )


@rule("new_year")
def r_new_year(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'the new year': the year begun in a past clause ("prices have risen since the new
    year") or in a year's first quarter, else the coming one ("talks resume in the new
    year" said in November)."""
    begun = ctx.dct.month <= 3 or ctx.tense(m.start(), m.end()) == "past"
    y = ctx.dct.year if begun else ctx.dct.year + 1
    return Resolved(*_span(m), "DATE", f"{y:04d}", relative=True)


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


@rule("day_month_range")
def r_dm_range(ctx: Context, m: regex.Match[str]) -> list[Resolved] | None:
    """'from 20 to 22 March', 'the night of 10-11 March': the month (and year) written once,
    after the second day, holds for both."""
    v2 = _resolve_md(ctx, m, m["month"], m["d2"], m["y"], m.start(), m.end())
    d1 = _day(ctx, m["d"])
    if not v2 or d1 is None or not 1 <= d1 < int(v2[8:]):
        return None
    return [
        Resolved(m.start(), m.start("d") + len(m["d"]), "DATE", f"{v2[:8]}{d1:02d}",
                 explicit=True),
        Resolved(m.start("d2"), m.end(), "DATE", v2, explicit=True),
    ]


_PART_MODS = {"first": "START", "opening": "START", "second": "MID", "third": "MID",
              "fourth": "END", "last": "END", "final": "END", "closing": "END"}


@rule("part_of_month")
def r_part_of_month(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'the first week of March', 'the last days of December': the month, with its part as
    the TimeML mod (a week of a month is not an ISO week, and the month is what is sure)."""
    mo = _month(ctx, m["month"])
    y = int(m["y"]) if m["y"] else pick_year(ctx, m.start(), m.end(), mo, None)
    mod = _PART_MODS[m["ord"].lower()]
    if m["span"].lower() == "half" and mod == "MID":
        mod = "END"  # the second half of a month is its end
    return Resolved(*_span(m), "DATE", cm.fmt_month(y, mo), mod=mod, explicit=True,
                    relative=not m["y"])


@rule("month_year")
def r_month_year(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    y = _year_words(ctx, m["yw"]) if _g(m, "yw") else int(m["y"])
    if y is None:
        return None
    return Resolved(
        *_span(m),
        "DATE",
        cm.fmt_month(y, _month(ctx, m["month"])),
        mod=_pmod(ctx, m),
        explicit=True,
    )


@rule("month_rel_year")
def r_month_rel_year(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'July last year', 'January this year', 'April next year', '24 January last year': one
    month (or day) of a DCT year."""
    y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    mo = _month(ctx, m["month"])
    day = _day(ctx, m["d"]) if m["d"] else None
    if day is not None and cm.valid_day(y, mo, day):
        return Resolved(*_span(m), "DATE", f"{y:04d}-{mo:02d}-{day:02d}", explicit=True,
                        relative=True)
    return Resolved(
        *_span(m),
        "DATE",
        cm.fmt_month(y, mo),
        mod=_pmod(ctx, m),
        explicit=True,
        relative=True,
    )


@rule("overnight_day")
def r_overnight_day(ctx: Context, m: regex.Match[str]) -> Resolved:
    """The night of the weekday named (or of the day before the one it ran into)."""
    if m["wd"] and not m["wd2"]:
        d = weekday_date(ctx, _weekday(ctx, m["wd"]), m.start(), m.end(), None)
    else:  # the morning it ran into fixes the night: "Monday into Tuesday" said on a Monday
        d = weekday_date(ctx, _weekday(ctx, m["wd2"] or m["wd3"]), m.start(), m.end(), None)
        d -= timedelta(days=1)
    return Resolved(*_span(m), "TIME", f"{d.isoformat()}TNI", relative=True)


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
    return Resolved(*_span(m), "DATE", f"{y:04d}-W{n:02d}", explicit=bool(written),
                    relative=not written)


@rule("week_of")
def r_week_of(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'the week of March 6', 'the week of 16 February': the (ISO) week containing that day."""
    month, day = (m["month"], m["d"]) if m["month"] else (m["month2"], m["d2"])
    v = _resolve_md(ctx, m, month, day, m["y"], m.start(), m.end())
    if not v:
        return None
    return Resolved(*_span(m), "DATE", cm.fmt_week(date.fromisoformat(v)), relative=not m["y"])


@gate("month")
def g_month(ctx: Context, m: regex.Match[str]) -> bool:
    word = m["month"].lower().rstrip(".")
    if m["pmod"]:
        return True
    if m["month"].endswith(".") is False and len(word) <= 3 and word != "may":
        return False  # bare "Jan" "Dec": too often names or codes
    if _NAME_OF.match(ctx.text, m.end()):
        return False  # "the March of the Combatant Mothers", "March of Dimes": a name
    if word not in ctx.lex.ambiguous_months:
        # capitalized word right before ("Theresa May", "Ides of March" aside): a name
        return not _NAME_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    before = _words_before(ctx, m.start(), 1)
    if not before or before[0] not in ctx.lex.sets["month_gate_before"]:
        return False
    nxt = _next_word(ctx, m.end()).lower()
    return nxt not in ctx.lex.sets["month_reject_after"]


_SHARED_YEAR = regex.compile(
    r"\s*(?:-|–|—|and|or|to|through|until|till)\s+(?P<m>[A-Z][a-z]+\.?),?\s+(?:(?P<y>\d{4})\b"
    r"|(?:of\s+)?(?P<thaty>that|the\s+same|the\s+following|the\s+next|the\s+previous|"
    r"the\s+preceding)\s+year\b)"
)


_YEAR_STEP = {"following": 1, "next": 1, "previous": -1, "preceding": -1}


def _story_year(ctx: Context) -> int | None:
    """The year "that year" points back to: the last date written with its year, when its
    sentence is still going on ("killed in 2023 ..., most of them in June and November of
    that year"), else the year the story has reached."""
    if ctx.told_from and "\n" not in ctx.text[ctx.told_from[2] : ctx.anchor_end + 1] and (
            ctx.told_from[1] >= _sentence_start(ctx.text, ctx.anchor_end)):
        return int(ctx.told_from[0][:4])
    return int(ctx.anchor[:4]) if ctx.anchor and ctx.anchor[:4].isdigit() else None


@rule("month")
def r_month(ctx: Context, m: regex.Match[str]) -> Resolved:
    mo = _month(ctx, m["month"])
    shared = _SHARED_YEAR.match(ctx.text, m.end())
    if shared and shared["m"].lower().rstrip(".") not in ctx.lex.months:
        shared = None
    thaty = m["thaty"] or (shared["thaty"] if shared else None)
    if shared and shared["y"]:
        y = int(shared["y"])  # "between March and May 2023": the year written once is both's
    elif thaty and _story_year(ctx) is not None:
        # "in April that year", "in May of the following year", "in June and November of
        # that year": the year the story has reached
        y = _story_year(ctx) + _YEAR_STEP.get(thaty.lower().split()[-1], 0)
    else:
        y = pick_year(ctx, m.start(), m.end(), mo, None)
    return Resolved(
        *_span(m), "DATE", cm.fmt_month(y, mo), mod=_pmod(ctx, m), relative=True, explicit=True
    )


@gate("year")
def g_year(ctx: Context, m: regex.Match[str]) -> bool:
    if _g(m, "yw"):
        # "twenty six percent", "a twenty-two dollar level": a count, not a year; spoken
        # years of this century are "two thousand six", and "twenty X" only from 2010 on
        nxt = _next_word(ctx, m.end()).lower()
        if nxt in ctx.lex.sets["quantity_after"] or nxt in ("dollar", "percent", "of"):
            return False
        return not regex.fullmatch(
            r"(?i)(?:the\syear\s)?twenty[\s-](?:one|two|three|four|five|six|seven|eight|nine)",
            m.group(0),
        )
    if _g(m, "pmod") or _g(m, "post"):
        return True
    y = m["y"]
    if not 1000 <= int(y) <= 2099:
        return False
    before = _words_before(ctx, m.start(), 2)
    prev = before[-1] if before else ""
    prev_char = ctx.text[m.start() - 1 : m.start()]
    nxt = _next_word(ctx, m.end())
    if prev in ctx.lex.sets["quantity_before"] or (
        " ".join(before) in ctx.lex.sets["quantity_before"] and not nxt[:1].isupper()
    ):
        return False  # "some 1500 people", "of the 1500 votes" (but "of the 2000 Olympics")
    if nxt.lower() in ctx.lex.sets["quantity_after"] or nxt.lower() in ctx.lex.sets["clock_after"]:
        return False  # "1,500 people", "(1700 GMT)"
    if regex.match(r"[ -]\d{3}", ctx.text[m.end() : m.end() + 4]):
        return False  # "the hotline on 1800 173 349": a telephone number
    if prev_char == "(" or prev.endswith("("):
        return True
    if prev in ctx.lex.sets["year_gate_before"] or prev.lower().rstrip(".") in ctx.lex.months:
        return True
    if prev.endswith("'s") or prev == "'s":
        # "Kopp's 1987 Chevrolet": a model year before a (capitalized) make, not a date
        return not (nxt[:1].isupper() and nxt.lower().rstrip(".") not in ctx.lex.months)
    if _NAME_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return False  # "a joint venture called Orion 1980": part of a name
    # "2014 election": a year used as a modifier of a lower-case singular noun
    if nxt[:1].islower() and not (nxt.endswith("s") and not nxt.endswith("ss")) and len(nxt) > 2:
        return True
    if is_label(ctx, m.start(), m.end()):
        return True  # "2023 — Shipments slow ...": a list of key dates
    # Sentence-initial "1990 was ..." or standalone year before punctuation
    return bool(regex.match(r"\s*[,.;:)]", ctx.text[m.end() : m.end() + 2])) and int(y) >= 1900


def _label_date(ctx: Context, at: int) -> date | None:
    """The day (or first day of the month or year) of the label that heads ``at``'s line."""
    if ctx.label is None or "\n" in ctx.text[ctx.label_at : at]:
        return None
    if ctx.label_day:
        return date.fromisoformat(ctx.label_day)
    y, month = ctx.label
    return date(y, month or 1, 1)


# What may stand before a label's date on its line: a bullet, one word ("Friday, 23:45 GMT:",
# "Update, 3:15 p.m.:").
_LABEL_HEAD = regex.compile(r"[ \t*•-]*(?:[A-Z][a-z]+\.?,?[ \t]+)?")
_LABEL_END = regex.compile(r"[ \t]*(?::|\s[-–—])\s")


def is_label(ctx: Context, start: int, end: int) -> bool:
    """Does the date head its own line as a label ("March 2: Wheat futures hit ...",
    "Feb 24, 2022 – Russian forces invade Ukraine.", "2023 — Shipments slow"), as in a
    "Key dates" list?"""
    line = ctx.text.rfind("\n", 0, start) + 1
    return bool(_LABEL_HEAD.fullmatch(ctx.text, line, start) and _LABEL_END.match(ctx.text, end))


# a capitalized word (not sentence-initial) right before a bare year: "Orion 1980"
_NAME_BEFORE = regex.compile(r"(?<=[a-z,;]\s)[A-Z][a-z]+\s$")
_NAME_OF = regex.compile(r"\s+of\s+(?:the\s+)?[A-Z][a-z]")

_YEARWORD_RX = regex.compile(r"(?i)(nineteen|twenty)[\s-](.+)|two\sthousand(?:\s(?:and\s)?(\w+))?")


def _year_words(ctx: Context, words: str) -> int | None:
    """'nineteen ninety-seven' -> 1997, 'two thousand and one' -> 2001."""
    ym = _YEARWORD_RX.fullmatch(words)
    if not ym:
        return None
    if ym.group(1):
        rest = ctx.lex.number(ym.group(2))
        if rest is None or rest >= 100:
            return None
        return (19 if ym.group(1).lower() == "nineteen" else 20) * 100 + int(rest)
    return 2000 + int(ctx.lex.number(ym.group(3)) or 0) if ym.group(3) else 2000


@rule("year")
def r_year(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    if _g(m, "yw"):
        y = _year_words(ctx, m["yw"])
        if y is None:
            return None
        return Resolved(*_span(m), "DATE", f"{y:04d}", explicit=True)
    mod = _pmod(ctx, m)
    post = _g(m, "post")
    if post:
        mod = "AFTER" if post.lower() == "post" else "BEFORE"
    return Resolved(*_span(m), "DATE", m["y"], mod=mod, explicit=True)


@rule("fiscal_year")
def r_fiscal(ctx: Context, m: regex.Match[str]) -> Resolved:
    written = m["y"].lstrip("'")
    y = cm.two_digit_year(int(written), ctx.dct) if len(written) == 2 else int(written)
    return Resolved(*_span(m), "DATE", f"{y:04d}", explicit=True)


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


@rule("decade")
def r_decade(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    if m["dec"]:
        v = m["dec"][:3]
    else:
        digit = int(m["dec2"][0]) if m["dec2"] else _DECADE_WORDS[m["decw"].lower()]
        century = ctx.dct.year // 100
        if century * 100 + digit * 10 > ctx.dct.year:
            century -= 1
        v = f"{century:02d}{digit}"
    return Resolved(*_span(m), "DATE", v, mod=_pmod(ctx, m), explicit=True)


@rule("century")
def r_century(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    n = _day(ctx, m["ord"])
    if not n or n > 21:
        return None
    return Resolved(*_span(m), "DATE", f"{n - 1:02d}", mod=_pmod(ctx, m), explicit=True)


_FALL_OF = regex.compile(r"\s+of\s+(?:the\s+)?(?!(?:19|20)\d\d\b)[A-Z]")


@gate("season")
def g_season(ctx: Context, m: regex.Match[str]) -> bool:
    if m["season"].lower() == "fall" and _FALL_OF.match(ctx.text, m.end()):
        return False  # "after the fall of Moamer Kadhafi", "the fall of Kabul": a downfall
    if _g(m, "y") or _g(m, "rel") or m["pmod"] or m.group(0).lower().startswith("the "):
        return True
    before = _words_before(ctx, m.start(), 1)
    return bool(before) and before[0] in ("in", "during", "since", "until", "by", "over", "this")


_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@rule("season")
def r_season(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    code = ctx.lex.seasons[m["season"].lower()]
    yw = _g(m, "y")
    if yw:
        if yw.isdigit():
            y = int(yw)
        else:
            mm = _YEARWORD_RX.fullmatch(yw)
            rest = ctx.lex.number(mm.group(2)) if mm and mm.group(1) else None
            if rest is None:
                return None
            y = (19 if mm.group(1).lower() == "nineteen" else 20) * 100 + int(rest)
        explicit = True
    elif _g(m, "rel"):
        # "the spring of last year": one season of a DCT year (a winter labelled by its
        # December)
        y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        explicit = False
    else:
        if code == "WI":  # a winter is labelled by the year of its December
            y = pick_year(ctx, m.start(), m.end(), 12, None, months=3)
        else:
            y = pick_year(ctx, m.start(), m.end(), _SEASON_MONTH[code], None)
        explicit = False
    return Resolved(
        *_span(m),
        "DATE",
        f"{y:04d}-{code}",
        mod=_pmod(ctx, m),
        explicit=explicit,
        relative=not explicit,
    )


def _holiday_by_tense(ctx: Context, m: regex.Match[str], on: Callable[[int], date | None]
                      ) -> date | None:
    """A holiday without a year: the last one for a past clause, the next one for a future
    clause (they are a year apart: no nearer reading can compete), else the nearest."""
    dct = ctx.dct
    days = [d for d in (on(y) for y in (dct.year - 1, dct.year, dct.year + 1)) if d]
    tense = _deadline_tense(ctx, m.start(), m.end())

    def began(d: date) -> date:  # "as Easter week began": the week began before the day
        return d - timedelta(days=d.isoweekday() - 1) if m["wk"] else d

    if tense == "past" and any(began(d) <= dct for d in days):
        return max(d for d in days if began(d) <= dct)
    if tense == "future" and any(d >= dct for d in days):
        return min(d for d in days if d >= dct)
    base = on(dct.year)
    if base is None:
        return None
    return on(pick_year(ctx, m.start(), m.end(), base.month, base.day))


@gate("holiday")
def g_holiday(ctx: Context, m: regex.Match[str]) -> bool:
    """"Orthodox Christmas", "Lunar New Year": another calendar's day, not the Western one."""
    before = _words_before(ctx, m.start(), 1)
    return not (before and before[-1] in ctx.lex.sets["other_calendar"])


@rule("holiday")
def r_holiday(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    spec = ctx.lex.holidays[regex.sub(r"\s+", " ", m["hol"].lower())]

    def on(y: int) -> date | None:
        fixed = regex.fullmatch(r"(\d\d)-(\d\d)", spec)
        if fixed:
            return date(y, int(fixed.group(1)), int(fixed.group(2)))
        hijri = regex.fullmatch(r"hijri (\d+)(?:-(\d+))?", spec)
        if hijri:
            return cm.hijri_in_year(y, int(hijri.group(1)), int(hijri.group(2) or 1))
        e = regex.fullmatch(r"easter([+-]\d+)", spec)
        if e:
            return cm.easter(y) + timedelta(days=int(e.group(1)))
        r = regex.fullmatch(r"(\w+) (\w+)(?: after (\w+) (\w+))? of (\d+)", spec)
        if not r:
            return None
        mo = int(r.group(5))
        if r.group(3):  # "1st tuesday after 1st monday of 11": US Election Day
            ref = cm.nth_weekday(y, mo, ctx.lex.weekdays[r.group(4)], int(r.group(3)[0]))
            return ref + timedelta(
                days=(ctx.lex.weekdays[r.group(2)] - ref.isoweekday() - 1) % 7 + 1
            )
        nth = -1 if r.group(1) == "last" else int(r.group(1)[0])
        return cm.nth_weekday(y, mo, ctx.lex.weekdays[r.group(2)], nth)

    d = on(int(m["y"])) if m["y"] else _holiday_by_tense(ctx, m, on)
    if d is None:
        return None
    if m["wk"]:
        return Resolved(*_span(m), "DATE", cm.fmt_week(d), relative=True)
    if m["we"]:
        # "the Thanksgiving weekend": the weekend the holiday falls in, or the one after it
        return Resolved(*_span(m), "DATE", cm.fmt_week(d) + "-WE", relative=True)
    if regex.fullmatch(r"hijri \d+", spec):  # a whole month: Ramadan, from its first day
        value = f"{d.isoformat()}/{cm.hijri_month_end(d).isoformat()}"
        return Resolved(*_span(m), "DATE", value, explicit=bool(m["y"]), relative=not m["y"])
    return Resolved(*_span(m), "DATE", d.isoformat(), explicit=bool(m["y"]), relative=not m["y"])


# ---------------------------------------------------------------- quarters, halves


@rule("quarter")
def r_quarter(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    unit = m["unit"].lower()
    top = 4 if unit == "quarter" else 2
    n = top if m["ord"].lower() in ("last", "final") else _day(ctx, m["ord"])
    if m["ord"].lower() == "last" and unit == "quarter" and not (m["y"] or m["y2"] or m["y4"]):
        return None  # "last quarter" = the previous quarter (relative_unit)
    if not n or n > top:
        return None
    letter = "Q" if unit == "quarter" else "H"
    y = None
    for grp in ("y", "y2", "y4"):
        if _g(m, grp):
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
    if letter == "Q" and not m["yago"] and _reported(ctx, res):
        res.extra["reporting_quarter"] = "1"
    return res


@gate("quarter_code")
def g_quarter_code(ctx: Context, m: regex.Match[str]) -> bool:
    """'Q4 2023', 'H1 2024', 'in Q3': the business shorthand is written in capitals."""
    return _orig(ctx, m, "letter" if _g(m, "letter") else "letter2").isupper()


@rule("quarter_code")
def r_quarter_code(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    letter = (m["letter"] or m["letter2"]).upper()
    n = int(m["n"] or m["n2"])
    if letter == "H" and n > 2:
        return None
    span = 3 if letter == "Q" else 6
    if _g(m, "y"):
        y = int(m["y"]) if len(m["y"]) == 4 else cm.two_digit_year(int(m["y"]), ctx.dct)
    else:
        y = pick_year(ctx, m.start(), m.end(), (n - 1) * span + 1, None, span)
    return Resolved(*_span(m), "DATE", f"{y:04d}-{letter}{n}", explicit=True,
                    relative=not _g(m, "y"))


def _reported(ctx: Context, res: Resolved) -> bool:
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
    return Resolved(*_span(m), "DATE", v, relative=True) if v else None


@rule("year_period")
def r_year_period(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'the 1988 period/quarter' in a quarterly report: that year's same reporting quarter."""
    if ctx.last_quarter:
        return Resolved(*_span(m), "DATE", f"{m['y']}-{ctx.last_quarter[5:]}")
    return Resolved(*_span(m), "DATE", m["y"], explicit=True)


# ---------------------------------------------------------------- relative expressions


_REL_SHIFT = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this past": -1,
    "the past": -1,
    "the previous": -1,
    "the last": -1,
    "this": 0,
    "current": 0,
    "the current": 0,
    "the same": 0,
    "same": 0,
    "that": 0,
    "latest": 0,
    "the latest": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "this coming": 1,
    "the coming": 1,
    "the following": 1,
    "the next": 1,
}
_NARRATIVE_REL = {
    "that",
    "the same",
    "same",
    "the following",
    "following",
    "the previous",
    "previous",
    "the next",
}


def _anchor_date(ctx: Context) -> date | None:
    if not ctx.anchor:
        return None
    p = precision(ctx.anchor)
    if p in ("day", "time"):
        return date.fromisoformat(ctx.anchor[:10])
    if p == "month":
        return date(int(ctx.anchor[:4]), int(ctx.anchor[5:7]), 15)
    if p == "year" and len(ctx.anchor) == 4:
        return date(int(ctx.anchor), 7, 1)
    if p in ("season", "quarter", "half"):
        # "in the summer of 2015 ... by the end of that year": the middle of the span
        span = bounds(ctx.anchor)
        return span[0] + (span[1] - span[0]) / 2 if span else None
    return None


_OPEN_QUOTE = ('"', "“", "‘", "`", "'")


_COMPARATIVE_PMOD = ("earlier", "later")


@gate("relative_unit")
def g_relative(ctx: Context, m: regex.Match[str]) -> bool:
    """'ABC's "This Week"', "'Next Year in Havana'": a quoted title-cased phrase is the name of a
    show or a work, not a time; nor is "that summer" in "said that summer crops ..."."""
    if m["rel"].lower() == "that" and not _said_that_is_a_date(ctx, m):
        return False
    words = ctx.text[m.start() : m.end()].split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return True
    return not ctx.text[max(0, m.start() - 1) : m.start()].startswith(_OPEN_QUOTE)


@rule("relative_unit")
def r_relative(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    rel = regex.sub(r"\s+", " ", m["rel"].lower())
    n = _REL_SHIFT.get(rel)
    if n is None:
        return None
    unit_w = _orig(ctx, m, "unit")
    unit = unit_w.lower()
    mod = _pmod(ctx, m) or ("APPROX" if m["orso"] else None)
    base = ctx.dct
    if rel in _NARRATIVE_REL:
        anchored = _anchor_date(ctx)
        if anchored is None and rel in ("that",):
            anchored = ctx.dct
        base = anchored or ctx.dct
    if unit in ctx.lex.seasons:
        code = ctx.lex.seasons[unit]
        mid = _SEASON_MONTH[code]
        cur_code = _season_code(base)
        if code == "WI":
            y = _winter_year(ctx, m, base, n, rel)
            return Resolved(*_span(m), "DATE", f"{y:04d}-WI", mod=mod, relative=True)
        if n == 0:
            return Resolved(*_span(m), "DATE", f"{base.year:04d}-{code}", mod=mod, relative=True)
        y = base.year
        if n < 0:
            y = base.year if (mid < base.month and code != cur_code) else base.year - 1
        else:
            y = base.year if (mid > base.month and code != cur_code) else base.year + 1
        return Resolved(*_span(m), "DATE", f"{y:04d}-{code}", mod=mod, relative=True)
    if unit.rstrip(".") in ctx.lex.months and unit_w[:1].isupper():
        mo = _month(ctx, unit_w)
        if n == 0:
            y = base.year
        elif n < 0:
            y = base.year if mo < base.month else base.year - 1
        else:
            y = base.year if mo > base.month else base.year + 1
        return Resolved(*_span(m), "DATE", cm.fmt_month(y, mo), mod=mod, relative=True)
    if unit.rstrip(".") in ctx.lex.weekdays and unit_w[:1].isupper():
        d = weekday_date(ctx, _weekday(ctx, unit_w), m.start(), m.end(), rel)
        return Resolved(*_span(m), "DATE", d.isoformat(), mod=mod, relative=True)
    if unit not in ("week", "weekend", "month", "year", "quarter", "half", "decade", "century"):
        return None
    if rel in ("past", "the past") and unit in ("decade", "century"):
        # "over the past decade": the ten years up to now, not the 2010s (te3-train: P10Y)
        return Resolved(*_span(m), "DURATION", "P10Y" if unit == "decade" else "P100Y",
                        mod=mod)
    latest = rel in ("latest", "the latest", "the last", "last")
    if unit == "quarter" and latest and n != 1 and ctx.last_quarter:
        return Resolved(*_span(m), "DATE", ctx.last_quarter, mod=mod, relative=True)
    if unit == "weekend" and n == 0 and base.isoweekday() < 6:
        tense = ctx.tense(m.start(), m.end())
        if tense == "past":
            n = -1
    # said on a Sunday, "funding would be released this week" is the week starting tomorrow:
    # the ISO week ending today has no time left for it
    if (
        unit == "week"
        and n == 0
        and base.isoweekday() == 7
        and not _g(m, "pmod")
        and ctx.tense(m.start(), m.end()) == "future"
    ):
        n = 1
    v = calendar_shift(base, unit, n)
    if v is None:
        return None
    start = m.start()
    pm = (_g(m, "pmod") or "").lower()
    if unit == "week" and pm in _COMPARATIVE_PMOD and not _g(m, "some"):
        # "earlier this week": the corpora leave the comparative outside a week (0 of 4 spans
        # in te3-train include it) although they keep it with month/year ("earlier this
        # month": 5 of 9, "earlier this year": 6 of 7); "early this week" stays whole (3 of 3).
        # The part of the week it names stays as the mod (TE3 scores values, not mods).
        start = m.start("rel")
    return Resolved(start, m.end(), "DATE", v, mod=mod, relative=True)


def _season_code(d: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        d.month, "FA"
    )


def _winter_year(ctx: Context, m: regex.Match[str], base: date, n: int, rel: str) -> int:
    """The year a winter starts in (TIMEX "1997-WI" runs from December 1997 to February
    1998): "last winter" said in June 2026 is 2025-WI, "this winter" said in January 2026 is
    2025-WI too; between March and November "this winter" is the coming one unless the
    clause is past and not a narrative's "that winter"."""
    if base.month == 12 or base.month <= 2:
        current = base.year if base.month == 12 else base.year - 1
        return current + n
    if n < 0:
        return base.year - 1
    if n > 0:
        return base.year
    past = rel not in _NARRATIVE_REL and ctx.tense(m.start(), m.end()) == "past"
    return base.year - 1 if past else base.year


_TO_DATE = regex.compile(
    r"\s+(?:to|through|ended|ending)\s+(?:on\s+)?(?:the\s+)?(\d{1,2}\s+)?([A-Z]\w+)")


def _ends_on_date(ctx: Context, end: int) -> bool:
    """'to March 6', 'ending Saturday', 'to 6 March': the words after a span name its last day
    or month."""
    tm = _TO_DATE.match(ctx.text, end)
    if not tm:
        return False
    w = tm.group(2).lower()
    return w in ctx.lex.months or (not tm.group(1) and w in ctx.lex.weekdays)


_ENDED_DATE = regex.compile(r"\s+(?:ended|ending)\s+(?:on\s+)?([A-Z][a-z]+\.?)\s+\d")


def _period_ended(ctx: Context, m: regex.Match[str], unit: str, mod: str | None):
    """'the year ended March 31' names a (fiscal) year-long span: TimeML DURATION P1Y. 'the
    quarter ended Sept. 30' is the reporting quarter labelled by its middle month (a fiscal
    quarter ending July 31 is mostly May-June: Q2)."""
    if unit == "year":
        return Resolved(*_span(m), "DURATION", "P1Y", mod=mod)
    em = _ENDED_DATE.match(ctx.text, m.end())
    if not em or em.group(1).lower().rstrip(".") not in ctx.lex.months:
        return None
    mo = _month(ctx, em.group(1))
    y, mid = cm.add_months(ctx.dct.year, mo, -1)
    if mo > ctx.dct.month:
        y -= 1
    res = Resolved(*_span(m), "DATE", f"{y:04d}-Q{(mid - 1) // 3 + 1}", relative=True)
    if _reported(ctx, res):
        res.extra["reporting_quarter"] = "1"
    return res


@rule("pod_mod")
def r_pod_mod(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'by mid-afternoon', 'late morning', 'mid-afternoon yesterday': a part of the day named by
    the narrative (the last day-precision date mentioned) or the report."""
    deic = _g(m, "deic")
    if deic:
        d = ctx.dct + timedelta(days=ctx.lex.deictic_days[deic.lower()])
    elif ctx.anchor and precision(ctx.anchor) in ("day", "time"):
        d = date.fromisoformat(ctx.anchor[:10])
    else:
        d = ctx.dct
    pod = _pod_code(ctx, m["pod"])
    return Resolved(*_span(m), "TIME", f"{d.isoformat()}T{pod}", mod=_pmod(ctx, m), relative=True)


# "The day before, ...", "the night after.": the unit next to the narrative's date. Only
# before punctuation: "the day before the vote" is relative to the vote, not to a date.
_AROUND = regex.compile(r"\s+(?P<rel>before|after|earlier|later)(?=\s*(?:[,.;:)!?]|$))")


def _the_unit_around(
    ctx: Context, m: regex.Match[str], unit: str, pod: str | None, around: regex.Match[str]
) -> Resolved | None:
    n = -1 if around["rel"] in ("before", "earlier") else 1
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        if not ctx.day_anchor:
            return None  # no day told yet: the publication day is no anchor for "the day before"
        d = date.fromisoformat(ctx.day_anchor[:10]) + timedelta(days=n)
        if pod:
            return Resolved(m.start(), around.end(), "TIME", f"{d.isoformat()}T{pod}",
                            relative=True)
        return Resolved(m.start(), around.end(), "DATE", d.isoformat(), relative=True)
    if not ctx.text.startswith(",", around.end()):
        return None  # "down from $450 million the year before.": a comparison, not a narrative
    base = _anchor_date(ctx)
    v = calendar_shift(base, unit, n) if base and unit in ("week", "month", "year") else None
    return Resolved(m.start(), around.end(), "DATE", v, relative=True) if v else None


@rule("hours_later")
def r_hours_later(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'Hours later', 'minutes earlier': the same day as the last day told (none told: no
    value, it is the narrative's, not the report's)."""
    if not ctx.day_anchor:
        return None
    return Resolved(*_span(m), "DATE", ctx.day_anchor[:10], relative=True)


@rule("past_day")
def r_past_day(ctx: Context, m: regex.Match[str]) -> Resolved:
    return Resolved(*_span(m), "DURATION", "P1D")


@rule("the_unit")
def r_the_unit(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    unit = m["unit"].lower()
    adj = (m["adj"] or "").lower()
    mod = _pmod(ctx, m)
    pod = _pod_code(ctx, unit) if unit in ("morning", "afternoon", "evening", "night") else None
    around = None if adj else _AROUND.match(ctx.text, m.end())
    if around:
        return _the_unit_around(ctx, m, unit, pod, around)
    if pod:
        # "the next morning", "the following night": the part of the day after the narrative's
        # day; a bare "the morning" is tagged too rarely in TimeBank/AQUAINT to guess at
        if adj not in ("following", "next", "previous", "same"):
            return None
        if not (ctx.anchor and precision(ctx.anchor) in ("day", "time")):
            return None
        n = {"previous": -1, "same": 0}.get(adj, 1)
        d = date.fromisoformat(ctx.anchor[:10]) + timedelta(days=n)
        return Resolved(*_span(m), "TIME", f"{d.isoformat()}T{pod}", mod=mod, relative=True)
    nxt = _next_word(ctx, m.end()).lower()
    if nxt in ("ended", "ending") and unit in ("year", "quarter") and adj in ("", "fiscal"):
        return _period_ended(ctx, m, unit, mod)
    if unit in ("week", "month", "year") and not adj and _ends_on_date(ctx, m.end()):
        # "in the week to March 6", "the year to October", "the week ended Saturday": a span
        # counted back from the date that follows (TimeML: a DURATION, the date its end point)
        return Resolved(*_span(m), "DURATION", f"P1{unit[0].upper()}", mod=mod)
    followed = nxt in ("of", "before", "after", "earlier", "later", "when", "in", "that", "since")
    if followed and adj not in ("following", "next", "previous"):
        return None
    if adj in ("following", "next", "previous"):
        base = _anchor_date(ctx) or ctx.dct
        n = -1 if adj == "previous" else 1
        if unit == "day" and not (ctx.anchor and precision(ctx.anchor) in ("day", "time")):
            base = ctx.dct
        v = calendar_shift(base, unit, n)
        return Resolved(*_span(m), "DATE", v, mod=mod, relative=True) if v else None
    if adj == "same":
        base = _anchor_date(ctx) or ctx.dct
        v = calendar_shift(base, unit, 0)
        return Resolved(*_span(m), "DATE", v, mod=mod, relative=True) if v else None
    if unit == "period":
        if adj in ("latest", "current", "same"):
            # the period a results report is about: the last quarter named, else the last
            # quarter that has ended by the DCT
            v = ctx.last_quarter or calendar_shift(ctx.dct, "quarter", -1)
            return Resolved(*_span(m), "DATE", v, mod=mod, relative=True)
        return None
    if unit == "week" and not mod and not adj:
        # "For the week, the index dropped": the week of the narrative (or of the DCT)
        base = _anchor_date(ctx) if ctx.anchor and precision(ctx.anchor) == "day" else None
        v = calendar_shift(base or ctx.dct, "week", 0)
        return Resolved(*_span(m), "DATE", v, relative=True) if v else None
    if unit in ("month", "week") and mod:
        if (unit == "month" and ctx.anchor and precision(ctx.anchor) in ("month", "day")
                and ctx.anchor_end >= _sentence_start(ctx.text, m.start())):
            # "October alone saw 5,410 arrivals, helped by calm weather in the middle of the
            # month": the month just named in the sentence
            return Resolved(*_span(m), "DATE", ctx.anchor[:7], mod=mod, relative=True)
        v = calendar_shift(ctx.dct, unit, 0)
        return Resolved(*_span(m), "DATE", v, mod=mod, relative=True) if v else None
    if unit == "quarter":
        if adj == "current":
            return Resolved(*_span(m), "DATE", calendar_shift(ctx.dct, "quarter", 0), mod=mod)
        v = ctx.last_quarter or calendar_shift(ctx.dct, "quarter", -1)
        return Resolved(*_span(m), "DATE", v, mod=mod, relative=True)
    if unit == "year":
        return Resolved(*_span(m), "DATE", f"{ctx.dct.year:04d}", mod=mod, relative=True)
    if unit == "weekend":
        tense = _deadline_tense(ctx, m.start(), m.end())  # "by the weekend" looks ahead
        n = 0 if tense == "future" or ctx.dct.isoweekday() >= 6 else -1
        return Resolved(
            *_span(m), "DATE", calendar_shift(ctx.dct, "weekend", n), mod=mod, relative=True
        )
    return None


@gate("that_unit")
def g_that_unit(ctx: Context, m: regex.Match[str]) -> bool:
    return m["that"].lower() != "that" or _said_that_is_a_date(ctx, m)


def _said_that_is_a_date(ctx: Context, m: regex.Match[str]) -> bool:
    """'Officials said that summer crops had been destroyed': after a verb of saying, "that"
    opens what was said, and "summer" before a noun is its adjective; "said that week was the
    worst" stays a week."""
    before = _words_before(ctx, m.start(), 1)
    if not before or before[-1] not in ctx.lex.sets["reporting"]:
        return True
    nxt = _next_word(ctx, m.end()).lower()
    noun_next = nxt.isalpha() and nxt not in _CLAUSE_OPENERS and not is_past_form(
        nxt, ctx.lex) and nxt not in ctx.lex.sets["future"]
    return not noun_next


# Words after "said that <unit>" that show the unit is a time ("said that day they had
# fled", "said that week was the worst"), not an adjective of a noun.
_CLAUSE_OPENERS = frozenset(
    "is was were are will has had he she they it we i you there".split())


@rule("that_unit")
def r_that_unit(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    unit = m["unit"].lower()
    base = _anchor_date(ctx)
    if base is None:
        return None
    pod = _pod_code(ctx, unit)
    if pod:
        if not (ctx.anchor and precision(ctx.anchor) in ("day", "time")):
            return None
        t, v = _with_pod(base.isoformat(), pod)
        return Resolved(*_span(m), "TIME", v, relative=True)
    if unit == "day" and not (ctx.anchor and precision(ctx.anchor) in ("day", "time")):
        return None
    v = calendar_shift(base, unit, 0)
    return Resolved(*_span(m), "DATE", v, mod=_pmod(ctx, m), relative=True) if v else None


@gate("in_the_unit")
def g_in_the_unit(ctx: Context, m: regex.Match[str]) -> bool:
    """Not in a generic present: "hotter summers dry out vegetation earlier in the year"
    ("earlier in the day" is always some day's)."""
    return m["unit"].lower() == "day" or ctx.tense(m.start(), m.end()) is not None


@rule("in_the_unit")
def r_in_the_unit(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'earlier in the day': the unit holding the last day written in the paragraph (a story
    told from Tuesday stays on Tuesday), else the DCT's."""
    unit = m["unit"].lower()
    dated = (ctx.anchor and precision(ctx.anchor) in ("day", "time")
             and _in_anchor_paragraph(ctx, m.start()))
    base = date.fromisoformat(ctx.anchor[:10]) if dated else ctx.dct
    v = base.isoformat() if unit == "day" else calendar_shift(base, unit, 0)
    return Resolved(*_span(m), "DATE", v, mod=_pmod(ctx, m), relative=True) if v else None


@rule("year_adj")
def r_year_adj(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    if m["me"]:  # "by month-end": the end of the DCT's month
        return Resolved(*_span(m), "DATE", f"{ctx.dct.year:04d}-{ctx.dct.month:02d}",
                        mod="END", relative=True)
    w = (m["w"] or m["w2"]).lower()
    if w in ("year-earlier", "year-ago"):
        if ctx.last_quarter:
            return Resolved(
                *_span(m), "DATE", shift_value(ctx.last_quarter, "Y", -1) or "", relative=True
            )
        return Resolved(*_span(m), "DATE", f"{ctx.dct.year - 1:04d}", relative=True)
    before = _words_before(ctx, m.start(), 1)
    y = ctx.dct.year
    if before and before[0] == "last":
        return None
    return Resolved(*_span(m), "DATE", f"{y:04d}", mod="END", relative=True)


@gate("deictic")
def g_deictic(ctx: Context, m: regex.Match[str]) -> bool:
    """'today's youth', 'the people of tomorrow': the generic present/future, not a day."""
    word = (_g(m, "deic") or "").lower()
    if word not in ("today", "tomorrow") or _g(m, "pod") or _g(m, "pmod"):
        return True
    if word == "tomorrow" and _words_before(ctx, m.start(), 1) == ["of"]:
        return False
    if ctx.text.startswith(("'s", "’s"), m.end()):
        nxt = _next_word(ctx, m.end() + 2).lower()
        return nxt not in ctx.lex.cues["generic_after_today"]
    return True


_REPORTED_ON = regex.compile(
    r"\b(?:said|says|told|reported|announced|added|stated)\b", regex.IGNORECASE
)


_SAID_LATER = regex.compile(
    r",\s+[^,.;]{0,40}?\b(?:said|says|told|reported|announced|added|stated)\s+(?:on\s+)?"
    r"([A-Z][a-z]+day)\b"
)


def _said_on_day(ctx: Context, start: int) -> date | None:
    """The day a report was made, when the sentence gives it before ``start`` next to its
    reporting verb ("The air force said on Sunday that Russia had launched 600 drones
    overnight"): "overnight" then is the night before that day, not before the DCT."""
    later = _SAID_LATER.match(ctx.text, start + len("overnight"))
    if later and later.group(1).lower() in ctx.lex.weekdays:
        # "Drones struck overnight, officials said on Tuesday"
        return weekday_date(ctx, _weekday(ctx, later.group(1)), later.start(1), later.end(1),
                            None)
    if not ctx.day_anchor:
        return None
    sentence_start = _sentence_start(ctx.text, start)
    if ctx.anchor_end <= sentence_start or ctx.anchor != ctx.day_anchor:
        return None
    said = _REPORTED_ON.search(ctx.text, sentence_start, start)
    if said is None or abs(said.end() - ctx.anchor_end) > 25:
        return None
    return date.fromisoformat(ctx.day_anchor[:10])


@rule("deictic")
def r_deictic(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    word = (_g(m, "deic") or _g(m, "deic2") or "").lower()
    pod = _pod_code(ctx, _g(m, "pod"))
    mod = _pmod(ctx, m)
    dct = ctx.dct
    if ctx.label_day and "\n" not in ctx.text[ctx.label_at : m.start()]:
        # a live blog's entry stamped "Friday, 23:45 GMT:" tells "this evening" of its day
        dct = date.fromisoformat(ctx.label_day)
    if word == "tonight":
        return Resolved(*_span(m), "TIME", f"{dct.isoformat()}TNI", mod=mod, relative=True)
    if word == "overnight":
        tense = ctx.tense(m.start(), m.end())
        d = dct if tense == "future" else dct - timedelta(days=1)
        said = _said_on_day(ctx, m.start())
        if said is not None and tense != "future":
            d = said - timedelta(days=1)  # "said on Sunday that ... overnight": Saturday night
        return Resolved(*_span(m), "TIME", f"{d.isoformat()}TNI", mod=mod, relative=True)
    if word in ("this", "last"):
        if not pod:
            return None
        d = dct - timedelta(days=1) if word == "last" else dct
        return Resolved(*_span(m), "TIME", f"{d.isoformat()}T{pod}", mod=mod, relative=True)
    off = ctx.lex.deictic_days.get(word)
    if off is None:
        return None
    d = (dct + timedelta(days=off)).isoformat()
    typ, v = _with_pod(d, pod)
    return Resolved(*_span(m), typ, v, mod=mod, relative=True)


@gate("weekday")
def g_weekday(ctx: Context, m: regex.Match[str]) -> bool:
    # "Sunday Times", "Good Friday"-style names: a capitalized word right after or before
    nxt = _next_word(ctx, m.end())
    if nxt[:1].isupper() and nxt.lower() not in ("and", "or") and nxt not in ("EST", "EDT", "GMT"):
        after = ctx.text[m.end() : m.end() + 1]
        if (
            after == " "
            and nxt.isalpha()
            and nxt.lower() not in ctx.lex.months
            and not nxt.isupper()
        ):
            return False
    return True


@rule("weekday")
def r_weekday(ctx: Context, m: regex.Match[str]) -> Resolved:
    rel = _g(m, "rel")
    rel_n = rel.lower() if rel and rel.lower() != "on" else None
    d = weekday_date(ctx, _weekday(ctx, m["wd"]), m.start(), m.end(), rel_n)
    typ, v = _with_pod(d.isoformat(), _pod_code(ctx, m["pod"]))
    start = m.start("rel") if rel and rel.lower() == "on" else m.start()
    if start != m.start():
        start = m.start("wd") if not m["pmod"] else m.start()
    return Resolved(start, m.end(), typ, v, mod=_pmod(ctx, m), explicit=True, relative=True)


_DAY_AFTER_CLOCK = regex.compile(r"\s*\([^()]{1,30}\)\s*(?:on\s+)?([A-Z][a-z]+day)\b")


def _clock_day(ctx: Context, start: int, end: int) -> str:
    """The day of a clock time written without one: the day the paragraph has reached ("On
    Tuesday ... The quake hit at 4:17 a.m."), else the publication day. Not a day of an
    earlier paragraph, nor a past day for a future clause ("The families will hold a rally
    at 8pm")."""
    later = _DAY_AFTER_CLOCK.match(ctx.text, end)
    if later and later.group(1).lower() in ctx.lex.weekdays:
        # "at about 10:35 a.m. (0735 GMT) Friday": the day follows the restated time
        return weekday_date(ctx, _weekday(ctx, later.group(1)), start, later.end(), None
                            ).isoformat()
    a = ctx.anchor if ctx.anchor and precision(ctx.anchor) == "day" else None
    if a and not _in_anchor_paragraph(ctx, start) and not (
            ctx.tense(start, end) == "past"
            and 0 < (ctx.dct - date.fromisoformat(a[:10])).days <= 1):
        # (another paragraph's day, unless the story is of the night before and told in
        # the past: "... late Wednesday. The blast happened shortly before 11 p.m.")
        a = None
    if a and a < ctx.dct.isoformat() and ctx.tense(start, end) == "future":
        a = None
    return a or ctx.dct.isoformat()


_EVERY_DAY_BEFORE = regex.compile(
    r"(?i)\b(?:every\s+(?:day|morning|evening|night|weekday)|daily|nightly|each\s+day)\s+"
    r"(?:from|at|between|until|till|before|after)\s+"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|hours|hrs)?\s*(?:to|and|until|till|-|–)\s*)?$")


# The end of a clock time, before a parenthesis that restates it in another zone.
_CLOCK_BEFORE = regex.compile(r"(?:\d|[ap]\.?m\.?|local\s+time|\b[A-Z]{2,4}T)\s*$")


@gate("clock_time")
def g_clock(ctx: Context, m: regex.Match[str]) -> bool:
    # "High Noon", "high noon comes today": the idiom, not twelve o'clock; "10:35 a.m. (0735
    # GMT)": the same time restated for another zone, not a second one
    if ctx.text[max(0, m.start() - 1) : m.start()] == "(" and (
            m["h4"] or _CLOCK_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start() - 1)):
        return False  # "12:50 local time (06:20 GMT) on Friday"
    if _EVERY_DAY_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return False  # "distributed every day from 08:00 to 18:00": hours of a routine
    return not (m["noon"] and _words_before(ctx, m.start(), 1) == ["high"])


@rule("clock_time")
def r_clock(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    if m["noon"]:
        hh, mm = (12, 0) if m["noon"].lower() in ("noon", "midday") else (24, 0)
    elif m["h24"] or m["h24b"]:
        hh, mm = int(m["h24"] or m["h24b"]), int(m["min24"] or m["min24b"])
    elif m["h4"]:
        hh, mm = int(m["h4"]), int(m["m4"])  # wire style "1400 GMT"
    else:
        hh, mm = int(m["h"]), int(m["min"] or 0)
        pm = m["ampm"].lower().startswith("p")
        if hh > 12:
            return None
        hh = (hh % 12) + (12 if pm else 0)
    extra: dict[str, str] = {}
    if m["month3"] or m["month4"]:
        # "at 4.30am on Wednesday 11 March": the written date fixes the day, not the weekday
        month, day = (m["month3"], m["d3"]) if m["month3"] else (m["month4"], m["d4"])
        d = _resolve_md(ctx, m, month, day, m["y3"], m.start(), m.end())
        if not d:
            return None
    elif m["wd"]:
        d = weekday_date(ctx, _weekday(ctx, m["wd"]), m.start(), m.end(), None).isoformat()
    elif m["d5"]:
        d = _ordinal_date(ctx, int(m["d5"]), m.start(), m.end())  # "at 10 a.m. on the 13th"
        if not d:
            return None
    elif m["deic"]:
        d = (ctx.dct + timedelta(days=ctx.lex.deictic_days[m["deic"].lower()])).isoformat()
    elif m["month"] or m["month2"]:
        month, day, year = (m["month"], m["d"], m["y"]) if m["month"] else (
            m["month2"], m["d2"], m["y2"])
        d = _resolve_md(ctx, m, month, day, year, m.start(), m.end())
        if not d:
            return None
    else:
        d = _clock_day(ctx, m.start(), m.end())
        if d == ctx.dct.isoformat() and d != (ctx.day_anchor or "")[:10]:
            # the day taken by default: the story has not reached it ("by 2 a.m. the
            # following day" counts from the day told before, not from this one)
            extra = {"default_day": "1"}
    mod = "APPROX" if m["q"] and m["q"].lower() in ("around", "about", "approximately") else None
    # a time with its day written ("11:40 p.m. on June 4") is where the story has got to
    dated = any(m[g] for g in ("month", "month2", "month3", "month4", "wd", "d5"))
    return Resolved(*_span(m), "TIME", f"{d}T{hh:02d}:{mm:02d}", mod=mod, relative=True,
                    explicit=dated, extra=extra)


@gate("ordinal_day")
def g_ordinal(ctx: Context, m: regex.Match[str]) -> bool:
    return True


@rule("ordinal_day")
def r_ordinal(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    this_month = bool(regex.search(r"(?i)this\smonth|inst", m.group(0)))
    value = _ordinal_date(ctx, int(m["d"]), m.start(), m.end(), this_month)
    return Resolved(*_span(m), "DATE", value, relative=True) if value else None


def _ordinal_date(ctx: Context, d: int, start: int, end: int, this_month: bool = False
                  ) -> str | None:
    """'on the 12th': that day of the DCT's month, or of the month before (a past clause
    and a day still to come) or after (a future clause and a day gone); "the 19th
    instant", "of this month": the DCT's month whatever the tense."""
    dct = ctx.dct
    tense = ctx.tense(start, end)
    y, mo = dct.year, dct.month
    if this_month:
        pass
    elif tense == "past" and d > dct.day:
        y, mo = cm.add_months(y, mo, -1)
    elif tense == "future" and d < dct.day:
        y, mo = cm.add_months(y, mo, 1)
    if not cm.valid_day(y, mo, d):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


# ---------------------------------------------------------------- durations and sets

_UNIT_FMT = {
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
    t, letter, mult = _UNIT_FMT[code]
    if n is None:
        return f"P{t}X{letter}"
    total = n * mult
    num = str(int(total)) if float(total).is_integer() else str(total)
    if half and code in _HALF:
        extra = _HALF[code]
        if code in ("D", "W"):
            return f"P{num}{letter}T{extra[-3:]}" if code == "D" else f"P{num}W{extra[:2]}T12H"
        return f"P{t}{num}{letter}{extra}"
    return f"P{t}{num}{letter}"


def _count(ctx: Context, word: str) -> tuple[float | None, bool]:
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
    if unit in ("quarter", "quarters") and _next_word(ctx, m.end()).lower() == "of":
        return False
    if unit in ("min", "mins", "hr", "hrs") and not nword[:1].isdigit():
        return False
    if regex.fullmatch(r"1\d{3}|20\d\d", nword):
        return False  # "the 1988 quarter": a year, not a count
    # ages ("6-year-old") are not temporal expressions in TimeML
    return not (regex.match(r"-?\s?old\b", ctx.text[m.end() : m.end() + 5]) or m[0].endswith("old"))
    return True


_RATE_BEFORE = regex.compile(
    r"\d|percent|%|million|billion|trillion|\b(?:two|three|four|five|six|seven|eight|nine|ten"
    r"|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)\b"
)


@rule("duration")
def r_duration(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    unit = m["unit"].lower()
    code = ctx.lex.units.get(unit)
    n, ok = _count(ctx, m["n"])
    if not ok or code is None:
        return None
    if n is not None and (n <= 0 or n > 10000):
        return None
    rel = (_g(m, "rel") or "").lower()
    if rel in ("past", "last", "recent") and n is None:
        return Resolved(*_span(m), "DURATION", duration_value(code, None), mod=_qmod(ctx, m))
    if m["n"].lower() in ("a", "an"):
        before = " ".join(_words_before(ctx, m.start(), 3))
        if regex.search(r"\b(?:times|once|twice)$", before):
            return Resolved(*_span(m), "SET", duration_value(code, 1))  # "twice a day"
        if _RATE_BEFORE.search(before):
            # "$55 a night", "358,000 a month", "four flights a week": a rate of an amount;
            # TimeBank/AQUAINT mostly leave it untagged (7 of 9 in te3-train)
            return None
    half = bool(_g(m, "frac"))
    if _g(m, "n2"):
        # "two to three weeks", "the next 12 to 18 months": a range, not one length
        n2, ok2 = _count(ctx, m["n2"])
        if not ok2 or n2 is None or n is None or n2 <= n or m["n"].lower() in ("a", "an"):
            return None
        return Resolved(*_span(m), "DURATION", duration_value(code, None), mod=_qmod(ctx, m))
    res = Resolved(*_span(m), "DURATION", duration_value(code, n, half), mod=_qmod(ctx, m))
    if rel in ("first", "latest") and code == "M":
        res.extra["reporting_span"] = "1"  # "the first nine months": results now cover a span
    return res


@rule("bare_duration")
def r_bare_duration(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    code = ctx.lex.units[(m["unit"] or m["unit2"]).lower()]
    return Resolved(*_span(m), "DURATION", duration_value(code, None))


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


@rule("ago")
def r_ago(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    code = ctx.lex.units.get(m["unit"].lower())
    n, ok = _count(ctx, m["n"])
    if not ok or code is None:
        return None
    direction = regex.sub(r"\s+", " ", m["dir"].lower()).replace("today", "now")
    mod = _qmod(ctx, m)
    if direction in ("before", "after"):
        # "three days after the attack": a duration; the preposition is a SIGNAL
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
        return Resolved(*_span(m), "DATE", ref, mod=mod, relative=True)
    sign = -1 if direction in ("ago", "earlier") else 1
    # ago / from now count from the DCT; earlier / later from the narrative anchor
    base = ctx.dct
    if direction in ("earlier", "later"):
        a = _anchor_date(ctx)
        if a is not None and ctx.anchor and code in ("Y", "DE", "M"):
            base = a
        elif ctx.day_anchor:
            base = date.fromisoformat(ctx.day_anchor[:10])
    t, letter, mult = _UNIT_FMT[code]
    amount = n * mult
    if (
        code in ("Y", "DE", "CE", "ML")
        and n == 1
        and ctx.last_quarter
        and direction in ("ago", "earlier")
    ):
        v = shift_value(ctx.last_quarter, "Y", -1)
        if v:
            return Resolved(*_span(m), "DATE", v, mod=mod, relative=True)
    gran = _AGO_GRAN[code]
    try:
        if letter == "D" or t == "T":
            days = amount if letter == "D" else 0
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
    return Resolved(*_span(m), "DATE", v, mod=mod, relative=True)


@rule("set_every")
def r_set_every(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    unit_w = _orig(ctx, m, "unit")
    unit = unit_w.lower().rstrip(".")
    pod = _pod_code(ctx, m["pod"])
    if unit in ctx.lex.weekdays and unit_w[:1].isupper():
        v = f"XXXX-WXX-{ctx.lex.weekdays[unit]}" + (f"T{pod}" if pod else "")
        return Resolved(*_span(m), "SET", v)
    if unit in ctx.lex.months and unit_w[:1].isupper():
        return Resolved(*_span(m), "SET", f"XXXX-{ctx.lex.months[unit]:02d}")
    if unit in ctx.lex.seasons:
        return Resolved(*_span(m), "SET", f"XXXX-{ctx.lex.seasons[unit]}")
    code = ctx.lex.units.get(unit)
    if code is None:
        return None
    n = 1.0
    if m["n"]:
        n, ok = _count(ctx, m["n"])
        if not ok or n is None:
            return None
    if "other" in m.group(0).lower():
        n *= 2
    return Resolved(*_span(m), "SET", duration_value(code, n))


@rule("set_weekday")
def r_set_weekday(ctx: Context, m: regex.Match[str]) -> Resolved:
    wd = (m["wd"] or m["wd2"]).lower()
    wd = wd[:-1] if wd.endswith("s") and wd[:-1] in ctx.lex.weekdays else wd
    pod = _pod_code(ctx, m["pod"] or m["pod2"])
    v = f"XXXX-WXX-{ctx.lex.weekdays[wd]}" + (f"T{pod}" if pod else "")
    return Resolved(*_span(m), "SET", v)


@gate("set_word")
def g_set_word(ctx: Context, m: regex.Match[str]) -> bool:
    # "the Daily Telegraph": a capitalized frequency word mid-sentence is a name
    w = _orig(ctx, m, "w")
    nxt = _next_word(ctx, m.end())
    if w.lower() in ctx.lex.cues["attributive_not_set"] and nxt[:1].islower() and nxt.isalpha():
        return False  # "its quarterly dividend": a kind of payment, not a recurrence
    if w.lower() in ("annually", "yearly") and _RATE_BEFORE.search(
        " ".join(_words_before(ctx, m.start(), 3))
    ):
        return False  # "to rise 8.5% annually", "10,000 units annually": a rate, like "$5 a year"
    if w[:1].isupper() and m.start() > 0:
        before = ctx.text[max(0, m.start() - 2) : m.start()]
        if not regex.search(r"[.!?\n\"“]\s?$", before):
            return False
    return True


@rule("set_word")
def r_set_word(ctx: Context, m: regex.Match[str]) -> Resolved:
    return Resolved(*_span(m), "SET", ctx.lex.set_words[m["w"].lower()])


@rule("times_per")
def r_times_per(ctx: Context, m: regex.Match[str]) -> Resolved:
    return Resolved(*_span(m), "SET", duration_value(ctx.lex.units[m["unit"].lower()], 1))


_AUXILIARIES = frozenset(("has", "have", "had", "was", "were", "is", "are", "be", "been"))


@gate("ref_word")
def g_ref(ctx: Context, m: regex.Match[str]) -> bool:
    w = m["ref"].lower()
    before = _words_before(ctx, m.start(), 1)
    nxt = _next_word(ctx, m.end()).lower()
    if w == "soon" and (before[-1:] == ["as"] or nxt == "as" or before[-1:] == ["too"]):
        return w == "soon" and nxt != "as" and before[-1:] != ["too"]
    if w == "now" and nxt in ("that",):
        return False
    if w == "recently" and before[-1:] and before[-1] in _AUXILIARIES:
        # "was recently extended", "have recently moved": untagged 3 times of 3 in te3-train
        return False
    if w == "soon" and (
        nxt in ("after", "before", "afterward", "afterwards", "thereafter")
        or ctx.tense(m.start(), m.end()) == "past"
    ):
        return False  # "soon after X", "was soon released": a relation, not the future
    if w == "the future" and nxt in ("of", "looks", "look"):
        return False  # "the future of our peoples": prospects, not a time
    return not (w == "the past" and nxt in ("few", "several"))


@rule("ref_word")
def r_ref(ctx: Context, m: regex.Match[str]) -> Resolved:
    key = regex.sub(r"\s+", " ", m["ref"].lower())
    return Resolved(*_span(m), "DATE", ctx.lex.ref_words[key])


@gate("current_adj")
def g_current(ctx: Context, m: regex.Match[str]) -> bool:
    """'his current wife', 'current market conditions': the adjective refers to the present
    (TimeBank tags it PRESENT_REF); 'current account' and 'electric current' are not temporal."""
    nxt = _next_word(ctx, m.end())
    return nxt[:1].islower() and nxt.lower() not in ctx.lex.cues["current_not_temporal"]


@rule("current_adj")
def r_current(ctx: Context, m: regex.Match[str]) -> Resolved:
    return Resolved(*_span(m), "DATE", "PAST_REF" if m["then"] else "PRESENT_REF")


@rule("units_around_event")
def r_units_around_event(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'in the weeks before the shooting', 'the day after his death': a stretch of time next to
    an event of the narrative. TimeBank tags the unit word alone as a DATE in the period of
    the event (the last explicit date); the day next to it when the unit is a day."""
    unit = m["unit"].lower()
    a = ctx.anchor
    if not a or precision(a) not in ("day", "time", "month"):
        return None
    if unit == "day":
        if precision(a) == "month":
            return None
        after = regex.match(r"\s(?:just\s|right\s)?(after|following)", ctx.text[m.end() :])
        d = date.fromisoformat(a[:10]) + timedelta(days=1 if after else -1)
        return Resolved(*_span(m), "DATE", d.isoformat(), relative=True)
    return Resolved(*_span(m), "DATE", a[:7], relative=True)
