"""One group per date a sentence tells: two phrases of one date join ("last Thursday
(November 18)", "Two days later, on Sept. 20"), and so do the two ends of a range ("Nov.
15-18", one mention valued ``2023-11-15/2023-11-18``)."""

from __future__ import annotations

import re
from dataclasses import replace

from ...temporal import Timex
from ...temporal.values import bounds, interval, precision
from .added import ENDS_IN_COUNT
from .rules import WORD, get_rules

# A date counted from another ("Six weeks later", "two days earlier", "a year ago").
# "after"/"before" count only after a length ("four days after"): "shortly after 23:00 on
# Tuesday" is a clock time.
COUNTED = re.compile(
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
            if COUNTED.search(previous.phrase) and not COUNTED.search(mention.phrase):
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


_AT_GAP = re.compile(r",?\s+(?:at|around|about|shortly\s+(?:after|before))\s+")


def _is_time_of(day: Timex, time: Timex) -> bool:
    """Is ``time`` a clock time on the day ``day`` names?"""
    return precision(day.value) == "day" and precision(time.value) == "time" and (
        time.value[:10] == day.value[:10])


_RANGE_KINDS = ("time", "day", "month", "year")


def _is_range(body: str, first: Timex, last: Timex, sentence_start: int) -> bool:
    """Are two adjacent dates the ends of one range ("Nov. 15-18", "from 20 to 22 March",
    "between March and May"), not two dates or a date that moved ("postponed from Monday
    to Thursday")? Rule words are in events.yaml."""
    value = _range_value(first, last)
    if interval(value) is None or precision(value) not in _RANGE_KINDS:
        return False  # not one precision, or not in order
    rules = get_rules()
    gap = body[first.end : last.start].strip()
    if gap in rules.range_dashes:
        return True
    before = WORD.findall(body[sentence_start : first.start])
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


_PART_OF_DAY = re.compile(r"(\d{4}-\d\d-\d\d)T(?:MO|MI|AF|EV|NI|DT)")


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
