"""Which dates a sentence tells: its date mentions, one group per date, less the dates that
are no happening of their own.

Two phrases of one date join ("last Thursday (November 18)", "Two days later, on Sept.
20"), and so do the two ends of a range ("Nov. 15-18", one mention valued
``2023-11-15/2023-11-18``). Left out: the day something was said beside the day of what was
said ("drones struck overnight, officials said on Wednesday"), the year a record is measured
from ("the worst flooding since 1957") or a comparison against ("halved compared with last
year", "at last year's levels"), a count that reaches a day the sentence writes out
("Six weeks later, ... signed a truce on Nov. 10") and a question's dates ("Did the envoy
meet the rebels on Saturday?", "'Where were you on Monday?' the judge asked."). Added: the
clause a length is counted back to ("left on May 19, two days after Parliament voted ...":
the vote, May 17).
The words these rules read are in data/events.yaml (``range``, ``reporting_date_verbs``,
``record_since``, ``comparison``, ``questions``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from ..ruledata import rule_data
from ..temporal import Timex
from ..temporal.lexicon import get_lexicon
from ..temporal.tense import is_past_form
from ..temporal.values import bounds, interval, precision


@dataclass(frozen=True)
class _Rules:
    reporting_verbs: frozenset[str]
    record_words: frozenset[str]
    record_window: int
    superlative_suffix: str
    superlative_min: int
    determiners: frozenset[str]
    not_superlatives: frozenset[str]
    range_dashes: frozenset[str]
    range_openers: dict[str, frozenset[str]]
    change_verbs: frozenset[str]
    comparison_from: re.Pattern[str]
    compared_with: re.Pattern[str]
    compared_than: re.Pattern[str]
    compared_from: re.Pattern[str]
    counted_back: re.Pattern[str]
    before_levels: re.Pattern[str]
    question_verbs: frozenset[str]
    question_clause_words: frozenset[str]


@cache
def _rules() -> _Rules:
    data = rule_data("events", "events.yaml")
    compared = data["comparison"]
    amount, between = compared["amount"], compared["between"]
    return _Rules(
        reporting_verbs=frozenset(data["reporting_date_verbs"]),
        record_words=frozenset(data["record_since"]["words"]),
        record_window=int(data["record_since"]["window"]),
        superlative_suffix=data["record_since"]["superlative"]["suffix"],
        superlative_min=int(data["record_since"]["superlative"]["min_letters"]),
        determiners=frozenset(data["record_since"]["superlative"]["determiners"]),
        not_superlatives=frozenset(data["record_since"]["superlative"]["not_superlatives"]),
        range_dashes=frozenset(data["range"]["dashes"]),
        range_openers={k: frozenset(v) for k, v in data["range"]["openers"].items()},
        change_verbs=frozenset(data["range"]["change_verbs"]),
        comparison_from=re.compile("|".join(data["comparison_from"]), re.IGNORECASE),
        compared_with=re.compile(
            rf"\b(?:{'|'.join(compared['against'])})\s+(?:{amount})?{between}$", re.I),
        compared_than=re.compile(
            "".join(rf"(?<!\b{re.escape(w)}\s)" for w in compared["not_than_after"])
            + rf"\bthan\s+{between}$", re.I),
        compared_from=re.compile(rf"\bfrom\s+(?:{amount})?{between}$", re.I),
        counted_back=re.compile(compared["counted_back"], re.I),
        before_levels=re.compile(
            rf"(?:['’]s)?\s+(?:{'|'.join(map(re.escape, compared['levels']))})\b", re.I),
        question_verbs=frozenset(data["questions"]["attribution_verbs"]),
        question_clause_words=frozenset(data["questions"]["clause_words"]),
    )


# A date counted from another ("Six weeks later", "two days earlier", "a year ago").
# "after"/"before" count only after a length ("four days after"): "shortly after 23:00 on
# Tuesday" is a clock time.
_COUNTED = re.compile(
    r"\b(?:later|earlier|afterwards|ago)\b"
    r"|\b(?:days?|weeks?|months?|years?|hours?|minutes?)\s+(?:after|before)\b",
    re.IGNORECASE,
)

# What may stand between two phrases of one date ("last Thursday (November 18)"): brackets,
# commas, dashes, and one short aside such as a time-zone conversion ("10:35 a.m. (0735 GMT)
# Friday").
_APPOSITION_GAP = re.compile(
    r"[\s(),\[\]—–-]*(?:\([^()\n]{1,20}\)[\s,—–-]*)?(?:(?<=,\s)(?:on|in|at)\s+)?"
)


def group(body: str, sentence_start: int, mentions: list[Timex]) -> list[list[Timex]]:
    """One group per distinct date in a sentence; appositive repeats join their phrase, and
    the two ends of a range become one mention of the range."""
    groups: list[list[Timex]] = []
    for mention in mentions:
        previous = groups[-1][-1] if groups else None
        if previous and len(groups[-1]) == 1 and _is_range(body, previous, mention,
                                                           sentence_start):
            groups[-1] = [_range_mention(body, previous, mention)]
            continue
        if previous and _APPOSITION_GAP.fullmatch(body[previous.end : mention.start]) and (
                not ENDS_IN_COUNT.search(mention.phrase)):  # not "two days after <clause>"
            if _COUNTED.search(previous.phrase) and not _COUNTED.search(mention.phrase):
                # "Two weeks later, on Oct. 30, 2020": the written day fixes the count
                groups[-1][-1] = replace(previous, value=mention.value)
            groups[-1].append(mention)
            continue
        if previous and _is_time_of(previous, mention) and _AT_GAP.fullmatch(
                body[previous.end : mention.start]):
            groups[-1].append(mention)  # "on Wednesday 11 March at 4.30am": one moment
            continue
        same = next((g for g in groups if g[0].value == mention.value), None)
        if same is None:
            groups.append([mention])
    return groups


_WORD = re.compile(r"[A-Za-z]+")
_AT_GAP = re.compile(r",?\s+(?:at|around|about|shortly\s+(?:after|before))\s+")


def _is_time_of(day: Timex, time: Timex) -> bool:
    """Is ``time`` a clock time on the day ``day`` names?"""
    return precision(day.value) == "day" and precision(time.value) == "time" and (
        time.value[:10] == day.value[:10])


def told(body: str, sentence_start: int, sentence_end: int,
         groups: list[list[Timex]]) -> Iterator[list[Timex]]:
    """The groups that date a happening of their own."""
    asked = asking_spans(body, sentence_start, sentence_end) if groups else []
    # First what dates nothing at all: a question asserts nothing, a record's since-date and
    # a comparison's point are measures. Then, of what is left, the day something was said
    # beside the day of what was said ("has risen to 87, officials said Monday, up from 61 a
    # week earlier": the count back is a comparison, so Monday dates the news).
    kept = [each for each in groups
            if not any(start <= each[0].start and each[-1].end <= end for start, end in asked)
            and not _record_since(body, sentence_start, each, groups)
            and not _compared_from(body, sentence_start, each)]
    kept = [each for each in kept if not _period_as_name(body, each, kept)]
    saying = [_reporting_date(body, sentence_start, sentence_end, g) for g in kept]
    for each, said in zip(kept, saying, strict=True):
        if said and _says_what_happened(body, each, kept, saying):
            continue
        if _counted_to_a_written_day(each, kept):
            continue
        yield each


# A "?" that closes the text, or a quotation ("?\"", "?''", "?’"); brackets may follow.
_QUESTION_MARK = re.compile(r"\?(?P<quote>''|[\"”’'])?")
_TRAILING = re.compile(r"[\s)\]]*")
# Marks that open a quotation, by the kind of mark that closes it.
_DOUBLE_OPENERS = ("``", '"', "“")
_SINGLE_OPENER = re.compile(r"(?:^|(?<=[\s(\[]))['‘]")
# A sentence end inside a quotation: what follows it is a sentence of its own.
_INNER_END = re.compile(r"[.!?]+\s+")


def asking_spans(body: str, sentence_start: int, sentence_end: int) -> list[tuple[int, int]]:
    """The parts of a sentence that ask rather than tell, as offsets into ``body``: all of it
    when it is the writer's question or a quoted question with only its attribution; else
    each quoted question ("'... on Monday?' the judge asked, before ...": the quote)."""
    text = body[sentence_start:sentence_end]
    quoted: list[tuple[int, int]] = []  # the questions
    filled = True  # each quotation is one question (none opens with a statement)
    for mark in _QUESTION_MARK.finditer(text):
        if not mark["quote"]:
            if _TRAILING.fullmatch(text, mark.end()):
                return [(sentence_start, sentence_end)]  # the writer's question
            continue
        opener = _quote_opener(text, mark.start(), mark["quote"])
        if opener is None:
            continue
        inner = list(_INNER_END.finditer(text, opener, mark.start()))
        quoted.append((inner[-1].end() if inner else opener, mark.end()))
        filled = filled and not inner
    if quoted and filled and _only_attribution(text, quoted):
        return [(sentence_start, sentence_end)]
    return [(sentence_start + a, sentence_start + b) for a, b in quoted]


def _quote_opener(text: str, question: int, closer: str) -> int | None:
    """Where the quotation that a mark after ``question`` closes opens, or None."""
    if closer in ("''", '"', "”"):
        found = max(text.rfind(o, 0, question) for o in _DOUBLE_OPENERS)
        return found if found >= 0 else None
    openers = list(_SINGLE_OPENER.finditer(text, 0, question))
    return openers[-1].start() if openers else None


def _only_attribution(text: str, spans: list[tuple[int, int]]) -> bool:
    """Is the text outside the quoted questions just who asked ("the judge asked", "asked
    one diplomat on Tuesday"), with no clause of its own?"""
    rest = text
    for start, end in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    words = _WORD.findall(rest)
    rules = _rules()
    lower = [w.lower() for w in words if w.islower()]
    if not rules.question_verbs & set(lower):
        return False
    lex = get_lexicon()
    return not any(
        w in rules.question_clause_words or w not in rules.question_verbs and is_past_form(w, lex)
        for w in lower)


# "Six weeks later" comes out at a day; within this many days of a day the sentence writes
# out, both name that day.
_COUNTED_SLACK_DAYS = 7


def _counted_to_a_written_day(counted: list[Timex], groups: list[list[Timex]]) -> bool:
    """Is the date counted from another ("Six weeks later") while the sentence writes out the
    day it reaches after it ("... signed a truce on Nov. 10")? The written day dates the
    happening; the count is its approximation, not a second happening. A day written before
    the count is what it counts from ("began on Sept. 8 and broke down four days later")."""
    main = explicit(counted)
    here = bounds(main.value)
    if not _COUNTED.search(main.phrase) or precision(main.value) not in _DAYS or here is None:
        return False
    for other in groups:
        written = explicit(other)
        span = bounds(written.value)
        if (other is counted or span is None or precision(written.value) not in _DAYS
                or written.start < main.start):
            continue
        if not _COUNTED.search(written.phrase) and abs((span[0] - here[0]).days) <= (
                _COUNTED_SLACK_DAYS):
            return True
    return False


_DAYS = ("day", "time")


def _reporting_date(body: str, sentence_start: int, sentence_end: int,
                    group: list[Timex]) -> bool:
    """Is the date the day something was said ("officials said on Wednesday", "told reporters
    Wednesday", "on Wednesday said")?"""
    verbs = _rules().reporting_verbs
    before = [w.lower() for w in _WORD.findall(body[sentence_start : group[0].start])[-3:]]
    if before[-1:] == ["on"]:
        before.pop()
    after = _WORD.findall(body[group[-1].end : sentence_end])[:1]
    return bool(
        before[-1:] and before[-1] in verbs
        or before[-2:-1] == ["told"]
        or after and after[0].lower() in verbs and not body[group[-1].end:].startswith(",")
    )


def _says_what_happened(body: str, said: list[Timex], groups: list[list[Timex]],
                        saying: list[bool]) -> bool:
    """Does another date of the sentence date what was said, a day or days before it was
    said ("arrived over the weekend, officials said Monday")? Not a coarser date, nor a later
    one: in "arrested in connection with the bombings last year, police said today" or
    "officials said Monday they will order ..." the saying is the news."""
    day = bounds(explicit(said).value)
    if day is None:
        return False
    for group, other_said in zip(groups, saying, strict=True):
        span = bounds(explicit(group).value)
        if other_said or span is None or precision(explicit(group).value) not in _FINE:
            continue
        if _ATTRIBUTIVE_AFTER.match(body, group[-1].end) or _ATTRIBUTIVE_BEFORE.search(
                body, max(0, group[0].start - 5), group[0].start):
            continue  # "in probing last Friday's bombings", "the Aug. 7 bombing": a noun's date
        between = body[min(group[-1].end, said[-1].end) : max(group[0].start, said[0].start)]
        if _OTHER_CLAUSE.search(between) or (
                group[0].start > said[-1].end and _CLAUSE_BESIDE.search(between)):
            continue  # "Rebels seized the town on Saturday, and the army said on Monday ..."
        if 0 <= (day[0] - span[1]).days <= _REPORTED_WITHIN_DAYS:
            return True
    return False


# A clause of its own between the saying and the other date: not what was said.
_OTHER_CLAUSE = re.compile(r";|,\s+(?:and|but|while)\s")
# ... nor a participle or relative clause after the saying that holds the other date ("said on
# Wednesday that she would quit, ending a feud that began last Thursday").
_CLAUSE_BESIDE = re.compile(r",\s+[a-z]+ing\s|\b(?:which|who|whose)\s")
_ATTRIBUTIVE_AFTER = re.compile(r"['’]s\b")
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|an?)\s+$", re.IGNORECASE)
# A report dates what it tells when it tells it within this many days.
_REPORTED_WITHIN_DAYS = 7
_FINE = ("day", "time", "weekend")


