"""Incremental builds: after any change (entries edited, added, deleted, a template, a
setting), a rebuild that reuses the entry cache, the export fragments and the previous
build's pages writes the same bytes as a clean build into another folder.

One generated timeline of 300 entries (bench/synth.py), split into pages of 20 entries,
changed and rebuilt step by step (the tests run in order, each on the last one's site).
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from generator.site import exports, ical
from generator.site.build import build_site
from generator.site.contents import Timeline
from generator.site.entry import Entry, SourceRef
from generator.site.reuse import PageReuse
from generator.temporal.values import bounds

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

N = 300
SPLIT = "TIMELINE_PAGE_ENTRIES = 20\nTIMELINE_EMBED_ENTRIES = 15\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("incremental")
    synth.write_timeline(N, folder)
    _settings(folder)
    assert build_site(folder / "site.py", folder / "content", folder / "output") == []
    return folder


def _settings(project: Path, extra: str = "") -> None:
    # The project's own templates (THEME_TEMPLATES_OVERRIDES is relative to the working
    # folder otherwise), so that a test can change them.
    templates = f"THEME_TEMPLATES_OVERRIDES = [{str(project / 'templates')!r}]\n"
    base = (project / "pelicanconf.py").read_text() + "\n" + SPLIT + templates + extra + "\n"
    (project / "site.py").write_text(base)
    (project / "clean.py").write_text(base + "TIMELINE_CACHE = False\n")


def _entries(project: Path) -> list[Path]:
    return sorted((project / "content" / "timeline" / "big").glob("[0-9]*.md"))


def _rebuild(project: Path, caplog) -> tuple[int, int]:
    """Rebuild the site incrementally; (pages rendered, pages reused)."""
    counts = []
    save = PageReuse.save

    def counted(self) -> None:
        counts.append((self.rendered, self.reused))
        save(self)

    PageReuse.save = counted
    try:
        assert build_site(project / "site.py", project / "content", project / "output") == []
    finally:
        PageReuse.save = save
    return counts[-1]


def _same_as_clean(project: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    assert build_site(project / "clean.py", project / "content", clean) == []
    site = project / "output"
    files = sorted(p.relative_to(clean) for p in clean.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    different = [f for f in files if not filecmp.cmp(clean / f, site / f, shallow=False)]
    assert different == []


def _entry_cache(project: Path) -> dict[str, tuple[int, bytes]]:
    """The entry cache's files: name -> (modification time, bytes)."""
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes())
            for p in (project / "cache").glob("timeline-entries*.pickle")}


def test_nothing_changed_reuses_every_page(project, caplog, tmp_path):
    before = _entry_cache(project)
    rendered, reused = _rebuild(project, caplog)
    assert rendered == 0 and reused > 10
    # No entry written again (the stat records may be: files written within the last two
    # seconds are hashed again, see generator/site/cache.py)
    after = _entry_cache(project)
    assert after.keys() == before.keys() and len(after) > 10
    assert [n for n in after if after[n] != before[n]] in ([], ["timeline-entries.pickle"])
    _same_as_clean(project, tmp_path)


