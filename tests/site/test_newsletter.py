"""Newsletters: email-safe HTML with every style inline, the plain-text part, Markdown, --since."""

import re
import sys
from pathlib import Path

import lxml.html
import pytest
from test_site import ALL, ENTRIES, build, write_entries
from typer.testing import CliRunner

from generator.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from newsletter_size import LIMIT, newsletter_sizes  # noqa: E402

SITEURL = "https://newsroom.github.io/crisis"


@pytest.fixture
def published(project, monkeypatch) -> Path:
    monkeypatch.setenv("SITEURL", SITEURL)
    write_entries(project, ALL)
    return build(project, "publishconf.py") / "timeline" / "demo"


def test_html_is_email_safe_with_every_style_inline(published):
    html = (published / "newsletter.html").read_text()
    root = lxml.html.fromstring(html)
    assert not root.cssselect("script, style, link, iframe, form, object")
    assert "@import" not in html and "url(" not in html
    assert not root.cssselect("[class]"), "classes left after inlining"
    assert root.cssselect("table[role=presentation]")
    assert all(img.get("alt") is not None for img in root.iter("img"))
    for a in root.iter("a"):
        assert a.get("href").startswith(("https://", "http://")), a.get("href")
    # Every heading, paragraph and link is styled inline.
    for tag in ("h1", "h2", "p", "a"):
        assert all(e.get("style") for e in root.iter(tag)), tag
    names = {m.get("name") for m in root.cssselect("meta[name]")}
    assert {"color-scheme", "supported-color-schemes"} <= names


def test_html_holds_the_newest_ten_entries_and_a_link_to_the_timeline(published):
    root = lxml.html.fromstring((published / "newsletter.html").read_text())
    headlines = root.cssselect("h2 a")
    assert len(headlines) == 10
    assert all(a.get("href").startswith(f"{SITEURL}/timeline/demo/#") for a in headlines)
    full = [a for a in root.iter("a") if a.text_content().startswith("Read the full timeline")]
    assert full and full[0].get("href") == f"{SITEURL}/timeline/demo/"
    assert f"({len(ALL)} entries)" in full[0].text_content()


def test_plain_text_part(published):
    text = (published / "newsletter.txt").read_text()
    assert "<" not in text.replace("<p", "")
    assert all(len(line) <= 72 or line.startswith("  http") or "http" in line
               for line in text.splitlines())
    assert "NOV. 18, 2021  [reported, photo caption]" in text
    assert "  https://example.org/a" in text and "  https://example.org/b" in text
    assert f"Permalink: {SITEURL}/timeline/demo/#2021-11-18-merged" in text
    assert text.rstrip().endswith(f"{SITEURL}/timeline/demo/")


def test_markdown_for_newsletter_services(published):
    md = (published / "newsletter.md").read_text()
    assert md.startswith(f"# [Demo crisis]({SITEURL}/timeline/demo/)")
    assert f"## [Kremlin rejects the accusations]({SITEURL}/timeline/demo/#2021-11-18-merged)" in md
    assert "Sources: [Crisis diplomacy](https://example.org/a), AFP, Nov. 26, 2021; " in md
    assert "<" not in md


def test_relative_build_still_writes_the_newsletter_with_relative_links(project):
    write_entries(project, ALL)
    site = build(project) / "timeline" / "demo"
    root = lxml.html.fromstring((site / "newsletter.html").read_text())
    assert root.cssselect("h2 a")[0].get("href").startswith("./#")


def test_since_prints_only_entries_reported_after_the_day(project, monkeypatch):
    monkeypatch.setenv("SITEURL", SITEURL)
    write_entries(project, ALL)
    runner = CliRunner()
    result = runner.invoke(app, ["newsletter", "demo", "--since", "2021-11-26", "--format", "txt"])
    assert result.exit_code == 0, result.output
    # "New" goes by an entry's *earliest* source: the Reuters report of Nov. 27 was merged into
    # an entry first reported on Nov. 26, so nothing is new after the 26th.
    assert "No new entries." in result.stdout
    result = runner.invoke(app, ["newsletter", "demo", "--since", "2021-11-25", "--format", "md"])
    assert result.exit_code == 0, result.output
    titles = re.findall(r"^## \[([^\]]+)\]", result.stdout, re.MULTILINE)
    assert "Kremlin rejects the accusations" in titles and "Evening call" not in titles
    assert len(titles) == len(ENTRIES) + 1  # every entry first reported on Nov. 26
    # Entries without sources count from the first day of their date (Q4 2021: Oct. 1).
    result = runner.invoke(app, ["newsletter", "demo", "--since", "2021-09-30"])
    assert result.exit_code == 0
    headlines = [h.text_content() for h in lxml.html.fromstring(result.stdout).cssselect("h2")]
    assert "Talks through the quarter" in headlines and "Summer drills" not in headlines
    assert len(headlines) == len(ALL) - 2  # all but the 2010s and Summer 2021 (no sources)
    bad = runner.invoke(app, ["newsletter", "demo", "--since", "next week"])
    assert bad.exit_code != 0
    missing = runner.invoke(app, ["newsletter", "nope"])
    assert missing.exit_code == 1


def test_hundred_entries_stay_under_gmails_clipping_limit():
    sizes = newsletter_sizes(100, "https://newsroom.github.io/crisis-timeline")
    assert sizes["newsletter.html"] < LIMIT, sizes
