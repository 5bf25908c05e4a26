"""One language's rule data: generator/temporal/data/<lang>/{lexicon,cues,patterns}.yaml.

``lexicon.yaml`` holds the names (months, weekdays, units, today/yesterday words), generated
from dateparser's data by tools/make_lang_lexicon.py; ``cues.yaml`` the other words a person
keeps (numerals, "last"/"next" words, parts of the day, tense endings...); ``patterns.yaml``
the recognizer's registry, in priority order, with ``{PLACEHOLDER}``s expanded from both.
Every file is read with the project's strict loader and every key is checked, so a misspelt
key fails loudly instead of dropping words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from ... import ruledata
from ..lexicon import DATA_DIR, alternation, expanded, pattern_specs

LEXICON_KEYS = ("months", "month_abbreviations", "weekdays", "units", "deictic_days")
CUES_KEYS = (
    "numbers", "ordinals", "more_units", "more_deictic_days", "relative_before",
    "relative_after", "ago_before", "ago_after", "later_before", "approx", "parts_of_day",
    "part_of_day_before", "seasons", "refs", "sets", "holidays", "decades", "position",
    "clock_before", "clock_after", "last_words", "vague_numbers", "clock_words", "day_shifts",
    "tense", "ambiguous_months", "names_case", "outside_extent", "until", "since", "adjective_refs",
    "anaphoric_relative", "place_nouns", "vague_ago", "short_weekdays", "age_nouns",
    "age_verbs", "span_words",
)
# Each placeholder of patterns.yaml that is one word list: of the lexicon's (by attribute) or
# of cues.yaml's (by key).
_LEXICON_PLACEHOLDERS = {
    "UNIT": "units", "DEICTIC": "deictic", "PART": "parts", "SEASON": "seasons", "REF": "refs",
    "SET": "sets", "HOLIDAY": "holidays", "ORD": "ordinals", "DECADE": "decades",
    "POSITION": "position", "ADJ_REF": "adjective_refs",
}
_CUE_PLACEHOLDERS = {
    "PART_BEFORE": "part_of_day_before", "REL_BEFORE": "relative_before",
    "REL_AFTER": "relative_after", "AGO_BEFORE": "ago_before", "AGO_AFTER": "ago_after",
    "LATER_BEFORE": "later_before", "APPROX": "approx", "CLOCK_BEFORE": "clock_before",
    "CLOCK_AFTER": "clock_after", "LAST": "last_words", "CLOCK_WORD": "clock_words",
    "DAY_SHIFT": "day_shifts", "PLACE": "place_nouns", "AGE_NOUN": "age_nouns",
    "AGE_VERB": "age_verbs",
}
TENSE_KEYS = ("past_endings", "future_endings", "past_words", "future_words",
              "min_length", "not_past", "not_future", "participle_endings",
              "perfect_auxiliaries", "nouns", "scheduled_present", "scheduled_present_blockers",
              "since_words", "reduced_relative_endings", "reduced_relative_prepositions",
              "not_reduced_relative", "reduced_relative_blockers")


@dataclass
class LangLexicon:
    lang: str
    months: dict[str, int]
    weekdays: dict[str, int]
    units: dict[str, str]
    deictic: dict[str, int]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    rel: dict[str, int]  # "pasado": -1, "próximo": 1, "este": 0 (before and after the noun)
    parts: dict[str, str]
    seasons: dict[str, str]
    refs: dict[str, str]
    sets: dict[str, str]
    holidays: dict[str, str]
    decades: dict[str, int]
    position: dict[str, str]
    tense: dict[str, Any]
    vague: frozenset[str] = frozenset()
    clock_words: dict[str, int] = field(default_factory=dict)
    day_shifts: dict[str, int] = field(default_factory=dict)
    ambiguous_months: frozenset[str] = frozenset()
    names_lowercase: bool = False
    # the words a match may start with that the language's TimeML leaves outside the
    # expression (Portuguese "no", "neste": a preposition fused with the article)
    outside_extent: re.Pattern[str] | None = None
    # adjectives that place their noun in the future or past ("la próxima edición")
    adjective_refs: dict[str, str] = field(default_factory=dict)
    # "until" right before a date: a deadline, which a past clause does not put behind
    until: re.Pattern[str] | None = None
    # "since" right before a day: the start of a span up to now, not the day the text is on
    since: re.Pattern[str] | None = None
    # "entre esta sexta-feira e domingo": the words before a span's start and between its
    # two ends, whose end is not before its start
    span: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    # "the following"/"the previous" words: counted from the year, month or day told last
    # ("en 1995 ... al año siguiente"), not from the publication date
    anaphoric_relative: frozenset[str] = frozenset()
    # the value of a count-less "mesi fa" ("PAST_REF" in Italian); empty: how long (PXM)
    vague_ago: str = ""
    patterns: list[tuple[str, str, re.Pattern[str], tuple[str, ...]]] = field(
        default_factory=list)

    def number(self, word: str) -> float | None:
        """"3", "3,5", "tres", "veinte y cuatro"/"vinte e quatro", "fünfundzwanzig"."""
        w = " ".join(word.lower().split()).replace("’", "'")
        if re.fullmatch(r"\d+(?:[.,]\d+)?", w):
            return float(w.replace(",", "."))
        if w in self.numbers:
            return float(self.numbers[w])
        # "veinte y cuatro", "vinte e quatro", "vingt-quatre", "fünfundzwanzig": tens and
        # units (never "sechs und elf", two numbers)
        parts = [p for p in re.split(r"\s+(?:y|e|et|und)\s+|-|\s+|(?<=\w)und(?=\w)", w) if p]
        if len(parts) == 2 and all(p in self.numbers for p in parts):
            a, b = sorted((self.numbers[parts[0]], self.numbers[parts[1]]), reverse=True)
            if a >= 20 and a % 10 == 0 and 0 < b < 10:
                return float(a + b)
            if b in (100, 1000) or a in (100, 1000):
                return float(a * b) if b < a and a in (100, 1000) and b < 10 else None
        return None


def _alt(words, *, period: bool = False) -> str:
    """``alternation`` with an apostrophe of either kind (an empty list matches nothing)."""
    if not words:
        return "(?!x)x"
    return alternation(words, suffix=r"\." if period else "", any_apostrophe=True)


def _load(lang: str, name: str, keys: tuple[str, ...]) -> dict[str, Any]:
    path = DATA_DIR / lang / name
    data = ruledata.load_yaml(path) or {}
    ruledata.expect_keys(data, keys, str(path))
    return data


def available() -> tuple[str, ...]:
    """The languages that have a data folder."""
    return tuple(sorted(p.parent.name for p in DATA_DIR.glob("*/patterns.yaml")))


@cache
def get_lang_lexicon(lang: str) -> LangLexicon:
    lx = _load(lang, "lexicon.yaml", LEXICON_KEYS)
    cues = _load(lang, "cues.yaml", CUES_KEYS)
    tense = cues["tense"]
    ruledata.expect_keys(tense, TENSE_KEYS, f"{lang}/cues.yaml: tense")
    months = {**lx["months"]}
    rel = {**cues["relative_before"], **cues["relative_after"]}
    lex = ruledata.settings(
        LangLexicon, cues,
        lang=lang,
        months={**months, **lx["month_abbreviations"]},
        weekdays={**lx["weekdays"], **cues.get("short_weekdays", {})},
        units={**lx["units"], **cues["more_units"]},
        deictic={**lx["deictic_days"], **cues["more_deictic_days"]},
        rel=rel,
        parts=cues["parts_of_day"],
        tense=tense,
        vague=frozenset(cues["vague_numbers"]),
        ambiguous_months=frozenset(cues.get("ambiguous_months", ())),
        names_lowercase=cues.get("names_case", "capitalized") == "lower",
        outside_extent=(re.compile(_alt(cues["outside_extent"]) + r"(?:\s+|(?<=['’]))")
                        if cues.get("outside_extent") else None),
        adjective_refs=cues.get("adjective_refs", {}),
        until=(re.compile(r"(?<![\w'’-])" + _alt(cues["until"]) + r"\s+$")
               if cues.get("until") else None),
        span=((re.compile(r"(?<![\w'’-])" + _alt(cues["span_words"]["start"]) + r"\s+$"),
               re.compile(r"\s+" + _alt(cues["span_words"]["join"]) + r"\s+"))
              if cues.get("span_words") else None),
        since=(re.compile(r"(?<![\w'’-])" + _alt(cues["since"]) + r"(?:\s+|(?<=['’]))$")
               if cues.get("since") else None),
    )
    nums = [*cues["numbers"], *cues["vague_numbers"]]
    num_word = _alt(nums)
    ph = {
        "MONTH": "(?:" + _alt(months)[3:-1] + "|"
                 + _alt(lx["month_abbreviations"], period=True)[3:-1] + ")",
        "WEEKDAY": _alt(lx["weekdays"]),
        "YEAR4": r"(?:1[5-9]\d\d|20\d\d)",
        "DAYNUM": r"(?:[12]\d|3[01]|0?[1-9])",
        "NUM": rf"(?:\d+(?:[.,]\d+)?|{num_word}(?:(?:\s+(?:y|e|et|und)\s+|-|\s+)?{num_word})*)",
        **{name: _alt(getattr(lex, words)) for name, words in _LEXICON_PLACEHOLDERS.items()},
        **{name: _alt(cues.get(key, ())) for name, key in _CUE_PLACEHOLDERS.items()},
    }
    for spec in pattern_specs(DATA_DIR / lang / "patterns.yaml"):
        src = expanded(spec["pattern"], ph)
        if re.search(r"\{[A-Z_0-9]+\}", src):
            raise ruledata.RuleDataError(f"{lang}/patterns.yaml: {spec['name']}: unknown "
                                         f"placeholder {re.search(r'{[A-Z_0-9]+}', src)[0]}")
        # the regex module: a name may stand in two alternatives ("unit" before or after)
        rx = regex.compile(r"(?<![\w'’-])(?:" + src + r")(?![\w])")
        lex.patterns.append((spec["name"], spec["rule"], rx, tuple(spec.get("needs", ()))))
    return lex

