"""Many articles, one timeline: reports of one happening merge, and nothing is lost."""

from dataclasses import replace
from datetime import date
from pathlib import Path

from generator.events.extract import Event, Source
from generator.events.merge import merge_events
from generator.pipeline import extract
from generator.timeline.entry_file import entry_text

EMBASSY = Path(__file__).parent.parent / "fixtures" / "articles" / "embassy"


def report(sentence: str, published: date, value: str = "1998-08-07", **changes) -> Event:
    day = date.fromisoformat(value)
    source = Source("T", None, "AP", published, f"articles/{published}.md", 1)
    event = Event(value=value, type="DATE", precision="day", start=day, end=day,
                  phrase="Friday", sentence=sentence, headline=sentence, source=source,
                  timeline="t")
    return replace(event, **changes)


def test_same_happening_from_several_articles_is_one_story():
    stories = merge_events([
        report("Bombs exploded Friday outside the U.S. embassies in Nairobi and Dar es Salaam.",
               date(1998, 8, 7)),
        report("The bombs that exploded Friday outside U.S. embassies in Nairobi and Dar es "
               "Salaam killed 81.", date(1998, 8, 8)),
        report("Police fired tear gas at students protesting fees in Lusaka on Friday.",
               date(1998, 8, 8)),
    ])
    assert [len(s.reports) for s in stories] == [2, 1]


def test_different_dates_never_merge_unless_adjacent_and_nearly_identical():
    same_words = "Bombs exploded outside the U.S. embassies in Nairobi and Dar es Salaam."
    stories = merge_events([
        report(same_words, date(1998, 8, 8)),
        report(same_words, date(1998, 8, 9), value="1998-08-08"),
        report("Bombs exploded outside the U.S. embassies in Nairobi and Dar es Salaam, "
               "killing dozens.", date(1998, 8, 12), value="1998-08-10"),
    ])
    assert [len(s.reports) for s in stories] == [2, 1]
    assert stories[0].conflicting_dates


def test_a_sentence_filed_again_later_is_one_story_with_a_date_conflict():
    """A wire story re-filed a week later: its "Wednesday" resolves to another week."""
    told = "Cuba predicted Wednesday that exiles would proceed with all their resources."
    stories = merge_events([
        report(told, date(2000, 1, 7), value="2000-01-05", phrase="Wednesday"),
        report("Castro spoke at a rally in Havana.", date(2000, 1, 7), value="2000-01-06"),
        report(told, date(2000, 1, 15), value="2000-01-12", phrase="Wednesday"),
        report(told, date(2000, 3, 1), value="2000-02-23", phrase="Wednesday"),
    ])
    assert [len(s.reports) for s in stories] == [2, 1, 1]
    assert stories[0].conflicting_dates
    assert stories[0].lead.value == "2000-01-05"  # the first filing speaks for it
    assert stories[2].lead.value == "2000-02-23"  # weeks later: another story after all
    note = entry_text(stories[0])
    assert "2000-01-05 (AP, 2000-01-07); 2000-01-12 (AP, 2000-01-15)" in note
    assert "published again later" in note
    # two wordings a day apart: a conflict, but not a story filed twice
    words = "Bombs exploded outside the U.S. embassies in Nairobi and Dar es Salaam"
    [told_twice] = merge_events([
        report(words + ".", date(1998, 8, 8)),
        report(words + ", police said.", date(1998, 8, 9), value="1998-08-08")])
    assert told_twice.conflicting_dates
    assert "published again" not in entry_text(told_twice)


def test_back_references_join_the_story_of_their_day():
    published = date(1998, 9, 30)
    stories = merge_events([
        report("Suspected bombs exploded outside the U.S. embassies in Kenya and Tanzania "
               "Friday, killing dozens.", date(1998, 8, 7)),
        report("The Aug. 7 embassy bombings in Kenya and Tanzania killed 259 people.", published),
    ])
    assert len(stories) == 1
    assert stories[0].lead.source.date == date(1998, 8, 7)


def test_real_articles_merge_the_bombing_reports_with_all_sources():
    result = extract([EMBASSY], EMBASSY.parent.parent)
    stories = merge_events(result.events)
    assert len(stories) < len(result.events)
    bombing = max((s for s in stories if s.lead.value.startswith("1998-08-07")),
                  key=lambda s: len(s.reports))
    outlets = {r.source.path for r in bombing.reports}
    assert len(outlets) >= 3
    text = entry_text(bombing)
    # Nothing is lost: every report's sentence and source is in the entry.
    for event in bombing.reports:
        assert " ".join(event.sentence.split()) in text
        assert f"{event.source.path}#p{event.source.paragraph}" in text
    assert text.count("\nSource: ") == len(
        {(r.source.path, r.source.paragraph, r.sentence) for r in bombing.reports})


def test_the_demo_bombing_told_in_other_words_is_still_one_story():
    demo = Path(__file__).parent.parent.parent / "content" / "articles" / "embassy-bombings-1998"
    result = extract([demo], demo.parent.parent)
    stories = [s for s in merge_events(result.events) if s.lead.start == date(1998, 8, 7)]
    bombing = max(stories, key=lambda s: len(s.reports))
    told = [" ".join(r.sentence.split()) for r in bombing.reports]
    assert any("Kenyan and Tanzanian capitals" in t for t in told)
    assert any("embassies in Kenya and Tanzania" in t for t in told)
    assert any("10:35 a.m." in t for t in told)
    # and what else happened that day stays apart
    assert any("news conference" in s.lead.sentence for s in stories if s is not bombing)


def test_merging_is_deterministic():
    result = extract([EMBASSY], EMBASSY.parent.parent)
    first = [entry_text(s) for s in merge_events(result.events)]
    second = [entry_text(s) for s in merge_events(list(result.events))]
    assert first == second


def test_two_dates_in_one_sentence_stay_two_happenings():
    sentence = ("After touring Dar es Salaam Thursday and meeting police leaders Friday morning, "
                "the FBI director flew home.")
    thursday = report(sentence, date(1998, 8, 21), value="1998-08-20", phrase="Thursday")
    friday = report(sentence, date(1998, 8, 21), value="1998-08-21", phrase="Friday morning")
    assert len(merge_events([thursday, friday])) == 2
