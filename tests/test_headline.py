import pytest

from generator.headline import write_headline


def headline(sentence: str, phrase: str, limit: int = 110) -> str:
    start = sentence.index(phrase)
    return write_headline(sentence, start, start + len(phrase), limit)


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("Peskov Sunday slammed the United States for driving hysteria.", "Sunday",
         "Peskov slammed the United States for driving hysteria"),
        ("That irritation shone through last Thursday (November 18), when Kremlin spokesman "
         "Dmitry Peskov demanded Europe stop blaming Russia.", "last Thursday (November 18)",
         "Kremlin spokesman Dmitry Peskov demanded Europe stop blaming Russia"),
        ("At a meeting on November 15, Borrell criticised Minsk.", "November 15",
         "At a meeting, Borrell criticised Minsk"),
        ("But Russia was outraged when protests ousted the president in 2014, seeing a plot.",
         "2014", "Russia was outraged when protests ousted the president, seeing a plot"),
        ("Even in outer space, last week's Russian missile test provoked howls of protest.",
         "last week", "Russian missile test provoked howls of protest"),
        # An attributive date dates its noun: the bombing, not the charging.
        ("They replace agents charged in the Dec. 21, 1988, bombing of a Pan Am jet.",
         "Dec. 21, 1988", "Bombing of a Pan Am jet"),
        ("Albright said on Tuesday that she was heartened by cooperation in probing last "
         "Friday's bombings of U.S. embassies.", "last Friday",
         "Bombings of U.S. embassies"),
        ("Albright said on Tuesday that she was heartened by cooperation in probing last "
         "Friday's bombings of U.S. embassies.", "on Tuesday",
         "Albright said that she was heartened by cooperation in probing last Friday's "
         "bombings of U.S. embassies"),
        # Too short to stand alone, or the subject of the sentence: the sentence stays.
        ("Voters rejected the plan in Friday's vote.", "Friday",
         "Voters rejected the plan in vote"),
        ("Police said the Aug. 7 bombings at the embassies in Kenya and Tanzania killed 224.",
         "Aug. 7", "Bombings at the embassies in Kenya and Tanzania killed 224"),
    ],
)
def test_headline_drops_date_words_and_frames(sentence, phrase, expected):
    assert headline(sentence, phrase) == expected


def test_long_headline_is_cut_at_a_clause_or_word_boundary():
    sentence = ("Western countries last week raised alarm over Russian military activity near "
                "Ukraine -- and Washington said it has real concerns over what it called unusual "
                "activity on the border.")
    assert headline(sentence, "last week", 90) == (
        "Western countries raised alarm over Russian military activity near Ukraine")
    cut = headline("On Monday " + "word " * 40, "On Monday", 50)
    assert cut.endswith("…") and len(cut) <= 51


def test_a_date_in_brackets_dates_what_stands_before_them():
    caption = ("From left to right: Russian President Vladimir Putin (on July 4, 2019, in Rome), "
               "Belarusian President Alyaksandr Lukashenka (on November 12, 2019, in Vienna) and "
               "Polish Prime Minister Mateusz Morawiecki (on February 20, 2020, in Brussels).")
    assert headline(caption, "July 4, 2019") == "Russian President Vladimir Putin, in Rome"
    assert headline(caption, "November 12, 2019") == (
        "Belarusian President Alyaksandr Lukashenka, in Vienna")
    # Apposition is not an aside: the phrase starts before the bracket.
    sentence = ("It shone through last Thursday (November 18), when Kremlin spokesman Dmitry "
                "Peskov demanded an apology.")
    assert headline(sentence, "last Thursday (November 18)") == (
        "Kremlin spokesman Dmitry Peskov demanded an apology")
    assert headline(caption, "February 20, 2020") == (
        "Polish Prime Minister Mateusz Morawiecki, in Brussels")
