"""Publishing: the Pages workflow passes actionlint, ghp-import pushes to a bare repository,
and two builds of the same entries are byte-identical."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_site import ALL, build, write_entries
from typer.testing import CliRunner

from generator.cli import app

ROOT = Path(__file__).resolve().parents[2]
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@localhost",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@localhost",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def test_pages_workflow_passes_actionlint():
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which(
        "actionlint")
    assert actionlint, "actionlint is missing from the virtual environment"
    workflow = ROOT / ".github" / "workflows" / "pages.yml"
    result = subprocess.run([actionlint, "-no-color", str(workflow)], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    text = workflow.read_text()
    for step in ("make site", "actions/upload-pages-artifact", "actions/deploy-pages",
                 "publishconf.py"):
        assert step in text


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout


def test_publish_pushes_the_site_to_gh_pages_of_a_bare_repository(project, monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    bare = project / "remote.git"
    git("init", "--bare", "-q", str(bare), cwd=project)
    git("init", "-q", cwd=project)
    git("remote", "add", "origin", str(bare), cwd=project)
    write_entries(project, ALL)
    build(project)
    runner = CliRunner()
    result = runner.invoke(app, ["publish", "--cname", "timeline.example.org"])
    assert result.exit_code == 0, result.output
    files = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split())
    assert {".nojekyll", "CNAME", "index.html", "timeline/demo/index.html",
            "timeline/demo/feed.atom", "timeline/demo/embed.html"} <= files
    assert git("show", "gh-pages:CNAME", cwd=bare).strip() == "timeline.example.org"
    # Publishing again adds a commit on top (history kept), with the same tree.
    assert runner.invoke(app, ["publish", "--branch", "gh-pages"]).exit_code == 0
    assert git("rev-list", "--count", "gh-pages", cwd=bare).strip() == "2"
    assert "CNAME" not in git("ls-tree", "--name-only", "gh-pages", cwd=bare).split()


def test_publish_refuses_a_missing_site(project):
    result = CliRunner().invoke(app, ["publish", "--output", str(project / "nothing")])
    assert result.exit_code == 1
    assert "build the site first" in result.output


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_two_builds_are_byte_identical(project, monkeypatch, settings):
    monkeypatch.setenv("SITEURL", "https://newsroom.github.io/crisis")
    write_entries(project, ALL)
    first = build(project, settings, "one")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # nothing takes the time from it
    second = build(project, settings, "two")
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert len(names) == 12  # home page, favicon + 10 files of the timeline
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    atom = (first / "timeline" / "demo" / "feed.atom").read_text()
    assert "<updated>2021-11-27T00:00:00Z</updated>" in atom
