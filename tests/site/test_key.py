"""Key events first (issue 18): the timeline page lists the entries marked ``Key: yes``, every
entry is one click away on ``all/``, background entries are set apart in an ``<aside>`` on
both, and the exports follow TIMELINE_EXPORT ("key" by default, "all"); the spreadsheet holds
every entry. A timeline with no key event shows every entry on its page, as before."""

from __future__ import annotations

import csv
import filecmp
import io
import json
import re
from pathlib import Path

import lxml.html
import pytest
from test_site import ALL, ENTRIES, build, build_project, write_entries
from typer.testing import CliRunner

from generator.cli import app
from generator.site.build import build_site


def _with(text: str, *headers: str) -> str:
    """``text`` with header lines added after its Title line."""
    head, rest = text.split("\n", 1)
    return "\n".join((head, *headers, rest))


def keyed(entries: dict[str, str]) -> dict[str, str]:
    out = dict(entries)
    for name in ("2021-11-10-conflict.md", "2021-11-15-borrell.md", "2021-11-18-peskov.md",
                 "2021-12-ministers.md"):
        out[name] = _with(out[name], "Key: yes")
    out["2021-W46-alarm.md"] = _with(out["2021-W46-alarm.md"], "Key: no")
    # History told in passing: one key (in the key page's box), one not.
    out["2014-conflict.md"] = _with(out["2014-conflict.md"], "Key: Yes", "Flags: background")
    out["201-decade.md"] = _with(out["201-decade.md"], "Flags: background")
    return out


KEYED = keyed(ALL)
KEY_EVENTS = ["2021-11-10-conflict", "2021-11-15-borrell", "2021-11-18-peskov",
              "2021-12-ministers"]
KEY_ENTRIES = ["2014-conflict", *KEY_EVENTS]  # in timeline order
BACKGROUND = ["2014-conflict", "201-decade"]  # in timeline order


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_project(tmp_path_factory.mktemp("key"), KEYED)


def page(path: Path):
    return lxml.html.parse(str(path)).getroot()


def ids(elements) -> list[str]:
    return [e.get("id") for e in elements]


def test_the_page_lists_the_key_events_first(site):
    root = page(site / "timeline" / "demo" / "index.html")
    article = root.cssselect("article.timeline")[0]
    # After the header, the first thing is the list of key events, oldest first.
    assert [c.tag for c in article][:2] == ["header", "section"]
    assert article[1].get("class") == "key"
    assert article[1].cssselect("h2")[0].text_content() == "Key events"
    assert ids(root.cssselect("li.entry")) == KEY_EVENTS
    first = root.cssselect("li.entry")[0]
    assert first.cssselect("time")[0].text_content() == "Nov. 10, 2021"
    # One line each: date, headline (linked to the whole entry, among all entries), sources.
    assert first.cssselect(".headline a")[0].get("href") == "all/#2021-11-10-conflict"
    assert first.cssselect(".sources a")  # as on the page of all entries
    assert not first.cssselect(".text, .note")
    meta = root.cssselect(".timeline-head .meta")[0].text_content()
    assert meta.startswith("4 key events of 12 entries")
    links = root.cssselect("p.all-link a")
    assert {a.get("href") for a in links} == {"all/"}
    assert links[0].text_content() == "All 12 entries"


def test_background_is_a_labelled_box_apart_from_the_key_events(site):
    root = page(site / "timeline" / "demo" / "index.html")
    box = root.cssselect("aside.background")[0]
    heading = root.get_element_by_id(box.get("aria-labelledby"))
    assert heading.tag == "h2" and heading.text_content() == "Background"
    assert box.cssselect("li")[0].get("id") == "2014-conflict"  # the key background
    assert [a.get("href") for a in box.cssselect("li a")] == ["all/#2014-conflict"]
    more = box.cssselect("p.more a")[0]
    assert more.get("href") == "all/#background-title"
    assert more.text_content() == "All 2 background entries"
    assert not root.cssselect("section.key .flag-background")


