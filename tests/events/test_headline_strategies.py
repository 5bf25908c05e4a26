"""The headline strategies one by one (generator/events/headline/strategies.py): each writes
its own example alone, is the first to write it in the registry, and the registry's order
reaches every one of them."""

import pytest

from generator.events.headline import desk, strategies, write_headline, written_headline
from generator.events.headline.draft import Draft, draft
from generator.events.headline.strategies import STRATEGIES
from generator.events.headline.tidy import tidy

# (strategy, sentence, date phrase, the sentence's other dates, headline)
EXAMPLES = [
    ("quotation", '"We will stay at least through the end of next week," he said.',
     "through the end of next week", (),
     '"We will stay at least through the end of next week," he said'),
    ("counted_clause", "He left on May 19, two days after the Iranian Parliament voted to "
     "expel him.", "two days after", ("May 19",), "The Iranian Parliament voted to expel him"),
    ("sequence_frame", "The minister's statement came an hour after rebels freed two "
     "hostages on Friday.", "Friday", (), "Rebels freed two hostages on Friday"),
    ("participle_aside", "The dam, built in 1958, failed on Wednesday.", "1958",
     ("Wednesday",), "The dam was built"),
    ("reduced_relative_subject", "The red warning issued on Sunday evening was lifted at 09:00 "
     "today.", "Sunday evening", (), "The red warning was issued"),
    ("gapped_conjunct", "Fitch will review the rating on April 24, and Moody's on May 8.",
     "May 8", ("April 24",), "Moody's will review the rating"),
    ("event_clause", "That irritation shone through last Thursday, when Kremlin spokesman "
     "Dmitry Peskov demanded Europe stop blaming Russia.", "last Thursday", (),
     "Kremlin spokesman Dmitry Peskov demanded Europe stop blaming Russia"),
    ("cleft", "It was not until Tuesday that Castro revealed the plan.", "Tuesday", (),
     "Castro revealed the plan"),
    ("relative_clause", "Juanita Castro, who arrived in Miami in 1961, believes the island "
     "will change.", "1961", (), "Juanita Castro arrived in Miami"),
    ("dated_subordinate", "The boy will stay in Miami even after a federal court Thursday "
     "refused to order a hearing.", "Thursday", (),
     "A federal court refused to order a hearing"),
    ("embedded_clause", "The death toll from the earthquakes that struck Turkey on Feb. 6 rose "
     "above 40,000 on Tuesday.", "Feb. 6", ("Tuesday",), "The earthquakes struck Turkey"),
    ("dated_noun_phrase", "They replace agents charged in the Dec. 21, 1988, bombing of a Pan "
     "Am jet.", "Dec. 21, 1988", (), "The bombing of a Pan Am jet"),
    ("described_noun", "He was arrested in connection with the bombings of U.S. embassies last "
     "year that killed 224 people.", "last year", (),
     "The bombings of U.S. embassies that killed 224 people"),
    ("reduced_relative", "A ceasefire proposed by Turkey last autumn was rejected by Moscow on "
     "3 December.", "last autumn", ("3 December",), "A ceasefire proposed by Turkey"),
    ("date_as_subject", "Prayers were held as Easter week began.", "Easter week", (),
     "Prayers were held as Easter week began"),
    ("possessive_subject", "Even in outer space, last week's Russian missile test provoked "
     "howls of protest.", "last week", (), "The Russian missile test provoked howls of protest"),
    ("possessive_object", "Voters turned out in Friday's vote.", "Friday", (),
     "Voters turned out in the vote"),
    ("without_date", "Peskov on Sunday slammed the United States.", "Sunday", (),
     "Peskov slammed the United States"),
]


def _draft(sentence: str, phrase: str, others: tuple[str, ...]) -> Draft:
    start = sentence.index(phrase)
    spans = [(sentence.index(o), sentence.index(o) + len(o)) for o in others]
    return draft(sentence, start, start + len(phrase), 110, False, spans)


@pytest.mark.parametrize(("name", "sentence", "phrase", "others", "expected"), EXAMPLES)
def test_a_strategy_alone_writes_its_example(name, sentence, phrase, others, expected):
    d = _draft(sentence, phrase, others)
    text = getattr(strategies, name)(d)
    assert text is not None
    assert tidy(text, d.rules) == expected


@pytest.mark.parametrize(("name", "sentence", "phrase", "others", "expected"), EXAMPLES)
def test_the_first_strategy_that_writes_one_wins(name, sentence, phrase, others, expected):
    d = _draft(sentence, phrase, others)
    winner = next(s.name for s in STRATEGIES if s.write(d) is not None)
    assert winner == name
    start = sentence.index(phrase)
    spans = [(sentence.index(o), sentence.index(o) + len(o)) for o in others]
    assert written_headline(sentence, start, start + len(phrase), 110, False, spans) == expected
    # the desk's edit of it is the headline (tests/events/test_headline_desk.py)
    assert write_headline(sentence, start, start + len(phrase), 110, False, spans) == (
        desk.edit(expected))


def test_a_strategy_of_another_shape_writes_none():
    d = _draft("Peskov on Sunday slammed the United States.", "Sunday", ())
    assert strategies.cleft(d) is None
    assert strategies.counted_clause(d) is None
    assert strategies.quotation(d) is None


def test_the_registry_names_each_strategy_once_and_reaches_every_one():
    names = [s.name for s in STRATEGIES]
    assert len(names) == len(set(names))
    assert all(getattr(strategies, s.name) is s.write for s in STRATEGIES)
    assert names == [name for name, *_ in EXAMPLES]  # each is first for its example
    assert names[-1] == "without_date"  # the one that always writes a headline


def test_only_the_strategies_of_the_date_s_own_part_fall_back_to_it():
    fallback = [s.name for s in STRATEGIES if s.fallback]
    assert fallback[0] == "event_clause" and fallback[-1] == "without_date"
    assert all(s.fallback for s in STRATEGIES[len(STRATEGIES) - len(fallback) :])


@pytest.mark.parametrize(("sentence", "phrase"), [
    # the date ends the clause: it may be the main clause's
    ("Protesters rallied after police arrested him on Friday.", "on Friday"),
    # a preposition's noun and its relative clause, not a clause of time
    ("They could ask for a rehearing before the same panel that issued Thursday's ruling.",
     "Thursday"),
    # the date heads a noun phrase ("a flat second quarter")
    ("After a flat second quarter tied to lower newsprint earnings, the company gained.",
     "second quarter"),
    # the main clause goes on past the clause of time
    ("The man who fired seconds before the bomb exploded was identified Thursday as a suspect.",
     "Thursday"),
])
def test_a_date_is_no_clause_of_time_s_own_when_the_clause_does_not_go_on(sentence, phrase):
    assert strategies.dated_subordinate(_draft(sentence, phrase, ())) is None


def test_a_sequence_frame_needs_a_statement_or_decision_as_its_subject():
    d = _draft("Rain came an hour after rebels freed two hostages on Friday.", "Friday", ())
    assert strategies.sequence_frame(d) is None
