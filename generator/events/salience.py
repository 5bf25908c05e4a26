"""Which happenings of a timeline are key: ranked by what newsrooms weigh.

A happening's score is a weighted sum (weights in ``data/happenings.yaml``) of:

- articles: how many distinct articles report it (log-scaled against the most reported);
- lead: whether an article's lead sentence tells it (its main happening);
- kind: the kind its reports tell (official action, ruling, attack, arrest, arrival,
  deadline > statement > colour), by the first word of each report that names a kind;
- exact: how exactly it is dated (a day over a month over a year);
- core: how near it is to the crisis's own span (the dense core of the timeline's dates);
- reports: how many reports tell it.

Happenings well before the core (or naming none of the timeline's people and places) are
``background`` and never key. The top ``key_count`` of the others are key.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from ..ruledata import expect_keys, rule_data, settings
from . import happening
from .merge import Story

_SIGNALS = ("articles", "lead", "kind", "exact", "core", "reports")


@dataclass(frozen=True)
class _Rules:
    weights: dict[str, float]
    exact: dict[str, float]
    core_share: float
    core_days: int
    background_days: int
    names_share: float
    per_sqrt: float
    per_article: float
    min_key: int
    max_key: int
    max_share: float
    key_per_day: int


@cache
def _rules() -> _Rules:
    data = rule_data("events", "happenings.yaml")["salience"]
    where = "generator/events/data/happenings.yaml salience"
    expect_keys(data, ("weights", "exact", "core_share", "core_days", "background_days",
                       "names_share", "key_count"), where)
    expect_keys(data["weights"], _SIGNALS, f"{where}.weights")
    count = data["key_count"]
    expect_keys(count, ("per_sqrt", "per_article", "min_key", "max_key", "max_share", "per_day"),
                f"{where}.key_count")
    return settings(
        _Rules, {**data, **count},
        weights={k: float(data["weights"].get(k, 0.0)) for k in _SIGNALS},
        exact={k: float(v) for k, v in data["exact"].items()},
        key_per_day=int(count["per_day"]),
    )


def key_count(happenings: int, articles: int) -> int:
    """round(per_sqrt * sqrt(happenings) + per_article * articles), clamped to
    [min_key, max_key], and at most max_share of the happenings (rounded up)."""
    r = _rules()
    wanted = round(r.per_sqrt * math.sqrt(happenings) + r.per_article * articles)
    wanted = min(max(wanted, r.min_key), r.max_key)
    return min(wanted, math.ceil(r.max_share * happenings))


def core_span(stories: list[Story]) -> tuple[date, date] | None:
    """The shortest run of days that holds ``core_share`` of the dated reports (one per
    article and happening, dated to a day or a week)."""
    r = _rules()
    days = sorted(
        story.lead.start
        for story in stories
        if story.lead.precision in ("day", "time", "week", "weekend")
        for _ in {report.source.path for report in story.reports}
    )
    if not days:
        return None
    need = max(1, math.ceil(r.core_share * len(days)))
    best = min(range(len(days) - need + 1), key=lambda i: ((days[i + need - 1] - days[i]), i))
    return days[best], days[best + need - 1]


def timeline_names(stories: list[Story]) -> frozenset[str]:
    """The timeline's people and places: names in at least ``names_share`` of its articles
    (at least two), or, with a single article, in at least two of its sentences. A story
    that names someone, but none of them, is background."""
    r = _rules()
    per_article: dict[str, set[str]] = {}
    per_sentence: dict[str, set[tuple[str, str]]] = {}
    for story in stories:
        for report in story.reports:
            for name in happening.names(report.sentence):
                name = name.lower()
                per_article.setdefault(name, set()).add(report.source.path)
                per_sentence.setdefault(name, set()).add((report.source.path, report.sentence))
    articles = {report.source.path for story in stories for report in story.reports}
    if len(articles) <= 1:
        return frozenset(n for n, s in per_sentence.items() if len(s) >= 2)
    need = max(2, math.ceil(r.names_share * len(articles)))
    return frozenset(n for n, a in per_article.items() if len(a) >= need)


def is_background(story: Story, core: tuple[date, date] | None, names: frozenset[str]) -> bool:
    if "background" in story.lead.flags:
        return True
    if core and story.lead.end < core[0] - timedelta(days=_rules().background_days):
        return True
    told = {n.lower() for report in story.reports for n in happening.names(report.sentence)}
    return bool(names) and bool(told) and not told & names


def scores(stories: list[Story], core: tuple[date, date] | None) -> list[float]:
    """Each story's salience (see the module's docstring)."""
    r = _rules()
    heaviest = max(k.weight for k in happening.rules().kinds.values())
    counts = [len({report.source.path for report in s.reports}) for s in stories]
    sizes = [len(s.reports) for s in stories]
    most_articles, most_reports = max(counts, default=1), max(sizes, default=1)
    result = []
    for story, articles, size in zip(stories, counts, sizes, strict=True):
        kind = max(happening.main_kind(report.sentence).weight for report in story.reports)
        signals = {
            "articles": math.log1p(articles) / math.log1p(most_articles),
            "lead": max((_lead_value(report) for report in story.reports), default=0.0),
            "kind": kind / heaviest,
            "exact": r.exact.get(story.lead.precision, 0.0),
            "core": _nearness(story, core, r.core_days),
            "reports": math.log1p(size) / math.log1p(most_reports),
        }
        result.append(sum(r.weights[name] * value for name, value in signals.items()))
    return result


def _lead_value(report) -> float:
    """For a lead sentence, the weight of the kind it tells over the heaviest (a lead that
    only sets a feature's scene counts little); 0 for any other sentence."""
    if not report.lead:
        return 0.0
    heaviest = max(k.weight for k in happening.rules().kinds.values())
    return happening.main_kind(report.sentence).weight / heaviest


def _nearness(story: Story, core: tuple[date, date] | None, days: int) -> float:
    if core is None:
        return 1.0
    lead = story.lead
    if lead.end < core[0]:
        distance = (core[0] - lead.end).days
    elif lead.start > core[1]:
        distance = (lead.start - core[1]).days
    else:
        return 1.0
    return max(0.0, 1.0 - distance / days)


def mark_key(stories: list[Story]) -> list[Story]:
    """The stories (timeline order kept) with ``key`` set on the top-scored non-background
    ones, and ``background`` flagged on their lead where it applies."""
    if not stories:
        return stories
    core = core_span(stories)
    names = timeline_names(stories)
    background = [is_background(s, core, names) for s in stories]
    score = scores(stories, core)
    articles = {report.source.path for s in stories for report in s.reports}
    wanted = key_count(len(stories), len(articles))
    eligible = [i for i, bg in enumerate(background) if not bg]
    ranked = sorted(eligible, key=lambda i: (-round(score[i], 9), i))
    key: set[int] = set()
    per_day: dict[date, int] = {}
    for i in ranked:  # the best of each day first: a chronology gives a day one or two items
        day = stories[i].lead.start
        if len(key) < wanted and per_day.get(day, 0) < _rules().key_per_day:
            key.add(i)
            per_day[day] = per_day.get(day, 0) + 1
    marked = []
    for i, story in enumerate(stories):
        lead = story.lead
        if background[i] and "background" not in lead.flags:
            lead = replace(lead, flags=(*lead.flags, "background"))
        marked.append(replace(story, lead=lead, key=i in key))
    return marked
