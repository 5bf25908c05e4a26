"""The groups that date no happening of their own, left out: the day something was said
beside the day of what was said ("drones struck overnight, officials said on Wednesday"),
the year a record is measured from ("the worst flooding since 1957") or a comparison
against ("halved compared with last year", "at last year's levels"), a period that only
names a thing ("the 2026 budget"), a count that reaches a day the sentence writes out ("Six
weeks later, ... signed a truce on Nov. 10") and a question's dates ("Did the envoy meet
the rebels on Saturday?", "'Where were you on Monday?' the judge asked.")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...temporal import Timex
from ...temporal.anchoring.narrative import in_insertion
from ...temporal.lexicon import get_lexicon
from ...temporal.tense import is_past_form
from ...temporal.values import bounds, precision
from .groups import COUNTED, explicit
from .rules import DAYS, WORD, get_rules


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
    words = WORD.findall(rest)
    rules = get_rules()
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
    if not COUNTED.search(main.phrase) or precision(main.value) not in DAYS or here is None:
        return False
    for other in groups:
        written = explicit(other)
        span = bounds(written.value)
        if (other is counted or span is None or precision(written.value) not in DAYS
                or written.start < main.start):
            continue
        if not COUNTED.search(written.phrase) and abs((span[0] - here[0]).days) <= (
                _COUNTED_SLACK_DAYS):
            return True
    return False


def _reporting_date(body: str, sentence_start: int, sentence_end: int,
                    group: list[Timex]) -> bool:
    """Is the date the day something was said ("officials said on Wednesday", "told reporters
    Wednesday", "on Wednesday said")?"""
    verbs = get_rules().reporting_verbs
    before = [w.lower() for w in WORD.findall(body[sentence_start : group[0].start])[-3:]]
    if before[-1:] == ["on"]:
        before.pop()
    after = WORD.findall(body[group[-1].end : sentence_end])[:1]
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
        if group[-1].end < said[0].start and in_insertion(body, group[0].start, group[-1].end):
            continue  # "The accused, who appeared in court on Saturday, has dismissed his
            # lawyer, the Herald reported on Monday": the subject's insertion, not what was said
        between = body[min(group[-1].end, said[-1].end) : max(group[0].start, said[0].start)]
        if _OTHER_CLAUSE.search(between) or (
                group[0].start > said[-1].end and (_CLAUSE_BESIDE.search(between)
                                                   or _REDUCED_RELATIVE.search(between))):
            continue  # "Rebels seized the town on Saturday, and the army said on Monday ..."
        if 0 <= (day[0] - span[1]).days <= _REPORTED_WITHIN_DAYS:
            return True
    return False


# A clause of its own between the saying and the other date: not what was said.
_OTHER_CLAUSE = re.compile(r";|,\s+(?:and|but|while)\s")


# ... nor a participle or relative clause after the saying that holds the other date ("said on
# Wednesday that she would quit, ending a feud that began last Thursday").
_CLAUSE_BESIDE = re.compile(r",\s+[a-z]+ing\s|\b(?:which|who|whose)\s")


# ... nor a participle after a noun that is no subject of what was said, its clause having a
# verb already ("said on Monday that he was on course to win the run-off held on Sunday": the
# run-off's day; "said on Monday that the ship docked on Sunday" tells what happened).
_REDUCED_RELATIVE = re.compile(
    r"\b(?:was|were|is|are|had|has|have|will|would)\b[^,;]*\b(?:the|a|an|its|their|his|her)"
    r"\s+[\w-]+\s+(?:held|[a-z]+ed)\s+(?:on\s+|in\s+)?$", re.IGNORECASE)


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
    if since is None or "," in since["rest"] or len(WORD.findall(since["rest"])) >= (
            _SINCE_PHRASE_WORDS):
        return False
    if any(sentence_start + since.start() < g[0].start < group[0].start for g in groups):
        return False  # "its wettest day since 2014 on Friday": the phrase ended at 2014
    if _WHEN_AFTER.match(body, group[-1].end):
        return False  # "since early December, when Castro promised ...": that is an event
    words = [w.lower() for w in WORD.findall(since["rest"])]
    if words[-1:] == ["of"] and precision(explicit(group).value) in _FINE and (
            _YEAR_WRITTEN.search(explicit(group).phrase)):
        # "the deadliest since the Agadir earthquake of February 29, 1960": a happening named
        # with its whole day tells that happening (but "the worst flooding since 1957", "the
        # wettest since the summer of 2012" measure from a time)
        return False
    if any(is_past_form(w, get_lexicon()) for w in words) and not {"records", "record"} & set(
            words):
        # "since Lehman Brothers collapsed in 2008": the clause tells an event (but "since
        # records began in 1961" is the baseline itself)
        return False
    rules = get_rules()
    # "At least 30 people have died since the storm hit on Friday": a count's bound, no
    # record ("the least rain since 1957" is one)
    before = _AT_MOST.sub(" ", head[: since.start()])
    window = WORD.findall(before)[-rules.record_window :]
    return any(word.lower() in rules.record_words for word in window) or _superlative(before)


_AT_MOST = re.compile(r"(?i)\bat\s+(?:least|most)\b")
_YEAR_WRITTEN = re.compile(r"\b\d{4}\b")


# A word with its possessive ending ("region's"), so that the ending can be seen.
_TOKEN = re.compile(r"[A-Za-z]+(?:['’]s\b)?")


# Words that may stand between a determiner and its superlative ("the second-busiest").
_SUPERLATIVE_LEAD = 2


def _superlative(text: str) -> bool:
    """Do the last words of ``text`` hold a superlative after its determiner ("the busiest
    week", "its widest", "Europe's wettest")? "the unrest" and "under arrest" are none."""
    rules = get_rules()
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
    rules = get_rules()
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
