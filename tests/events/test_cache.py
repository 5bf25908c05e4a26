"""Re-extraction skips unchanged articles, and cached events equal freshly read ones."""

import shutil
from pathlib import Path

from generator.events.cache import EventCache
from generator.pipeline import extract

FIXTURES = Path(__file__).parents[1] / "fixtures" / "articles"


def test_unchanged_articles_come_from_the_cache(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "embassy", content / "articles" / "embassy")
    cache = EventCache(tmp_path / "cache")
    first = extract([content / "articles"], content, cache=cache)
    assert first.cached == 0 and first.articles == 6
    second = extract([content / "articles"], content, cache=EventCache(tmp_path / "cache"))
    assert second.cached == 6
    assert second.events == first.events
    assert [e.position for e in second.events] == [e.position for e in first.events]
    uncached = extract([content / "articles"], content)
    assert uncached.events == first.events


def test_a_changed_article_is_read_again(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "embassy", content / "articles" / "embassy")
    extract([content / "articles"], content, cache=EventCache(tmp_path / "cache"))
    changed = sorted((content / "articles" / "embassy").glob("*.md"))[0]
    changed.write_text(changed.read_text() + "\nTalks were held on Monday.\n")
    again = extract([content / "articles"], content, cache=EventCache(tmp_path / "cache"))
    assert again.cached == 5
    assert any(e.sentence == "Talks were held on Monday." for e in again.events)


def test_prune_drops_entries_no_article_uses(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "embassy", content / "articles" / "embassy")
    extract([content / "articles"], content, cache=EventCache(tmp_path / "cache"))
    sorted((content / "articles" / "embassy").glob("*.md"))[0].unlink()
    cache = EventCache(tmp_path / "cache")
    extract([content / "articles"], content, cache=cache)
    cache.prune()
    assert len(list((tmp_path / "cache").glob("*.json"))) == 5


def test_a_damaged_cache_entry_is_ignored(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "embassy", content / "articles" / "embassy")
    extract([content / "articles"], content, cache=EventCache(tmp_path / "cache"))
    for path in (tmp_path / "cache").glob("*.json"):
        path.write_text("{not json")
    again = extract([content / "articles"], content, cache=EventCache(tmp_path / "cache"))
    assert again.cached == 0 and again.events
