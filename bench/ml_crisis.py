"""Multilingual timelines end to end: ML-Crisis (Spanish, French, Italian news on Egypt, Yemen).

For each language and topic this builds a timeline the way a user would, in a temporary
project: every article goes in through ``timeline add`` (``add_article``: the folder's date
as ``--dct``, the topic as ``--timeline``), then ``timeline extract`` (``extract`` and
``write_timelines``) writes the entries. The key entries' days, and all entries' days, are
scored against the reference timeline with bench/timeline_quality.py's Date-F1 (only
reference dates up to the last article's publication day count).

``--keep DIR`` leaves each project in ``DIR/<timeline>/`` to read its entries.
``--mix es,fr`` also builds one timeline of a topic from two languages' articles together
(the cross-language merge: a Spanish and a French report of one happening are one entry).

Usage: ``python bench/ml_crisis.py [DATA_DIR] [--lang es] [--topic egypt] [--mix es,fr]``
(DATA_DIR defaults to ../shared/data/ml-crisis beside the worktree). For scale: news-tls
reaches Date-F1 0.295 on the English Crisis set.
"""

from __future__ import annotations

import argparse
import collections
import shutil
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timeline_quality import LONG_HEADLINE, _day, date_f1, is_key, read_entries  # noqa: E402

from generator.errors import InputError  # noqa: E402
from generator.pipeline import extract, write_timelines  # noqa: E402
from generator.sources.add import Added, Metadata, add_article  # noqa: E402
from generator.sources.articles import split_front_matter  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ml-crisis"
LANGS = ("es", "fr", "it")
TOPICS = ("egypt", "yemen")


def reference_dates(path: Path) -> set[str]:
    """The reference timeline's dates: each item opens with a ``YYYY-MM-DD`` line."""
    days = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if len(line) == 10 and line[4] + line[7] == "--" and line.replace("-", "").isdigit():
            days.add(line)
    return days


def articles_of(data: Path, lang: str, topic: str) -> list[tuple[Path, date, str]]:
    """Each article of the topic with its publication day (its folder's name)."""
    return [(path, date.fromisoformat(path.parent.name), lang)
            for path in sorted((data / lang / topic).glob("*/*.txt"))]


def build(content: Path, timeline: str, articles: list[tuple[Path, date, str]]) -> dict:
    """Add every article to ``timeline`` and extract it, as ``timeline add`` and ``timeline
    extract`` do; what each step refused or warned about is counted, not fatal."""
    refused: collections.Counter[str] = collections.Counter()
    detected: collections.Counter[str] = collections.Counter()
    written: dict[str, str] = {}  # the article file (as a Source line names it) -> language
    for path, day, lang in articles:
        try:
            added = _add(path, content, Metadata(dct=day, timeline=timeline))
        except InputError as exc:
            refused[_reason(str(exc))] += 1
            continue
        written[added.path.relative_to(content).as_posix()] = lang
        meta, _, _ = split_front_matter(added.path, added.path.read_text(encoding="utf-8"))
        detected[meta.get("lang", "en")] += 1
    result = extract([content / "articles"], content)
    write_timelines(result, content, whole=True)
    return {"refused": refused, "warnings": [str(w) for w in result.warnings],
            "errors": [str(e) for e in result.errors], "langs": detected,
            "articles read": result.articles, "written": written}


def _add(path: Path, content: Path, given: Metadata) -> Added:
    """``timeline add``; another article of the same day under the same headline is added
    under a title of its own, as an editor told "pass --title" would."""
    try:
        return add_article(str(path), content, given)
    except InputError as exc:
        if "already exists" not in str(exc):
            raise
    # the title's first words and the file's name: the slug (80 characters) keeps both
    headline = " ".join(path.read_text(encoding="utf-8").split()[:6])
    return add_article(str(path), content, replace(given, title=f"{headline} ({path.stem})"))


def _reason(message: str) -> str:
    """An error's message without the file it names, to count alike refusals together."""
    return message.split(": ", 1)[-1][:60]


