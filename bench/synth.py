"""Synthetic inputs for the scale benchmarks: a timeline of N entries, or N Pelican articles.

    python bench/synth.py timeline N FOLDER   # FOLDER/content/timeline/big/*.md (+ settings)
    python bench/synth.py pelican N FOLDER    # FOLDER/content/*.md, a plain Pelican project
    python bench/synth.py articles N FOLDER   # FOLDER/content/articles/<timeline>/*.md

Both sides get the same N titles and texts (seeded, so every run writes the same bytes):
entry texts of one to three sentences (about 25 to 110 words, a second paragraph on one in
six), titles of 8 to 14 words. Entries carry the date mix of a crisis that runs for a decade
with history told in passing: days (most), clock times and parts of the day, weeks,
weekends, months, quarters, halves, seasons, years and decades; one to three sources (merged
reports), flags, notes and attributions in about the proportions ``timeline extract`` writes.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_WORDS = (
    "the government said officials talks border troops minister president embassy attack "
    "blast killed wounded police investigators capital city residents protest sanctions "
    "agreement ceasefire negotiations army rebels spokesman statement report foreign "
    "ministry week month year council vote parliament election campaign aid refugees camp "
    "water power supplies hospital doctors rescue workers night morning after before "
    "during against with from into about over under near across region province northern "
    "southern eastern western coast airport port bridge road convoy shelling drones "
    "missiles delegation envoy summit leaders meeting agreed rejected demanded warned "
    "announced confirmed denied accused promised planned expected continued ended began"
).split()
_NAMES = ["Peskov", "Borrell", "Albright", "Bushnell", "Kimotho", "Lukashenka", "Morawiecki",
          "Stoltenberg", "Guterres", "Blinken", "Lavrov", "Macron", "Scholz", "Erdogan"]
_OUTLETS = ["AFP", "AP", "Reuters", "Xinhua", "The New York Times", "Caravanserai and AFP",
            "BBC", "Al Jazeera"]
_PARTS = ["MO", "AF", "EV", "NI", "DT"]
_SEASONS = ["SP", "SU", "FA"]
FIRST_YEAR, LAST_YEAR = 2014, 2024


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(_NAMES))
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), '"we will not back down"')
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words)), "R&D")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _day(rng: random.Random) -> date:
    first = date(FIRST_YEAR, 1, 1)
    return first + timedelta(days=rng.randrange((date(LAST_YEAR, 12, 31) - first).days))


def _value(rng: random.Random) -> tuple[str, str]:
    """A TIMEX3 value and its precision, in a crisis's mix."""
    r = rng.random()
    d = _day(rng)
    if r < 0.55:
        return d.isoformat(), "day"
    if r < 0.59:
        return f"{d.isoformat()}T{rng.randint(0, 23):02d}:{rng.choice([0, 15, 30, 35]):02d}", "time"
    if r < 0.62:
        return f"{d.isoformat()}T{rng.choice(_PARTS)}", "time"
    if r < 0.68:
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}", "week"
    if r < 0.70:
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}-WE", "weekend"
    if r < 0.81:
        return f"{d.year}-{d.month:02d}", "month"
    if r < 0.84:
        return f"{d.year}-Q{rng.randint(1, 4)}", "quarter"
    if r < 0.85:
        return f"{d.year}-H{rng.randint(1, 2)}", "half"
    if r < 0.87:
        return f"{d.year}-{rng.choice(_SEASONS)}", "season"
    if r < 0.95:
        return str(rng.randint(FIRST_YEAR - 20, LAST_YEAR)), "year"
    return str(rng.randint(195, 201)), "decade"


