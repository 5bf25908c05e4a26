"""The reader of ``data/intl/<lang>.yaml``: every key checked (``ruledata``), each list a set
or an alternation for the patterns (datelines: ``sources.furniture``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...ruledata import expect_keys, rule_data

_KEYS = ("attribution_verbs", "attribution_phrases", "attribution_pronouns", "date_words",
         "openers", "clause_words", "function_words", "frame_words", "finite_words",
         "relative_words", "phrase_openers", "source_phrases",
         "phrase_opener_endings", "not_gerunds")
# A capitalised word, in any of the languages' alphabets ("Mubarak", "Égypte", "Ángel").
UPPER = "A-ZÀ-ÖØ-Þ"


@dataclass(frozen=True)
class LanguageRules:
    verbs: tuple[str, ...]  # longest first: "ha dicho" before "dicho"
    phrases: tuple[str, ...]
    pronouns: frozenset[str]
    date_words: frozenset[str]
    openers: tuple[str, ...]
    clause_words: frozenset[str]
    function_words: frozenset[str]
    frame_words: frozenset[str] = frozenset()  # "En ..., el régimen ha ordenado"
    finite_words: frozenset[str] = frozenset()  # "es", "sigue", "hay"
    relative_words: tuple[str, ...] = ()  # "al que", "que": an aside's opening
    phrase_openers: frozenset[str] = frozenset()  # "en", "que": a phrase may end before
    phrase_opener_endings: tuple[str, ...] = ()  # "visant", "reprimiendo"
    not_gerunds: frozenset[str] = frozenset()  # "devant", "cuando"
    source_phrases: tuple[str, ...] = ()  # "en un comunicado": where a statement was made


def languages() -> tuple[str, ...]:
    return ("es", "fr", "it", "de", "pt")


@cache
def for_language(lang: str) -> LanguageRules:
    """The rules of ``lang`` (one of ``languages()``)."""
    where = f"data/intl/{lang}.yaml"
    data = rule_data("events", f"intl/{lang}.yaml")
    expect_keys(data, _KEYS, where)

    def words(key: str) -> list[str]:
        return [str(w).lower() for w in data.get(key, ())]

    def longest_first(key: str) -> tuple[str, ...]:
        return tuple(sorted(set(words(key)), key=lambda w: (-len(w), w)))

    return LanguageRules(
        verbs=longest_first("attribution_verbs"),
        phrases=longest_first("attribution_phrases"),
        pronouns=frozenset(words("attribution_pronouns")),
        date_words=frozenset(words("date_words")),
        openers=longest_first("openers"),
        clause_words=frozenset(words("clause_words")),
        function_words=frozenset(words("function_words")),
        frame_words=frozenset(words("frame_words")),
        finite_words=frozenset(words("finite_words")),
        relative_words=longest_first("relative_words"),
        phrase_openers=frozenset(words("phrase_openers")),
        phrase_opener_endings=longest_first("phrase_opener_endings"),
        not_gerunds=frozenset(words("not_gerunds")),
        source_phrases=longest_first("source_phrases"),
    )


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words`` (longest first), each space any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
