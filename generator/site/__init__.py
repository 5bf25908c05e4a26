"""Pelican plugin: timelines as first-class Pelican content.

Enable it with ``PLUGINS = ["generator.site"]``. It registers ``TimelineGenerator`` through
Pelican's ``get_generators`` signal; entries are read with Pelican's own readers, so Markdown
extensions and metadata behave as Pelican users expect.
"""

from __future__ import annotations

from pelican import signals

from .generator import TimelineGenerator
from .settings import DEFAULTS


def _defaults(pelican) -> None:
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def _generators(pelican):
    return TimelineGenerator


def register() -> None:
    signals.initialized.connect(_defaults)
    signals.get_generators.connect(_generators)
