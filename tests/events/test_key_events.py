"""Key events: reports of one happening merge whatever their wording (a week's toll into the
week's bombing, an arrest dated by its report into the arrest's own day), the kind a sentence
tells (not the one it refers to), which report speaks for a happening, and what is never key."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from generator.events import happening, reactions, salience
from generator.events.extract import Event, Source, extract_events
from generator.events.merge import merge_events
from generator.sources.articles import Article
from generator.timeline.entry_file import entry_text


def report(sentence: str, published: date, value: str = "1998-08-07", article: str = "",
           phrase: str = "Friday", **changes) -> Event:
    day = date.fromisoformat(value[:10]) if len(value) >= 10 else date(1999, 1, 1)
    source = Source("T", None, "AP", published, f"articles/{article or published}.md", 1)
    event = Event(value=value, type="DATE", precision="day", start=day, end=day,
                  phrase=phrase, sentence=sentence, headline=sentence, source=source,
                  timeline="t")
    return replace(event, **changes)


def week(sentence: str, published: date, article: str) -> Event:
    """A report dated by "last week" (the week of Aug. 3, 1998)."""
    return report(sentence, published, value="1998-W32", article=article, phrase="last week",
                  precision="week", start=date(1998, 8, 3), end=date(1998, 8, 9))


# --- the kind a sentence tells --------------------------------------------------------------

def test_the_kind_told_is_not_the_kind_referred_to():
    assert happening.told_kind("Two bombs exploded outside the embassies.").name == "attack"
    assert happening.told_kind("The bombings on Aug. 7 killed 259 people.").name == "attack"
    assert happening.told_kind(
        "The bombings at the American Embassies have frightened away travelers.").name \
        == happening.COLOUR
    assert happening.told_kind(
        "Tens of thousands paid tribute to the men who launched the Cuban Revolution.").name \
        == happening.COLOUR
    assert happening.told_kind(
        "Police spokesman Rod Beer said the FBI arrested Mohamed at the airport.").name \
        == "arrest"
    assert happening.told_kind("Albright said she was heartened.").name == "statement"
    owned = ("Cuba condemned the handling of Wednesday's meeting between Elian and his "
             "grandmothers.")
    assert happening.told_kind(owned).name == "statement"
    assert happening.report_kind(owned, "Wednesday").name == "arrival"  # the date's meeting


# --- reports of one happening, whatever their wording -------------------------------------

def _bombing() -> list[Event]:
    return [report(f"Two bombs exploded outside U.S. embassies in Nairobi and Dar es Salaam "
                   f"on Friday, killing at least {80 + n} people.", date(1998, 8, 8 + n),
                   article=f"b{n}") for n in range(3)]


def test_a_weeks_toll_joins_the_weeks_big_story():
    """ "The bombings ... last week claimed at least 217 lives" shares few words with
    "Two bombs exploded ...", but the week's bombing is the one three articles report; an
    attack told once that week stays its own."""
    grenade = report("A grenade attack wounded two guards in Mombasa on Tuesday.",
                     date(1998, 8, 5), value="1998-08-04", article="g")
    toll = week("In all, the bombings in Kenya and Tanzania last week claimed at least 217 "
                "lives and injured nearly 5,000.", date(1998, 8, 11), article="w")
    stories = merge_events(sorted([*_bombing(), grenade, toll], key=lambda e: e.start))
    assert sorted(len(s.reports) for s in stories) == [1, 4]
    bombing = next(s for s in stories if len(s.reports) == 4)
    assert bombing.lead.value == "1998-08-07"  # the day speaks for it, not the week
    assert "217 lives" in entry_text(bombing).split("Also reported:")[1]


def test_a_weeks_report_of_two_equal_stories_needs_their_words():
    """Two attacks that week, each told by as many articles: no story dominates, and a week's
    report in other words joins neither."""
    other = [report("A grenade attack wounded two guards in Mombasa on Tuesday.",
                    date(1998, 8, 5 + n), value="1998-08-04", article=f"g{n}")
             for n in range(3)]
    toll = week("In all, the violence last week claimed at least 217 lives.",
                date(1998, 8, 11), article="w")
    stories = merge_events(sorted([*_bombing(), *other, toll], key=lambda e: e.start))
    assert sorted(len(s.reports) for s in stories) == [1, 3, 3]


def _airport_arrest(**changes) -> Event:
    return report("In Cape Town, police spokesman Rod Beer said the FBI arrested Mohamed at "
                  "the city's airport early Thursday morning.", date(1999, 10, 8),
                  value="1999-10-07", article="sapa", phrase="Thursday morning", **changes)


def test_an_arrest_dated_by_its_report_joins_the_arrests_own_day():
    """ "Another man has been arrested ..., police said today": today is the day of the
    saying; the arrest is the one told the day before, with its own date."""
    stories = merge_events([
        _airport_arrest(),
        report("Another man has been arrested in connection with the bombings of U.S. "
               "embassies in Kenya and Tanzania last year, police said today.",
               date(1999, 10, 8), value="1999-10-08", article="ap", phrase="today"),
        report("The Cape Argus newspaper reported today that a Tanzanian man was arrested.",
               date(1999, 10, 8), value="1999-10-08", article="argus", phrase="today"),
    ])
    assert [len(s.reports) for s in stories] == [3]
    assert stories[0].lead.value == "1999-10-07"


@pytest.mark.parametrize("earlier, later", [
    # another actor's arrest the day before: never the same happening
    (report("Tanzanian police arrested 14 foreigners in Dar es Salaam on Thursday.",
            date(1999, 10, 8), value="1999-10-07", article="tz", phrase="Thursday"),
     report("Kenyan police arrested two Somalis in Mombasa, Kenyan officials said today.",
            date(1999, 10, 8), value="1999-10-08", article="ke", phrase="today")),
    # only a date next to the saying is the report's: "arrested ... on Friday" keeps Friday
    (_airport_arrest(),
     report("Police arrested a second man on Friday in Johannesburg.", date(1999, 10, 9),
            value="1999-10-08", article="sa2")),
])
def test_an_arrest_with_its_own_day_or_actor_stays_its_own(earlier, later):
    assert [len(s.reports) for s in merge_events([earlier, later])] == [1, 1]


# --- which report speaks for a happening, what is never key ---------------------------------

def test_the_happening_not_a_reaction_speaks_for_it():
    stories = merge_events([
        report("Saying nothing is certain, Cuba's government exhorted citizens to keep "
               "rallying after the INS ruling on Wednesday that Elian must be returned.",
               date(2000, 1, 6), value="2000-01-05",
               article="cuba", phrase="Wednesday"),
        report("Saying nothing is certain, Cuba's government exhorted citizens to keep "
               "rallying after the INS ruling on Wednesday that Elian must be returned.",
               date(2000, 1, 7), value="2000-01-05",
               article="cuba2", phrase="Wednesday"),
        report("The INS ruled on Wednesday that Elian must be returned to his father.",
               date(2000, 1, 6), value="2000-01-05", article="ins", phrase="Wednesday"),
    ])
    assert [len(s.reports) for s in stories] == [3]
    assert stories[0].lead.sentence.startswith("The INS ruled")


def test_a_plan_is_never_key():
    """A plan (dated after its report) has not happened yet: a chronology tells it on the
    day it was made."""
    plan = report("Protesters plan to blockade the airport on Saturday.", date(2000, 1, 7),
                  value="2000-01-08", article="p", phrase="Saturday", flags=("planned",))
    done = [report(f"Protesters blocked the port of Miami on day {n}.", date(2000, 1, n),
                   value=f"2000-01-{n:02d}", article=f"d{n}", phrase=f"Jan. {n}")
            for n in range(1, 7)]
    stories = salience.mark_key(merge_events(sorted([*done, plan], key=lambda e: e.start)))
    assert not next(s for s in stories if "planned" in s.lead.flags).key
    assert any(s.key for s in stories)


# --- the date of the happening the sentence tells -------------------------------------------

def told_days(body: str, title: str, dct: date) -> list[tuple[int, str]]:
    """(paragraph, value) of each event read from an article of ``body``."""
    art = Article(path=Path("a.md"), title=title, dct=dct, url=None, outlet="AP",
                  timeline="t", lang="en", body=body, body_line=1)
    return [(e.source.paragraph, e.value) for e in extract_events(art, "articles/a.md")]


def test_a_plans_date_does_not_date_the_happening_told():
    """ "Burton said he subpoenaed Elian to testify ... on Feb. 10": the subpoena is told
    (on the publication day), Feb. 10 is the hearing's. A plan told as such keeps its day."""
    body = ("Burton said he subpoenaed Elian to testify before the committee on Feb. 10, "
            "2000.\n\n"
            "The committee will hear Elian on Feb. 11, 2000.\n\n"
            "Lawyers filed a petition on Friday.\n")
    told = told_days(body, "Elian subpoenaed", date(2000, 1, 7))
    assert (1, "2000-01-07") in told and (1, "2000-02-10") not in told
    assert (2, "2000-02-11") in told
    assert (3, "2000-01-07") in told


