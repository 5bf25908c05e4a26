import pytest

from generator.site.display import date_label


@pytest.mark.parametrize(
    ("value", "precision", "mod", "planned", "expected"),
    [
        ("2021-11-18", "day", None, False, "Nov. 18, 2021"),
        ("2021-03-02", "day", None, False, "March 2, 2021"),
        ("2021-09-02", "day", None, False, "Sept. 2, 2021"),
        ("2021-W46", "week", None, False, "Week of Nov. 15, 2021"),
        ("2021-12", "month", None, True, "December 2021 (planned)"),
        ("2021-11", "month", "MID", False, "Mid-November 2021"),
        ("2020", "year", "START", False, "Early 2020"),
        ("2014", "year", None, False, "2014"),
        ("201", "decade", None, False, "The 2010s"),
        ("2021-Q1", "quarter", None, False, "First quarter of 2021"),
        ("2021-SU", "season", None, False, "Summer 2021"),
        ("2021-11-23TEV", "time", None, False, "Nov. 23, 2021, evening"),
        ("2021-11-23T15:00", "time", None, False, "Nov. 23, 2021, 3 p.m."),
        ("2021-11-23T10:30", "time", None, False, "Nov. 23, 2021, 10:30 a.m."),
        ("2021-11-23T12:00", "time", None, False, "Nov. 23, 2021, noon"),
        # after a modifier: common nouns in lower case, "The" dropped, month names kept
        ("2000-W02", "week", "START", True, "Early week of Jan. 10, 2000 (planned)"),
        ("199", "decade", "MID", False, "Mid-1990s"),
        ("2000-SP", "season", "END", False, "Late spring 2000"),
        ("2021-Q1", "quarter", "END", False, "Late first quarter of 2021"),
        ("2021-11-18", "day", "APPROX", False, "About Nov. 18, 2021"),
        # ranges: what both ends share is written once
        ("2023-11-15/2023-11-18", "day", None, False, "Nov. 15–18, 2023"),
        ("2023-11-28/2023-12-02", "day", None, True, "Nov. 28 – Dec. 2, 2023 (planned)"),
        ("2023-12-30/2024-01-02", "day", None, False, "Dec. 30, 2023 – Jan. 2, 2024"),
        ("2024-03/2024-05", "month", None, False, "March–May 2024"),
        ("2023-11/2024-02", "month", None, False, "November 2023 – February 2024"),
        ("2014/2016", "year", None, False, "2014–2016"),
        ("2024-06-27T07:00/2024-07-02T07:00", "time", None, True,
         "June 27, 2024, 7 a.m. – July 2, 2024, 7 a.m. (planned)"),
        ("198/199", "decade", None, False, "The 1980s – The 1990s"),
        ("2024-SU", "season", "BEFORE", True, "Before summer 2024 (planned)"),
        ("2023-11-18", "day", "AFTER", False, "After Nov. 18, 2023"),
    ],
)
def test_ap_style_labels(value, precision, mod, planned, expected):
    assert date_label(value, precision, mod, planned) == expected
