"""Pages of the previous build reused when nothing they show has changed.

A rebuild after editing one entry of a long (split) timeline changes one year or month page,
maybe the embed: rendering the other 150 pages again is most of the rebuild. Every page the
plugin writes gets a key, the SHA-256 of everything it is made from:

- the template set (the source of every template the Jinja environment can load), the
  plugin's code and the Pelican, Jinja and MarkupSafe versions;
- every setting (but ``OUTPUT_PATH``, a new folder for every build);
- every timeline's title, summary, address, counts, dates and list of pages (what headers,
  year navigation and page indexes show);
- the page itself: its file and template names, the template's variables, and the digest of
  each entry it shows (``Entry.digest``: everything the entry is) with its neighbours.

``CACHE_PATH/timeline-pages.json`` records, for each page, the key and the SHA-256 of the
bytes written for it. When a page's key is the recorded one and the live site
(``TIMELINE_PREVIOUS_OUTPUT``, set by ``generator.site.build.build_site``; else ``OUTPUT_PATH``)
still holds those very bytes, its file is hard-linked (else copied) into the new site instead
of rendering the page. The live site is never written, so a build killed at any moment leaves
it whole; a manifest that does not
describe the live site (a build that failed or was killed after recording it, a page edited
by hand) costs a render, never a wrong page.

Reuse is off (every page rendered, as before) when it cannot be proved safe: a setting whose
value has no stable ``repr`` (a function), a site with content besides the timelines
(articles, pages, static files: a custom template could show them anywhere), a plugin
listening to ``content_written`` (it may rewrite pages as they are written), a template
loader that cannot list its templates, or ``TIMELINE_REUSE_PAGES = False``. A custom template
that shows, on a year page, entries of other pages is not covered: turn reuse off for it.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import logging
import os
from pathlib import Path

from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join

from .. import atomic
from ..fingerprint import engine_fingerprint

log = logging.getLogger(__name__)

FILE_NAME = "timeline-pages.json"
PREVIOUS = "TIMELINE_PREVIOUS_OUTPUT"
# Context variables that are the timelines themselves (in every key) or set while writing.
_OURS = {"timelines", "timeline", "localsiteurl"}
_VOLATILE_SETTINGS = {"OUTPUT_PATH", PREVIOUS}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PageReuse:
    """Writes pages through Pelican's writer, or copies them from the live site."""

    def __init__(self, generator) -> None:
        settings = generator.settings
        self.generator = generator
        self.output = Path(generator.output_path)
        self.previous = Path(settings.get(PREVIOUS) or generator.output_path)
        try:  # a plain ``pelican`` run writes over the live site: nothing to copy
            self.in_place = self.previous.resolve() == self.output.resolve()
        except (OSError, RuntimeError):
            self.in_place = False
        self.path: Path | None = None
        if settings.get("TIMELINE_CACHE") and settings.get("TIMELINE_REUSE_PAGES", True):
            self.path = Path(settings["CACHE_PATH"]) / FILE_NAME
        self.base = _base(generator) if self.path is not None else None
        self.old: dict[str, list[str]] = self._load() if self.base is not None else {}
        self.new: dict[str, list[str]] = {}
        self.reused = self.rendered = 0

    def _load(self) -> dict[str, list[str]]:
        try:
            pages = json.loads(self.path.read_text(encoding="utf-8"))["pages"]  # type: ignore
        except FileNotFoundError:
            return {}
        except Exception as exc:  # damaged: render everything
            log.debug("%s: not used (%s)", self.path, exc)
            return {}
        return pages if isinstance(pages, dict) else {}

    def write(self, writer, name: str, template: str, parts: tuple, *, relative_urls: bool,
              page_name: str, **extra) -> None:
        """``writer.write_file(name, <template>, context, ...)``, or the same bytes copied.

        ``parts``: what the page shows that the base key and ``extra`` do not tell (the
        digests of its entries, its neighbours)."""
        key = None
        if self.base is not None:
            plain = sorted((k, v) for k, v in extra.items()
                           if isinstance(v, (str, int, dict, type(None))))
            text = repr((self.base, name, template, relative_urls, page_name, plain, parts))
            key = None if " at 0x" in text else _sha(text.encode("utf-8"))
        if key is not None and self._copy(name, key, relative_urls):
            self.reused += 1
            return
        writer.write_file(name, self.generator.get_template(template), self.generator.context,
                          relative_urls=relative_urls, page_name=page_name, **extra)
        self.rendered += 1
        if key is not None:
            with contextlib.suppress(OSError):
                data = Path(sanitised_join(str(self.output), name)).read_bytes()
                self.new[name] = [key, _sha(data)]

    def _copy(self, name: str, key: str, relative_urls: bool) -> bool:
        known = self.old.get(name)
        if not known or known[0] != key:
            return False
        try:
            source = Path(sanitised_join(str(self.previous), name))
            target = Path(sanitised_join(str(self.output), name))
            data = source.read_bytes()
        except (OSError, RuntimeError):
            return False
        if _sha(data) != known[1]:
            return False  # not the page the manifest describes: render it
        if not self.in_place:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                _link_or_copy(source, target, data)
            except OSError:
                return False
        if relative_urls:  # as Pelican's writer leaves the context after writing the page
            self.generator.context["localsiteurl"] = path_to_url(get_relative_path(name))
        self.new[name] = known
        return True

    def save(self) -> None:
        """Record this build's pages, if any was rendered (or one is gone)."""
        if self.path is None or (self.new == self.old and self.base is not None):
            return
        try:
            atomic.write_text(self.path, json.dumps({"pages": self.new}, sort_keys=True, indent=0))
        except OSError as exc:
            log.warning("%s: cannot write the page manifest (%s)", self.path, exc)


