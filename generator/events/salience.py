"""Which happenings of a timeline are key: ranked by what newsrooms weigh.

A happening's score is a weighted sum (weights in ``data/happenings.yaml``) of:

- articles: how many distinct articles report it (log-scaled against the most reported);
- lead: whether an article's lead sentence tells it (its main happening);
- kind: the kind its reports tell (official action, ruling, attack, arrest, arrival,
  deadline > statement > colour), by the first word of each report that names a kind, in
  the report's own language (``intl/kinds.py``);
- exact: how exactly it is dated (a day over a month over a year);
- core: how near it is to the crisis's own span (from the dense core of the timeline's
  dates to its last article);
- reports: how many reports tell it;
- coverage: how much news its day made (the peak of coverage): the distinct articles
  published on its first day or the day after, against the busiest such day;
- people: how much it involves the story's own people and places (the share of its names
  that are the timeline's, weighted by how many of its articles name each);
- direct: whether a report tells it as fact, not attributed ("U.S. forces launched cruise
  missile strikes" over "Clinton said he had ordered the strikes");
- day: how many distinct articles tell of its day, whatever happening each reports.

Happenings well before the core (or naming none of the timeline's people and places) are
``background`` and never key, nor is a plan (``planned``: dated after every report of it, it
has not happened yet). The top ``key_count`` of the others are key: about one a day of the
story's coverage (its articles' distinct publication days); colour or an outsider's words
told by one article, or what opinion pieces alone tell, only to reach the minimum count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from ..ruledata import expect_keys, rule_data, settings
from . import happening, same_happening
from .extract import Event
from .intl import kinds as intl_kinds
from .merge import Story, content_words

_SIGNALS = ("articles", "lead", "kind", "exact", "core", "reports", "coverage", "people",
            "direct", "day")


@dataclass(frozen=True)
class _Rules:
    weights: dict[str, float]
    exact: dict[str, float]
    core_share: float
    core_days: int
    coverage_days: int
    background_days: int
    names_share: float
    per_news_day: float
    min_key: int
    max_key: int
    max_share: float
    key_per_day: int
    retold_days: int
    retold_overlap: float
    retold_hindsight: int


@cache
def _rules() -> _Rules:
    data = rule_data("events", "happenings.yaml")["salience"]
    where = "generator/events/data/happenings.yaml salience"
    expect_keys(data, ("weights", "exact", "core_share", "core_days", "coverage_days",
                       "background_days", "names_share", "key_count", "retold"), where)
    expect_keys(data["weights"], _SIGNALS, f"{where}.weights")
    count = data["key_count"]
    expect_keys(count, ("per_news_day", "min_key", "max_key", "max_share", "per_day"),
                f"{where}.key_count")
    return settings(
        _Rules, {**data, **count},
        weights={k: float(data["weights"].get(k, 0.0)) for k in _SIGNALS},
        exact={k: float(v) for k, v in data["exact"].items()},
        key_per_day=int(count["per_day"]),
        retold_days=int(data["retold"]["days"]),
        retold_overlap=float(data["retold"]["overlap"]),
        retold_hindsight=int(data["retold"]["hindsight"]),
    )


def key_count(happenings: int, news_days: int) -> int:
    """round(per_news_day * news_days), clamped to [min_key, max_key], and at most max_share
    of the happenings (rounded up). ``news_days``: the distinct publication days of the
    timeline's articles; a chronology gives a day of coverage about one item (24 stories
    over 17 days of the embassy bombings: 17 key events)."""
    r = _rules()
    wanted = round(r.per_news_day * news_days)
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
    """Each story's salience (see the module's docstring): its signals' weighted sum."""
    weights = _rules().weights
    return [sum(weights[name] * value for name, value in story_signals.items())
            for story_signals in signals(stories, core)]


def signals(stories: list[Story], core: tuple[date, date] | None) -> list[dict[str, float]]:
    """Each story's signals, each between 0 and 1 (see the module's docstring)."""
    r = _rules()
    heaviest = max(k.weight for k in happening.rules().kinds.values())
    counts = [len({report.source.path for report in s.reports}) for s in stories]
    sizes = [len(s.reports) for s in stories]
    most_articles, most_reports = max(counts, default=1), max(sizes, default=1)
    coverage = _coverage(stories)
    day = _day_reports(stories)
    last = max((report.source.date for s in stories for report in s.reports), default=date.min)
    people = _people(stories)
    result = []
    for story, articles, size in zip(stories, counts, sizes, strict=True):
        kind = max(report_kind(report).weight for report in story.reports)
        result.append({
            "articles": math.log1p(articles) / math.log1p(most_articles),
            "lead": max((_lead_value(report) for report in story.reports), default=0.0),
            "kind": kind / heaviest,
            "exact": r.exact.get(story.lead.precision, 0.0),
            "core": _nearness(story, core, last, r.core_days),
            "reports": math.log1p(size) / math.log1p(most_reports),
            "coverage": coverage(story),
            "people": people(story),
            "direct": float(any("reported" not in rep.flags for rep in story.reports)),
            "day": day(story),
        })
    return result