def _record_since(body: str, sentence_start: int, group: list[Timex],
                  groups: list[list[Timex]]) -> bool:
    """Is the date the one a record is measured from ("the worst flooding since 1957")? Its
    sentence then tells what happened now, not then."""
    head = body[sentence_start : group[0].start]
    # "since 1957", "since independence from France in 1960": the date ends a since-phrase
    since = _LAST_SINCE.search(head)
    if since is None or "," in since["rest"] or len(_WORD.findall(since["rest"])) >= (
            _SINCE_PHRASE_WORDS):
        return False
    if any(sentence_start + since.start() < g[0].start < group[0].start for g in groups):
        return False  # "its wettest day since 2014 on Friday": the phrase ended at 2014
    if _WHEN_AFTER.match(body, group[-1].end):
        return False  # "since early December, when Castro promised ...": that is an event
    words = [w.lower() for w in _WORD.findall(since["rest"])]
    if any(is_past_form(w, get_lexicon()) for w in words) and not {"records", "record"} & set(
            words):
        # "since Lehman Brothers collapsed in 2008": the clause tells an event (but "since
        # records began in 1961" is the baseline itself)
        return False
    rules = _rules()
    window = _WORD.findall(head[: since.start()])[-rules.record_window :]
    return any(word.lower() in rules.record_words for word in window) or _superlative(
        head[: since.start()])


