"""One happening told in two languages: a Spanish and a French report of the same day that
name the same people, places and figures are one entry listing both sources.

"El ejército desalojó las acampadas de Rabaa al Adawiya y Al Nahda: murieron 327 personas"
and "L'armée a évacué les sit-in de Rabaa al-Adawiya et d'al-Nahda, 327 morts" share the
names Rabaa al-Adawiya and al-Nahda and the figure 327: no translation is needed, names are
mostly the same in every language (compared by their consonants: "Moubarak" is "Mubarak").
A name of several words is one name ("Mohamed Morsi" is one person, not two pieces of
evidence), and two reports that each tell a kind of happening (an arrest, an attack) and no
kind in common are two happenings. A timeline in one language is left as it is.
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
from ..temporal.intl import available, get_lang_lexicon
from .extract import Event

# a name's parts apart: "al-Adawiya" is "al" and "Adawiya", "d'al-Nahda" ends in "Nahda"
_WORD = re.compile(r"[^\W\d_]+|\d[\d.,]*\d|\d")
# what may stand between two parts of one name: a space, a hyphen, an apostrophe
_JOINER = re.compile(r"[\s'’-]*")
_VOWELS = re.compile(r"[aeiouy]")
# a year ("el golpe del 3 de julio de 2013"): a date, which the join has matched already,
# not a figure of the happening ("327 muertos")
_A_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_KEYS = ("min_shared", "rare_weight", "min_overlap", "common_share", "common_min",
         "min_figure", "name_particles", "kinds")

# a name: the skeletons of its parts ("Mohamed Morsi" -> {"mhmd", "mrs"}); a figure: itself
Name = frozenset[str]


@dataclass(frozen=True)
class _Rules:
    min_shared: int
    rare_weight: float
    min_overlap: float
    common_share: float
    min_figure: int
    common_min: int
    particles: frozenset[str]
    kinds: tuple[tuple[str, tuple[str, ...]], ...]  # kind -> the stems of its words


@dataclass(frozen=True)
class _Group:
    """A group of one language's reports of one day, as the join compares them."""

    names: frozenset[Name]
    kinds: frozenset[str]


@cache
def _rules() -> _Rules:
    where = "data/intl/across_languages.yaml"
    data = rule_data("events", "intl/across_languages.yaml")
    expect_keys(data, _KEYS, where)
    kinds = tuple((str(kind), tuple(str(w).lower() for w in stems))
                  for kind, stems in data["kinds"].items())
    return _Rules(int(data["min_shared"]), float(data["rare_weight"]),
                  float(data["min_overlap"]), float(data["common_share"]),
                  int(data["min_figure"]), int(data["common_min"]),
                  frozenset(str(w).lower() for w in data["name_particles"]), kinds)


def join_languages(clusters: list[list[int]], events: list[Event]) -> list[list[int]]:
    """``clusters`` (of indexes into ``events``) with the groups of one day in different
    languages that name the same happening joined; unchanged when all are in one."""
    if len({e.lang for e in events}) < 2:
        return clusters
    rules = _rules()
    names = [_names(e.sentence, e.lang, rules) for e in events]
    counts = Counter(part for found in names for part in frozenset().union(*found))
    common = {n for n, c in counts.items()
              if c > rules.common_share * len(events) and c >= rules.common_min}
    weight = {n: math.log(len(events) / c) for n, c in counts.items()}
    groups = [_group(cluster, events, names, common, rules) for cluster in clusters]
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
                    score = _overlap(groups[a], groups[b], weight, rules)
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


def _group(cluster: list[int], events: list[Event], names: list[frozenset[Name]],
           common: set[str], rules: _Rules) -> _Group:
    """The group's names without their everyday parts, and the kinds its reports tell."""
    kept = set()
    for i in cluster:
        for name in names[i]:
            rare = name - common
            if rare:
                kept.add(frozenset(rare))
    kinds = frozenset().union(*(_kinds(events[i].sentence, rules) for i in cluster))
    return _Group(frozenset(kept), kinds)