def _coverage(stories: list[Story]):
    """The peak-of-coverage signal: a happening of a day that made news ("the INS ruled
    Wednesday", and five stories came out Wednesday and Thursday) over one told in passing
    between news days. log(1 + articles published on its first day or up to
    ``coverage_days`` after) over the same for the busiest day; 0 for a happening dated
    coarser than a week."""
    published: dict[date, set[str]] = {}
    for story in stories:
        for report in story.reports:
            published.setdefault(report.source.date, set()).add(report.source.path)

    after = _rules().coverage_days

    def news(day: date) -> int:
        return len(set().union(*(published.get(day + timedelta(days=n), set())
                                 for n in range(after + 1))))

    busiest = max((news(day) for day in published), default=1)

    def value(story: Story) -> float:
        if story.lead.precision not in ("day", "time", "week", "weekend"):
            return 0.0
        return math.log1p(news(story.lead.start)) / math.log1p(busiest)

    return value


def _day_reports(stories: list[Story]):
    """The date-salience signal: how many distinct articles report some happening of its
    day, over the most for any day (timeline summarisation's date selection: a day that
    many articles tell of, "el 25 de enero" in 29 articles and "el viernes 28" in 7, is a
    key date whatever happening each tells); 0 for a happening dated coarser than a day."""
    told: dict[date, set[str]] = {}
    for story in stories:
        if story.lead.precision in ("day", "time"):
            told.setdefault(story.lead.start, set()).update(r.source.path for r in story.reports)
    most = max((len(paths) for paths in told.values()), default=1)

    def value(story: Story) -> float:
        if story.lead.precision not in ("day", "time"):
            return 0.0
        return math.log1p(len(told[story.lead.start])) / math.log1p(most)

    return value


def _people(stories: list[Story]):
    """The protagonists signal: of the names a happening's reports give, the share (each
    weighted by the articles that name it) that the timeline's articles name most ("Reno",
    "INS", "Elian" over "the men who launched the Cuban Revolution"): a name's weight is the
    share of the timeline's articles naming it; a happening's value the best of its reports'
    mean name weights, over the best of any happening's."""
    per_article: dict[str, set[str]] = {}
    for story in stories:
        for report in story.reports:
            for name in happening.names(report.sentence):
                per_article.setdefault(name.lower(), set()).add(report.source.path)
    articles = {report.source.path for story in stories for report in story.reports}
    weight = {name: len(paths) / len(articles) for name, paths in per_article.items()}

    def raw(story: Story) -> float:
        best = 0.0
        for report in story.reports:
            told = {n.lower() for n in happening.names(report.sentence)}
            if told:
                best = max(best, sum(weight[n] for n in told) / len(told))
        return best

    values = {id(story): raw(story) for story in stories}
    top = max(values.values(), default=0.0) or 1.0
    return lambda story: values[id(story)] / top


def _weak_once(story: Story, names: frozenset[str]) -> bool:
    """Told by one article, and as colour or as an outsider's words: no report tells a kind
    of happening ("Tour operators who specialize in travel to East Africa ..."; "Attention
    turns to the judges"), or only a statement by nobody of the timeline's people and places
    ("The Cypriot government Saturday strongly condemned two terrorist bomb attacks": a
    reaction from outside the story, which chronologies leave out); or told by opinion
    pieces alone ("EDITORIAL: The quest of Juan Gonzalez": "Juan Miguel Gonzalez has made
    the right decision to travel ..." argues, it reports nothing a desk would date)."""
    if all(happening.is_opinion(report.source.title) for report in story.reports):
        return True
    if len({report.source.path for report in story.reports}) > 1:
        return False
    return all(_weak_report(report, names) for report in story.reports)


def _weak_report(report: Event, names: frozenset[str]) -> bool:
    kind = report_kind(report).name
    if kind == happening.COLOUR:
        return True
    if kind != "statement" or not names:
        return False

    speakers = {n.lower() for n in happening.actors(report.sentence)}
    return bool(speakers) and not speakers & names


def report_kind(report: Event) -> happening.Kind:
    """The kind of happening a report tells, by its language's words ("sus" is no "sue")."""
    if intl_kinds.has_kinds(report.lang):
        return intl_kinds.told_kind(report.sentence, report.lang)
    return happening.report_kind(report.sentence, report.phrase)


