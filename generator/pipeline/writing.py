"""Writing: each timeline's events merged into happenings, the key ones marked, and written
as entries; a timeline whose articles are all gone is emptied. Apart from ``extraction`` so
that ``extract --json``, which writes nothing, does not load the merge and the store.
"""

from __future__ import annotations

from pathlib import Path

from ..events.merge import merge_events
from ..events.reactions import flag_early_reactions
from ..events.salience import mark_key
from ..timeline.store import MANIFEST, Report, write_timeline
from .extraction import Extraction


def write_timelines(result: Extraction, content_dir: Path, whole: bool) -> list[tuple[str, Report]]:
    """Merge and write every timeline of ``result``; ``whole``: every article was read.

    Only when every article was read (and none failed) is a timeline with no articles left
    known to be gone: its untouched entries are removed (edited ones stay), or it would be
    published on as it was.
    """
    timelines = {name: mark_key(flag_early_reactions(merge_events(events)))
                 for name, events in result.by_timeline().items()}
    if whole and not result.errors:
        timelines.update((name, []) for name in written_timelines(content_dir)
                         if name not in timelines)
    return [
        (name, write_timeline(content_dir / "timeline" / name, stories,
                              name.replace("-", " ").capitalize()))
        for name, stories in sorted(timelines.items())
    ]


def written_timelines(content_dir: Path) -> list[str]:
    """Timelines ``extract`` wrote before (their folder has its list of generated files)."""
    folder = content_dir / "timeline"
    if not folder.is_dir():
        return []
    return sorted(p.parent.name for p in folder.glob(f"*/{MANIFEST}"))
