from pathlib import Path

from generator.events.segment import paragraphs, sentences

BODY = """Crisis talks

By Jane Doe and AFP

BRUSSELS -- Ministers met on Monday. They agreed on Nov. 18 to meet again, Mr. Borrell said.

A toxic partner

Putin speaks in Moscow on October 31. [Evgeny Paulin/Sputnik/AFP]

"Why now?" asked one diplomat. U.S. officials declined to comment.

Do you like this article?

3 Comment(s)

This is a reader's comment posted on Monday.
"""


def test_paragraph_kinds():
    kinds = [(p.kind, p.text[:12]) for p in paragraphs(BODY, "Crisis talks")]
    assert [k for k, _ in kinds] == [
        "title", "furniture", "body", "heading", "caption", "body",
        "after-article", "after-article", "after-article",
    ]


def test_news_paragraphs_are_numbered_in_order():
    numbered = [p.number for p in paragraphs(BODY, "Crisis talks") if p.kind in ("body", "caption")]
    assert numbered == [1, 2, 3]


def test_sentences_keep_offsets_and_skip_dateline_and_abbreviations():
    body_paragraphs = [p for p in paragraphs(BODY, "Crisis talks") if p.kind == "body"]
    first = sentences(BODY, body_paragraphs[0])
    assert [s.text for s in first] == [
        "Ministers met on Monday.",
        "They agreed on Nov. 18 to meet again, Mr. Borrell said.",
    ]
    for sentence in first:
        assert BODY[sentence.start : sentence.end] == sentence.text
    quoted = [s.text for s in sentences(BODY, body_paragraphs[1])]
    assert quoted == ['"Why now?" asked one diplomat.', "U.S. officials declined to comment."]


def test_wire_copy_opening_quotes_start_a_sentence():
    body = ("Diana de Cardenas was born in Cuba in 1984. ``I think he deserves to be with his "
            "father,'' she said.\n")
    paragraph = [p for p in paragraphs(body) if p.kind == "body"][0]
    assert [s.text for s in sentences(body, paragraph)] == [
        "Diana de Cardenas was born in Cuba in 1984.",
        "``I think he deserves to be with his father,'' she said.",
    ]


PASTED = """Kyiv hit by overnight missile attack
By John Smith, BBC News
Published 14 March 2024
Updated 15 March 2024, 09:12 GMT
Share
Image caption, Rescue workers in Kyiv on Thursday morning. Photo: EPA

Russia launched a large missile attack on Kyiv overnight, killing at least five people.

Related Topics
Russia-Ukraine war
"""


def test_a_block_of_one_line_paragraphs_is_split_at_its_lines():
    found = [(p.kind, p.text) for p in paragraphs(PASTED, "Kyiv hit by overnight missile attack")]
    assert [kind for kind, _ in found] == [
        "title", "furniture", "furniture", "furniture", "furniture", "caption", "body",
        "after-article", "after-article"]
    assert found[5][1].startswith("Image caption, Rescue workers")
    for paragraph in paragraphs(PASTED):
        assert PASTED[paragraph.start : paragraph.end] == paragraph.text


def test_hard_wrapped_prose_stays_one_paragraph():
    wrapped = ("Ministers met in Brussels on Monday to discuss the border crisis\n"
               "and agreed to meet again on Nov. 18, a spokesman for the EU said.\n"
               "By then, the talks may have collapsed, officials warned.\n")
    assert [p.kind for p in paragraphs(wrapped)] == ["body"]


def test_a_hyphenated_word_opening_a_sentence_is_no_dateline():
    body = ("KINSHASA, Nov 20 (Reuters) - Congo confirmed 14 cases.\n\n"
            "A US-brokered ceasefire collapsed within hours.\n\n"
            "US-Russian talks resumed.\n")
    texts = [s.text for p in paragraphs(body) if p.kind == "body" for s in sentences(body, p)]
    assert texts == ["Congo confirmed 14 cases.", "A US-brokered ceasefire collapsed within hours.",
                     "US-Russian talks resumed."]


def test_initials_with_several_letters_end_no_sentence():
    body = ("The bill, sponsored by Sherrod Brown and J.D. Vance on March 1, would require "
            "two-person crews.\n\nFormer President George H.W. Bush visited. He left.\n\n"
            "He was shot in his home in Buffalo, N.Y. Slepian provided care.\n")
    texts = [s.text for p in paragraphs(body) if p.kind == "body" for s in sentences(body, p)]
    assert texts == ["The bill, sponsored by Sherrod Brown and J.D. Vance on March 1, would "
                     "require two-person crews.",
                     "Former President George H.W. Bush visited.", "He left.",
                     "He was shot in his home in Buffalo, N.Y.", "Slepian provided care."]


def test_a_dateline_with_a_comma_before_its_dash():
    body = "EAST PALESTINE, Ohio, -- Officials said on Tuesday that the water was safe.\n"
    texts = [s.text for p in paragraphs(body) if p.kind == "body" for s in sentences(body, p)]
    assert texts == ["Officials said on Tuesday that the water was safe."]


def test_a_quoted_question_runs_on_into_a_named_attribution():
    body = ('"Why now?" Sergei Lavrov asked on Tuesday. "Stop!" Police shouted.\n\n'
            '"Where were you?" The judge waited.\n')
    texts = [s.text for p in paragraphs(body) if p.kind == "body" for s in sentences(body, p)]
    assert texts == ['"Why now?" Sergei Lavrov asked on Tuesday.', '"Stop!" Police shouted.',
                     '"Where were you?"', "The judge waited."]


def test_correction_and_update_notes_are_furniture(tmp_path):
    from test_events import events_of

    notes = ("Correction: An earlier version of this article misstated the date of the vote "
             "on Tuesday.\n\n"
             "CORRECTION (Oct. 12): The vote was on Monday.\n\n"
             "Clarification: The meeting took place on Monday, not Sunday.\n\n"
             "Editor's note: This story was updated on Oct. 10 to add comment.\n\n"
             "This article was updated on Oct. 12, 2024 with new figures.\n\n"
             "This story has been updated to include details of Friday's vote.\n\n"
             "An earlier version of this story incorrectly said the vote was on Monday.\n\n")
    news = "The correction came on Monday: officials revised the toll.\n"
    assert [p.kind for p in paragraphs(notes + news)] == ["furniture"] * 7 + ["body"]
    assert [e.sentence for e in events_of(tmp_path, "2024-10-17", notes + news)] == [news.strip()]


def test_a_pages_time_stamp_and_loading_placeholder_are_furniture(tmp_path):
    """A saved live page keeps "Loading..." and its "Stand: ... Uhr" stamp: no news in them."""
    from generator.events.extract import extract_events
    from generator.sources.add import Metadata, add_article
    from generator.sources.articles import read_article

    page = Path(__file__).parents[1] / "fixtures" / "boilerplate" / "stamped-page.html"
    article = read_article(add_article(str(page), tmp_path, Metadata(timeline="t")).path)
    kinds = {p.text: p.kind for p in paragraphs(article.body, article.title)}
    assert kinds["Stand: 28.04.2020 18:00 Uhr"] == kinds["Loading..."] == "furniture"
    assert [e.value for e in extract_events(article, "a.md")] == ["2020-04-27", "2020-05-11"]
