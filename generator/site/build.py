"""Building the site with Pelican: errors collected and reported cleanly, output swapped in whole.

Pelican writes into a fresh temporary folder beside ``output``; only a build without errors
replaces the old site, so a failed build never leaves a half-written site behind, and a build
killed at any moment leaves ``output`` as the old site or the new one (see ``_swap_in``).
"""

from __future__ import annotations

import contextlib
import ctypes
import glob
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from .. import atomic


class _Collector(logging.Handler):
    """Keeps every warning and error Pelican or the plugin logs, for the summary."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_site(settings_file: Path, content: Path, output: Path,
               warnings: list[str] | None = None) -> list[str]:
    """Build the site; return the error messages (empty when the new site is in place).

    The build's warnings ("newsletter links are relative") go to ``warnings`` when given:
    the command prints them, as it prints the errors."""
    try:
        output = output.resolve()  # a linked output folder: the site goes where it points
        output.parent.mkdir(parents=True, exist_ok=True)
        _recover(output)
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.build-{os.getpid()}-",
                                        dir=output.parent))
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop
        return [f"{output}: cannot prepare the build: {getattr(exc, 'strerror', None) or exc}"]
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        settings = read_settings(
            str(settings_file),
            # The live site, from which unchanged pages are copied (generator/site/reuse.py).
            override={"PATH": str(content.resolve()), "OUTPUT_PATH": str(staging),
                      "TIMELINE_PREVIOUS_OUTPUT": str(output)},
        )
        with _without_pelican_summary():
            Pelican(settings).run()
    except Exception as exc:  # Pelican raises many kinds; every one is a failed build
        message = " ".join(f"{exc}".split()) or type(exc).__name__
        collector.records.append(
            logging.LogRecord("build", logging.ERROR, "", 0, f"build failed: {message}", None,
                              None)
        )
    finally:
        root.removeHandler(collector)
    errors = [r.getMessage() for r in collector.records if r.levelno >= logging.ERROR]
    if warnings is not None:
        warnings.extend(r.getMessage() for r in collector.records if r.levelno < logging.ERROR)
    if not errors:
        try:
            _swap_in(staging, output)
        except OSError as exc:
            errors = [f"{output}: cannot put the new site in place: {exc.strerror or exc}"]
    if errors:
        shutil.rmtree(staging, ignore_errors=True)
    return errors


@contextlib.contextmanager
def _without_pelican_summary():
    """Pelican ends with "Done: Processed 0 articles, 0 drafts, ..." on its console: our
    entries are not its articles, so the line only confuses; ``timeline build`` says what it
    built. Pelican has no setting for it, hence the filter on its console's print."""
    from pelican import log as pelican_log

    console = pelican_log.console
    original = console.print

    def quiet(*objects, **kwargs):
        if objects and isinstance(objects[0], str) and objects[0].startswith("Done: Processed"):
            return
        original(*objects, **kwargs)

    console.print = quiet
    try:
        yield
    finally:
        console.print = original


def _swap_in(staging: Path, output: Path) -> None:
    """Put ``staging`` in the place of ``output``; then remove the old site.

    On Linux the two folders trade places in one atomic step (``renameat2`` with
    ``RENAME_EXCHANGE``): whoever looks, at any moment, sees the old site or the new one.
    Elsewhere it is two renames, and a build killed between them leaves the old site as
    ``.<output>.old-<pid>``, which the next build puts back (``_recover``).
    """
    staging.chmod(0o755)
    if output.is_dir() and not output.is_symlink() and _exchange(staging, output):
        atomic.fsync_folder(output.parent)
        shutil.rmtree(staging, ignore_errors=True)  # it holds the old site now
        return
    old = None
    if output.exists() or output.is_symlink():
        old = output.with_name(f".{output.name}.old-{os.getpid()}")
        output.rename(old)
    staging.rename(output)
    atomic.fsync_folder(output.parent)
    if old is not None:
        _remove(old)


def _recover(output: Path) -> None:
    """Clean up after builds that were killed: their staging folders and the old site."""
    prefix = f".{output.name}."
    for path in sorted(output.parent.glob(f"{glob.escape(prefix)}*")):
        rest = path.name[len(prefix):]
        kind, _, tail = rest.partition("-")
        pid = tail.split("-", 1)[0]
        if kind not in ("build", "old") or not pid.isdigit() or _alive(int(pid)):
            continue
        if kind == "old" and not (output.exists() or output.is_symlink()):
            path.rename(output)  # killed between the two renames: the old site comes back
        else:
            _remove(path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2``); False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    done = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                     _RENAME_EXCHANGE)
    return done == 0


