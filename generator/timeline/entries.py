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

from .. import atomic
from ..errors import InputError

if TYPE_CHECKING:
    from ..events.extract import Event
    from ..events.merge import Story

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
    # kept, though its sentence in the article changed since the last run
    source_changed: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # deleted by a person: not re-created
    removed: list[Path] = field(default_factory=list)  # ours, untouched, no longer produced
    names: list[str] = field(default_factory=list)  # the file of each story, in order


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


def file_names(stories: list[Story], reserved: dict[int, str] | None = None) -> list[str]:
    """Readable, unique file names: ``<value>-<headline slug>.md``; story i keeps
    ``reserved[i]`` (the file an earlier run wrote for it) where there is one."""
    reserved = reserved or {}
    names: list[str] = []
    used: set[str] = set(reserved.values())
    seen: dict[str, int] = {}
    for i, event in enumerate(story.lead for story in stories):
        if i in reserved:
            names.append(reserved[i])
            continue
        words = event.headline.split()[:_SLUG_WORDS]
        slug = slugify(
            " ".join(words), regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
        )[:60].strip("-")
        value = _value_prefix(event)
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


def _value_prefix(event: Event) -> str:
    return _UNSAFE_NAME.sub("-", event.value).strip(".-") or "undated"


def story_keys(stories: list[Story]) -> list[frozenset[str]]:
    """Identity of each story that survives rule changes: one key per report, from the
    article, the sentence and which of the sentence's dates it is. Headlines, values and
    phrase extents may change when the engine improves; these do not."""
    by_sentence: dict[tuple[str, str], list[Event]] = {}
    for story in stories:
        for report in story.reports:
            by_sentence.setdefault((report.source.path, report.sentence), []).append(report)
    key_of: dict[int, str] = {}
    for (path, sentence), reports in by_sentence.items():
        digest = hashlib.sha256(f"{path}\n{sentence}".encode()).hexdigest()[:16]
        for i, report in enumerate(sorted(reports, key=lambda r: (r.position, r.value))):
            key_of[id(report)] = f"{digest}.{i}"
    return [frozenset(key_of[id(r)] for r in story.reports) for story in stories]


def _claim_names(
    folder: Path, stories: list[Story], keys: list[frozenset[str]],
    known: dict[str, frozenset[str]], places: list[frozenset[str]],
) -> dict[int, str]:
    """Stories that an earlier run already wrote a file for, and that file's name.

    Keeping the name keeps the entry's permalink when only its headline changed, and it is
    what keeps a person's edit or deletion from being undone by a rename: the story maps to
    the edited file (kept) or the deleted name (skipped) instead of a fresh duplicate. An
    untouched file whose date changed is renamed, so file names keep saying the date."""
    pairs = sorted(
        (-len(keys[i] & old), i, name)
        for i in range(len(stories))
        for name, old in known.items()
        if keys[i] & old
    )
    claimed: dict[int, str] = {}
    taken: set[str] = set()
    for _, i, name in pairs:
        if i in claimed or name in taken or not _may_keep_name(folder, name, stories[i]):
            continue
        claimed[i] = name
        taken.add(name)
    claimed.update(_claim_edited_sentences(folder, stories, claimed, known, places))
    return claimed


_SAME_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _may_keep_name(folder: Path, name: str, story: Story) -> bool:
    """A file keeps its name unless it is ours, untouched, and its date changed: then the
    story takes a name that says the new date."""
    prefix = _value_prefix(story.lead)
    if name == f"{prefix}.md" or name.startswith(f"{prefix}-") or not _exists(folder / name):
        return True
    if _SAME_DAY.match(prefix) and name[:10] == prefix[:10] and name[10:11] in ("-", "T"):
        return True  # the same day told finer or coarser ("2023-02-03" / "2023-02-03TNI")
    current = _read_entry(folder / name)
    return current is None or not is_untouched(current)


