"""A timeline's iCalendar file: its entries dated to a day, as all-day events.

Made as the other exports are (exports.py): each entry's VEVENT once, kept with the entry
(``Entry.fragment``), in the bytes the icalendar library writes for the same calendar.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from functools import partial

from .contents import Timeline
from .entry import Entry
from .exports import entries_of, entry_uid, timeline_address


def ics(timeline: Timeline, siteurl: str, sitename: str,
        entries: list[Entry] | None = None) -> bytes:
    """An iCalendar file of the entries dated to a day, as all-day events.

    UIDs are stable per entry; DTSTAMP is the entry's earliest source date (RFC 5545 wants a
    UTC date-time; a build timestamp would make every build differ).

    Written directly, in the bytes ``icalendar.Calendar.to_ical()`` writes for the same
    calendar (``ics_with_icalendar``; tests/test_scale.py compares the two): icalendar
    takes seconds for a timeline of thousands of entries.
    """
    page = timeline_address(timeline, siteurl)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
             f"PRODID:{_ical_text(f'-//{sitename}//crisis-timeline//EN')}",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{timeline.title}"]  # icalendar: as it is
    text = ["".join(_fold(line) + "\r\n" for line in lines).encode("utf-8")]
    for entry in entries_of(timeline, entries):
        if entry.precision in _ICS_PRECISIONS:
            path = timeline.entry_path(entry)
            text.append(entry.fragment("ics", (timeline.slug, page, path),
                                       partial(_ics_event, timeline, entry, page, path)))
    text.append(b"END:VCALENDAR\r\n")
    return b"".join(text)


def _ics_event(timeline: Timeline, entry: Entry, page: str | None, path: str) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{_ical_text(entry.title)}",
        f"DTSTART;VALUE=DATE:{entry.start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{entry.end + timedelta(days=1):%Y%m%d}",  # a range: its last day
        f"DTSTAMP:{entry.reported:%Y%m%d}T000000Z",
        f"UID:{_ical_text(entry_uid(timeline, entry))}@crisis-timeline",
        f"DESCRIPTION:{_ical_text(_ics_description(entry))}",
    ]
    if "planned" in entry.flags:
        lines.append("STATUS:TENTATIVE")
    if page:
        lines.append(f"URL:{page}{path}#{entry.anchor}")
    lines.append("END:VEVENT")
    return "".join(_fold(line) + "\r\n" for line in lines)


_ICS_PRECISIONS = ("day", "time")


def _ics_description(entry: Entry) -> str:
    lines = [entry.text]
    if entry.note:
        lines.append(entry.note)
    lines += ["Source: " + ", ".join(x for x in (s.title, s.outlet, s.date_words, s.link) if x)
              for s in entry.sources]
    return "\n\n".join(x for x in lines if x)


def _ics_events(timeline: Timeline, entries: list[Entry] | None = None):
    """(entry, description) for each entry the calendar holds."""
    for entry in entries_of(timeline, entries):
        if entry.precision in _ICS_PRECISIONS:
            yield entry, _ics_description(entry)


def _ical_text(text: str) -> str:
    """RFC 5545 TEXT escaping, as icalendar does it (a literal \\N is a line break)."""
    return (text.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;")
            .replace(",", r"\,").replace("\r\n", r"\n").replace("\n", r"\n")
            .replace("\r", r"\n"))


def ics_with_icalendar(timeline: Timeline, siteurl: str, sitename: str,
                       entries: list[Entry] | None = None) -> bytes:
    """The same calendar built with the icalendar library: the reference ``ics`` matches."""
    from icalendar import Calendar, Event

    page = timeline_address(timeline, siteurl)
    cal = Calendar()
    cal.add("prodid", f"-//{sitename}//crisis-timeline//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", str(timeline.title))
    for entry, description in _ics_events(timeline, entries):
        event = Event()
        event.add("uid", f"{entry_uid(timeline, entry)}@crisis-timeline")
        event.add("dtstamp", datetime.combine(entry.reported, time(0), tzinfo=UTC))
        event.add("dtstart", entry.start)
        event.add("dtend", entry.end + timedelta(days=1))
        event.add("summary", entry.title)
        event.add("description", description)
        if "planned" in entry.flags:
            event.add("status", "TENTATIVE")
        if page:
            event.add("url", f"{page}{timeline.entry_path(entry)}#{entry.anchor}")
        cal.add_component(event)
    return cal.to_ical()


def _fold(line: str) -> str:
    """RFC 5545 folding exactly as ``icalendar.parser.string._foldline`` does it.

    A line is cut before the character that would take it to 75 octets or more, and never
    right after a backslash or caret (the escape goes whole to the next line). An ASCII line
    (nearly every line) is cut every 74 characters without looking at each one.
    """
    if line.isascii():
        if len(line) < 75:
            return line
        parts, start, size = [], 0, len(line)
        while size - start > 74:
            end = start + 74
            if line[end - 1] in "\\^":
                end -= 1
            parts.append(line[start:end])
            start = end
        parts.append(line[start:])
        return "\r\n ".join(parts)
    if len(line.encode("utf-8")) < 75:
        return line
    parts, start, count = [], 0, 0
    for i, char in enumerate(line):
        size = 1 if char < "\x80" else len(char.encode("utf-8"))
        if i > start and count + size >= 75:
            if i - start > 1 and line[i - 1] in "\\^":
                parts.append(line[start:i - 1])
                start, count = i - 1, 1
            else:
                parts.append(line[start:i])
                start, count = i, 0
        count += size
    parts.append(line[start:])
    return "\r\n ".join(parts)
