"""A cache of parsed timeline entries, so a rebuild reads only the entry files that changed.

Reading an entry (Pelican's Markdown reader, then ``nh3`` and the date values) is most of a
clean build. The cache keeps each ``Entry`` keyed by the SHA-256 of its file's path and bytes
(not its modification time: a file restored from git, or touched, is read from the cache if
its bytes are the same). The whole cache is thrown away when anything that shapes an entry
changes: the package's code and rule data, the Pelican, Markdown and nh3 versions, and the
settings that reading depends on. An entry is cached as it would be built from its file, so
a build from the cache writes the same bytes as a clean build (``tests/test_scale.py``).

Hashing every file is itself a good part of a rebuild, so the cache also keeps each file's
``stat`` (modification and change times in nanoseconds, size, inode): a file whose ``stat`` is
the same is not read again. A file changed less than ``_RACY_NS`` before the ``stat`` was
recorded is hashed anyway (a second write within the file system's clock tick can leave the
times as they were). Each entry also keeps its parts of the exports (``Entry.fragment``).

Not cached: entries that fail to read (their errors are reported on every build) and
entries whose HTML depends on the rest of the site (Pelican's ``{filename}`` links).
``CACHE_PATH/timeline-entries.pickle`` holds the fingerprint and the ``stat`` records; the
entries are in ``SHARDS`` files beside it (``timeline-entries-<nn>.pickle``, by key), so that
a rebuild after one edit writes one shard, not every entry again (55 MB at 10,000 entries).
Keys are content hashes, so any mix of old and new files (a build killed between two writes)
is still right: at worst an entry is read from its file again. ``TIMELINE_CACHE = False``
turns the cache off.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import time
from pathlib import Path

import markdown
import nh3
import pelican

from .. import atomic
from ..fingerprint import engine_fingerprint
from .entry import Entry

log = logging.getLogger(__name__)

FILE_NAME = "timeline-entries.pickle"
# Entries are spread over this many files by key (a rebuild rewrites only the changed ones).
SHARDS = 64
# Settings that change how an entry file becomes an Entry.
_SETTINGS = (
    "MARKDOWN", "FORMATTED_FIELDS", "TYPOGRIFY", "TYPOGRIFY_IGNORE_TAGS", "TYPOGRIFY_DASHES",
    "TYPOGRIFY_OMIT_FILTERS", "READERS", "PLUGINS", "SITEURL", "RELATIVE_URLS", "TIMEZONE",
    "DEFAULT_LANG", "DEFAULT_DATE_FORMAT", "DEFAULT_METADATA", "INTRASITE_LINK_REGEX",
    "FILENAME_METADATA", "PATH_METADATA", "EXTRA_PATH_METADATA", "TIMELINE_PATH",
)

# Entry's cached properties that every build uses (the strings are kept in the cache).
_DERIVED = ("digest", "sort_key", "date_label", "datetime", "flag_labels", "reported", "updated",
            "text")
# A stat recorded less than this long after the file last changed is not trusted.
_RACY_NS = 2_000_000_000


def fingerprint(settings: dict) -> str:
    digest = hashlib.sha256()
    # Only the code an entry passes through on its way to an Entry (its date words are
    # precision.py's): not the date engine.
    code = engine_fingerprint("site", "temporal/values.py", "temporal/precision.py")
    versions = (code, pelican.__version__, markdown.__version__,
                getattr(nh3, "__version__", ""))
    for part in versions + tuple(repr(settings.get(k)) for k in _SETTINGS):
        digest.update(str(part).encode("utf-8") + b"\0")
    return digest.hexdigest()


def file_key(path: Path) -> str | None:
    """The entry's cache key: its absolute path and bytes; None if it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(os.fsencode(os.path.abspath(path)) + b"\0")
    digest.update(raw)
    return digest.hexdigest()


