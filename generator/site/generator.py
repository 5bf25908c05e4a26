"""``TimelineGenerator``: reads every timeline's entries and writes one page per timeline."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import nh3
from markupsafe import Markup
from pelican.contents import Content
from pelican.generators import Generator
from pelican.readers import Readers

from ..entries import TIMELINE_FILE
from ..temporal.values import bounds
from .contents import Entry, Timeline, TimelineEntry

log = logging.getLogger(__name__)


class TimelineGenerator(Generator):
    """Adds ``timelines`` to the shared context and renders ``timeline.html`` for each."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Entry file names start with their TIMEX3 value ("2021-W46-…", "2021-02-30-…" typed
        # by hand): Pelican must not read a post date from them, nor fail on one.
        reader_settings = dict(self.settings, FILENAME_METADATA=r"(?P<slug>.*)", PATH_METADATA="")
        self.readers = Readers(reader_settings, kwargs.get("readers_cache_name", ""))

    def generate_context(self) -> None:
        root = Path(self.path) / self.settings["TIMELINE_PATH"]
        timelines = [self._read_timeline(folder) for folder in _timeline_folders(root)]
        self.timelines = [t for t in timelines if t.entries]
        self.context["timelines"] = self.timelines
        if self.settings["TIMELINE_SINGLE_ON_INDEX"] and len(self.timelines) == 1:
            self.context["timeline"] = self.timelines[0]

    def _read_timeline(self, folder: Path) -> Timeline:
        slug = folder.name
        title, summary = slug.replace("-", " ").capitalize(), ""
        info = folder / TIMELINE_FILE
        if info.exists():
            page = self.readers.read_file(
                base_path=self.path, path=str(info), content_class=TimelineInfo,
                context=self.context,
            )
            title = page.metadata.get("title", title)
            summary = Markup(nh3.clean(page.content or ""))
        timeline = Timeline(
            slug=slug,
            title=title,
            summary=summary,
            url=self.settings["TIMELINE_URL"].format(slug=slug),
            save_as=self.settings["TIMELINE_SAVE_AS"].format(slug=slug),
        )
        for path in sorted(folder.glob("*.md")):
            if path.name == TIMELINE_FILE:
                continue
            entry = self._read_entry(path)
            if entry is not None:
                timeline.entries.append(Entry.from_content(entry))
        timeline.sort()
        return timeline

    def _read_entry(self, path: Path) -> TimelineEntry | None:
        entry = self.readers.read_file(
            base_path=self.path, path=str(path), content_class=TimelineEntry,
            context=self.context,
        )
        where = os.path.relpath(path)
        if not entry.metadata.get("title") or not entry.metadata.get("when"):
            log.error("%s:1: an entry needs 'Title:' and 'When:' lines; skipped", where)
            return None
        if bounds(str(entry.metadata["when"]).strip()) is None:
            line = _line_of(path, "When:")
            log.error(
                "%s:%d: 'When: %s' is not a calendar date value (e.g. 2021-11-18, 2021-W46, "
                "2021-11, 2021); skipped", where, line, entry.metadata["when"],
            )
            return None
        return entry

    def generate_output(self, writer) -> None:
        for timeline in self.timelines:
            writer.write_file(
                timeline.save_as,
                self.get_template("timeline"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                timeline=timeline,
                page_name=timeline.url.rstrip("/"),
                url=timeline.url,
            )


class TimelineInfo(Content):
    """``_timeline.md``: the timeline's own title and introduction."""

    mandatory_properties = ("title",)


def _timeline_folders(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _line_of(path: Path, prefix: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith(prefix):
            return number
    return 1
