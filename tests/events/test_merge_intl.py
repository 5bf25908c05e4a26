"""Reports of one day in another language merge by their own words, not English ones:
read with English rules (ASCII words, English stop words), "dicembre", "della", "hanno"
were content words shared by every Italian report of a day."""

from pathlib import Path

from generator.events.intl.words import content_words, stopwords
from generator.events.merge import merge_events
from generator.pipeline import extract

RETOLD = """\
Il 26 luglio i carabinieri di Licata hanno arrestato Angelo Giganti, 44 anni.

I carabinieri di Licata, il 26 luglio, hanno arrestato Giganti per tentato omicidio.
"""


def _stories(tmp_path: Path, body: str) -> list[int]:
    content = tmp_path / "content"
    path = content / "articles" / "sicilia" / "cronaca.md"
    path.parent.mkdir(parents=True)
    path.write_text(f"---\ntitle: Cronaca\ndate: 2011-12-27\nlang: it\n---\n\n{body}",
                    encoding="utf-8")
    events = extract([content / "articles"], content).events
    assert {e.value for e in events} == {"2011-07-26"}
    return sorted(len(s.reports) for s in merge_events(events))


def test_one_arrest_told_twice_in_italian_is_one_story(tmp_path):
    assert _stories(tmp_path, RETOLD) == [2]


def test_content_words_are_lemmas_without_function_or_date_words():
    words = content_words("1 dicembre, i carabinieri della città hanno arrestato Calogero", "it")
    assert "dicembre" not in words and "della" not in words and "hanno" not in words
    assert "città" in words  # a word of any alphabet, whole
    assert "calogero" in words  # a name as written, not a lemma
    assert content_words("scontri", "it") == content_words("scontro", "it")


def test_every_language_has_its_stop_and_date_words():
    for lang, month, function_word in [("es", "diciembre", "los"), ("fr", "décembre", "les"),
                                       ("de", "dezember", "und"), ("pt", "dezembro", "os"),
                                       ("it", "dicembre", "gli")]:
        assert {month, function_word} <= stopwords(lang), lang
