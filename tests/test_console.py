"""generator/console.py: rich loads only when a message is written or a bar can be shown."""

from __future__ import annotations

import json
import subprocess
import sys

from generator.console import LazyConsole, progress


def test_extract_json_to_a_pipe_loads_neither_rich_nor_http_server(tmp_path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2024-03-05\n---\n\nThe storm hit the coast on March 3, 2024.\n")
    code = ("import sys; sys.argv = ['timeline', 'extract', '--json', sys.argv[1]]\n"
            "from generator.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'http'}), "
            "file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert [e["value"] for e in json.loads(done.stdout)] == ["2024-03-03"]
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_an_error_message_is_still_written_through_rich(tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Talks failed on Friday.</p></body></html>")
    done = subprocess.run([sys.executable, "-m", "generator", "extract", str(page), "--json"],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("error ") and "timeline add" in done.stderr


def test_no_terminal_no_bar_and_no_rich(monkeypatch, capsys) -> None:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    console = LazyConsole(stderr=True)
    assert not console.may_be_terminal()  # pytest's captured stderr is no terminal
    with progress(console) as bar:
        bar.advance(bar.add_task("reading articles", total=None))
    assert console._console is None
    assert capsys.readouterr().err == ""


def test_a_forced_terminal_gets_rich_and_its_bar(monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    console = LazyConsole(stderr=True)
    assert console.may_be_terminal()
    with progress(console) as bar:
        assert type(bar).__module__ == "rich.progress"
    assert console.is_terminal  # rich's own answer, FORCE_COLOR honoured