def test_a_plan_in_its_own_clause_or_after_an_adjective_keeps_its_day():
    """ "..., and Rajoy called an election for December 21": the earlier clause's "to" is
    no plan of this one; "The dismissed leader was expected to appear on Monday": an
    adjective, no happening told before the plan."""
    body = ("Spain took control on Saturday, after the parliament voted on Friday to declare "
            "independence, and Rajoy called a regional election for December 21.\n\n"
            "The dismissed Catalan leader was expected to appear in public on Monday.\n\n"
            "Schools, closed since the quake, had been due to reopen on October 15.\n")
    told = told_days(body, "Catalonia", date(2017, 10, 28))
    assert (1, "2017-12-21") in told
    assert (2, "2017-10-30") in told
    assert (3, "2017-10-15") in told  # a plan word before "to": the plan is what is told


def test_a_reaction_dated_before_its_cause_is_flagged():
    early = report("Iran condemned the bombing of U.S. embassies on Thursday.", date(1998, 8, 8),
                   value="1998-08-06", article="iran", phrase="Thursday")
    later = report("Cyprus condemned the bombing of U.S. embassies on Saturday.",
                   date(1998, 8, 9), value="1998-08-08", article="cyprus", phrase="Saturday")
    stories = reactions.flag_early_reactions(
        merge_events(sorted([*_bombing(), early, later], key=lambda e: e.start)))
    by_actor = {s.lead.sentence.split()[0]: s.lead for s in stories}
    assert "date-conflict" in by_actor["Iran"].flags
    assert "the attack of 1998-08-07" in by_actor["Iran"].note
    assert "date-conflict" not in by_actor["Cyprus"].flags
    assert "date-conflict" not in by_actor["Two"].flags
    assert reactions.reacted_to("Albright said she was heartened by the cooperation.") is None