def test_the_page_of_all_entries_is_the_page_as_it_was(site):
    root = page(site / "timeline" / "demo" / "all" / "index.html")
    assert len(root.cssselect("li.entry")) == len(ALL)
    years = root.cssselect("section.year li.entry")
    assert len(years) == len(ALL) - len(BACKGROUND)
    assert not [e for e in years if "background" in e.get("data-flags")]
    assert ids(root.cssselect("aside.background li.entry")) == BACKGROUND
    assert [h.text_content() for h in root.cssselect("h3.month")] == [
        "November 2021", "December 2021"]
    assert [a.get("href") for a in root.cssselect("nav.years a")] == [
        "#y2021", "#background-title"]
    back = root.cssselect("p.all-link a")[0]
    assert back.get("href") == "../" and back.text_content() == "The 4 key events"
    assert root.cssselect(".kicker a")[0].get("href") == "../"
    assert root.cssselect("title")[0].text_content().startswith("All entries · Demo crisis")
    # An entry's permalink is its place on this page.
    assert root.get_element_by_id("2021-11-18-merged").cssselect("a.permalink")[0].get(
        "href") == "#2021-11-18-merged"


def test_heading_levels_never_skip_and_links_are_named(site):
    for name in ("index.html", "timeline/demo/index.html", "timeline/demo/all/index.html",
                 "timeline/demo/embed.html"):
        root = page(site / name)
        levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels[0] == 1 and levels.count(1) == 1, name
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (name, levels)
        for a in root.cssselect("a"):
            assert a.text_content().strip(), (name, lxml.html.tostring(a))


def test_the_home_page_of_a_single_timeline_shows_its_key_events(site):
    root = page(site / "index.html")
    assert ids(root.cssselect("li.entry")) == KEY_EVENTS
    assert root.cssselect("p.all-link a")[0].get("href") == "./timeline/demo/all/"


def test_a_timeline_without_key_events_shows_every_entry_as_before(project):
    write_entries(project, ALL)
    site = build(project) / "timeline" / "demo"
    root = page(site / "index.html")
    assert len(root.cssselect("section.year li.entry")) == len(ALL)
    assert not root.cssselect("section.key, p.all-link, aside.background")
    assert not (site / "all").exists()
    assert len(json.loads((site / "timeline.json").read_text())["events"]) == len(ALL)


def test_background_is_apart_on_a_timeline_without_key_events(project):
    entries = {name: text for name, text in KEYED.items()}
    entries = {name: text.replace("Key: yes\n", "").replace("Key: Yes\n", "")
               for name, text in entries.items()}
    write_entries(project, entries)
    root = page(build(project) / "timeline" / "demo" / "index.html")
    assert len(root.cssselect("li.entry")) == len(ALL)
    assert ids(root.cssselect("aside.background li.entry")) == BACKGROUND
    assert not root.cssselect("p.all-link")


def test_exports_hold_the_key_events_and_the_spreadsheet_every_entry(site):
    folder = site / "timeline" / "demo"
    events = json.loads((folder / "timeline.json").read_text())["events"]
    assert [e["unique_id"] for e in events] == [f"e-{a}" for a in KEY_ENTRIES]
    feed = (folder / "feed.atom").read_text()
    links = re.findall(r'<link rel="alternate" type="text/html" href="([^"]+)"', feed)[1:]
    assert sorted(links) == sorted(f"./all/#{a}" for a in KEY_ENTRIES)
    calendar = (folder / "calendar.ics").read_text()
    assert calendar.count("BEGIN:VEVENT") == 3  # the key events dated to a day
    rows = list(csv.DictReader(io.StringIO((folder / "entries.csv").read_text())))
    assert len(rows) == len(ALL)
    assert sorted(r["id"] for r in rows if r["key"] == "yes") == sorted(KEY_ENTRIES)
    letter = lxml.html.fromstring((folder / "newsletter.html").read_text())
    assert {a.get("href").split("#")[1] for a in letter.cssselect("h2 a")} <= set(KEY_ENTRIES)
    assert "new key events" in (folder / "newsletter.txt").read_text()
    embed = page(folder / "embed.html")
    assert ids(embed.cssselect("li.entry")) == KEY_EVENTS
    assert embed.cssselect("aside.background a")[0].get("href") == "./all/#2014-conflict"
    reuse = root_text(page(folder / "index.html").cssselect(".downloads")[0])
    assert "new key events in your feed reader" in reuse
    assert "every entry and source" in reuse


