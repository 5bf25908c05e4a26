"""Do happenings named with their own day keep that day through merging?

Writes N synthetic articles (seeded) of five sentences each, every one "On <Month> <d>, <year>,
<actor> <action> <object>." with days a few weeks before the article's publication, reads
them with ``extract_events`` and merges them into one timeline. A sentence that names its day
outright tells a happening on that day: no report may end up in an entry of another day, and
no entry may carry a date conflict. Usage: ``python bench/dated_days.py [N]`` (default 400).
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.events.extract import extract_events  # noqa: E402
from generator.events.merge import merge_events  # noqa: E402
from generator.sources.articles import Article  # noqa: E402

ACTORS = ["the central bank", "the defence minister", "the foreign ministry", "the president",
          "rebel commanders", "the parliament", "the interior ministry", "the army"]
ACTIONS = ["announced new sanctions on", "imposed restrictions on", "warned", "met envoys from",
           "rejected a proposal by", "signed an agreement with", "accused", "sent troops to"]
OBJECTS = ["exporters", "the neighbouring state", "opposition groups", "the border region",
           "foreign banks", "the capital", "aid agencies"]


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 400
    rng = random.Random(5)
    events = []
    for number in range(n):
        dct = date(2000, 1, 1) + timedelta(days=rng.randrange(300))
        sentences = []
        for _ in range(5):
            day = dct - timedelta(days=rng.randrange(1, 20))
            sentences.append(f"On {day.strftime('%B')} {day.day}, {day.year}, "
                             f"{rng.choice(ACTORS)} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)}.")
        article = Article(path=Path(f"a{number}.md"), title=f"Story {number}", dct=dct,
                          url=None, outlet="X", timeline="synthetic", lang="en",
                          body="\n\n".join(sentences) + "\n", body_line=1)
        events += extract_events(article, f"articles/a{number}.md")
    events.sort(key=lambda e: (e.start, e.source.path, e.position))
    stories = merge_events(events)
    moved = sum(r.start != s.lead.start for s in stories for r in s.reports)
    conflicts = sum(s.conflicting_dates for s in stories)
    print(f"{n} articles, {len(events)} dated sentences, {len(stories)} entries; "
          f"{moved} reports in an entry of another day, {conflicts} entries with a date conflict")
    return 0 if moved == conflicts == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