# A word with its possessive ending ("region's"), so that the ending can be seen.
_TOKEN = re.compile(r"[A-Za-z]+(?:['’]s\b)?")
# Words that may stand between a determiner and its superlative ("the second-busiest").
_SUPERLATIVE_LEAD = 2


def _superlative(text: str) -> bool:
    """Do the last words of ``text`` hold a superlative after its determiner ("the busiest
    week", "its widest", "Europe's wettest")? "the unrest" and "under arrest" are none."""
    rules = _rules()
    tokens = _TOKEN.findall(text)[-(rules.record_window + _SUPERLATIVE_LEAD + 1) :]
    for i, token in enumerate(tokens):
        word = token.lower()
        if (i < len(tokens) - rules.record_window or len(word) < rules.superlative_min
                or not word.endswith(rules.superlative_suffix)
                or word in rules.not_superlatives):
            continue
        lead = [t.lower() for t in tokens[max(0, i - _SUPERLATIVE_LEAD - 1) : i]]
        if any(t in rules.determiners or t.endswith(("'s", "’s")) for t in lead):
            return True
    return False


# "the 2026 budget", "its 2025 accounts", "the fall semester": a period before a noun after a
# determiner (or in a compound: "third-quarter results")
_NAMING_YEAR = re.compile(r"(?i)\b(?:the|its|their|his|her|this|next|a)\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")
# "the hottest July day on record", "the current July record": a month a record is kept for
_RECORD_BEFORE = re.compile(r"(?i)\b(?:[a-z]{3,}est|current|previous|average|normal)\s+$")
_NAMED_PERIODS = ("year", "quarter", "half", "season")


