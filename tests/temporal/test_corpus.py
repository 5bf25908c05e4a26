"""Phenomenon corpus (tests/data/temporal_cases.yaml): both regression suite and dev set."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.temporal import annotate

CASES = yaml.safe_load((Path(__file__).parent.parent / "data" / "temporal_cases.yaml").read_text())


def _dct(v) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:50])
def test_case(case):
    text = case["text"]
    got = {t.phrase: t for t in annotate(text, _dct(case["dct"]))}
    for phrase, exp in (case.get("expect") or {}).items():
        assert phrase in got, f"{phrase!r} not found; got {list(got)}"
        t = got[phrase]
        assert [t.type, t.value] == [str(x) for x in exp[:2]], t
        if len(exp) > 2:
            assert t.mod == exp[2], t
    for word in case.get("absent", []):
        at = text.find(word)
        while at >= 0:
            assert not any(t.start <= at < t.end for t in got.values()), (word, list(got))
            at = text.find(word, at + 1)