def score(content: Path, timeline: str, reference: set[str], last: date,
          written: dict[str, str]) -> dict:
    entries = read_entries(content / "timeline" / timeline)
    key = [e for e in entries if is_key(e)]
    reference = {d for d in reference if d <= last.isoformat()}

    def days(group: list[dict]) -> set[str]:
        return {d for e in group if (d := _day(e.get("when", [""])[0]))}

    return {
        "reference": len(reference),
        "entries": len(entries),
        "key": len(key),
        "merged": sum(len(e.get("source", [])) > 1 for e in entries),
        "cross-lang": sum(len({_lang_of(s, written) for s in e.get("source", [])}) > 1
                          for e in entries),
        "long titles": sum(len(e.get("title", [""])[0].split()) > LONG_HEADLINE for e in entries),
        "cut titles": sum(e.get("title", [""])[0].rstrip().endswith("…") for e in entries),
        "key F1": date_f1(days(key), reference),
        "all F1": date_f1(days(entries), reference),
    }


def _lang_of(source: str, written: dict[str, str]) -> str:
    """The language of a ``Source:`` line's article (its 4th field: ``articles/t/x.md#p3``)."""
    fields = source.split("|")
    return written.get(fields[3].strip().partition("#")[0], "") if len(fields) > 3 else ""


def run(data: Path, langs: list[str], topic: str, keep: Path | None) -> tuple[dict, dict]:
    articles = [a for lang in langs for a in articles_of(data, lang, topic)]
    reference: set[str] = set()
    for lang in langs:
        reference |= reference_dates(data / lang / "reference" / f"{topic}.txt")
    timeline = f"{topic}-{'-'.join(langs)}"
    with tempfile.TemporaryDirectory(prefix="ml-crisis-") as folder:
        content = (keep / timeline if keep else Path(folder)) / "content"
        if content.exists():
            shutil.rmtree(content)
        (content / "articles").mkdir(parents=True)
        built = build(content, timeline, articles)
        last = max(day for _, day, _ in articles)
        scored = score(content, timeline, reference, last, built["written"])
    return built, scored


def _line(name: str, built: dict, scored: dict) -> str:
    kp, kr, kf = scored["key F1"]
    _, _, af = scored["all F1"]
    langs = " ".join(f"{k}:{v}" for k, v in sorted(built["langs"].items()))
    return (f"{name:<14} {built['articles read']:>4} {scored['reference']:>4} "
            f"{scored['entries']:>6} {scored['key']:>4} {scored['merged']:>6} "
            f"{scored['cross-lang']:>5} {scored['long titles']:>5} {scored['cut titles']:>5}  "
            f"{kf:.3f} ({kp:.3f}/{kr:.3f})  {af:.3f}  {langs}")


HEADER = ("timeline       arts  ref  entries  key merged xlang  >16w  cut…  "
          "key Date-F1 (P/R)       all F1  languages (add)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--lang", action="append", choices=LANGS)
    parser.add_argument("--topic", action="append", choices=TOPICS)
    parser.add_argument("--mix", action="append", default=[],
                        help="languages built as one timeline, e.g. es,fr")
    parser.add_argument("--keep", type=Path,
                        help="build each project in KEEP/<timeline>/ and leave it there")
    parser.add_argument("--warnings", action="store_true", help="print every warning")
    args = parser.parse_args(argv[1:])
    print(HEADER)
    key_f1s = []
    for topic in args.topic or TOPICS:
        groups = [[lang] for lang in args.lang or LANGS] + [m.split(",") for m in args.mix]
        for langs in groups:
            built, scored = run(args.data, langs, topic, args.keep)
            if len(langs) == 1:
                key_f1s.append(scored["key F1"][2])
            print(_line(f"{topic}-{'+'.join(langs)}", built, scored))
            notes = list(built["refused"].items())
            if notes:
                print("    refused by add: " + "; ".join(f"{n} x {r}" for r, n in notes))
            if built["warnings"] or built["errors"]:
                print(f"    {len(built['warnings'])} warnings, {len(built['errors'])} errors")
                if args.warnings:
                    for message in built["warnings"] + built["errors"]:
                        print("      " + message)
    if key_f1s:
        print(f"mean key Date-F1 {sum(key_f1s) / len(key_f1s):.3f} over the "
              f"{len(key_f1s)} one-language timelines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