def _period_as_name(body: str, group: list[Timex], groups: list[list[Timex]]) -> bool:
    """Does a period only name a thing ("Espinoza is due to present the 2026 budget by Nov.
    30", "due to report third-quarter results on Nov. 10") in a sentence that dates its
    happening otherwise, more finely, or name the month a record is kept for ("the hottest
    July day on record")? Alone ("the 2014 election was disputed"), a year is the time."""
    if len(group) != 1:
        return False
    mention, kind = group[0], precision(group[0].value)
    if not _NOUN_AFTER.match(body, mention.end):
        return False
    if kind == "month" and _RECORD_BEFORE.search(body, max(0, mention.start - 16),
                                                 mention.start):
        return True
    if kind not in _NAMED_PERIODS or not (
            "-" in mention.phrase or mention.phrase.lower().startswith("the ")
            or _NAMING_YEAR.search(body, max(0, mention.start - 8), mention.start)):
        return False
    finer = ("year", "decade", "century") if kind == "year" else (*_NAMED_PERIODS, "decade",
                                                                  "century")
    return any(g is not group and precision(g[0].value) not in finer for g in groups)


def _compared_from(body: str, sentence_start: int, group: list[Timex]) -> bool:
    """Is the date the one a change or a comparison is measured from ("crossings rose 40%
    from a year earlier", "have halved compared with last year", "than in the whole of 2023",
    "at last year's levels")? The sentence tells the present, not then."""
    if _WHEN_AFTER.match(body, group[-1].end):
        return False  # "than in 2014, when the war began": that is an event
    rules = _rules()
    start, end = max(sentence_start, group[0].start - 80), group[0].start
    if any(p.search(body, start, end) for p in (
            rules.comparison_from, rules.compared_with, rules.compared_than)):
        return True
    since_from = rules.compared_from.search(body, start, end)
    if since_from and ("same" in since_from.group().lower() or any(
            rules.counted_back.search(m.phrase) for m in group)):
        return True  # "from 8,000 a year earlier", "from the same month last year"
    return bool(rules.before_levels.match(body, group[-1].end))


