"""``timeline extract --dask local|tcp://ADDRESS``: articles read on a dask.distributed cluster.

The articles are cut into shards (one dask task, one partition, per shard of a few dozen
articles) and mapped to events on the workers; what travels back is events, never article
text (a news article's events pickle to a few percent of its size). The client then merges
and writes the timelines exactly as a local run does, and the entries are the same bytes.

How it scales. No step holds all articles: each worker reads only its shard's files, and
the client never reads an article. The client holds the events, not the articles, and
gathers them shard by shard as they finish. The merge is per timeline (a story never spans
two timelines: ``merge_events`` is called once per timeline and needs only that timeline's
events, in timeline order); within a timeline it compares reports in blocks of nearby days
and then joins neighbouring days, but its word weights are counted over the whole timeline,
which is why it is not cut up by day as well (that would change which reports are one
story). So the memory the merge needs is one timeline's events (about 1 KB each: a million
reports of one crisis is about a gigabyte), and the writing is one timeline's entries.

Workers must run the same version of this package (``pip install`` it there) and see the
articles and, if the cache is on, the cache folder, at the same absolute paths (a shared
file system); the paths sent are absolute for that reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from .extraction import ArticleOutcome, ArticleTask, read_task

# Shards of at most this many articles: large enough that a task's overhead (a few ms) is
# small against reading its articles, small enough that every worker stays busy at the end.
MAX_SHARD = 32


def read_shard(shard: list[ArticleTask]) -> list[ArticleOutcome]:
    """On a worker: one shard of articles to their outcomes, in order."""
    return [read_task(task) for task in shard]


def shards(tasks: list[ArticleTask], workers: int) -> list[list[ArticleTask]]:
    """Consecutive shards, about four per worker, none above ``MAX_SHARD`` articles."""
    size = max(1, min(MAX_SHARD, -(-len(tasks) // max(1, workers * 4))))
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


def read_on_cluster(tasks: list[ArticleTask], address: str,
                    on_article: Callable[[Path], None] | None = None) -> list[ArticleOutcome]:
    """``read_task`` over ``tasks`` on the cluster at ``address`` ("local": one started on
    this machine, a process per core), outcomes in the tasks' order."""
    if not tasks:
        return []
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - dask is a dependency of the package
        raise InputError(Path(address), f"--dask needs dask.distributed ({exc})") from None
    from .parallel import default_jobs

    cluster = None
    if address == "local":
        import dask

        from .parallel import frozen_for_fork, warm_up

        # Workers forked from this process, which has the engine loaded: each would
        # otherwise start a Python, import dask and the engine, and build the lexicon
        # (frozen first, as for the process pool).
        warm_up()
        dask.config.set({"distributed.worker.multiprocessing-method": "fork"})
        with frozen_for_fork():
            cluster = LocalCluster(n_workers=default_jobs(), threads_per_worker=1,
                                   processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
    try:
        try:
            client = Client(cluster if cluster is not None else address, timeout="20s")
        except OSError as exc:
            raise InputError(Path(address), f"no dask scheduler reachable there ({exc})") \
                from None
        with client:
            sent = [replace(t, path=t.path.absolute(), articles_root=t.articles_root.absolute(),
                            cache_folder=t.cache_folder.absolute() if t.cache_folder else None)
                    for t in tasks]
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            parts = shards(sent, workers)
            futures = client.map(read_shard, parts, pure=False)
            index = {future.key: i for i, future in enumerate(futures)}
            done: list[list[ArticleOutcome] | None] = [None] * len(parts)
            start = 0
            offsets = []
            for part in parts:
                offsets.append(start)
                start += len(part)
            for future in as_completed(futures):
                i = index[future.key]
                done[i] = future.result()
                future.release()
                if on_article is not None:
                    for task in tasks[offsets[i]:offsets[i] + len(parts[i])]:
                        on_article(task.path)
    finally:
        if cluster is not None:
            cluster.close()
    outcomes: list[ArticleOutcome] = []
    for i, part in enumerate(done):
        for j, outcome in enumerate(part or []):
            outcomes.append(_as_local(outcome, tasks[offsets[i] + j]))
    return outcomes


def _as_local(outcome: ArticleOutcome, task: ArticleTask) -> ArticleOutcome:
    """The outcome with the path as given (an error names the file as a local run does)."""
    error = outcome.error
    if error is not None and error.path == task.path.absolute():
        error = InputError(task.path, error.message, error.line)
    return replace(outcome, path=task.path, error=error)
