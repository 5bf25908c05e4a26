"""The crisis-diplomacy sample article (DCT 2021-11-26) must resolve exactly as a reader would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.temporal import Timex, annotate
from generator.temporal.values import bounds, is_valid, precision

SAMPLE = Path("/work/shared/samples/crisis-diplomacy-kremlin-weak-spots.txt")
DCT = date(2021, 11, 26)

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample not available")


@pytest.fixture(scope="module")
def timexes() -> list[Timex]:
    return annotate(SAMPLE.read_text(encoding="utf-8"), DCT)


@pytest.fixture(scope="module")
def text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def _find(timexes: list[Timex], text: str, context: str, phrase: str) -> Timex:
    """The timex whose phrase is ``phrase`` inside the first occurrence of ``context``."""
    at = text.index(context) + context.index(phrase)
    for t in timexes:
        if t.start == at and t.phrase == phrase:
            return t
    raise AssertionError(f"{phrase!r} in {context!r} not annotated: {timexes}")


EXPECTED = [
    ("Crimea, on November 4", "November 4", "DATE", "2021-11-04"),
    ("Moscow, on October 31", "October 31", "DATE", "2021-10-31"),
    ("on July 4, 2019", "July 4, 2019", "DATE", "2019-07-04"),
    ("on November 12, 2019", "November 12, 2019", "DATE", "2019-11-12"),
    ("on February 20, 2020", "February 20, 2020", "DATE", "2020-02-20"),
    ("said on November 10", "November 10", "DATE", "2021-11-10"),
    ("last week's Russian", "last week", "DATE", "2021-W46"),
    ("Russia since 2014", "2014", "DATE", "2014"),
    ("president in 2014", "2014", "DATE", "2014"),
    ("So last year when", "last year", "DATE", "2020"),
    ("through last Thursday (November 18)", "last Thursday", "DATE", "2021-11-18"),
    ("last Thursday (November 18)", "November 18", "DATE", "2021-11-18"),
    ("Western countries last week", "last week", "DATE", "2021-W46"),
    ("Blinken said Saturday", "Saturday", "DATE", "2021-11-20"),
    ("Peskov Sunday slammed", "Sunday", "DATE", "2021-11-21"),
    ("Now, outgoing", "Now", "DATE", "PRESENT_REF"),
    ("ministers on November 15", "November 15", "DATE", "2021-11-15"),
    ("meet again in December", "December", "DATE", "2021-12"),
]


@pytest.mark.parametrize(("context", "phrase", "typ", "value"), EXPECTED)
def test_sample_values(timexes, text, context, phrase, typ, value):
    t = _find(timexes, text, context, phrase)
    assert (t.type, t.value) == (typ, value)
    assert t.note == ""


def test_years_to_come(timexes, text):
    t = _find(timexes, text, "through the years to come", "the years to come")
    assert t.value == "FUTURE_REF" or t.type == "DURATION"


@pytest.mark.parametrize(
    ("context", "word"),
    [
        ("powers may be in", "may"),
        ("Field 1500 / 1500", "1500"),
        ("\"We don't know", "We"),
        ("We know the playbook", "We"),
        ("and we can do", "we"),
    ],
)
def test_sample_non_dates(timexes, text, context, word):
    at = text.index(context) + context.index(word)
    for t in timexes:
        assert not (t.start <= at < t.end), f"{word!r} wrongly inside {t}"


def test_every_value_valid_and_offsets_exact(timexes, text):
    for t in timexes:
        assert is_valid(t.value), t
        assert text[t.start : t.end] == t.phrase
    assert [t.start for t in timexes] == sorted(t.start for t in timexes)


def test_values_api():
    assert precision("2021-W46") == "week"
    assert bounds("2021-W46") == (date(2021, 11, 15), date(2021, 11, 21))
    assert bounds("201") == (date(2010, 1, 1), date(2019, 12, 31))
    assert precision("PRESENT_REF") is None and precision("P3D") is None
    assert bounds("2021-SU") == (date(2021, 6, 1), date(2021, 8, 31))  # meteorological
    assert is_valid("2021-11-26TNI") and is_valid("XXXX-WXX-1") and is_valid("P1Y2M3DT4H")
    assert not is_valid("2021/11/26") and not is_valid("")
