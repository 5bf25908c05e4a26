"""Shared fixtures: the project root and a scratch copy of the demo content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throw-away copy of the project's site inputs (articles, templates, settings)."""
    for name in ("templates", "pelicanconf.py", "publishconf.py"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    shutil.copytree(ROOT / "content" / "articles", tmp_path / "content" / "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def marked(tmp_path: Path) -> Path:
    """``tmp_path`` made a project folder: commands find their project by its pelicanconf.py."""
    (tmp_path / "pelicanconf.py").write_text("")
    return tmp_path
