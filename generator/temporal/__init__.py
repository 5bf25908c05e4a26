"""Temporal normalizer: find temporal expressions and give them TimeML TIMEX3 values.

``annotate(text, dct)`` is the whole public API for the rest of the generator; rules and word
lists live in ``data/*.yaml``.

The engine is imported on first use (PEP 562): the site build needs only ``values`` (TIMEX3
value arithmetic) and should not pay for compiling the recognizer's patterns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import annotate
    from .model import Timex

__all__ = ["Timex", "annotate"]


def __getattr__(name: str) -> Any:
    if name == "annotate":
        from .engine import annotate

        return annotate
    if name == "Timex":
        from .model import Timex

        return Timex
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
