"""Parsed data files kept on disk between processes, keyed by the hash of the file's bytes.

Measured on a one-sentence ``timeline extract --json``: parsing the four YAML rule files it
reads takes 0.01 s and importing PyYAML for it 0.015 s; the headline's verb table (gzipped
JSON) 0.01 s more. ``marshal`` loads the same values (dicts, lists, strings, numbers) in
a tenth of that and is built into Python.

An entry is named after the file's SHA-256, the parser's name and the Python version: an
edited file has another hash, so it is parsed again (and stored beside the old entry),
never read stale. Writes are atomic (temp file and rename): two processes storing the same
entry both write whole files and the last rename wins. A value ``marshal`` cannot store
(a YAML date), a damaged entry or an unwritable folder only costs the parsing, never an
error; a file that does not parse raises as it would without the cache.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def load(path: Path, kind: str, parse: Callable[[Path], Any]) -> Any:
    """``parse(path)``, from the cache when a file of the same bytes was parsed before (the
    parser reads the file itself, so that its errors name it as they would uncached)."""
    try:
        entry = _entry(path.read_bytes(), kind)
    except (OSError, RuntimeError):  # unreadable (the parser says so), no home folder
        return parse(path)
    try:
        return marshal.loads(entry.read_bytes())
    except Exception:  # not stored yet, damaged: parse
        pass
    value = parse(path)
    try:
        from . import atomic

        atomic.write_bytes(entry, marshal.dumps(value))
    except Exception:  # a value marshal cannot store, read-only home, full disk
        pass
    return value


def _entry(data: bytes, kind: str) -> Path:
    from .temporal.compiled import cache_dir

    digest = hashlib.sha256(data).hexdigest()[:32]
    version = "-".join(map(str, sys.version_info[:3]))
    return cache_dir() / "parsed" / f"{kind}-{digest}-{sys.implementation.name}-{version}.marshal"
