"""Site commands of the ``timeline`` CLI (serve, publish, newsletter): registered by ``cli``."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the site commands to ``app``."""
