"""Writing a timeline's entries to disk without ever losing a person's work.

A ``.generated`` manifest remembers every file we ever wrote, so an entry a person deleted
stays deleted; an edited entry (its ``Generated`` hash no longer matches) is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import atomic
from ..errors import InputError
from .entry_file import (
    TIMELINE_FILE,
    entry_exists,
    entry_text,
    is_untouched,
    one_line,
    read_entry,
)
from .names import claim_names, file_names, locators, sentence_keys, story_keys

if TYPE_CHECKING:
    from ..events.merge import Story

MANIFEST = ".generated"


@dataclass
class Report:
    """What one extraction did to the entries, for the summary an editor reads."""

    added: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # edited by a person: left alone
    # kept, though its sentence in the article changed since the last run
    source_changed: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # deleted by a person: not re-created
    removed: list[Path] = field(default_factory=list)  # ours, untouched, no longer produced
    names: list[str] = field(default_factory=list)  # the file of each story, in order
    folder_removed: bool = False  # no articles and no entries left: the folder went too



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
    manifest = {n: k for n, k in done.items()}
    manifest.update((n, k) for n, k in pending.items() if entry_exists(folder / n))
    keys = story_keys(stories)
    places = [locators(story) for story in stories]
    names = file_names(stories, claim_names(folder, stories, keys, manifest, places))
    report.names = names
    wanted = dict(zip(names, stories, strict=True))
    wanted_keys = {name: key | place for name, key, place in zip(names, keys, places, strict=True)}
    writes: list[tuple[Path, str, list[Path]]] = []
    for name, story in wanted.items():
        path = folder / name
        text = entry_text(story)
        if not entry_exists(path):
            if name in manifest:
                report.skipped.append(path)
                continue
            writes.append((path, text, report.added))
        else:
            current = read_entry(path)
            if current == text:
                report.unchanged.append(path)
            elif current is not None and is_untouched(current):
                writes.append((path, text, report.updated))
            else:
                report.kept.append(path)
                recorded = sentence_keys(manifest.get(name, frozenset()))
                if recorded and not recorded & wanted_keys[name]:
                    report.source_changed.append(path)  # claimed by paragraph and phrase
    removals: list[Path] = []
    for name in sorted(manifest.keys() - wanted.keys()):
        path = folder / name
        if not entry_exists(path):
            continue
        current = read_entry(path)
        if current is not None and is_untouched(current):
            removals.append(path)
        else:
            report.kept.append(path)
    changing = {path.name for path, _, kind in writes if kind is report.added}
    changing |= {path.name for path in removals}
    if changing:
        entries = {**manifest, **wanted_keys}
        _write_manifest(
            manifest_path,
            {n: k for n, k in manifest.items() if n not in changing},
            {n: entries[n] for n in changing},
        )
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
    manifest.update(wanted_keys)
    for path in removals:
        manifest.pop(path.name, None)
    timeline_file = folder / TIMELINE_FILE
    if not entry_exists(timeline_file):
        _write(timeline_file, _timeline_text(title))
    _write_manifest(manifest_path, manifest)
    report.folder_removed = not stories and _remove_if_emptied(folder, title)
    return report


def _timeline_text(title: str) -> str:
    return f"Title: {one_line(title)}\n\n"


def _remove_if_emptied(folder: Path, title: str) -> bool:
    """Remove a timeline folder that holds only what we wrote: the manifest and an
    untouched ``_timeline.md``. Its articles were all removed (``articles/t/`` deleted),
    and an empty ``timeline/t/`` left behind would look like a timeline still there; a
    file of anyone else's (an entry, an edited title) keeps the folder."""
    try:
        names = {path.name for path in folder.iterdir()}
    except OSError:
        return False
    info = folder / TIMELINE_FILE
    if not names <= {MANIFEST, TIMELINE_FILE} or info.is_symlink() or (
            entry_exists(info) and read_entry(info) != _timeline_text(title)):
        return False
    try:
        for name in names:
            (folder / name).unlink()
        folder.rmdir()
    except OSError as exc:
        raise InputError(folder, f"cannot remove the emptied timeline folder: "
                         f"{exc.strerror or exc}") from None
    return True


def _write(path: Path, text: str) -> None:
    try:
        atomic.write_text(path, text)
    except OSError as exc:
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from None


Manifest = dict[str, frozenset[str]]  # file name -> keys of the story written there


def _write_manifest(path: Path, names: Manifest, pending: Manifest | None = None) -> None:
    def line(prefix: str, name: str, keys: frozenset[str]) -> str:
        return f"{prefix}{name}\t{' '.join(sorted(keys))}\n" if keys else f"{prefix}{name}\n"

    lines = [line("", n, names[n]) for n in sorted(names)]
    lines += [line(_PENDING, n, k) for n, k in sorted((pending or {}).items())]
    _write(path, "".join(lines))


_PENDING = "?"


def generated_names(folder: Path) -> frozenset[str] | None:
    """The entry files the last ``extract`` wrote in ``folder`` (None: no manifest there)."""
    path = folder / MANIFEST
    if not entry_exists(path):
        return None
    done, pending = _read_manifest(path)
    return frozenset(done) | frozenset(pending)


def _read_manifest(path: Path) -> tuple[Manifest, Manifest]:
    """(names done, names pending) of the manifest, with their story keys: what we wrote,
    what we were writing. A line is ``name`` (older manifests) or ``name<TAB>key key ...``."""
    if not entry_exists(path):
        return {}, {}
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise InputError(path, f"cannot read the list of generated entries: "
                         f"{exc.strerror or exc}") from None
    done: Manifest = {}
    pending: Manifest = {}
    for line in text.split("\n"):
        name, _, keys = line.strip().partition("\t")
        if not name:
            continue
        target = pending if name.startswith(_PENDING) else done
        target[name.removeprefix(_PENDING)] = frozenset(keys.split())
    return done, pending

