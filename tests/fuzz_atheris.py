"""Coverage-guided fuzzing of the readers with atheris (optional: ``pip install atheris``).

    .venv/bin/python tests/fuzz_atheris.py -atheris_runs=100000

Each input is read as an article file (bytes: encodings, front matter, body), then split,
segmented and searched for events. Anything but an InputError is a crash atheris reports
with the input that caused it.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["generator"]):
    from generator.errors import InputError
    from generator.events import segment
    from generator.events.extract import extract_events
    from generator.sources.articles import read_article
    from generator.timeline.check import check_entry

FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-"))
ARTICLE = FOLDER / "a.md"


def one_input(data: bytes) -> None:
    ARTICLE.write_bytes(data)
    try:
        article = read_article(ARTICLE, date(2021, 11, 26) if data[:1] == b"x" else None)
    except InputError:
        return
    body = article.body
    for paragraph in segment.paragraphs(body, article.title):
        assert body[paragraph.start:paragraph.end] == paragraph.text
        for sentence in segment.sentences(body, paragraph):
            assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
    for event in extract_events(article, "articles/a.md"):
        assert 0 <= event.position < len(body)
    check_entry(ARTICLE, body)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