def root_text(element) -> str:
    return " ".join(element.text_content().split())


def test_timeline_export_all_exports_every_entry(project):
    write_entries(project, KEYED)
    (project / "every.py").write_text(
        (project / "pelicanconf.py").read_text() + '\nTIMELINE_EXPORT = "all"\n')
    folder = build(project, "every.py") / "timeline" / "demo"
    assert len(json.loads((folder / "timeline.json").read_text())["events"]) == len(ALL)
    feed = (folder / "feed.atom").read_text()
    assert feed.count("<entry>") == len(ALL)
    # Links go to the whole entry, on all/.
    assert 'href="./all/#2021-11-18-peskov"' in feed and 'href="./all/#2021-11-18-merged"' in feed
    embed = page(folder / "embed.html")
    assert len(embed.cssselect("li.entry")) == len(ALL)
    assert ids(embed.cssselect("aside.background li.entry")) == BACKGROUND
    assert "new entries" in (folder / "newsletter.txt").read_text()
    # The page still shows the key events first.
    assert ids(page(folder / "index.html").cssselect("li.entry")) == KEY_EVENTS


def test_an_unknown_timeline_export_fails_the_build(project):
    write_entries(project, KEYED)
    (project / "bad.py").write_text(
        (project / "pelicanconf.py").read_text() + '\nTIMELINE_EXPORT = "some"\n')
    errors = build_site(project / "bad.py", project / "content", project / "output")
    assert len(errors) == 1 and "TIMELINE_EXPORT" in errors[0]


def test_newsletter_command_holds_the_key_events_unless_all(project):
    write_entries(project, KEYED)
    runner = CliRunner()
    args = ["newsletter", "demo", "--since", "2021-11-01", "--format", "md",
            "--siteurl", "https://example.org"]
    key = runner.invoke(app, args)
    assert key.exit_code == 0, key.output
    titles = re.findall(r"^## \[([^\]]+)\]\(([^)]+)\)", key.stdout, re.MULTILINE)
    assert {link.rsplit("#", 1)[1] for _, link in titles} == set(KEY_ENTRIES)
    assert "new key events" in key.stdout
    every = runner.invoke(app, [*args, "--all"])
    assert every.exit_code == 0, every.output
    assert len(re.findall(r"^## ", every.stdout, re.MULTILINE)) == len(ALL) - 3  # no sources
    assert "https://example.org/timeline/demo/all/#2021-11-18-merged" in every.stdout


def test_builds_are_byte_identical(project):
    write_entries(project, KEYED)
    first, second = build(project, output="out1"), build(project, output="out2")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert Path("timeline/demo/all/index.html") in files
    assert [f for f in files if not filecmp.cmp(first / f, second / f, shallow=False)] == []


def test_a_key_changed_by_hand_changes_the_pages_it_shows_on(project):
    """With the entry cache and page reuse on, a rebuild after an editor sets or removes a
    Key writes the same bytes as a clean build: both pages change."""
    folder = write_entries(project, KEYED)
    (project / "clean.py").write_text(
        (project / "pelicanconf.py").read_text() + "\nTIMELINE_CACHE = False\n")
    site = build(project)
    pages = ("timeline/demo/index.html", "timeline/demo/all/index.html",
             "timeline/demo/embed.html", "timeline/demo/feed.atom")
    before = {name: (site / name).read_bytes() for name in pages}
    entry = folder / "2021-11-18-merged.md"
    entry.write_text(_with(entry.read_text(), "Key: yes"))
    site = build(project)
    assert [n for n in pages if (site / n).read_bytes() == before[n]] == []
    assert "2021-11-18-merged" in ids(page(site / pages[0]).cssselect("li.entry"))
    clean = build(project, "clean.py", output="clean")
    files = sorted(p.relative_to(clean) for p in clean.rglob("*") if p.is_file())
    assert [f for f in files if not filecmp.cmp(clean / f, site / f, shallow=False)] == []
    # And back: Key: no.
    entry.write_text(entry.read_text().replace("Key: yes", "Key: no"))
    site = build(project)
    assert {n: (site / n).read_bytes() for n in pages} == before


