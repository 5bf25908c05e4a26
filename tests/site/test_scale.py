"""Large timelines: split into pages by year and month, cached rebuilds, fast paths that must
write the same bytes as the slow ones. A generated timeline of 300 entries (bench/synth.py)."""

from __future__ import annotations

import filecmp
import sys
from pathlib import Path

import lxml.html
import pytest
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from generator.site import ical
from generator.site.build import build_site
from generator.site.contents import Timeline
from generator.site.entry import Entry, SourceRef
from generator.site.readers import ReusingMarkdownReader
from generator.temporal.values import bounds

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

N, LIMIT, EMBED = 300, 20, 15


def _settings(project: Path, name: str, extra: str) -> Path:
    path = project / name
    path.write_text((project / "pelicanconf.py").read_text() + "\n" + extra + "\n")
    return path


def _build(project: Path, settings: Path, output: str) -> Path:
    assert build_site(settings, project / "content", project / output) == []
    return project / output


def _files(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> tuple[Path, Path]:
    project = tmp_path_factory.mktemp("scale")
    synth.write_timeline(N, project)
    settings = _settings(project, "split.py",
                         f"TIMELINE_PAGE_ENTRIES = {LIMIT}\nTIMELINE_EMBED_ENTRIES = {EMBED}")
    return project, _build(project, settings, "output")


def _ids(page: Path) -> list[str]:
    return [li.get("id") for li in lxml.html.parse(str(page)).getroot().cssselect("li.entry")]


def test_a_long_timeline_is_split_by_year_and_month(big):
    project, site = big
    folder = site / "timeline" / "big"
    index = lxml.html.parse(str(folder / "index.html")).getroot()
    assert not index.cssselect("li.entry")  # the timeline page is an index of its pages
    links = [a.get("href") for a in index.cssselect("ol.parts a")]
    assert links and all((folder / link / "index.html").is_file() for link in links)
    assert any(len(link) == len("2014/") for link in links)  # a short year: one page
    assert any(len(link) == len("2014-03/") for link in links)  # a long year: a page a month
    # Every entry is on exactly one page, in timeline order, and no page is too long
    # unless a single month holds more entries than the limit.
    order = [li.get("id") for li in lxml.html.parse(str(folder / "embed.html")).getroot()
             .cssselect("li.entry")]
    seen = []
    for link in links:
        ids = _ids(folder / link / "index.html")
        assert ids
        assert len(ids) <= LIMIT or len(link) == len("2014-03/"), link
        seen += ids
    names = sorted(p.stem for p in (project / "content" / "timeline" / "big").glob("*.md")
                   if not p.name.startswith("_"))
    assert sorted(seen) == names and len(seen) == N
    assert order == seen[-EMBED:]  # the embed shows the last entries
    # The home page shows the same index, linked from the site's root.
    home = lxml.html.parse(str(site / "index.html")).getroot()
    assert [a.get("href") for a in home.cssselect("ol.parts a")] == [
        f"./timeline/big/{link}" for link in links]


def test_split_pages_link_entries_where_they_are(big):
    _, site = big
    folder = site / "timeline" / "big"
    page = next(p for p in sorted(folder.glob("*/index.html")))
    root = lxml.html.parse(str(page)).getroot()
    first = root.cssselect("li.entry")[0]
    assert first.cssselect("a.permalink")[0].get("href") == "#" + first.get("id")
    assert root.cssselect("a.site-name")[0].get("href") == "../../../"
    assert root.cssselect('nav.years a[aria-current="page"]')
    assert root.cssselect("nav.pager a[rel=next]")
    feed = (folder / "feed.atom").read_text()
    assert f'href="./{page.parent.name}/#{first.get("id")}"' in feed
    embed = lxml.html.parse(str(folder / "embed.html")).getroot()
    href = embed.cssselect("a.permalink")[0].get("href")
    assert href.startswith("./") and "/#" in href


def test_a_short_timeline_stays_one_page(big):
    project, _ = big
    site = _build(project, project / "pelicanconf.py", "one-page")  # limit 500 > 300 entries
    folder = site / "timeline" / "big"
    assert len(_ids(folder / "index.html")) == N
    assert not [p for p in folder.iterdir() if p.is_dir()]


def test_rebuild_from_the_entry_cache_is_byte_identical_to_a_clean_build(big, tmp_path):
    project, site = big
    cache = project / "cache" / "timeline-entries.pickle"
    assert cache.is_file()  # written by the first build
    entry = sorted((project / "content" / "timeline" / "big").glob("2*.md"))[N // 2]
    original = entry.read_text()
    entry.write_text(original.replace("\n\n", "\n\nEdited *by hand*. ", 1))
    try:
        settings = project / "split.py"
        cached = _build(project, settings, "cached")
        nocache = _settings(project, "nocache.py",
                            settings.read_text() + "\nTIMELINE_CACHE = False")
        clean = _build(project, nocache, "clean")
    finally:
        entry.write_text(original)
    assert _files(cached) == _files(clean)
    for name in _files(clean):
        assert filecmp.cmp(cached / name, clean / name, shallow=False), name
    assert "Edited <em>by hand</em>" in "".join(
        p.read_text() for p in (cached / "timeline" / "big").glob("*/index.html"))


def test_reusing_markdown_reader_reads_as_pelican_does(big, tmp_path):
    project, _ = big
    settings = read_settings(str(project / "pelicanconf.py"))
    files = sorted((project / "content" / "timeline" / "big").glob("*.md"))[:60]
    extra = tmp_path / "summary.md"
    extra.write_text("Title: T\nSummary: *short* [x][1]\nWhen: 2021\n\nText[^1] [x][1].\n\n"
                     "[^1]: Note.\n[1]: https://example.org\n")
    reused = ReusingMarkdownReader(settings)
    for path in [*files, extra, *files[:3]]:
        assert reused.read(str(path)) == MarkdownReader(settings).read(str(path)), path


@pytest.mark.parametrize("siteurl", ["", "https://example.org/news/"])
def test_fast_calendar_is_icalendars_bytes(siteurl):
    timeline = Timeline("demo", "Talks; a, b \\N c", "", "timeline/demo/", "x")
    for i, item in enumerate(synth.items(120)):
        text = "".join(item["paragraphs"]) + (" Zürich… “quoted”; a\\b, c^d " * (i % 4))
        start, end = bounds(item["value"])
        fields = dict(value=item["value"], title=item["title"] + "é" * (i % 3),
                      precision=item["precision"], start=start, end=end, mod=None,
                      flags=tuple(item["flags"]), note=item["note"],
                      sources=tuple(SourceRef.parse(s) for s in item["sources"]),
                      anchor=item["name"][:-3], body_html=f"<p>{text}</p>", source_path="",
                      attribution="")
        timeline.entries.append(Entry(**fields))
    timeline.sort()
    timeline.split(40)
    assert ical.ics(timeline, siteurl, "Crisis, timelines") == ical.ics_with_icalendar(
        timeline, siteurl, "Crisis, timelines")
