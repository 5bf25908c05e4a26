"""The TE3 error audit puts each value error in the class its values show."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from te3_audit import classify  # noqa: E402


def test_gold_that_contradicts_its_weekday_is_found():
    # 2000-04-05 was a Wednesday
    assert classify("Tuesday", "DATE", "2000-04-05", "DATE", "2000-04-04") == (
        "gold contradicts its weekday name")
    assert classify("Tuesday", "DATE", "2000-04-11", "DATE", "2000-04-04") == "other"


def test_conventions_are_told_apart_from_real_errors():
    assert classify("last week", "DATE", "1989-WXX", "DATE", "1989-W43") == (
        "gold placeholder for a named period")
    assert classify("this week", "DATE", "2000-W7", "DATE", "2000-W07") == (
        "week numbering (W7 vs W07, Sunday weeks)")
    assert classify("Friday night", "TIME", "2000-01-07", "TIME", "2000-01-07TNI") == (
        "part-of-day convention (TIME vs DATE)")
    assert classify("last week", "DURATION", "1998-08-04", "DATE", "1998-W32") == (
        "gold type and value disagree")
    assert classify("January", "DATE", "1998-01", "DATE", "1999-01") == (
        "one character apart (typo, unit or year choice)")
    assert classify("Friday", "DATE", "1998-08-07", "DATE", "1998-08-14") == "other"