def test_a_happening_of_a_news_day_told_as_fact_outranks_one_told_in_passing():
    """Two raids, one report each, each naming the story's people: the one whose day made
    news (three articles out that day) and told as fact outranks one told between news
    days by someone's account."""
    news = [report(f"Reno met the Miami relatives of Elian on day {n}.", date(2000, 1, 5),
                   value="2000-01-05", article=f"n{n}", phrase="Wednesday") for n in range(3)]
    told = report("Federal agents raided the home of Elian's Miami relatives on Wednesday.",
                  date(2000, 1, 5), value="2000-01-05", article="raid", phrase="Wednesday")
    passing = report("Agents raided the home of Elian's Miami relatives on Jan. 20, Reno said.",
                     date(2000, 2, 1), value="2000-01-20", article="later", phrase="Jan. 20",
                     flags=("reported",))
    stories = merge_events([*news, told, passing])
    scores = dict(zip((s.lead.sentence for s in stories),
                      salience.scores(stories, salience.core_span(stories)), strict=True))
    assert scores[told.sentence] > scores[passing.sentence]


def test_colour_told_once_is_key_only_when_nothing_else_fills_the_count():
    """An article's lead that only sets a scene, on the story's own day, outscores remarks
    told by their month long after; the remarks still fill the count first."""
    scene = report("Kenyan tour operators counted empty hotel rooms on Friday.",
                   date(1998, 9, 7), value="1998-09-04", article="scene", lead=True)

    def remark(n: int) -> Event:
        month = date(1999, n, 1)
        return report(f"Kenyan officials said in {month:%B} that talks on suspect {n} went on.",
                      date(1999, n, 28), value=f"1999-{n:02d}", article=f"r{n}",
                      phrase=f"{month:%B}", precision="month", start=month,
                      end=month.replace(day=28))

    stories = merge_events([scene, *(remark(n) for n in range(1, 13))])
    scores = salience.scores(stories, salience.core_span(stories))
    assert scores[0] > max(scores[1:])  # the scene outscores every remark ...
    marked = salience.mark_key(stories)
    assert sum(s.key for s in marked) == salience.key_count(13, 13) == 5
    assert not marked[0].key  # ... yet five remarks are key before it
    alone = salience.mark_key(merge_events([scene]))
    assert alone[0].key  # nothing else: the scene is the timeline's one key event
