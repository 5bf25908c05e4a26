"""Crash safety: ``extract`` and ``build`` killed (SIGKILL) at random moments lose nothing.

After each kill every entry file is a complete version (the one before the run or the one
the run was writing), never a part; the only leftovers are hidden ``.…tmp`` files that
neither ``check`` nor Pelican read; the next run completes. ``output/`` is always the old
site or the new one, whole. Seeded; under 10 seconds each.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.site.build import build_site
from generator.timeline.check import check_folder

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
# Kills per test: a count, not a time budget, so that a loaded machine (slower runs) still
# kills as often and the test does not fail for being slow. A run that ended before its kill
# does not count: the next runs are killed sooner (the machine's pace changed since the
# writing span was measured), up to ATTEMPTS runs.
KILLS = 4
ATTEMPTS = 12


def articles(version: int) -> dict[str, str]:
    """Two versions of a small article set: entries added, changed and dropped between them."""
    out = {}
    for a in range(3):
        lines = []
        for i in range(24):
            if (i + version) % 5 == 0:
                continue  # in one version only
            day = 1 + (i * 7 + a) % 27
            said = "officials said" if (i + version) % 3 else "the ministry confirmed"
            lines.append(f"On {MONTHS[i % 12]} {day}, 2021, talks number {a}-{i} failed, "
                         f"{said}.")
        out[f"a{a}.md"] = (f"---\ntitle: Talks {a}\ndate: 2021-12-20\noutlet: AFP\n---\n"
                           + "\n\n".join(lines) + "\n")
    return out


def put_articles(project: Path, version: int) -> None:
    folder = project / "content" / "articles" / "t"
    folder.mkdir(parents=True, exist_ok=True)
    (project / "pelicanconf.py").touch()  # what makes it a project folder
    for name, text in articles(version).items():
        (folder / name).write_text(text)


def start(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def finish(project: Path, *args: str) -> float:
    began = time.monotonic()
    process = start(project, *args)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    return time.monotonic() - began


def entries(project: Path) -> dict[str, bytes]:
    folder = project / "content" / "timeline" / "t"
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def kill_at(process: subprocess.Popen, delay: float) -> bool:
    """Kill ``process`` after ``delay`` seconds; True when it was still running then."""
    time.sleep(delay)
    running = process.poll() is None
    if running:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return running


def killed_runs(span: float, seed: int, put: Callable[[int], None],
                run: Callable[[], subprocess.Popen], folder: Path) -> Iterator[tuple[int, bool]]:
    """Put version 1, 0, 1, ... of the inputs, start ``run()`` and kill it at a random moment
    of its ``span`` after its first write in ``folder``; after each run yield its version and
    whether it was killed while it still ran, until ``KILLS`` were or ``ATTEMPTS`` runs. A
    run that ended first makes the next kills come sooner (the machine's pace changed)."""
    rng = random.Random(seed)
    kills = 0
    version = 0
    for _ in range(ATTEMPTS):
        if kills >= KILLS:
            return
        version = 1 - version
        put(version)
        process = run()
        first_write(process, folder)
        killed = kill_at(process, rng.uniform(0, 1.1) * span)
        kills += killed
        span = span if killed else span / 2
        yield version, killed


def first_write(process: subprocess.Popen, folder: Path) -> float:
    """Wait until the process changes ``folder`` (its first file created); return when."""
    before = folder.stat().st_mtime_ns
    while process.poll() is None and folder.stat().st_mtime_ns == before:
        time.sleep(0.001)
    return time.monotonic()


def writing_time(project: Path, folder: Path, *args: str) -> float:
    """How long a complete run spends from its first write to its end."""
    process = start(project, *args)
    began = first_write(process, folder)
    process.communicate(timeout=120)
    assert process.returncode == 0
    return time.monotonic() - began


def test_killed_extract_leaves_every_entry_whole(tmp_path):
    versions = {}
    for version in (0, 1):
        scratch = tmp_path / f"v{version}"
        put_articles(scratch, version)
        finish(scratch, "extract", "--no-cache")
        versions[version] = entries(scratch)
    assert versions[0].keys() != versions[1].keys()  # adds and removals
    assert any(versions[0][n] != versions[1][n] for n in versions[0].keys() & versions[1].keys())

    project = tmp_path / "project"
    put_articles(project, 0)
    finish(project, "extract", "--no-cache")
    folder = project / "content" / "timeline" / "t"
    put_articles(project, 1)
    span = writing_time(project, folder, "extract", "--no-cache")
    kills = mixed = 0
    # Killed at a random moment while it writes the entries (before: nothing to see).
    last = 0  # the version put last: what the next complete run must give
    for version, killed in killed_runs(span, 8, lambda v: put_articles(project, v),
                                       lambda: start(project, "extract", "--no-cache"), folder):
        kills += killed
        last = version
        now = entries(project)
        mixed += now not in (versions[0], versions[1])
        for path in folder.iterdir():
            if path.name.startswith("."):
                assert path.name in (".generated",) or path.name.endswith(".tmp"), path.name
                continue
            allowed = {versions[v].get(path.name) for v in (0, 1)} - {None}
            assert path.read_bytes() in allowed, f"{path.name} is not a complete version"
    assert kills >= KILLS  # runs killed while they wrote, not after
    print(f"extract killed {kills} times, {mixed} mid-write")
    # Leftover temp files are not entries for `check` or Pelican.
    folder = project / "content" / "timeline" / "t"
    (folder / ".2021-01-01-x.md.abc123.tmp").write_text("Title: half\nWhen: 20")
    assert not [p for p in check_folder(project / "content" / "timeline") if ".tmp" in str(p)]
    # The next run completes: exactly what an uninterrupted run of these articles gives.
    finish(project, "extract", "--no-cache")
    assert entries(project) == versions[last]


def site(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in output.rglob("*") if p.is_file()}


def test_killed_build_leaves_the_old_site_or_the_new_one(tmp_path):
    for name in ("templates", "pelicanconf.py"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    folder = tmp_path / "content" / "timeline" / "t"
    folder.mkdir(parents=True)

    def put_entries(version: int) -> None:
        for path in folder.glob("*.md"):
            path.unlink()
        for i in range(40):
            (folder / f"2021-01-{1 + i % 28:02d}-e{i}.md").write_text(
                f"Title: Entry {i} v{version}\nWhen: 2021-01-{1 + i % 28:02d}\n"
                f"Source: 2021-02-01 | AFP | https://example.org/{i} | articles/a.md#p1 | A\n\n"
                f"Text {i}, version {version}.\n")

    sites = {}
    for version in (0, 1):
        put_entries(version)
        out = tmp_path / f"site{version}"
        assert build_site(tmp_path / "pelicanconf.py", tmp_path / "content", out) == []
        sites[version] = site(out)
    assert sites[0] != sites[1]
    output = tmp_path / "output"
    put_entries(0)
    finish(tmp_path, "build")
    assert site(output) == sites[0]
    put_entries(1)
    span = writing_time(tmp_path, tmp_path, "build")  # from the staging folder to the end
    kills = stale = 0
    last = 0  # the version put last: what the next complete build must give
    for version, killed in killed_runs(span, 9, put_entries, lambda: start(tmp_path, "build"),
                                       tmp_path):
        kills += killed
        last = version
        now = site(output)
        assert now in (sites[0], sites[1]), "output/ is neither the old site nor the new one"
        stale += any(p.name.startswith(".output.") for p in tmp_path.iterdir())
    assert kills >= KILLS  # runs killed while they wrote, not after
    print(f"build killed {kills} times, {stale} mid-build")
    finish(tmp_path, "build")
    assert site(output) == sites[last]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")]