def _link_or_copy(source: Path, target: Path, data: bytes) -> None:
    """A hard link to the live site's file (creating files is most of copying them), else a
    copy. Nothing writes into a reused page afterwards: the new site is built in a fresh
    folder, each file written once, and the old site is only ever removed."""
    try:
        os.link(source, target)
    except OSError:
        target.write_bytes(data)


def _base(generator) -> str | None:
    """The part of every page's key that all pages share; None: reuse is not safe."""
    settings, context, env = generator.settings, generator.context, generator.env
    if signals.content_written.receivers:
        log.debug("page reuse off: a plugin listens to content_written")
        return None
    other = [k for k, v in context.items() if k not in settings and k not in _OURS and v]
    if other:
        log.debug("page reuse off: the site has other content (%s)", ", ".join(sorted(other)))
        return None
    digest = hashlib.sha256()

    def add(part) -> None:
        digest.update(str(part).encode("utf-8") + b"\0")

    try:
        # templates/static/ holds the theme's files copied as they are (favicon.ico), not
        # templates: no page shows their bytes, and Jinja cannot read a binary one.
        for name in sorted(env.list_templates(filter_func=_is_template)):
            add(name)
            add(env.loader.get_source(env, name)[0])
    except Exception as exc:  # a loader that cannot list or load: render every page
        log.debug("page reuse off: templates cannot be listed (%s)", exc)
        return None
    add(engine_fingerprint("site", "temporal/values.py"))
    for package in ("pelican", "jinja2", "markupsafe"):
        add(importlib.metadata.version(package))
    for key, value in sorted(settings.items()):
        if key not in _VOLATILE_SETTINGS:
            add(f"{key}={value!r}")
    for timeline in context.get("timelines", ()):
        add(repr(timeline_summary(timeline)))
    text = digest.hexdigest()
    if any(" at 0x" in f"{v!r}" for k, v in settings.items() if k not in _VOLATILE_SETTINGS):
        log.debug("page reuse off: a setting has no stable value")
        return None
    return text


def _is_template(name: str) -> bool:
    return not name.startswith("static/")


def timeline_summary(timeline) -> tuple:
    """What a timeline's pages show of it besides their own entries."""
    return (
        timeline.slug, str(timeline.title), str(timeline.summary), timeline.url,
        timeline.save_as, len(timeline.entries), timeline.source_count, timeline.first,
        timeline.last, timeline.updated,
        tuple((e.date_label, str(e.title)) for e in timeline.card_entries),
        tuple((p.key, p.label, p.year, p.path, p.save_as, len(p.entries))
              for p in timeline.parts),
        # The key page's counts and links, and what the pages say of the background.
        timeline.has_key, len(timeline.key_entries), len(timeline.key_events),
        len(timeline.background_entries),
    )
