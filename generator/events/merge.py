"""Merging the reports of one happening: same date, same story, many articles -> one entry.

Similarity is the cosine of the sentences' content-word vectors, each word weighted by how
rare it is across the timeline (tf-idf): in a timeline about embassy bombings, "embassy"
says little and "grenade" says much. Clustering is centroid-linkage within one date (and,
at a stricter threshold, across adjacent days): two groups of reports are compared by the
sums of their vectors, so a story told in many words by many articles ("Kenya and
Tanzania", "the Kenyan and Tanzanian capitals") still draws a report that shares its core
(the average of all pairwise similarities sinks as the story grows). Nothing is lost: a
merged entry keeps every member's sentence and source.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from ..ruledata import settings
from . import happening, same_happening
from .across_languages import join_languages
from .extract import Event
from .intl import words as intl_words
from .rules_file import events_rules

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


@dataclass(frozen=True)
class Story:
    """One happening: the event chosen to speak for it, and every report of it."""

    lead: Event
    reports: tuple[Event, ...]
    key: bool = False  # one of the timeline's key happenings (salience.mark_key)

    @property
    def conflicting_dates(self) -> bool:
        """Reports whose dates cannot both be right (a time inside its day is no conflict; a
        lead with no date of its own, dated by its publication day, has no date to
        disagree with)."""
        dated = [r for r in self.reports if r.phrase]
        return any(a.end < b.start or b.end < a.start for a in dated for b in dated)


@dataclass(frozen=True)
class _Rules:
    same_date: float
    back_reference: float
    back_reference_days: int
    adjacent_days: float
    retold_days: int
    window: int
    stopwords: frozenset[str]


@cache
def _rules() -> _Rules:
    return settings(_Rules, events_rules()["merge"])


def merge_events(events: list[Event]) -> list[Story]:
    """Group ``events`` (one timeline, timeline order) into stories, in timeline order."""
    rules = _rules()
    vectors = _vectors([(_context(e, rules.window), e.lang) for e in events], rules.stopwords)
    similarity = _Similarity(vectors)
    similarity.proper = happening.proper_words(sorted({e.sentence for e in events}))
    similarity.sentences = _Similarity(_vectors([(e.sentence, e.lang) for e in events],
                                                rules.stopwords))
    clusters: list[list[int]] = []
    for block in _date_blocks(events):
        clusters.extend(_agglomerate(block, events, similarity, rules))
    clusters = _join_adjacent_days(clusters, events, similarity, rules)
    clusters = _join_coarser(clusters, events, similarity)
    clusters = _join_reported(clusters, events, similarity, rules)
    clusters = _join_retold(clusters, events, rules)
    clusters = join_languages(clusters, events)
    clusters.sort(key=min)  # a story's place is its first report's
    return [_story([events[i] for i in sorted(c)], similarity, c) for c in clusters]


class _Similarity:
    """Cosine similarities between reports, computed once per pair."""

    def __init__(self, vectors: list[dict[str, float]]) -> None:
        self.vectors = vectors
        self.cache: dict[tuple[int, int], float] = {}
        self.centroids: dict[tuple[int, ...], dict[str, float]] = {}
        self.proper: frozenset[str] = frozenset()  # the words that are names
        self.sentences: _Similarity | None = None  # the same over whole sentences

    def __call__(self, a: int, b: int) -> float:
        key = (a, b) if a < b else (b, a)
        if key not in self.cache:
            self.cache[key] = _cosine(self.vectors[a], self.vectors[b])
        return self.cache[key]

    def linkage(self, first: list[int], second: list[int]) -> float:
        """Cosine of the two groups' centroids (for two single reports: their cosine)."""
        if len(first) == 1 and len(second) == 1:
            return self(first[0], second[0])
        return _cosine(self._centroid(first), self._centroid(second))

    def _centroid(self, members: list[int]) -> dict[str, float]:
        key = tuple(members)
        if key not in self.centroids:
            self.centroids[key] = self._sum(members)
        return self.centroids[key]

    def _sum(self, members: list[int]) -> dict[str, float]:
        total: dict[str, float] = {}
        for i in members:
            for w, v in self.vectors[i].items():
                total[w] = total.get(w, 0.0) + v
        norm = math.sqrt(sum(v * v for v in total.values())) or 1.0
        return {w: v / norm for w, v in total.items()}


def _one_day(event: Event) -> bool:
    """Dated to one day (a time included), not a range of days or a coarser period."""
    return event.precision in ("day", "time") and event.start == event.end


def _date_blocks(events: list[Event]) -> list[list[int]]:
    """Reports that can only merge with each other: one day (times included), or one value."""
    blocks: dict[tuple, list[int]] = {}
    for index, event in enumerate(events):
        if _one_day(event):
            key: tuple = ("day", event.start)
        else:
            key = ("value", event.value)
        blocks.setdefault(key, []).append(index)
    return list(blocks.values())