def test_one_entry_edited(project, caplog, tmp_path):
    before = _entry_cache(project)
    entry = _entries(project)[N // 2]
    text = entry.read_text()
    entry.write_text(re.sub(r"(?m)^Title: ", "Title: Edited ", text, count=1))
    rendered, reused = _rebuild(project, caplog)
    assert 1 <= rendered <= 2 and reused > 10  # its page (and the embed, if it is in it)
    after = _entry_cache(project)
    assert after.keys() == before.keys() and len(after) > 10
    # The shards of its old and new key and the stat records: not every entry written again.
    rewritten = sorted(name for name in after if after[name] != before[name])
    assert 2 <= len(rewritten) <= 3 and "timeline-entries.pickle" in rewritten, rewritten
    _same_as_clean(project, tmp_path)
    assert "Edited " in (project / "output" / "timeline" / "big" / "feed.atom").read_text()


def test_an_edit_that_keeps_size_and_modification_time_is_seen(project, caplog, tmp_path):
    entry = _entries(project)[10]
    text = entry.read_text()
    before = entry.stat()
    changed = text.replace("Title: ", "Title: X", 1)[:-1]  # same length
    assert len(changed) == len(text) and changed != text
    entry.write_text(changed)
    os.utime(entry, ns=(before.st_atime_ns, before.st_mtime_ns))
    _rebuild(project, caplog)
    _same_as_clean(project, tmp_path)
    assert "Title: X" in entry.read_text()


def test_entries_added_and_deleted(project, caplog, tmp_path):
    files = _entries(project)
    files[3].unlink()
    files[-1].unlink()
    text = files[N // 3].read_text()
    (files[N // 3].parent / "2099-01-01-new-entry.md").write_text(
        re.sub(r"(?m)^When: .*$", "When: 2099-01-01", text, count=1))
    (files[0].parent / "1999-06-new-entry.md").write_text(
        re.sub(r"(?m)^When: .*$", "When: 1999-06", text, count=1))
    _rebuild(project, caplog)
    _same_as_clean(project, tmp_path)


def test_a_template_changed(project, caplog, tmp_path):
    template = project / "templates" / "timeline_part.html"
    template.write_text(template.read_text().replace(
        "{% block content %}", "{% block content %}\n<p class=\"changed\">Changed.</p>"))
    rendered, reused = _rebuild(project, caplog)
    assert reused == 0 and rendered > 10
    _same_as_clean(project, tmp_path)
    page = next((project / "output" / "timeline" / "big").glob("*/index.html"))
    assert 'class="changed"' in page.read_text()


def test_siteurl_changed(project, caplog, tmp_path):
    _settings(project, 'SITEURL = "https://example.org/news"\nRELATIVE_URLS = False\n')
    rendered, reused = _rebuild(project, caplog)
    assert reused == 0
    _same_as_clean(project, tmp_path)
    feed = (project / "output" / "timeline" / "big" / "feed.atom").read_text()
    assert 'href="https://example.org/news/timeline/big/' in feed
    # And back: the pages of the first address are rendered again, not reused wrongly.
    _settings(project)
    _rebuild(project, caplog)
    _same_as_clean(project, tmp_path / "back")


def test_a_page_changed_by_hand_in_the_site_is_rendered_again(project, caplog, tmp_path):
    _rebuild(project, caplog)
    page = next((project / "output" / "timeline" / "big").glob("*/index.html"))
    page.write_text(page.read_text().replace("</main>", "<p>tampered</p></main>"))
    rendered, reused = _rebuild(project, caplog)
    assert rendered == 1 and reused > 10
    assert "tampered" not in page.read_text()
    _same_as_clean(project, tmp_path)


def test_a_damaged_manifest_or_cache_costs_a_render_not_a_wrong_page(project, caplog, tmp_path):
    cache = project / "cache"
    (cache / "timeline-pages.json").write_text("{not json")
    (cache / "timeline-entries.pickle").write_bytes(b"\x80\x05damaged")
    rendered, reused = _rebuild(project, caplog)
    assert reused == 0 and rendered > 10
    _same_as_clean(project, tmp_path)


def _tricky_timeline() -> Timeline:
    timeline = Timeline("demo", 'Talks & "plans" <b>', "<p>Sum &amp; mary</p>",
                        "timeline/demo/", "timeline/demo/index.html")
    for i, item in enumerate(synth.items(60)):
        start, end = bounds(item["value"])
        odd = ' & <x> "q" \t tab\r\nline ' * (i % 3)
        timeline.entries.append(Entry(
            value=item["value"], title=item["title"] + odd, precision=item["precision"],
            start=start, end=end, mod=None,
            flags=("reported", "caption") if i % 4 == 0 else (),
            note=("note " + odd) if i % 5 == 0 else "",
            sources=(SourceRef(f"2024-03-0{1 + i % 9}", "Outlet & Co", "https://e.org/?a=1&b=2",
                               "r", "T <i>" + odd),) if i % 6 else (),
            anchor=f"a-{i}", body_html="" if i % 7 == 0 else f"<p>Body {odd}</p>",
            source_path=f"/x/a-{i}.md"))
    timeline.sort()
    timeline.split(10)
    return timeline


@pytest.mark.parametrize("siteurl", ["", "https://example.org/news/"])
def test_fast_atom_is_elementtrees_bytes(siteurl):
    timeline = _tricky_timeline()
    fast = exports.atom(timeline, siteurl, "Site & <name>")
    assert fast == exports.atom_with_elementtree(timeline, siteurl, "Site & <name>")
    ET.fromstring(fast.encode("utf-8"))
    assert exports.atom(timeline, siteurl, "") == exports.atom_with_elementtree(
        timeline, siteurl, "")  # an empty element is written as ElementTree writes it
    assert exports.atom(timeline, siteurl, "S") == exports.atom_with_elementtree(
        timeline, siteurl, "S")  # the fragments remembered for the entries are reused


def test_timelinejs_text_is_the_timelinejs_data():
    timeline = _tricky_timeline()
    assert json.loads(exports.timelinejs_text(timeline)) == exports.timelinejs(timeline)
    empty = Timeline("e", "E", "", "timeline/e/", "timeline/e/index.html")
    assert json.loads(exports.timelinejs_text(empty)) == exports.timelinejs(empty)


def test_export_fragments_follow_what_they_depend_on():
    timeline = _tricky_timeline()
    first = ical.ics(timeline, "https://a.example/", "S")
    assert ical.ics(timeline, "https://a.example/", "S") == first
    moved = ical.ics(timeline, "https://b.example/", "S")
    assert b"https://b.example/" in moved and b"https://a.example/" not in moved
    timeline.split(0)  # one page: the entries' links change
    assert b"#a-" in ical.ics(timeline, "https://a.example/", "S")
    assert ical.ics(timeline, "https://a.example/", "S") != first
    assert ical.ics(timeline, "https://a.example/", "S") == ical.ics_with_icalendar(
        timeline, "https://a.example/", "S")
