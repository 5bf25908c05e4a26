"""One timeline entry as the theme shows it (an ``Entry``), read from its file (a Pelican
``Content``), with its sources and its text in words."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from html.parser import HTMLParser

import nh3
from markupsafe import Markup
from pelican.contents import Content

from ..ruledata import rule_data
from ..temporal.values import bounds, precision
from ..timeline.key_header import key_value
from . import order, source_list
from .display import date_label, day_words

_FIELD_SEPARATOR = " | "
_CLOCK = re.compile(r"T(\d\d:\d\d)")


def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def html_to_text(html: str) -> str:
    """Sanitized entry HTML as plain text: one paragraph per block, blank lines between."""
    parser = _TextParser()
    parser.feed(str(html))
    parser.close()
    return "\n\n".join(" ".join(b.split()) for b in "".join(parser.parts).split("\x00")
                       if b.strip())


class _TextParser(HTMLParser):
    _BLOCKS = frozenset({"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
                         "ul", "ol", "pre", "table", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\x00")
        elif tag == "br":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\x00")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


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
        # Only a web address is a link: never javascript:, data: or vbscript: (XSS).
        return cls(*parts[:2], parts[2] if re.match(r"(?i)https?://", parts[2]) else "", *parts[3:])

    @property
    def date_words(self) -> str:
        try:
            return day_words(date.fromisoformat(self.date))
        except ValueError:
            return self.date


def by_publication(sources: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    """The sources in the order they were published, as a reader follows a story: the
    earliest edition first ("Elian is found on an inner tube", Nov. 25, lists the Jan. 5
    story before the Feb. 16 one, whatever order the merge gave them); sources of one day,
    and those without a date (after the dated ones), keep the entry file's order."""
    listed = list(sources)
    days = [_iso_day(s.date) for s in listed]
    order = sorted(range(len(listed)), key=lambda i: (days[i] is None, days[i] or date.min, i))
    return tuple(listed[i] for i in order)


class TimelineEntry(Content):
    """An entry file as Pelican read it; every metadata key becomes an attribute."""

    mandatory_properties = ("title", "when")
    default_template = "timeline"


