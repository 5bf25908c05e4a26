"""The CLI's output consoles, with rich loaded on the first message only.

Importing rich's Console, markup and progress bar costs about 25 ms of CPU, a third of what
``python -c "import dateparser"`` takes: ``timeline extract --json`` prints no message, and
a run whose output is not a terminal shows no progress bar, so neither pays for it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any

# rich's own switches that make a console count as a terminal (rich/console.py)
_TERMINAL_VARIABLES = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS")


class LazyConsole:
    """A ``rich.console.Console`` made when first used (``print``, ``is_terminal``...)."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.rich(), name)

    def rich(self) -> Any:
        """The rich Console itself (made now if it was not yet)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def may_be_terminal(self) -> bool:
        """False when rich would surely see no terminal (a file or pipe, none of rich's
        variables set): then no progress bar is drawn and rich need not load to say so."""
        if self._console is not None:
            return True
        stream = sys.stderr if self._options.get("stderr") else sys.stdout
        isatty = getattr(stream, "isatty", None)
        if isatty is not None and isatty():
            return True
        return any(os.environ.get(name) for name in _TERMINAL_VARIABLES)


def escape(text: str) -> str:
    """rich's markup escape (rich loaded only when a message is written)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


class _NoProgress:
    """The part of rich's Progress that ``extract`` uses, doing nothing."""

    def add_task(self, description: str, total: float | None = None) -> int:
        return 0

    def advance(self, task: int, advance: float = 1) -> None:
        return None


def progress(console: LazyConsole) -> contextlib.AbstractContextManager:
    """A progress line on a terminal; nothing at all when output goes to a file or CI log."""
    if not console.may_be_terminal():
        return contextlib.nullcontext(_NoProgress())
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    console=console.rich(), transient=True, disable=not console.is_terminal)
