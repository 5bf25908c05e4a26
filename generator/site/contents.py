"""Timeline content types: an entry (a Pelican ``Content``) and a timeline (its entries in order)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

import nh3
from markupsafe import Markup
from pelican.contents import Content

from ..display import date_label, day_words
from ..temporal.values import bounds, precision

_FIELD_SEPARATOR = " | "


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One source of an entry, parsed from ``Source: date | outlet | link | ref | title``."""

    date: str
    outlet: str
    link: str
    ref: str
    title: str

    @classmethod
    def parse(cls, text: str) -> SourceRef:
        parts = [p.strip() for p in text.split(_FIELD_SEPARATOR, 4)]
        if len(parts) < 5:
            # A person may write just a title or a link; keep what is there.
            link = next((p for p in parts if p.startswith(("http://", "https://"))), "")
            title = next((p for p in reversed(parts) if p and p != link), link)
            return cls("", "", link, "", title)
        return cls(*parts)

    @property
    def date_words(self) -> str:
        try:
            return day_words(date.fromisoformat(self.date))
        except ValueError:
            return self.date


class TimelineEntry(Content):
    """An entry file as Pelican read it; every metadata key becomes an attribute."""

    mandatory_properties = ("title", "when")
    default_template = "timeline"


@dataclass(frozen=True)
class Entry:
    """What the theme shows of one entry, derived from its file (``When`` is the truth)."""

    value: str
    title: str
    precision: str
    start: date
    end: date
    mod: str | None
    flags: tuple[str, ...]
    note: str
    sources: tuple[SourceRef, ...]
    anchor: str
    body_html: Markup
    source_path: str

    @classmethod
    def from_content(cls, content: TimelineEntry) -> Entry:
        meta = content.metadata
        value = str(meta["when"]).strip()
        start, end = bounds(value)  # type: ignore[misc]
        raw_sources = meta.get("source", [])
        sources = raw_sources if isinstance(raw_sources, list) else [raw_sources]
        mod = str(meta.get("mod", "")).strip() or None
        return cls(
            value=value,
            title=str(meta["title"]),
            precision=precision(value) or "day",
            start=start,
            end=end,
            mod=mod,
            flags=tuple(f.strip() for f in str(meta.get("flags", "")).split(",") if f.strip()),
            note=" ".join(str(meta.get("note", "")).split()),
            sources=tuple(SourceRef.parse(str(s)) for s in sources if str(s).strip()),
            anchor=os.path.splitext(os.path.basename(content.source_path))[0],
            # The text may hold pasted, hostile markup: sanitized before it reaches a page.
            body_html=Markup(nh3.clean(content.content or "")),
            source_path=content.source_path,
        )

    @property
    def planned(self) -> bool:
        return "planned" in self.flags

    @property
    def date_label(self) -> str:
        return date_label(self.value, self.precision, self.mod, self.planned)

    @property
    def sort_key(self) -> tuple:
        first = self.sources[0] if self.sources else SourceRef("", "", "", "", "")
        return (self.start, -(self.end - self.start).days, first.date, first.ref, self.anchor)


@dataclass
class Timeline:
    """A crisis: its entries in chronological order, grouped by year and month for reading."""

    slug: str
    title: str
    summary: str
    url: str
    save_as: str
    entries: list[Entry] = field(default_factory=list)

    def sort(self) -> None:
        self.entries.sort(key=lambda e: e.sort_key)

    @property
    def years(self) -> list[tuple[int, list[tuple[str | None, list[Entry]]]]]:
        """[(year, [(month heading or None for coarser entries, entries)])] in order."""
        result = []
        for year, in_year in groupby(self.entries, key=lambda e: e.start.year):
            months = []
            for month, in_month in groupby(in_year, key=_month_heading):
                months.append((month, list(in_month)))
            result.append((year, months))
        return result

    @property
    def first(self) -> date | None:
        return self.entries[0].start if self.entries else None

    @property
    def last(self) -> date | None:
        return max(e.end for e in self.entries) if self.entries else None

    @property
    def source_count(self) -> int:
        return len({(s.title, s.date) for e in self.entries for s in e.sources})


def _month_heading(entry: Entry) -> str | None:
    start, end = entry.start, entry.end
    if (start.year, start.month) != (end.year, end.month) and entry.precision != "week":
        return None
    return start.strftime("%B")
