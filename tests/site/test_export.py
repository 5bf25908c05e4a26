"""The timeline's exports, parsed back with their own readers."""

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest
from test_site import ALL, build_project

DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer"}, "minute": {"type": "integer"},
        "display_date": {"type": "string"},
    },
    "dependentRequired": {"day": ["month"]},
    "additionalProperties": False,
}
TEXT = {"type": "object", "properties": {"headline": {"type": "string"},
                                         "text": {"type": "string"}}}
# TimelineJS's JSON format (https://timeline.knightlab.com/docs/json-format.html), the parts
# we write.
TIMELINEJS = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": {"text": TEXT}},
        "events": {"type": "array", "items": {
            "type": "object",
            "required": ["start_date", "text", "unique_id"],
            "properties": {
                "start_date": DATE, "end_date": DATE, "text": TEXT,
                "group": {"type": "string"}, "display_date": {"type": "string"},
                "unique_id": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*$"},
            },
            "additionalProperties": False,
        }},
    },
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    return build_project(tmp_path_factory.mktemp("export"), ALL) / "timeline" / "demo"


def test_timelinejs_json_is_valid_and_respects_precision(exported):
    data = json.loads((exported / "timeline.json").read_text())
    jsonschema.validate(data, TIMELINEJS)
    events = {e["unique_id"]: e for e in data["events"]}
    assert len(events) == len(ALL)
    assert data["title"]["text"]["headline"] == "Demo crisis"
    day = events["e-2021-11-18-peskov"]["start_date"]
    assert (day["year"], day["month"], day["day"]) == (2021, 11, 18)
    days = events["e-2021-11-15-range"]
    assert days["start_date"] == {"year": 2021, "month": 11, "day": 15,
                                  "display_date": "Nov. 15–18, 2021"}
    assert days["end_date"] == {"year": 2021, "month": 11, "day": 18}
    merged = events["e-2021-11-18-merged"]["text"]["text"]
    assert "https://example.org/a" in merged and "https://example.org/b" in merged
    assert "<script" not in json.dumps(data)


def test_timelinejs_places_a_coarse_date_where_the_page_does(exported):
    """A plan, a week or a year told after it, an undated quarter or decade: at its span's
    last day, as the page lists them (TimelineJS would put "December 2021" at Dec. 1), no
    end_date, the words still saying the span."""
    events = {e["unique_id"]: e for e in json.loads((exported / "timeline.json").read_text())[
        "events"]}
    placed = {
        "e-2021-12-ministers": ((2021, 12, 31), "December 2021 (planned)"),
        "e-2021-W46-alarm": ((2021, 11, 21), "Week of Nov. 15, 2021"),
        "e-2014-conflict": ((2014, 12, 31), "2014"),
        "e-2021-Q4-talks": ((2021, 12, 31), "Fourth quarter of 2021"),
        "e-201-decade": ((2019, 12, 31), "The 2010s"),
    }
    for uid, (day, words) in placed.items():
        start = events[uid]["start_date"]
        assert (start["year"], start["month"], start["day"]) == day, uid
        assert start["display_date"] == events[uid]["display_date"] == words
        assert "end_date" not in events[uid]


def test_timelinejs_puts_a_month_on_the_day_it_was_first_reported(tmp_path):
    """"November 2021", first reported Nov. 20: on Nov. 20, after the Nov. 5 entry, as the
    page lists it; a slide order by start date is the page's order."""
    entries = {
        "2021-11-sanctions.md": ("Title: Sanctions widen\nWhen: 2021-11\n"
                                 "Source: 2021-11-20 | AFP |  | articles/s.md#p1 | S\n\nWider.\n"),
        "2021-11-05-talks.md": ("Title: Talks fail\nWhen: 2021-11-05\n"
                                "Source: 2021-11-06 | AFP |  | articles/t.md#p1 | T\n\nFailed.\n"),
        "2021-11-25-summit.md": ("Title: Summit held\nWhen: 2021-11-25\n"
                                 "Source: 2021-11-25 | AFP |  | articles/u.md#p1 | U\n\nHeld.\n"),
    }
    folder = build_project(tmp_path, entries) / "timeline" / "demo"
    events = json.loads((folder / "timeline.json").read_text())["events"]
    month = next(e for e in events if e["unique_id"] == "e-2021-11-sanctions")
    assert month["start_date"] == {"year": 2021, "month": 11, "day": 20,
                                   "display_date": "November 2021"}

    def start(event: dict) -> tuple:
        return tuple(event["start_date"].get(k, 0) for k in ("year", "month", "day"))

    assert [e["unique_id"] for e in sorted(events, key=start)] == [
        "e-2021-11-05-talks", "e-2021-11-sanctions", "e-2021-11-25-summit"]


def test_atom_feed_parses_with_dates_from_the_sources(exported):
    feed = feedparser.parse((exported / "feed.atom").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Demo crisis"
    assert len(feed.entries) == len(ALL)
    # The feed's updated is the latest source date, not the build time.
    assert feed.feed.updated == "2021-11-27T00:00:00Z"
    merged = next(e for e in feed.entries if e.link.endswith("#2021-11-18-merged"))
    assert merged.published.startswith("2021-11-26") and merged.updated.startswith("2021-11-27")
    assert merged.id.startswith("urn:uuid:")
    assert "Nov. 18, 2021" in merged.title
    assert {t.term for t in merged.tags} == {"reported", "photo caption"}
    assert len({e.id for e in feed.entries}) == len(feed.entries)


def test_calendar_has_day_entries_as_all_day_events_with_stable_uids(exported):
    cal = icalendar.Calendar.from_ical((exported / "calendar.ics").read_bytes())
    events = cal.walk("VEVENT")
    days = sorted(str(e["SUMMARY"]) for e in events)
    assert days == sorted([
        "Peskov demands Europe stop blaming Russia", "Borrell blames Russia",
        "Kremlin rejects the accusations", "Troops seen near the border", "Evening call",
        "Fighting near the border"])
    fighting = next(e for e in events if str(e["SUMMARY"]) == "Fighting near the border")
    assert (fighting.decoded("DTSTART"), fighting.decoded("DTEND")) == (
        date(2021, 11, 15), date(2021, 11, 19))  # all-day events: DTEND is the day after
    call = next(e for e in events if str(e["SUMMARY"]) == "Evening call")
    assert call.decoded("DTSTART") == date(2021, 11, 23)
    assert call.decoded("DTEND") == date(2021, 11, 24)
    assert call.decoded("DTSTAMP").replace(tzinfo=None) == datetime(2021, 11, 24)
    assert len({str(e["UID"]) for e in events}) == len(events)
    text = (exported / "calendar.ics").read_text()
    assert "DTSTAMP:20211124T000000Z" in text


def test_csv_has_one_row_per_entry_with_every_source(exported):
    rows = list(csv.DictReader(io.StringIO((exported / "entries.csv").read_text(),
                                           newline="")))
    assert [r["when"] for r in rows][:3] == ["2014", "201", "2021-SU"]
    assert len(rows) == len(ALL)
    merged = next(r for r in rows if r["id"] == "2021-11-18-merged")
    assert merged["source_links"].split("\n") == ["https://example.org/a", "https://example.org/b"]
    assert merged["date"] == "Nov. 18, 2021" and merged["flags"] == "reported,caption"
    assert merged["text"] == "The Kremlin rejected the accusations."


def test_oembed_answer_describes_the_embed(exported):
    data = json.loads((exported / "oembed.json").read_text())
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert "embed.html" in data["html"] and "<iframe" in data["html"]
    assert data["height"] > 0
