"""Building the site with Pelican: errors collected and reported cleanly, output swapped in whole.

Pelican writes into a fresh temporary folder beside ``output``; only a build without errors
replaces the old site, so a failed build never leaves a half-written site behind.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings


class _Collector(logging.Handler):
    """Keeps every warning and error Pelican or the plugin logs, for the summary."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_site(settings_file: Path, content: Path, output: Path) -> list[str]:
    """Build the site; return the error messages (empty when the new site is in place)."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        settings = read_settings(
            str(settings_file),
            override={"PATH": str(content.resolve()), "OUTPUT_PATH": str(staging)},
        )
        Pelican(settings).run()
    except Exception as exc:  # Pelican raises many kinds; every one is a failed build
        collector.records.append(
            logging.LogRecord("build", logging.ERROR, "", 0, f"build failed: {exc}", None, None)
        )
    finally:
        root.removeHandler(collector)
    errors = [r.getMessage() for r in collector.records if r.levelno >= logging.ERROR]
    if errors:
        shutil.rmtree(staging, ignore_errors=True)
        return errors
    _swap_in(staging, output)
    return []


def _swap_in(staging: Path, output: Path) -> None:
    """Replace ``output`` by ``staging`` with two renames; the old site is removed after."""
    staging.chmod(0o755)
    old = None
    if output.exists():
        old = output.with_name(f".{output.name}.old-{os.getpid()}")
        output.rename(old)
    staging.rename(output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
