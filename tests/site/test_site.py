"""Whole-site builds into a temp folder, read back as HTML."""

from pathlib import Path

import lxml.html
import pytest

from generator.site.build import build_site

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


# Every flag, a merged entry (two sources), a note, an attribution, coarse and fine dates.
MORE = {
    "2021-11-18-merged.md": (
        "Title: Kremlin rejects the accusations\nWhen: 2021-11-18\nFlags: reported, caption\n"
        "Attribution: Dmitry Peskov\n"
        "Source: 2021-11-26 | AFP | https://example.org/a | articles/a.md#p3 | Crisis diplomacy\n"
        "Source: 2021-11-27 | Reuters | https://example.org/b | articles/b.md#p1 | Moscow answers\n"
        "\nThe Kremlin rejected the accusations.\n"
    ),
    "2021-11-10-conflict.md": (
        "Title: Troops seen near the border\nWhen: 2021-11-10\nFlags: date-conflict\n"
        "Note: One article says November 10, another November 11.\n"
        "Source: 2021-11-12 | Reuters | https://example.org/c | articles/c.md#p2 | Troops\n"
        "\nTroops were seen near the border.\n"
    ),
    "2021-11-15-range.md": (
        "Title: Fighting near the border\nWhen: 2021-11-15/2021-11-18\nPrecision: day\n"
        "Source: 2021-11-19 | AFP |  | articles/e.md#p1 | Fighting\n\nFighting raged for days.\n"
    ),
    "2021-Q4-talks.md": "Title: Talks through the quarter\nWhen: 2021-Q4\n\nTalks went on.\n",
    "2021-SU-drills.md": "Title: Summer drills\nWhen: 2021-SU\n\nDrills all summer.\n",
    "201-decade.md": "Title: A decade of tension\nWhen: 201\n\nTension all decade.\n",
    "2021-11-23TEV-call.md": (
        "Title: Evening call\nWhen: 2021-11-23TEV\n"
        "Source: 2021-11-24 | AFP |  | articles/d.md#p1 | Call\n\nThey spoke in the evening.\n"
    ),
}
ALL = {**ENTRIES, **MORE}


def ROOT_FILES(target: Path) -> None:  # noqa: N802 - a helper for module-scoped builds
    """Copy the site inputs (templates, settings) into ``target``, as the project fixture does."""
    import shutil

    root = Path(__file__).resolve().parents[2]
    shutil.copytree(root / "templates", target / "templates")
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(root / name, target / name)


def build(project: Path, settings: str = "pelicanconf.py", output: str = "output") -> Path:
    errors = build_site(project / settings, project / "content", project / output)
    assert errors == []
    return project / output


def build_project(project: Path, entries: dict[str, str]) -> Path:
    """A module-scoped build: site inputs copied into ``project``, ``entries`` written, the
    site built from inside the project (relative paths as a user's run has them)."""
    import contextlib

    ROOT_FILES(project)
    with contextlib.chdir(project):
        write_entries(project, entries)
        return build(project)


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
    values = [e.cssselect("time")[0].get("data-when") for e in entries]
    # The week of Nov. 15 was first reported on Nov. 26, after it ended: it is listed after
    # the days it covers, as a chronology lists it, not above the Nov. 15 it holds.
    assert values == ["2014", "2021-11-15", "2021-11-18", "2021-W46", "2021-12"]


def test_each_entry_has_date_words_headline_text_and_source(site):
    entries = entries_of(site / "timeline" / "demo" / "index.html")
    labels = [e.cssselect("time")[0].text_content() for e in entries]
    assert labels == ["2014", "Nov. 15, 2021", "Nov. 18, 2021", "Week of Nov. 15, 2021",
                      "December 2021 (planned)"]
    peskov = entries[2]
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


def test_a_timeline_with_only_a_title_shows_its_first_entries_on_its_card(project):
    write_entries(project, ENTRIES)
    folder = write_entries(project, {"1998-08-07-blasts.md": "Title: Blasts\nWhen: 1998-08-07"
                                     "\n\nB.\n"}, timeline="embassy")
    (folder / "_timeline.md").write_text("Title: Embassy bombings\n\n")
    build(project)
    home = lxml.html.parse(str(project / "output" / "index.html")).getroot()
    cards = [" ".join(c.text_content().split()) for c in home.cssselect("ul.timelines .summary")]
    assert cards == ["What happened, in order.", "Aug. 7, 1998: Blasts"]


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


def test_a_blank_line_inside_an_entry_header_fails_the_build_at_its_line(project):
    slip = ("Title: Slip\nWhen: 2021-11-18\n\nSource: 2021-11-26 | AFP |  | articles/a.md#p1 "
            "| Talks\nGenerated: 0123\n\nTalks failed.\n")
    write_entries(project, {**ENTRIES, "2021-11-18-slip.md": slip})
    errors = build_site(project / "pelicanconf.py", project / "content", project / "output")
    assert len(errors) == 1 and "2021-11-18-slip.md:3: blank line inside the header" in errors[0]
    assert not (project / "output").exists()  # no page with "Source: …" shown as its text


