"""Entry file names, and which file on disk belongs to which story.

A name says the date and the headline (``2021-11-18-kremlin-spokesman-peskov-....md``); a
story keeps the file an earlier run wrote for it, even when its headline is now worded
differently or an editor changed its sentence, matched by its paragraph and date phrase.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..slugs import slugify
from .entry_file import entry_exists, is_untouched, one_line, read_entry, read_metadata, source_line

if TYPE_CHECKING:
    from ..events.extract import Event
    from ..events.merge import Story

_SLUG_WORDS = 8


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
        slug = slugify(" ".join(words))[:60].strip("-")
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


def claim_names(
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
    if name == f"{prefix}.md" or name.startswith(f"{prefix}-") or not entry_exists(folder / name):
        return True
    if _SAME_DAY.match(prefix) and name[:10] == prefix[:10] and name[10:11] in ("-", "T"):
        return True  # the same day told finer or coarser ("2023-02-03" / "2023-02-03TNI")
    current = read_entry(folder / name)
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


def sentence_keys(tokens: frozenset[str]) -> frozenset[str]:
    """The sentence keys of a manifest line, without its locators."""
    return frozenset(t for t in tokens if not t.startswith("@"))


def locators(story: Story) -> frozenset[str]:
    """Where a story's lead was told, as manifest tokens: its paragraph (``@p``), that and
    its date phrase (``@s``), and a sketch of its sentence's words (``@m``) to tell a
    corrected sentence from another one of the paragraph."""
    lead = story.lead
    anchor = source_line(lead).split(" | ")[3]
    # a bottom-k sketch: the smallest word hashes stand for the set of words
    words = {w.lower() for w in re.findall(r"\w+", lead.sentence)} or {""}
    signature = "".join(sorted(hashlib.blake2b(w.encode(), digest_size=2).hexdigest()
                               for w in words)[:_MINHASHES])
    return _place_tokens(anchor, one_line(lead.phrase)) | {"@m" + signature}


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
    text = read_entry(path) if entry_exists(path) else None
    if text is None:
        return frozenset()
    fields = dict((k, v) for k, v, _ in reversed(read_metadata(text)))
    anchor = fields.get("source", "").split(" | ")[3:4]
    if not anchor or not fields.get("phrase"):
        return frozenset()
    return _place_tokens(anchor[0], fields["phrase"])

