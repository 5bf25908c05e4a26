"""Where the story has got to: after each expression is resolved, the anchors later ones are
read from (the last explicit date, the last day, the last date written with its year, the
label of a key-dates line, the reporting quarter) move on."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from ..context import Context, Resolved
from ..lexicon import get_lexicon
from ..sentences import is_label, opens_sentence, start_of_sentence, words_before
from ..values import bounds, precision
from .sections import mark_background

_NOT_REACHED = regex.compile(r"(?i)\bsince\s+(?:early\s+|late\s+|mid-?)?$"
                              r"|\b(?:not|no)\s+(?:before|after|earlier\s+than|later\s+than)\s+$")


# A year or month counted on or back from the story's time: "two years later", "a year
# earlier", "the following year".
_COUNTED_ON = regex.compile(r"(?i)\b(?:later|earlier|afterwards?|following|previous)\b")


# "had been displaced", "had fled": the past perfect of a narrative told from an old date.
PAST_PERFECT = regex.compile(r"\bhad\s+(?:not\s+|already\s+|also\s+)?(?:been|[a-z]+ed|[a-z]+en)\b")


def _flashback(ctx: Context, r: Resolved) -> bool:
    """Is ``r`` a day written with its year, before the time a history has reached, in a
    clause told in the past perfect? "The 1906 San Francisco earthquake struck on 18 April.
    The city had been damaged by an earthquake on 21 October 1868, but ... More than 50 fires
    broke out that morning": 18 April's morning; the story stays where it was. Not a date in
    the simple past ("In 1998, it bought a lender"), nor one in news."""
    if (r.relative or ctx.news_told or not ctx.story
            or precision(r.value) not in ("day", "time", "month")):
        return False
    story, span = bounds(ctx.story), bounds(r.value)
    if story is None or span is None or span[1] >= story[0]:
        return False
    return PAST_PERFECT.search(ctx.text, start_of_sentence(ctx.text, r.start), r.start) is not None


def follow(ctx: Context, r: Resolved) -> None:
    """Move the context's anchors on past ``r``: "She fled on Aug. 4. Two days later, ..."
    counts from Aug. 4; "Nov. 17: ..." heads the entries of a key-dates list below it."""
    if ctx.closed_year and r.start < ctx.closed_year[1]:
        ctx.closed_year = None  # a later date in the year's sentence: it dates no more
    if _flashback(ctx, r) or (not r.relative and _closing_relative(ctx.text, r.start, r.end)):
        return  # (a noun's own date: "the killing of Hariri, who died on February 14, 2005.")
    p = precision(r.value)
    dated = (r.explicit and r.type in ("DATE", "TIME") and p is not None
             and not r.extra.get("default_day"))
    # ("since June 24, when the building fell at 1:25 a.m.": a "since" date whose clause
    # tells its happening is the time the story has reached)
    reached = (not _NOT_REACHED.search(ctx.text, max(0, r.start - 20), r.start)
               or _WHEN_AFTER.match(ctx.text, r.end) is not None)
    if dated and not reached:
        # "since February. That month, ...": "that month" may point at a baseline
        ctx.baseline = (r.value, r.end)
    if dated and reached:
        # (a "since 1 November" is a baseline, "not before Thursday" a bound, not the
        # time the story has reached)
        ctx.anchor = r.value
        ctx.anchor_end = r.end
        if p in ("day", "time"):
            sentence = start_of_sentence(ctx.text, r.start)
            if ctx.first_day is None or ctx.first_day[1] != sentence:
                ctx.first_day = (r.value[:10], sentence)
            ctx.day_anchor = r.value
            ctx.lead_day = ctx.lead_day or r.value[:10]
        if not r.relative:  # its year is written: a narrative may be told from it
            ctx.told_from = (r.value, r.start, r.end)
    elif r.extra.get("told_day") and p in ("day", "time"):
        # "A second message arrived the next morning. Later that day, a U-2 was shot down":
        # a day counted from the story's day is the day it has reached
        ctx.anchor, ctx.anchor_end, ctx.day_anchor = r.value, r.end, r.value
    if r.relative and p in ("year", "month") and _COUNTED_ON.search(ctx.text, r.start, r.end):
        ctx.counted = (r.value, r.end)  # "The parliament first met two years later, ..."
    if r.extra.get("stamp"):
        ctx.stamp = (r.value, r.end)
    if p in ("day", "time", "month", "year") and is_label(ctx, r.start, r.end):
        ctx.label = (int(r.value[:4]), int(r.value[5:7]) if p != "year" else 0)
        ctx.label_at = r.start
        ctx.label_day = r.value[:10] if p in ("day", "time") else None
    _follow_story(ctx, r)
    if p == "quarter" and r.extra.get("reporting_quarter"):
        ctx.last_quarter = r.value
    elif r.extra.get("reporting_span"):
        # "In the first nine months, ... a year earlier": the comparison is no longer
        # with a quarter
        ctx.last_quarter = None


# A date that ends this long before the DCT is of another time than the news.
STORY_DAYS = 180
# The precisions a story can be told at: not a decade or a century (too coarse to give a
# year), nor a reporting quarter or half ("In the year-earlier third quarter, the bank had
# net income of $2.8 million" compares, it tells no time).
_STORY_PRECISIONS = ("day", "time", "week", "month", "season", "year")
# Words before a date that make it part of a noun, not the time its clause tells of: "the
# crash of Oct. 19, 1987", "the 2014 election", "since 1998" (a baseline).
_NOT_TOLD_BEFORE = ("of", "the", "since", "'s", "’s")
# A clause set off by commas that describes a noun: ", passed in 2018,", ", who joined the
# company in 1985,", ", first signed in July,".
_INSERTION_OPENS = regex.compile(
    r",\s+(?:(?:who|which|whose|first|then|since|once|later|originally)\s+|[a-z]+(?:ed|en)\s+)"
    r"[^,.;:()]*$")


def _in_brackets(text: str, sentence: int, at: int) -> bool:
    """Is ``at`` inside brackets opened in its sentence?"""
    return text.rfind("(", sentence, at) > text.rfind(")", sentence, at)


_INSERTION_CLOSES = regex.compile(r"\s*[^,.;:()]{0,30},")


# An adverb opening a clause after a comma, and the verb after it: "The law, first signed in
# July, ..." (an insertion) or "Its sister ship, the Graf Zeppelin II, first flew the
# following year, on 14 September" (the sentence's own verb).
_ADVERB_VERB = regex.compile(r",\s+(?:first|then|once|later|originally)\s+([a-z]+)")


def in_insertion(text: str, start: int, end: int) -> bool:
    """Is the date at start..end inside a clause set off by commas that describes a noun
    ("The law, passed in 2018, was repealed")? Not a clause whose verb after "first" or
    "then" is a past form no participle shares ("first flew", "then began"): it is the
    sentence's own, after an apposition."""
    if not _INSERTION_CLOSES.match(text, end, end + 40):
        return False
    m = _INSERTION_OPENS.search(text, max(0, start - 80), start)
    if m is None:
        return False
    verb = _ADVERB_VERB.match(m.group(0))
    return not (verb and verb.group(1) in get_lexicon().sets.past_not_participle)