# A when-clause after a date tells what happened then.
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b")
# The last "since" of a text, and what follows it.
_LAST_SINCE = re.compile(r"\bsince\b(?P<rest>(?:(?!\bsince\b).)*)$", re.IGNORECASE | re.S)
# Words a since-phrase may hold before its date ("since independence from France in").
_SINCE_PHRASE_WORDS = 5


_RANGE_KINDS = ("time", "day", "month", "year")


def _is_range(body: str, first: Timex, last: Timex, sentence_start: int) -> bool:
    """Are two adjacent dates the ends of one range ("Nov. 15-18", "from 20 to 22 March",
    "between March and May"), not two dates or a date that moved ("postponed from Monday
    to Thursday")? Rule words are in events.yaml."""
    value = _range_value(first, last)
    if interval(value) is None or precision(value) not in _RANGE_KINDS:
        return False  # not one precision, or not in order
    rules = _rules()
    gap = body[first.end : last.start].strip()
    if gap in rules.range_dashes:
        return True
    before = _WORD.findall(body[sentence_start : first.start])
    opener = before[-1].lower() if before else ""
    bare = first.phrase.strip().isdigit() or last.phrase.strip().isdigit()
    # "13 and 14 March", "March 13 and 14": two days next to each other are one span; two
    # days further apart are two dates ("on March 6 and 9")
    consecutive = gap.lower() != "and" or _next_day(first.value, last.value)
    shared_month = bare and consecutive and gap.lower() in ("to", "and", "until")
    if not shared_month and gap.lower() not in rules.range_openers.get(opener, ()):
        # ("the night of 6 to 7 January": a bare day before the month written once is a
        # range's start whatever opens it)
        return False
    return not any(word.lower() in rules.change_verbs for word in before)


