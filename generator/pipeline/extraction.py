"""Extraction: every article read (through the cache) into events (``writing`` merges and
writes them). The CLI's ``extract`` only parses options and prints the reports.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..events.cache import EventCache
from ..events.extract import Event, Reading, read_events
from ..sources.articles import find_articles, read_article
from ..sources.language import Detected, supported, unsupported_message
from ..sources.textfiles import read_bytes


@dataclass
class Extraction:
    events: list[Event] = field(default_factory=list)
    json_texts: list[str] = field(default_factory=list)  # with as_json: each event's JSON
    articles: int = 0
    cached: int = 0  # articles whose events came from the cache
    errors: list[InputError] = field(default_factory=list)
    # read, but not as they should be: a language the date engine does not read, or none told
    warnings: list[InputError] = field(default_factory=list)
    # each article's paragraphs left out as page furniture, by kind (segment.left_out), and
    # how many news paragraphs it kept
    left_out: dict[Path, tuple[dict[str, int], int]] = field(default_factory=dict)

    def by_timeline(self) -> dict[str, list[Event]]:
        groups: dict[str, list[Event]] = {}
        for event in self.events:
            groups.setdefault(event.timeline, []).append(event)
        return groups


def timeline_order(event: Event) -> tuple:
    """Chronological: by start, coarser spans first at one start, then article order."""
    return (
        event.start,
        -(event.end - event.start).days,
        event.source.date,
        event.source.path,
        event.position,
    )


def extract(
    paths: list[Path],
    content_dir: Path,
    dct: date | None = None,
    cache: EventCache | None = None,
    on_article: Callable[[Path], None] | None = None,
    also: list[Path] | None = None,
    jobs: int = 1,
    dask: str | None = None,
    lang: str | None = None,
    as_json: bool = False,
) -> Extraction:
    """Read every article under ``paths``; bad files are reported and skipped, not fatal.

    ``also``: more articles read without ``dct`` (the rest of content/articles when a few
    were named, so that the timelines written are whole). ``lang``: the language of the
    named articles (else each one's front matter, else detected). With a ``cache``, an article whose
    bytes (and the generator) did not change since the last run is not read again: its
    events come from the cache. ``jobs`` > 1 reads them in that many processes
    (generator/pipeline/parallel.py), ``dask`` on a dask.distributed cluster ("local" or an address,
    generator/pipeline/cluster.py); the result is the same in every case: articles are taken in
    the same order and the events sorted the same way. ``as_json``: each event's JSON is
    written where its article is read (in the workers: it was a tenth of the pool's time
    in the parent), in ``result.json_texts`` in the order of ``result.events``.
    """
    result = Extraction()
    cache = cache or EventCache(None)
    articles_root = content_dir / "articles"
    named = find_articles(paths, result.errors)
    seen = {_identity(path) for path in named}
    rest = [p for p in find_articles(also or [], result.errors) if _identity(p) not in seen]
    with_dct = set(named)
    tasks = [ArticleTask(path, _source_path(path, content_dir), articles_root,
                         dct if path in with_dct else None, cache.folder,
                         lang if path in with_dct else None, as_json)
             for path in named + rest]
    if dask:
        from .cluster import read_on_cluster

        outcomes = read_on_cluster(tasks, dask, on_article)
    elif jobs > 1 and len(tasks) > 1:
        from .parallel import read_in_pool

        outcomes = read_in_pool(tasks, jobs, on_article)
    else:
        outcomes = []
        for task in tasks:
            outcomes.append(read_task(task))
            if on_article is not None:
                on_article(task.path)
    for outcome in outcomes:
        if outcome.key:
            cache.used.add(outcome.key)
        if outcome.error is not None:
            result.errors.append(outcome.error)
            continue
        if outcome.warning is not None:
            result.warnings.append(outcome.warning)
        result.articles += 1
        result.cached += outcome.cached
        result.events.extend(outcome.events)
        result.json_texts.extend(outcome.json_texts)
        if outcome.left_out:
            result.left_out[outcome.path] = outcome.left_out, outcome.news
    if as_json:  # the same stable sort, each text beside its event
        pairs = sorted(zip(result.events, result.json_texts, strict=True),
                       key=lambda pair: timeline_order(pair[0]))
        result.events = [event for event, _ in pairs]
        result.json_texts = [text for _, text in pairs]
    else:
        result.events.sort(key=timeline_order)
    return result


def json_list(texts: list[str]) -> str:
    """The events' JSON texts as one list: what ``json.dumps([e.to_json() ...], indent=2,
    ensure_ascii=False)`` writes (a JSON text holds no raw newline but between its
    items, so an item one level down is the same text with each line indented once more)."""
    return "[\n" + ",\n".join(texts) + "\n]" if texts else "[]"


def _event_json(event: Event) -> str:
    text = json.dumps(event.to_json(), indent=2, ensure_ascii=False)
    return "  " + text.replace("\n", "\n  ")


def _identity(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


@dataclass(frozen=True)
class ArticleTask:
    """One article to read: all a worker process (or cluster node) needs, and picklable."""

    path: Path
    source_path: str
    articles_root: Path
    dct: date | None
    cache_folder: Path | None
    lang: str | None = None  # given on the command line
    as_json: bool = False  # write each event's JSON too


@dataclass
class ArticleOutcome:
    """What reading one article gave: its events, or the error that reports it."""

    path: Path
    events: list[Event] = field(default_factory=list)
    cached: bool = False
    key: str | None = None  # its cache entry, kept by the next prune
    error: InputError | None = None
    warning: InputError | None = None  # read, but in a language the engine does not read
    json_texts: list[str] = field(default_factory=list)  # with as_json: each event's JSON
    left_out: dict[str, int] = field(default_factory=dict)  # its paragraphs of page furniture
    news: int = 0  # its news paragraphs


def read_task(task: ArticleTask) -> ArticleOutcome:
    """Read one article (through the cache); never raises, so a pool or cluster never
    loses the other articles to one bad file or one bug."""
    try:
        outcome = _article_events(task, EventCache(task.cache_folder))
        if task.as_json:
            outcome.json_texts = [_event_json(event) for event in outcome.events]
        return outcome
    except InputError as error:
        return ArticleOutcome(task.path, error=error)
    except Exception as exc:  # a bug must not cost the editor the other articles
        message = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        return ArticleOutcome(task.path, error=InputError(
            task.path, f"internal error, please report: {message}"))


def _article_events(task: ArticleTask, cache: EventCache) -> ArticleOutcome:
    raw = read_bytes(task.path)  # once: for the cache key and, on a miss, for reading
    key = (cache.key(raw, task.source_path, task.dct, task.lang)
           if cache.folder is not None else None)
    cached = cache.load(key) if key else None
    if cached is not None:
        return ArticleOutcome(task.path, cached.events, cached=True, key=key,
                              left_out=cached.left_out, news=cached.news)
    article = read_article(task.path, dct=task.dct, root=task.articles_root, raw=raw,
                           lang=task.lang)
    reading: Reading = read_events(article, task.source_path)
    if article.lang not in supported():
        # warned about on every run (so never cached): nothing, or English rules, read it
        code = None if article.lang == "und" else article.lang
        return ArticleOutcome(task.path, reading.events, warning=InputError(
            task.path, unsupported_message(Detected(code, "given"))),
            left_out=reading.left_out, news=reading.news)
    if key:
        cache.store(key, reading)
    return ArticleOutcome(task.path, reading.events, key=key, left_out=reading.left_out,
                          news=reading.news)


def _source_path(path: Path, content_dir: Path) -> str:
    """The article's path as entries cite it: relative to content/ (links not followed)."""
    absolute = Path(os.path.normpath(path.absolute()))
    try:
        return absolute.relative_to(os.path.normpath(content_dir.absolute())).as_posix()
    except ValueError:
        return path.as_posix()
