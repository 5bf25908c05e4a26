"""Page furniture in real web copy: which line shapes ML-Crisis articles carry, how many of
them the furniture rules (generator/sources/data/furniture/) leave out, and how many entries
of a built timeline still come from furniture.

Survey (default): every article of ../shared/data/ml-crisis, paragraph by paragraph as
``segment`` reads it in its language; per language, the paragraphs left out by kind, then the
commonest shapes (digits as 0, capitalised words as W) of each kind and of the short lines
kept as news (the candidates for a rule: "W de W" kept 57 times in 40 articles is a menu).

``--entries DIR``: the entries of each project under DIR (``bench/ml_crisis.py --keep DIR``)
whose sentence is, by today's rules, in a paragraph its article leaves out (furniture,
after the article's end, a dateline alone): the entries furniture made.

Usage: ``python bench/furniture_survey.py [DATA_DIR] [--lang es] [--top 15]``;
``python bench/furniture_survey.py --entries /tmp/before``.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.events import segment  # noqa: E402
from generator.sources.articles import read_article  # noqa: E402

DEFAULT_DATA = ROOT.parent.parent / "shared" / "data" / "ml-crisis"
LANGS = ("es", "fr", "it")
_SHORT = 12  # words: a longer kept line is prose, not a candidate for a furniture rule
_NO_NEWS = ("furniture", "after-article", "dateline")


def shape(text: str) -> str:
    """ "Publié le 01/12/12 à 00h00" -> "W le 0/0/0 à 0h0": a line's form, its words gone."""
    text = re.sub(r"\d+", "0", " ".join(text.split()))
    text = re.sub(r"\b[A-ZÀ-ÖØ-Þ][\w'’.-]*", "W", text)
    return " ".join(re.sub(r"(?:W\s*){2,}", "W ", text).split()[:8])


def survey(data: Path, lang: str, top: int) -> None:
    kinds: collections.Counter[str] = collections.Counter()
    shapes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    where: dict[tuple[str, str], set[Path]] = collections.defaultdict(set)
    example: dict[tuple[str, str], str] = {}
    files = sorted((data / lang).glob("*/*/*.txt"))
    files = [f for f in files if f.parent.parent.name != "reference"]
    for path in files:
        body = path.read_text(encoding="utf-8")
        for paragraph in segment.paragraphs(body, None, lang):
            kind = paragraph.furniture or paragraph.kind
            if paragraph.kind in ("body", "heading") and len(paragraph.text.split()) <= _SHORT:
                kind = "kept short line"
            elif paragraph.kind in ("body", "heading", "caption", "title"):
                kinds["news (longer)"] += 1
                continue
            kinds[kind] += 1
            form = shape(paragraph.text)
            shapes[kind][form] += 1
            where[kind, form].add(path)
            example.setdefault((kind, form), paragraph.text)
    print(f"== {lang}: {len(files)} articles, paragraphs by kind: "
          + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    for kind in sorted(shapes, key=lambda k: -kinds[k]):
        print(f"  -- {kind}")
        for form, n in shapes[kind].most_common(top):
            text = " ".join(example[kind, form].split())[:90]
            print(f"  {n:>5} {len(where[kind, form]):>4}  {form[:40]:<40} | {text}")


def furniture_entries(project: Path) -> tuple[int, int, int, int]:
    """(entries, of which from furniture, key entries, of which from furniture)."""
    content = project / "content"
    left_out: dict[str, list[str]] = {}  # article (as a Source names it) -> its no-news texts
    for path in sorted((content / "articles").rglob("*.md")):
        article = read_article(path)
        found = segment.paragraphs(article.body, article.title, article.lang)
        left_out[path.relative_to(content).as_posix()] = [
            " ".join(p.text.split()) for p in found if p.kind in _NO_NEWS]
    total = furniture = key = key_furniture = 0
    for entry in sorted((content / "timeline").rglob("*.md")):
        if entry.name.startswith("_"):
            continue
        meta, sentences = _entry(entry)
        sources = [s.split("|")[3].strip().partition("#")[0] for s in meta.get("Source", [])]
        texts = [t for s in sources for t in left_out.get(s, [])]
        made = bool(sentences) and all(any(s in t for t in texts) for s in sentences)
        is_key = meta.get("Key", ["no"])[0] == "yes"
        total += 1
        key += is_key
        furniture += made
        key_furniture += made and is_key
    return total, furniture, key, key_furniture


def _entry(path: Path) -> tuple[dict[str, list[str]], list[str]]:
    """An entry file's header lines (``Key: value``, each key a list) and its sentence (the
    first paragraph of its text; "Also reported:" lists the other sources' after it)."""
    head, _, text = path.read_text(encoding="utf-8").partition("\n\n")
    meta: dict[str, list[str]] = collections.defaultdict(list)
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        meta[key].append(value)
    first = text.strip().split("\n\n")[0]
    return meta, [" ".join(first.split())] if first else []


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--lang", action="append", choices=LANGS)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--entries", type=Path, help="a bench/ml_crisis.py --keep folder")
    args = parser.parse_args(argv[1:])
    if args.entries:
        print("timeline        entries  from furniture   key  key from furniture")
        for project in sorted(p for p in args.entries.iterdir() if p.is_dir()):
            total, made, key, key_made = furniture_entries(project)
            print(f"{project.name:<15} {total:>7} {made:>15} {key:>5} {key_made:>19}")
        return 0
    for lang in args.lang or LANGS:
        survey(args.data, lang, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
