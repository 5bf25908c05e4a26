"""Time words a headline never keeps: the entry's date says when, and "Friday" on a
timeline of many Fridays says nothing ("The Cypriot government condemned two terrorist bomb
attacks in Kenya and Tanzania Friday" -> "... in Kenya and Tanzania"). The strategies take
out the date the entry is dated by; these are the sentence's other time words. Weekdays are
the temporal lexicon's, the other words ``headline.frames`` data (``data/events.yaml``).
"""

from __future__ import annotations

import re
from functools import cache

from ...temporal.lexicon import get_lexicon
from ..rules_file import events_rules
from .present import quoted_spans


@cache
def _data() -> dict:
    return events_rules()["headline"]["frames"]


@cache
def _pattern() -> re.Pattern[str]:
    days = "|".join(sorted((d.capitalize() for d in get_lexicon().weekday_names), key=len,
                           reverse=True))
    parts = "|".join(map(re.escape, _data()["day_parts"]))
    before = "|".join(map(re.escape, _data()["before_day"]))
    words = "|".join(map(re.escape, sorted(_data()["time_words"], key=len, reverse=True)))
    return re.compile(
        rf"(?P<lead>,\s*)?\b(?:(?:{before})\s+)?"
        rf"(?P<word>(?:{days})(?:\s+(?:{parts}))?|(?i:{words}))\b(?P<own>['’]s\b)?"
        rf"(?P<trail>\s*,)?")


@cache
def _ago() -> re.Pattern[str]:
    units = "|".join(map(re.escape, _data()["ago_units"]))
    return re.compile(rf"\s(?:(?:more\s+than|nearly|almost|about|some|over|just)\s+)?"
                      rf"(?:\d+|[a-z]+)\s+(?:{units})\s+ago\b")


_KEEPS_DATE = re.compile(r"(?i)\b(?:until|till|since|from|between|through|before|after|is|are|"
                         r"was|were|be|by|of|than)\s*$")


def without_time_words(text: str) -> str:
    """``text`` without its weekdays and deictic time words ("on Friday", "early Monday
    morning", "today", "last week", "four decades ago"), outside quotations; "Friday's
    attack" becomes "the attack". A date the clause needs stays ("until Friday", "The
    deadline is Friday")."""
    quotes = quoted_spans(text)
    for found in reversed(list(_ago().finditer(text)) if "ago" in text else []):
        # "the men who launched the Cuban Revolution more than four decades ago"
        if not any(a <= found.start() < b for a, b in quotes) and found.start() > 0:
            text = text[: found.start()] + text[found.end() :]
    quotes = quoted_spans(text)
    for found in reversed(list(_pattern().finditer(text)) if _may_hold_one(text) else []):
        if any(a <= found.start("word") < b for a, b in quotes):
            continue
        head, tail = text[: found.start()], text[found.end() :]
        if not found.group("lead") and (head.split()[-1:] or [""])[0] in _data()["named_days"]:
            continue  # a day of its own name ("Good Friday", "Super Tuesday")
        if _KEEPS_DATE.search(head) or not head.strip() and not found.group("trail"):
            continue  # "until Friday"; a line that is only the date ("Friday")
        if found.group("own"):
            text = head.rstrip() + " the" + (" " if tail.strip() else "") + tail.lstrip()
            continue
        joint = ", " if found.group("trail") and tail.strip() else " "
        text = head.rstrip() + joint + tail.lstrip() if head.strip() else tail.lstrip()
    text = " ".join(text.split())
    return text[:1].upper() + text[1:] if text[:1].islower() else text


@cache
def _keys() -> tuple[str, ...]:
    """Lower-cased, what every match of ``_pattern`` holds: a weekday or a time word."""
    return tuple(dict.fromkeys([d.lower() for d in get_lexicon().weekday_names]
                               + [w.lower() for w in _data()["time_words"]]))


def _may_hold_one(text: str) -> bool:
    """Could ``text`` hold a weekday or a time word? (Most lines hold none, and a substring
    test is far cheaper than the pass; a line not in ASCII, where case-insensitive matching
    is more than ``lower``, always gets the pass.)"""
    if not text.isascii():
        return True
    low = text.lower()
    return any(key in low for key in _keys())
