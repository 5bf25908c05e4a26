"""``timeline extract --jobs N``: articles read in N processes, the result as with one.

Each article is read on its own (its events depend on nothing but its bytes, its place and
the publication date given), so articles are handed out in order and their outcomes taken
back in that order (``imap``): the events, errors and cache entries are those one process
would have produced, and ``extract`` sorts them as before.

A worker must not pay the start-up again (imports, the lexicon, the rule data): on Linux
the pool is forked after the first article was read in this process, which loaded
everything; where there is no fork, each worker's initializer reads a one-line article.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from .extraction import ArticleOutcome, ArticleTask, read_task


def default_jobs() -> int:
    """The cores this process may use (``--jobs`` default)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def warm_up() -> None:
    """Load what reading an article needs, so that forked workers inherit it loaded."""
    from datetime import date

    from ..events.extract import extract_events
    from ..sources.articles import read_article

    article = read_article(Path("warm-up.md"), dct=date(2021, 11, 26),
                           raw=b"Floods hit the coast on Nov. 18, 2021.\n")
    extract_events(article, "warm-up.md")


@contextlib.contextmanager
def frozen_for_fork() -> Iterator[None]:
    """What this process loaded, kept out of the collector's sight while workers are forked
    (as the gc module's documentation advises): a collection in a worker would otherwise
    write to every inherited object and copy the pages that hold them (5% of -j 2 here)."""
    import gc

    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def read_in_pool(tasks: list[ArticleTask], jobs: int,
                 on_article: Callable[[Path], None] | None = None) -> list[ArticleOutcome]:
    """``read_task`` over ``tasks`` in ``jobs`` processes, outcomes in the tasks' order."""
    import multiprocessing  # here: one article, or --jobs 1, starts no pool

    outcomes = [read_task(tasks[0])]  # in this process: loads the engine before the fork
    if on_article is not None:
        on_article(tasks[0].path)
    rest = tasks[1:]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    initializer = None if context.get_start_method() == "fork" else warm_up
    # Chunks of a few articles: fewer round trips, and still every worker busy at the end.
    chunk = max(1, min(8, len(rest) // (jobs * 4)))
    with frozen_for_fork(), context.Pool(min(jobs, len(rest)), initializer=initializer) as pool:
        for outcome in pool.imap(read_task, rest, chunksize=chunk):
            outcomes.append(outcome)
            if on_article is not None:
                on_article(outcome.path)
    return outcomes
