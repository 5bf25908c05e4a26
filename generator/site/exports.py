"""A timeline's machine-readable exports: TimelineJS JSON, Atom, CSV and oEmbed (iCalendar:
ical.py).

Every export is a pure function of the timeline (and the site's address), so two builds of
the same entries are byte-identical. Dates that feeds and calendars need ("published",
"updated", DTSTAMP) come from the entries' source dates (``Entry.reported``/``Entry.updated``),
never from the clock.

Each entry's part of an export (its JSON event, feed entry, calendar event, CSV row) is made
once and kept with the entry in the entry cache (``Entry.fragment``, keyed by what else it
depends on: the timeline, the site's address, the page the entry is on); an export is its
head, the entries' parts and its tail, joined. A rebuild after editing one entry makes one
fragment of each, not thousands.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import uuid
from datetime import date
from functools import partial
from xml.etree import ElementTree as ET

from markupsafe import escape

from .contents import Timeline
from .entry import Entry

ATOM_NS = "http://www.w3.org/2005/Atom"
# Stable ids for feed entries and calendar events: the same entry keeps its id across builds
# and across moves of the site to another address.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://crisis-timeline.invalid/")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")

# File names inside timeline/<slug>/ (relative links from the page work under any sub-path).
FILES = {
    "json": "timeline.json",
    "atom": "feed.atom",
    "ics": "calendar.ics",
    "csv": "entries.csv",
    "oembed": "oembed.json",
    "embed": "embed.html",
}


def entries_of(timeline: Timeline, entries: list[Entry] | None) -> list[Entry]:
    """The entries an export holds: ``entries`` (``Timeline.selected``), by default all."""
    return timeline.entries if entries is None else entries


def absolute_base(siteurl: str) -> str | None:
    """The site's absolute address (no trailing slash), or None for a relative build."""
    siteurl = (siteurl or "").strip()
    return siteurl.rstrip("/") if siteurl.startswith(("http://", "https://")) else None


def timeline_address(timeline: Timeline, siteurl: str) -> str | None:
    base = absolute_base(siteurl)
    return f"{base}/{timeline.url}" if base else None


def entry_uid(timeline: Timeline, entry: Entry) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, f"{timeline.slug}/{entry.anchor}"))


# --- TimelineJS ----------------------------------------------------------------------------

_TJS_DAY = ("day", "time")
_TJS_MONTH = ("week", "weekend", "month", "quarter", "half", "season")


def _tjs_date(day: date, precision: str, display: str | None = None) -> dict:
    if precision in _TJS_DAY or precision in ("week", "weekend"):
        out: dict = {"year": day.year, "month": day.month, "day": day.day}
    elif precision in _TJS_MONTH:
        out = {"year": day.year, "month": day.month}
    else:
        out = {"year": day.year}
    if display:
        out["display_date"] = display
    return out


def _tjs_id(anchor: str) -> str:
    # TimelineJS uses unique_id as an element id and URL hash: keep it to safe characters.
    return "e-" + _NOT_ID.sub("-", anchor).strip("-")


def _sources_html(entry: Entry) -> str:
    """The sources as the page lists them: a line per story, the first few shown and the
    rest behind a ``<details>`` (TimelineJS shows an event's text as HTML)."""
    if not entry.sources:
        return ""
    shown, more = entry.source_lines
    label = "Sources" if len(entry.sources) > 1 else "Source"
    html = f'<p class="tl-sources">{label}: {"; ".join(s.html for s in shown)}</p>'
    if more:
        items = "".join(f"<li>{s.html}</li>" for s in more)
        html += (f'<details class="tl-sources"><summary>{len(more)} more sources</summary>'
                 f"<ul>{items}</ul></details>")
    return html


def timelinejs(timeline: Timeline, entries: list[Entry] | None = None) -> dict:
    """The timeline in TimelineJS's JSON format, each date at its own precision.

    A day is ``{year, month, day}``, a month ``{year, month}``, a year ``{year}``; spans (a
    week, a quarter, a decade) get an ``end_date`` at the same precision. ``display_date`` is
    the site's AP-style wording. TimelineJS puts ``{year, month}`` at the month's first day:
    a coarse date the page places elsewhere (``order.placed``: "August 1998" first reported
    Aug. 20 comes after the Aug. 7 bombing, a plan or a span told after it ended at its last
    day) is given that day instead, with no ``end_date``, its ``display_date`` still saying
    "August 1998", so that the slides run in the page's order.
    """
    events = [_tjs_event(e) for e in entries_of(timeline, entries)]
    return {"title": _tjs_title(timeline), "events": events}


def _tjs_title(timeline: Timeline) -> dict:
    return {"text": {"headline": html.escape(str(timeline.title), quote=False),
                     "text": str(timeline.summary or "")}}


