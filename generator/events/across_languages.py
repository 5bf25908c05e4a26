"""One happening told in two languages: a Spanish and a French report of the same day that
name the same people, places and figures are one entry listing both sources.

"El ejército desalojó las acampadas de Rabaa al Adawiya y Al Nahda: murieron 327 personas"
and "L'armée a évacué les sit-in de Rabaa al-Adawiya et d'al-Nahda, 327 morts" share
Rabaa, Adawiya, Nahda and 327: no translation is needed, names are mostly the same in every
language (compared by their consonants: "Moubarak" is "Mubarak"). A timeline in one
language is left as it is.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache

import unidecode

from ..ruledata import expect_keys, rule_data
from .extract import Event

# a name's parts apart: "al-Adawiya" is "al" and "Adawiya", "d'al-Nahda" ends in "Nahda"
_WORD = re.compile(r"[^\W\d_]+|\d[\d.,]*\d|\d")
_VOWELS = re.compile(r"[aeiouy]")


@dataclass(frozen=True)
class _Rules:
    min_shared: int
    min_overlap: float
    common_share: float
    min_figure: int
    common_min: int


@cache
def _rules() -> _Rules:
    where = "data/intl/across_languages.yaml"
    data = rule_data("events", "intl/across_languages.yaml")
    expect_keys(data, ("min_shared", "min_overlap", "common_share", "common_min",
                       "min_figure"), where)
    return _Rules(int(data["min_shared"]), float(data["min_overlap"]),
                  float(data["common_share"]), int(data["min_figure"]), int(data["common_min"]))


def join_languages(clusters: list[list[int]], events: list[Event]) -> list[list[int]]:
    """``clusters`` (of indexes into ``events``) with the groups of one day in different
    languages that name the same happening joined; unchanged when all are in one."""
    if len({e.lang for e in events}) < 2:
        return clusters
    rules = _rules()
    names = [_anchors(e.sentence, rules.min_figure) for e in events]
    counts = Counter(n for found in names for n in found)
    common = {n for n, c in counts.items()
              if c > rules.common_share * len(events) and c >= rules.common_min}
    weight = {n: math.log(len(events) / c) for n, c in counts.items()}
    anchors = [frozenset().union(*(names[i] for i in c)) - common for c in clusters]
    languages = [{events[i].lang for i in c} for c in clusters]
    by_day: dict[date, list[int]] = {}
    for n, cluster in enumerate(clusters):
        day = _one_day(cluster, events)
        if day is not None:
            by_day.setdefault(day, []).append(n)
    joined: dict[int, int] = {}  # cluster -> the cluster it joined
    for day_clusters in by_day.values():
        pairs = []
        for a in day_clusters:
            for b in day_clusters:
                if a < b and not languages[a] & languages[b]:
                    score = _overlap(anchors[a], anchors[b], weight, rules)
                    if score is not None:
                        pairs.append((-score, a, b))
        for _, a, b in sorted(pairs):
            a, b = _root(joined, a), _root(joined, b)
            if a == b or languages[a] & languages[b]:
                continue  # each language's report of a happening joins it once
            joined[b] = a
            languages[a] |= languages[b]
    merged: dict[int, list[int]] = {}
    for n, cluster in enumerate(clusters):
        merged.setdefault(_root(joined, n), []).extend(cluster)
    return list(merged.values())


def _root(joined: dict[int, int], n: int) -> int:
    while n in joined:
        n = joined[n]
    return n


def _one_day(cluster: list[int], events: list[Event]) -> date | None:
    """The day every report of the group is dated by, if they all name one day."""
    days = {(events[i].start, events[i].end) for i in cluster}
    if len(days) != 1:
        return None
    start, end = days.pop()
    return start if start == end else None


def _overlap(first: frozenset[str], second: frozenset[str], weight: dict[str, float],
             rules: _Rules) -> float | None:
    """The rarity-weighted share of the smaller group's names the two share, if enough."""
    shared = first & second
    if len(shared) < rules.min_shared:
        return None
    smaller = min(sum(weight[n] for n in first), sum(weight[n] for n in second))
    score = sum(weight[n] for n in shared) / smaller if smaller else 0.0
    return score if score >= rules.min_overlap else None


def _anchors(sentence: str, min_figure: int) -> frozenset[str]:
    """The sentence's names (capitalised words after its first, by their first letter and
    consonants) and figures: "Los manifestantes volvieron a Tahrir, 327 muertos" ->
    {"thrr", "327"}."""
    found = set()
    for n, word in enumerate(_WORD.findall(sentence)):
        if word[0].isdigit():
            figure = word.replace(".", "").replace(",", "")
            if figure.isdigit() and int(figure) >= min_figure:
                found.add(figure)
        elif n > 0 and word[0].isupper():
            plain = re.sub(r"[^a-z]", "", unidecode.unidecode(word).lower())
            skeleton = plain[:1] + _VOWELS.sub("", plain[1:])  # "Égypte", "Egipto": "egpt"
            if len(skeleton) >= 3:
                found.add(skeleton)
    return frozenset(found)
