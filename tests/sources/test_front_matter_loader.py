"""The libyaml front matter loader reads what the pure-Python one reads (or fails alike)."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.sources import articles

_LINES = st.lists(st.sampled_from([
    "title: Floods hit Valencia", "date: 2021-02-30", "date: 2021-11-26", "date: 26 Nov 2021",
    "url: https://x.org/a?b=1#c", "outlet: AP: wire", "timeline: eu-floods", "lang: en",
    'title: "quoted: colon"', "title: 'single'", "- item", "key:", "  indented: 1", "a: [1, 2",
    "b: {c: d}", "\tTab: x", "on: yes", "n: 0x1F", "n: 1_000", "f: .5", "e: 1e3", "x: ~",
    "&a anchor: *a", "!!python/object: x", "t: 12:30:00", "dup: 1", "dup: 2", "é: ü", "#c",
    "long: " + "w " * 50, "? complex", "| block", "s: >-", "  folded text",
]), max_size=8)


def _read(loader, text: str):
    try:
        return ("ok", yaml.load(text, Loader=loader))  # noqa: S506 - SafeLoader subclasses
    except Exception as exc:  # noqa: BLE001 - only whether both fail matters here
        return ("error", type(exc).__name__)


@settings(max_examples=400, deadline=None)
@given(_LINES, st.text(max_size=20))
def test_fast_loader_reads_as_the_python_loader(lines: list[str], extra: str) -> None:
    text = "\n".join(lines + [f"title: {extra}"])
    python = _read(articles._loaders()[0], text)
    # Same values where it parses, and where it does not the same error (from PyYAML).
    assert _read_front(text) == python, text


def _read_front(text: str):
    try:
        return ("ok", articles._load_front_matter(text))
    except Exception as exc:  # noqa: BLE001
        return ("error", type(exc).__name__)