def _claim_edited_sentences(
    folder: Path, stories: list[Story], claimed: dict[int, str],
    known: dict[str, frozenset[str]], places: list[frozenset[str]],
) -> dict[int, str]:
    """Stories whose sentence was edited in the article since the run that wrote their file.

    The sentence is part of a story's key, so correcting it in the article (a typo, a
    tense, a date) orphans the entry: a person's edited entry would stay beside a fresh
    duplicate, a deleted one come back, an untouched one be renamed. A story no key claims
    takes an orphaned file (there or deleted) of the same source paragraph and date phrase,
    else of the same paragraph and a sentence of mostly the same words, when the match is
    unique on both sides. The manifest keeps each file's locators (``locators``) for this."""
    taken = set(claimed.values())
    orphans = {name: known[name] if any(t.startswith("@") for t in known[name])
               else known[name] | _locators_of_file(folder / name)
               for name in sorted(known.keys() - taken)}
    open_stories = {i: places[i] for i in range(len(stories)) if i not in claimed}
    found: dict[int, str] = {}
    for kind in ("@s", "@p"):
        by_locator: dict[str, list[str]] = {}
        for name, tokens in orphans.items():
            for token in tokens:
                if token.startswith(kind) and name not in found.values():
                    by_locator.setdefault(token, []).append(name)
        wanted: dict[str, list[int]] = {}
        for i, tokens in open_stories.items():
            for token in tokens:
                if token.startswith(kind) and i not in found:
                    wanted.setdefault(token, []).append(i)
        for token, indexes in sorted(wanted.items()):
            names = by_locator.get(token, [])
            if len(indexes) != 1 or len(names) != 1:
                continue
            i, name = indexes[0], names[0]
            if kind == "@p" and not _similar(open_stories[i], orphans[name]):
                continue  # another sentence of the paragraph, not this one corrected
            if _may_keep_name(folder, name, stories[i]):
                found[i] = name
    return found


_MINHASHES = 8


def _story_keys(tokens: frozenset[str]) -> frozenset[str]:
    """The sentence keys of a manifest line, without its locators."""
    return frozenset(t for t in tokens if not t.startswith("@"))


def locators(story: Story) -> frozenset[str]:
    """Where a story's lead was told, as manifest tokens: its paragraph (``@p``), that and
    its date phrase (``@s``), and a sketch of its sentence's words (``@m``) to tell a
    corrected sentence from another one of the paragraph."""
    lead = story.lead
    anchor = _source_line(lead).split(" | ")[3]
    # a bottom-k sketch: the smallest word hashes stand for the set of words
    words = {w.lower() for w in re.findall(r"\w+", lead.sentence)} or {""}
    signature = "".join(sorted(hashlib.blake2b(w.encode(), digest_size=2).hexdigest()
                               for w in words)[:_MINHASHES])
    return _place_tokens(anchor, _one_line(lead.phrase)) | {"@m" + signature}


def _place_tokens(anchor: str, phrase: str) -> frozenset[str]:
    """The paragraph (``@p``) and paragraph-and-phrase (``@s``) locators."""
    return frozenset({"@p" + _short_hash(anchor), "@s" + _short_hash(f"{anchor}\n{phrase}")})


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two sketches say the sentences share most of their words (half the smallest word
    hashes in common)?"""
    sketches = []
    for tokens in (a, b):
        sig = next((t[2:] for t in tokens if t.startswith("@m")), "")
        sketches.append({sig[k : k + 4] for k in range(0, len(sig), 4)})
    return bool(sketches[0]) and len(sketches[0] & sketches[1]) * 2 >= min(
        len(sketches[0]), len(sketches[1]))


def _locators_of_file(path: Path) -> frozenset[str]:
    """For a manifest written before locators: the paragraph and phrase of the file."""
    text = _read_entry(path) if _exists(path) else None
    if text is None:
        return frozenset()
    fields = dict((k, v) for k, v, _ in reversed(read_metadata(text)))
    anchor = fields.get("source", "").split(" | ")[3:4]
    if not anchor or not fields.get("phrase"):
        return frozenset()
    return _place_tokens(anchor[0], fields["phrase"])


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
    manifest.update((n, k) for n, k in pending.items() if _exists(folder / n))
    keys = story_keys(stories)
    places = [locators(story) for story in stories]
    names = file_names(stories, _claim_names(folder, stories, keys, manifest, places))
    report.names = names
    wanted = dict(zip(names, stories, strict=True))
    wanted_keys = {name: key | place for name, key, place in zip(names, keys, places, strict=True)}
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
                recorded = _story_keys(manifest.get(name, frozenset()))
                if recorded and not recorded & wanted_keys[name]:
                    report.source_changed.append(path)  # claimed by paragraph and phrase
    removals: list[Path] = []
    for name in sorted(manifest.keys() - wanted.keys()):
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
    if not _exists(path):
        return None
    done, pending = _read_manifest(path)
    return frozenset(done) | frozenset(pending)


def _read_manifest(path: Path) -> tuple[Manifest, Manifest]:
    """(names done, names pending) of the manifest, with their story keys: what we wrote,
    what we were writing. A line is ``name`` (older manifests) or ``name<TAB>key key ...``."""
    if not _exists(path):
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
