"""Which dates of a sentence become events (generator/events/sentence_dates/): ranges joined,
the day of a saying and the baseline of a record left out. Read through ``extract_events``,
as an editor meets them."""

from datetime import date

from test_events import events_of


def test_the_two_ends_of_a_range_are_one_event(tmp_path):
    events = events_of(
        tmp_path, "2024-03-14",
        "EU leaders will meet from 20 to 22 March in Brussels, officials said.\n\n"
        "Fighting raged Nov. 15-18 near the border.\n\n"
        "Protests spread between March and May 2023.\n\n"
        "Doctors will strike from 7am on 27 March until 7am on 2 April.\n\n"
        "Talks ran from 2014 to 2016.\n\n"
        "The deadliest outbreak, in 2018-2020, killed nearly 2,300 people.\n\n"
        "The 2019/20 budget was cut in half.\n\n"
        "Shelling continued through the night of 6 to 7 January.\n\n"
        "The vote was postponed from Monday to Thursday.\n\n"
        "Polls open on Monday and Tuesday.\n\n"
        "Troops attacked on March 5 and 6 but did not advance.\n\n"
        "Strikes hit Kyiv on March 8 and 12.\n")
    got = {e.value: (e.phrase, e.start, e.end) for e in events}
    # two days next to each other are one span; further apart, two dates
    assert got["2024-03-05/2024-03-06"][0] == "March 5 and 6"
    assert {"2024-03-08", "2024-03-12"} <= got.keys()
    assert got["2024-03-20/2024-03-22"] == ("20 to 22 March", date(2024, 3, 20),
                                           date(2024, 3, 22))
    assert got["2023-11-15/2023-11-18"][0] == "Nov. 15-18"
    assert got["2023-03/2023-05"] == ("March and May 2023", date(2023, 3, 1), date(2023, 5, 31))
    assert got["2014/2016"][1:] == (date(2014, 1, 1), date(2016, 12, 31))
    assert got["2018/2020"][0] == "2018-2020"
    assert got["2019/2020"][0] == "2019/20"  # a season or fiscal year written with a slash
    assert got["2024-01-06/2024-01-07"][0] == "6 to 7 January"  # the month written once
    assert got["2024-03-27T07:00/2024-04-02T07:00"][0] == "7am on 27 March until 7am on 2 April"
    # a date that moved, and two days named together, are two dates
    assert {"2024-03-11", "2024-03-14", "2024-03-18", "2024-03-19"} <= got.keys()
    summit = next(e for e in events if e.value == "2024-03-20/2024-03-22")
    assert summit.headline.startswith("EU leaders will meet in Brussels")
    assert "date-conflict" not in summit.flags and "planned" in summit.flags
    fighting = next(e for e in events if e.value.startswith("2023-11"))
    assert "date-conflict" not in fighting.flags  # it was one, dated the 18th


def test_the_date_a_record_is_measured_from_is_no_event(tmp_path):
    events = events_of(
        tmp_path, "2024-10-17",
        "Thousands were evacuated on Thursday in the worst flooding the region has seen "
        "since 1957.\n\n"
        "Inflation rose for the first time since 2019.\n\n"
        "It was the first peaceful transfer of power since independence from France in 1960.\n\n"
        "It is the seventh coup in West and Central Africa since 2020.\n\n"
        "The army has fought separatists since 2014.\n\n"
        "It was the biggest rally held since early December, when Castro promised more.\n\n"
        "It is the largest bank failure since Lehman Brothers collapsed in 2008.\n\n"
        "Rainfall was the lowest since records began in 1961.\n\n"
        "It was the least rain since 1957.\n\n"
        "At least 30 people have been missing since Friday's storm.\n")
    # a since-clause with a verb of its own tells what happened then; "at least" is a
    # count's bound, no record
    assert sorted(e.value for e in events) == ["2008", "2014", "2023-12", "2024-10-11",
                                               "2024-10-17"]


def test_a_happening_named_with_its_whole_day_after_since_is_an_entry(tmp_path):
    events = events_of(
        tmp_path, "2023-09-10",
        "The quake is the deadliest in Morocco since the Agadir earthquake of February 29, "
        "1960, which killed about 12,000 people.\n\n"
        "It was the wettest day since the summer of 2012.\n")
    # "the earthquake of February 29, 1960" is that quake; "since the summer of 2012" measures
    assert sorted(e.value for e in events) == ["1960-02-29"]