_RELATIVE_OPENS = regex.compile(r",\s+(?:who|which|whose)\s+[^,.;:()]*(?:,[^,.;:()]*)?$")
_CLOSES_SENTENCE = regex.compile(r"\s*[.;!?](?:\s|$)")


def _closing_relative(text: str, start: int, end: int) -> bool:
    """Is the date at start..end in a relative clause that describes a noun and closes its
    sentence? "... the killing of Rafik Hariri, who died in a truck bombing on February 14,
    2005. The court said later that day ..." tells the man, not the time the story reached;
    "Hariri died in a truck bombing on February 14, 2005." does."""
    return bool(_CLOSES_SENTENCE.match(text, end)
                and _RELATIVE_OPENS.search(text, max(0, start - 100), start))


# Words of an expression counted from the news time (not "the next day", "the past decade").
_COUNTED_FROM_NOW = regex.compile(
    r"(?i)(?<!\bthe\s)\b(?:last|this|next|past|coming)\b|\b(?:ago|yesterday|today|tomorrow"
    r"|tonight|overnight|latest|current)\b")


_SINCE = regex.compile(r"(?i)\bsince\s+(?:early\s+|late\s+|mid-?)?$")
_WHEN_AFTER = regex.compile(r"\s*,\s*when\b")


def _since_told(ctx: Context, r: Resolved) -> bool:
    """Is a "since" date the time of a happening the text tells, not a baseline? "since May
    2017, when the WannaCry virus spread" (its clause describes it) and "its first eruption
    since 1984. That eruption began ..." (the last such eruption, told on by the next
    sentence) are; "has led the firm since 2010" and "the worst loss since 2008. In March,
    ..." are not."""
    if not _SINCE.search(ctx.text, max(0, r.start - 20), r.start):
        return False
    if _WHEN_AFTER.match(ctx.text, r.end):
        return True
    sentence = start_of_sentence(ctx.text, r.start)
    words = regex.findall(r"[a-z]+", ctx.text[sentence : r.start].lower())[-8:-1]
    return (bool(ctx.lex.sets.since_superlatives.intersection(words))
            and _THAT_NEXT.match(ctx.text, r.end) is not None)


