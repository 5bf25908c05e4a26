"""Discourse passes: fixes that need more than one expression, run after every rule (see
``PASSES`` for their names and order). Importing the package registers them."""

from . import merges, relations, spans
from .registry import PASSES, Registry, run_passes

__all__ = ["PASSES", "Registry", "merges", "relations", "run_passes", "spans"]
