"""Re-annotate TimeML documents: strip existing tags in <TEXT>, insert our TIMEX3 elements.

We work on the raw (still XML-escaped) text between the tags so that the output is byte-for-byte
the input text plus our tags; entities are unescaped only to build the string we annotate, with
an offset map back to the raw string.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from . import annotate
from .model import Timex

_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_TEXT = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.S)
_DCT = re.compile(r"<DCT>\s*<TIMEX3\b([^>]*)>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def document_dct(doc: str) -> date:
    """The creation time of a TimeML document (the TIMEX3 inside <DCT>)."""
    m = _DCT.search(doc)
    if m:
        attrs = dict(_ATTR.findall(m.group(1)))
        value = attrs.get("value", "")
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    for m in re.finditer(r"<TIMEX3\b([^>]*)>", doc):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            return date.fromisoformat(attrs["value"][:10])
    raise ValueError("no document creation time")


def strip_tags(raw: str) -> str:
    """The raw text of a TimeML fragment with every element tag removed (entities kept)."""
    return _TAG.sub("", raw)


def unescape_with_map(raw: str) -> tuple[str, list[int]]:
    """Unescaped text plus, for each of its offsets (and one past the end), the raw offset."""
    out: list[str] = []
    pos_map: list[int] = []
    i = 0
    for m in _ENTITY.finditer(raw):
        for k in range(i, m.start()):
            out.append(raw[k])
            pos_map.append(k)
        ch = html.unescape(m.group(0))
        for c in ch:
            out.append(c)
            pos_map.append(m.start())
        i = m.end()
    for k in range(i, len(raw)):
        out.append(raw[k])
        pos_map.append(k)
    pos_map.append(len(raw))
    return "".join(out), pos_map


def _attr(v: str) -> str:
    return html.escape(v, quote=True)


def render(raw_plain: str, timexes: list[Timex], pos_map: list[int]) -> str:
    """Insert TIMEX3 elements into the escaped plain text."""
    parts: list[str] = []
    last = 0
    for i, t in enumerate(timexes, start=1):
        s, e = pos_map[t.start], pos_map[t.end] if t.end < len(pos_map) else len(raw_plain)
        # an entity is atomic: end after it if the timex ends inside one
        if t.end < len(pos_map) - 1 and pos_map[t.end] == pos_map[t.end - 1]:
            e = raw_plain.index(";", e) + 1
        if s < last:
            continue
        # A range (Ramadan) has no TIMEX3 value: its first end stands for it.
        attrs = f'tid="t{i}" type="{t.type}" value="{_attr(t.value.split("/")[0])}"'
        if t.mod:
            attrs += f' mod="{t.mod}"'
        parts.append(raw_plain[last:s])
        parts.append(f"<TIMEX3 {attrs}>{raw_plain[s:e]}</TIMEX3>")
        last = e
    parts.append(raw_plain[last:])
    return "".join(parts)


def document_language(plain: str, lang: str | None = None) -> str:
    """The language to read a document in: ``lang`` when given, else the one its text is
    written in (English when it cannot be told or is not one the engine reads)."""
    from ..sources.language import detect

    found = detect(plain, lang)
    return found.code if found.supported else "en"


def annotate_document(doc: str, lang: str | None = None) -> str:
    """A TimeML document with its <TEXT> replaced by plain text plus our TIMEX3 tags;
    ``lang``: its language (detected from the text when not given)."""
    m = _TEXT.search(doc)
    if not m:
        raise ValueError("no <TEXT> element")
    dct = document_dct(doc)
    raw_plain = strip_tags(m.group(2))
    plain, pos_map = unescape_with_map(raw_plain)
    timexes = annotate(plain, dct, document_language(plain, lang))
    body = render(raw_plain, timexes, pos_map)
    return doc[: m.start(2)] + body + doc[m.end(2) :]


def annotate_file(src: Path, dst: Path, lang: str | None = None) -> None:
    """Annotate one .tml file into ``dst`` (parent directories are created)."""
    src, dst = Path(src), Path(dst)
    doc = src.read_text(encoding="utf-8")
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(annotate_document(doc, lang), encoding="utf-8")


def annotate_dir(in_dir: Path, out_dir: Path, lang: str | None = None) -> int:
    """Annotate every .tml under ``in_dir`` into the same relative path under ``out_dir``;
    each document in ``lang``, or in the language detected from its own text."""
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    n = 0
    for src in sorted(in_dir.rglob("*.tml")):
        annotate_file(src, out_dir / src.relative_to(in_dir), lang)
        n += 1
    return n
