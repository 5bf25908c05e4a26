"""Timeline entries on disk: one hand-editable Markdown file per event.

An entry is written in Pelican's Markdown metadata format, so Pelican reads it like any
other content file. Each generated file carries ``Generated: <hash>`` of its own text:
when the text no longer matches the hash, a person has edited it and it is never touched
again. A ``.generated`` manifest remembers every file we ever wrote, so an entry a person
deleted stays deleted.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from . import atomic
from .errors import InputError

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
    return _one_line(text).replace("|", "/")


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
    used: set[str] = set()
    seen: dict[str, int] = {}
    for event in (story.lead for story in stories):
        words = event.headline.split()[:_SLUG_WORDS]
        slug = slugify(
            " ".join(words), regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
        )[:60].strip("-")
        value = _UNSAFE_NAME.sub("-", event.value).strip(".-") or "undated"
        base = f"{value}-{slug}" if slug else value
        count = seen.get(base, 0) + 1
        name = f"{base}.md" if count == 1 else f"{base}-{count}.md"
        # "x", "x" and a headline that itself ends in "-2": still one file per story.
        while name in used:
            count += 1
            name = f"{base}-{count}.md"
        seen[base] = count
        used.add(name)
        names.append(name)
    return names


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


def write_timeline(folder: Path, stories: list[Story], title: str) -> Report:
    """Bring ``folder`` up to date with ``stories`` without losing any person's work.

    A file is only ever replaced or removed when it is exactly as we generated it; a file
    that cannot be read (another encoding, a folder, a broken link) counts as a person's.
    Problems with the folder itself are InputErrors.

    Crash safety: every file is written atomically (the old or the new version, never a
    part), and the manifest is a journal. Before adding or removing files it lists their
    names as pending (``?name``); after, as done. A run killed in between leaves pending
    names, which the next run reads as "ours if the file is there (and untouched), not
    deleted by a person if it is not", so it finishes the job instead of mistaking a file
    it never wrote for one a person deleted, or keeping one it meant to remove.
    """
    report = Report()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(folder, f"cannot create the timeline folder: {exc.strerror or exc}"
                         ) from None
    if not folder.is_dir():
        raise InputError(folder, "is not a folder")
    atomic.remove_stale_temp_files(folder)
    manifest_path = folder / MANIFEST
    done, pending = _read_manifest(manifest_path)
    manifest = done | {name for name in pending if _exists(folder / name)}
    wanted = dict(zip(file_names(stories), stories, strict=True))
    writes: list[tuple[Path, str, list[Path]]] = []
    for name, story in wanted.items():
        path = folder / name
        text = entry_text(story)
        if not _exists(path):
            if name in manifest:
                report.skipped.append(path)
                continue
            writes.append((path, text, report.added))
        else:
            current = _read_entry(path)
            if current == text:
                report.unchanged.append(path)
            elif current is not None and is_untouched(current):
                writes.append((path, text, report.updated))
            else:
                report.kept.append(path)
    removals: list[Path] = []
    for name in sorted(manifest - set(wanted)):
        path = folder / name
        if not _exists(path):
            continue
        current = _read_entry(path)
        if current is not None and is_untouched(current):
            removals.append(path)
        else:
            report.kept.append(path)
    changing = {path.name for path, _, kind in writes if kind is report.added}
    changing |= {path.name for path in removals}
    if changing:
        _write_manifest(manifest_path, manifest - changing, changing)
    for path, text, kind in writes:
        _write(path, text)
        kind.append(path)
    for path in removals:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise InputError(path, f"cannot remove: {exc.strerror or exc}") from None
        report.removed.append(path)
    manifest = (manifest | set(wanted)) - {path.name for path in removals}
    timeline_file = folder / TIMELINE_FILE
    if not _exists(timeline_file):
        _write(timeline_file, f"Title: {_one_line(title)}\n\n")
    _write_manifest(manifest_path, manifest)
    return report


def _exists(path: Path) -> bool:
    """True for anything at ``path``, a broken link included (it is a person's, too)."""
    return path.is_symlink() or path.exists()


def _read_entry(path: Path) -> str | None:
    """The entry's text, or None when it cannot be read as UTF-8 text (never ours, then)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _write(path: Path, text: str) -> None:
    try:
        atomic.write_text(path, text)
    except OSError as exc:
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from None


def _write_manifest(path: Path, names: set[str], pending: set[str] = frozenset()) -> None:
    lines = [f"{n}\n" for n in sorted(names)] + [f"{_PENDING}{n}\n" for n in sorted(pending)]
    _write(path, "".join(lines))


_PENDING = "?"


def _read_manifest(path: Path) -> tuple[set[str], set[str]]:
    """(names done, names pending) of the manifest: what we wrote, what we were writing."""
    if not _exists(path):
        return set(), set()
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise InputError(path, f"cannot read the list of generated entries: "
                         f"{exc.strerror or exc}") from None
    names = [line.strip() for line in text.split("\n") if line.strip()]
    pending = {n[len(_PENDING):] for n in names if n.startswith(_PENDING)}
    return {n for n in names if not n.startswith(_PENDING)}, pending