def test_a_day_inferred_for_a_time_is_explained_in_the_readers_words(project):
    note = ("Note: The sentence gives the time but not the day; the day is taken from the date "
            "before it in the article (or the publication date). Check it.\n")
    timed = ENTRIES["2021-11-15-borrell.md"].replace("When: 2021-11-15\n",
                                                     "When: 2021-11-15T04:17\n" + note)
    write_entries(project, {**ENTRIES, "2021-11-15-borrell.md": timed})
    page = (build(project) / "timeline" / "demo" / "index.html").read_text()
    assert "Check it" not in page and "taken from the date before it" not in page
    assert "The report gives the time but not the day; the day is the one the article" in page


def test_rebuild_is_byte_identical(project):
    write_entries(project, ALL)
    first, second = project / "out1", project / "out2"
    build_site(project / "pelicanconf.py", project / "content", first)
    build_site(project / "pelicanconf.py", project / "content", second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.fixture
def full(project: Path) -> Path:
    write_entries(project, ALL)
    return build(project)


def page(path: Path):
    return lxml.html.parse(str(path)).getroot()


def test_every_date_wording_and_order(full):
    root = page(full / "timeline" / "demo" / "index.html")
    words = [(t.get("data-when"), t.text_content()) for t in root.cssselect("li.entry time")]
    # A coarse date is listed where its first report puts it in its span, else after the
    # days it covers (sources: the week reported on Nov. 26, the plan for December told in
    # November; none for the decade, the summer or the quarter).
    assert words == [
        ("2014", "2014"),
        ("201", "The 2010s"),
        ("2021-SU", "Summer 2021"),
        ("2021-11-10", "Nov. 10, 2021"),
        ("2021-11-15/2021-11-18", "Nov. 15–18, 2021"),
        ("2021-11-15", "Nov. 15, 2021"),
        ("2021-11-18", "Nov. 18, 2021"),
        ("2021-11-18", "Nov. 18, 2021"),
        ("2021-W46", "Week of Nov. 15, 2021"),
        ("2021-11-23TEV", "Nov. 23, 2021, evening"),
        ("2021-12", "December 2021 (planned)"),
        ("2021-Q4", "Fourth quarter of 2021"),
    ]


def test_time_elements_carry_valid_html_datetimes(full):
    root = page(full / "timeline" / "demo" / "index.html")
    pairs = {t.get("data-when"): t.get("datetime") for t in root.cssselect("li.entry time")}
    assert pairs == {
        "201": "2010", "2014": "2014", "2021-SU": "2021", "2021-Q4": "2021",
        "2021-11-10": "2021-11-10", "2021-W46": "2021-W46", "2021-11-15": "2021-11-15",
        "2021-11-18": "2021-11-18", "2021-11-23TEV": "2021-11-23", "2021-12": "2021-12",
        "2021-11-15/2021-11-18": "2021-11-15",  # HTML has no ranges: the first day
    }


def test_heading_levels_never_skip(full):
    for name in ("index.html", "timeline/demo/index.html", "timeline/demo/embed.html"):
        root = page(full / name)
        levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels[0] == 1 and levels.count(1) == 1, name
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (name, levels)


def test_entries_are_ordered_lists_grouped_by_year_and_month(full):
    root = page(full / "timeline" / "demo" / "index.html")
    years = root.cssselect("section.year")
    # The 2010s, told with no source inside them, are listed after the years they cover.
    assert [y.cssselect("h2")[0].text_content() for y in years] == ["2014", "2019", "2021"]
    assert all(li.getparent().tag == "ol" for li in root.cssselect("li.entry"))
    assert [h.text_content() for h in root.cssselect("h3.month")] == [
        "November 2021", "December 2021"]


def test_flags_notes_attribution_and_every_source_are_shown(full):
    root = page(full / "timeline" / "demo" / "index.html")
    merged = root.get_element_by_id("2021-11-18-merged")
    assert [f.text_content() for f in merged.cssselect(".flag")] == ["reported", "photo caption"]
    assert [a.get("href") for a in merged.cssselect(".sources a")] == [
        "https://example.org/a", "https://example.org/b"]
    assert merged.cssselect(".sources")[0].text_content().startswith("Sources:")
    assert "Dmitry Peskov" in merged.cssselect(".attribution")[0].text_content()
    conflict = root.get_element_by_id("2021-11-10-conflict")
    assert "date uncertain" in conflict.cssselect(".flag")[0].text_content()
    assert "November 11" in conflict.cssselect(".note")[0].text_content()
    permalink = merged.cssselect("a.permalink")[0]
    assert permalink.get("href") == "#2021-11-18-merged"


def test_page_has_skip_link_landmarks_and_year_navigation(full):
    root = page(full / "timeline" / "demo" / "index.html")
    skip = root.cssselect("a.skip")[0]
    assert skip.get("href") == "#main" and root.get_element_by_id("main").tag == "main"
    assert [a.get("href") for a in root.cssselect("nav.years a")] == ["#y2014", "#y2019", "#y2021"]
    assert root.cssselect("html")[0].get("lang") == "en"


def test_page_makes_no_external_requests(full):
    for path in full.rglob("*.html"):
        root = page(path)
        assert not root.cssselect("link[rel=stylesheet], script[src], img[src^=http]"), path
        for script in root.cssselect("script"):
            assert "fetch(" not in script.text_content() and "XMLHttpRequest" not in (
                script.text_content())


def test_exports_are_linked_from_the_timeline_page(full):
    root = page(full / "timeline" / "demo" / "index.html")
    links = {a.get("href") for a in root.cssselect(".downloads a")}
    for name in ("feed.atom", "calendar.ics", "entries.csv", "timeline.json", "newsletter.html"):
        assert name in links
        assert (full / "timeline" / "demo" / name).is_file()
    alternate = root.cssselect('link[type="application/json+oembed"]')[0]
    assert alternate.get("href") == "oembed.json"
    assert "embed.html" in root.get_element_by_id("embed-code").text_content()


def test_embed_page_has_no_chrome_and_opens_links_in_the_parent(full):
    root = page(full / "timeline" / "demo" / "embed.html")
    assert root.cssselect("base")[0].get("target") == "_parent"
    assert not root.cssselect("header.site, footer.site, nav.years, script")
    assert len(root.cssselect("li.entry")) == len(ALL)
    assert {a.get("href") for a in root.cssselect("a.permalink")} == {
        f"./#{Path(name).stem}" for name in ALL}


def test_links_work_under_a_sub_path_with_relative_urls(full):
    # Relative links only: the same files work at / and at /<repo>/ on GitHub Pages.
    for path in full.rglob("*.html"):
        if path.name.startswith("newsletter"):
            continue
        for a in page(path).cssselect("a[href], link[href]"):
            href = a.get("href")
            assert not href.startswith("/"), (path, href)
    home = page(full / "index.html")
    assert home.cssselect("a.site-name")[0].get("href") == "./"
    timeline = page(full / "timeline" / "demo" / "index.html")
    assert timeline.cssselect("a.site-name")[0].get("href") == "../../"


def test_publishconf_writes_absolute_urls_under_a_sub_path(project, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://newsroom.github.io/crisis/")
    write_entries(project, ALL)
    site = build(project, "publishconf.py")
    timeline = page(site / "timeline" / "demo" / "index.html")
    assert timeline.cssselect("a.site-name")[0].get("href") == "https://newsroom.github.io/crisis/"
    canonical = timeline.cssselect("link[rel=canonical]")[0].get("href")
    assert canonical == "https://newsroom.github.io/crisis/timeline/demo/"
    oembed = timeline.cssselect('link[type="application/json+oembed"]')[0].get("href")
    assert oembed == "https://newsroom.github.io/crisis/timeline/demo/oembed.json"
    code = timeline.get_element_by_id("embed-code").text_content()
    assert 'src="https://newsroom.github.io/crisis/timeline/demo/embed.html"' in code
    home = page(site / "index.html")
    assert "https://newsroom.github.io/crisis/timeline/demo/" in {
        link.get("href").removesuffix("feed.atom") for link in home.cssselect("link[href]")}


def test_hidden_files_in_a_timeline_folder_are_not_entries(project):
    folder = write_entries(project, ENTRIES)
    (folder / ".#2021-11-18-peskov.md").write_text("not an entry: an editor's lock file")
    (folder / ".2021-12-ministers.md.abc.tmp").write_text("Title: half")
    assert build_site(project / "pelicanconf.py", project / "content", project / "output") == []
    assert len(entries_of(project / "output" / "timeline" / "demo" / "index.html")) == len(ENTRIES)


def test_every_page_links_the_sites_favicon(project):
    write_entries(project, ENTRIES)
    site = build(project)
    icon = site / "favicon.ico"
    assert icon.read_bytes() == (project / "templates" / "static" / "favicon.ico").read_bytes()
    assert icon.read_bytes()[:4] == b"\0\0\1\0"  # an ICO file
    for page in (site / "index.html", site / "timeline" / "demo" / "index.html"):
        link = lxml.html.parse(str(page)).getroot().cssselect('link[rel="icon"]')[0]
        assert (page.parent / link.get("href")).resolve() == icon.resolve()
