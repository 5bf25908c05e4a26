from datetime import date
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.sources.articles import read_article


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_front_matter(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Talks fail\ndate: 2021-11-26\n"
                 "outlet: AFP\n---\n\nTalks failed on Monday.\n")
    article = read_article(path)
    assert article.title == "Talks fail"
    assert article.dct == date(2021, 11, 26)
    assert article.outlet == "AFP"
    assert article.body.strip() == "Talks failed on Monday."
    assert article.body_line == 6


def test_pelican_front_matter_and_hand_written_date(tmp_path):
    path = write(tmp_path, "a.md", "Title: Talks fail\nDate: 26 November 2021\n\nBody.\n")
    article = read_article(path)
    assert (article.title, article.dct) == ("Talks fail", date(2021, 11, 26))
    assert article.body == "Body.\n"


def test_first_line_that_looks_like_metadata_is_text(tmp_path):
    path = write(tmp_path, "a.txt", "Update: talks resume\n\nThe talks resumed on Monday.\n")
    article = read_article(path, dct=date(2021, 11, 26))
    assert article.title == "Update: talks resume"
    assert "talks resumed" in article.body


def test_dct_precedence_cli_then_front_matter_then_url(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: T\nurl: https://x.org/2021/11/26/story\n---\nB\n")
    assert read_article(path).dct == date(2021, 11, 26)
    assert read_article(path, dct=date(2020, 1, 2)).dct == date(2020, 1, 2)
    dated = write(tmp_path, "b.md", "---\ndate: 2019-05-01\nurl: https://x.org/2021/11/26/s\n---\nB")
    assert read_article(dated).dct == date(2019, 5, 1)


def test_no_date_anywhere_is_an_error_naming_the_file(tmp_path):
    path = write(tmp_path, "nodate.md", "---\ntitle: T\n---\nSomething happened on Friday.\n")
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert "nodate.md" in str(caught.value)
    assert "--dct" in str(caught.value)


def test_malformed_front_matter_names_the_line(tmp_path):
    path = write(tmp_path, "bad.md", "---\ntitle: T\ndate: [2021\n---\nBody\n")
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert caught.value.line is not None and caught.value.line >= 3
    assert str(caught.value).startswith(str(path))


def test_invalid_front_matter_date(tmp_path):
    path = write(tmp_path, "bad.md", "---\ntitle: T\ndate: the day after\n---\nBody\n")
    with pytest.raises(InputError, match="not a date"):
        read_article(path)


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Title: Caf\xe9\n\nBody".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        read_article(path, dct=date(2021, 1, 1))


def test_timeline_from_folder(tmp_path):
    root = tmp_path / "articles"
    path = write(root, "border-crisis/a.md", "---\ntitle: T\ndate: 2021-11-26\n---\nB\n")
    assert read_article(path, root=root).timeline == "border-crisis"


def test_dateline_with_a_year_is_the_last_resort(tmp_path):
    path = write(tmp_path, "wire.txt", "Talks fail\n\nWASHINGTON, Nov. 26, 2021 -- Talks failed.\n")
    assert read_article(path).dct == date(2021, 11, 26)
    no_year = write(tmp_path, "wire2.txt", "Talks fail\n\nWASHINGTON, Nov. 26 -- Talks failed.\n")
    with pytest.raises(InputError):
        read_article(no_year)


def test_wire_copy_quotes_become_typographic(tmp_path):
    """A pair of backticks would be a code span in an entry's Markdown."""
    path = tmp_path / "wire.md"
    path.write_text("---\ntitle: Wire\ndate: 2000-01-06\n---\n"
                    "``This little boy belongs with his father,'' Meissner said. It was `odd'.\n")
    body = read_article(path).body
    assert "`" not in body and "''" not in body
    assert "“This little boy belongs with his father,” Meissner said. It was ‘odd’." in body


def test_a_colon_in_a_front_matter_value_is_read_as_written(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Libya: Gunmen hold foreign workers\ndate: 2013-09-21\n"
                    "outlet: 'BBC News'\n---\nGunmen seized the camp on Friday.\n",
                    encoding="utf-8")
    article = read_article(path)
    assert article.title == "Libya: Gunmen hold foreign workers"
    assert article.outlet == "BBC News"
    assert article.dct == date(2013, 9, 21)


LEDE = ("Regulators seized Hallstrom Bank on Monday after depositors pulled more than $4 "
        "billion in five days, the largest failure of a regional lender since 2023, and "
        "said its branches would reopen on Wednesday under a bridge bank.")


def test_pasted_lede_stays_text_and_gives_the_title(tmp_path):
    # No front matter: a 40-word first paragraph ending in a full stop is the lede, not a
    # title; it stays the first paragraph (its events with it) and its first words title it.
    path = write(tmp_path, "a.txt", LEDE + "\n\nShares fell on Tuesday.\n")
    article = read_article(path, dct=date(2025, 3, 18))
    assert article.title == ("Regulators seized Hallstrom Bank on Monday after depositors pulled "
                             "more than $4…")
    assert article.body.startswith("Regulators seized")
    from generator.events.segment import paragraphs
    kinds = [p.kind for p in paragraphs(article.body, article.title)]
    assert kinds == ["body", "body"]


def test_pasted_short_sentence_lede_is_text_too(tmp_path):
    path = write(tmp_path, "a.txt", "Talks collapsed on Thursday in Vienna.\n\nNo date was set.\n")
    article = read_article(path, dct=date(2021, 11, 26))
    assert article.title == "Talks collapsed on Thursday in Vienna"
    from generator.events.segment import paragraphs
    assert [p.kind for p in paragraphs(article.body, article.title)] == ["body", "body"]


def test_pasted_headline_line_is_the_title(tmp_path):
    for first in ("Talks collapse in Vienna", "Will the U.S. pay?", "Storm hits the U.S.",
                  "Regulators seize Hallstrom Bank after week-long run"):
        path = write(tmp_path, "a.txt", f"{first}\n\nTalks collapsed on Thursday.\n")
        article = read_article(path, dct=date(2021, 11, 26))
        assert article.title == first
        from generator.events.segment import paragraphs
        assert [p.kind for p in paragraphs(article.body, article.title)] == ["title", "body"]


def test_pasted_wrapped_lede_is_not_a_title(tmp_path):
    path = write(tmp_path, "a.txt", "Regulators seized Hallstrom Bank on Monday after\n"
                 "depositors pulled more than $4 billion.\n\nShares fell.\n")
    article = read_article(path, dct=date(2021, 11, 26))
    assert article.title.startswith("Regulators seized") and article.title.endswith("…")
    assert article.body.startswith("Regulators seized")


def test_add_pasted_lede_keeps_it_in_the_body(tmp_path):
    from generator.sources.add import Metadata, add_article
    source = tmp_path / "pasted.txt"
    source.write_text(LEDE + "\n\nShares fell on Tuesday.\n")
    added = add_article(str(source), tmp_path / "content", Metadata(dct=date(2025, 3, 18)))
    article = read_article(getattr(added, "path", added))
    assert article.body.strip().startswith("Regulators seized Hallstrom Bank on Monday")
    assert article.title.startswith("Regulators seized Hallstrom") and article.title.endswith("…")


def test_pasted_lede_keeps_its_event(tmp_path):
    # the lede's date is the article's main event: it must not go with a title taken from it
    from generator.events.extract import extract_events
    path = write(tmp_path, "a.txt", LEDE + "\n\nOther lenders fell 3 percent on Tuesday.\n")
    article = read_article(path, dct=date(2025, 3, 18))
    values = [e.value for e in extract_events(article, str(path))]
    assert "2025-03-17" in values  # "on Monday", in the lede
