"""Load the YAML rule data once and expand it into regex building blocks.

Keeping words and patterns in YAML (like HeidelTime's resource files) lets linguists extend the
engine without touching code; this module is the only place that reads those files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

import regex

from .. import ruledata
from .compiled import load_or_build, scanning

DATA_DIR = Path(__file__).with_name("data")


def load_yaml(name: str) -> Any:
    """Read one of the engine's data files with the project's strict loader."""
    return ruledata.load_yaml(DATA_DIR / name)


def _words(words: list[str]) -> str:
    """An alternation of lower-case words, longest first, a space inside one matching one
    white-space character."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s")
                            for w in sorted(set(words), key=lambda s: (-len(s), s))) + ")"


def alternation(words: Iterable[str], *, suffix: str = "", any_apostrophe: bool = False) -> str:
    r"""A regex alternation of lower-case words, longest first so that 'Sept' wins over 'Sep'
    (a space inside one matches any run of white space); ``suffix`` follows each word
    (r"\.?": an optional period), and with ``any_apostrophe`` an apostrophe matches ’ too."""
    parts = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        p = re.escape(w).replace(r"\ ", r"\s+")
        if any_apostrophe:
            p = p.replace("'", "['’]")
        parts.append(p + suffix)
    return "(?:" + "|".join(parts) + ")"


def expanded(pattern: str, placeholders: dict[str, str]) -> str:
    """A patterns.yaml pattern with each ``{NAME}`` replaced by its regex."""
    for key, val in placeholders.items():
        pattern = pattern.replace("{" + key + "}", val)
    return pattern


def pattern_specs(path: Path) -> list[dict[str, Any]]:
    """A patterns.yaml's entries (name, rule, pattern, needs), each entry's keys checked."""
    specs = ruledata.load_yaml(path) or []
    for spec in specs:
        where = f"{path.relative_to(DATA_DIR)}: {spec.get('name')}"
        ruledata.expect_keys(spec, PATTERN_KEYS, where)
    return specs


def _cased(words: list[str]) -> list[str]:
    """Patterns run on ASCII-lower-cased text (see recognizer); capitalization of names is
    checked on the original text afterwards."""
    return [w.lower() for w in words]


@dataclass(frozen=True, slots=True)
class WordSets:
    """Every word list the engine tests membership in, one attribute each (a misspelt name is
    an AttributeError at once, not a silently empty list). Built from cues.yaml."""

    future: frozenset[str]
    past: frozenset[str]
    future_nouns: frozenset[str]
    plan_in_past: frozenset[str]
    not_past_ed: frozenset[str]
    past_not_participle: frozenset[str]
    reporting: frozenset[str]
    copulas: frozenset[str]
    prepositions: frozenset[str]
    decision_verbs: frozenset[str]
    modals: frozenset[str]
    same_as_base: frozenset[str]
    base_form_before: frozenset[str]
    future_before_to: frozenset[str]
    scheduled_present: frozenset[str]
    scheduled_present_blockers: frozenset[str]
    abbreviations: frozenset[str]
    fronting_prepositions: frozenset[str]
    schedule_verbs: frozenset[str]
    other_calendar: frozenset[str]
    year_gate_before: frozenset[str]
    quantity_after: frozenset[str]
    clock_after: frozenset[str]
    quantity_before: frozenset[str]
    month_gate_before: frozenset[str]
    month_reject_after: frozenset[str]
    delivery_nouns: frozenset[str]
    issued_nouns: frozenset[str]
    narrative: frozenset[str]
    deadline: frozenset[str]
    attributive_not_set: frozenset[str]
    current_not_temporal: frozenset[str]
    generic_after_today: frozenset[str]
    recently_auxiliaries: frozenset[str]
    history_backward: frozenset[str]
    history_forward: frozenset[str]
    background_headings: frozenset[str]
    since_superlatives: frozenset[str]
    onset_verbs: frozenset[str]
    clause_openers: frozenset[str]
    comparison_bases: frozenset[str]
    organisation_nouns: frozenset[str]
    hour_before: frozenset[str]
    continuing_subjects: frozenset[str]


# Where each set is in cues.yaml when its key there is not the attribute's name.
_RENAMED = {"narrative": "narrative_words", "deadline": "deadline_verbs"}


def _word_sets(cues: dict[str, Any]) -> WordSets:
    tense = cues["tense"]

    def words(name: str) -> frozenset[str]:
        key = _RENAMED.get(name, name)
        return frozenset(str(w) for w in (tense[key] if key in tense else cues[key]))

    return WordSets(**{f.name: words(f.name) for f in fields(WordSets)})


