"""The one value type the temporal engine hands to the rest of the generator."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a text, normalized as a TimeML TIMEX3.

    ``start``/``end`` are character offsets into the text given to ``annotate``
    (``text[start:end] == phrase``). ``value`` follows the TIMEX3 value grammar
    (``2021-11-18``, ``2021-W46``, ``2021-12``, ``201``, ``PRESENT_REF``, ``P3D``...).
    ``note`` explains a resolution a reader should see (e.g. a conflict between a
    relative phrase and an explicit date next to it); empty when there is nothing to say.
    """

    start: int
    end: int
    phrase: str
    type: str  # DATE, TIME, DURATION or SET
    value: str
    mod: str | None = None  # TimeML mod: BEFORE, AFTER, START, MID, END, APPROX, ...
    note: str = ""
