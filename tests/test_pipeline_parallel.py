"""``extract --jobs`` and ``--dask`` give the entries, errors and cache of a one-process run.

Run over the demo articles (content/articles) and a synthetic set (bench/synth.py), with a
bad article among them, on a process pool and on a dask LocalCluster of 2 workers.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from generator.events.cache import EventCache
from generator.pipeline import extract, write_timelines

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from synth import write_articles  # noqa: E402

# Imported while the suite is collected: in the full suite, by the time these tests run,
# something earlier has left ``sys.modules["site"]`` without ``site.PREFIXES``, which
# dask.config reads on import (not found which test; `extract --dask` on its own is fine).
distributed = pytest.importorskip("distributed")


def _written(content: Path, **options) -> tuple[dict[str, bytes], list[str], int]:
    """Extract and write ``content``'s timelines: every file written, the errors, cached."""
    cache = EventCache(content.parent / ".cache" / "extract")
    result = extract([content / "articles"], content, cache=cache, **options)
    write_timelines(result, content, whole=True)
    files = {p.relative_to(content).as_posix(): p.read_bytes()
             for p in sorted((content / "timeline").rglob("*")) if p.is_file()}
    return files, [str(e).replace(str(content), "CONTENT") for e in result.errors], result.cached


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target / "content" / "articles")
    bad = target / "content" / "articles" / "bad"
    bad.mkdir()
    (bad / "empty.md").write_text("   \n", encoding="utf-8")
    (bad / "undated.md").write_text("No date anywhere in here.\n", encoding="utf-8")
    return target / "content"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, tuple]:
    source = ROOT / "content" / "articles"
    return source, _written(_copy(source, tmp_path_factory.mktemp("one")), jobs=1)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, tuple]:
    source = tmp_path_factory.mktemp("synth")
    write_articles(60, source)
    one = _copy(source / "content" / "articles", tmp_path_factory.mktemp("one"))
    return source / "content" / "articles", _written(one, jobs=1)


def test_pool_writes_what_one_process_writes(demo, tmp_path) -> None:
    source, (files, errors, _) = demo
    assert len(files) > 40 and len(errors) == 2
    content = _copy(source, tmp_path)
    again = _written(content, jobs=2)
    assert again[0] == files and again[1] == errors
    assert _written(content, jobs=2)[2] == len(list(source.rglob("*.md")))  # from the cache


def test_pool_on_synthetic_articles(synthetic, tmp_path) -> None:
    source, (files, errors, _) = synthetic
    content = _copy(source, tmp_path)
    assert _written(content, jobs=2)[:2] == (files, errors)


def test_pool_progress_counts_every_article(tmp_path) -> None:
    content = _copy(ROOT / "content" / "articles", tmp_path)
    seen: list[Path] = []
    extract([content / "articles"], content, on_article=seen.append, jobs=2)
    assert sorted(seen) == sorted(p for p in (content / "articles").rglob("*.md"))


@pytest.fixture(scope="module")
def cluster():
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  protocol="tcp", dashboard_address=None,
                                  silence_logs=logging.ERROR) as local:
        yield local.scheduler_address


def test_dask_writes_what_one_process_writes(demo, synthetic, cluster, tmp_path) -> None:
    for name, (source, (files, errors, _)) in {"demo": demo, "synth": synthetic}.items():
        content = _copy(source, tmp_path / name)
        seen: list[Path] = []
        result = _written(content, dask=cluster, on_article=seen.append)
        assert result[:2] == (files, errors), name
        assert len(seen) == len(list((content / "articles").rglob("*.md")))
        assert _written(content, dask=cluster)[2] == len(seen) - 2  # the cache was written


def test_dask_cli_option(cluster, marked, monkeypatch) -> None:
    import shutil

    from typer.testing import CliRunner

    from generator.cli import app

    content = _copy(ROOT / "content" / "articles", marked)
    monkeypatch.chdir(marked)
    runs = [CliRunner().invoke(app, ["extract", "--json", *how])
            for how in (["--jobs", "1"], ["--dask", cluster])]
    # the two bad articles: the same errors, and no JSON after an error
    assert [r.exit_code for r in runs] == [1, 1] and [r.stdout for r in runs] == ["", ""]
    assert runs[0].stderr == runs[1].stderr and "undated.md" in runs[0].stderr
    shutil.rmtree(content / "articles" / "bad")
    local, on_dask = (CliRunner().invoke(app, ["extract", "--json", *how])
                      for how in (["--jobs", "1"], ["--dask", cluster]))
    assert local.exit_code == on_dask.exit_code == 0
    assert local.stdout == on_dask.stdout and '"value"' in local.stdout
    assert content.is_dir()


def test_unreachable_scheduler_is_one_error(tmp_path) -> None:
    from generator.errors import InputError

    content = _copy(ROOT / "content" / "articles", tmp_path)
    with pytest.raises(InputError, match="no dask scheduler"):
        extract([content / "articles"], content, dask="tcp://127.0.0.1:9")
