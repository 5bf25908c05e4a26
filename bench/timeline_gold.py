"""End-to-end check of the demo timelines against TempEval-3 gold: are the events' dates right?

The sample crises (../shared/samples/embassy-bombings-1998, elian-gonzalez-2000) are the text
of AQUAINT documents whose gold TIMEX3 are in ../shared/data/te3-train/aquaint/. For every
gold calendar date (DATE/TIME with a value a timeline can place) in a news paragraph, this
finds the event our pipeline made of it and compares values. Usage:

    python bench/timeline_gold.py [SHARED_DIR]
"""

from __future__ import annotations

import html
import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from te3 import read_timexes  # noqa: E402

from generator.events.extract import extract_events  # noqa: E402
from generator.events.segment import paragraphs  # noqa: E402
from generator.sources.articles import Article  # noqa: E402
from generator.temporal.values import bounds, interval  # noqa: E402

CRISES = ("embassy-bombings-1998", "elian-gonzalez-2000")


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[2] / "shared"
    meta = {m["file"]: m for m in json.loads((shared / "samples" / "articles.json").read_text())}
    totals = {"gold": 0, "right": 0, "wrong": 0, "missed": 0, "events": 0, "unmatched": 0}
    wrong: list[str] = []
    for name, info in sorted(meta.items()):
        if not name.startswith(CRISES):
            continue
        tml = shared / "data" / "te3-train" / "aquaint" / (Path(name).stem + ".tml")
        if not tml.exists():
            continue
        raw_text, gold = read_timexes(tml)
        text = html.unescape(raw_text)
        article = Article(path=Path(name), title=info["title"],
                          dct=date.fromisoformat(info["date"]), url=None, outlet=info["outlet"],
                          timeline=info["timeline"], lang="en", body=text, body_line=1)
        events = extract_events(article, name)
        news = [p for p in paragraphs(text, article.title) if p.kind in ("body", "caption")]
        matched_events: set[int] = set()
        for tx in gold:
            phrase = html.unescape(tx.phrase)
            where = text.find(phrase)
            in_news = any(p.start <= where < p.end for p in news)
            if tx.type not in ("DATE", "TIME") or bounds(tx.value) is None or not in_news:
                continue
            totals["gold"] += 1
            found = [i for i, e in enumerate(events) if phrase in e.phrase or e.phrase in phrase]
            if not found:
                totals["missed"] += 1
                continue
            matched_events.update(found)
            # a range ("from 1991 to 1997") is one event that holds both gold dates
            if any(tx.value in (events[i].value, *(interval(events[i].value) or ()))
                   for i in found):
                totals["right"] += 1
            else:
                totals["wrong"] += 1
                wrong.append(f"{name}: {phrase!r} gold {tx.value}, ours "
                             f"{[events[i].value for i in found]}")
        totals["events"] += len(events)
        totals["unmatched"] += len(set(range(len(events))) - matched_events)
    found = totals["right"] + totals["wrong"]
    print(f"gold calendar dates in news paragraphs: {totals['gold']}")
    print(f"  found as events: {found} ({found / max(totals['gold'], 1):.1%}), "
          f"value right: {totals['right']} ({totals['right'] / max(found, 1):.1%} of found)")
    print(f"  missed: {totals['missed']}")
    print(f"our events: {totals['events']}, not a gold date: {totals['unmatched']}")
    for line in wrong:
        print("  wrong:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
