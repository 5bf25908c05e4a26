"""A timeline's contents: its entries in order, grouped by year and month for reading,
and split into pages when long."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import groupby

from ..ruledata import rule_data
from . import order
from .display import day_words
from .entry import Entry

_CARD_ENTRIES = 3
# The derived lists of a timeline, computed once its entries are sorted.
_SELECTIONS = ("source_count", "has_key", "key_entries", "key_events", "key_background",
               "foreground", "background_entries")
# The page of every entry, relative to the timeline's folder, when the timeline page shows
# the key events.
ALL_PATH = "all/"
# What the exports and the newsletter hold (TIMELINE_EXPORT): the key events, or every entry.
EXPORT_CHOICES = ("key", "all")


class _Listing:
    """What a timeline's page and each page of a split timeline list: their ``entries`` by
    year and month, the crisis itself apart from the background."""

    entries: list[Entry]

    @property
    def years(self) -> list[tuple[int, list[tuple[str | None, list[Entry]]]]]:
        """[(year, [(month heading or None for coarser entries, entries)])] in order."""
        return _years(self.entries)

    @cached_property
    def foreground(self) -> list[Entry]:
        """The entries of the crisis itself (all but the background), in order."""
        return [e for e in self.entries if not e.background]

    @cached_property
    def background_entries(self) -> list[Entry]:
        return [e for e in self.entries if e.background]


@dataclass
class Timeline(_Listing):
    """A crisis: its entries in chronological order, grouped by year and month for reading.

    Key events (``Key: yes``) are what its page shows first; every entry is one click away
    on a page of its own (``all_path``). Background entries (``Flags: background``) are
    shown apart on both. A timeline with no key event (an old or hand-made one) shows every
    entry on its page, as before there were key events, and has no page of all entries.
    """

    slug: str
    title: str
    summary: str
    url: str
    save_as: str
    entries: list[Entry] = field(default_factory=list)
    # A long timeline's pages (see ``split``); empty: the whole timeline is one page.
    parts: list[Part] = field(default_factory=list)
    # Entry anchor -> its part's folder, for a split timeline.
    page_of: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def first_entries(self) -> list[Entry]:
        """What the home page's card lists when ``_timeline.md`` has only a title (no
        introduction): the first few entries, so that the card is never empty."""
        return [] if self.summary else self.entries[:_CARD_ENTRIES]

    @property
    def card_entries(self) -> list[Entry]:
        """What the home page's card lists under the introduction: the first key events (a
        reader choosing a timeline wants its story, not its oldest mentions), or, with no
        key event, ``first_entries``."""
        if not self.has_key:
            return self.first_entries
        return self.key_events[:int(rule_data("site", "display.yaml")["card_key_events"])]

    def sort(self) -> None:
        """Put the entries in timeline order, once all are read (and count their sources)."""
        self.entries.sort(key=lambda e: e.sort_key)
        for name in _SELECTIONS:
            self.__dict__.pop(name, None)

    @cached_property
    def has_key(self) -> bool:
        """Some entry (not background) is a key event: the page lists those, and links to
        all entries."""
        return bool(self.key_events)

    @cached_property
    def key_entries(self) -> list[Entry]:
        """What the key page shows (the key events and the key background), in order."""
        return [e for e in self.entries if e.key]

    @cached_property
    def key_events(self) -> list[Entry]:
        """The key page's list: key entries that are not background."""
        return [e for e in self.entries if e.key and not e.background]

    @cached_property
    def key_background(self) -> list[Entry]:
        """The key page's background box: key entries flagged background."""
        return [e for e in self.key_entries if e.background]

    @property
    def all_path(self) -> str:
        """The page of all entries, relative to the timeline's folder: "all/", or "" (the
        timeline page itself) when no entry is a key event."""
        return ALL_PATH if self.has_key else ""

    @property
    def all_save_as(self) -> str:
        folder = self.save_as.rsplit("/", 1)[0] + "/" if "/" in self.save_as else ""
        return f"{folder}{ALL_PATH}index.html"

    def selected(self, choice: str) -> list[Entry]:
        """The entries an export holds: ``"key"``, the key events (every entry when there is
        none), or ``"all"``."""
        return self.key_entries if choice != "all" and self.has_key else self.entries

    def years_of(self, entries: list[Entry]) -> list:
        """``years`` for some of the entries (in timeline order)."""
        return _years(entries)

    def split(self, limit: int | None) -> None:
        """Pages for a timeline of more than ``limit`` entries: one per year, and one per
        month for a year of more than ``limit`` entries (a coarser entry, "2021-Q2", goes on
        the page of the month it is listed before). ``limit`` 0 or None: never split.
        """
        self.parts, self.page_of = [], {}
        if not limit or len(self.entries) <= limit:
            return
        folder = self.save_as.rsplit("/", 1)[0] + "/" if "/" in self.save_as else ""
        for year, months in self.years:
            count = sum(len(entries) for _, entries in months)
            groups: list[tuple[int | None, list[Entry]]] = [
                (entries[0].placed.month if heading else None, entries)
                for heading, entries in months
            ]
            named = [m for m, _ in groups if m is not None]
            if count <= limit or not named:
                keyed = [(str(year), f"{year}", entries) for _, entries in groups]
            else:
                keyed, following = [], named[-1]
                for month, entries in reversed(groups):
                    following = month if month is not None else following
                    keyed.append((f"{year}-{following:02d}",
                                  date(year, following, 1).strftime("%B %Y"), entries))
                keyed.reverse()
            for key, group in groupby(keyed, key=lambda k: (k[0], k[1])):
                entries = [e for _, _, chunk in group for e in chunk]
                self.parts.append(Part(key[0], key[1], year, f"{key[0]}/",
                                       f"{folder}{key[0]}/index.html", entries))
        for part in self.parts:
            for entry in part.entries:
                self.page_of[entry.anchor] = part.path

    def entry_path(self, entry: Entry) -> str:
        """Where ``entry`` is shown whole (its permalink), relative to the timeline's folder:
        its part's folder ("2021/") for a split timeline, else the page of all entries
        (``all_path``: "all/", or "" for a timeline without key events)."""
        return self.page_of.get(entry.anchor, self.all_path)

    @property
    def part_years(self) -> list[tuple[int, list[Part]]]:
        """The parts by year: [(year, [parts])] (one part, or one per month)."""
        return [(year, list(parts)) for year, parts in groupby(self.parts, key=lambda p: p.year)]

    @property
    def first(self) -> date | None:
        return self.entries[0].start if self.entries else None

    @property
    def last(self) -> date | None:
        return max(e.end for e in self.entries) if self.entries else None

    @property
    def updated(self) -> date | None:
        """The timeline's last change as its sources tell it (never the build time)."""
        return max(e.updated for e in self.entries) if self.entries else None

    @property
    def updated_words(self) -> str:
        return day_words(self.updated) if self.updated else ""

    def newest(self, count: int, entries: list[Entry] | None = None) -> list[Entry]:
        """The ``count`` entries reported last (of ``entries``, by default all), shown in
        timeline order."""
        entries = self.entries if entries is None else entries
        order = {id(e): i for i, e in enumerate(entries)}
        latest = sorted(entries, key=lambda e: (e.reported, order[id(e)]))[-count:]
        return sorted(latest, key=lambda e: order[id(e)]) if count > 0 else []

    def since(self, day: date, entries: list[Entry] | None = None) -> list[Entry]:
        """Entries (of ``entries``, by default all) new after ``day``: reported (earliest
        source date) strictly after it."""
        return [e for e in (self.entries if entries is None else entries) if e.reported > day]

    @cached_property
    def source_count(self) -> int:
        """Distinct sources: asked for by the page, the home page and the page cache (a set
        over every source of 10,000 entries is worth computing once)."""
        return len({(s.title, s.date) for e in self.entries for s in e.sources})


@dataclass
class Part(_Listing):
    """One page of a split timeline: a year, or a month of a long year."""

    key: str  # "2021" or "2021-03": the page's folder under the timeline's
    label: str  # "2021", "March 2021"
    year: int
    path: str  # "2021/", relative to the timeline's folder
    save_as: str
    entries: list[Entry]


def _years(entries: list[Entry]) -> list[tuple[int, list[tuple[str | None, list[Entry]]]]]:
    result = []
    for year, in_year in groupby(entries, key=lambda e: e.placed.year):
        months = []
        for month, in_month in groupby(in_year, key=_month_heading):
            months.append((month, list(in_month)))
        result.append((year, months))
    return result


def _month_heading(entry: Entry) -> str | None:
    """The month the entry is listed in, or None for a span listed after its months."""
    if order.during(entry.precision, entry.start, entry.end, entry.placed):
        return None
    return entry.placed.strftime("%B")
