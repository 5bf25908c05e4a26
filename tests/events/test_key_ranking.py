"""Which happenings are key: the kind of a report read in its own language, an outsider's
reaction told once kept for the minimum count, and a day many articles tell of ranked up."""

from dataclasses import replace
from datetime import date, timedelta

from generator.events import happening, salience
from generator.events.extract import Event, Source
from generator.events.intl import kinds
from generator.events.intl.rules import languages
from generator.events.merge import merge_events


def report(sentence: str, day: date, article: str, published: date | None = None,
           phrase: str = "Friday", **changes) -> Event:
    source = Source("T", None, "AP", published or day, f"articles/{article}.md", 1)
    event = Event(value=day.isoformat(), type="DATE", precision="day", start=day, end=day,
                  phrase=phrase, sentence=sentence, headline=sentence, source=source,
                  timeline="t")
    return replace(event, **changes)


# --- kinds in other languages ---------------------------------------------------------------

def test_reports_in_other_languages_are_read_by_their_own_kinds():
    assert kinds.told_kind("Las fuerzas de seguridad detuvieron a ocho dirigentes.",
                           "es").name == "arrest"
    assert kinds.told_kind("El empresario fue condenado a quince años de cárcel.",
                           "es").name == "ruling"
    assert kinds.told_kind("Le président Moubarak a démissionné vendredi.", "fr").name \
        == "official"
    # a saying followed by "che" passes on what happened
    assert kinds.told_kind("Il ministro ha detto che la polizia ha arrestato 20 manifestanti.",
                           "it").name == "arrest"
    # a kind word after an article names a happening known already
    assert kinds.told_kind("Miles de personas recordaron el atentado.", "es").name \
        == happening.COLOUR
    assert kinds.told_kind("Una destacada fuente manifiesta el interés de su país.",
                           "es").name == "statement"


def test_ranking_reads_a_spanish_report_with_spanish_words():
    """Read with the English lists, "sus" was "sue" (an official action) and this caption
    outranked the news; in Spanish it tells no happening."""
    caption = "Mubarak con su mujer y sus dos hijos."
    event = report(caption, date(2011, 4, 17), "caption", lang="es")
    assert happening.report_kind(caption, "").name == "official"  # the English misreading
    assert salience.report_kind(event).name == happening.COLOUR
    arrest = report("La policía detuvo a Mubarak en Sharm el Sheij.", date(2011, 4, 13),
                    "arrest", lang="es")
    assert salience.report_kind(arrest).name == "arrest"


# --- an outsider's reaction told once -------------------------------------------------------

def _arrest_days(first: date, days: int) -> list[Event]:
    """An arrest every third day (reports of one kind on adjacent days could be one
    happening), each an article's lead, each article also recalling two earlier
    months in passing (background happenings, so the timeline has enough happenings for
    one key event a news day)."""
    events = []
    for n in range(days):
        day = first + timedelta(days=3 * n)
        events.append(report(f"Kenyan police arrested suspect number {n} in Nairobi.", day,
                             f"k{n}", lead=True))
        for back in (1, 2):
            month = date(1980 + n, back, 1)
            events.append(report(f"Nairobi hotels stood empty in {month:%B %Y}.", month,
                                 f"k{n}", published=day, phrase=f"{month:%B}",
                                 precision="month", value=f"{month:%Y-%m}",
                                 end=month.replace(day=28)))
    return events


def test_an_outsiders_reaction_told_once_only_fills_the_minimum():
    """Fifteen arrests fill more than the minimum of key events: the Cypriot
    government's condemnation (no name of the story's before its verb) takes no news day's
    slot, nor does an arrest told only by an editorial, while the Kenyan president's own
    statement, told once too, does."""
    first = date(1998, 8, 1)
    events = _arrest_days(first, 15)
    cyprus = report("The Cypriot government condemned the arrests in Nairobi on Sunday.",
                    first + timedelta(days=46), "cyprus", lead=True)
    kenya = report("Kenyan President Moi said on Monday that the suspects would be tried in "
                   "Nairobi.", first + timedelta(days=49), "moi", lead=True)
    opinion = report("Kenya was right to arrest the suspects in Nairobi on Tuesday.",
                     first + timedelta(days=52), "editorial", lead=True)
    opinion = replace(opinion, source=replace(opinion.source, title="EDITORIAL: Kenya acts"))
    stories = merge_events(sorted([*events, cyprus, kenya, opinion], key=lambda e: e.start))
    marked = salience.mark_key(stories)
    key = {s.lead.sentence for s in marked if s.key}
    assert len(key) == 16 > salience._rules().min_key
    assert kenya.sentence in key
    assert cyprus.sentence not in key
    assert opinion.sentence not in key  # an editorial argues: no item of a chronology


