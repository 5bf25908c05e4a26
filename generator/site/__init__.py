"""Pelican plugin: timelines as first-class Pelican content.

Enable it with ``PLUGINS = ["generator.site"]``. It registers ``TimelineGenerator`` through
Pelican's ``get_generators`` signal; entries are read with Pelican's own readers, so Markdown
extensions and metadata behave as Pelican users expect.
"""

from __future__ import annotations

import hashlib
import platform
from pathlib import Path

# Pelican, Jinja and the generator are imported by the functions that use them: the CLI
# imports generator.site.commands, and `extract`, `check` or `add` should not load Pelican.


def _defaults(pelican) -> None:
    from .settings import DEFAULTS

    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def _bytecode_cache(generator) -> None:
    """Compiled templates kept in CACHE_PATH (with the entry cache on): compiling the
    templates is a good part of a rebuild that renders a page or two. Jinja checks each
    template's source against its compiled copy; the folder's name holds what else
    compiling depends on (the Jinja and Python versions, the JINJA_ENVIRONMENT options)."""
    import jinja2
    from jinja2 import FileSystemBytecodeCache

    settings = generator.settings
    if not settings.get("TIMELINE_CACHE") or generator.env.bytecode_cache is not None:
        return
    options = repr((jinja2.__version__, platform.python_implementation(),
                    platform.python_version(), settings.get("JINJA_ENVIRONMENT")))
    if " at 0x" in options:
        return
    folder = Path(settings["CACHE_PATH"]) / (
        "jinja-" + hashlib.sha256(options.encode("utf-8")).hexdigest()[:16])
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def _generators(pelican):
    from .generator import TimelineGenerator

    return TimelineGenerator


def register() -> None:
    from pelican import signals

    signals.initialized.connect(_defaults)
    signals.get_generators.connect(_generators)
    signals.generator_init.connect(_bytecode_cache)
