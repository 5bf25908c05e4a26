"""Duration and set rules, each called alone on a match."""

from rulecase import resolve


def test_duration():
    assert resolve("duration", "for three weeks") == [("three weeks", "P3W", None)]


def test_every_monday_is_a_set():
    assert resolve("set_every", "every Monday") == [("every Monday", "XXXX-WXX-1", None)]


def test_set_word():
    assert resolve("set_word", "published weekly") == [("weekly", "P1W", None)]
