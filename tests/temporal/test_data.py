"""Integrity of the YAML rule data: loads, no duplicate keys, no contradictory entries."""

from __future__ import annotations

from collections import Counter

import pytest
import regex

from generator.temporal.lexicon import DATA_DIR, get_lexicon, load_yaml
from generator.temporal.rules import RULES

FILES = sorted(p.name for p in DATA_DIR.glob("*.yaml"))


@pytest.mark.parametrize("name", FILES)
def test_loads_without_duplicate_keys(name: str):
    assert load_yaml(name) is not None


def test_duplicate_key_is_rejected(tmp_path, monkeypatch):
    import generator.temporal.lexicon as lx

    (tmp_path / "bad.yaml").write_text("a: 1\na: 2\n")
    monkeypatch.setattr(lx, "DATA_DIR", tmp_path)
    with pytest.raises(ValueError, match="duplicate key"):
        lx.load_yaml("bad.yaml")


def _lists(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _lists(v, f"{path}.{k}")
    elif isinstance(node, list) and all(isinstance(x, str | int | float) for x in node):
        yield path, node


@pytest.mark.parametrize("name", FILES)
def test_no_duplicate_list_entries(name: str):
    for path, items in _lists(load_yaml(name)):
        dup = [k for k, c in Counter(map(str, items)).items() if c > 1]
        assert not dup, f"{name}{path}: duplicates {dup}"


def test_no_conflicting_cues():
    cues = load_yaml("cues.yaml")
    t = cues["tense"]
    assert not set(t["future"]) & set(t["past"])
    assert not set(map(str, cues["year_gate_before"])) & set(map(str, cues["quantity_before"]))


def test_values_are_well_formed():
    lx = load_yaml("lexicon.yaml")
    assert sorted(set(lx["months"].values())) == list(range(1, 13))
    assert sorted(set(lx["weekdays"].values())) == list(range(1, 8))
    assert set(lx["units"].values()) <= {
        "S",
        "TM",
        "TH",
        "D",
        "W",
        "WE",
        "F",
        "M",
        "Q",
        "Y",
        "DE",
        "CE",
        "ML",
    }
    assert set(lx["ref_words"].values()) <= {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
    for spec in lx["holidays"].values():
        nth = r"(?:\d(?:st|nd|rd|th)|last) \w+"
        hijri = r"hijri (?P<m>\d+)(?:-(?P<d>\d+))?"
        found = regex.fullmatch(
            rf"\d\d-\d\d|easter[+-]\d+|{nth}(?: after {nth})? of \d+|{hijri}", spec)
        assert found, spec
        if found["m"]:  # a Hijri month 1-12, a day 1-30
            assert 1 <= int(found["m"]) <= 12 and 1 <= int(found["d"] or 1) <= 30, spec


def test_patterns_compile_and_have_rules():
    lex = get_lexicon()
    names = [n for n, _, _, _ in lex.patterns]
    assert len(names) == len(set(names))
    for _, rule, _, _ in lex.patterns:
        assert rule in RULES


def _corpus_texts() -> list[str]:
    """Every text of the case corpus and of the demo articles (lower-cased, as the
    recognizer reads them)."""
    from pathlib import Path

    import yaml

    root = Path(__file__).parent.parent
    cases = yaml.safe_load((root / "data" / "temporal_cases.yaml").read_text("utf-8"))
    texts = [c["text"] for c in cases]
    texts += [p.read_text("utf-8") for p in (root.parent / "content" / "articles").rglob("*.md")]
    return [t.lower() for t in texts]


def test_every_match_of_a_pattern_holds_one_of_the_words_it_needs():
    """A pattern with `needs` is skipped on a text without those words: that must never
    skip a match, or the prefilter would change what is found."""
    texts = _corpus_texts()
    checked = 0
    for name, _, rx, needs in get_lexicon().patterns:
        if not needs:
            continue
        for text in texts:
            for m in rx.finditer(text):
                checked += 1
                assert any(word in m.group(0) or word in text[max(0, m.start() - 8):m.end()]
                           for word in needs), (name, m.group(0))
    assert checked > 50
