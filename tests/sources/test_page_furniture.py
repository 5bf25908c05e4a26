"""Page furniture trafilatura keeps, taken off when a page is added (page_furniture)."""

from pathlib import Path

import pytest

from generator.sources.add import _from_html
from generator.sources.page_furniture import article_blocks, clean_caption, headline_of

FIXTURES = Path(__file__).parents[1] / "fixtures" / "boilerplate"


@pytest.mark.parametrize(("caption", "said"), [
    ("Image caption, Nurses at a hospital in Queens on Monday. Image source, Getty Images",
     "Nurses at a hospital in Queens on Monday."),
    ("Rescuers search the rubble in Nairobi on Aug. 8. (Photo: Sayyid Azim/AP)",
     "Rescuers search the rubble in Nairobi on Aug. 8."),
    ("Firefighters in Kharkiv on 11 February 2025. REUTERS/Vitalii Hnidyi",
     "Firefighters in Kharkiv on 11 February 2025."),
    ("Protesters in Cairo. Photograph: Amr Nabil/AP", "Protesters in Cairo."),
    ("(reuters)", ""),
    ("A map of the region (a map drawn by the ministry)",
     "A map of the region (a map drawn by the ministry)"),
])
def test_a_caption_loses_its_labels_and_credit_only(caption, said):
    assert clean_caption(caption) == said


@pytest.mark.parametrize(("title", "block", "headline"), [
    ("Hospitals brace for surge - BBC News", "Hospitals brace for surge",
     "Hospitals brace for surge"),
    ("Politico | Senate passes the bill", "Senate passes the bill", "Senate passes the bill"),
    ("Senate passes the bill", "senate passes  the bill", "senate passes  the bill"),
    ("Senate passes the bill - Politico", "The Senate met on Monday.", None),
])
def test_the_headline_repeated_first_is_the_title_without_the_sites_name(title, block, headline):
    assert headline_of(title, block) == headline


def test_byline_role_line_and_promotions_go_and_a_dateline_lead_stays():
    blocks = ["By Nada Tawfik", "BBC News, New York",
              "NEW DELHI: The government said on Monday it would reopen the border crossing.",
              "A SIMPLE GUIDE: How do I protect myself?", "READ MORE: Why the virus spreads",
              "Officials said on Tuesday that 40 people had died."]
    _, kept = article_blocks(blocks, None)
    assert kept == [blocks[2], blocks[5]]


def test_a_byline_is_a_name_not_a_sentence():
    blocks = ["By Tuesday the river had risen two metres.", "Residents left."]
    assert article_blocks(blocks, None)[1] == blocks


def test_a_saved_page_keeps_the_article_and_only_the_article():
    meta, body = _from_html((FIXTURES / "bbc-style-page.html").read_bytes(), None)
    assert meta["title"] == "Coronavirus: Hospitals brace for surge"
    paragraphs = body.split("\n\n")
    assert paragraphs[0] == "Caption: Nurses at a hospital in Queens on Monday."
    assert not [p for p in paragraphs if "Tawfik" in p or p[-8:] == "New York"
                or "SIMPLE GUIDE" in p or "(reuters)" in p or p.startswith("Coronavirus:")]
    # a live-blog post wrapped in a figure with a picture keeps its heading and its text
    assert "Mayor speaks at 18:00" in paragraphs
    assert any(p.startswith("The mayor said on Tuesday evening") for p in paragraphs)
