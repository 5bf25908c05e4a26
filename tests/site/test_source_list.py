"""An entry's sources on the page: one line per story, repeated titles once, the first few
shown and the rest in a <details> (no script), every source's link kept."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from test_site import build_project

SOURCES = [
    # Three passages of one article, with its address: one story, three links.
    "1998-08-08 | AP | https://ap.example/blasts#:~:text=Two | articles/blasts.md#p1 | Blasts rock",
    "1998-08-08 | AP | https://ap.example/blasts#:~:text=The | articles/blasts.md#p4 | Blasts rock",
    "1998-08-08 | AP | https://ap.example/blasts#:~:text=At | articles/blasts.md#p6 | Blasts rock",
    # The same headline the day before (another article): the same story, its day added.
    "1998-08-07 | AP |  | articles/blasts-0807.md#p1 | Blasts rock",
    # The same headline from another outlet is another story.
    "1998-08-08 | Xinhua |  | articles/x.md#p2 | Blasts rock",
    "1998-08-09 | AP |  | articles/toll.md#p1 | Toll rises",
    "1998-08-09 | AP |  | articles/toll.md#p3 | Toll rises",
    "1998-08-11 | Xinhua | https://x.example/probe | articles/probe.md#p2 | Probe widens",
    "1998-08-20 | AP |  | articles/nz.md#p1 | New Zealand understands",
]
ENTRIES = {
    "1998-08-07-bombing.md": ("Title: Bombs explode at two embassies\nWhen: 1998-08-07\n"
                              + "".join(f"Source: {s}\n" for s in SOURCES)
                              + "\nTwo bombs exploded.\n"),
    "1998-08-09-one.md": ("Title: Investigators study the bomb\nWhen: 1998-08-09\n"
                          "Source: 1998-08-09 | AP |  | articles/toll.md#p2 | Toll rises\n\n"
                          "They studied it.\n"),
}


@pytest.fixture(scope="module")
def entry(tmp_path_factory):
    site = build_project(tmp_path_factory.mktemp("sources"), ENTRIES)
    root = lxml.html.parse(str(Path(site) / "timeline/demo/index.html")).getroot()
    return root.get_element_by_id("1998-08-07-bombing")


def test_each_story_is_one_line_and_every_link_is_kept(entry):
    shown = entry.cssselect(".sources > p")[0]
    text = " ".join(shown.text_content().split())
    assert text == ("Sources: Blasts rock, AP, Aug. 8, 1998 (other passages: 2, 3) and Aug. 7, "
                    "1998; Blasts rock, Xinhua, Aug. 8, 1998; Toll rises, AP, Aug. 9, 1998 "
                    "(2 passages)")
    links = [a.get("href") for a in entry.cssselect(".sources a")]
    assert links == [s.split(" | ")[2] for s in SOURCES if s.split(" | ")[2]]


def test_the_stories_after_the_first_three_are_one_click_away_without_script(entry):
    more = entry.cssselect(".sources details")[0]
    assert more.cssselect("summary")[0].text_content() == "2 more sources"
    assert [" ".join(li.text_content().split()) for li in more.cssselect("li")] == [
        "Probe widens, Xinhua, Aug. 11, 1998", "New Zealand understands, AP, Aug. 20, 1998"]
    assert not entry.getroottree().getroot().cssselect("details[open]")


def test_an_entry_of_one_source_says_source(entry):
    root = entry.getroottree().getroot()
    one = root.get_element_by_id("1998-08-09-one")
    assert " ".join(one.cssselect(".sources")[0].text_content().split()) == (
        "Source: Toll rises, AP, Aug. 9, 1998")
    assert not one.cssselect("details")
