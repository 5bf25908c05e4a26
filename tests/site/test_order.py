"""Where a coarse date is listed: where its first report puts it in its span, else after the
days it covers; the page, the spreadsheet, the TimelineJS data and the newsletter agree."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import lxml.html
import pytest
from test_site import build_project

from generator.site.order import placed


def _entry(when: str, title: str, reported: str, key: bool = True) -> str:
    return (f"Title: {title}\nWhen: {when}\n{'Key: yes' if key else 'Key: no'}\n"
            f"Source: {reported} | AP |  | articles/a.md#p1 | Report\n\n{title}.\n")


BOMBINGS = {
    "1998-08-07-bombing.md": _entry("1998-08-07", "Bombs explode at two embassies", "1998-08-07"),
    "1998-W32-toll.md": _entry("1998-W32", "The bombings claim 217 lives", "1998-08-11"),
    "1998-08-mckinnon.md": _entry("1998-08", "McKinnon condemns the bombings", "1998-08-20"),
    "1998-08-09-bomb.md": _entry("1998-08-09", "Investigators study the bomb", "1998-08-09"),
    "1998-08-20-strikes.md": _entry("1998-08-20", "U.S. strikes camps in Afghanistan",
                                    "1998-08-20"),
    "1998-08-26-bushnell.md": _entry("1998-08-26", "Bushnell wraps up her work", "1998-08-26",
                                     key=False),
    "1998-Q3-planned.md": _entry("1998-Q3", "Travel warnings stay through the quarter",
                                 "1998-06-30", key=False),
}
ORDER = ["1998-08-07-bombing", "1998-08-09-bomb", "1998-W32-toll", "1998-08-20-strikes",
         "1998-08-mckinnon", "1998-08-26-bushnell", "1998-Q3-planned"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_project(tmp_path_factory.mktemp("order"), BOMBINGS)


def test_a_coarse_date_is_placed_at_its_first_report_in_its_span_else_at_its_end():
    # "August 1998", first reported Aug. 20: listed on Aug. 20.
    assert placed("month", date(1998, 8, 1), date(1998, 8, 31), date(1998, 8, 20)) == date(
        1998, 8, 20)
    # "Week of Aug. 3" reported Aug. 11, after the week: after its last day.
    assert placed("week", date(1998, 8, 3), date(1998, 8, 9), date(1998, 8, 11)) == date(
        1998, 8, 9)
    # A plan told before its span, and a date with no source: the span's end.
    assert placed("month", date(2021, 12, 1), date(2021, 12, 31), date(2021, 11, 26)) == date(
        2021, 12, 31)
    assert placed("year", date(2014, 1, 1), date(2014, 12, 31), None) == date(2014, 12, 31)
    # A day, and a range of days, are listed on their first day whatever the report.
    assert placed("day", date(1998, 8, 7), date(1998, 8, 7), date(1998, 8, 20)) == date(
        1998, 8, 7)
    assert placed("day", date(2021, 11, 15), date(2021, 11, 18), date(2021, 11, 19)) == date(
        2021, 11, 15)


def test_the_page_of_all_entries_lists_coarse_dates_after_the_days_before_them(site):
    root = lxml.html.parse(str(site / "timeline/demo/all/index.html")).getroot()
    assert [li.get("id") for li in root.cssselect("li.entry")] == ORDER
    # The quarter, told before it began, comes after the months it covers, under none.
    assert [h.text_content() for h in root.cssselect("h3.month")] == ["August 1998"]


def test_the_key_page_spreadsheet_timelinejs_and_newsletter_keep_that_order(site):
    folder = site / "timeline" / "demo"
    key = [e for e in ORDER if e not in ("1998-08-26-bushnell", "1998-Q3-planned")]
    root = lxml.html.parse(str(folder / "index.html")).getroot()
    assert [li.get("id") for li in root.cssselect("section.key li.entry")] == key
    rows = list(csv.DictReader(io.StringIO((folder / "entries.csv").read_text(), newline="")))
    assert [r["id"] for r in rows] == ORDER
    events = json.loads((folder / "timeline.json").read_text())["events"]
    assert [e["text"]["headline"] for e in events] == [BOMBINGS[f"{a}.md"].split("\n")[0][7:]
                                                       for a in key]
    text = (folder / "newsletter.txt").read_text()
    positions = [text.index(BOMBINGS[f"{a}.md"].split("\n")[0][7:]) for a in key]
    assert positions == sorted(positions)
