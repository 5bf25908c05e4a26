"""Relative and deictic rules, each called alone on a match."""

from rulecase import resolve


def test_last_week():
    assert resolve("relative_unit", "Prices fell last week.") == [("last week", "2021-W45", None)]


def test_next_year():
    assert resolve("relative_unit", "a vote next year") == [("next year", "2022", None)]


def test_ago():
    assert resolve("ago", "It opened three years ago.") == [("three years ago", "2018", None)]


def test_today():
    assert resolve("deictic", "Talks resume today.") == [("today", "2021-11-18", None)]
