"""Each rule called alone on the first match of its patterns (the DCT is Thursday
2021-11-18): (phrase, value, mod) of what it makes of it, one case per behaviour; and the
gates that refuse a match."""

from datetime import date

import pytest
from rulecase import passes_gate, resolve

FRIDAY = date(2021, 11, 19)

RESOLVED = [
    # calendar dates
    pytest.param("iso_date", "filed on 2021-03-04.", [("2021-03-04", "2021-03-04", None)],
                 id="iso date"),
    pytest.param("month_day", "The truce was signed on Nov. 10.",
                 [("Nov. 10", "2021-11-10", None)],
                 id="month day without a year takes the nearest past year"),
    pytest.param("month_day_range", "talks on Nov. 15-18, 2023",
                 [("Nov. 15", "2023-11-15", None), ("18, 2023", "2023-11-18", None)],
                 id="month day range gives two days"),
    pytest.param("part_of_month", "in the first week of March 2020",
                 [("the first week of March 2020", "2020-03", "START")],
                 id="part of a month is the month with a mod"),
    # years, decades, seasons, quarters
    pytest.param("decade", "in the nineties", [("the nineties", "199", None)],
                 id="decade in words"),
    pytest.param("quarter", "in the third quarter of 2020",
                 [("the third quarter of 2020", "2020-Q3", None)], id="quarter with a year"),
    # relative and deictic
    pytest.param("relative_unit", "Prices fell last week.", [("last week", "2021-W45", None)],
                 id="last week"),
    pytest.param("relative_unit", "a vote next year", [("next year", "2022", None)],
                 id="next year"),
    pytest.param("ago", "It opened three years ago.", [("three years ago", "2018", None)],
                 id="ago"),
    pytest.param("deictic", "Talks resume today.", [("today", "2021-11-18", None)],
                 id="today"),
    # weekdays
    pytest.param("weekday", "The minister resigned on Monday.",
                 [("Monday", "2021-11-15", None)],
                 id="a bare weekday in a past clause looks back"),
    # clock times
    pytest.param("clock_time", "The quake hit at 4:17 a.m. Tuesday.",
                 [("4:17 a.m. Tuesday", "2021-11-16T04:17", None)], id="clock time on a weekday"),
    # durations and sets
    pytest.param("duration", "for three weeks", [("three weeks", "P3W", None)], id="duration"),
    pytest.param("set_every", "every Monday", [("every Monday", "XXXX-WXX-1", None)],
                 id="every Monday is a set"),
    pytest.param("set_word", "published weekly", [("weekly", "P1W", None)], id="set word"),
]


@pytest.mark.parametrize(("rule", "text", "expected"), RESOLVED)
def test_rule_alone(rule, text, expected):
    assert resolve(rule, text) == expected


def test_last_thursday_said_on_a_friday_is_the_week_before():
    assert resolve("weekday", "It happened last Thursday.", FRIDAY) == [
        ("last Thursday", "2021-11-11", None)]


@pytest.mark.parametrize(("rule", "text"), [
    pytest.param("month_day_range", "on March 13 and 14 people died", id="a count, no range"),
    pytest.param("year", "some 1500 people", id="a count, no year"),
    pytest.param("weekday", "the Sunday Times reported", id="a name, no weekday"),
])
def test_gate_refuses(rule, text):
    assert not passes_gate(rule, text)