def test_the_day_something_was_said_is_no_entry_beside_the_day_it_happened(tmp_path):
    events = events_of(
        tmp_path, "2025-02-12",
        "Drones struck energy facilities overnight, officials said on Wednesday.\n\n"
        "Evidence arrived over the weekend at the FBI lab, FBI officials said Monday.\n\n"
        "Officials said Monday they will order the relatives to hand over the boy, whose "
        "father could come as early as Friday.\n\n"
        "Another man was arrested over the bombings last year, police said today.\n\n"
        "Albright said on Tuesday she was heartened by the probe into last Friday's bombings.\n\n"
        "Moscow denied on Tuesday that troops crossed the border on Sunday.\n")
    by_paragraph: dict[int, list[str]] = {}
    for e in events:
        by_paragraph.setdefault(e.source.paragraph, []).append(e.phrase)
    assert by_paragraph == {
        1: ["overnight"],  # not "Wednesday": the strike's day is told
        2: ["the weekend"],
        3: ["Monday", "Friday"],  # what was said lies ahead: the saying is news
        4: ["today"],  # the arrest is news; "last year" only names the bombings (no entry)
        5: ["Tuesday", "last Friday"],  # last Friday's bombings: a noun's date
        6: ["Tuesday", "Sunday"],  # a denial is news of its own
    }


def test_a_count_that_reaches_a_written_day_is_that_day(tmp_path):
    events = events_of(
        tmp_path, "2023-09-21",
        "Then, on Sept. 27, 2020, Azerbaijan launched an offensive. Six weeks later, after its "
        "forces captured Shusha, Armenia signed a truce on Nov. 10.\n\n"
        "The talks opened on Monday. Two days later, on Sept. 20, they collapsed.\n\n"
        "Two weeks later, on Oct. 30, 2020, the first convoy arrived.\n")
    assert [(e.value, e.headline) for e in events] == [
        ("2020-09-27", "Azerbaijan launches an offensive"),
        ("2020-11-10", "Armenia signs a truce"),
        ("2023-09-18", "The talks open"),
        ("2023-09-20", "They collapse"),
        ("2020-10-30", "The first convoy arrives"),
    ]


def test_a_count_from_a_day_written_before_it_is_a_happening_of_its_own(tmp_path):
    events = events_of(
        tmp_path, "2026-01-08",
        "The previous round began on Sept. 8 and broke down four days later.\n\n"
        "Police said on Wednesday the attack happened shortly after 23:00 on Tuesday.\n")
    assert [(e.value, e.phrase) for e in events] == [
        ("2025-09-08", "Sept. 8"),
        ("2025-09-12", "four days later"),
        ("2026-01-06T23:00", "shortly after 23:00 on Tuesday"),  # a clock time, no count
    ]


def test_a_saying_in_a_clause_of_its_own_is_news(tmp_path):
    events = events_of(
        tmp_path, "2023-09-20",
        "Rebels seized the town on Saturday, and the army said on Monday it would "
        "counterattack.\n")
    assert [(e.value, e.headline) for e in events] == [
        ("2023-09-16", "Rebels seize the town"),
        ("2023-09-18", "The army says it would counterattack"),
    ]


def test_a_day_and_its_clock_time_are_one_moment(tmp_path):
    events = events_of(tmp_path, "2026-03-20",
                       "The dam failed on Wednesday 11 March at 4.30am, flooding the valley.\n")
    assert [(e.value, e.phrase, e.headline) for e in events] == [
        ("2026-03-11T04:30", "Wednesday 11 March at 4.30am", "The dam fails, flooding the valley")]