def _lead_value(report) -> float:
    """For a lead sentence, the weight of the kind it tells over the heaviest (a lead that
    only sets a feature's scene counts little); 0 for any other sentence."""
    if not report.lead:
        return 0.0
    heaviest = max(k.weight for k in happening.rules().kinds.values())
    return report_kind(report).weight / heaviest


def _nearness(story: Story, core: tuple[date, date] | None, last: date, days: int) -> float:
    """1 inside the crisis's span, falling to 0 ``days`` before it: the span runs from the
    core's first day to the last article's publication, as a follow-up the timeline's own
    articles report is a development of the story (the arrests and charges of the months
    after the embassy bombings, the Rabaa dispersal two years after Tahrir), not a distant
    happening; a plan after the last article is ``planned`` and never key anyway."""
    if core is None:
        return 1.0
    lead = story.lead
    if lead.end < core[0]:
        distance = (core[0] - lead.end).days
    elif lead.start > max(core[1], last):
        distance = (lead.start - max(core[1], last)).days
    else:
        return 1.0
    return max(0.0, 1.0 - distance / days)


def retells(story: Story, other: Story) -> bool:
    """``story`` tells again the happening of ``other`` under another date: the same
    kind of happening (an action, not words or colour), at most ``retold_days`` apart, in
    mostly the same headline words, one of them told only in hindsight ("Juan Miguel Gonzalez
    arrives in the United States", April 2 in a recap two months on, and "Gonzalez arrives in
    the United States", April 6 eleven days after). The merge keeps them apart (two explicit
    days stay two entries); a chronology gives the happening one item."""
    r = _rules()
    if abs((story.lead.start - other.lead.start).days) > r.retold_days:
        return False
    if max(_hindsight(story), _hindsight(other)) <= r.retold_hindsight:
        return False  # both told on their day: two happenings as reported
    kind = report_kind(story.lead).name
    if kind in same_happening.WEAK_KINDS or kind != report_kind(other.lead).name:
        return False  # words and colour recur; a happening of a kind is told once
    mine = frozenset(content_words(story.lead.headline, story.lead.lang))
    theirs = frozenset(content_words(other.lead.headline, other.lead.lang))
    if not mine or not theirs:
        return False
    return len(mine & theirs) / min(len(mine), len(theirs)) >= r.retold_overlap


def _retold(stories: list[Story], eligible: list[int]) -> set[int]:
    """Of each two eligible stories that tell one happening (``retells``), the one told
    further in hindsight (on a tie, the later): a chronology gives the happening one item."""
    days = _rules().retold_days
    order = sorted(eligible, key=lambda i: stories[i].lead.start)
    dropped: set[int] = set()
    for n, i in enumerate(order):
        for j in order[n + 1:]:
            if (stories[j].lead.start - stories[i].lead.start).days > days:
                break
            if retells(stories[i], stories[j]):
                dropped.add(max((i, j), key=lambda k: (_hindsight(stories[k]), k)))
    return dropped


def _hindsight(story: Story) -> int:
    """Days from the happening to the soonest report of it: of two reports that date one
    happening differently, the one filed nearer to it is the better witness (an AP story
    eleven days after the arrival over a recap two months on)."""
    return min((r.source.date - story.lead.start).days for r in story.reports)


def mark_key(stories: list[Story]) -> list[Story]:
    """The stories (timeline order kept) with ``key`` set on the top-scored non-background
    ones, and ``background`` flagged on their lead where it applies."""
    if not stories:
        return stories
    core = core_span(stories)
    names = timeline_names(stories)
    background = [is_background(s, core, names) for s in stories]
    score = scores(stories, core)
    news_days = {report.source.date for s in stories for report in s.reports}
    wanted = key_count(len(stories), len(news_days))
    eligible = [i for i, bg in enumerate(background)
                if not bg and "planned" not in stories[i].lead.flags]
    # colour or an outsider's reaction told once comes after every happening: a chronology
    # gives it no item unless the timeline has too few others (min_key)
    weak = {i for i in eligible if _weak_once(stories[i], names)}
    retold = _retold(stories, eligible)
    eligible = [i for i in eligible if i not in retold]
    ranked = sorted(eligible, key=lambda i: (i in weak, -round(score[i], 9), i))
    key: set[int] = set()
    per_day: dict[date, int] = {}
    for i in ranked:  # the best of each day first: a chronology gives a day one or two items
        day = stories[i].lead.start
        room = wanted if i not in weak else min(wanted, _rules().min_key)
        if len(key) < room and per_day.get(day, 0) < _rules().key_per_day:
            key.add(i)
            per_day[day] = per_day.get(day, 0) + 1
    marked = []
    for i, story in enumerate(stories):
        lead = story.lead
        if background[i] and "background" not in lead.flags:
            lead = replace(lead, flags=(*lead.flags, "background"))
        marked.append(replace(story, lead=lead, key=i in key))
    return marked
