"""Extraction: articles -> events, grouped into timelines. The CLI's ``extract`` is a thin shell."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .articles import find_articles, read_article
from .errors import InputError
from .events import Event, extract_events


@dataclass
class Extraction:
    events: list[Event] = field(default_factory=list)
    articles: int = 0
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


def extract(paths: list[Path], content_dir: Path, dct: date | None = None) -> Extraction:
    """Read every article under ``paths``; bad files are reported and skipped, not fatal."""
    result = Extraction()
    articles_root = content_dir / "articles"
    for path in find_articles(paths):
        try:
            article = read_article(path, dct=dct, root=articles_root)
        except InputError as error:
            result.errors.append(error)
            continue
        try:
            events = extract_events(article, _source_path(path, content_dir))
        except Exception as exc:  # a bug must not cost the editor the other articles
            result.errors.append(InputError(path, f"internal error, please report: {exc!r}"))
            continue
        result.articles += 1
        result.events.extend(events)
    result.events.sort(key=timeline_order)
    return result


def _source_path(path: Path, content_dir: Path) -> str:
    try:
        return path.resolve().relative_to(content_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
