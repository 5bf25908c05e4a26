"""Bad input through the real command line: a clear message naming the file (and line), the
right exit status, no traceback, nothing half-written, and the good files of the same run
processed.

The small cases live in ``tests/bad_inputs/``; binary files, other encodings, the 1 MB line,
links, a pipe and folders are made here, in temporary folders, at test time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "bad_inputs"
GOOD_ARTICLE = (BAD / "good.md").read_text()
ENTRY = (BAD / "entry-good.md").read_text()
UTF8_ARTICLE = "---\ntitle: Café talks\ndate: 2021-11-26\n---\nThe café talks failed on Friday.\n"


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def start(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def no_traceback(result) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stdout + result.stderr


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


# (file name, what to write: bytes, a bad_inputs file name, or a callable(path)),
# the line the message must name (None: no line), and words the message must hold.
ARTICLE_CASES = [
    ("empty.md", "empty.md", None, "empty"),
    ("binary.md", bytes(range(256)) * 8, 1, "binary"),
    ("latin1.md", UTF8_ARTICLE.encode("latin-1"), 2, "not UTF-8"),
    ("cp1252.txt", "Title: Talks\n\nThe \u201ctalks\u201d failed on Friday.\n".encode("cp1252"),
     3, "not UTF-8"),
    ("utf16-no-bom.md", UTF8_ARTICLE.encode("utf-16-le"), 1, "UTF-16"),
    ("malformed-yaml.md", "malformed-yaml.md", 4, "front matter"),
    ("unclosed.md", "unclosed-front-matter.md", 1, "never closed"),
    ("invalid-date.md", "invalid-date.md", 3, "not a date"),
    ("impossible-date.md", "impossible-date.md", 3, "2021-02-30"),
    ("no-date.md", "no-date.md", None, "no publication date"),
    ("list-value.md", "list-value.md", 4, "single value"),
    ("script-url.md", "script-url.md", 4, "not a web address"),
    ("dangling.md", lambda p: p.symlink_to("nowhere.md"), None, "broken link"),
    ("loop.md", lambda p: p.symlink_to("loop.md"), None, "loop"),
    ("fifo.md", lambda p: os.mkfifo(p), None, "not a regular file"),
]


def make(path: Path, what) -> None:
    if callable(what):
        what(path)
    elif isinstance(what, bytes):
        path.write_bytes(what)
    else:
        shutil.copy(BAD / what, path)


def message_for(stderr: str, name: str) -> str:
    lines = [line for line in stderr.splitlines() if f"/{name}:" in line or f"/{name} " in line]
    assert len(lines) == 1, f"{name}: {lines!r}\n{stderr}"
    return lines[0]


def test_extract_reports_every_bad_article_and_reads_the_good_ones(tmp_path, marked):
    folder = tmp_path / "content" / "articles" / "t"
    folder.mkdir(parents=True)
    for name, what, _, _ in ARTICLE_CASES:
        make(folder / name, what)
    (folder / "good.md").write_text(GOOD_ARTICLE)
    (folder / "utf16-bom.md").write_bytes(UTF8_ARTICLE.encode("utf-16"))  # read, not refused
    (folder / "utf8-bom.md").write_bytes(b"\xef\xbb\xbf" + GOOD_ARTICLE.encode().replace(
        b"Border talks", b"Bom talks"))
    # 1 MB on a single line: slow to read, but read.
    words = "the minister said talks would continue while troops moved near the border"
    (folder / "huge.md").write_text(
        "---\ntitle: Long\ndate: 2021-11-26\n---\nOn Thursday " + (words + " ") * 14000)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("../..")  # a folder loop: walked once, not forever
    (folder / "sub" / ".hidden.md").write_text("not an article")

    result = run("extract", "--no-cache", cwd=tmp_path)

    no_traceback(result)
    assert result.returncode == 1
    for name, _, line, words in ARTICLE_CASES:
        message = message_for(result.stderr, name)
        assert (f"/{name}:{line}:" in message) if line else (f"/{name}: " in message), message
        assert words in message, message
    assert f"{len(ARTICLE_CASES)} skipped" in result.stdout
    assert "4 articles read" in result.stdout, result.stdout  # good, both BOMs, huge
    entries = folder.parent.parent / "timeline" / "t"
    names = sorted(p.name for p in entries.iterdir())
    texts = "".join(p.read_text() for p in entries.glob("*.md"))
    assert "The border talks failed" in texts and "the minister said" in texts
    assert "The café talks failed" in texts  # UTF-16 with a BOM is read
    assert not temp_files(tmp_path)
    assert all(".hidden" not in n for n in names)


def test_article_with_a_bad_timeline_name_cannot_leave_its_folder(tmp_path, marked):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "escape.md").write_text(GOOD_ARTICLE.replace(
        "date: 2021-11-26", "date: 2021-11-26\ntimeline: ../../../outside"))
    (folder / "nothing.md").write_text(GOOD_ARTICLE.replace(
        "date: 2021-11-26", "date: 2021-11-26\ntimeline: '../..'"))
    result = run("extract", "--no-cache", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 1
    assert "nothing.md:4:" in result.stderr and "letters or digits" in result.stderr
    assert (tmp_path / "content" / "timeline" / "outside").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "pelicanconf.py"]


def test_same_slug_articles_and_entries_with_the_same_name(tmp_path, marked):
    folder = tmp_path / "content" / "articles" / "t"
    folder.mkdir(parents=True)
    shutil.copy(BAD / "good.md", folder / "a.md")
    shutil.copy(BAD / "same-slug.md", folder / "b.md")
    # Two events whose headlines slug alike, on one day, and a third that ends in "-2".
    (folder / "c.md").write_text("---\ntitle: C\ndate: 2021-11-26\n---\n"
                                 "Talks failed on Friday.\n\nTalks failed on Friday!\n\n"
                                 "Talks failed 2 on Friday.\n")
    result = run("extract", "--no-cache", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    entries = sorted((tmp_path / "content" / "timeline" / "t").glob("*.md"))
    texts = "".join(p.read_text() for p in entries)
    assert "ministers met again" in texts and "border talks failed" in texts
    assert texts.count("Talks failed 2 on Friday") == 1
    # The articles' own slugs collide for `add`. Another day's story of that title goes
    # beside the first; the same day's is refused; neither overwrites the first.
    first = run("add", str(BAD / "good.md"), "--timeline", "t2", cwd=tmp_path)
    second = run("add", str(BAD / "same-slug.md"), "--timeline", "t2", cwd=tmp_path)
    third = run("add", str(BAD / "same-slug.md"), "--timeline", "t2", "--dct", "2021-11-26",
                cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert "border-talks-fail-2021-11-27.md" in second.stdout
    no_traceback(third)
    assert third.returncode == 1
    assert "border-talks-fail.md" in third.stderr and "--force" in third.stderr
    added = tmp_path / "content" / "articles" / "t2" / "border-talks-fail.md"
    assert "Border talks fail\n" in added.read_text()


ADD_CASES = [
    ("binary.md", bytes(range(256)) * 8, "binary"),
    ("latin1.md", UTF8_ARTICLE.encode("latin-1"), "not UTF-8"),
    ("empty.md", "empty.md", "empty"),
    ("malformed-yaml.md", "malformed-yaml.md", "front matter"),
    ("impossible-date.md", "impossible-date.md", "2021-02-30"),
    ("no-date.md", "no-date.md", "no publication date"),
    ("script-url.md", "script-url.md", "not a web address"),
    ("folder.md", lambda p: p.mkdir(), "folder"),
    ("dangling.md", lambda p: p.symlink_to("nowhere.md"), "broken link"),
    ("loop.md", lambda p: p.symlink_to("loop.md"), "loop"),
    ("fifo.md", lambda p: os.mkfifo(p), "not a regular file"),
]


def test_add_refuses_bad_files_clearly_and_writes_nothing(tmp_path):
    sources = tmp_path / "incoming"
    sources.mkdir()
    runs = []
    for name, what, words in ADD_CASES:
        make(sources / name, what)
        project = tmp_path / name.replace(".", "-")
        project.mkdir()
        (project / "pelicanconf.py").write_text("")
        runs.append((name, words, project, start("add", str(sources / name), cwd=project)))
    for name, words, project, process in runs:
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 1, (name, stdout, stderr)
        assert "Traceback" not in stdout + stderr
        assert f"{name}" in stderr and words in stderr, (name, stderr)
        assert list(project.rglob("*")) == [project / "pelicanconf.py"], (name, list(
            project.rglob("*")))


CHECK_CASES = [
    ("2021-11-19-binary.md", bytes(range(256)) * 4, 1, "binary"),
    ("2021-11-19-latin1.md", "Title: Café\nWhen: 2021-11-19\n\nX.\n".encode("latin-1"), 1,
     "not UTF-8"),
    ("2021-11-19-utf16.md", ENTRY.encode("utf-16"), 1, "UTF-16"),
    ("2021-02-30-bad.md", "entry-impossible-date.md", 2, "2021-02-30"),
    ("empty.md", "empty.md", 1, "Title"),
    ("folder.md", lambda p: p.mkdir(), 1, "folder"),
    ("dangling.md", lambda p: p.symlink_to("nowhere.md"), 1, "broken link"),
    ("loop.md", lambda p: p.symlink_to("loop.md"), 1, "loop"),
    ("2021-11-19-copy.md", "entry-good.md", 1, "duplicate of 2021-11-19-a.md"),
    ("2021-11-19-ctl.md", ENTRY.replace("Title: Talks", "Title: Talks\x1b[31m").encode(), 1,
     "control character U+001B"),
]


def timeline_with_bad_entries(project: Path) -> Path:
    folder = project / "content" / "timeline" / "t"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(BAD / "entry-good.md", folder / "2021-11-19-a.md")
    for name, what, _, _ in CHECK_CASES:
        make(folder / name, what)
    # A killed run's temp file and an editor's hidden backup: never read as entries.
    (folder / ".2021-11-19-a.md.x1y2z3.tmp").write_bytes(b"\0garbage")
    return folder


def test_check_names_file_and_line_for_every_bad_entry(tmp_path, marked):
    timeline_with_bad_entries(tmp_path)
    result = run("check", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 1
    for name, _, line, words in CHECK_CASES:
        found = [x for x in result.stdout.splitlines() if f"/{name}:{line}:" in x and words in x]
        assert found, (name, result.stdout)
    assert ".tmp" not in result.stdout
    assert "2021-11-19-a.md:" not in result.stdout


def test_build_with_bad_entries_fails_clearly_and_keeps_the_old_site(project):
    folder = project / "content" / "timeline" / "t"
    folder.mkdir(parents=True)
    shutil.copy(BAD / "entry-good.md", folder / "2021-11-19-a.md")
    (folder / ".2021-11-19-a.md.x1y2z3.tmp").write_bytes(b"\0garbage")
    first = run("build", cwd=project)
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(project / "output"): p.read_bytes()
              for p in (project / "output").rglob("*") if p.is_file()}
    timeline_with_bad_entries(project)
    (folder / "2021-11-19-copy.md").unlink()  # a duplicate is for `check`, not an error
    result = run("build", cwd=project)
    no_traceback(result)
    assert result.returncode == 1
    unreadable = [c for c in CHECK_CASES if c[0] not in ("2021-02-30-bad.md", "empty.md",
                                                         "2021-11-19-copy.md",
                                                         "2021-11-19-ctl.md")]
    for name, *_ in unreadable:
        assert f"/{name}" in result.stderr, (name, result.stderr)
    after = {p.relative_to(project / "output"): p.read_bytes()
             for p in (project / "output").rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in project.iterdir() if p.name.startswith(".output")]
    # The unreadable files gone, the plugin's own checks name file and line.
    for name, *_ in unreadable:
        path = folder / name
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    result = run("build", cwd=project)
    no_traceback(result)
    assert result.returncode == 1
    assert "2021-02-30-bad.md:2:" in result.stderr and "empty.md:1:" in result.stderr


def test_build_with_a_missing_settings_file_or_a_file_as_output(tmp_path):
    missing = run("build", "--settings", "nowhere.py", cwd=tmp_path)
    no_traceback(missing)
    assert missing.returncode == 1 and "nowhere.py: no such settings file" in missing.stderr


def test_unexpected_error_is_one_line_and_exit_2_traceback_only_when_asked(tmp_path):
    code = ("import generator.cli as cli\n"
            "def broken():\n    raise KeyError('the bug')\n"
            "cli.app = broken\ncli.main()\n")
    quiet = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, text=True,
                           capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert quiet.returncode == 2
    assert "Traceback" not in quiet.stderr
    assert len(quiet.stderr.strip().splitlines()) == 1
    assert "internal error" in quiet.stderr and "the bug" in quiet.stderr
    loud = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, text=True,
                          capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "TIMELINE_DEBUG": "1"})
    assert loud.returncode == 2 and "Traceback" in loud.stderr


@pytest.mark.parametrize("name", ["[bold red]x.md", "bell\x07\x1b[2J.md"])
def test_file_names_are_printed_as_they_are_not_as_markup_or_terminal_codes(tmp_path, marked, name):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / name).write_text("---\ntitle: T\n---\nNo date.\n")
    result = run("extract", "--no-cache", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "[bold red]x.md" in result.stderr or "bell\\x07\\x1b[2J.md" in result.stderr


def test_control_characters_in_an_entry_keep_the_feed_valid_xml(project):
    from xml.etree import ElementTree

    from generator.site.build import build_site

    folder = project / "content" / "timeline" / "t"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("Title: Talks\x1b[31m fail\nWhen: 2021-11-18\n\nText\x0b.\n")
    assert build_site(project / "pelicanconf.py", project / "content", project / "output") == []
    ElementTree.parse(project / "output" / "timeline" / "t" / "feed.atom")
