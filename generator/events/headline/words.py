"""Word classes and clause primitives the headline rules share: verbs (from the temporal
engine's tense lists), subjects, determiners, where a clause ends."""

from __future__ import annotations

import re
from functools import lru_cache

from ...temporal.lexicon import get_lexicon
from ...temporal.tense import is_past_form
from ..rules_file import word_set
from .rules import get_rules


def is_verb(word: str, lex) -> bool:
    """A word that makes a clause (lower case): a past form, a reporting verb, a future cue
    (from the temporal engine's tense word lists) or a present form of "be"."""
    if word in PAST_CUES_NOT_VERBS:
        return False
    return (is_past_form(word, lex) or word in lex.sets.reporting
            or word in lex.sets.future or word in get_rules().present_verbs)


AUXILIARIES = word_set("auxiliaries")


PAST_CUES_NOT_VERBS = word_set("past_cues_not_verbs")


def has_verb(words: str) -> bool:
    lex = get_lexicon()
    return any(is_verb(w, lex) for w in re.findall(r"[a-z]+", words.lower()))


def starts_with_verb(text: str) -> bool:
    """Does ``text`` open with a past-tense verb ("gathered", "fled")? The temporal engine's
    tense word lists tell."""
    first = re.match(r"[a-z]+", text)
    return bool(first) and is_past_form(first.group(0), get_lexicon())


def is_participle(word: str) -> bool:
    """A past participle: "built", "held", "submitted", "taken", "drawn"."""
    lex = get_lexicon()
    return (len(word) > 3 and word.endswith(("ed", "en", "wn", "rn"))) or word in lex.sets.past


_FIRST_WORDS = re.compile(r"[\w'’.-]+")


_SUBJECT_WORDS = 8


def short_subject_then_verb(text: str, lex) -> bool:
    """Does ``text`` open with a short subject and its verb ("the army shelled it"), with no
    comma between ("Sen. Jesse Helms, R-N.C., strengthened" is a name in a list)?"""
    words = _FIRST_WORDS.findall(text.split(",", 1)[0])[:5]
    return any(is_verb(w.lower(), lex) for w in words[1:])


def subject_of(clause: str, lex) -> str | None:
    """The words before the clause's first verb, if they are few and open the clause."""
    for i, word in enumerate(_FIRST_WORDS.finditer(clause)):
        if i >= _SUBJECT_WORDS:
            return None
        w = word.group(0).lower()
        if i and w not in lex.sets.past and clause[: word.start()].split()[-1].lower() in (
                DETERMINERS):
            continue  # "the affected districts": an adjective, not the verb
        if is_verb(w, lex):
            subject = clause[: word.start()].strip()
            return subject if subject and subject[:1].isupper() else None
    return None


def reporting_frame(text: str) -> bool:
    """Does ``text`` open with a reporting clause ("Schumer said", "said the ministry"): a
    few words up to the clause's end with a reporting verb among them?"""
    parts = _CLAUSE_END.split(text, maxsplit=1)
    words = re.findall(r"[\w'’]+", parts[0])
    reporting = get_lexicon().sets.reporting
    return 0 < len(words) <= _FRAME_WORDS and any(w.lower() in reporting for w in words)


_FRAME_WORDS = 6


def clause_rest(after: str) -> str:
    """What follows the date up to the end of its clause (a comma, semicolon or dash)."""
    return _CLAUSE_END.split(after, maxsplit=1)[0].strip()


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return max(pattern.finditer(text), key=lambda m: m.start(), default=None)


_CLAUSE_END = re.compile(r",(?!\d{3})|;|\s--\s")  # not the comma of "2,000"


# A comma that ends a clause, not one inside a number ("2,000 people").
CLAUSE_COMMA = re.compile(r",(?!\d{3})")


DETERMINERS = word_set("determiners")


@lru_cache(maxsize=1 << 13)  # the desk counts a line again after each step that may shorten it
def words(text: str) -> int:
    """How many words ``text`` has (a dash or a lone punctuation mark is none)."""
    return len(_WORD.findall(text))


# A run of non-spaces (what ``str.split`` gives) that holds a letter or digit: one scan of
# the line, where a search per word cost a fifth of the headline time (it is asked often).
_WORD = re.compile(r"\S*\w\S*")
