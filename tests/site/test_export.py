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
    month = events["e-2021-12-ministers"]
    assert month["start_date"] == {"year": 2021, "month": 12,
                                   "display_date": "December 2021 (planned)"}
    assert "end_date" not in month or "day" not in month["end_date"]
    day = events["e-2021-11-18-peskov"]["start_date"]
    assert (day["year"], day["month"], day["day"]) == (2021, 11, 18)
    year = events["e-2014-conflict"]
    assert set(year["start_date"]) == {"year", "display_date"}
    week = events["e-2021-W46-alarm"]
    assert (week["start_date"]["day"], week["end_date"]["day"]) == (15, 21)
    decade = events["e-201-decade"]
    assert (decade["start_date"]["year"], decade["end_date"]["year"]) == (2010, 2019)
    days = events["e-2021-11-15-range"]
    assert days["start_date"] == {"year": 2021, "month": 11, "day": 15,
                                  "display_date": "Nov. 15–18, 2021"}
    assert days["end_date"] == {"year": 2021, "month": 11, "day": 18}
    quarter = events["e-2021-Q4-talks"]
    assert (quarter["start_date"]["month"], quarter["end_date"]["month"]) == (10, 12)
    merged = events["e-2021-11-18-merged"]["text"]["text"]
    assert "https://example.org/a" in merged and "https://example.org/b" in merged
    assert "<script" not in json.dumps(data)


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