def items(n: int, seed: int = 9) -> list[dict]:
    """``n`` entries as dicts: name, value, precision, title, paragraphs, sources, flags..."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        value, prec = _value(rng)
        title_words = _sentence(rng, 8, 14).rstrip(".")
        paragraphs = [" ".join(_sentence(rng, 8, 30) for _ in range(rng.randint(1, 3)))]
        if rng.random() < 1 / 6:
            paragraphs.append(_sentence(rng, 10, 30))
        flags = [f for f, p in (("reported", 0.3), ("caption", 0.04), ("background", 0.05),
                                ("planned", 0.04), ("date-conflict", 0.02)) if rng.random() < p]
        sources = []
        for _ in range(1 if rng.random() < 0.85 else rng.randint(2, 3)):
            pub = _day(rng)
            slug = "-".join(title_words.lower().split()[:5])
            sources.append(
                f"{pub.isoformat()} | {rng.choice(_OUTLETS)} | "
                f"https://example.org/{pub.year}/{pub.month:02d}/{slug}#:~:text={slug[:20]} | "
                f"articles/big/{slug}.md#p{rng.randint(1, 40)} | {title_words[:60]}"
            )
        slug = "-".join(title_words.lower().replace('"', "").split()[:7])
        out.append({
            "name": f"{value}-{slug}-{i}.md",
            "value": value,
            "precision": prec,
            "title": title_words,
            "paragraphs": paragraphs,
            "sources": sources,
            "flags": flags,
            "note": "One article gives another day." if "date-conflict" in flags else "",
            "attribution": rng.choice(_NAMES) if "reported" in flags else "",
            "day": _day(rng),
        })
    return out


def entry_text(item: dict) -> str:
    lines = [f"Title: {item['title']}", f"When: {item['value']}",
             f"Precision: {item['precision']}", "Phrase: synthetic", "Timeline: big"]
    if item["flags"]:
        lines.append("Flags: " + ", ".join(item["flags"]))
    if item["note"]:
        lines.append(f"Note: {item['note']}")
    if item["attribution"]:
        lines.append(f"Attribution: {item['attribution']}")
    lines += [f"Source: {s}" for s in item["sources"]]
    lines.append("Generated: 0123456789abcdef")
    return "\n".join(lines) + "\n\n" + "\n\n".join(item["paragraphs"]) + "\n"


def write_timeline(n: int, folder: Path, slug: str = "big", seed: int = 9) -> Path:
    """A project in ``folder`` (templates and pelicanconf.py copied) with one timeline of n
    entries; returns the entries' folder."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "templates", folder / "templates", dirs_exist_ok=True)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, folder / name)
    entries = folder / "content" / "timeline" / slug
    entries.mkdir(parents=True, exist_ok=True)
    (entries / "_timeline.md").write_text(
        "Title: A decade-long crisis\n\nSynthetic entries for the scale benchmark.\n",
        encoding="utf-8")
    for item in items(n, seed):
        (entries / item["name"]).write_text(entry_text(item), encoding="utf-8")
    return entries


PELICAN_CONF = '''"""A plain Pelican project: default theme, default settings, feeds off."""
SITENAME = "Baseline"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
'''


def write_pelican(n: int, folder: Path, seed: int = 9) -> Path:
    """``folder/content`` with n Markdown articles (Title, Date, Category and the same texts
    as the timeline's entries) and ``folder/pelicanconf.py``."""
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    (folder / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    for i, item in enumerate(items(n, seed)):
        category = ["World", "Europe", "Africa", "Politics", "Security"][i % 5]
        text = (f"Title: {item['title']}\nDate: {item['day'].isoformat()} 10:00\n"
                f"Category: {category}\n\n" + "\n\n".join(item["paragraphs"]) + "\n")
        (content / f"article-{i:05d}.md").write_text(text, encoding="utf-8")
    return content


_DATED = [
    "on {month} {d}", "on {month} {d}, {year}", "last {weekday}", "on {weekday}",
    "{weekday} night", "in {month} {year}", "earlier this month", "two days ago",
    "since {year}", "by the end of {month}", "next week", "at 10 a.m. on {weekday}",
]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def write_articles(n: int, folder: Path, seed: int = 9, timelines: int = 3) -> Path:
    """``folder/content/articles/<timeline>/`` with n news articles for ``timeline
    extract`` (the --jobs and --dask benchmarks and tests): 6 to 16 sentences, about a
    third of them dated ("on March 3", "last Tuesday", "in May 2021"), publication dates
    over two years. Seeded: every run writes the same bytes."""
    rng = random.Random(seed)
    root = folder / "content" / "articles"
    for i in range(n):
        dct = date(2021, 1, 1) + timedelta(days=rng.randrange(730))
        sentences = []
        for _ in range(rng.randint(6, 16)):
            text = _sentence(rng, 8, 22)[:-1]
            if rng.random() < 0.35:
                day = dct - timedelta(days=rng.randrange(40))
                dated = rng.choice(_DATED).format(
                    month=_MONTHS[day.month - 1], d=day.day, year=day.year,
                    weekday=_WEEKDAYS[day.weekday()])
                text = f"{text} {dated}"
            sentences.append(text + ".")
        paragraphs = [" ".join(sentences[j:j + 3]) for j in range(0, len(sentences), 3)]
        title = _sentence(rng, 6, 10)[:-1]
        body = (f"---\ntitle: {json.dumps(title)}\ndate: {dct.isoformat()}\n"
                f"outlet: {rng.choice(_OUTLETS)}\n---\n\n")
        path = root / f"crisis-{i % timelines}" / f"article-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return root


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", choices=["timeline", "pelican", "articles"])
    ap.add_argument("n", type=int)
    ap.add_argument("folder", type=Path)
    args = ap.parse_args(argv)
    write = {"timeline": write_timeline, "pelican": write_pelican, "articles": write_articles}
    write[args.kind](args.n, args.folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