LEXICON_KEYS = (
    "months", "ambiguous_months", "weekdays", "weekday_abbrev_need_period", "numbers",
    "vague_numbers", "ordinals", "units", "seasons", "parts_of_day", "deictic_days",
    "ref_words", "set_words", "time_zones", "zone_names", "holidays", "position_mods",
    "quant_mods", "quant_mods_ago_only", "relative_shifts", "narrative_relatives",
    "decade_words", "part_of_month_mods", "year_steps",
)
CUE_KEYS = (*(f.name for f in fields(WordSets)), "tense", "narrative_words", "deadline_verbs")
PATTERN_KEYS = ("name", "rule", "pattern", "needs")


def _checked(name: str, known: tuple[str, ...]) -> dict[str, Any]:
    data = load_yaml(name)
    ruledata.expect_keys(data, known, name)
    return data


@dataclass
class Lexicon:
    """All rule data, normalized, plus the compiled recognizer patterns."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague: set[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    deictic_days: dict[str, int]
    ref_words: dict[str, str]
    set_words: dict[str, str]
    holidays: dict[str, str]
    position_mods: dict[str, str]
    quant_mods: dict[str, str]
    ambiguous_months: set[str]
    cues: dict[str, Any]
    sets: WordSets
    placeholders: dict[str, str] = field(default_factory=dict)
    # (name, rule, compiled pattern, words one of which every match holds: none, always run)
    patterns: list[tuple[str, str, re.Pattern[str], tuple[str, ...]]] = field(
        default_factory=list)
    relative_shifts: dict[str, int] = field(default_factory=dict)
    narrative_relatives: frozenset[str] = frozenset()
    decade_words: dict[str, int] = field(default_factory=dict)
    part_of_month_mods: dict[str, str] = field(default_factory=dict)
    year_steps: dict[str, int] = field(default_factory=dict)

    def number(self, word: str) -> float | None:
        """Value of a numeral: digits, words ("three"), compounds ("twenty-five")."""
        w = regex.sub(r"\s+", " ", word.lower().strip())
        w = w.replace(",", "")
        if regex.fullmatch(r"\d+(?:\.\d+)?", w):
            return float(w)
        if w in self.numbers:
            return float(self.numbers[w])
        m = regex.fullmatch(r"([a-z]+)[- ]([a-z]+)", w)
        if m and m.group(1) in self.numbers and m.group(2) in self.numbers:
            a, b = self.numbers[m.group(1)], self.numbers[m.group(2)]
            if a >= 20 and a % 10 == 0 and 0 < b < 10:
                return float(a + b)
            if b in (100, 1000):
                return float(a * b)
        return None

    @property
    def weekday_names(self) -> tuple[str, ...]:
        """The weekdays written out ("monday" ... "sunday"): every name but the abbreviations
        that need a period."""
        need_period = set(self.cues["_weekday_abbrev_need_period"])
        return tuple(w for w in self.weekdays if w not in need_period)

    def month_number(self, word: str) -> int:
        """1-12 for a month name as written ("Sept.", "march")."""
        return self.months[word.lower().rstrip(".")]

    def weekday_number(self, word: str) -> int:
        """ISO weekday 1-7 for a weekday name as written ("Thurs.", "Friday")."""
        return self.weekdays[word.lower().rstrip(".")]

    def ordinal(self, word: str) -> int | None:
        """Value of an ordinal: 'third', '3rd', 'twenty-first'."""
        w = word.lower().replace(" ", "-")
        m = regex.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", w)
        if m:
            return int(m.group(1))
        return self.ordinals.get(w)


_NUM_WORDS_SIMPLE = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _build(lex: Lexicon, specs: list[dict[str, Any]]) -> None:
    units1 = [u for u in lex.units]
    month_words: list[str] = []
    for w in lex.months:
        if len(w) <= 4 and w not in ("may", "june", "july"):
            month_words += [f"{c}." for c in _cased([w])] + _cased([w])
        else:
            month_words += _cased([w])
    wd_words: list[str] = []
    need_period = set(lex.cues["_weekday_abbrev_need_period"])
    for w in lex.weekdays:
        if w in need_period:
            wd_words += [f"{c}." for c in _cased([w])]
        else:
            wd_words += _cased([w])
    wd_plural = _cased([w + "s" for w in lex.weekdays if w not in need_period])
    ago_only = set(lex.cues["_quant_mods_ago_only"])
    tens_alt = "|".join(_TENS)
    simple_alt = "|".join(_NUM_WORDS_SIMPLE)
    num_words = sorted((k for k in lex.numbers if k not in ("a", "an")), key=len, reverse=True)
    num = (
        rf"(?:(?:{tens_alt})(?:[\s-](?:{simple_alt[: simple_alt.index('|ten')]}))?"
        rf"|{alternation(num_words)[3:-1]}|a|an|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    )
    units_alt = simple_alt[: simple_alt.index("|ten")]
    yearwords = (
        rf"(?:nineteen|twenty)[\s-](?:(?:{tens_alt})(?:[\s-](?:{units_alt}))?"
        rf"|{simple_alt})|two\sthousand(?:\s(?:and\s)?(?:{simple_alt}))?"
    )
    ordwords = alternation([k for k in lex.ordinals if k not in ("last", "final")])
    ph = {
        "MONTH": alternation(month_words),
        "WEEKDAY": alternation(wd_words),
        "WEEKDAY_PL": alternation(wd_plural),
        "YEAR4": r"(?:1\d\d\d|20\d\d)",
        "DAYNUM": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        "ORDWORD": ordwords,
        "NUM": num,
        "VAGUE": alternation(sorted(lex.vague)),
        "UNIT": alternation(units1),
        "SEASON": alternation(list(lex.seasons)),
        "POSMOD": alternation(list(lex.position_mods)),
        "QMOD": alternation([k for k in lex.quant_mods if k != "or more" and k not in ago_only]),
        "QMOD_AGO": alternation([k for k in lex.quant_mods if k != "or more"]),
        "REFWORDS": alternation(list(lex.ref_words)),
        "SETWORDS": alternation(list(lex.set_words)),
        "HOLIDAYS": alternation(list(lex.holidays)),
        "REL": alternation(list(lex.relative_shifts)),
        "TZ": _words(lex.cues["_time_zones"]),
        "TZNAME": (rf"(?:{_words(lex.cues['_zone_names'])}\s"
                   r"(?:standard\s|daylight\s|summer\s)?time)"),
        "YEARWORDS": yearwords,
    }
    lex.placeholders = ph
    for spec in specs:
        src = expanded(spec["pattern"], ph)
        # stdlib re, case-sensitive, on lower-cased text: about twice as fast as IGNORECASE
        # (a pattern that starts at a line break needs no guard, and keeps the fast scan
        # for its first character)
        rx = re.compile(src if src.startswith("\\n") else r"(?<![\w'])(?:" + src + r")")
        rx = scanning(rx)  # the same matches, skipping to their first characters
        lex.patterns.append((spec["name"], spec["rule"], rx, _needed(spec, lex)))


def _needed(spec: dict[str, Any], lex: Lexicon) -> tuple[str, ...]:
    """A pattern's ``needs`` words; ``{SEASON}`` or ``{HOLIDAYS}`` stands for the words of
    that list, each name by its longest run of letters ("new year's eve" -> "year": every
    match of the name holds it, whatever the spaces or the apostrophe)."""
    lists = {"{SEASON}": lex.seasons, "{HOLIDAYS}": lex.holidays}
    words: list[str] = []
    for word in spec.get("needs", ()):
        names = lists.get(word)
        words.extend([word] if names is None else
                     (max(re.split(r"[\s'’.]+", name), key=len) for name in names))
    return tuple(dict.fromkeys(words))


@cache
def weekdays_pattern(template: str) -> regex.Pattern[str]:
    """``template`` compiled once with ``{weekday}`` as the weekdays written out
    ("monday|tuesday|...") and ``{Weekday}`` as the same capitalized: the passes that look
    for a weekday's name around a date ("a week on Tuesday", "the Friday before")."""
    names = "|".join(get_lexicon().weekday_names)
    return regex.compile(template.replace("{weekday}", names).replace("{Weekday}", names.title()))


@cache
def get_lexicon() -> Lexicon:
    """The process-wide lexicon (loaded and compiled on first use only)."""
    return load_or_build("lexicon", build_lexicon)  # a disk cache: see compiled.py


def build_lexicon() -> Lexicon:
    """The lexicon from the YAML files (what get_lexicon caches)."""
    lx = _checked("lexicon.yaml", LEXICON_KEYS)
    cues = _checked("cues.yaml", CUE_KEYS)
    ruledata.expect_keys(cues["tense"], [f.name for f in fields(WordSets)], "cues.yaml: tense")
    cues["_weekday_abbrev_need_period"] = lx["weekday_abbrev_need_period"]
    cues["_quant_mods_ago_only"] = lx["quant_mods_ago_only"]
    cues["_time_zones"] = lx["time_zones"]
    cues["_zone_names"] = lx["zone_names"]
    lex = ruledata.settings(
        Lexicon, lx,
        vague=set(lx["vague_numbers"]),
        cues=cues,
        sets=_word_sets(cues),
    )
    _build(lex, pattern_specs(DATA_DIR / "patterns.yaml"))
    return lex
