"""Headline rules read from ``data/events.yaml`` (the ``headline`` section), compiled once."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ...temporal.lexicon import get_lexicon
from ..rules_file import events_rules


@dataclass(frozen=True)
class Rules:
    openers: re.Pattern[str]
    date_prepositions: tuple[str, ...]
    event_clause: re.Pattern[str]
    noun_phrase_end: re.Pattern[str]
    subject_date_after: frozenset[str]
    frame_openers: tuple[str, ...]
    antecedent_stops: frozenset[str]
    subject_verbs: frozenset[str]
    label: re.Pattern[str]
    focus_before: re.Pattern[str]
    focus_after: re.Pattern[str]
    complement_verbs: frozenset[str]
    clause_openers: frozenset[str]
    date_and: re.Pattern[str]
    anchor_prepositions: tuple[str, ...]
    date_adjunct: re.Pattern[str]
    deadline: re.Pattern[str]
    present_verbs: frozenset[str]


def _label_pattern(data: dict) -> re.Pattern[str]:
    """Speaker labels and time stamps that open a sentence, up to their colon or dash; the
    dates and zones of a stamp are the temporal lexicon's, so any date it reads can be one."""
    ph = get_lexicon().placeholders
    letters = "|".join(map(re.escape, data["speaker_letters"]))
    words = "|".join(re.escape(w) for w in sorted(data["stamp_words"], key=len, reverse=True))
    # an ALL-CAPS name ("MR. KIRBY"), not a quotation ('NATO: "We will respond"')
    speaker = (rf"(?:{letters}|[A-Z][A-Z'’.-]*[A-Z.](?:\s+[A-Z][A-Z'’.-]*[A-Z.]){{0,3}})"
               r"\s*:\s+(?![\"“])")
    zone = rf"(?:{ph['TZ']}|{ph['TZNAME']}|local\s+time)"
    clock = (r"(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?|\d{4}(?=\s+"
             + zone + "))")
    # each part is matched once (atomic), and a stamp has a few of them: "May 5, 2020" is
    # not also tried as "May 5" and "2020", which made a long run of dates take minutes
    part = (rf"(?>{ph['WEEKDAY']}|{clock}(?:\s*{zone})?"
            rf"|{ph['MONTH']}\s*{ph['DAYNUM']}(?:,?\s*{ph['YEAR4']})?"
            rf"|{ph['DAYNUM']}\s+{ph['MONTH']}(?:\s+{ph['YEAR4']})?|{ph['MONTH']}(?:\s+"
            rf"{ph['YEAR4']})?|{ph['YEAR4']}|{words})(?![\w'’])")
    stamp = (rf"{part}(?:(?:\s*,\s*|\s+(?:at\s+)?|\s*\(\s*){part}\)?){{0,3}}"
             r"(?:\s*:\s+|\s+(?:--|[-–—])\s+|\s*[–—]\s*)")
    return re.compile(rf"^\s*(?:{speaker}|(?i:{stamp})){{1,3}}")


def _date_adjunct(data: dict) -> re.Pattern[str]:
    """A preposition and a day or month name ("on Monday", "by Jan. 14", "until
    tomorrow"): a date that ends the noun phrase before it, tagged or not (the sentence's
    grouping may have folded it into another date)."""
    lex = get_lexicon()
    ph = lex.placeholders
    days = alternation(list(lex.deictic_days))
    return re.compile(
        rf"\s(?:{alternation(data['date_prepositions'])})\s+(?:(?:last|next|this)\s+)?"
        rf"(?:{ph['WEEKDAY']}|{ph['MONTH']}|{days})(?![\w'’])", re.IGNORECASE)


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of ``words``, longest first (so "as well" wins over "as")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def get_rules() -> Rules:
    data = events_rules()["headline"]
    openers = "|".join(re.escape(w) for w in sorted(data["openers"], key=len, reverse=True))
    labels = "|".join(re.escape(w) for w in sorted(data["labels"], key=len, reverse=True))
    markers = "|".join(map(re.escape, data["event_clause_markers"]))
    return Rules(
        subject_date_after=frozenset(data["subject_date_after"]),
        frame_openers=tuple(data["frame_openers"]),
        antecedent_stops=frozenset(data["antecedent_stops"]),
        subject_verbs=frozenset(data["subject_verbs"]),
        label=_label_pattern(data),
        focus_before=re.compile(
            rf"(?:(?:^|\s)(?:{alternation(data['date_focus_before'])})"
            rf"|(?:^|[,;:(\"“]\s*|\b(?:and|but|yet|or)\s+)"
            rf"(?:{alternation(data['date_focus_opening'])}))$", re.IGNORECASE),
        focus_after=re.compile(
            rf"\s+(?:{alternation(data['date_focus_after'])}\b"
            rf"|(?:{alternation(data['date_focus_closing'])})(?=\s*(?:[,;:.!?)\"”’]|$)))",
            re.IGNORECASE),
        complement_verbs=frozenset(data["date_complement_verbs"]),
        anchor_prepositions=tuple(data["anchor_prepositions"]),
        date_adjunct=_date_adjunct(data),
        present_verbs=frozenset(data["present_verbs"]),
        deadline=re.compile(rf"(?:^|\s)(?:{alternation(data['deadline_prepositions'])})$",
                            re.IGNORECASE),
        clause_openers=frozenset(data["clause_openers"]),
        # "on Friday and Saturday", "as early as December and as late as March", "the first
        # quarter of this year": two dates that go together
        date_and=re.compile(rf"\s+(?:(?:and|or)\s+(?:again\s+)?(?:(?:"
                            rf"{alternation(data['date_prepositions'])})\s+)?|of\s+)",
                            re.IGNORECASE),
        openers=re.compile(rf"^(?:(?:{openers})\b,?\s+|(?:{labels})\s*[:,]\s*)+", re.IGNORECASE),
        date_prepositions=tuple(sorted(data["date_prepositions"], key=len, reverse=True)),
        event_clause=re.compile(rf"^[\s,)\]]*(?:{markers})\s+", re.IGNORECASE),
        noun_phrase_end=re.compile(
            # "and" ends it before a verb ("ruling and allow him"), not before a name or
            # another noun phrase ("embassies in Kenya and Tanzania", "and the bombing")
            r"[,;:!?]|\.\s*$|\s--\s|\s—\s|\sand\s(?![A-Z]|(?:the|a|an|its|his|her|their)\s)"
            r"|(?:^|\s)(?:"
            + "|".join(map(re.escape, data["noun_phrase_ends"]))
            + r")\b"
        ),
    )
