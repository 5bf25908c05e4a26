"""The pipeline: articles -> dated mentions -> events -> merged happenings -> entries.

``extraction`` reads the articles (each through the cache) into events and ``writing``
merges and writes each timeline's entries; ``parallel`` reads them in a process pool
(``--jobs``) and ``cluster`` on a dask.distributed cluster (``--dask``), with the same
result. ``writing`` is imported on first use (PEP 562): ``extract --json`` writes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .extraction import Extraction, extract, timeline_order

if TYPE_CHECKING:
    from .writing import write_timelines, written_timelines

__all__ = ["Extraction", "extract", "timeline_order", "write_timelines", "written_timelines"]


def __getattr__(name: str) -> Any:
    if name in ("write_timelines", "written_timelines"):
        from . import writing

        return getattr(writing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
