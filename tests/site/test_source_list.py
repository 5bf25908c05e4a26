"""An entry's sources on the page: one line per story, repeated titles once, in the order
they were published, the first few shown and the rest in a <details> (no script), every
source's link kept; the TimelineJS export and the newsletter list the same stories."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from test_site import build_project

SOURCES = [
    # Three passages of one article, with its address: one story, three links.
    "1998-08-08 | AP | https://ap.example/blasts#:~:text=Two | articles/blasts.md#p1 | Blasts rock",
    "1998-08-08 | AP | https://ap.example/blasts#:~:text=The | articles/blasts.md#p4 | Blasts rock",
    "1998-08-08 | AP | https://ap.example/blasts#:~:text=At | articles/blasts.md#p6 | Blasts rock",
    # The same headline the day before (another article): the same story, its day added,
    # and listed first (the merge put it after the later day's passages).
    "1998-08-07 | AP |  | articles/blasts-0807.md#p1 | Blasts rock",
    # The same headline from another outlet is another story.
    "1998-08-08 | Xinhua |  | articles/x.md#p2 | Blasts rock",
    "1998-08-09 | AP |  | articles/toll.md#p1 | Toll rises",
    "1998-08-09 | AP |  | articles/toll.md#p3 | Toll rises",
    "1998-08-11 | Xinhua | https://x.example/probe | articles/probe.md#p2 | Probe widens",
    "1998-08-20 | AP |  | articles/nz.md#p1 | New Zealand understands",
    # Published first of all: listed first, whatever the merge order.
    "1998-08-06 | Reuters |  | articles/alert.md#p3 | Embassies on alert",
]
ENTRIES = {
    "1998-08-07-bombing.md": ("Title: Bombs explode at two embassies\nWhen: 1998-08-07\n"
                              + "".join(f"Source: {s}\n" for s in SOURCES)
                              + "\nTwo bombs exploded.\n"),
    "1998-08-09-one.md": ("Title: Investigators study the bomb\nWhen: 1998-08-09\n"
                          "Source: 1998-08-09 | AP |  | articles/toll.md#p2 | Toll rises\n\n"
                          "They studied it.\n"),
}


SHOWN = ("Embassies on alert, Reuters, Aug. 6, 1998; Blasts rock, AP, Aug. 7, 1998 and Aug. "
         "8, 1998 (other passages: 2, 3); Blasts rock, Xinhua, Aug. 8, 1998")
MORE = ["Toll rises, AP, Aug. 9, 1998 (2 passages)", "Probe widens, Xinhua, Aug. 11, 1998",
        "New Zealand understands, AP, Aug. 20, 1998"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return Path(build_project(tmp_path_factory.mktemp("sources"), ENTRIES))


@pytest.fixture(scope="module")
def entry(site):
    root = lxml.html.parse(str(site / "timeline/demo/index.html")).getroot()
    return root.get_element_by_id("1998-08-07-bombing")


def words(element) -> str:
    return " ".join(element.text_content().split())


def test_each_story_is_one_line_by_publication_and_every_link_is_kept(entry):
    shown = entry.cssselect(".sources > p")[0]
    assert words(shown) == f"Sources: {SHOWN}"
    links = [a.get("href") for a in entry.cssselect(".sources a")]
    assert links == [s.split(" | ")[2] for s in SOURCES if s.split(" | ")[2]]


def test_the_stories_after_the_first_three_are_one_click_away_without_script(entry):
    more = entry.cssselect(".sources details")[0]
    assert more.cssselect("summary")[0].text_content() == "3 more sources"
    assert [words(li) for li in more.cssselect("li")] == MORE
    assert not entry.getroottree().getroot().cssselect("details[open]")


def test_an_entry_of_one_source_says_source(entry):
    root = entry.getroottree().getroot()
    one = root.get_element_by_id("1998-08-09-one")
    assert " ".join(one.cssselect(".sources")[0].text_content().split()) == (
        "Source: Toll rises, AP, Aug. 9, 1998")
    assert not one.cssselect("details")


def test_timelinejs_lists_the_same_stories_as_the_page(site):
    events = json.loads((site / "timeline/demo/timeline.json").read_text())["events"]
    text = next(e for e in events if e["unique_id"] == "e-1998-08-07-bombing")["text"]["text"]
    html = lxml.html.fragment_fromstring(text, create_parent="div")
    assert words(html.cssselect("p.tl-sources")[0]) == f"Sources: {SHOWN}"
    more = html.cssselect("details")[0]
    assert words(more.cssselect("summary")[0]) == "3 more sources"
    assert [words(li) for li in more.cssselect("li")] == MORE


def test_the_newsletter_lists_the_same_stories_and_links_to_the_rest(site):
    """Email has no <details>: the stories after the first three are a link to the entry;
    the links lose their highlight, so one article's passages are counted, not linked."""
    folder = site / "timeline/demo"
    root = lxml.html.parse(str(folder / "newsletter.html")).getroot()
    line = next(p for p in root.iter("p") if "Embassies on alert" in p.text_content())
    assert words(line) == (SHOWN.replace("(other passages: 2, 3)", "(3 passages)")
                           + "; 3 more sources")
    assert line.cssselect("a")[-1].get("href").endswith("#1998-08-07-bombing")
    assert "https://ap.example/blasts" in [a.get("href") for a in line.cssselect("a")]
    text = " ".join((folder / "newsletter.txt").read_text().split())
    assert ("Source: Embassies on alert, Reuters, Aug. 6, 1998 Source: Blasts rock, AP, Aug. "
            "7, 1998 and Aug. 8, 1998 (3 passages) https://ap.example/blasts#:~:text=Two") in text
    assert "3 more sources on the timeline page." in text
    markdown = (folder / "newsletter.md").read_text()
    assert ("Sources: *Embassies on alert*, Reuters, Aug. 6, 1998; [Blasts rock]"
            "(https://ap.example/blasts#:~:text=Two), AP, Aug. 7, 1998 and Aug. 8, 1998 "
            "(other passages: [2](https://ap.example/blasts#:~:text=The), "
            "[3](https://ap.example/blasts#:~:text=At)); *Blasts rock*, Xinhua, Aug. 8, 1998; "
            "[3 more sources](") in markdown
