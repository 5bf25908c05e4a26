"""From dated mentions to happenings: what is no entry, the lead, merging by who did what,
the figures of a happening, its salience and the ``Key:`` header."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from generator.events import happening, salience
from generator.events.extract import Event, Source, extract_events
from generator.events.merge import Story, merge_events
from generator.sources.articles import Article
from generator.timeline.entry_file import entry_text, read_metadata
from generator.timeline.store import write_timeline


def report(sentence: str, published: date, value: str = "1998-08-07", article: str = "",
           **changes) -> Event:
    day = date.fromisoformat(value[:10]) if len(value) >= 10 else date(int(value[:4]), 1, 1)
    path = f"articles/{article or published.isoformat()}.md"
    source = Source("T", None, "AP", published, path, 1)
    event = Event(value=value, type="DATE", precision="day", start=day, end=day,
                  phrase="Friday", sentence=sentence, headline=sentence, source=source,
                  timeline="t")
    return replace(event, **changes)


def told_outright(sentence: str, published: date, day: date, article: str, **changes) -> Event:
    """A report of ``sentence``, which names ``day`` outright ("April 20, 2000")."""
    return report(sentence, published, value=day.isoformat(), article=article,
                  phrase=f"{day:%B} {day.day}, {day.year}", **changes)


def article(body: str, title: str = "Blasts rock embassies", dct: date = date(1998, 8, 8)
            ) -> Article:
    return Article(path=Path("a.md"), title=title, dct=dct, url=None, outlet="AP",
                   timeline="t", lang="en", body=body, body_line=1)


def told_in(body: str, dct: date) -> list[tuple[int, str, str]]:
    """(paragraph, value, phrase) of each event read from ``body``."""
    events = extract_events(article(body, dct=dct), "articles/a.md")
    return [(e.source.paragraph, e.value, e.phrase) for e in events]


# --- what is no entry ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, flags", [
    ("From left to right: Vladimir Putin (on July 4, 2019, in Rome) and Alyaksandr "
     "Lukashenka (on November 12, 2019, in Vienna).", ("caption",)),
    ("U.S. authorities scheduled a news conference for later today in New York.", ()),
    ("It was not immediately known if the arrest was linked to the bombings on Friday.", ()),
    ("The New York Times says in an editorial on Friday: &QL;", ()),
    ("Until this week.", ()),
    ("The following are the latest figures as of Friday for the dead and injured.", ()),
])
def test_sentences_that_tell_no_happening_make_no_entry(sentence, flags):
    phrase = "this week" if "week" in sentence else "Friday"
    assert happening.tells_nothing(report(sentence, date(1998, 8, 8), phrase=phrase,
                                          flags=flags))


@pytest.mark.parametrize("sentence, flags", [
    ("Police arrested two men in Dar es Salaam on Friday.", ()),
    ("Rescuers search the rubble of the embassy in Nairobi on Friday.", ("caption",)),
    ("Clinton said on Friday that the United States would hunt down the bombers.", ()),
    ("But Thursday's decision made it clear the family has only 14 days to decide. &UR;", ()),
    ("Officials said on Friday the following day would be one of mourning.", ()),
])
def test_news_and_statements_stay_entries(sentence, flags):
    assert not happening.tells_nothing(report(sentence, date(1998, 8, 8), flags=flags))


# --- the lead -----------------------------------------------------------------------------

def test_a_lead_without_a_date_is_an_entry_dated_by_the_publication_day():
    events = extract_events(article(
        "NAIROBI, Kenya (AP) -- Rescuers pulled survivors from the rubble of the embassy.\n\n"
        "The bombs exploded on Friday morning.\n"), "articles/a.md")
    lead = [e for e in events if e.lead]
    assert len(lead) == 1
    assert lead[0].value == "1998-08-08" and lead[0].phrase == ""
    assert "reported" in lead[0].flags and lead[0].note
    assert lead[0].sentence.startswith("NAIROBI") or "Rescuers" in lead[0].sentence
    assert [e.value[:10] for e in events if not e.lead] == ["1998-08-07"]


def test_a_dated_lead_is_marked_and_gets_no_second_entry():
    events = extract_events(article("Two bombs exploded outside U.S. embassies on Friday.\n"),
                            "articles/a.md")
    assert [(e.value, e.lead) for e in events] == [("1998-08-07", True)]


def test_a_lead_whose_only_date_is_an_older_happenings_is_dated_by_the_publication_day():
    events = extract_events(article(
        "Another man has been arrested in connection with the bombings of U.S. embassies in "
        "Kenya and Tanzania last year.\n", dct=date(1999, 10, 8)), "articles/a.md")
    assert ("1999-10-08", True) in [(e.value, e.lead) for e in events]


def test_a_kind_word_that_only_modifies_a_noun_leaves_the_date_to_the_verb():
    events = extract_events(article(
        "Thailand agreed a rescue package with the IMF on Aug. 20, 1997.\n\n"
        "A reward is being offered for information on the embassy bombings last year.\n",
        dct=date(1999, 10, 8)), "articles/a.md")
    told = [(e.source.paragraph, e.value) for e in events]
    assert (1, "1997-08-20") in told  # the agreeing's date: "rescue" modifies "package"
    assert (2, "1999-10-08") in told  # "the embassy bombings last year": still in passing


def test_a_kind_word_after_to_is_a_verb_that_leaves_the_date_to_its_clause():
    events = extract_events(article(
        "The mayor ordered troops to shoot looters on sight on April 18, 1906.\n",
        dct=date(1999, 10, 8)), "articles/a.md")
    assert "1906-04-18" in [e.value for e in events]


def test_a_date_named_in_passing_dates_no_entry():
    told = told_in(
        "Rescuers searched the rubble in Nairobi on Friday.\n\n"
        "A man was arrested today in connection with last year's deadly embassy blasts in "
        "Kenya and Tanzania, police said.\n\n"
        "A reward of $5 million is being offered for information on the embassy bombings "
        "last year.\n\n"
        "Armenia signed a truce on Nov. 10, 1997, after its forces captured Shusha.\n",
        date(1999, 10, 8))
    assert (2, "1999-10-08", "today") in told  # the arrest, by its own date
    assert not [t for t in told if t[2] == "last year"]
    assert (3, "1999-10-08", "") in told  # no date of its own: the publication day
    assert (4, "1997-11-10", "Nov. 10, 1997") in told  # a verb's date is its own


def test_a_date_whose_when_clause_tells_its_happening_is_no_passing_date():
    told = told_in(
        "Last week, a jury sentenced him to death for the attack on April 15, 2013, when two "
        "bombs near the finish line killed three people.\n\n"
        "A reward is being offered for information on the embassy bombings last year, the "
        "police said.\n", date(2015, 5, 19))
    assert (1, "2013-04-15", "April 15, 2013") in told
    assert not [t for t in told if t[2] == "last year"]


def test_a_date_inside_a_when_clause_is_that_clause_s_own():
    told = told_in(
        "The death toll reached 3,621 on Friday.\n\n"
        "The deadliest storm killed about 5,100 people in 1991, when floods sent by Tropical "
        "Storm Thelma swept through Ormoc on November 5.\n\n"
        "A reward is being offered for information on the bombings in 1991, when the embassy "
        "bombings of November 5 shocked the city, the police said.\n", date(2013, 11, 15))
    assert (2, "1991-11-05", "November 5") in told  # the sweeping's day, in its clause
    assert not [t for t in told if t[0] == 3 and t[1] == "1991-11-05"]  # no verb before it


def test_a_date_after_a_past_participle_is_its_own_no_passing_date():
    told = told_in(
        "Embalo said on Monday that he had won the run-off.\n\n"
        "Victory would overturn the first round, held on November 24, in which Pereira won "
        "the most votes.\n\n"
        "A reward is being offered for information on the embassy bombings in November, the "
        "police said.\n", date(2019, 12, 31))
    assert (2, "2019-11-24", "November 24") in told
    assert not [t for t in told if t[2] == "November"]


def test_a_date_counted_forward_tells_what_happened_next():
    told = told_in(
        "Soviet tanks entered Budapest on 24 October 1956.\n\n"
        "A ceasefire was agreed on 28 October, and Soviet troops began to leave the capital "
        "two days later.\n\n"
        "A reward is being offered for information on the embassy bombings a year ago, the "
        "police said.\n", date(2024, 10, 23))
    assert (2, "1956-10-30", "two days later") in told
    assert not [t for t in told if t[2] == "a year ago"]


def test_an_opinion_piece_has_no_lead_happening():
    events = extract_events(article("Reno made the right call in a hard case.\n",
                                    title="EDITORIAL: A decision on Elian"), "articles/a.md")
    assert events == []


# --- merging: who did what ----------------------------------------------------------------

def test_one_happening_in_other_words_merges():
    stories = merge_events([
        report("Two bombs exploded outside U.S. embassies in Kenya and Tanzania on Friday.",
               date(1998, 8, 7), article="ap"),
        report("The suspected car bombings occurred 700 kilometers apart on Friday, turning "
               "busy streets into piles of concrete.", date(1998, 8, 8), article="nyt"),
    ])
    assert [len(s.reports) for s in stories] == [2]


def test_different_actors_on_one_day_never_merge():
    stories = merge_events([
        report("Iran on Saturday condemned the bombing of U.S. embassies in Kenya and "
               "Tanzania.", date(1998, 8, 8), value="1998-08-08", article="iran"),
        report("Cyprus on Saturday condemned the bombing of U.S. embassies in Kenya and "
               "Tanzania.", date(1998, 8, 8), value="1998-08-08", article="cyprus"),
    ])
    assert [len(s.reports) for s in stories] == [1, 1]


_APRIL_20, _APRIL_21 = date(2000, 4, 20), date(2000, 4, 21)
_SANCTIONS = "the central bank announced new sanctions on exporters."


def test_two_dates_of_one_article_are_two_happenings_not_a_date_conflict():
    one = "bank"
    stories = merge_events([
        told_outright(f"On April 20, 2000, {_SANCTIONS}", date(2000, 4, 22), _APRIL_20, one),
        told_outright("On April 21, 2000, the central bank announced new sanctions on importers.",
                      date(2000, 4, 22), _APRIL_21, one, position=100),
    ])
    assert [s.lead.value for s in stories] == ["2000-04-20", "2000-04-21"]
    assert not any(s.conflicting_dates for s in stories)


def test_days_named_outright_in_two_articles_are_two_happenings():
    """Neither a date conflict: only a relative date ("Friday") can be read two ways."""
    stories = merge_events([
        told_outright(f"On April 20, 2000, {_SANCTIONS}", date(2000, 4, 25), _APRIL_20, "a"),
        told_outright(f"On April 21, 2000, {_SANCTIONS}", date(2000, 4, 26), _APRIL_21, "b"),
    ])
    assert [s.lead.value for s in stories] == ["2000-04-20", "2000-04-21"]


def test_common_noun_actors_and_the_dated_action_keep_happenings_apart():
    stories = merge_events([
        told_outright(f"On April 20, 2000, {_SANCTIONS}", date(2000, 4, 25), _APRIL_20, "a"),
        told_outright("On April 20, 2000, the defence minister announced new sanctions on "
                      "exporters.", date(2000, 4, 25), _APRIL_20, "b"),
        told_outright("On April 20, 2000, the central bank accused exporters of fraud.",
                      date(2000, 4, 26), _APRIL_20, "c"),
        told_outright("The central bank on April 20, 2000 announced sanctions on exporters.",
                      date(2000, 4, 26), _APRIL_20, "d"),
    ])
    assert sorted(len(s.reports) for s in stories) == [1, 1, 2]


def test_a_happening_told_by_its_month_joins_its_day():
    month = report("Elian was rescued off the coast of Florida in November.", date(2000, 1, 5),
                   value="1999-11", article="m", phrase="November", precision="month")
    month = replace(month, start=date(1999, 11, 1), end=date(1999, 11, 30))
    stories = merge_events([
        month,
        report("Elian was rescued by fishermen off the coast of Florida on Nov. 25.",
               date(2000, 1, 6), value="1999-11-25", article="d", phrase="Nov. 25"),
    ])
    assert len(stories) == 1
    assert stories[0].lead.value == "1999-11-25"  # the day speaks for it


def test_a_toll_comes_from_the_latest_report_that_gives_one():
    stories = merge_events([
        report("Two bombs exploded outside U.S. embassies on Friday, killing at least 81 "
               "people.", date(1998, 8, 7), article="first"),
        report("The bombs that exploded outside U.S. embassies on Friday killed 247 people.",
               date(1998, 8, 12), article="later"),
        report("The bombs that exploded outside U.S. embassies on Friday killed 180 people.",
               date(1998, 8, 9), article="middle"),
    ])
    assert len(stories) == 1
    assert "247" in stories[0].lead.sentence
    text = entry_text(stories[0])
    assert "at least 81" in text.split("Also reported:")[1]


# --- salience and Key ---------------------------------------------------------------------

def _timeline() -> list[Story]:
    bombing = [report("Two bombs exploded outside U.S. embassies in Nairobi on Friday.",
                      date(1998, 8, d), article=f"a{d}") for d in (7, 8, 9)]
    quiet = [
        report(f"Tourists in Nairobi wandered the markets on day {n}.", date(1998, 8, 9),
               value=f"1998-08-{n:02d}", article=f"q{n}") for n in range(10, 30)
    ]
    history = [report("Nairobi's embassy building was built in 1980.", date(1998, 8, 9),
                      value="1980", precision="year", article="h")]
    history[0] = replace(history[0], end=date(1980, 12, 31))
    return merge_events(sorted(history + bombing + quiet, key=lambda e: e.start))


def test_the_happening_many_articles_report_ranks_first():
    stories = _timeline()
    core = salience.core_span(stories)
    scores = salience.scores(stories, core)
    best = max(range(len(stories)), key=lambda i: scores[i])
    assert "exploded" in stories[best].lead.sentence
    assert len(stories[best].reports) == 3


def test_key_marks_a_clamped_number_and_never_background():
    stories = salience.mark_key(_timeline())
    keys = [s for s in stories if s.key]
    news_days = {r.source.date for s in stories for r in s.reports}
    assert len(keys) == salience.key_count(len(stories), len(news_days))
    assert any("exploded" in s.lead.sentence for s in keys)
    history = [s for s in stories if s.lead.value == "1980"]
    assert history and "background" in history[0].lead.flags and not history[0].key


def test_one_key_happening_a_day():
    stories = merge_events([
        report("Two bombs exploded outside U.S. embassies in Nairobi on Friday.",
               date(1998, 8, 8), article="a"),
        report("Police arrested two men in Dar es Salaam on Friday.", date(1998, 8, 8),
               article="b"),
    ] + [report(f"Tourists in Nairobi wandered the markets on day {n}.", date(1998, 8, 30),
                value=f"1998-08-{n:02d}", article=f"r{n}") for n in range(9, 29)])
    keys = [s for s in salience.mark_key(stories) if s.key]
    assert len({s.lead.start for s in keys}) == len(keys)
    assert "exploded" in keys[0].lead.sentence  # the better of the day's two


def test_key_count_rule():
    assert salience.key_count(150, 20) == 20  # one a day of coverage
    assert salience.key_count(400, 90) == 30  # capped
    assert salience.key_count(60, 3) == 12  # at least 12 for a story of a few days
    assert salience.key_count(14, 1) == 5  # a third of a small one-article timeline


def test_key_count_follows_the_days_of_coverage():
    """The days the articles came out, not the number of reports, set how many are key:
    24 reports of the bombing over three days mark as many key happenings as 3 do."""
    def keys(reports_per_day: int) -> int:
        bombing = [report("Two bombs exploded outside U.S. embassies in Nairobi on Friday.",
                          date(1998, 8, 7 + n % 3), article=f"a{n}")
                   for n in range(3 * reports_per_day)]
        quiet = [report(f"Tourists in Nairobi wandered the markets on day {n}.",
                        date(1998, 9, 30), value=f"1998-09-{n:02d}", article=f"q{n}")
                 for n in range(1, 29, 2)]
        stories = salience.mark_key(merge_events(sorted(bombing + quiet,
                                                        key=lambda e: e.start)))
        assert len({r.source.date for s in stories for r in s.reports}) == 4
        return sum(s.key for s in stories)

    assert keys(8) == keys(1) == salience.key_count(15, 4) == 6  # a third of 15, rounded up


def test_key_header_is_written_and_an_edited_one_is_kept(tmp_path):
    story = Story(lead=report("Two bombs exploded on Friday.", date(1998, 8, 8)),
                  reports=(report("Two bombs exploded on Friday.", date(1998, 8, 8)),),
                  key=True)
    assert ("key", "yes", 6) in read_metadata(entry_text(story))
    assert ("key", "no", 6) in read_metadata(entry_text(replace(story, key=False)))
    folder = tmp_path / "t"
    write_timeline(folder, [story], "T")
    path = next(p for p in folder.glob("*.md") if not p.name.startswith("_"))
    path.write_text(path.read_text().replace("Key: yes", "Key: no"))
    report_ = write_timeline(folder, [story], "T")
    assert report_.kept == [path]
    assert "Key: no" in path.read_text()
