"""Year, decade, season and quarter rules, each called alone on a match."""

from rulecase import passes_gate, resolve


def test_decade_in_words():
    assert resolve("decade", "in the nineties") == [("the nineties", "199", None)]


def test_quarter_with_year():
    assert resolve("quarter", "in the third quarter of 2020") == [
        ("the third quarter of 2020", "2020-Q3", None)]


def test_year_gate_refuses_a_count():
    assert not passes_gate("year", "some 1500 people")