def test_the_clause_a_length_counts_back_to_is_an_event_of_its_own(tmp_path):
    events = events_of(
        tmp_path, "2026-06-07",
        "The inspectors left Iran on May 19, two days after the Iranian Parliament voted to "
        "suspend cooperation.\n\n"
        "Elections were held in 2019, two years after the war ended.\n\n"
        "The strike began on Monday, three days after the attack.\n")
    got = [(e.value, e.headline) for e in events]
    assert got[:4] == [
        ("2026-05-19", "The inspectors leave Iran, two days after the Iranian Parliament voted "
                       "to suspend cooperation"),
        ("2026-05-17", "The Iranian Parliament votes to suspend cooperation"),
        ("2019", "Elections are held, two years after the war ended"),
        ("2017", "The war ends"),
    ]
    # "the attack" is no clause: no date is made for it
    assert [v for v, _ in got[4:]] == ["2026-06-01"]


def test_a_count_over_the_past_day_is_dated_the_report_s_day(tmp_path):
    events = events_of(
        tmp_path, "2026-02-11",
        "The ministry reported 157 new cases in the past 24 hours.\n\n"
        "Over the last 24 hours, 12 people died, officials said on Monday.\n\n"
        "The army has been fighting for the past 72 hours.\n")
    assert [(e.value, e.headline) for e in events] == [
        ("2026-02-11", "The ministry reports 157 new cases"),
        ("2026-02-09", "Over the last 24 hours, 12 people die, officials said"),
    ]


def test_a_date_in_a_clause_beside_what_was_said_keeps_the_day_of_saying(tmp_path):
    events = events_of(
        tmp_path, "2025-07-10",
        "The minister said on Wednesday that she would quit, ending a feud that began last "
        "Thursday.\n\n"
        "Officials said Monday that the convoy had left on Sunday.\n")
    assert [e.value for e in events] == ["2025-07-09", "2025-07-03", "2025-07-06"]


def test_a_noun_s_participle_after_what_was_said_keeps_the_day_of_saying(tmp_path):
    events = events_of(
        tmp_path, "2019-12-31",
        "Embalo said on Monday that he was on course to win the run-off held on Sunday.\n\n"
        "The port said on Monday that the ship docked on Sunday.\n")
    assert [e.value for e in events] == ["2019-12-30", "2019-12-29", "2019-12-29"]


def test_a_date_in_the_subject_s_insertion_keeps_the_day_of_saying(tmp_path):
    events = events_of(
        tmp_path, "2019-03-18",
        "The accused, who appeared in court on Saturday, has dismissed his lawyer, the Herald "
        "reported on Monday.\n\n"
        "Police said on Monday that the accused appeared in court on Saturday.\n")
    assert [e.value for e in events] == ["2019-03-16", "2019-03-18", "2019-03-16"]


def test_the_date_a_change_is_measured_from_is_no_event(tmp_path):
    events = events_of(
        tmp_path, "2026-02-07",
        "Frontex recorded 24,300 crossings in January, up 40% from a year earlier.\n\n"
        "The route is busier than at any time since 2017.\n\n"
        "Exports fell 3% compared with the same month last year.\n\n"
        "Troops moved from Kyiv on Monday.\n")
    assert [e.value for e in events] == ["2026-01", "2026-02-02"]


def test_a_question_dates_no_happening(tmp_path):
    events = events_of(
        tmp_path, "2024-10-17",
        "What happened in the talks this week?\n\n"
        "Did the envoy meet the rebels on Saturday?\n\n"
        "\"Where were you on Monday?\" the judge asked.\n\n"
        "``Why now?'' asked one diplomat on Tuesday.\n\n"
        "He asked on Tuesday: ‘Where were you on Monday?’\n\n"
        "\"Where were you on Monday?\" the judge asked, before the court adjourned on "
        "Tuesday.\n\n"
        "\"Why now?\" asked one diplomat who attended the talks on Monday.\n\n"
        "The talks, which began on Sunday, stalled (will they resume?).\n")
    # the quoted question's date goes; a clause beside it keeps its own
    assert [(e.source.paragraph, e.phrase) for e in events] == [
        (6, "Tuesday"), (7, "Monday"), (8, "Sunday")]


def test_a_quoted_question_with_a_named_asker_dates_nothing(tmp_path):
    events = events_of(tmp_path, "2024-10-17",
                       "\"Why now?\" Sergei Lavrov asked on Tuesday.\n")
    assert events == []


