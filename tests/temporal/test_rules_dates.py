"""Calendar-date rules, each called alone on a match."""

from rulecase import passes_gate, resolve


def test_iso_date():
    assert resolve("iso_date", "filed on 2021-03-04.") == [("2021-03-04", "2021-03-04", None)]


def test_month_day_without_year_takes_the_nearest_past_year():
    # said on Thursday Nov. 18, 2021, in a past clause
    assert resolve("month_day", "The truce was signed on Nov. 10.") == [
        ("Nov. 10", "2021-11-10", None)]


def test_month_day_range_gives_two_days():
    assert resolve("month_day_range", "talks on Nov. 15-18, 2023") == [
        ("Nov. 15", "2023-11-15", None), ("18, 2023", "2023-11-18", None)]


def test_month_day_range_gate_refuses_a_count():
    assert not passes_gate("month_day_range", "on March 13 and 14 people died")


def test_part_of_month_is_the_month_with_a_mod():
    assert resolve("part_of_month", "in the first week of March 2020") == [
        ("the first week of March 2020", "2020-03", "START")]