def _tjs_event(entry: Entry) -> dict:
    flags = "".join(
        f'<span class="tl-flag">{escape(words)}</span> ' for _, words in entry.flag_labels
    )
    note = f'<p class="tl-note">{escape(entry.note)}</p>' if entry.note else ""
    placed = entry.precision not in _TJS_DAY and entry.placed != entry.start
    event: dict = {
        "start_date": (_tjs_date(entry.placed, "day", entry.date_label) if placed
                       else _tjs_date(entry.start, entry.precision, entry.date_label)),
        "text": {
            "headline": html.escape(entry.title, quote=False),
            "text": f"{flags}{entry.body_html}{note}{_sources_html(entry)}".strip(),
        },
        "display_date": entry.date_label,
        "unique_id": _tjs_id(entry.anchor),
    }
    if clock := re.search(r"T(\d\d):(\d\d)", entry.value):
        event["start_date"]["hour"] = int(clock.group(1))
        event["start_date"]["minute"] = int(clock.group(2))
    if entry.end != entry.start and not placed:  # a period longer than its unit, a range
        event["end_date"] = _tjs_date(entry.end, entry.precision)
    if entry.sources and entry.sources[0].outlet:
        # TimelineJS puts the group into the page as HTML.
        event["group"] = str(escape(entry.sources[0].outlet))
    return event


def timelinejs_text(timeline: Timeline, entries: list[Entry] | None = None) -> str:
    """``timelinejs`` as JSON text, one event a line (compact JSON: ``json``'s C encoder)."""
    return timelinejs_bytes(timeline, entries).decode("utf-8")


def timelinejs_bytes(timeline: Timeline, entries: list[Entry] | None = None) -> bytes:
    """``timelinejs_text`` in UTF-8."""
    events = [e.fragment("json", (), partial(_json_event, e))
              for e in entries_of(timeline, entries)]
    title = json.dumps(_tjs_title(timeline), ensure_ascii=False)
    return (f'{{"title": {title},\n"events": [\n'.encode() + b",\n".join(events)
            + b"\n]}\n")


def _json_event(entry: Entry) -> str:
    return json.dumps(_tjs_event(entry), ensure_ascii=False)


# --- Atom ----------------------------------------------------------------------------------


def _rfc3339(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom(timeline: Timeline, siteurl: str, sitename: str,
         entries: list[Entry] | None = None) -> str:
    """An Atom feed of the timeline's entries, newest reported first.

    ``published`` is an entry's earliest source date, ``updated`` its latest, and the feed's
    ``updated`` the latest of those: nothing depends on the build time. Links are absolute
    with an absolute SITEURL, else relative to the feed's own address (Atom resolves them
    against it).

    Written directly, in the bytes ElementTree writes for the same feed
    (``atom_with_elementtree``; tests/test_incremental.py compares the two).
    """
    return atom_bytes(timeline, siteurl, sitename, entries).decode("utf-8")


def atom_bytes(timeline: Timeline, siteurl: str, sitename: str,
               entries: list[Entry] | None = None) -> bytes:
    """``atom`` in UTF-8."""
    page = timeline_address(timeline, siteurl) or "./"
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<feed xmlns="{ATOM_NS}">',
             _xml(" ", "id", f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, timeline.slug)}"),
             _xml(" ", "title", str(timeline.title))]
    if timeline.summary:
        lines.append(_xml(" ", "subtitle", " ".join(_plain(timeline.summary).split())))
    lines += [
        _xml(" ", "updated", _rfc3339(timeline.updated or date(1970, 1, 1))),
        _xml(" ", "link", None, rel="alternate", type="text/html", href=page),
        _xml(" ", "link", None, rel="self", type="application/atom+xml",
             href=page + FILES["atom"]),
        " <author>", _xml("  ", "name", sitename), " </author>",
        _xml(" ", "generator", "crisis-timeline"),
    ]
    ordered = sorted(entries_of(timeline, entries), key=lambda e: (e.reported, e.sort_key),
                     reverse=True)
    entries = [entry.fragment("atom", (timeline.slug, page, path),
                              partial(_atom_entry, timeline, entry, page, path))
               for entry in ordered for path in (timeline.entry_path(entry),)]
    return b"\n".join([("\n".join(lines)).encode("utf-8"), *entries, b"</feed>\n"])


def _atom_entry(timeline: Timeline, entry: Entry, page: str, path: str) -> str:
    lines = [" <entry>",
             _xml("  ", "id", f"urn:uuid:{entry_uid(timeline, entry)}"),
             _xml("  ", "title", f"{entry.date_label}: {entry.title}"),
             _xml("  ", "link", None, rel="alternate", type="text/html",
                  href=f"{page}{path}#{entry.anchor}"),
             _xml("  ", "published", _rfc3339(entry.reported)),
             _xml("  ", "updated", _rfc3339(entry.updated))]
    for _, words in entry.flag_labels:
        lines.append(_xml("  ", "category", None, term=words))
    note = f"<p><em>{_esc(entry.note)}</em></p>" if entry.note else ""
    lines.append(_xml("  ", "content", f"{entry.body_html}{note}{_sources_html(entry)}",
                      type="html"))
    lines.append(" </entry>")
    return "\n".join(lines)


