"""The pipeline: articles -> dated mentions -> events -> merged happenings -> key ones -> entries.

``extract`` reads the articles (each through the cache) into events; ``write_timelines``
merges each timeline's events into happenings and writes its entries, and empties a timeline
whose articles are all gone. The CLI's ``extract`` only parses options and prints reports.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import InputError
from .events.cache import EventCache
from .events.extract import Event, extract_events
from .events.merge import merge_events
from .events.salience import mark_key
from .sources.articles import find_articles, read_article
from .sources.textfiles import read_bytes
from .timeline.store import MANIFEST, Report, write_timeline


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
    on_article: Callable[[Path], None] | None = None,
    also: list[Path] | None = None,
) -> Extraction:
    """Read every article under ``paths``; bad files are reported and skipped, not fatal.

    ``also``: more articles read without ``dct`` (the rest of content/articles when a few
    were named, so that the timelines written are whole). With a ``cache``, an article whose
    bytes (and the generator) did not change since the last run is not read again: its
    events come from the cache.
    """
    result = Extraction()
    cache = cache or EventCache(None)
    articles_root = content_dir / "articles"
    named = find_articles(paths, result.errors)
    seen = {_identity(path) for path in named}
    rest = [p for p in find_articles(also or [], result.errors) if _identity(p) not in seen]
    with_dct = set(named)
    for path in named + rest:
        try:
            events = _article_events(path, content_dir, articles_root,
                                     dct if path in with_dct else None, cache, result)
        except InputError as error:
            result.errors.append(error)
            continue
        except Exception as exc:  # a bug must not cost the editor the other articles
            message = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
            result.errors.append(InputError(path, f"internal error, please report: {message}"))
            continue
        finally:
            if on_article is not None:
                on_article(path)
        result.articles += 1
        result.events.extend(events)
    result.events.sort(key=timeline_order)
    return result


def _identity(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _article_events(
    path: Path,
    content_dir: Path,
    articles_root: Path,
    dct: date | None,
    cache: EventCache,
    result: Extraction,
) -> list[Event]:
    source_path = _source_path(path, content_dir)
    raw = read_bytes(path)  # once: for the cache key and, on a miss, for reading
    key = cache.key(raw, source_path, dct) if cache.folder is not None else None
    events = cache.load(key) if key else None
    if events is not None:
        result.cached += 1
        return events
    article = read_article(path, dct=dct, root=articles_root, raw=raw)
    events = extract_events(article, source_path)
    if key:
        cache.store(key, events)
    return events


def _source_path(path: Path, content_dir: Path) -> str:
    """The article's path as entries cite it: relative to content/ (links not followed)."""
    absolute = Path(os.path.normpath(path.absolute()))
    try:
        return absolute.relative_to(os.path.normpath(content_dir.absolute())).as_posix()
    except ValueError:
        return path.as_posix()


def write_timelines(result: Extraction, content_dir: Path, whole: bool) -> list[tuple[str, Report]]:
    """Merge and write every timeline of ``result``; ``whole``: every article was read.

    Only when every article was read (and none failed) is a timeline with no articles left
    known to be gone: its untouched entries are removed (edited ones stay), or it would be
    published on as it was.
    """
    timelines = {name: mark_key(merge_events(events))
                 for name, events in result.by_timeline().items()}
    if whole and not result.errors:
        timelines.update((name, []) for name in written_timelines(content_dir)
                         if name not in timelines)
    return [
        (name, write_timeline(content_dir / "timeline" / name, stories,
                              name.replace("-", " ").capitalize()))
        for name, stories in sorted(timelines.items())
    ]


def written_timelines(content_dir: Path) -> list[str]:
    """Timelines ``extract`` wrote before (their folder has its list of generated files)."""
    folder = content_dir / "timeline"
    if not folder.is_dir():
        return []
    return sorted(p.parent.name for p in folder.glob(f"*/{MANIFEST}"))
