"""Events read from the real sample article (published 2021-11-26): every tricky date."""

from datetime import date
from pathlib import Path

import pytest

from generator.events.extract import extract_events
from generator.sources.articles import read_article

SAMPLE = Path(__file__).parent.parent / "fixtures" / "articles" / "russia" / (
    "crisis-diplomacy-kremlin-weak-spots.md")


@pytest.fixture(scope="module")
def events():
    article = read_article(SAMPLE)
    assert article.dct == date(2021, 11, 26)
    return extract_events(article, "articles/russia/crisis-diplomacy-kremlin-weak-spots.md")


def events_of(folder: Path, published: str, body: str) -> list:
    """The dated events of an article published on ``published`` with ``body``, written in
    ``folder`` and read as ``timeline extract`` reads it (a lead with no date, dated by the
    publication day, is left out: tests/events/test_happenings.py tests those)."""
    article = folder / "a.md"
    article.write_text(f"---\ntitle: T\ndate: {published}\n---\n{body}")
    return [e for e in extract_events(read_article(article), "articles/a.md")
            if e.phrase or not e.lead]


def by_phrase(events, phrase):
    found = [e for e in events if e.phrase == phrase]
    assert found, f"no event for {phrase!r}: {[e.phrase for e in events]}"
    return found


def test_relative_date_with_explicit_date_in_apposition(events):
    (event,) = by_phrase(events, "last Thursday (November 18)")
    assert (event.value, event.precision) == ("2021-11-18", "day")
    assert "Peskov" in event.headline and "last Thursday" not in event.headline


def test_last_week_keeps_week_precision(events):
    weeks = by_phrase(events, "last week")
    for event in weeks:
        assert (event.value, event.precision) == ("2021-W46", "week")
        assert (event.start, event.end) == (date(2021, 11, 15), date(2021, 11, 21))


def test_planned_december_is_next_december(events):
    (event,) = by_phrase(events, "December")
    assert (event.value, event.precision) == ("2021-12", "month")
    assert "planned" in event.flags


def test_since_2014_and_last_year(events):
    assert {e.value for e in by_phrase(events, "2014")} == {"2014"}
    (last_year,) = by_phrase(events, "last year")
    assert last_year.value == "2020"


def test_bare_weekdays_are_the_most_recent_before_publication(events):
    (saturday,) = by_phrase(events, "Saturday")
    (sunday,) = by_phrase(events, "Sunday")
    assert (saturday.value, sunday.value) == ("2021-11-20", "2021-11-21")
    assert saturday.attribution == "Antony Blinken"
    assert saturday.headline.startswith('Antony Blinken: "We don')


def test_caption_dates_are_marked_as_captions(events):
    (october,) = by_phrase(events, "October 31")
    assert october.value == "2021-10-31"
    assert "caption" in october.flags
    (borrell,) = by_phrase(events, "November 15")
    assert "caption" not in borrell.flags and "reported" in borrell.flags


def test_modal_may_we_and_comment_counter_are_not_dates(events):
    phrases = {e.phrase.lower() for e in events}
    assert not phrases & {"may", "we", "1500", "1500 / 1500"}
    assert not any(e.value.startswith(("1500", "2021-05", "2022")) for e in events)
    # Reader comments after "Do you like this article?" are not news.
    assert not any("worthless" in e.sentence for e in events)


def test_every_event_points_at_its_source_sentence(events):
    for event in events:
        assert event.source.url.startswith(
            "https://central.asia-news.com/en_GB/articles/cnmi_ca/features/2021/11/26/feature-01"
            "#:~:text=")
        assert event.source.paragraph >= 1
        assert event.phrase in event.sentence or event.phrase.split()[0] in event.sentence


def test_json_shape_is_stable(events):
    keys = {"value", "type", "precision", "start", "end", "mod", "phrase", "sentence",
            "headline", "attribution", "flags", "note", "timeline", "lead", "source"}
    for event in events:
        data = event.to_json()
        assert set(data) == keys
        assert set(data["source"]) == {"title", "url", "outlet", "date", "path", "paragraph"}
        assert data["start"] <= data["end"]


def test_history_told_in_passing_is_background(events):
    assert all("background" in e.flags for e in by_phrase(events, "2014"))
    (last_year,) = by_phrase(events, "last year")
    assert "background" not in last_year.flags  # 2020 ends 11 months before publication
    (borrell,) = by_phrase(events, "November 15")
    assert "background" not in borrell.flags


@pytest.mark.parametrize(("published", "body", "headline"), [
    pytest.param("2000-01-06", "“Today is a sad day for the US Constitution . . . and for the "
                 "hopes of his mother,” said Roger Bernstein on Wednesday.\n",
                 'Roger Bernstein: "Today is a sad day for the US Constitution"',
                 id="ends cleanly at an ellipsis"),
    pytest.param("2013-12-20", "“There will be no budget on Jan. 1 unless John F. Kennedy "
                 "Airport reopens. We know it,” said Gov. Andrew Cuomo on Thursday.\n",
                 'Andrew Cuomo: "There will be no budget on Jan. 1 unless John F. Kennedy '
                 'Airport reopens"', id="not ended by an abbreviation or an initial"),
])
def test_a_quoted_headline_is_the_quotation_s_first_sentence(tmp_path, published, body,
                                                              headline):
    assert {e.headline for e in events_of(tmp_path, published, body)} == {headline}