def test_a_split_timeline_keeps_its_pages_of_years_behind_the_key_page(project):
    write_entries(project, KEYED)
    (project / "split.py").write_text(
        (project / "pelicanconf.py").read_text() + "\nTIMELINE_PAGE_ENTRIES = 5\n")
    folder = build(project, "split.py") / "timeline" / "demo"
    key = page(folder / "index.html")
    assert ids(key.cssselect("li.entry")) == KEY_EVENTS
    assert "year by year" in key.cssselect("p.all-link")[0].text_content()
    assert [a.get("href") for a in key.cssselect("aside.background li a")] == [
        "2014/#2014-conflict"]
    every = page(folder / "all" / "index.html")
    parts = [a.get("href") for a in every.cssselect("section.parts a")]
    assert parts and all(href.startswith("../20") for href in parts)
    assert [a.get("href") for a in every.cssselect("aside.background li a")] == [
        "../2014/#2014-conflict", "../2019/#201-decade"]
    year = page(folder / "2014" / "index.html")
    assert ids(year.cssselect("aside.background li.entry")) == ["2014-conflict"]
    assert {a.get("href") for a in year.cssselect(".meta a")} == {"../all/", "../"}
    feed = (folder / "feed.atom").read_text()
    assert 'href="./2014/#2014-conflict"' in feed  # the whole entry: its year's page


def test_key_background_alone_is_not_a_list_of_key_events(project):
    entries = {name: text.replace("Key: yes\n", "") for name, text in KEYED.items()}
    write_entries(project, entries)  # only the background entry of 2014 says Key: yes
    site = build(project) / "timeline" / "demo"
    root = page(site / "index.html")
    assert len(root.cssselect("li.entry")) == len(ALL)
    assert not root.cssselect("section.key") and not (site / "all").exists()


def test_a_home_page_card_lists_the_first_key_events_and_counts_them(project):
    write_entries(project, KEYED)
    days = {f"1998-08-{d:02d}-day.md": (f"Title: Happening {d}\nWhen: 1998-08-{d:02d}\n"
                                        f"Key: {'yes' if d % 2 else 'no'}\n\nText {d}.\n")
            for d in range(1, 16)}
    folder = write_entries(project, days, timeline="embassy")
    (folder / "_timeline.md").write_text("Title: Embassy bombings\n\n")
    home = page(build(project) / "index.html")
    demo, embassy = home.cssselect("ul.timelines > li")
    assert [a.get("href").rsplit("#", 1)[1] for a in demo.cssselect("ol.card-entries a")] == (
        KEY_EVENTS)
    assert not demo.cssselect("p.more")
    assert " ".join(demo.cssselect("p.meta")[0].text_content().split()).startswith(
        f"{len(KEY_EVENTS)} key events of {len(KEYED)} entries")
    # Eight key events of fifteen entries: the first five (card_key_events), then a link.
    titles = [a.text_content() for a in embassy.cssselect("ol.card-entries a")]
    assert titles == ["Happening 1", "Happening 3", "Happening 5", "Happening 7", "Happening 9"]
    assert embassy.cssselect("p.more a")[0].text_content() == "3 more key events"
    assert " ".join(embassy.cssselect("p.meta")[0].text_content().split()).startswith(
        "8 key events of 15 entries")
    assert not home.cssselect(".first-entries")


def test_a_key_header_neither_yes_nor_no_fails_the_build_at_its_line(project):
    entries = {**KEYED, "2021-11-15-borrell.md": _with(ENTRIES["2021-11-15-borrell.md"],
                                                        "Key: maybe")}
    write_entries(project, entries)
    errors = build_site(project / "pelicanconf.py", project / "content", project / "output")
    assert len(errors) == 1
    assert "2021-11-15-borrell.md:2: 'Key: maybe' is neither yes nor no" in errors[0]
    assert not (project / "output").exists()
