"""``timeline add``: articles come into content/ with their metadata, from text or HTML."""

from datetime import date
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.events.extract import extract_events
from generator.sources.add import Metadata, add_article
from generator.sources.articles import read_article

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_saved_html_page_gives_text_title_outlet_and_date(tmp_path):
    added = add_article(str(FIXTURES / "saved-page.html"), tmp_path, Metadata(timeline="border"))
    path = added.path
    assert path.parent == tmp_path / "articles" / "border"
    assert added.not_kept == 1  # the headline, repeated as the page's first block: add says so
    article = read_article(path)
    assert article.title == "Border talks collapse"
    assert article.dct == date(2021, 11, 26)
    assert article.outlet == "The Daily Example"
    assert "collapsed on Thursday" in article.body
    # Menus, share buttons, comments and the footer are page furniture, not news.
    for furniture in ("Share on Facebook", "Great article", "Subscribe", "Sport"):
        assert furniture not in article.body
    # One paragraph per block of the page (a sentence never runs into the next one), and
    # the page's headline is the title, not the first paragraph.
    paragraphs = article.body.strip().split("\n\n")
    assert len(paragraphs) == 4 and paragraphs[0].startswith("BRUSSELS -- Talks")
    assert all("\n" not in p for p in paragraphs)


def test_pasted_text_takes_its_title_from_the_first_line(tmp_path):
    source = tmp_path / "pasted.txt"
    source.write_text("Talks collapse\n\nTalks collapsed on Thursday.\n")
    path = add_article(str(source), tmp_path / "content",
                       Metadata(dct=date(2021, 11, 26), outlet="AFP", timeline="t")).path
    article = read_article(path)
    assert (article.title, article.dct, article.outlet) == ("Talks collapse", date(2021, 11, 26),
                                                            "AFP")
    assert article.body.strip() == "Talks collapsed on Thursday."


def test_date_from_a_dateline_with_a_year(tmp_path):
    source = tmp_path / "wire.txt"
    source.write_text("Talks collapse\n\nWASHINGTON, Nov. 26, 2021 -- Talks collapsed Thursday.\n")
    article = read_article(add_article(str(source), tmp_path / "c", Metadata()).path)
    assert article.dct == date(2021, 11, 26)


def test_no_date_anywhere_asks_for_one(tmp_path):
    source = tmp_path / "undated.txt"
    source.write_text("Talks collapse\n\nTalks collapsed on Thursday.\n")
    with pytest.raises(InputError, match="--dct"):
        add_article(str(source), tmp_path / "c", Metadata())
    assert not (tmp_path / "c").exists()


def test_existing_article_is_not_replaced_without_force(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Talks collapse\n\nTalks collapsed on Thursday.\n")
    given = Metadata(dct=date(2021, 11, 26))
    first = add_article(str(source), tmp_path / "c", given).path
    first.write_text(first.read_text() + "\nEdited by hand.\n")
    with pytest.raises(InputError, match="--force"):
        add_article(str(source), tmp_path / "c", given)
    assert "Edited by hand." in first.read_text()
    assert add_article(str(source), tmp_path / "c", given, force=True).path == first
    assert "Edited by hand." not in first.read_text()


def test_same_headline_on_another_day_is_another_article(tmp_path):
    """Wire services reuse a headline day after day: both stories are kept."""
    source = tmp_path / "a.txt"
    source.write_text("Cuba presses for boy's return\n\nRallies went on Friday.\n")
    first = add_article(str(source), tmp_path / "c", Metadata(dct=date(2000, 1, 7))).path
    second = add_article(str(source), tmp_path / "c", Metadata(dct=date(2000, 1, 15))).path
    assert first.name == "cuba-presses-for-boys-return.md"
    assert second.name == "cuba-presses-for-boys-return-2000-01-15.md"
    assert "date: 2000-01-07" in first.read_text()
    assert "date: 2000-01-15" in second.read_text()
    with pytest.raises(InputError, match="--force"):
        add_article(str(source), tmp_path / "c", Metadata(dct=date(2000, 1, 15)))


def test_unreachable_address_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="cannot fetch") as raised:
        add_article("http://127.0.0.1:9/nothing-listens-here", tmp_path, Metadata())
    # the address as given, not folded by Path() into "http:/127.0.0.1:9/..."
    assert str(raised.value).startswith("http://127.0.0.1:9/nothing-listens-here: ")


