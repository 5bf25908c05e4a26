"""What a rule may look at besides its match (``Context``) and what it gives back (``Resolved``).

The reference date (DCT), the narrative anchor and the text are explicit fields, never globals,
so a rule can be tested alone and the same text resolves the same way for the same DCT.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

from .lexicon import Lexicon
from .tense import clause_cue, clause_tense

# a slash date, for the day order of the whole text (the rule's own pattern is in patterns.yaml)
_SLASH_DATE = regex.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")


@dataclass
class Context:
    """What a rule may look at besides its match."""

    text: str
    dct: date
    lex: Lexicon
    anchor: str | None = None  # value of the last explicit date mentioned (narrative anchor)
    # the last explicit day (or time) mentioned: "two days later" counts from it even after a
    # coarser date ("She fled on Aug. 4. She has lived there since 1998. Two days later, ...")
    day_anchor: str | None = None
    # (day, sentence start) of the first day told in the day anchor's sentence: "grew on
    # Saturday, kept burning on Sunday" began on Saturday
    first_day: tuple[str, int] | None = None
    lead_day: str | None = None  # the first day told: the day the story is of
    anchor_end: int = 0  # where the text of the last explicit date ends
    # (value, end) of the last explicit date that is a baseline or a bound ("since February",
    # "not before Thursday"): no time the story reached, but "that month" may point at it
    baseline: tuple[str, int] | None = None
    # (value, end) of the last live-blog entry stamp ("04:37"): when its entry was written
    stamp: tuple[str, int] | None = None
    last_quarter: str | None = None  # last fiscal quarter mentioned (financial reporting period)
    # (value, start, end offsets) of the last date written with its year: "on Sept. 27, 2020"
    told_from: tuple[str, int, int] | None = None
    # (year, month or 0) of the last date heading a line of a key-dates list
    label: tuple[int, int] | None = None
    label_at: int = 0  # where that label starts
    label_day: str | None = None  # its day, when it names one ("Friday, 23:45 GMT:")
    # the time a passage told about another time has reached ("In 1998, it bought a lender.
    # In August, ..." -> "1998-08"), or None while the story is the news of the DCT
    story: str | None = None
    story_sentence: int = -1  # where the sentence that moved the story there starts
    story_end: int = 0  # where the date that moved it there ends
    news_told: bool = False  # whether the text has told anything of the news time yet
    # (value, end) of a year that closed a past sentence without moving the story ("The
    # accord was signed in 2016."): the next sentence's far-back day may be of that year
    closed_year: tuple[str, int] | None = None
    # (value, end) of the last year or month counted from the story ("two years later"): a
    # day in apposition to it is of its year ("two years later, on May 12")
    counted: tuple[str, int] | None = None
    # (story, end of the heading) when a history's background section took the story back
    # from where its lead had taken it: the sections after the background are told from there
    before_background: tuple[str, int] | None = None
    _slash_day_first: bool | None = field(default=None, repr=False)

    def slash_day_first(self) -> bool:
        """Whether this text writes slash dates day first ("15/03/2026"): one that can only be
        read so ("25/03") settles the ambiguous ones ("04/03") of the same article; one that
        can only be read month first, or none, keeps the US order, as in the corpora."""
        if self._slash_day_first is None:
            firsts = seconds = 0
            for m in _SLASH_DATE.finditer(self.text):
                a, b = int(m[1]), int(m[2])
                firsts += a > 12 >= b
                seconds += b > 12 >= a
            self._slash_day_first = firsts > seconds
        return self._slash_day_first

    def tense(self, start: int, end: int) -> str | None:
        return clause_tense(self.text, start, end, self.lex)

    def sure_future(self, start: int, end: int) -> bool:
        """A future told by "will", a plan or a schedule, not only by a modal."""
        return clause_cue(self.text, start, end, self.lex) == "future"


@dataclass
class Resolved:
    """One TIMEX3 produced by a rule (a rule may produce several, e.g. 'Nov 15-18')."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    explicit: bool = False  # absolute expression: may serve as narrative anchor / apposition
    relative: bool = False  # depends on DCT or anchor: may be overridden by an apposition
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)
