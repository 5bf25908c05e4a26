"""A cache of each article's events, so re-extraction skips articles that did not change.

The key is a hash of the article's bytes, the options that change its reading (the
publication date given on the command line, its place under content/) and a fingerprint of
the generator's own code and rule data: a new rule or a fixed bug invalidates every entry.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

from .. import atomic
from ..fingerprint import engine_fingerprint
from .extract import Event, Reading


class EventCache:
    """Each article's reading (its events, and the furniture left out of them) on disk, one
    JSON file per key; ``folder=None`` disables it."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def key(self, raw: bytes, source_path: str, dct: date | None,
            lang: str | None = None) -> str:
        digest = hashlib.sha256()
        for part in (engine_fingerprint(), source_path, dct.isoformat() if dct else "-"):
            digest.update(part.encode() + b"\0")
        if lang:  # (given on the command line)
            digest.update(f"lang={lang}".encode() + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def load(self, key: str) -> Reading | None:
        if self.folder is None:
            return None
        path = self.folder / f"{key}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            events = [Event.from_json(item) for item in data["events"]]
            left_out = {str(k): int(v) for k, v in data["left_out"].items()}
            news = int(data["news"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing or damaged: extract again
        self.used.add(key)
        return Reading(events, left_out, news)

    def store(self, key: str, reading: Reading) -> None:
        if self.folder is None:
            return
        data = {"events": [event.to_json() | {"position": event.position}
                           for event in reading.events],
                "left_out": reading.left_out, "news": reading.news}
        atomic.write_text(self.folder / f"{key}.json", json.dumps(data, ensure_ascii=False))
        self.used.add(key)

    def prune(self) -> None:
        """Remove the entries this run did not use (call after reading every article)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.json"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