def _next_day(first: str, last: str) -> bool:
    """Is ``last`` the day after ``first`` (both ISO days)?"""
    a, b = bounds(first), bounds(last)
    return bool(a and b and precision(first) == precision(last) == "day"
                and (b[0] - a[0]).days == 1)


def _range_mention(body: str, first: Timex, last: Timex) -> Timex:
    """One mention for a range: its phrase from the first end to the last, its value the
    ISO 8601 interval of the two (``temporal.values.interval``)."""
    return Timex(first.start, last.end, body[first.start : last.end], "DATE",
                 _range_value(first, last), None, first.note or last.note)


_PART_OF_DAY = re.compile(r"(\d{4}-\d\d-\d\d)T(?:MO|AF|EV|NI|DT)")


def _range_value(first: Timex, last: Timex) -> str:
    """The interval of two ends; a part of the day beside a day is its day ("between Friday
    night and Sunday": the Friday to the Sunday)."""
    a, b = first.value, last.value
    if precision(a) != precision(b):
        a, b = (_PART_OF_DAY.sub(r"\1", v) for v in (a, b))
    return f"{a}/{b}"


def explicit(group: list[Timex]) -> Timex:
    """Of a relative phrase and an explicit date beside it, the finer, later-written wins."""
    return max(group, key=lambda m: (len(m.value), group.index(m)))




# The phrase of such a mention ends in "after"/"before" ("two days after"): the headline
# writer and the grouping below tell it by that.
ENDS_IN_COUNT = re.compile(r"\s(?:after|before)$")
# "two days after the Iranian Parliament voted ...": a length, "after"/"before", a clause.
_COUNT_TO_CLAUSE = re.compile(r"\s+(after|before)\s+")
_APPOSED = re.compile(r"\s*,\s*(?:just\s+|only\s+|some\s+|about\s+)?")
_LENGTH = re.compile(r"P(\d+)([DWY])")


def counted_clauses(body: str, lengths: list[Timex], dated: list[Timex]) -> list[Timex]:
    """Dates of the clauses a length counts back (or on) to from the date set beside it: in
    "The inspectors left Iran on May 19, two days after the Iranian Parliament voted to
    suspend cooperation" the vote was on May 17; "on Friday, a day after peace talks
    collapsed" dates the collapse. Each is a mention over "two days after", whose headline is
    the clause that follows. Only days and weeks from a day, years from any date, and only
    where a verb follows (not "three days after the attack": the attack is no clause)."""
    lex = get_lexicon()
    found: list[Timex] = []
    for length in lengths:
        unit = _LENGTH.fullmatch(length.value)
        joint = _COUNT_TO_CLAUSE.match(body, length.end)
        anchor = next((d for d in reversed(dated) if d.end <= length.start), None)
        if not unit or not joint or anchor is None:
            continue
        if not _APPOSED.fullmatch(body, anchor.end, length.start):
            continue
        clause = re.split(r"[,;.]", body[joint.end() : joint.end() + 200], maxsplit=1)[0]
        if not any(is_past_form(w.lower(), lex) for w in _WORD.findall(clause)[1:6]):
            continue
        value = _counted(anchor.value, int(unit.group(1)), unit.group(2),
                         -1 if joint.group(1) == "after" else 1)
        if value:
            found.append(Timex(length.start, joint.end(1), body[length.start : joint.end(1)],
                               "DATE", value, None, ""))
    return found


