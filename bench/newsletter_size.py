"""Size of a 100-entry newsletter (Gmail clips messages over 102 KB).

    .venv/bin/python bench/newsletter_size.py [--entries 100] [--siteurl URL]

Builds a throw-away site (publishconf.py, absolute SITEURL) from entries shaped like the
extractor's (a ~100-character headline cut from a ~230-character sentence, one source with a
text-fragment link, every fifth entry flagged) and prints the newsletter's sizes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 102 * 1024

SENTENCE = (
    "Foreign ministers of the member states met in Brussels on {day} to discuss new sanctions "
    "against officials accused of organising the crisis, after weeks of talks that ended "
    "without an agreement on energy ({n})."
)


def make_entries(folder: Path, count: int) -> None:
    """Write ``count`` entries shaped like the extractor's into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_timeline.md").write_text("Title: Sanctions crisis 2021\n\nEvery step, in order.\n")
    first = date(2021, 1, 4)
    for n in range(count):
        day = first + timedelta(days=3 * n)
        text = SENTENCE.format(day=day.strftime("%B %d").replace(" 0", " "), n=n)
        title = text[:96].rsplit(" ", 1)[0] + "…"
        published = day + timedelta(days=2)
        link = (
            f"https://www.example-news.org/world/{published:%Y/%m/%d}/sanctions-talks-{n}"
            "#:~:text=Foreign%20ministers%20of%20the,agreement%20on%20energy."
        )
        flags = "Flags: reported\n" if n % 5 == 0 else ""
        (folder / f"{day.isoformat()}-ministers-meet-{n}.md").write_text(
            f"Title: {title}\nWhen: {day.isoformat()}\nPrecision: day\n{flags}"
            f"Source: {published.isoformat()} | Example News Agency | {link} | "
            f"articles/sanctions/talks-{n}.md#p{n % 30} | Sanctions talks end without a deal\n"
            f"\n{text}\n",
            encoding="utf-8",
        )


def newsletter_sizes(count: int, siteurl: str) -> dict[str, int]:
    from generator.site.build import build_site

    work = Path(tempfile.mkdtemp(prefix="newsletter-size-"))
    old = os.getcwd()
    try:
        shutil.copytree(ROOT / "templates", work / "templates")
        for name in ("pelicanconf.py", "publishconf.py"):
            shutil.copy(ROOT / name, work / name)
        make_entries(work / "content" / "timeline" / "sanctions", count)
        (work / "pelicanconf.py").write_text(
            (work / "pelicanconf.py").read_text() + f"\nTIMELINE_NEWSLETTER_ENTRIES = {count}\n")
        os.chdir(work)
        os.environ["SITEURL"] = siteurl
        errors = build_site(work / "publishconf.py", work / "content", work / "output")
        if errors:
            raise SystemExit("\n".join(errors))
        folder = work / "output" / "timeline" / "sanctions"
        return {p.name: p.stat().st_size for p in sorted(folder.glob("newsletter.*"))}
    finally:
        os.chdir(old)
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100)
    parser.add_argument("--siteurl", default="https://newsroom.github.io/crisis-timeline")
    args = parser.parse_args()
    sizes = newsletter_sizes(args.entries, args.siteurl)
    for name, size in sizes.items():
        print(f"{name}: {size} bytes ({size / 1024:.1f} KB)")
    html = sizes["newsletter.html"]
    verdict = "under" if html < LIMIT else "OVER"
    print(f"{args.entries} entries: newsletter.html {verdict} the 102 KB limit "
          f"({html / args.entries:.0f} bytes an entry)")


if __name__ == "__main__":
    main()