# Blocks larger than this are clustered greedily: the search for the best pair costs n^3.
_LARGEST_BLOCK = 150


def _agglomerate(
    block: list[int], events: list[Event], similarity: _Similarity, rules: _Rules
) -> list[list[int]]:
    """Centroid-linkage clustering: merge the most similar pair while it clears its threshold."""
    if len(block) > _LARGEST_BLOCK:
        return _greedy(block, events, similarity, rules)
    clusters = [[i] for i in block]
    known: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[float, float]] = {}
    while len(clusters) > 1:
        best = None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                pair = (tuple(clusters[x]), tuple(clusters[y]))
                if pair not in known:  # only pairs with the last merged cluster are new
                    known[pair] = (similarity.linkage(clusters[x], clusters[y]),
                                   _needed_pair(clusters[x], clusters[y], events, similarity,
                                                rules))
                score, needed = known[pair]
                if score >= needed and (best is None or score > best[0]):
                    best = (score, x, y)
        if best is None:
            break
        _, x, y = best
        clusters[x] = clusters[x] + clusters.pop(y)
    return clusters


def _greedy(
    block: list[int], events: list[Event], similarity: _Similarity, rules: _Rules
) -> list[list[int]]:
    clusters: list[list[int]] = []
    for index in block:
        scored = [(similarity.linkage([index], c), n) for n, c in enumerate(clusters)]
        fits = [(score, n) for score, n in scored
                if score >= _needed_pair(clusters[n], [index], events, similarity, rules)]
        if fits:
            clusters[max(fits)[1]].append(index)
        else:
            clusters.append([index])
    return clusters


def _needed_pair(
    first: list[int], second: list[int], events: list[Event], similarity: _Similarity,
    rules: _Rules,
) -> float:
    """The similarity two groups of one date need to merge: never for two different
    happenings (other actors: ``same_happening.conflict``), nearly the same words for two
    kinds, less for one kind of happening told in other words, else the date's threshold."""
    a, b = [events[i] for i in first], [events[i] for i in second]
    why = same_happening.conflict(a, b, similarity.proper, rules.stopwords)
    if why == "actors":
        return math.inf
    needed = _needed(first + second, events, rules)
    if why == "kinds":
        return max(needed, same_happening.other_kinds_similarity())
    # One kind of happening told in other words: their whole sentences are alike, though the
    # words next to the date may not be ("The suspected car bombings occurred 700 kilometers
    # apart ... on Friday").
    if (same_happening.same_kind(a, b) and similarity.sentences is not None
            and similarity.sentences.linkage(first, second)
            >= same_happening.same_kind_similarity()):
        return -math.inf
    return needed


def _needed(members: list[int], events: list[Event], rules: _Rules) -> float:
    if any(_looks_back(events[i], rules) for i in members):
        return rules.back_reference
    return rules.same_date


def _join_adjacent_days(
    clusters: list[list[int]], events: list[Event], similarity: _Similarity, rules: _Rules
) -> list[list[int]]:
    """Merge stories told one day apart in nearly the same words (flagged as a conflict)."""
    by_day: dict = {}
    for cluster in clusters:
        lead = events[cluster[0]]
        if _one_day(lead):
            by_day.setdefault(lead.start, []).append(cluster)
    merged: set[int] = set()
    for day in sorted(by_day):
        for cluster in by_day[day]:
            if id(cluster) in merged:
                continue
            for other in by_day.get(day + timedelta(days=1), []):
                if id(other) in merged:
                    continue
                if _undated_leads(other, events) and same_happening.same_kind(
                        [events[i] for i in cluster], [events[i] for i in other]
                ) and similarity.sentences is not None and similarity.sentences.linkage(
                        cluster, other) >= same_happening.same_kind_similarity():
                    # "Terrorist bombings at U.S. embassies ... blew apart buildings", the
                    # lead of the next day's story: its day was only the publication day's
                    cluster.extend(other)
                    merged.add(id(other))
                    continue
                if _share_an_article(cluster, other, events):
                    continue  # two dates in one article are two happenings
                if _explicit(cluster, events) and _explicit(other, events):
                    continue  # "On April 20, 2000" and "On April 21, 2000": two days as told
                if same_happening.conflict([events[i] for i in cluster],
                                           [events[i] for i in other],
                                           similarity.proper, rules.stopwords) == "actors":
                    continue
                if similarity.linkage(cluster, other) >= rules.adjacent_days:
                    cluster.extend(other)
                    merged.add(id(other))
    return [c for c in clusters if id(c) not in merged]