def test_without_a_timeline_the_article_starts_its_own(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Talks collapse\n\nTalks collapsed on Thursday.\n")
    added = add_article(str(source), tmp_path / "c", Metadata(dct=date(2021, 11, 26)))
    assert added.path == tmp_path / "c" / "articles" / "talks-collapse" / "talks-collapse.md"
    assert (added.timeline, added.named_after_article) == ("talks-collapse", True)
    assert read_article(added.path).timeline == "talks-collapse"
    named = add_article(str(source), tmp_path / "c", Metadata(dct=date(2021, 11, 27),
                                                              timeline="Border talks"))
    assert (named.timeline, named.named_after_article) == ("border-talks", False)


def test_a_figure_caption_is_kept_as_a_caption_paragraph(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Strikes hit grid</title>"
        '<meta property="article:published_time" content="2025-02-12T08:00:00Z"></head><body>'
        "<article><h1>Strikes hit grid</h1>"
        "<p>Russian drones struck energy facilities in three regions overnight, leaving more "
        "than 200,000 homes without power, officials said on Wednesday.</p>"
        "<figure><img src='x.jpg'><figcaption>Firefighters at a damaged substation in Kharkiv "
        "on 11 February 2025. Photo: Reuters</figcaption></figure>"
        "<p>The attack came a day after negotiators failed to agree on a prisoner exchange at "
        "talks in Istanbul, which began on Monday.</p></article></body></html>")
    path = add_article(str(page), tmp_path / "content", Metadata(timeline="war")).path
    article = read_article(path)
    assert "Caption: Firefighters at a damaged substation in Kharkiv on 11 February 2025." in (
        article.body)
    caption = [e for e in extract_events(article, "a.md") if "caption" in e.flags]
    assert [(e.value, e.headline) for e in caption] == [
        ("2025-02-11", "Firefighters at a damaged substation in Kharkiv")]


def test_the_same_article_under_another_title_is_refused(tmp_path):
    """Added twice, one report would look like two that corroborate each other."""
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: Town hall\ndate: 2023-02-16\nurl: https://example.org/th\n"
                      "---\nResidents met on Wednesday.\n")
    first = add_article(str(source), tmp_path / "c", Metadata(timeline="t")).path
    with pytest.raises(InputError, match="already added as .*town-hall.md"):
        add_article(str(source), tmp_path / "c", Metadata(timeline="t", title="Residents vent"))
    pasted = tmp_path / "b.txt"  # the same text without its address
    pasted.write_text("Residents vent\n\nResidents   met on Wednesday.\n")
    with pytest.raises(InputError, match="the same text"):
        add_article(str(pasted), tmp_path / "c", Metadata(timeline="t", dct=date(2023, 2, 16)))
    again = add_article(str(source), tmp_path / "c", Metadata(timeline="t", title="Again"),
                        force=True).path
    assert again != first and again.exists()


def test_a_page_in_another_encoding_keeps_its_letters(tmp_path):
    page = tmp_path / "cp.html"
    page.write_bytes(
        b'<html><head><meta charset="windows-1252"><title>Caf\xe9 talks</title></head><body>'
        b"<article><h1>Caf\xe9 talks</h1><p>The caf\xe9 briefing was held on Monday, officials "
        b"said, and talks resumed.</p><p>More talks are due on Friday in the caf\xe9 district of "
        b"the capital city.</p></article></body></html>")
    path = add_article(str(page), tmp_path / "c",
                       Metadata(timeline="t", dct=date(2023, 2, 16))).path
    text = path.read_text(encoding="utf-8")
    assert "The café briefing" in text and "\ufffd" not in text
