"""User-facing errors: each names the file (and line) so an editor can fix the input."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input that the user must fix; printed as ``file:line: message``, never a traceback."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        # A URL as given: Path() would fold its "//" ("https:/www.example.org/...").
        shown = path if isinstance(path, str) else str(path)
        where = f"{shown}:{line}" if line else shown
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        """Picklable with its fields (the default passes only the text to ``__init__``): a
        worker process or cluster node reports its errors back through pickle."""
        return type(self), (self.path, self.message, self.line)