def _join_coarser(
    clusters: list[list[int]], events: list[Event], similarity: _Similarity
) -> list[list[int]]:
    """A happening told by its week or month ("Elian was rescued off the coast of Florida
    in November") joins the one-day happening inside that span that tells the same kind of
    happening in the most alike sentences (at least ``coarser_similarity``), or the span's
    dominant happening of that kind (``_dominant``) at ``same_kind_similarity``; by other
    actors never: the day is the better date of it."""
    if similarity.sentences is None:
        return clusters
    days = [c for c in clusters if _one_day(events[c[0]])]
    merged: set[int] = set()
    for cluster in clusters:
        lead = events[cluster[0]]
        if _one_day(lead) or lead.precision not in ("week", "weekend", "month"):
            continue
        group = [events[i] for i in cluster]
        candidates = []
        for day in days:
            if not lead.start <= events[day[0]].start <= lead.end or id(day) in merged:
                continue
            other = [events[i] for i in day]
            if not same_happening.same_kind(group, other) or same_happening.conflict(
                    group, other, similarity.proper) == "actors":
                continue
            candidates.append((similarity.sentences.linkage(cluster, day), day))
        best = max(candidates, key=lambda c: c[0], default=None)
        dominant = _dominant([day for _, day in candidates], events)
        if dominant is not None:  # the span's big story of the kind, in whatever words
            best = next(c for c in candidates if c[1] is dominant)
        needed = (same_happening.same_kind_similarity() if dominant is not None
                  else same_happening.coarser_similarity())
        if best is not None and best[0] >= needed:
            best[1].extend(cluster)
            merged.add(id(cluster))
    return [c for c in clusters if id(c) not in merged]


def _dominant(candidates: list[list[int]], events: list[Event]) -> list[int] | None:
    """Of a span's happenings of one kind, the one told by ``dominant_share`` times as many
    articles as any other (at least two): "the bombings in Kenya and Tanzania last week
    claimed at least 217 lives" is the week's bombing that 17 articles report, not another
    attack told once that week. None when none stands out so."""
    def articles(cluster: list[int]) -> int:
        return len({events[i].source.path for i in cluster})

    ranked = sorted(candidates, key=articles, reverse=True)
    if not ranked or articles(ranked[0]) < 2:
        return None
    runner_up = articles(ranked[1]) if len(ranked) > 1 else 0
    return ranked[0] if articles(ranked[0]) >= same_happening.dominant_share() * runner_up \
        else None


def _join_reported(
    clusters: list[list[int]], events: list[Event], similarity: _Similarity, rules: _Rules
) -> list[list[int]]:
    """A happening dated only by its report ("Another man has been arrested ..., police said
    today": every report's date is its saying's) joins the happening of the kind it tells
    dated up to ``reported_days`` before (the nearest, then the most alike), whose reports
    give it its own date ("police said the FBI arrested Mohamed ... Thursday morning"), by
    other actors never."""
    if similarity.sentences is None:
        return clusters
    days = [c for c in clusters if _one_day(events[c[0]])]
    merged: set[int] = set()
    for cluster in clusters:
        group = [events[i] for i in cluster]
        if not _one_day(group[0]) or not all(
                same_happening.dated_by_report(e) or not e.phrase for e in group):
            continue
        kinds = same_happening.told_kinds(group)
        day = group[0].start
        best = None
        for other in days:
            before = (day - events[other[0]].start).days
            if other is cluster or id(other) in merged or \
                    not 0 < before <= same_happening.reported_days():
                continue
            told = [events[i] for i in other]
            if not kinds & same_happening.told_kinds(told) or same_happening.conflict(
                    group, told, similarity.proper, rules.stopwords) == "actors":
                continue
            score = similarity.sentences.linkage(cluster, other)
            if score >= same_happening.same_kind_similarity() and (
                    best is None or (before, -score) < best[0]):
                best = ((before, -score), other)
        if best is not None:
            best[1].extend(cluster)
            merged.add(id(cluster))
    return [c for c in clusters if id(c) not in merged]