class EntryCache:
    """Entries by key, loaded from and saved to one pickle file; ``path=None``: no cache."""

    def __init__(self, path: Path | None, settings_fingerprint: str) -> None:
        self.path = path
        self.fingerprint = settings_fingerprint
        # Each entry pickled on its own: a rebuild unpickles them all, but pickles again
        # only the entries that are new or changed (a new export fragment).
        self.blobs: dict[str, bytes] = {}
        self.used: dict[str, Entry] = {}
        # Absolute path -> ((mtime_ns, size, inode, ctime_ns), key, when the stat was taken).
        self.stats: dict[str, tuple] = {}
        self.seen: dict[str, tuple] = {}
        self.hits = self.misses = self.hashed = 0
        if path is not None:
            self._load()

    def _load(self) -> None:
        stats = self._read(self.path)  # type: ignore[arg-type]
        if isinstance(stats, dict):
            self.stats = stats
        for shard in range(SHARDS):
            blobs = self._read(self._shard_path(shard))
            if isinstance(blobs, dict):
                self.blobs.update(blobs)

    def _read(self, path: Path) -> object:
        """What ``path`` holds after this cache's fingerprint, or None (no file, another
        fingerprint, damaged: the entries concerned are read from their files again)."""
        try:
            with open(path, "rb") as handle:
                if pickle.load(handle) != self.fingerprint:
                    return None
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception as exc:
            log.debug("%s: not used (%s)", path, exc)
            return None

    def _shard_path(self, shard: int) -> Path:
        return self.path.with_name(f"{self.path.stem}-{shard:02d}{self.path.suffix}")  # type: ignore[union-attr]

    @staticmethod
    def _shard(key: str) -> int:
        return int(key[:8], 16) % SHARDS

    def key(self, path: Path) -> str | None:
        """``file_key(path)``, without reading the file when its ``stat`` is as recorded."""
        if self.path is None:
            return file_key(path)
        name = os.fspath(path) if path.is_absolute() else os.path.abspath(path)
        now = time.time_ns()
        try:
            st = os.stat(name)
        except OSError:
            return None
        signature = (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns)
        known = self.stats.get(name)
        if (known is not None and known[0] == signature
                and max(st.st_mtime_ns, st.st_ctime_ns) < known[2] - _RACY_NS):
            key = known[1]
            when = known[2]
        else:
            key = file_key(path)
            self.hashed += 1
            when = now
        if key is not None:
            self.seen[name] = (signature, key, when)
        return key

    def get(self, key: str | None) -> Entry | None:
        blob = self.blobs.get(key) if key is not None else None
        entry = None
        if blob is not None:
            try:
                entry = pickle.loads(blob)
            except Exception as exc:  # damaged: read the file again
                log.debug("%s: an entry not used (%s)", self.path, exc)
        if not isinstance(entry, Entry):
            self.misses += 1
            return None
        self.hits += 1
        self.used[key] = entry  # type: ignore[index]
        return entry

    def put(self, key: str | None, entry: Entry) -> None:
        if key is not None:
            for name in _DERIVED:  # computed now, so that the cache keeps them too
                getattr(entry, name)
            self.used[key] = entry

    def save(self) -> None:
        """Write what changed since the load: the shards with an entry new, changed (a new
        export fragment) or gone, and the ``stat`` records if a file was hashed again."""
        if self.path is None:
            return
        seen = {name: known for name, known in self.seen.items() if known[1] in self.used}
        shards: dict[int, dict[str, bytes]] = {n: {} for n in range(SHARDS)}
        changed: set[int] = set()
        for key, entry in self.used.items():
            blob = self.blobs.get(key)
            if blob is None or entry.__dict__.pop("_fresh", False):
                blob = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
                changed.add(self._shard(key))
            shards[self._shard(key)][key] = blob
        changed |= {self._shard(key) for key in self.blobs.keys() - self.used.keys()}
        try:
            for shard in sorted(changed):
                self._write(self._shard_path(shard), shards[shard])
            if seen != self.stats:
                self._write(self.path, seen)
        except OSError as exc:
            log.warning("%s: cannot write the entry cache (%s)", self.path, exc)
        self.blobs = {key: blob for part in shards.values() for key, blob in part.items()}
        self.stats = seen

    def _write(self, path: Path, data: object) -> None:
        atomic.write_bytes(path, b"".join(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
                                          for part in (self.fingerprint, data)))
