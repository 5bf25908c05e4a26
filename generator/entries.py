"""Timeline entries on disk: one hand-editable Markdown file per event.

An entry is written in Pelican's Markdown metadata format, so Pelican reads it like any
other content file. Each generated file carries ``Generated: <hash>`` of its own text:
when the text no longer matches the hash, a person has edited it and it is never touched
again. A ``.generated`` manifest remembers every file we ever wrote, so an entry a person
deleted stays deleted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from . import atomic

if TYPE_CHECKING:
    from .events import Event
    from .merge import Story

MANIFEST = ".generated"
TIMELINE_FILE = "_timeline.md"
GENERATED_KEY = "Generated"
_SLUG_WORDS = 8


@dataclass
class Report:
    """What one extraction did to the entries, for the summary an editor reads."""

    added: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # edited by a person: left alone
    skipped: list[Path] = field(default_factory=list)  # deleted by a person: not re-created
    removed: list[Path] = field(default_factory=list)  # ours, untouched, no longer produced


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
        f"Title: {_one_line(event.headline)}",
        f"When: {event.value}",
        f"Precision: {event.precision}",
    ]
    if event.mod:
        lines.append(f"Mod: {event.mod}")
    lines += [f"Phrase: {_one_line(event.phrase)}", f"Timeline: {event.timeline}"]
    if flags:
        lines.append(f"Flags: {', '.join(flags)}")
    if event.attribution:
        lines.append(f"Attribution: {_one_line(event.attribution)}")
    if notes:
        lines.append(f"Note: {_one_line('; '.join(notes))}")
    reports = _distinct_reports(story)
    lines += [f"Source: {_source_line(r)}" for r in reports]
    body = event.sentence.strip() + "\n"
    others = [r for r in reports if r is not event]
    if others:
        body += "\nAlso reported:\n\n" + "".join(
            f"- {_one_line(r.sentence)} ({_citation(r)})\n" for r in others
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


def _source_line(event: Event) -> str:
    source = event.source
    return " | ".join(
        [
            source.date.isoformat(),
            _one_line(source.outlet or ""),
            source.url or "",
            f"{source.path}#p{source.paragraph}",
            _one_line(source.title),
        ]
    )


def _citation(event: Event) -> str:
    source = event.source
    return ", ".join(p for p in (source.outlet, source.date.isoformat()) if p)


def _conflict_note(story: Story) -> str:
    readings = sorted({(r.value, _citation(r)) for r in story.reports})
    return "reports disagree on the date: " + "; ".join(f"{v} ({c})" for v, c in readings)


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


def _one_line(text: str) -> str:
    return " ".join(text.split())


def file_names(stories: list[Story]) -> list[str]:
    """Stable, readable, unique file names: ``<value>-<headline slug>.md``."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for event in (story.lead for story in stories):
        words = event.headline.split()[:_SLUG_WORDS]
        slug = slugify(
            " ".join(words), regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
        )[:60].strip("-")
        base = f"{event.value}-{slug}" if slug else event.value
        seen[base] = seen.get(base, 0) + 1
        names.append(f"{base}.md" if seen[base] == 1 else f"{base}-{seen[base]}.md")
    return names


def write_timeline(folder: Path, stories: list[Story], title: str) -> Report:
    """Bring ``folder`` up to date with ``stories`` without losing any person's work."""
    report = Report()
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / MANIFEST
    manifest = set(_read_manifest(manifest_path))
    wanted = dict(zip(file_names(stories), stories, strict=True))
    for name, story in wanted.items():
        path = folder / name
        text = entry_text(story)
        if not path.exists():
            if name in manifest:
                report.skipped.append(path)
                continue
            atomic.write_text(path, text)
            report.added.append(path)
        else:
            current = path.read_text(encoding="utf-8")
            if current == text:
                report.unchanged.append(path)
            elif is_untouched(current):
                atomic.write_text(path, text)
                report.updated.append(path)
            else:
                report.kept.append(path)
        manifest.add(name)
    for name in sorted(manifest - set(wanted)):
        path = folder / name
        if path.exists() and is_untouched(path.read_text(encoding="utf-8")):
            path.unlink()
            manifest.discard(name)
            report.removed.append(path)
        elif not path.exists():
            continue
        else:
            report.kept.append(path)
    timeline_file = folder / TIMELINE_FILE
    if not timeline_file.exists():
        atomic.write_text(timeline_file, f"Title: {_one_line(title)}\n\n")
    atomic.write_text(manifest_path, "".join(f"{n}\n" for n in sorted(manifest)))
    return report


def _read_manifest(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
