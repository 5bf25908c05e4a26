"""Temporal normalizer: find temporal expressions and give them TimeML TIMEX3 values.

``annotate(text, dct)`` is the whole public API for the rest of the generator; rules and word
lists live in ``data/*.yaml``.
"""

from __future__ import annotations

from .engine import annotate
from .model import Timex

__all__ = ["Timex", "annotate"]