def test_any_superlative_measures_a_record_from_its_since_date(tmp_path):
    events = events_of(
        tmp_path, "2024-10-17",
        "1,238 people crossed, the busiest week since early September.\n\n"
        "Spreads rose to 88 basis points on Wednesday, the widest since 2012.\n\n"
        "It was the region's second-busiest week since March.\n\n"
        "Rainfall hit its single wettest day since 2014 on Friday.\n\n"
        "Forty people have been under arrest since Monday.\n\n"
        "The unrest since 2019 has killed 300 people.\n")
    # a word that only ends like a superlative measures nothing; the since-phrase ends at
    # its date ("since 2014 on Friday": Friday is the record's day)
    assert [e.phrase for e in events] == ["Wednesday", "Friday", "Monday", "2019"]


def test_the_date_a_comparison_is_measured_against_is_no_event(tmp_path):
    events = events_of(
        tmp_path, "2024-10-17",
        "Arrivals in Italy have more than halved compared with last year.\n\n"
        "Arrivals fell to 20,000, compared with 29,437 in 2023.\n\n"
        "More people crossed this year than in the whole of 2023.\n\n"
        "The plan would cap spending at last year's levels.\n\n"
        "Prices rose more than in 2023.\n\n"
        "Crossings reached 5,000 in September, from 8,000 a year earlier.\n\n"
        "More than 200 people were killed in 2022.\n\n"
        "Lawmakers must act no later than Dec. 20.\n\n"
        "Fewer died than in 2014, when the war began.\n\n"
        "The war began less than a year ago.\n\n"
        "The strike will run from Monday.\n")
    # "more than" a number, a deadline, a when-clause, an approximate count and a start stay
    assert [e.phrase for e in events] == [
        "this year", "September", "2022", "Dec. 20", "2014", "less than a year ago", "Monday"]


def test_a_span_counted_back_from_a_date_is_one_event_over_the_span(tmp_path):
    events = events_of(
        tmp_path, "2015-02-03",
        "The department reported 26 new cases in the week ending Jan. 31.\n\n"
        "Output grew 0.4 percent in the three months to December.\n\n"
        "Deaths fell in the seven days to Sunday.\n\n"
        "The talks ended on Jan. 20, a week before the deal.\n")
    got = {e.value: e.phrase for e in events}
    assert got["2015-01-25/2015-01-31"] == "the week ending Jan. 31"
    assert got["2014-10/2014-12"] == "the three months to December"
    assert got["2015-01-26/2015-02-01"] == "the seven days to Sunday"
    assert got["2015-01-20"] == "Jan. 20"  # a length that ends no span leaves its date alone


def test_a_comparison_does_not_take_the_news_day_with_it(tmp_path):
    events = events_of(
        tmp_path, "2015-02-03",
        "The number of measles cases has risen to 87, state health officials said Monday, "
        "up from 61 a week earlier.\n")
    assert [(e.value, e.phrase) for e in events] == [("2015-02-02", "Monday")]


def test_a_year_that_names_a_thing_is_no_event_beside_a_finer_date(tmp_path):
    events = events_of(
        tmp_path, "2025-11-20",
        "Espinoza is due to present the 2026 budget to the assembly by Nov. 30.\n\n"
        "The 2014 election was disputed.\n")
    assert [(e.value, e.phrase) for e in events] == [("2025-11-30", "Nov. 30"), ("2014", "2014")]


def test_periods_that_name_things_and_months_of_records_are_no_events(tmp_path):
    events = events_of(
        tmp_path, "2021-08-05",
        "The bank is due to report third-quarter results on Nov. 10.\n\n"
        "Students start the fall semester on Aug. 11.\n\n"
        "It was the hottest July day on record, beating the current July record of 36.5C.\n\n"
        "The July attack killed 12.\n")
    assert sorted((e.value, e.phrase) for e in events) == [
        ("2021-07", "July"), ("2021-08-11", "Aug. 11"), ("2021-11-10", "Nov. 10")]


def test_a_range_from_a_part_of_a_day_runs_from_that_day(tmp_path):
    events = events_of(
        tmp_path, "2008-10-14",
        "More than 400 millimetres of rain fell between Friday night and Sunday.\n")
    assert [(e.value, e.phrase) for e in events] == [
        ("2008-10-10/2008-10-12", "Friday night and Sunday")]
