"""Atomic file writes: a reader never sees a half-written file, even after a crash.

The temp file lives in the target's folder (a rename is only atomic within one file
system), is named ``.<name>.<random>.tmp`` (hidden, and no ``.md``: neither Pelican nor
``timeline check`` reads it as an entry), is fsynced before the rename and the folder
after it. A process killed mid-write leaves at most such a temp file behind, which the
next run in that folder removes (``remove_stale_temp_files``).
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"
# A temp file older than this was left by a killed run, not one still writing.
STALE_AFTER_SECONDS = 60.0


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temp file in the same folder, fsync, then rename."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see the module's docstring)."""
    import tempfile  # here: a command that writes nothing does not load it

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), _mode_for(path))
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def is_temp_file(name: str) -> bool:
    """True for the names ``write_text`` uses for its temp files."""
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def remove_stale_temp_files(folder: Path, older_than: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Remove the temp files killed runs left in ``folder``; return them."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not is_temp_file(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced, else what ``open`` would give (0666 - umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (a no-op where folders cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
