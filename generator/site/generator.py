"""``TimelineGenerator``: reads every timeline's entries and writes one page per timeline."""

from __future__ import annotations

import gc
import logging
import os
from pathlib import Path

import nh3
from markupsafe import Markup
from pelican.contents import Content
from pelican.generators import Generator
from pelican.readers import Readers

from ..errors import InputError
from ..sources.textfiles import decode_text, read_bytes
from ..temporal.values import bounds
from ..timeline.entry_file import TIMELINE_FILE, header_gap, read_metadata
from ..timeline.key_header import key_problem, key_value
from . import exports, ical, newsletter
from .cache import FILE_NAME as ENTRY_CACHE_FILE
from .cache import EntryCache
from .cache import fingerprint as cache_fingerprint
from .contents import EXPORT_CHOICES, Timeline
from .entry import Entry, TimelineEntry
from .readers import use_reusing_reader
from .reuse import PageReuse

log = logging.getLogger(__name__)


class TimelineGenerator(Generator):
    """Adds ``timelines`` to the shared context and renders ``timeline.html`` for each."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Entry file names start with their TIMEX3 value ("2021-W46-…", "2021-02-30-…" typed
        # by hand): Pelican must not read a post date from them, nor fail on one.
        reader_settings = dict(self.settings, FILENAME_METADATA=r"(?P<slug>.*)", PATH_METADATA="")
        self.readers = Readers(reader_settings, kwargs.get("readers_cache_name", ""))
        use_reusing_reader(self.readers)

    def generate_context(self) -> None:
        root = Path(self.path) / self.settings["TIMELINE_PATH"]
        cache_file = None
        if self.settings.get("TIMELINE_CACHE"):
            cache_file = Path(self.settings["CACHE_PATH"]) / ENTRY_CACHE_FILE
        self.entry_cache = EntryCache(cache_file, cache_fingerprint(self.settings))
        # Unpickling thousands of entries makes thousands of objects, none of them in a
        # cycle: the cyclic garbage collector, run again and again meanwhile, finds nothing.
        collecting = gc.isenabled()
        gc.disable()
        try:
            timelines = [self._read_timeline(folder) for folder in _timeline_folders(root)]
        finally:
            if collecting:
                gc.enable()
        log.debug("entry cache: %d read from the cache, %d read from their files, %d hashed",
                  self.entry_cache.hits, self.entry_cache.misses, self.entry_cache.hashed)
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
        for path in sorted(folder.glob("*.md"), key=lambda p: p.name):
            # Hidden names are editors' lock files and our own temp files, not entries.
            if path.name == TIMELINE_FILE or path.name.startswith("."):
                continue
            key = self.entry_cache.key(path)
            entry = self.entry_cache.get(key)
            if entry is None:
                content = self._read_entry(path)
                if content is None:
                    continue
                entry = Entry.from_content(content)
                # Cached only if its HTML does not depend on the rest of the site
                # ({filename} links are rewritten against the site's other content).
                if content._content == content.content:
                    self.entry_cache.put(key, entry)
            timeline.entries.append(entry)
        timeline.sort()
        timeline.split(self.settings.get("TIMELINE_PAGE_ENTRIES"))
        return timeline

    def _read_entry(self, path: Path) -> TimelineEntry | None:
        where = os.path.relpath(path)
        try:
            entry = self.readers.read_file(
                base_path=self.path, path=str(path), content_class=TimelineEntry,
                context=self.context,
            )
        except (UnicodeDecodeError, OSError):
            # Pelican's own message names no file; ours names the file and the line.
            try:
                decode_text(Path(where), read_bytes(path), utf16=False)
            except InputError as error:
                log.error("%s", error)
            else:
                log.error("%s:1: not UTF-8 text", where)
            return None
        gap = header_gap(path.read_text(encoding="utf-8"))
        if gap is not None:  # else its Source: and Generated: lines are published as text
            log.error("%s:%d: %s", where, *gap)
            return None
        if not entry.metadata.get("title") or not entry.metadata.get("when"):
            log.error("%s:1: an entry needs 'Title:' and 'When:' lines", where)
            return None
        if bounds(str(entry.metadata["when"]).strip()) is None:
            line = _line_of(path, "when")
            log.error(
                "%s:%d: 'When: %s' is not a calendar date value (e.g. 2021-11-18, 2021-W46, "
                "2021-11, 2021)", where, line, entry.metadata["when"],
            )
            return None
        if "key" in entry.metadata and key_value(str(entry.metadata["key"])) is None:
            line = _line_of(path, "key")
            log.error("%s:%d: %s", where, line, key_problem(str(entry.metadata["key"])))
            return None
        return entry

    def generate_output(self, writer) -> None:
        choice = self.settings.get("TIMELINE_EXPORT")
        if choice not in EXPORT_CHOICES:
            log.error("TIMELINE_EXPORT = %r: use %s", choice,
                      " or ".join(repr(c) for c in EXPORT_CHOICES))
            return
        pages = PageReuse(self)
        for timeline in self.timelines:
            self._write_timeline(writer, timeline, pages)
        pages.save()
        log.debug("pages: %d rendered, %d reused", pages.rendered, pages.reused)
        # Saved now: the exports added their fragments to the entries.
        self.entry_cache.save()

    def _write_timeline(self, writer, timeline: Timeline, pages: PageReuse) -> None:
        settings = self.settings
        siteurl, sitename = settings["SITEURL"], settings["SITENAME"]
        height = settings["TIMELINE_EMBED_HEIGHT"]
        folder = os.path.dirname(timeline.save_as)
        address = exports.timeline_address(timeline, siteurl)
        files = dict(exports.FILES)
        # The exports, the embed and the newsletter hold the key events (when there are
        # any), or every entry with TIMELINE_EXPORT = "all"; the spreadsheet holds them all.
        choice = settings["TIMELINE_EXPORT"]
        selected = timeline.selected(choice)
        export_key = choice == "key" and timeline.has_key
        extra = {
            "timeline": timeline,
            "url": timeline.url,
            "exports": files,
            "timeline_address": address,
            "export_key": export_key,
            "embed_code": exports.embed_code(
                (address or "") + files["embed"], str(timeline.title), height),
        }
        page_name = timeline.url.rstrip("/")
        relative = settings["RELATIVE_URLS"]
        # The key page: the key events and the key background (linked to their place among
        # all entries); a timeline without key events: every entry (or the index of years).
        if timeline.has_key:
            shown = _placed(timeline, timeline.key_entries)
        else:
            shown = () if timeline.parts else _digests(timeline.entries)
        pages.write(writer, timeline.save_as, "timeline", shown, relative_urls=relative,
                    page_name=page_name, **extra)
        if timeline.has_key:
            # Every entry, as the timeline page was before key events (an index of years for
            # a split timeline, its background linked to the years' pages).
            every = _placed(timeline, timeline.background_entries) if timeline.parts \
                else _digests(timeline.entries)
            pages.write(writer, timeline.all_save_as, "timeline_all", every,
                        relative_urls=relative, page_name=f"{page_name}/all", **extra)
        for number, part in enumerate(timeline.parts):
            previous = timeline.parts[number - 1] if number else None
            following = timeline.parts[number + 1] if number + 1 < len(timeline.parts) \
                else None
            neighbours = tuple((p.key, p.label, p.path) if p else None
                               for p in (previous, following))
            pages.write(writer, part.save_as, "timeline_part",
                        (part.key, neighbours, _digests(part.entries)),
                        relative_urls=relative, page_name=f"{page_name}/{part.key}", **extra,
                        part=part, previous=previous, next=following)
        # The embed of a split timeline shows the last of its entries (an iframe of
        # thousands is unusable).
        limit = max(1, settings.get("TIMELINE_EMBED_ENTRIES") or 1)
        listed = timeline.key_events if export_key else timeline.entries
        embed_entries = listed[-limit:] if timeline.parts and len(listed) > limit else None
        embed_shown = _placed(timeline, embed_entries or selected)
        if export_key:  # and the background box, however many key events are shown
            embed_shown += _placed(timeline, timeline.key_background)
        pages.write(writer, os.path.join(folder, files["embed"]), "embed", embed_shown,
                    relative_urls=relative, page_name=f"{page_name}/embed", **extra,
                    embed_entries=embed_entries, embed_view="key" if export_key else "all")
        outputs = {
            files["json"]: exports.timelinejs_bytes(timeline, selected),
            files["atom"]: exports.atom_bytes(timeline, siteurl, sitename, selected),
            files["ics"]: ical.ics(timeline, siteurl, sitename, selected),
            files["csv"]: exports.csv_bytes(timeline),
            files["oembed"]: exports.oembed_text(timeline, siteurl, sitename, height),
        }
        entries = timeline.newest(settings["TIMELINE_NEWSLETTER_ENTRIES"], selected)
        outputs.update(self.newsletter(timeline, entries, key=export_key))
        if address is None:
            log.warning("%s: newsletter links are relative (SITEURL is not an absolute address);"
                        " build with SITEURL=https://… and -s publishconf.py before sending it",
                        timeline.slug)
        for name, data in outputs.items():
            path = Path(self.output_path) / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))

    def newsletter(self, timeline: Timeline, entries: list[Entry],
                   key: bool = False) -> dict[str, str]:
        """``newsletter.html``, ``.txt`` and ``.md`` for ``entries`` of ``timeline`` (``key``:
        they are its key events, and the issue says so)."""
        siteurl, sitename = self.settings["SITEURL"], self.settings["SITENAME"]
        context = dict(self.context, SITEURL=siteurl)
        return {
            "newsletter.html": newsletter.render_html(
                self.get_template("newsletter"), timeline, entries, context, key=key),
            "newsletter.txt": newsletter.render_text(timeline, entries, siteurl, sitename,
                                                     key=key),
            "newsletter.md": newsletter.render_markdown(timeline, entries, siteurl, key=key),
        }


def _digests(entries: list[Entry]) -> tuple[str, ...]:
    return tuple(e.digest for e in entries)


def _placed(timeline: Timeline, entries: list[Entry]) -> tuple[tuple[str, str], ...]:
    """The digests of ``entries`` with the pages their links point to (a page that links an
    entry elsewhere changes when the entry moves to another page)."""
    return tuple((e.digest, timeline.entry_path(e)) for e in entries)


class TimelineInfo(Content):
    """``_timeline.md``: the timeline's own title and introduction."""

    mandatory_properties = ("title",)


def _timeline_folders(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _line_of(path: Path, name: str) -> int:
    """The line of the entry file's ``name:`` header (1 if it has none), for an error."""
    text = path.read_text(encoding="utf-8")
    return next((n for key, _, n in read_metadata(text) if key == name), 1)