@dataclass(frozen=True)
class Entry:
    """What the theme shows of one entry, derived from its file (``When`` is the truth).

    Derived values (date words, plain text, sort key) are computed once per entry: a page,
    its embed, the feed, the calendar and the spreadsheet all ask for them.
    """

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
    attribution: str = ""
    lang: str = ""  # the language of the entry's text, when not English ("Lang:")
    # ``Key: yes``: one of the events a reader sees first (absent or anything else: no).
    key: bool = False

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
            note=reader_note(" ".join(str(meta.get("note", "")).split())),
            sources=by_publication(SourceRef.parse(str(s)) for s in sources if str(s).strip()),
            anchor=os.path.splitext(os.path.basename(content.source_path))[0],
            # The text may hold pasted, hostile markup: sanitized before it reaches a page.
            body_html=Markup(nh3.clean(content.content or "")),
            source_path=content.source_path,
            attribution=" ".join(str(meta.get("attribution", "")).split()),
            lang=_lang_tag(meta.get("lang")),
            key=key_value(str(meta.get("key", ""))) is True,
        )

    def __reduce__(self):
        # Pickled as a dict of plain values (the entry cache loads thousands of entries each
        # build; the default pickling of dates, Markup and SourceRef objects is several times
        # slower), with the derived strings and export fragments computed so far.
        d = self.__dict__
        state = {name: d[name] for name in _PLAIN}
        state["start"], state["end"] = self.start.toordinal(), self.end.toordinal()
        state["sources"] = tuple((s.date, s.outlet, s.link, s.ref, s.title)
                                 for s in self.sources)
        state["body_html"] = str(self.body_html)
        for name in _KEPT:
            if name in d:
                state[name] = d[name]
        if "_fragments" in d:
            state["_fragments"] = d["_fragments"]
        return _restore, (state,)

    def _state(self) -> tuple:
        return (self.value, self.title, self.precision, self.start.toordinal(),
                self.end.toordinal(), self.mod, self.flags, self.note,
                tuple((s.date, s.outlet, s.link, s.ref, s.title) for s in self.sources),
                self.anchor, str(self.body_html), self.source_path, self.attribution,
                self.lang, self.key)

    @cached_property
    def digest(self) -> str:
        """A hash of everything the entry is: equal digests, equal entries (and pages)."""
        return hashlib.sha256(repr(self._state()).encode("utf-8")).hexdigest()

    def fragment(self, kind: str, params: tuple, make) -> bytes:
        """``make()`` in UTF-8, remembered with the entry (and its cache) while ``params`` are
        the same: the entry's part of an export (its feed entry, calendar event, JSON event,
        CSV row). Bytes: a rebuild joins thousands of them without decoding any."""
        store = self.__dict__.setdefault("_fragments", {})
        known = store.get(kind)
        if known is not None and known[0] == params:
            return known[1]
        text = make().encode("utf-8")
        store[kind] = (params, text)
        self.__dict__["_fresh"] = True  # the cache has something new to save
        return text

    @property
    def planned(self) -> bool:
        return "planned" in self.flags

    @property
    def background(self) -> bool:
        """History told in passing (``Flags: background``): shown apart, never among the
        key events."""
        return "background" in self.flags

    @cached_property
    def date_label(self) -> str:
        return date_label(self.value, self.precision, self.mod, self.planned)

    @cached_property
    def flag_labels(self) -> list[tuple[str, str]]:
        """The flags a reader sees, as (flag, words); ``planned`` is part of the date words."""
        shown = rule_data("site", "display.yaml")["flags"]
        return [(f, shown[f]) for f in self.flags if f in shown]

    @cached_property
    def reported(self) -> date:
        """When the entry became known: its earliest source's date, else the day it starts.

        This is the entry's date for feeds, calendars and newsletters ("new since DATE"), so
        that nothing depends on when the site was built.
        """
        days = self.source_days
        return min(days) if days else self.start

    @cached_property
    def updated(self) -> date:
        """The latest date a source of the entry was published (merged entries), else reported."""
        days = self.source_days
        return max(days) if days else self.start

    @cached_property
    def source_days(self) -> tuple[date, ...]:
        """The publication days of the entry's sources that have one."""
        return tuple(d for d in (_iso_day(s.date) for s in self.sources) if d is not None)

    @cached_property
    def text(self) -> str:
        """The entry's text as plain text (for CSV, calendars and plain-text email)."""
        return html_to_text(self.body_html)

    @cached_property
    def datetime(self) -> str:
        """A valid HTML ``datetime`` for the value (TIMEX3 goes further than HTML can).

        Days, weeks, months and years map one to one (a clock time is kept); a part of the day
        becomes its day, a weekend its ISO week, a quarter, half or season its year, a decade
        or century its first year. The TIMEX3 value itself is in ``data-when``.
        """
        start, p = self.start, self.precision
        if p == "time":
            clock = _CLOCK.search(self.value)
            return f"{start.isoformat()}T{clock.group(1)}" if clock else start.isoformat()
        if p == "day":
            return start.isoformat()
        if p in ("week", "weekend"):
            year, week, _ = start.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if p == "month":
            return f"{start.year:04d}-{start.month:02d}"
        return f"{start.year:04d}"

    @cached_property
    def headline_is_text(self) -> bool:
        """The title is just the start of a one-paragraph text (as extracted, not edited)."""
        text = self.text
        title = self.title.rstrip("…. ").strip()
        return bool(title) and "\n" not in text and text.startswith(title)

    @cached_property
    def source_lines(self) -> tuple[list[source_list.Story], list[source_list.Story]]:
        """The sources as the page lists them: one story per title and outlet, the first few
        shown and the rest behind a click (``source_list.split``)."""
        return source_list.split(source_list.stories(self.sources))

    @cached_property
    def placed(self) -> date:
        """The day the timeline lists the entry at (``order.placed``: a coarse date where
        its first report puts it in its span, else at the span's end)."""
        days = self.source_days
        return order.placed(self.precision, self.start, self.end, min(days) if days else None)

    @cached_property
    def sort_key(self) -> tuple:
        first = self.sources[0] if self.sources else SourceRef("", "", "", "", "")
        return (*order.order_key(self.precision, self.start, self.end, self.placed),
                first.date, first.ref, self.anchor)


# Derived values kept when an entry is pickled (strings: cheap to store, costly to compute).
_KEPT = ("digest", "date_label", "datetime", "text", "headline_is_text")


_PLAIN = ("value", "title", "precision", "mod", "flags", "note", "anchor", "source_path",
          "attribution", "lang", "key")


_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _lang_tag(value: object) -> str:
    """A BCP 47 tag for the ``lang`` attribute ("es", "pt-BR"), or "" (English, or not a
    tag: a hand-edited "Lang: Spanish!" must not reach the page's markup)."""
    text = str(value or "").strip()
    return text if _LANG_TAG.fullmatch(text) and text.lower() != "en" else ""


def _restore(state: dict) -> Entry:
    state["start"] = date.fromordinal(state["start"])
    state["end"] = date.fromordinal(state["end"])
    state["sources"] = tuple(SourceRef(*s) for s in state["sources"])
    state["body_html"] = Markup(state["body_html"])
    entry = object.__new__(Entry)
    object.__setattr__(entry, "__dict__", state)
    return entry



def reader_note(note: str) -> str:
    """An entry's note as readers see it: the engine's note for an hour without a day
    ("… the day is taken from the date before it in the article … Check it.") is advice
    for the editor (``timeline check`` gives it); the page says what it means for them."""
    editor = rule_data("events", "events.yaml")["inferred_day_note"]
    return note.replace(" ".join(editor.split()), rule_data("site", "display.yaml")[
        "inferred_day_note"])
