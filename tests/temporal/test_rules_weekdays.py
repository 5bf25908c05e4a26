"""Weekday rules, each called alone on a match (the DCT is Thursday 2021-11-18)."""

from datetime import date

from rulecase import passes_gate, resolve


def test_last_thursday_said_on_a_friday_is_the_week_before():
    friday = date(2021, 11, 19)
    assert resolve("weekday", "It happened last Thursday.", friday) == [
        ("last Thursday", "2021-11-11", None)]


def test_bare_weekday_in_a_past_clause_looks_back():
    assert resolve("weekday", "The minister resigned on Monday.") == [
        ("Monday", "2021-11-15", None)]


def test_weekday_gate_refuses_a_name():
    assert not passes_gate("weekday", "the Sunday Times reported")


def test_fronted_weekday_before_a_past_plan_verb_looks_back():
    # "planned to" is a past verb of deciding, as "agreed to": fronted, its weekday is the
    # day of the planning, not a week ahead
    friday = date(2021, 11, 19)
    assert resolve("weekday", "On Thursday, the government planned to pay the first claims.",
                   friday) == [("Thursday", "2021-11-18", None)]
