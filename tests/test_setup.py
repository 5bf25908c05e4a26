"""`make setup` installs exactly the lock, without pip's warnings about it."""

from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pinned(name: str) -> str:
    lines = (ROOT / "requirements.lock").read_text().splitlines()
    return next(line.split("==", 1)[1] for line in lines if line.startswith(f"{name}=="))


def test_setup_uses_the_locked_pip():
    # pip 23.2 (a fresh venv's) warned "lxml 6.1.3 does not provide the extra 'html_clean'"
    # on every install: jusText asks for lxml[html_clean], lxml names it html-clean.
    assert version("pip") == _pinned("pip")
    assert tuple(int(p) for p in _pinned("pip").split(".")[:2]) >= (23, 3)
    assert version("lxml_html_clean") == _pinned("lxml_html_clean")
