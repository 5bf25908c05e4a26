"""A whole-process peer: dateparser's search_dates over article files (import included).

    python bench/peers/dateparser_run.py FOLDER     # every *.md: front matter date, body
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from dateparser.search import search_dates


def main() -> int:
    found = 0
    for path in sorted(Path(sys.argv[1]).rglob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        day = next(line.split(": ", 1)[1] for line in front.splitlines()
                   if line.startswith("date: "))
        base = datetime.fromisoformat(day.strip())
        found += len(search_dates(body, languages=["en"],
                                  settings={"RELATIVE_BASE": base}) or [])
    print(found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
