"""The pipeline: articles -> dated mentions -> events -> merged happenings -> entries.

``extraction`` reads the articles (each through the cache) into events and writes each
timeline's merged entries; ``parallel`` reads them in a process pool (``--jobs``) and
``cluster`` on a dask.distributed cluster (``--dask``), with the same result.
"""

from .extraction import Extraction, extract, timeline_order, write_timelines, written_timelines

__all__ = ["Extraction", "extract", "timeline_order", "write_timelines", "written_timelines"]