def test_a_time_and_its_day_are_one_date_without_conflict(tmp_path):
    blast, talks = events_of(
        tmp_path, "1998-08-08",
        "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a "
        "building.\n\nThe talks ended Thursday (Aug. 5) without a deal.\n")
    assert (blast.value, blast.phrase) == ("1998-08-07T10:35", "about 10:35 a.m. (0735 GMT) Friday")
    assert "date-conflict" not in blast.flags
    assert blast.headline.startswith("The blast occurs, toppling a building")
    assert "date-conflict" in talks.flags  # Thursday was Aug. 6: the two phrases disagree


def test_the_speaker_does_not_keep_the_sentence_full_stop(tmp_path):
    events = events_of(
        tmp_path, "2000-02-24",
        "“Since 1990 there has been a trend toward reconciliation,” said Florida "
        "International's Fernandez.\n\n"
        "“We marched on Monday,” said Martin Luther King Jr.\n")
    assert [e.attribution for e in events] == ["Florida International's Fernandez",
                                              "Martin Luther King Jr."]
    assert events[0].headline.startswith("Florida International's Fernandez: ")


def test_a_speaker_named_with_of_and_and_keeps_the_whole_name(tmp_path):
    events = events_of(
        tmp_path, "2000-03-29",
        "Officials of the Immigration and Naturalization Service said they would not act "
        "on Thursday.\n\n"
        "“We don't know,” US Secretary of State Antony Blinken said Saturday.\n")
    assert [e.attribution for e in events] == ["Immigration and Naturalization Service",
                                              "Antony Blinken"]


def test_a_time_without_its_day_is_noted_as_a_guess(tmp_path):
    events = {e.phrase: e for e in events_of(
        tmp_path, "2023-02-14",
        "The death toll rose above 40,000 on Tuesday.\n\n"
        "The 7.8-magnitude quake hit at 4:17 a.m. local time.\n\n"
        "The blast occurred at about 10:35 a.m. (0735 GMT) Friday.\n")}
    quake = events["4:17 a.m. local time"]
    assert "the day is taken from" in quake.note and "date-conflict" not in quake.flags
    assert events["about 10:35 a.m. (0735 GMT) Friday"].note == ""


def test_he_said_after_a_named_speaker_is_that_speaker(tmp_path):
    events = events_of(
        tmp_path, "2024-04-23",
        "“We are sending a clear signal,” EU foreign policy chief Josep Borrell told "
        "reporters.\n\n"
        "He said the bloc would consider more measures at a summit in June.\n\n"
        "She said nothing on Monday.\n")
    june = next(e for e in events if e.value == "2024-06")
    assert june.attribution == "Josep Borrell"
    assert june.headline.startswith("Josep Borrell says the bloc would consider more measures")
    # two sentences on, with nobody named in between, "She" is left as it is
    monday = next(e for e in events if e.value == "2024-04-22")
    assert monday.headline.startswith("She says nothing")


def test_a_speakers_titles_and_the_place_of_an_unnamed_speaker_are_no_name(tmp_path):
    events = events_of(
        tmp_path, "2024-06-09",
        '"We will not negotiate," Chief Executive Dana Whitfield told reporters on Friday.\n\n'
        '"We are nowhere near the peak," State Health Officer Dr. Kathy Lofy said Monday.\n\n'
        '"The shells fell on the market," a doctor at El-Fasher\'s South Hospital told AFP '
        "on Thursday.\n")
    assert [e.attribution for e in events] == ["Dana Whitfield", "Kathy Lofy", None]
    assert all("reported" in e.flags for e in events)



def test_past_fronted_weekday_in_a_friday_story_is_no_plan(tmp_path):
    # a past verb of deciding ("planned to", as "agreed to") after a fronted weekday: the
    # day before the story's Friday, told in the past, not next week's plan
    events = events_of(tmp_path, "2025-12-19",
                       "On Thursday, the Kenyan government planned to pay the first 32 death "
                       "claims of 100,000 shillings each.\n")
    (event,) = by_phrase(events, "Thursday")
    assert event.value == "2025-12-18"
    assert "planned" not in event.flags


def test_weekday_in_apposition_to_its_date_is_one_entry(tmp_path):
    events = events_of(tmp_path, "2024-12-27",
                       "Flights were cancelled on Dec. 18, a Wednesday, as the storm hit.\n")
    assert [e.value for e in events] == ["2024-12-18"]


def test_later_that_day_after_midnight_stays_on_that_day(tmp_path):
    events = events_of(tmp_path, "2024-12-27",
                       "The attack began shortly after midnight on Dec. 19 in the port city.\n\n"
                       "Later that day, the army sent reinforcements to the port.\n")
    assert [e.value[:10] for e in events] == ["2024-12-19", "2024-12-19"]
    assert events[0].value == "2024-12-19T00:00"