def _counted(value: str, n: int, unit: str, sign: int) -> str | None:
    """``value`` moved by n days, weeks or years, at the precision that allows."""
    if unit == "Y" and precision(value) is not None and value[:4].isdigit():
        return f"{int(value[:4]) + sign * n:04d}"
    if unit in "DW" and precision(value) in _DAYS:
        day = date.fromisoformat(value[:10]) + timedelta(days=sign * n * (7 if unit == "W" else 1))
        return day.isoformat()
    return None


# "157 new cases in the past 24 hours": a sitrep's count up to the report.
_PAST_HOURS = re.compile(r"(?i)(?:in|over|during|within)\s+the\s+(?:past|last)\s+$")
_HOURS = re.compile(r"PT(\d+)H|P1D")


def reported_today(body: str, lengths: list[Timex], dct: date) -> list[Timex]:
    """'The ministry reported 157 new cases in the past 24 hours': what a report counts over
    the last day or two happened by its publication day. A mention dated the DCT over the
    length, for sentences that date nothing else."""
    found = []
    for length in lengths:
        hours = _HOURS.fullmatch(length.value)
        if hours is None or (hours.group(1) and int(hours.group(1)) > 48):
            continue
        if not length.phrase.lower().startswith(("the past", "the last")) and not (
                _PAST_HOURS.search(body, max(0, length.start - 30), length.start)):
            continue
        found.append(Timex(length.start, length.end, length.phrase, "DATE", dct.isoformat(),
                           None, ""))
    return found


# "the week ending Jan. 31", "the seven days to Sunday", "the three months to September": a
# span counted back from the date after it.
_SPAN_TO = re.compile(r"\s+(?:to|ending|ended|through)\s+(?:on\s+)?")
_SPAN_LENGTH = re.compile(r"P(\d+)([DWMQY])")
_MONTHS_IN = {"M": 1, "Q": 3, "Y": 12}


def spans_to_a_date(body: str, lengths: list[Timex], dated: list[Timex]) -> list[Timex]:
    """``dated`` with each date that ends a counted span replaced by the span: "26 new cases
    in the week ending Jan. 31" happened over Jan. 25-31, not on the 31st (the engine tags
    the two apart, as TimeML does: a P1W and its end point)."""
    ends: dict[int, Timex] = {}
    for length in lengths:
        unit = _SPAN_LENGTH.fullmatch(length.value)
        joint = _SPAN_TO.match(body, length.end)
        if not unit or not joint:
            continue
        end = next((d for d in dated if d.start == joint.end()), None)
        value = end and _span_back(end.value, int(unit.group(1)), unit.group(2))
        if value:
            ends[end.start] = Timex(length.start, end.end, body[length.start : end.end], "DATE",
                                    value, None, end.note)
    return [ends.get(d.start, d) for d in dated]


def _span_back(last: str, n: int, unit: str) -> str | None:
    """The interval of n units that ends with ``last`` (a day, or a month for months)."""
    kind = precision(last)
    if kind == "day" and unit in ("D", "W"):
        end = date.fromisoformat(last)
        return f"{end - timedelta(days=n * (7 if unit == 'W' else 1) - 1)}/{last}"
    if kind == "month" and unit in _MONTHS_IN and 1 < n * _MONTHS_IN[unit] <= 24:
        months = int(last[:4]) * 12 + int(last[5:7]) - 1 - (n * _MONTHS_IN[unit] - 1)
        return f"{months // 12:04d}-{months % 12 + 1:02d}/{last}"
    return None
