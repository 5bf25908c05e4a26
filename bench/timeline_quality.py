"""How close is each demo timeline's set of key events to a published chronology?

For each timeline with a chronology under bench/chronologies/ (date + one line per item, with
its source), this reads the entries in content/timeline/<timeline>/ and reports:

- Date-F1 of the key entries (``Key: yes``; an entry without a ``Key:`` line counts as key,
  as every entry was published before keys existed) against the chronology's dates, the
  news-tls convention (Martschat and Markert 2018; Ghalandari and Ifrim 2020): precision is
  the share of the key entries' distinct dates that the chronology has, recall the share of
  the chronology's dates among them. A chronology item dated by its month alone is matched
  by any day of that month. Only chronology items dated on or before the last article's
  publication day count (no article could report the rest). A chronology whose stored copy is
  cut off says so (``covers: {until: DAY}``): only entries dated up to that day are scored
  against it, as the items it lost could be theirs.
- each chronology's ``role``: ``tuning`` (the rules were looked at against it) or
  ``held-out`` (never tuned to: its figures say how the rules generalise). A timeline may
  have several chronologies (``<timeline>.yaml``, ``<timeline>-<outlet>.yaml``), each
  scored on its own.
- the same for all entries (what an editor would have to read);
- counts: entries, key entries, background entries, merged entries (more than one source
  paragraph), headlines of more than 16 words.

Usage: ``python bench/timeline_quality.py [CONTENT_DIR]`` (run ``timeline extract`` first).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.sources.articles import find_articles, read_article  # noqa: E402
from generator.timeline.entry_file import TIMELINE_FILE, read_metadata  # noqa: E402

CHRONOLOGIES = Path(__file__).resolve().parent / "chronologies"
LONG_HEADLINE = 16  # words


def read_entries(folder: Path) -> list[dict[str, list[str]]]:
    entries = []
    for path in sorted(folder.glob("*.md")):
        if path.name == TIMELINE_FILE:
            continue
        fields: dict[str, list[str]] = {}
        for key, value, _ in read_metadata(path.read_text(encoding="utf-8")):
            fields.setdefault(key, []).append(value)
        entries.append(fields)
    return entries


def _day(value: str) -> str | None:
    """The entry's day (``YYYY-MM-DD``), or its month for a month-dated entry, else None."""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[8:10].isdigit():
        return value[:10]
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
        return value
    return None


def date_f1(predicted: set[str], reference: set[str]) -> tuple[float, float, float]:
    def matches(p: str, r: str) -> bool:
        return p == r or (len(r) == 7 and p.startswith(r + "-"))

    if not predicted or not reference:
        return 0.0, 0.0, 0.0
    precision = sum(any(matches(p, r) for r in reference) for p in predicted) / len(predicted)
    recall = sum(any(matches(p, r) for p in predicted) for r in reference) / len(reference)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def is_key(entry: dict[str, list[str]]) -> bool:
    return entry.get("key", ["yes"])[0].strip().lower() != "no"


def last_article_day(content: Path, timeline: str) -> date:
    folder = content / "articles" / timeline
    days = [read_article(p, root=content / "articles").dct for p in find_articles([folder], [])]
    return max(days)


def evaluate(content: Path, chronology: Path) -> dict:
    data = yaml.safe_load(chronology.read_text(encoding="utf-8"))
    timeline = data["timeline"]
    last = last_article_day(content, timeline).isoformat()
    until = str(data.get("covers", {}).get("until", last))
    reference = {str(item["date"]) for item in data["items"] if str(item["date"]) <= last}
    entries = read_entries(content / "timeline" / timeline)
    key = [e for e in entries if is_key(e)]

    def days(group: list[dict]) -> set[str]:
        return {d for e in group if (d := _day(e.get("when", [""])[0])) and d[:len(until)] <= until}

    flags = [e.get("flags", [""])[0] for e in entries]
    return {
        "timeline": timeline,
        "chronology": data["source"]["title"],
        "role": data.get("role", "tuning"),
        "reference dates": len(reference),
        "entries": len(entries),
        "key": len(key),
        "background": sum("background" in f for f in flags),
        "merged": sum(len(e.get("source", [])) > 1 for e in entries),
        "long headlines": sum(len(e.get("title", [""])[0].split()) > LONG_HEADLINE
                              for e in entries),
        "key P/R/F1": date_f1(days(key), reference),
        "all P/R/F1": date_f1(days(entries), reference),
    }


def main(argv: list[str]) -> int:
    content = Path(argv[1]) if len(argv) > 1 else ROOT / "content"
    for chronology in sorted(CHRONOLOGIES.glob("*.yaml")):
        result = evaluate(content, chronology)
        print(f"{result.pop('timeline')}  (against {result.pop('chronology')!r}, "
              f"{result.pop('role')})")
        for name, value in result.items():
            if isinstance(value, tuple):
                value = "P {:.3f}  R {:.3f}  Date-F1 {:.3f}".format(*value)
            print(f"  {name:<16} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
