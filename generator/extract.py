"""Extraction: articles -> events, grouped into timelines. The CLI's ``extract`` is a thin shell."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .articles import find_articles, read_article
from .cache import EventCache
from .errors import InputError
from .events import Event, extract_events


@dataclass
class Extraction:
    events: list[Event] = field(default_factory=list)
    articles: int = 0
    cached: int = 0  # articles whose events came from the cache
    errors: list[InputError] = field(default_factory=list)

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
) -> Extraction:
    """Read every article under ``paths``; bad files are reported and skipped, not fatal.

    With a ``cache``, an article whose bytes (and the generator) did not change since the
    last run is not read again: its events come from the cache.
    """
    result = Extraction()
    cache = cache or EventCache(None)
    articles_root = content_dir / "articles"
    for path in find_articles(paths):
        source_path = _source_path(path, content_dir)
        key = _cache_key(cache, path, source_path, dct)
        events = cache.load(key) if key else None
        if events is None:
            try:
                article = read_article(path, dct=dct, root=articles_root)
            except InputError as error:
                result.errors.append(error)
                continue
            try:
                events = extract_events(article, source_path)
            except Exception as exc:  # a bug must not cost the editor the other articles
                result.errors.append(InputError(path, f"internal error, please report: {exc!r}"))
                continue
            if key:
                cache.store(key, events)
        else:
            result.cached += 1
        result.articles += 1
        result.events.extend(events)
    result.events.sort(key=timeline_order)
    return result


def _cache_key(cache: EventCache, path: Path, source_path: str, dct: date | None) -> str | None:
    if cache.folder is None:
        return None
    try:
        return cache.key(path.read_bytes(), source_path, dct)
    except OSError:
        return None  # read_article reports the problem


def _source_path(path: Path, content_dir: Path) -> str:
    try:
        return path.resolve().relative_to(content_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