# The date closes its sentence and the next one opens on the happening it dated: "... since
# 1984. That eruption began".
_THAT_NEXT = regex.compile(r"[^.;!?]{0,40}[.!?][\"”’]?\s+(?:That|Those|The\s+last|Then)\b")


_SENTENCE_CLOSE = regex.compile(r"[.;](?:\s|$)")
# A year that closes its sentence, or whose sentence ends on a restrictive relative clause
# describing what happened in it ("battered by four storms in 2008 that killed 800 people.").
_YEAR_CLOSES = regex.compile(r"(?:\s+(?:that|which|who)\s[^,.;:!?()]*)?([.;])(?:\s|$)")


def _closes_past(ctx: Context, r: Resolved) -> bool:
    """Is ``r``, written with its year, the time that closes a past sentence whose happening
    the next one tells on ("The volcano last erupted in December 2014. That eruption lasted
    until late January")? Not "The bank collapsed in 2008. In March, its chief resigned"."""
    return (not r.relative and _SENTENCE_CLOSE.match(ctx.text, r.end) is not None
            and _THAT_NEXT.match(ctx.text, r.end) is not None
            and ctx.tense(r.start, r.end) == "past")


# The stretch of a clause before a date: back to the last comma, semicolon or sentence end
# (not the point or comma of a number: "48.9 percent", "5,000 votes").
_CLAUSE_BEFORE = regex.compile(r"(?:[^,;.!?]|[.,](?=\d)){0,80}$")


# "more than" before a count is a quantity, no comparison's base: "killed more than 6,300
# people in 2013" tells 2013.
_COUNT_THAN = regex.compile(r"\b(?:more|less|fewer)\s+than\s+[$€£]?\d[\d,.]*")


def _compared_with(ctx: Context, start: int) -> bool:
    """Is the date at ``start`` in a comparison's base? "Women hold 53.2 percent, up from
    48.9 percent after the vote in 2013." compares with 2013, it tells no time there; "The
    assembly was elected in 2013." does."""
    m = _CLAUSE_BEFORE.search(ctx.text, max(0, start - 80), start)
    raw = _COUNT_THAN.sub(" ", m.group(0).lower()) if m else ""
    clause = " ".join(regex.findall(r"[a-z]+", raw))
    return any(regex.search(rf"(?:^|\s){base}(?:\s|$)", clause)
               for base in ctx.lex.sets.comparison_bases)


# Words before a date that make it the end of a span the sentence tells ("until 21 August").
_SPAN_END_BEFORE = ("until", "till", "to", "through", "and", "-", "–")