# --- a day many articles tell of ------------------------------------------------------------

def test_a_day_many_articles_tell_of_outranks_a_quiet_day():
    """Two statements by the story's people, each told once, alike but for their day: three
    other articles tell of the first one's day (a march, a rally, a curfew)."""
    busy, quiet = date(2011, 1, 25), date(2011, 3, 8)
    later = date(2011, 6, 1)
    said = [report(f"Mubarak said on that day that he would stay, version {n}.", day,
                   f"s{n}", published=later) for n, day in enumerate((busy, quiet))]
    others = [report(f"Thousands of Egyptians {what} in Cairo against Mubarak.", busy,
                     f"o{n}", published=later)
              for n, what in enumerate(("marched", "rallied", "defied a curfew"))]
    stories = merge_events(sorted([*said, *others], key=lambda e: e.start))
    scores = dict(zip((s.lead.sentence for s in stories),
                      salience.scores(stories, salience.core_span(stories)), strict=True))
    assert scores[said[0].sentence] > scores[said[1].sentence]


def test_every_language_has_kinds_of_every_kind():
    """Each language the events stage reads has a kinds file with stems of every kind."""
    for lang in languages():
        assert kinds.has_kinds(lang)
        for kind in happening.rules().kinds:
            assert kinds._stems(lang).prefixes  # loads
            assert any(k == kind for _, k in kinds._stems(lang).prefixes) or kind in \
                kinds._stems(lang).whole.values(), (lang, kind)


def test_a_follow_up_the_articles_report_is_inside_the_crisis_span():
    """Ten reports of the August bombing make the core; an arrest in October, told by the
    last article, is a development of the story (nearness 1), while a happening as far
    before the core is not."""
    bombing = [report(f"Bombs exploded at the embassy in Nairobi, report {n}.",
                      date(1998, 8, 7), f"b{n}", published=date(1998, 8, 8)) for n in range(10)]
    arrest = report("Police arrested a suspect of the Nairobi bombing.", date(1998, 10, 20),
                    "late", published=date(1998, 10, 21))
    before = report("A Nairobi militia was formed.", date(1998, 5, 25), "early",
                    published=date(1998, 10, 21))
    stories = merge_events(sorted([*bombing, arrest, before], key=lambda e: e.start))
    signals = dict(zip((s.lead.sentence for s in stories),
                       salience.signals(stories, salience.core_span(stories)), strict=True))
    assert signals[arrest.sentence]["core"] == 1.0
    assert signals[before.sentence]["core"] < 1.0


# --- one happening told under two dates ------------------------------------------------------

def test_a_happening_retold_under_another_date_is_one_key_event():
    """Two papers date one arrival four days apart, each naming its day outright (so the
    merge keeps them apart): one key event, the report filed nearer to its day; a different
    happening of those days stays key."""
    events = _arrest_days(date(2000, 3, 2), 14)  # none on April 5 or 6
    recap = report("Juan Miguel Gonzalez arrived in the United States April 2.",
                   date(2000, 4, 2), "recap", published=date(2000, 6, 1), phrase="April 2")
    near = report("Gonzalez arrived in the United States on April 6, his lawyer said.",
                  date(2000, 4, 6), "near", published=date(2000, 4, 17), phrase="April 6")
    other = report("Kenyan police arrested two Gonzalez aides in Nairobi.", date(2000, 4, 5),
                   "aides", published=date(2000, 4, 6), phrase="April 5")
    recap, near, other = (replace(e, headline=h) for e, h in (
        (recap, "Juan Miguel Gonzalez arrives in the United States"),
        (near, "Gonzalez arrives in the United States"),
        (other, "Kenyan police arrest two Gonzalez aides in Nairobi")))
    stories = merge_events(sorted([*events, recap, near, other], key=lambda e: e.start))
    assert len({s.lead.sentence for s in stories} & {recap.sentence, near.sentence}) == 2
    marked = salience.mark_key(stories)
    key = {s.lead.sentence for s in marked if s.key}
    assert near.sentence in key
    assert recap.sentence not in key
    assert other.sentence in key
    assert salience.retells(*(s for s in stories if s.lead.sentence in (recap.sentence,
                                                                        near.sentence)))
