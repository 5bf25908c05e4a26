"""Whole-site builds into a temp folder, read back as HTML."""

from pathlib import Path

import lxml.html
import pytest

from generator.build import build_site

ENTRIES = {
    "2021-11-18-peskov.md": (
        "Title: Peskov demands Europe stop blaming Russia\nWhen: 2021-11-18\nFlags: reported\n"
        "Source: 2021-11-26 | AFP | https://example.org/a#:~:text=That | articles/a.md#p24 | "
        "Crisis diplomacy\n\nThat irritation shone through last Thursday (November 18), "
        "when **Peskov** demanded.<script>alert(1)</script>\n"
    ),
    "2021-W46-alarm.md": (
        "Title: Western countries raise alarm\nWhen: 2021-W46\n"
        "Source: 2021-11-26 | AFP |  | articles/a.md#p25 | Crisis diplomacy\n\n"
        "Western countries last week raised alarm.\n"
    ),
    "2021-12-ministers.md": (
        "Title: Ministers to meet again\nWhen: 2021-12\nFlags: planned\n"
        "Source: 2021-11-26 | AFP |  | articles/a.md#p38 | Crisis diplomacy\n\n"
        "Foreign ministers meet again in December.\n"
    ),
    "2014-conflict.md": (
        "Title: Conflict in eastern Ukraine\nWhen: 2014\n"
        "Source: 2021-11-26 | AFP |  | articles/a.md#p17 | Crisis diplomacy\n\n"
        "Locked in a conflict since 2014.\n"
    ),
    "2021-11-15-borrell.md": (
        "Title: Borrell blames Russia\nWhen: 2021-11-15\n"
        "Source: 2021-11-26 | AFP |  | articles/a.md#p31 | Crisis diplomacy\n\n"
        "At a meeting on November 15, Borrell spoke.\n"
    ),
}


def write_entries(root: Path, entries: dict[str, str], timeline: str = "demo") -> Path:
    folder = root / "content" / "timeline" / timeline
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_timeline.md").write_text("Title: Demo crisis\n\nWhat happened, in order.\n")
    for name, text in entries.items():
        (folder / name).write_text(text)
    return folder


@pytest.fixture
def site(project: Path) -> Path:
    write_entries(project, ENTRIES)
    assert build_site(project / "pelicanconf.py", project / "content", project / "output") == []
    return project / "output"


def entries_of(page: Path) -> list:
    return lxml.html.parse(str(page)).getroot().cssselect("li.entry")


def test_timeline_page_lists_entries_in_chronological_order(site):
    entries = entries_of(site / "timeline" / "demo" / "index.html")
    values = [e.cssselect("time")[0].get("datetime") for e in entries]
    # 2021-W46 starts on Nov. 15 and is coarser than the day, so it comes first.
    assert values == ["2014", "2021-W46", "2021-11-15", "2021-11-18", "2021-12"]


def test_each_entry_has_date_words_headline_text_and_source(site):
    entries = entries_of(site / "timeline" / "demo" / "index.html")
    labels = [e.cssselect("time")[0].text_content() for e in entries]
    assert labels == ["2014", "Week of Nov. 15, 2021", "Nov. 15, 2021", "Nov. 18, 2021",
                      "December 2021 (planned)"]
    peskov = entries[3]
    assert peskov.cssselect(".headline")[0].text_content() == (
        "Peskov demands Europe stop blaming Russia")
    assert peskov.cssselect(".text strong")[0].text == "Peskov"
    link = peskov.cssselect(".sources a")[0]
    assert link.get("href") == "https://example.org/a#:~:text=That"
    assert "reported" in peskov.cssselect(".flag")[0].text_content()
    assert peskov.get("id") == "2021-11-18-peskov"


def test_entry_markup_is_sanitized(site):
    html = (site / "timeline" / "demo" / "index.html").read_text()
    assert "<script>alert" not in html
    assert "alert(1)" not in html or "&lt;script" in html


def test_single_timeline_is_shown_on_the_home_page(site):
    assert len(entries_of(site / "index.html")) == len(ENTRIES)


def test_years_and_months_group_the_entries(site):
    root = lxml.html.parse(str(site / "timeline" / "demo" / "index.html")).getroot()
    assert [h.text_content() for h in root.cssselect("section.year > h2")] == ["2014", "2021"]
    assert [h.text_content() for h in root.cssselect("section.year > h3")] == [
        "November 2021", "December 2021"]


def test_two_timelines_are_listed_on_the_home_page(project):
    write_entries(project, ENTRIES)
    write_entries(project, {"1998-08-07-blasts.md": "Title: Blasts\nWhen: 1998-08-07\n\nB.\n"},
                  timeline="embassy")
    assert build_site(project / "pelicanconf.py", project / "content", project / "output") == []
    home = lxml.html.parse(str(project / "output" / "index.html")).getroot()
    links = [a.get("href") for a in home.cssselect("ul.timelines a")]
    assert links == ["./timeline/demo/", "./timeline/embassy/"]


def test_bad_entry_fails_the_build_and_keeps_the_old_site(project):
    write_entries(project, ENTRIES)
    output = project / "output"
    assert build_site(project / "pelicanconf.py", project / "content", output) == []
    before = (output / "index.html").read_bytes()
    bad = write_entries(project, {"2021-02-30-bad.md": "Title: Bad\nWhen: 2021-02-30\n\nX.\n"})
    errors = build_site(project / "pelicanconf.py", project / "content", output)
    assert len(errors) == 1
    assert str(bad / "2021-02-30-bad.md").endswith(errors[0].split(":")[0][-40:])
    assert ":2:" in errors[0] and "2021-02-30" in errors[0]
    assert (output / "index.html").read_bytes() == before
    assert not [p for p in project.iterdir() if p.name.startswith(".output")]


def test_rebuild_is_byte_identical(project):
    write_entries(project, ENTRIES)
    first, second = project / "out1", project / "out2"
    build_site(project / "pelicanconf.py", project / "content", first)
    build_site(project / "pelicanconf.py", project / "content", second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
