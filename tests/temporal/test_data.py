"""Integrity of the YAML rule data: loads, no duplicate keys, no contradictory entries."""

from __future__ import annotations

import inspect
from collections import Counter

import pytest
import regex

from generator.temporal.lexicon import DATA_DIR, get_lexicon, load_yaml
from generator.temporal.rules import GATES, RULES

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


def test_every_rule_and_gate_has_a_pattern():
    rules = {rule for _, rule, _, _ in get_lexicon().patterns}
    assert set(RULES) == rules
    assert set(GATES) <= rules


# m["d"], m.start("d"), m.end("d"), m.group("d"): a group the rule reads without a guard
_READS = regex.compile(r"""\bm(?:\[|\.(?:start|end|group)\()\s*["'](\w+)["']""")
# opt_group(m, "yw"): a group the rule checks for first (a pattern of the rule may lack it)
_GUARDED = regex.compile(r"""\bopt_group\(m,\s*["'](\w+)["']""")
# A year written in words ("nineteen ninety-seven", group yw) is read first; the digits (y)
# only by the patterns that have them.
_ALTERNATIVE = {"y": "yw"}


def test_every_group_a_rule_reads_is_in_each_of_its_patterns():
    for _, rule, rx, _ in get_lexicon().patterns:
        for fn in (RULES[rule], GATES.get(rule)):
            if fn is None:
                continue
            source = inspect.getsource(fn)
            missing = {g for g in set(_READS.findall(source)) - set(_GUARDED.findall(source))
                       if g not in rx.groupindex and _ALTERNATIVE.get(g) not in rx.groupindex}
            assert not missing, (rule, fn.__name__, missing)


def test_every_calendar_precision_is_in_the_table():
    from generator.temporal.precision import PRECISIONS
    from generator.temporal.values import precision

    values = ["2021-11-18T10:00", "2021-11-18", "2021-W46", "2021-W46-WE", "2021-11", "2021-Q4",
              "2021-H2", "2021-WI", "2021", "202", "20"]
    assert {precision(v) for v in values} == set(PRECISIONS)


@pytest.mark.parametrize("name", ["lexicon.yaml", "cues.yaml", "patterns.yaml"])
def test_an_unknown_key_is_an_error_naming_the_file(name, tmp_path, monkeypatch):
    import shutil

    import generator.temporal.lexicon as lx

    for f in DATA_DIR.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    text = (tmp_path / name).read_text()
    if name == "patterns.yaml":
        text = text.replace("  rule: iso_date\n", "  rule: iso_date\n  rulle: typo\n", 1)
    else:
        text += "\nabreviations: [typo]\n"
    (tmp_path / name).write_text(text)
    monkeypatch.setattr(lx, "DATA_DIR", tmp_path)
    # the builder, not get_lexicon: that one may load the compiled lexicon from disk
    with pytest.raises(ValueError, match=rf"{name}.*unknown key"):
        lx.build_lexicon()


def test_word_sets_are_attributes():
    sets = get_lexicon().sets
    assert "said" in sets.past
    with pytest.raises(AttributeError):
        sets.pastt  # noqa: B018 - a typo fails loudly


def test_discourse_passes_run_in_their_registered_order():
    from generator.temporal.discourse import PASSES

    assert PASSES.names() == ["day_before_after", "week_on", "count_from", "clock_on_named_day",
                              "part_on_day",
                              "part_of_named_day", "weekday_spans", "clock_spans", "month_spans",
                              "duration_sums", "year_halves", "apposition", "before_after"]
    assert all(p.run.__doc__ for p in PASSES)


def test_a_needs_list_named_by_its_lexicon_list_holds_a_word_of_every_name_in_it():
    """``needs: ['{HOLIDAYS}']`` skips the pass on a text without the holidays' words: each
    holiday the pattern finds must hold one of them, or naming it would lose the match."""
    lex = get_lexicon()
    patterns = {name: (rx, needs) for name, _, rx, needs in lex.patterns}
    for pattern, names in (("holiday", lex.holidays), ("season", lex.seasons),
                           ("season_year", lex.seasons)):
        rx, needs = patterns[pattern]
        assert needs and "{" not in "".join(needs)
        for name in names:
            text = f"on {name} 2024 ."
            assert rx.search(text), (pattern, name)
            assert any(word in text for word in needs), (pattern, name)
