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


def test_weekday_local_time_told_in_the_past_may_be_the_next_day():
    # a story filed on Tuesday from a zone behind the place: its Wednesday is a day ahead
    tuesday = date(2020, 1, 7)
    text = "The jet crashed after takeoff from Tehran early Wednesday local time, ISNA said."
    assert resolve("weekday", text, tuesday) == [("early Wednesday", "2020-01-08", "START")]
    assert resolve("weekday", "The jet crashed early Wednesday, ISNA said.", tuesday) == [
        ("early Wednesday", "2020-01-01", "START")]
