"""Data integrity of the rule files: they load, and every word list holds only strings.

YAML 1.1 reads bare on/off/yes/no as booleans: a word list with an unquoted "on" would
silently hold True instead of the word.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.ruledata import settings

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# every stage's rule data but the date engine's (tests/temporal checks those), and the
# per-language furniture files of sources/data/furniture/
RULE_FILES = sorted([
    *(p for p in PACKAGE.glob("*/data/*.yaml") if p.parent.parent.name != "temporal"),
    *PACKAGE.glob("sources/data/furniture/*.yaml"),
])


def leaves(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            assert isinstance(key, str), f"{path}: key {key!r} is not a string"
            yield from leaves(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, f"{path}[{index}]")
    else:
        yield path, node


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_rule_file_holds_only_words_and_numbers(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    for where, value in leaves(data):
        assert isinstance(value, (str, int, float)) and not isinstance(value, bool), (
            f"{path.name}{where}: {value!r} (quote it)")


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_word_lists_have_no_duplicates(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for where, node in _lists(data):
        words = [str(w).lower() for w in node]
        assert len(words) == len(set(words)), f"{path.name}{where} repeats a word"


def _lists(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _lists(value, f"{path}.{key}")
    elif isinstance(node, list):
        yield path, node


def test_every_stage_has_its_rule_files():
    """The list above is not empty by accident (a moved data folder would test nothing)."""
    assert {p.name for p in RULE_FILES} >= {"events.yaml", "segment.yaml", "display.yaml"}


@dataclass(frozen=True)
class _Window:
    days: int
    share: float
    words: frozenset[str]
    label: str
    note: str = "none"


def test_settings_read_each_field_as_its_type_and_take_what_is_given():
    data = {"days": "3", "share": 1, "words": ["a", "the", "a"], "label": "x"}
    assert settings(_Window, data) == _Window(3, 1.0, frozenset({"a", "the"}), "x", "none")
    assert settings(_Window, data, label="given").label == "given"
    assert settings(_Window, {**data, "note": "kept"}).note == "kept"  # else the default
    with pytest.raises(KeyError, match="share"):
        settings(_Window, {"days": 3, "words": [], "label": ""})
