"""The kind of happening a report in another language tells, for ranking.

English reports are read by ``happening.report_kind`` (lemmas of its word lists); a Spanish,
French, Italian, Portuguese or German report by the stems of ``data/intl/kinds/<lang>.yaml``,
in the same kinds and weights: "Las fuerzas de seguridad detuvieron a ocho dirigentes" tells
an arrest, "Reporteros Sin Fronteras ha condenado este viernes la decisión" a statement.
Read with the English lists, Spanish "sus" was "sue" (an official action) and every Spanish
verb was colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...ruledata import expect_keys, rule_data
from ..happening import COLOUR, Kind
from ..happening import rules as english_rules
from .rules import languages

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class _Stems:
    prefixes: tuple[tuple[str, str], ...]  # (stem, kind), longest stem first
    whole: dict[str, str]  # a word that names its kind only whole ("marche$")
    referring: frozenset[str]
    saying: frozenset[str]


@cache
def _stems(lang: str) -> _Stems:
    where = f"generator/events/data/intl/kinds/{lang}.yaml"
    data = rule_data("events", f"intl/kinds/{lang}.yaml")
    expect_keys(data, ("stems", "referring", "saying"), where)
    known = set(english_rules().kinds)
    expect_keys(data["stems"], known, f"{where} stems")
    prefixes: list[tuple[str, str]] = []
    whole: dict[str, str] = {}
    for kind, stems in data["stems"].items():
        for stem in stems:
            stem = str(stem).lower()
            if stem.endswith("$"):
                whole[stem[:-1]] = kind
            else:
                prefixes.append((stem, kind))
    prefixes.sort(key=lambda pair: (-len(pair[0]), pair[0]))
    return _Stems(tuple(prefixes), whole,
                  frozenset(str(w).lower() for w in data["referring"]),
                  frozenset(str(w).lower() for w in data["saying"]))


def has_kinds(lang: str) -> bool:
    """``lang`` has a kinds file (every language the events stage reads but English)."""
    return lang in languages()


@cache
def word_kind(word: str, lang: str) -> str | None:
    """The kind ``word`` names in ``lang`` ("detuvieron" -> arrest), or None."""
    stems = _stems(lang)
    word = word.lower()
    if word in stems.whole:
        return stems.whole[word]
    for stem, kind in stems.prefixes:
        if word.startswith(stem):
            return kind
    return None


def told_kind(sentence: str, lang: str) -> Kind:
    """The kind the sentence tells: its first kind word that no article or possessive
    stands right before ("tras el anuncio": referred to, known already; "la policía
    detuvo" tells an arrest); a
    statement followed by "que" passes on what was said ("dijo que el ejército detuvo":
    an arrest); colour when none."""
    stems = _stems(lang)
    kinds = english_rules().kinds
    words = [w.lower() for w in _WORD.findall(sentence)]
    said = None
    for at, word in enumerate(words):
        kind = word_kind(word, lang)
        if not kind or (at and words[at - 1] in stems.referring):
            continue
        if kind == "statement" and at + 1 < len(words) and words[at + 1] in stems.saying:
            said = kind
            continue
        return kinds[kind]
    return kinds[said] if said else Kind(COLOUR, english_rules().colour_weight)