def _join_retold(clusters: list[list[int]], events: list[Event], rules: _Rules) -> list[list[int]]:
    """Merge stories that tell the same sentence, date phrase included, in two articles
    published within ``retold_days``: a wire story filed again later, whose "Wednesday" now
    resolves to another week. One happening, two readings: the entry is flagged as a date
    conflict instead of showing up twice."""
    owner: dict[tuple[str, str], tuple[int, int]] = {}  # (sentence, phrase) -> first teller
    parent = list(range(len(clusters)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for n, cluster in enumerate(clusters):
        for i in cluster:
            event = events[i]
            key = (" ".join(event.sentence.split()), event.phrase)
            first, teller = owner.setdefault(key, (n, i))
            if first == n:
                continue
            other = events[teller]
            close = abs((event.source.date - other.source.date).days) <= rules.retold_days
            if close and event.source.path != other.source.path:
                parent[root(n)] = root(first)
    merged: dict[int, list[int]] = {}
    for n, cluster in enumerate(clusters):
        merged.setdefault(root(n), []).extend(cluster)
    return list(merged.values())


# A date phrase that names its day outright ("April 20", "20 April", "Aug. 7, 1998"): two
# reports that name two days tell two happenings; only relative dates ("Friday") can be two
# readings of one.
_EXPLICIT_DAY = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct"
    r"|nov|dec)[a-z]*\b|\b\d{4}-\d\d-\d\d\b")


def _undated_leads(cluster: list[int], events: list[Event]) -> bool:
    """Every report of the group is a lead dated by its publication day (no date phrase)."""
    return all(events[i].lead and not events[i].phrase for i in cluster)


def _explicit(cluster: list[int], events: list[Event]) -> bool:
    """Every report of the group names its day outright."""
    return all(_EXPLICIT_DAY.search(events[i].phrase) for i in cluster)


def _share_an_article(first: list[int], second: list[int], events: list[Event]) -> bool:
    """One article tells both, on two different days: two happenings, never one with a date
    conflict ("On April 20 the central bank announced ..." beside "On April 21 the minister
    said ...")."""
    def articles(cluster: list[int]) -> set[str]:  # an undated lead's day is a guess
        return {events[i].source.path for i in cluster if events[i].phrase}

    return bool(articles(first) & articles(second))


def _looks_back(event: Event, rules: _Rules) -> bool:
    """A report published well after its date refers back to a known happening."""
    return (event.source.date - event.end).days > rules.back_reference_days


def _context(event: Event, window: int) -> str:
    """The words around the date phrase: what the date is attached to in the sentence.

    "Freeh said Friday that the air raids had no links to the Aug. 7 bombings": for the
    Aug. 7 mention, "links to the bombings" matters, not what Freeh did on Friday.
    """
    words = event.sentence.split()
    at = len(event.sentence[: max(event.sentence.find(event.phrase), 0)].split())
    span = len(event.phrase.split())
    return " ".join(words[max(at - window, 0) : at + span + window])


def _story(reports: list[Event], similarity: _Similarity, members: list[int]) -> Story:
    """A fresh dated report (not a later look back, not a caption, not a lead dated only by
    its publication day, not a coarser date than another's, one that tells a happening, not a
    statement or colour: the ruling, not a reaction to it, if any other will do) most
    like all the others speaks for the story; then the one published first. When reports of
    its kind give figures (a toll), the latest of them speaks instead: the first toll is
    rarely the last (the earlier ones stay in "Also reported")."""
    ordered = sorted(members)
    weak = [not same_happening.told_kinds([r]) for r in reports]  # a statement, colour

    def rank(position: int) -> tuple:
        event = reports[position]
        centrality = sum(similarity(ordered[position], m) for m in ordered)
        looks_back = _looks_back(event, _rules())
        return ("caption" in event.flags, not event.phrase,
                same_happening.dated_by_report(event), (event.end - event.start).days,
                weak[position] and not all(weak), looks_back, -round(centrality, 6),
                event.source.date, position)

    lead = reports[min(range(len(reports)), key=rank)]
    lead = same_happening.figures_lead(reports, lead)
    return Story(lead=lead, reports=tuple(reports))


def content_words(text: str, lang: str = "en") -> list[str]:
    """The words that say what a text tells, folded ("Gonzalez arrives in the United States":
    gonzalez, arrive, united, state), as the merge compares them."""
    return _tokens(text, _rules().stopwords, lang)


def _tokens(sentence: str, stopwords: frozenset[str], lang: str = "en") -> list[str]:
    if lang != "en":  # another language's words, stop words and lemmas (intl/words.py)
        return intl_words.content_words(sentence, lang)
    words = (w.lower().strip("'-") for w in _WORD.findall(sentence))
    return [_stem(w) for w in words if len(w) > 2 and w not in stopwords]


def _stem(word: str) -> str:
    """Crude suffix folding: bombings/bombing/bombed -> bomb; enough for overlap counting."""
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _vectors(texts: list[tuple[str, str]], stopwords: frozenset[str]) -> list[dict[str, float]]:
    """tf-idf vectors of (text, language) pairs."""
    documents = [Counter(_tokens(text, stopwords, lang)) for text, lang in texts]
    frequency = Counter(word for doc in documents for word in doc)
    total = len(documents)
    vectors = []
    for doc in documents:
        weights = {w: c * (math.log((1 + total) / (1 + frequency[w])) + 1) for w, c in doc.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        vectors.append({w: v / norm for w, v in weights.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())
