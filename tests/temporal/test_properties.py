"""Property tests: any text and any DCT -> no exception, valid values, exact offsets."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.temporal import annotate
from generator.temporal.values import bounds, is_valid, precision

WORDS = [
    "winter",
    "summer",
    "on",
    "Nov.",
    "18",
    "2021",
    "last",
    "week",
    "Friday",
    "May",
    "may",
    "the",
    "past",
    "three",
    "years",
    "ago",
    "since",
    "1500",
    "/",
    "in",
    "December",
    "early",
    "mid-",
    "1990s",
    "every",
    "Monday",
    "at",
    "3",
    "pm",
    "(",
    ")",
    ",",
    ".",
    "tonight",
    "quarter",
    "third",
    "a",
    "day",
    "later",
    "two",
    "days",
    "Now",
    "We",
    "summer",
    "of",
    "1941",
    "-",
    "twenty-five",
    "11/18/2021",
]

dcts = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
texty = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
)


def _check(text: str, dct: date) -> None:
    out = annotate(text, dct)
    last = -1
    for t in out:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.phrase
        assert t.start >= last
        last = t.end
        assert is_valid(t.value), t
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        p = precision(t.value)
        if p is not None:
            # every calendar value covers days (a winter, "2026-WI", was read as a week
            # without bounds, and its events were dropped)
            b = bounds(t.value)
            assert b is not None and b[0] <= b[1], t


@settings(max_examples=300, deadline=None)
@given(texty, dcts)
def test_annotate_total(text: str, dct: date):
    _check(text, dct)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_values_total(value: str):
    # never raises, whatever the input
    is_valid(value)
    precision(value)
    bounds(value)


_CALENDAR = st.one_of(
    st.dates(date(1900, 1, 1), date(2099, 12, 31)).map(lambda d: d.isoformat()),
    st.tuples(st.integers(1900, 2099), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
    st.integers(1900, 2099).map(str),
)


@settings(max_examples=300, deadline=None)
@given(_CALENDAR, _CALENDAR)
def test_a_range_of_two_values_is_a_value_with_both_ends(first: str, last: str):
    from generator.site.display import date_label

    value = f"{first}/{last}"
    a, b = bounds(first), bounds(last)
    is_range = precision(first) == precision(last) and a[0] < b[0]
    assert is_valid(value) == is_range
    if is_range:
        assert precision(value) == precision(first)
        assert bounds(value) == (a[0], b[1])
        label = date_label(value, precision(value))
        assert label and "/" not in label and "–" in label
    else:
        assert bounds(value) is None and precision(value) is None
