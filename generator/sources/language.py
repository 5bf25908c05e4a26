"""Which language an article is written in, and whether the date engine reads it.

The front matter's ``lang:`` (or ``--lang``) decides when given. Otherwise the text's
function words decide when they clearly point at one of the languages we read (no model is
loaded for the common case: an English article stays as fast as before); any other text goes
to py3langid, a statistical detector for 97 languages, which also names the languages we do
not read so that the warning can say which it is.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..ruledata import rule_data

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SAMPLE = 5000  # characters read: enough to tell a language, cheap for a long page


@dataclass(frozen=True, slots=True)
class Detected:
    """``code``: ISO 639-1 code, or None when it cannot be told; ``how``: "given" (front
    matter or option), "words" (function words), "detector", or "default" (a text too short
    to tell, read as English)."""

    code: str | None
    how: str
    score: float = 1.0

    @property
    def supported(self) -> bool:
        return self.code in supported()


@cache
def _data() -> dict:
    return rule_data("sources", "languages.yaml")


def supported() -> tuple[str, ...]:
    return tuple(_data()["supported"])


def name(code: str | None) -> str:
    return _data()["names"].get(code or "", code or "unknown")


def normalize(code: str | None) -> str | None:
    """"es-ES", "ES", "pt_BR" -> "es", "es", "pt"; empty -> None."""
    if not code:
        return None
    code = re.split(r"[-_]", str(code).strip().lower(), maxsplit=1)[0]
    return code or None


@cache
def _function_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in _data()["function_words"].items()}


def detect(text: str, given: str | None = None) -> Detected:
    """The language of ``text`` (``given``, when set, wins)."""
    code = normalize(given)
    if code:
        return Detected(code, "given")
    sample = text[:_SAMPLE]
    words = _WORD.findall(sample.lower())
    if sum(map(len, words)) < _data()["min_letters"]:
        # a line or two: too little to tell, and too little to hold much but numbers; read
        # with the default rules (a longer text that cannot be told is warned about)
        return Detected("en", "default", 0.0)
    counts = {lang: sum(map(fw.__contains__, words)) for lang, fw in _function_words().items()}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    (top, hits), (_, second) = ranked[0], ranked[1]
    if hits >= _data()["min_hits"] and hits >= _data()["min_ratio"] * max(second, 1):
        return Detected(top, "words", hits / max(len(words), 1))
    code, score = _identifier().classify(sample)
    if score < _data()["min_score"]:
        return Detected(None, "detector", float(score))
    return Detected(code, "detector", float(score))


@cache
def _identifier():
    """py3langid's identifier, its model mapped from an unpacked copy in the cache folder.

    Unpacking the 4.5 MB xz file (68 MB of arrays) took 0.55 s of the 0.6 s load, and
    reading a copy of the arrays still 0.1 s, in every process and every pool worker that
    met a text the function words cannot tell. Mapped (``mmap``), the copy loads in a
    millisecond and its pages are the page cache's, shared by all the workers instead of
    copied into each. The same arrays py3langid's own ``load_model`` hands over; its
    loader where the copy cannot be made."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        ptc, pc, classes, nextmove, row, output = _mapped_model(MODEL_DIR / MODEL_FILE)
    except Exception:  # no cache folder, full disk, another layout of py3langid's model
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return LanguageIdentifier(ptc, np.asarray(pc), classes, nextmove, output,
                              norm_probs=True, tk_row=row)


# The unpacked copy: the score table as .npy (mapped by numpy), the automaton's tables as
# raw machine integers (mapped as memoryviews, which py3langid indexes as it does arrays).
_TABLES = ("nextmove", "nextmove_row", "out_feat")


def _mapped_model(packed: Path) -> tuple:
    """py3langid's ``modelio.load_model(packed)``, mapped from the unpacked copy (made
    first if it is not there). The copy is named, as Python names a ``.pyc``, after the
    packed file's size and time (with py3langid's version): no 4.5 MB hash at each load."""
    import json
    import mmap

    import numpy as np
    import py3langid

    from ..temporal.compiled import cache_dir

    info = packed.stat()
    key = f"{py3langid.__version__}-{info.st_size}-{info.st_mtime_ns}"
    folder = cache_dir() / f"py3langid-model-{key}"
    if not (folder / "meta.json").is_file():
        _unpack(packed, folder)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    views = []
    for name in _TABLES:
        with (folder / f"{name}.bin").open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        views.append(memoryview(mapped).cast(meta["typecodes"][name]))
    nextmove, row, output = views
    return (np.load(folder / "ptc.npy", mmap_mode="r"), np.load(folder / "pc.npy"),
            meta["classes"], nextmove, row, output)


def _unpack(packed: Path, folder: Path) -> None:
    """Write the unpacked copy into a new folder beside ``folder``, then rename it into
    place: a reader sees a whole copy or none, and of two processes making it, one wins."""
    import io
    import json
    import lzma
    import shutil
    import tempfile
    from array import array

    import numpy as np
    from py3langid.modelio import _to_array

    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        with np.load(io.BytesIO(lzma.decompress(packed.read_bytes())),
                     allow_pickle=False) as data:
            np.save(work / "ptc.npy", data["ptc"])
            np.save(work / "pc.npy", data["pc"])
            tables = {"nextmove": _to_array(data["nextmove"]),
                      "nextmove_row": _to_array(data["nextmove_row"]),
                      "out_feat": array("i", data["out_feat"].tolist())}
            classes = data["classes"].tolist()
        for name, table in tables.items():
            (work / f"{name}.bin").write_bytes(table.tobytes())
        meta = {"classes": classes, "typecodes": {n: t.typecode for n, t in tables.items()}}
        (work / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        os.rename(work, folder)
    except OSError:
        if not (folder / "meta.json").is_file():  # not another process's copy: a real fault
            raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def unsupported_message(found: Detected) -> str:
    """The warning for an article whose language we do not read (or could not tell)."""
    readable = ", ".join(f"{name(c)} ({c})" for c in supported())
    if found.code is None:
        return ("could not tell the article's language: read as English; add 'lang: xx' to "
                "the front matter (or pass --lang) if it is not")
    return (f"written in {name(found.code)} ({found.code}), which the date engine does not "
            f"read (it reads {readable}): no dates taken from it; set 'lang:' in the front "
            "matter if the language was misjudged")