def _told_on(ctx: Context, r: Resolved, span: tuple[date, date]) -> bool:
    """Does a date without its year, later than the story's in the same sentence, tell the
    next happening, so that the story reaches it? "The shah left Iran in January 1979, and
    Khomeini returned on 1 February. In late October, ..." is October 1979 ("launched on 31
    May 1911, and that autumn its sister ship was damaged" the autumn); "After Stalin
    died in March 1953, Nagy became prime minister, but he was forced out two years later,
    in April" is April 1955. Not the end of
    a span ("began on 5 January 1968 ... and continued until 21 August", "between 22 and 24
    October") nor a date written with its year ("began on 30 November 1939 and ended on 13
    March 1940" tells what follows from its start)."""
    story = bounds(ctx.story) if ctx.story else None
    before = words_before(ctx, r.start, 1)
    span_end = bool(before) and before[-1] in _SPAN_END_BEFORE and (
        # ("and" ends a span only after "between": "between 22 and 24 October")
        before[-1] != "and" or regex.search(r"(?i)\bbetween\b", ctx.text[
            start_of_sentence(ctx.text, r.start) : r.start]) is not None)
    return (r.relative and story is not None and span[0] > story[1]
            and precision(r.value) in ("day", "time", "month", "season", "year")
            and not span_end)


def _names_history(ctx: Context, r: Resolved, before: str) -> bool:
    """Does a year naming a noun in a text's first sentence name the history the text tells?
    "The Hungarian Revolution of 1956 was a nationwide revolt. ... It lasted from 23 October
    until 10 November." is told from 1956; not a year before its noun ("The 2016 election
    was the closest in years. Voters go to the polls again on 10 November" is news), a
    noun's year later on ("the crash of 1987" after the news began) nor a day ("the crash
    of Oct. 19, 1987" opening news). A year before its noun names the history when the
    sentence tells its day without a year ("The 1906 San Francisco earthquake struck at
    5:12 a.m. on 18 April")."""
    sentence = start_of_sentence(ctx.text, r.start)
    if (r.relative or precision(r.value) != "year" or ctx.news_told or ctx.story is not None
            or ctx.text[:sentence].strip()):
        return False
    if before == "of":
        return True
    # "The 1906 San Francisco earthquake struck ... at 5:12 a.m. on 18 April": a year opening
    # the text's name of its subject, whose day the sentence tells without a year
    end = _SENTENCE_END.search(ctx.text, r.end)
    rest = ctx.text[r.end : end.start() if end else len(ctx.text)]
    return (before == "the" and not ctx.text[:r.start].strip().lower().rstrip("the").strip()
            and any(w.lower() in ctx.lex.months and not _YEAR_AFTER.match(rest, m.end())
                    for m in _DAY_MONTH.finditer(rest) for w in m.groups() if w))


# A day and its month in either order ("18 April", "April 18"), and a year written after it.
_DAY_MONTH = regex.compile(r"\b\d{1,2}\s+([A-Z][a-z]+)\b|\b([A-Z][a-z]+)\.?\s+\d{1,2}\b(?!\d)")
_YEAR_AFTER = regex.compile(r",?\s+\d{4}\b")
_SENTENCE_END = regex.compile(r"[.!?](?=\s+[A-Z]|\s*$)")


