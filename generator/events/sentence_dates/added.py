"""Dates a sentence tells without writing them: the clause a length is counted back to
("left on May 19, two days after Parliament voted ...": the vote, May 17), what a report
counts over the past day ("157 new cases in the past 24 hours"), and the span counted back
from a date ("the week ending Jan. 31")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...temporal import Timex
from ...temporal.lexicon import get_lexicon
from ...temporal.tense import is_past_form
from ...temporal.values import precision
from .rules import DAYS, WORD

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
        if not any(is_past_form(w.lower(), lex) for w in WORD.findall(clause)[1:6]):
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
    if unit in "DW" and precision(value) in DAYS:
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
