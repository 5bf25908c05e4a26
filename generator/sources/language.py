"""Which language an article is written in, and whether the date engine reads it.

The front matter's ``lang:`` (or ``--lang``) decides when given. Otherwise the text's
function words decide when they clearly point at one of the languages we read (no model is
loaded for the common case: an English article stays as fast as before); any other text goes
to py3langid, a statistical detector for 97 languages, which also names the languages we do
not read so that the warning can say which it is.
"""

from __future__ import annotations

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
    """py3langid's identifier, its model read from an unpacked copy in the cache folder:
    unpacking the 4.5 MB xz file (68 MB of arrays) took 0.55 s of the 0.6 s load, in every
    process (and every pool worker) that met a text the function words cannot tell; the
    copy loads in a few hundredths. The same arrays, handed over as py3langid's own
    ``load_model`` hands them; py3langid's loader where the copy cannot be made."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        ptc, pc, classes, nextmove, row, output = _unpacked_model(MODEL_DIR / MODEL_FILE)
    except Exception:  # no cache folder, full disk, another layout of py3langid's model
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output,
                              norm_probs=True, tk_row=row)


def _unpacked_model(packed: Path) -> tuple:
    """py3langid's ``modelio.load_model(packed)``, from the unpacked copy (made first if it
    is not there: named after the packed file's hash, written atomically)."""
    import hashlib

    import numpy as np
    from py3langid.modelio import _to_array

    from ..atomic import write_bytes
    from ..temporal.compiled import cache_dir

    digest = hashlib.sha256(packed.read_bytes()).hexdigest()[:32]
    copy = cache_dir() / f"py3langid-model-{digest}.npz"
    if not copy.is_file():
        import lzma

        write_bytes(copy, lzma.decompress(packed.read_bytes()))
    with np.load(copy, allow_pickle=False) as data:
        return (data["ptc"], data["pc"], data["classes"].tolist(), _to_array(data["nextmove"]),
                _to_array(data["nextmove_row"]), data["out_feat"].tolist())


def unsupported_message(found: Detected) -> str:
    """The warning for an article whose language we do not read (or could not tell)."""
    readable = ", ".join(f"{name(c)} ({c})" for c in supported())
    if found.code is None:
        return ("could not tell the article's language: read as English; add 'lang: xx' to "
                "the front matter (or pass --lang) if it is not")
    return (f"written in {name(found.code)} ({found.code}), which the date engine does not "
            f"read (it reads {readable}): no dates taken from it; set 'lang:' in the front "
            "matter if the language was misjudged")
