"""The words the sentence-date rules read, from ``data/events.yaml`` (``range``,
``reporting_date_verbs``, ``record_since``, ``comparison``, ``questions``), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..rules_file import events_rules


@dataclass(frozen=True)
class Rules:
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
def get_rules() -> Rules:
    data = events_rules()
    compared = data["comparison"]
    amount, between = compared["amount"], compared["between"]
    return Rules(
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


# A word, as the rules count and compare them.
WORD = re.compile(r"[A-Za-z]+")
# The precisions that name a day (a clock time names its day too).
DAYS = ("day", "time")
