"""Timeline content types: an entry (a Pelican ``Content``) and a timeline (its entries in order)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

import nh3
from markupsafe import Markup
from pelican.contents import Content

from ..display import date_label, day_words
from ..temporal.values import bounds, precision

log = logging.getLogger(__name__)

# Coarser spans first at an equal start: a month's summary sits before its first day.
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
    """One timeline entry read from ``content/timeline/<timeline>/<file>.md``."""

    mandatory_properties = ("title", "when")
    default_template = "timeline"

    @property
    def body_html(self) -> Markup:
        """The entry text as HTML, sanitized: an entry may hold pasted, hostile markup."""
        return Markup(nh3.clean(self.content or ""))

    @property
    def value(self) -> str:
        return str(self.metadata["when"]).strip()

    @property
    def span(self) -> tuple[date, date]:
        return bounds(self.value)  # type: ignore[return-value]

    @property
    def precision(self) -> str:
        return precision(self.value) or "day"

    @property
    def mod_value(self) -> str | None:
        mod = self.metadata.get("mod")
        return str(mod).strip() if mod else None

    @property
    def flags(self) -> list[str]:
        raw = self.metadata.get("flags", "")
        return [f.strip() for f in str(raw).split(",") if f.strip()]

    @property
    def planned(self) -> bool:
        return "planned" in self.flags

    @property
    def date_label(self) -> str:
        return date_label(self.value, self.precision, self.mod_value, self.planned)

    @property
    def sources(self) -> list[SourceRef]:
        raw = self.metadata.get("source", [])
        items = raw if isinstance(raw, list) else [raw]
        return [SourceRef.parse(str(item)) for item in items if str(item).strip()]

    @property
    def anchor(self) -> str:
        return os.path.splitext(os.path.basename(self.source_path))[0]

    @property
    def sort_key(self) -> tuple:
        start, end = self.span
        first = self.sources[0] if self.sources else SourceRef("", "", "", "", "")
        return (start, -(end - start).days, first.date, first.ref, self.anchor)


@dataclass
class Timeline:
    """A crisis: its entries in chronological order, grouped by year and month for reading."""

    slug: str
    title: str
    summary: str
    url: str
    save_as: str
    entries: list[TimelineEntry] = field(default_factory=list)

    def sort(self) -> None:
        self.entries.sort(key=lambda e: e.sort_key)

    @property
    def years(self) -> list[tuple[int, list[tuple[str | None, list[TimelineEntry]]]]]:
        """[(year, [(month heading or None for coarser entries, entries)])] in order."""
        result = []
        for year, in_year in groupby(self.entries, key=lambda e: e.span[0].year):
            months = []
            for month, in_month in groupby(in_year, key=_month_heading):
                months.append((month, list(in_month)))
            result.append((year, months))
        return result

    @property
    def first(self) -> date | None:
        return self.entries[0].span[0] if self.entries else None

    @property
    def last(self) -> date | None:
        return max(e.span[1] for e in self.entries) if self.entries else None

    @property
    def source_count(self) -> int:
        return len({(s.title, s.date) for e in self.entries for s in e.sources})


def _month_heading(entry: TimelineEntry) -> str | None:
    start, end = entry.span
    if (start.year, start.month) != (end.year, end.month) and entry.precision != "week":
        return None
    return start.strftime("%B")
