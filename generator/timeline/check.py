"""``timeline check``: lint the entries an editor maintains, as ``file:line: message``.

Entries are read the way Python-Markdown's meta extension reads them (``Key: value`` lines
up to the first blank line), so a problem is reported at the line Pelican would read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..ruledata import rule_data
from ..sources.textfiles import decode_text, read_bytes
from ..temporal.values import bounds, precision
from .entry_file import (
    GENERATED_KEY,
    TIMELINE_FILE,
    header_gap,
    is_untouched,
    read_metadata,
)
from .key_header import key_problem, key_value
from .store import generated_names

_KNOWN_FLAGS = {"caption", "reported", "planned", "background", "date-conflict"}


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def check_entry(path: Path, text: str) -> list[Problem]:
    """Every problem in one entry file."""
    problems = _control_characters(path, text)
    gap = header_gap(text)
    if gap is not None:  # not "no 'Source:' line": the line is there, after the slip
        return [*problems, Problem(path, *gap)]
    fields = read_metadata(text)
    found: dict[str, list[tuple[str, int]]] = {}
    for key, value, line in fields:
        found.setdefault(key, []).append((value, line))
    if "title" not in found:
        problems.append(Problem(path, 1, "no 'Title:' line"))
    if "when" not in found:
        problems.append(Problem(path, 1, "no 'When:' line with the event's date"))
        return problems
    value, line = found["when"][0]
    span = bounds(value)
    if span is None:
        problems.append(Problem(path, line, f"'When: {value}' is not a calendar date "
                                "(e.g. 2021-11-18, 2021-W46, 2021-11, 2021)"))
        return problems
    if "precision" in found:
        stated, stated_line = found["precision"][0]
        if stated != precision(value):
            problems.append(Problem(path, stated_line, f"'Precision: {stated}' does not match "
                                    f"'When: {value}' ({precision(value)})"))
    if "source" not in found:
        problems.append(Problem(path, 1, "no 'Source:' line: every entry needs a source"))
    for source, source_line in found.get("source", []):
        if not source.strip(" |"):
            problems.append(Problem(path, source_line, "empty 'Source:' line"))
    for key, key_line in found.get("key", []):
        if key_value(key) is None:
            problems.append(Problem(path, key_line, key_problem(key)))
    for note, note_line in found.get("note", []):
        if inferred_day(note):
            problems.append(Problem(path, note_line, "the day of this time is inferred from "
                                    "the date before it in the article (or the publication "
                                    "date): check it, then delete the note"))
    for flags, flags_line in found.get("flags", []):
        for flag in (f.strip() for f in flags.split(",") if f.strip()):
            if flag not in _KNOWN_FLAGS:
                problems.append(Problem(path, flags_line, f"unknown flag '{flag}' "
                                        f"(known: {', '.join(sorted(_KNOWN_FLAGS))})"))
            if flag == "date-conflict":
                note = found.get("note", [("", flags_line)])[0][0]
                problems.append(Problem(path, flags_line, "date conflict to resolve"
                                        + (f": {note}" if note else "")))
    return problems


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def inferred_day(note: str) -> bool:
    """Does ``note`` hold the engine's note on a day guessed for a clock time alone?"""
    editor = rule_data("events", "events.yaml")["inferred_day_note"]
    return " ".join(editor.split()) in " ".join(note.split())


def _control_characters(path: Path, text: str) -> list[Problem]:
    """Control characters (pasted escape codes, form feeds) break the Atom feed's XML."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        match = _CONTROL.search(line)
        if match:
            problems.append(Problem(path, number, f"control character U+{ord(match.group()):04X}"
                                    f" at column {match.start() + 1}: delete it"))
    return problems


def check_folder(root: Path, names: list[str] | None = None) -> list[Problem]:
    """Every problem in every timeline under ``root`` (``content/timeline``), or in the
    timelines ``names`` only (``timeline check border-crisis``: a user's own timeline, not
    the demo's date conflicts too)."""
    problems: list[Problem] = []
    try:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError as exc:
        return [Problem(root, 1, f"cannot list folder: {exc.strerror or exc}")] if _exists(root) \
            else []
    if names:
        unknown = sorted(set(names) - {f.name for f in folders})
        if unknown:
            raise InputError(root, f"no timeline {', '.join(map(repr, unknown))} (timelines: "
                             f"{', '.join(f.name for f in folders) or 'none'})")
        folders = [f for f in folders if f.name in names]
    for folder in folders:
        seen: dict[tuple[str, str], Path] = {}
        try:
            known = generated_names(folder)
        except InputError as error:
            problems.append(Problem(error.path, 1, error.message))
            known = None
        for path in sorted(folder.glob("*.md")):
            # Hidden files (editors' backups, a killed run's temp files) are not entries:
            # Pelican does not read them either.
            if path.name == TIMELINE_FILE or path.name.startswith("."):
                continue
            try:
                text = decode_text(path, read_bytes(path), utf16=False, controls=True)
            except InputError as error:
                problems.append(Problem(path, error.line or 1, error.message))
                continue
            problems.extend(check_entry(path, text))
            if known is not None and path.name not in known and is_untouched(text):
                problems.append(_stray(path, text))
            fields = {k: v for k, v, _ in reversed(read_metadata(text))}
            key = (fields.get("when", ""), " ".join(fields.get("title", "").lower().split()))
            if key[0] and key[1]:
                if key in seen:
                    problems.append(Problem(path, 1, f"duplicate of {seen[key].name} "
                                            "(same date and title)"))
                else:
                    seen[key] = path
    return problems


def _stray(path: Path, text: str) -> Problem:
    """A generated entry, untouched, that the last extract did not write: a copy left behind
    (its list of generated files restored from an older version, say). Extract will neither
    update nor remove it, and it may repeat an entry that now holds its report."""
    line = next((n for n, row in enumerate(text.split("\n"), 1)
                 if row.startswith(f"{GENERATED_KEY}:")), 1)
    return Problem(path, line, "a generated entry that 'timeline extract' no longer writes "
                   "(it is not in .generated): it will not be updated; delete it if another "
                   "entry tells the same, or delete this line to keep it as your own")


def _exists(path: Path) -> bool:
    return path.is_symlink() or path.exists()
