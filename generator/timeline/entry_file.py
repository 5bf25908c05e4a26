"""One entry file: Pelican's Markdown metadata lines, the sentence, and its ``Generated`` hash.

An entry is written in Pelican's Markdown metadata format, so Pelican reads it like any
other content file. Each generated file carries ``Generated: <hash>`` of its own text:
when the text no longer matches the hash, a person has edited it and it is never touched
again.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..ruledata import rule_data

if TYPE_CHECKING:
    from ..events.extract import Event
    from ..events.merge import Story

TIMELINE_FILE = "_timeline.md"
GENERATED_KEY = "Generated"


def entry_text(story: Story) -> str:
    """The Markdown file for one story, ``Generated`` hash included."""
    event = story.lead
    flags = list(event.flags)
    notes = [event.note] if event.note else []
    if story.conflicting_dates:
        if "date-conflict" not in flags:
            flags.append("date-conflict")
        notes.append(_conflict_note(story))
    lines = [
        f"Title: {one_line(event.headline)}",
        f"When: {event.value}",
        f"Precision: {event.precision}",
    ]
    if event.mod:
        lines.append(f"Mod: {event.mod}")
    lines += [f"Phrase: {one_line(event.phrase)}", f"Timeline: {event.timeline}",
              f"Key: {'yes' if story.key else 'no'}"]
    if flags:
        lines.append(f"Flags: {', '.join(flags)}")
    if event.attribution:
        lines.append(f"Attribution: {one_line(event.attribution)}")
    if notes:
        lines.append(f"Note: {one_line('; '.join(notes))}")
    reports = _distinct_reports(story)
    lines += [f"Source: {source_line(r)}" for r in reports]
    body = event.sentence.strip() + "\n"
    others = [r for r in reports if r is not event]
    if others:
        body += "\nAlso reported:\n\n" + "".join(
            f"- {one_line(r.sentence)} ({_citation(r)})\n" for r in others
        )
    text = "\n".join(lines) + "\n\n" + body
    return _with_hash(text)


def _distinct_reports(story: Story) -> list[Event]:
    """The lead first, then one report per source paragraph, oldest source first."""
    seen = {(story.lead.source.path, story.lead.source.paragraph, story.lead.sentence)}
    rest = []
    for report in sorted(story.reports, key=lambda r: (r.source.date, r.source.path, r.position)):
        key = (report.source.path, report.source.paragraph, report.sentence)
        if key not in seen:
            seen.add(key)
            rest.append(report)
    return [story.lead, *rest]


def source_line(event: Event) -> str:
    source = event.source
    # " | " parts the fields: none of them may hold one, or an outlet named "A | B" would
    # shift the title into the link's place.
    return " | ".join(
        [
            source.date.isoformat(),
            _field(source.outlet or ""),
            (source.url or "").replace(" ", "%20").replace("|", "%7C"),
            f"{source.path.replace(' ', '%20').replace('|', '%7C')}#p{source.paragraph}",
            _field(source.title),
        ]
    )


def _field(text: str) -> str:
    return one_line(text).replace("|", "/")


def _citation(event: Event) -> str:
    source = event.source
    return ", ".join(p for p in (source.outlet, source.date.isoformat()) if p)


def _conflict_note(story: Story) -> str:
    readings = sorted({(r.value, _citation(r)) for r in story.reports})
    note = "reports disagree on the date: " + "; ".join(f"{v} ({c})" for v, c in readings)
    told = {}
    for report in story.reports:
        told.setdefault((" ".join(report.sentence.split()), report.phrase), set()).add(
            report.value)
    if any(len(values) > 1 for values in told.values()):
        # a story filed again later: its "Wednesday" now counts from a later publication date
        note += (" (the same sentence was published again later, so its relative date was "
                 "read from the later publication date; the first reading is usually right)")
    return note


_META = re.compile(r"^([A-Za-z0-9_-]+):\s*(.*)$")


def read_metadata(text: str) -> list[tuple[str, str, int]]:
    """(key, value, line) for each metadata line, keys lower-cased, in file order: the lines
    Python-Markdown's meta extension (and so Pelican) reads, up to the first blank line."""
    fields: list[tuple[str, str, int]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            break
        match = _META.match(line)
        if match:
            fields.append((match.group(1).lower(), match.group(2).strip(), number))
        elif line.startswith((" ", "\t")) and fields:
            key, value, first = fields[-1]
            fields[-1] = (key, f"{value} {line.strip()}", first)
        else:
            break
    return fields


def header_gap(text: str) -> tuple[int, str] | None:
    """(line, message) for a blank line left inside the header, else None.

    Pelican (like ``read_metadata``) ends the header at the first blank line: with one
    between ``When:`` and ``Source:``, the Source and Generated lines would be published as
    text and the entry read as one without a source. The blank line is a slip when the lines
    before it are a header and the block after it holds only header lines of the keys in
    ``timeline/data/entry.yaml``."""
    lines = text.split("\n")
    gap = next((n for n, line in enumerate(lines) if not line.strip()), None)
    if gap is None or _header_keys(lines[:gap], known=None) is None:
        return None
    start = next((n for n in range(gap, len(lines)) if lines[n].strip()), len(lines))
    end = next((n for n in range(start, len(lines)) if not lines[n].strip()), len(lines))
    keys = _header_keys(lines[start:end], set(rule_data("timeline", "entry.yaml")["header_keys"]))
    if not keys:
        return None
    named = ", ".join(f"'{key}:'" for key in keys)
    return gap + 1, (f"blank line inside the header: the {named} lines after it would be "
                     "read as text (and the entry as having none): delete the blank line")


def _header_keys(block: list[str], known: set[str] | None) -> list[str] | None:
    """The keys of ``block`` when every line of it is a header line (of a ``known`` key, or
    any key when None), else None."""
    keys: list[str] = []
    for line in block:
        match = _META.match(line)
        if match and (known is None or match.group(1).lower() in known):
            keys.append(match.group(1))
        elif not (keys and line.startswith((" ", "\t"))):
            return None
    return list(dict.fromkeys(keys))


def content_hash(text: str) -> str:
    """Hash of an entry's text without its ``Generated`` line."""
    kept = [line for line in text.split("\n") if not line.startswith(f"{GENERATED_KEY}:")]
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()[:16]


def is_untouched(text: str) -> bool:
    """True when the file is exactly as we generated it."""
    for line in text.split("\n"):
        if line.startswith(f"{GENERATED_KEY}:"):
            return line.split(":", 1)[1].strip() == content_hash(text)
        if not line.strip():
            break
    return False


def _with_hash(text: str) -> str:
    head, body = text.split("\n\n", 1)
    return f"{head}\n{GENERATED_KEY}: {content_hash(text)}\n\n{body}"


def one_line(text: str) -> str:
    return " ".join(text.split())


def entry_exists(path: Path) -> bool:
    """True for anything at ``path``, a broken link included (it is a person's, too)."""
    return path.is_symlink() or path.exists()


def read_entry(path: Path) -> str | None:
    """The entry's text, or None when it cannot be read as UTF-8 text (never ours, then)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
