"""Property tests of the readers on arbitrary input: nothing but InputError ever escapes, and
every span (paragraph, sentence, event) points inside the text it came from.

Hypothesis runs here; ``fuzz_atheris.py`` is the same properties as a coverage-guided atheris
harness, run for a short while by the last test when atheris is installed (it is not in the
lock file: ``.venv/bin/pip install atheris``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import InputError
from generator.events import segment
from generator.events.extract import extract_events
from generator.sources.articles import Article, read_article, split_front_matter
from generator.sources.textfiles import decode_text
from generator.timeline.check import check_entry

PATH = Path("fuzz.md")
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Pieces news text and front matter are made of, so that the examples reach deep into the
# readers instead of failing at the first line.
PIECES = [
    "---\n", "\n", "\n\n", " ", "title: ", "date: ", "url: ", "timeline: ", "outlet: ",
    "Title: ", "Date: ", "When: ", "Source: ", "Flags: ", "2021-11-26", "2021-02-30", "2021-W46",
    "Nov. 18, 2021", "last Thursday", "on Friday", "in December", "since 2014", "the 1990s",
    "said", "Mr.", "U.S.", "J.", '"', "“", "”", "''", "``", ".", "!", "?", "(", ")", "[", "]",
    ":", "|", "#", "-", "—", "WASHINGTON, Nov. 26, 2021 --", "Photo: AFP", "Comments",
    "The talks failed", "Putin", "é", "\t", "\r\n", "\x0b", "\u2028", "{", "}", "&", "<b>", "'",
    "[1, 2]", "{a: b}", "&anchor", "*anchor", "!!python/object", "? ", "- ",
]
text_pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40)
texts = st.one_of(st.text(max_size=400), text_pieces.map("".join))


def only_input_errors(call, *args):
    try:
        return call(*args)
    except InputError as error:
        assert error.path is not None and str(error)
        assert error.line is None or error.line >= 1
        return None


@FAST
@given(st.one_of(st.binary(max_size=600), texts.map(lambda t: t.encode("utf-8")),
                 texts.map(lambda t: t.encode("utf-16"))))
def test_decode_text_gives_text_or_input_error(raw):
    text = only_input_errors(decode_text, PATH, raw)
    if text is not None:
        assert "\r" not in text and "\0" not in text


@FAST
@given(texts)
def test_split_front_matter_body_is_the_end_of_the_text(text):
    found = only_input_errors(split_front_matter, PATH, text)
    if found is None:
        return
    meta, body, line = found
    assert isinstance(meta, dict)
    assert text.endswith(body)
    assert line >= 1
    assert "\n".join(text.split("\n")[line - 1:]) == body


@FAST
@given(st.one_of(st.binary(max_size=400), texts.map(lambda t: t.encode("utf-8"))),
       st.sampled_from([None, date(2021, 11, 26)]))
def test_read_article_reads_or_says_why_not(tmp_path, raw, dct):
    path = tmp_path / "a.md"
    path.write_bytes(raw)
    article = only_input_errors(read_article, path, dct)
    if article is not None:
        assert article.dct and article.timeline and article.title
        assert "/" not in article.timeline and article.timeline not in (".", "..")
        assert article.url is None or article.url.startswith(("http://", "https://"))


@FAST
@given(texts, st.one_of(st.none(), texts))
def test_paragraphs_and_sentences_point_into_the_body(body, title):
    for paragraph in segment.paragraphs(body, title):
        assert 0 <= paragraph.start <= paragraph.end <= len(body)
        assert body[paragraph.start:paragraph.end] == paragraph.text
        for sentence in segment.sentences(body, paragraph):
            assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
            assert sentence.text == " ".join(body[sentence.start:sentence.end].split())


def article(body: str) -> Article:
    return Article(path=PATH, title="Fuzz", dct=date(2021, 11, 26), url="https://example.org/a",
                   outlet="AFP", timeline="fuzz", lang="en", body=body, body_line=1)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extract_events_spans_are_inside_the_text(body):
    squeezed = " ".join(body.split())
    for event in extract_events(article(body), "articles/fuzz.md"):
        assert 0 <= event.position < len(body)
        assert event.start <= event.end
        # a sentence with no date of its own (a lead) is dated by the publication day: it
        # has no phrase
        assert (event.phrase and event.phrase in squeezed) or "reported" in event.flags
        assert event.sentence in squeezed
        assert event.source.url.startswith("https://example.org/a#:~:text=")


@FAST
@given(texts)
def test_check_entry_never_fails(text):
    for problem in check_entry(PATH, text):
        assert problem.line >= 1 and problem.message


def test_atheris_harness_runs_clean(tmp_path):
    pytest.importorskip("atheris")
    harness = Path(__file__).with_name("fuzz_atheris.py")
    corpus = tmp_path / "corpus"  # libFuzzer adds to its corpus folder: a copy
    shutil.copytree(Path(__file__).with_name("bad_inputs"), corpus)
    result = subprocess.run(
        [sys.executable, str(harness), "-atheris_runs=3000", "-max_len=2000",
         "-rss_limit_mb=2048", str(corpus)],
        cwd=tmp_path, capture_output=True, text=True, timeout=180,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert result.returncode == 0, result.stderr[-3000:]
