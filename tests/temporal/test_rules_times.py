"""Clock-time rules, each called alone on a match."""

from rulecase import resolve


def test_clock_time_on_a_weekday():
    assert resolve("clock_time", "The quake hit at 4:17 a.m. Tuesday.") == [
        ("4:17 a.m. Tuesday", "2021-11-16T04:17", None)]
