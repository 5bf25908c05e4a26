"""Which year: a month, a month-day or a quarter written without one ("in August", "on Nov.
10"), from the DCT, the clause's tense, a key-dates list, a history told from an old date or
the year its sentence opened with."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from .. import calendar_math as cm
from ..context import Context
from ..sentences import is_label, next_word, opens_sentence, start_of_sentence, words_before
from ..tense import clause_cue
from ..values import bounds, precision
from .clause import (
    FUTURE_PENALTY,
    PAST_PENALTY,
    TENSE_PENALTY,
    deadline_tense,
    sure_future,
)
from .narrative import PAST_PERFECT, STORY_DAYS, in_insertion
from .sections import after_background, under_background


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
    apposed = _apposed_year(ctx, start, month)
    if apposed is not None:
        return apposed
    if day is None and months == 1 and _contract_month(ctx, start, end):
        return ctx.dct.year if month >= ctx.dct.month else ctx.dct.year + 1
    ranged = _range_year(ctx, end, month, day)
    if ranged is not None:
        return ranged
    history = _history_year(ctx, start, month, day)
    if history is not None:
        return history
    same = _year_of_sentence(ctx, start, end)
    if same is None:
        same = _linked_year(ctx, start, end, month, day)
    if same is not None:
        return same
    told = _story_year(ctx, start, end, month, day, months)
    if told is not None:
        return told
    year = _news_year(ctx, start, end, month, day, months)
    return _closed_year(ctx, start, end, month, day, months, year)


def _news_year(
    ctx: Context, start: int, end: int, month: int, day: int | None, months: int
) -> int:
    """``pick_year`` of a date the story does not hold: the reading nearest the DCT (or the
    label's day), after the clause's tense."""
    # an entry of a key-dates list is told from its label's day ("Nov. 17: The deal is
    # extended until March 18" is the next March 18 after it)
    dct = label_date(ctx, start) or ctx.dct
    tense = deadline_tense(ctx, start, end)
    if (tense == "future" and clause_cue(ctx.text, start, end, ctx.lex) == "intent"
            and not _decision_dated(ctx, start)):
        # "BP agreed to sell its refinery in October" said in February: the month is as
        # likely the agreeing's (last October) as the selling's; the nearer reading wins (as
        # for a weekday). "agreed on Monday to sell it in October" looks ahead.
        tense = None
    cands = [(y, *span) for y in (dct.year - 1, dct.year, dct.year + 1)
             if (span := _reading(y, month, day, months)) is not None]
    if not cands:
        return dct.year

    # a surely future clause ("will", a plan, a deadline, not a modal) looks ahead as surely as
    # a past one looks back: "The summit will take place in February" said in March is next
    # February's (not a quarter or half: "expects to release third-quarter results" reports
    # on a period past)
    sure = months == 1 and tense == "future" and sure_future(ctx, start, end)

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


def _closed_year(
    ctx: Context, start: int, end: int, month: int, day: int | None, months: int, year: int
) -> int:
    """The year of a past day or month right after a sentence that closed on a year: "The
    accord was signed in 2016. Voters rejected a first version in a referendum on 2
    October" (said in May 2018) is of 2016, since read from the news it would lie more than
    half a year back, and the story moves there. Not one the news holds: "The bank
    collapsed in 2008. In March, its chief resigned" said in June is this March."""
    closed = ctx.closed_year
    if ctx.story is not None or closed is None or months != 1:
        return year
    sentence = start_of_sentence(ctx.text, start)
    reading = _reading(year, month, day, months)
    if (reading is None or ctx.text[closed[1] : sentence].strip(" .;")
            or ctx.tense(start, end) != "past"):
        return year  # (not the next sentence, or "\n\n" between: another paragraph)
    if (ctx.dct - reading[1]).days <= STORY_DAYS and not _continues(ctx, closed[1], start):
        return year  # (a near reading is the news's, unless the sentence goes on telling
        # the subject of the one that closed on the year)
    ctx.story, ctx.story_sentence, ctx.story_end = closed[0], sentence, closed[1]
    told = _story_year(ctx, start, end, month, day, months)
    return year if told is None else told


_OPENING_WORDS = regex.compile(r"[\s.;]*([A-Za-z]+(?:\s+[A-Za-z]+)?)")


def _continues(ctx: Context, at: int, start: int) -> bool:
    """Does the sentence (or clause after ";") opening after ``at`` and holding ``start`` go
    on telling the subject of the one that closed there, or step back from it in the past
    perfect? "in 2013. It struck Leyte on November 8", "in 2001; it came ashore in June",
    "in 2008 that killed 800 people. The first, Fay, struck in August", "last year killed
    1,134 people. Large cracks had appeared on April 23" do; "in 2008. In March, its chief
    resigned" does not."""
    if PAST_PERFECT.search(ctx.text, start_of_sentence(ctx.text, start), start):
        return True  # "... last year killed 1,134 people. Large cracks had appeared on April 23"
    m = _OPENING_WORDS.match(ctx.text, at, start)
    if m is None:
        return False
    words = m.group(1).lower().split()
    return words[0] in ctx.lex.sets.continuing_subjects or (
        len(words) == 2 and " ".join(words) in ctx.lex.sets.continuing_subjects)


# Between a counted year and a day in apposition to it: "two years later, on May 12".
_APPOSED = regex.compile(r"\s*,\s*(?:on\s+|in\s+)?")


def _apposed_year(ctx: Context, start: int, month: int) -> int | None:
    """The year of a day or month in apposition to a year or month counted from the story
    ("The parliament first met two years later, on May 12" after "in 1997": 1999; "a year
    later, in March"); None when the date does not follow one."""
    if ctx.counted is None:
        return None
    value, at = ctx.counted
    m = _APPOSED.match(ctx.text, at, start)
    if m is None or m.end() != start or not value[:4].isdigit():
        return None
    if precision(value) == "month" and int(value[5:7]) != month:
        return None  # ("a month later, on June 2" after May: the month's own year)
    return int(value[:4])


_TO_VERB = regex.compile(r"\bto\s+[a-z]+")


def _contract_month(ctx: Context, start: int, end: int) -> bool:
    """Is the month a contract's, which lies ahead ("crude for September delivery fell",
    "the December contract rose")? Not a month that opens a clause before its subject ("In
    September contracts were signed")."""
    before = words_before(ctx, start, 1)
    return (bool(before) and before[-1] in ("for", "the")
            and next_word(ctx, end).lower() in ctx.lex.sets.delivery_nouns)


def _reading(y: int, month: int, day: int | None, months: int) -> tuple[date, date] | None:
    """The first and last day of "June 3" (or "June", spanning ``months``) in year ``y``;
    None for a day the year does not have ("Feb. 29" in 2021)."""
    if day is not None:
        return (date(y, month, day),) * 2 if cm.valid_day(y, month, day) else None
    ny, nm = cm.add_months(y, month, months)
    return date(y, month, 1), date(ny, nm, 1) - timedelta(days=1)


def _decision_dated(ctx: Context, start: int) -> bool:
    """Has the decision before ``start`` its own date, before the infinitive ("agreed on Monday
    to sell the plant in October")?"""
    return (ctx.anchor_end > start_of_sentence(ctx.text, start)
            and _TO_VERB.search(ctx.text, ctx.anchor_end, start) is not None)


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
    if (span is None or at < start_of_sentence(ctx.text, start) or value[:4] == str(ctx.dct.year)
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


# The end of a span right after a day, written with its year: "to 10 June 1967", "- Nov. 2,
# 2019", "until March 3, 2020".
_SPAN_END_YEAR = regex.compile(
    r"\s*(?:-|–|to|until|till|through|and)\s+(?:\d{1,2}\s+(?P<m1>[A-Za-z]+)|(?P<m2>[A-Za-z]+)\.?"
    r"\s+\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b")


def _range_year(ctx: Context, end: int, month: int, day: int | None) -> int | None:
    """The year of a day that opens a span whose end is written with its year: "fought from
    5 June to 10 June 1967" is 5 June 1967; "from 20 December to 3 January 2024" 20 December
    2023. Not a span whose end has no year ("from 5 June to 10 June")."""
    m = _SPAN_END_YEAR.match(ctx.text, end)
    if m is None or day is None:
        return None
    word = (m["m1"] or m["m2"]).lower()
    if word not in ctx.lex.months:
        return None
    y, end_month = int(m["y"]), ctx.lex.month_number(word)
    return y if month <= end_month else y - 1


# A day written with its year this long before the DCT may start a history, told on from it.
_HISTORY_DAYS = 180


def _year_of_sentence(ctx: Context, start: int, end: int) -> int | None:
    """A month (or day) in a past clause of a sentence that opens with a year is of that
    year: "In 2018 the lira fell sharply in August" (not "passed in 2018, takes effect in
    August", which is present)."""
    if ctx.told_from is None:
        return None
    value, opens, at = ctx.told_from
    sentence_start = start_of_sentence(ctx.text, start)
    if (opens < sentence_start or not opens_sentence(ctx.text, opens)
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
    sentence_start = start_of_sentence(ctx.text, start)
    words = regex.findall(r"[a-z]+", ctx.text[sentence_start:start].lower())
    base = span[0]
    reached = bounds(ctx.story) if ctx.story else None
    if reached is not None and reached[0] > base:
        # the story has gone on past that day: "burned on 6 May 1937. Its sister ship first
        # flew the following year, on 14 September" is 1938's
        base = reached[0]
    if day is None:
        sentence_end = ctx.text.find(". ", start)
        rest = ctx.text[start : sentence_end if sentence_end > 0 else len(ctx.text)].lower()
        if not PAST_PERFECT.search(rest):
            return None
        return base.year if month >= base.month else base.year + 1
    chronicle = opens_sentence(ctx.text, opens) and opens_sentence(ctx.text, start)
    if not (chronicle or ctx.lex.sets.narrative.intersection(words)):
        # (a chronicle: "On June 22, 1941, Germany invaded ... On July 3, Stalin addressed
        # the nation": each sentence opens with its day)
        return None
    if (ctx.lex.sets.history_backward.intersection(words)
            and not ctx.lex.sets.history_forward.intersection(words)):
        # "three days before that, on Jan. 9": the history steps back
        for y in (base.year, base.year - 1):
            if cm.valid_day(y, month, day) and date(y, month, day) <= base:
                return y
    for y in (base.year, base.year + 1):
        if cm.valid_day(y, month, day) and date(y, month, day) >= base:
            return y
    return None


# A story is told forward: a day or month before the time it has reached costs this much more
# than one as far after it, unless the past perfect steps back ("had expelled ... on 14
# December").
_STORY_BACK = 3.0


def _story_year(
    ctx: Context, start: int, end: int, month: int, day: int | None, months: int
) -> int | None:
    """The year of a month or day without one in a passage told about another time: the
    reading nearest the time the story has reached (``ctx.story``), forward before back.

    "On 24 May 1958, paratroopers landed in Corsica. ... In early September, de Gaulle
    presented the draft" is September 1958; "The battle ended on 8 January" after "In
    December [1939]" is January 1940; "In 1998, it bought a lender. In August, ..." is
    August 1998. Not a clause told as the future of now ("The regulator will sell the
    branches by June"): its date is the news's."""
    if ctx.story is None or months not in (1, 3) or (months == 3 and month != 12):
        return None  # (a quarter or a half is a reporting period: "Third-quarter sales")
    if ctx.news_told and clause_cue(ctx.text, start, end, ctx.lex) == "future":
        return None  # (a deadline in a past clause is the story's future: "In January, the
        # deadline was extended to February 18"; a text that has told no news has no
        # future of now: "A second ceasefire took hold on 25 October")
    if ctx.news_told and "\n\n" in ctx.text[ctx.story_end : start].strip():
        # a news story's background ends with its paragraph: "In 2010, 33 men were trapped
        # ... The following year, Congress passed a law. || Inspectors had visited the
        # mine in March"
        return None
    span = bounds(after_background(ctx, start) or ctx.story)
    if span is None:
        return None
    lo, hi = span
    sentence_end = ctx.text.find(". ", end)
    rest = ctx.text[start_of_sentence(ctx.text, start) : sentence_end if sentence_end > 0
                    else len(ctx.text)].lower()
    back = 1.0 if PAST_PERFECT.search(rest) or in_insertion(ctx.text, start, end) else _STORY_BACK
    if under_background(ctx, start):
        back = _BACKGROUND_BACK
    best: tuple[float, int] | None = None
    for y in range(lo.year - 1, hi.year + 2):
        reading = _reading(y, month, day, months)
        if reading is None:
            continue
        first, last = reading
        if first <= hi and last >= lo:
            cost = 0.0
        elif first > hi:
            cost = float((first - hi).days)
        else:
            cost = (lo - last).days * back
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1] if best else None


# Under a background heading a day before the story's costs next to nothing: the nearest
# reading back is taken before any ahead.
_BACKGROUND_BACK = 0.01


def story_year(ctx: Context) -> int | None:
    """The year "that year" points back to: the last date written with its year, when its
    sentence is still going on ("killed in 2023 ..., most of them in June and November of
    that year"), else the year the story has reached."""
    if ctx.told_from and "\n" not in ctx.text[ctx.told_from[2] : ctx.anchor_end + 1] and (
            ctx.told_from[1] >= start_of_sentence(ctx.text, ctx.anchor_end)):
        return int(ctx.told_from[0][:4])
    return int(ctx.anchor[:4]) if ctx.anchor and ctx.anchor[:4].isdigit() else None


def label_date(ctx: Context, at: int) -> date | None:
    """The day (or first day of the month or year) of the label that heads ``at``'s line."""
    if ctx.label is None or "\n" in ctx.text[ctx.label_at : at]:
        return None
    if ctx.label_day:
        return date.fromisoformat(ctx.label_day)
    y, month = ctx.label
    return date(y, month or 1, 1)