def _overlap(first: _Group, second: _Group, weight: dict[str, float],
             rules: _Rules) -> float | None:
    """The rarity-weighted share of the smaller group's names the two share, if they share
    two names, or one rare name and a kind of happening, and tell no different kinds."""
    if first.kinds and second.kinds and not first.kinds & second.kinds:
        return None  # "detuvo" and "ont attaqué": an arrest and an attack
    count_a, shared_a = _shared(first.names, second.names, weight)
    count_b, shared_b = _shared(second.names, first.names, weight)
    count, shared = min(count_a, count_b), min(shared_a, shared_b)
    enough = count >= rules.min_shared or (
        count == 1 and shared >= rules.rare_weight and first.kinds & second.kinds)
    if not enough:
        return None
    smaller = min(_total(first.names, weight), _total(second.names, weight))
    score = shared / smaller if smaller else 0.0
    return score if score >= rules.min_overlap else None


def _shared(names: frozenset[Name], other: frozenset[Name],
            weight: dict[str, float]) -> tuple[int, float]:
    """How many of ``names`` the other group names too (by any of their parts: "Talaat
    Abdullah" is "Talaat Ibrahim Abdallah"), and their weight (each its rarest shared
    part's)."""
    parts = frozenset().union(*other) if other else frozenset()
    found = [max(weight[p] for p in name & parts) for name in names if name & parts]
    return len(found), sum(found)


def _total(names: frozenset[Name], weight: dict[str, float]) -> float:
    return sum(max(weight[p] for p in name) for name in names)


def _kinds(sentence: str, rules: _Rules) -> frozenset[str]:
    """The kinds of happening the sentence's words name ("detuvo" -> arrest)."""
    words = [w.lower() for w in _WORD.findall(sentence)]
    return frozenset(kind for kind, stems in rules.kinds
                     if any(w.startswith(stems) for w in words))


@cache
def _date_names(lang: str) -> frozenset[str]:
    """The language's month and weekday names: capitalised in "el puente del 6 de Octubre",
    they name a day, not a person or a place."""
    if lang not in available():
        return frozenset()
    lex = get_lang_lexicon(lang)
    return frozenset(w.lower() for w in [*lex.months, *lex.weekdays])


def _names(sentence: str, lang: str, rules: _Rules) -> frozenset[Name]:
    """The sentence's names (runs of capitalised words after its first, each part by its
    first letter and consonants) and figures other than years: "Los manifestantes volvieron
    a Tahrir con Mohamed Morsi, 327 muertos" -> {{"thrr"}, {"mhmd", "mrs"}, {"327"}}."""
    found: set[Name] = set()
    run: list[str] = []
    end = -1  # where the run's last word ended
    for n, match in enumerate(_WORD.finditer(sentence)):
        word = match.group(0)
        joined = end >= 0 and _JOINER.fullmatch(sentence, end, match.start()) is not None
        if joined and word.lower() in rules.particles:
            end = match.end()  # "Rabaa al-Adawiya": a particle inside a name
            continue
        if not joined and run:
            found.add(frozenset(run))
            run, end = [], -1
        if word[0].isdigit():
            figure = word.replace(".", "").replace(",", "")
            if figure.isdigit() and int(figure) >= rules.min_figure and not _A_YEAR.fullmatch(
                    word):
                found.add(frozenset({figure}))
        elif n > 0 and word[0].isupper() and word.lower() not in _date_names(lang):
            skeleton = _skeleton(word)
            if len(skeleton) >= 3:
                run.append(skeleton)
                end = match.end()
    if run:
        found.add(frozenset(run))
    return frozenset(found)


def _skeleton(word: str) -> str:
    """A name's first letter and consonants: "Égypte", "Egipto": "egpt"."""
    plain = re.sub(r"[^a-z]", "", unidecode.unidecode(word).lower())
    return plain[:1] + _VOWELS.sub("", plain[1:])
