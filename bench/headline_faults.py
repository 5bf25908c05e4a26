"""Count the faults of the headlines over a corpus: the demo articles (content/articles),
shared/samples and the TE3 training corpus (shared/data/te3-train).

    python bench/headline_faults.py [--shared ../shared] [--save FILE] [--count FILE ...]

Prints, for every headline and for the demo articles' alone, how many (a) end cut off with
"…", (b) have over 16 words, (c) have under 6, (d) have no finite verb (a reading of word
forms: headline/desk.has_finite_verb), (e) start with a quotation mark or a pronoun, (f) are
weak lines a desk would not print: a meta-sentence (a list's introduction, a statement or
decision placed in time: "Castro's statement comes less than an hour") or a line that ends
where its complement was cut ("... even", "... is so powerful", "... is expected").
``--save`` writes the headlines (one "file<TAB>headline" a line) to read or to diff;
``--count`` counts a listing saved so (by another checkout: the "before" of a change).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.events.extract import extract_events  # noqa: E402
from generator.events.headline.verbs import has_finite_verb  # noqa: E402
from generator.events.headline.words import words  # noqa: E402
from generator.sources.articles import Article, read_article  # noqa: E402
from generator.temporal.timeml import document_dct, strip_tags, unescape_with_map  # noqa: E402

_OPENING = re.compile(r"^(?:[\"“‘'`]|(?:He|She|They|It|We|I|His|Her|Their)\b"
                      r"|The (?:boy|girl|suspect)\b)")
_WEAK = re.compile(
    r"^(?:The following|Here (?:is|are))\b"
    r"|^\S+(?:\s\S+)?(?:'s)?\s(?:statement|announcement|remarks|comments|decision|move|ruling)"
    r"\s(?:comes|came|follows|is\s+expected|is\s+announced)\b"
    r"|\s(?:even|so\s+(?!far\b)\w+|than|expected|forced|that)$"
    r"|^(?:[^,]|,\s(?!(?:[\w.'’-]+\s){0,6}(?:said|says)$))*\s(?:said|says)$", re.IGNORECASE)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def listing(shared: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for path in sorted(Path("content/articles").rglob("*.md")):
        if path.name != "README.md":
            rows += [(path.name, e.headline) for e in extract_events(read_article(path),
                                                                      str(path))]
    meta_file = shared / "samples/articles.json"
    meta = {m["file"]: m for m in json.loads(meta_file.read_text())} if meta_file.exists() else {}
    for path in sorted((shared / "samples").rglob("*.txt")):
        rel = str(path.relative_to(shared / "samples"))
        dct = date.fromisoformat(meta[rel]["date"]) if rel in meta else date(2000, 1, 1)
        rows += [(rel, e.headline) for e in extract_events(read_article(path, dct=dct),
                                                            str(path))]
    for path in sorted((shared / "data/te3-train").rglob("*.tml")):
        doc = path.read_text(encoding="utf-8")
        text, _ = unescape_with_map(strip_tags(_TEXT.search(doc).group(1)))
        article = Article(path=path, title=path.stem, dct=document_dct(doc), url=None,
                          outlet=None, timeline="te3", lang="en", body=text, body_line=1)
        rows += [(path.name, e.headline) for e in extract_events(article, str(path))]
    return rows


def faults(headlines: list[str]) -> dict[str, int]:
    return {
        "headlines": len(headlines),
        "(a) end with …": sum(h.endswith("…") for h in headlines),
        "(b) over 16 words": sum(words(h) > 16 for h in headlines),
        "(c) under 6 words": sum(words(h) < 6 for h in headlines),
        "(d) no finite verb": sum(not has_finite_verb(h) for h in headlines),
        "(e) quote/pronoun first": sum(bool(_OPENING.match(h)) for h in headlines),
        "(f) meta or cut complement": sum(bool(_WEAK.search(h)) for h in headlines),
    }


def report(name: str, rows: list[tuple[str, str]]) -> None:
    every = faults([h for _, h in rows])
    demo = faults([h for f, h in rows if f.endswith(".md")])
    print(f"{name}\n{'':26}{'all':>8}{'demo':>8}")
    for key in every:
        print(f"{key:26}{every[key]:>8}{demo[key]:>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--save", type=Path)
    parser.add_argument("--count", type=Path, nargs="*", default=[])
    args = parser.parse_args()
    for saved in args.count:
        lines = saved.read_text(encoding="utf-8").splitlines()
        report(str(saved), [tuple(line.split("\t", 1)) for line in lines if "\t" in line])
    if args.count and not args.save:
        return
    rows = listing(args.shared)
    if args.save:
        args.save.write_text("".join(f"{f}\t{h}\n" for f, h in rows), encoding="utf-8")
    report("this checkout", rows)


if __name__ == "__main__":
    main()
