"""Each rule called alone on the first match of its patterns, and the gates that refuse a
match: the cases are in tests/data/rule_cases.yaml."""

from datetime import date
from pathlib import Path

import pytest
import yaml
from rulecase import DCT, passes_gate, resolve

CASES = yaml.safe_load((Path(__file__).parent.parent / "data" / "rule_cases.yaml").read_text())


@pytest.mark.parametrize("case", CASES["resolved"], ids=lambda c: c["case"])
def test_rule_alone(case):
    dct = date.fromisoformat(case["dct"]) if "dct" in case else DCT
    assert resolve(case["rule"], case["text"], dct) == [tuple(f) for f in case["found"]]


@pytest.mark.parametrize("case", CASES["refused"], ids=lambda c: c["case"])
def test_gate_refuses(case):
    assert not passes_gate(case["rule"], case["text"])