def _follow_story(ctx: Context, r: Resolved) -> None:
    """Move the story the text tells on past ``r``, or bring it back to the news.

    "In 1998, it bought a Florida lender. In August, when Russia defaulted, ...": a past
    date told as the time of its clause takes the story to another time, and dates without
    their year follow it (``anchoring.years``) until the text speaks of the news time again
    ("Earlier this month, the auditor ..."). A text that has told nothing of the news time
    yet (a history: "The Falklands War was fought in 1982.") is told from its first such
    date; after news, a date takes the story back only when it opens its sentence ("In
    2020, she became a minister.") or is a day written with its year ("on 30 November
    1939"). Within one sentence the story stays at its first date: "It began on 30 November
    1939 and ended on 13 March 1940." tells what follows from the start."""
    if r.type not in ("DATE", "TIME") or r.extra.get("day_after"):
        return  # ("at dawn on 4 November": the day after it tells the time)
    if r.value in ("PRESENT_REF", "FUTURE_REF"):
        ctx.story, ctx.news_told = None, True
        return
    span = bounds(r.value)
    if span is None:
        return
    phrase = ctx.text[r.start : r.end]
    _note_last_year(ctx, r, phrase)
    if span[1] > ctx.dct - timedelta(days=STORY_DAYS):
        # a date of the news time: "yesterday", "on Monday", "on 3 March 2025", "the latest
        # fiscal year" tell the news; a month or day without its year read as the DCT's
        # ("will sell them by June") brings the story back without telling that the text
        # is news ("the coup of 13 May" opening a history)
        if not ctx.news_told and (_COUNTED_FROM_NOW.search(phrase) or not (
                r.relative and any(w in ctx.lex.months
                                   for w in phrase.lower().replace(".", " ").split()))):
            ctx.news_told = True
        ctx.story = None
        return
    if _COUNTED_FROM_NOW.search(phrase):
        ctx.story, ctx.news_told = None, True  # "last year", "two years ago", however far back
        return
    p = precision(r.value)
    told_since = _since_told(ctx, r)
    if p not in _STORY_PRECISIONS or (not told_since and _NOT_REACHED.search(
            ctx.text, max(0, r.start - 20), r.start)):
        return
    before = words_before(ctx, r.start, 1)
    if ((before and before[-1] in _NOT_TOLD_BEFORE and not told_since
         and not _names_history(ctx, r, before[-1]))
            or ctx.text.startswith(("'s", "’s"), r.end)):
        return
    if in_insertion(ctx.text, r.start, r.end):
        return  # "The law, passed in 2018, was repealed": the noun's past, not the story's
    if _compared_with(ctx, r.start):
        return  # "up from 48.9 percent after the vote in 2013": a base, no time told
    sentence = start_of_sentence(ctx.text, r.start)
    if ctx.story is not None and sentence == ctx.story_sentence:
        if _told_on(ctx, r, span):
            ctx.story, ctx.story_end = r.value, r.end
        return  # "from 30 November 1939 to 13 March 1940", "began on 5 January 1968 ... and
        # continued until 21 August": told from its start
    if ctx.news_told and _in_brackets(ctx.text, sentence, r.start):
        return  # a caption's aside in news: "Putin (on July 4, 2019, in Rome)"
    if ctx.story is None and ctx.news_told and not (
            opens_sentence(ctx.text, r.start) or told_since
            or (p in ("day", "time") and not r.relative) or _closes_past(ctx, r)):
        closes = _YEAR_CLOSES.match(ctx.text, r.end)
        if (p == "year" and not r.relative and closes
                and ctx.tense(r.start, r.end) == "past"):
            # "The accord was signed in 2016.", "four storms in 2008 that killed 800 people."
            ctx.closed_year = (r.value, closes.start(1))
        return  # "The company, founded in 1921, said on Monday ..."
    mark_background(ctx, r.start)
    ctx.story, ctx.story_sentence, ctx.story_end = r.value, sentence, r.end


def _note_last_year(ctx: Context, r: Resolved, phrase: str) -> None:
    """A past year counted from now dates its sentence: "The collapse last year killed 1,134
    people, most of them young women. Large cracks had appeared on April 23" steps back into
    that year (``years._closed_year``), unless a later date of the sentence dates it."""
    if (precision(r.value) == "year" and _COUNTED_FROM_NOW.search(phrase)
            and r.value[:4].isdigit() and int(r.value[:4]) < ctx.dct.year
            and ctx.tense(r.start, r.end) == "past"):
        end = _SENTENCE_END.search(ctx.text, r.end)
        ctx.closed_year = (r.value, end.start() if end else len(ctx.text))