def _xml(indent: str, tag: str, text: str | None, **attrs: str) -> str:
    """One element as ElementTree writes it (``<tag a="v">text</tag>``, ``<tag a="v" />``)."""
    start = tag + "".join(f' {k}="{_xml_attr(v)}"' for k, v in attrs.items())
    if text:
        return f"{indent}<{start}>{_xml_text(text)}</{tag}>"
    return f"{indent}<{start} />"


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attr(text: str) -> str:
    return (_xml_text(text).replace('"', "&quot;").replace("\r", "&#13;")
            .replace("\n", "&#10;").replace("\t", "&#09;"))


def atom_with_elementtree(timeline: Timeline, siteurl: str, sitename: str,
                          entries: list[Entry] | None = None) -> str:
    """``atom`` built with ElementTree: the reference the direct writer matches."""
    ET.register_namespace("", ATOM_NS)
    page = timeline_address(timeline, siteurl) or "./"

    def sub(parent, tag, text=None, **attrs):
        node = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "id", f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, timeline.slug)}")
    sub(feed, "title", str(timeline.title))
    if timeline.summary:
        sub(feed, "subtitle", " ".join(_plain(timeline.summary).split()))
    sub(feed, "updated", _rfc3339(timeline.updated or date(1970, 1, 1)))
    sub(feed, "link", rel="alternate", type="text/html", href=page)
    sub(feed, "link", rel="self", type="application/atom+xml", href=page + FILES["atom"])
    author = sub(feed, "author")
    sub(author, "name", sitename)
    sub(feed, "generator", "crisis-timeline")
    ordered = sorted(entries_of(timeline, entries), key=lambda e: (e.reported, e.sort_key),
                     reverse=True)
    for entry in ordered:
        item = sub(feed, "entry")
        sub(item, "id", f"urn:uuid:{entry_uid(timeline, entry)}")
        sub(item, "title", f"{entry.date_label}: {entry.title}")
        link = f"{page}{timeline.entry_path(entry)}#{entry.anchor}"
        sub(item, "link", rel="alternate", type="text/html", href=link)
        sub(item, "published", _rfc3339(entry.reported))
        sub(item, "updated", _rfc3339(entry.updated))
        for _, words in entry.flag_labels:
            sub(item, "category", term=words)
        note = f"<p><em>{_esc(entry.note)}</em></p>" if entry.note else ""
        sub(item, "content", f"{entry.body_html}{note}{_sources_html(entry)}", type="html")
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def _esc(text: str) -> str:
    return str(escape(text))


def _plain(html: str) -> str:
    from .entry import html_to_text

    return html_to_text(html)


# --- CSV -----------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id", "when", "date", "start", "end", "precision", "mod", "title", "text", "flags",
    "attribution", "note", "source_dates", "source_outlets", "source_links", "source_titles",
    "key",
]


def csv_text(timeline: Timeline) -> str:
    """One row per entry in timeline order; several sources are one per line in a cell.

    Every entry, whatever TIMELINE_EXPORT says (a spreadsheet is for research: filtering is
    the reader's), with its ``key`` (yes or no) in the last column and ``background`` among
    its flags."""
    return csv_bytes(timeline).decode("utf-8")


def csv_bytes(timeline: Timeline) -> bytes:
    """``csv_text`` in UTF-8."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(CSV_COLUMNS)
    rows = [e.fragment("csv", (), partial(_csv_row, e)) for e in timeline.entries]
    return buffer.getvalue().encode("utf-8") + b"".join(rows)


def _csv_row(e: Entry) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([_no_formula(cell) for cell in (
        e.anchor, e.value, e.date_label, e.start.isoformat(), e.end.isoformat(), e.precision,
        e.mod or "", e.title, e.text, ",".join(e.flags), e.attribution, e.note,
        "\n".join(s.date for s in e.sources), "\n".join(s.outlet for s in e.sources),
        "\n".join(s.link for s in e.sources), "\n".join(s.title for s in e.sources),
        "yes" if e.key else "no",
    )])
    return buffer.getvalue()


def _no_formula(cell: str | None) -> str:
    """A cell a spreadsheet would run as a formula (= + - @, tab, CR) is quoted with '."""
    text = cell or ""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# --- oEmbed --------------------------------------------------------------------------------


def oembed(timeline: Timeline, siteurl: str, sitename: str, height: int) -> dict:
    """The oEmbed "rich" response for the timeline's embed page (a static file)."""
    page = timeline_address(timeline, siteurl)
    src = (page or "") + FILES["embed"]
    iframe = embed_code(src, str(timeline.title), height)
    out = {
        "version": "1.0",
        "type": "rich",
        "title": str(timeline.title),
        "provider_name": sitename,
        "html": iframe,
        "width": 640,
        "height": height,
    }
    base = absolute_base(siteurl)
    if base:
        out["provider_url"] = base + "/"
    return out


def oembed_text(timeline: Timeline, siteurl: str, sitename: str, height: int) -> str:
    return json.dumps(oembed(timeline, siteurl, sitename, height), ensure_ascii=False,
                      indent=1) + "\n"


def embed_code(src: str, title: str, height: int) -> str:
    return (
        f'<iframe src="{_esc(src)}" title="{_esc(title)}" width="100%" height="{height}" '
        f'style="border:0;max-width:100%" loading="lazy"></iframe>'
    )
