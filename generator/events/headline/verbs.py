"""Whether a line holds a finite verb, or opens with one: what the desk (desk.py, wire.py)
reads before it keeps a shortened headline, so that it still says who did what. A reading
of word forms, not a parse.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ...temporal.lexicon import get_lexicon
from ..rules_file import events_rules
from .present import noun_after_adjective, past_lemma, quoted_spans
from .verb_table import verbs

FINITE = frozenset({"is", "are", "am", "was", "were", "has", "have", "had", "will", "would",
                    "can", "could", "may", "might", "must", "should", "shall", "do", "does",
                    "did", "didn't", "won't", "can't", "isn't", "wasn't", "says", "say"})


def starts_with_verb(text: str) -> bool:
    """Does ``text`` open with a finite verb ("said he ...", "will now proceed", "was
    hospitalized")? Not a plural noun that opens a list ("doctors, nurses, psychiatrists")."""
    listed = re.match(r"\s*([a-z]+),", text)
    if listed and listed.group(1) in verbs().plurals:
        return False
    for word in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)[:3]:
        low = word.lower()
        if low in FINITE or past_lemma(low):
            return True
        from .present import is_present_form

        if is_present_form(low):
            return True
        if low not in ("now", "also", "still", "later", "then", "quickly", "not", "never",
                       "already", "just", "reportedly", "initially", "first"):
            return False
    return False


@cache
def _determiners() -> frozenset[str]:
    return frozenset(events_rules()["headline"]["desk"]["no_verb_after"])


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@lru_cache(maxsize=1 << 13)  # the desk asks again after each shortening step of a line
def has_finite_verb(text: str) -> bool:
    """Does ``text`` hold a finite verb outside its quotations (an auxiliary or modal, a
    simple past, a present after a word that can be its subject)? A reading of word forms,
    not a parse."""
    from .present import is_base_form, is_present_form

    spans = quoted_spans(text)
    tokens = [m.group(0) for m in _TOKEN.finditer(text)
              if not any(a <= m.start() < b for a, b in spans)] if spans else _TOKEN.findall(text)
    determiners = _determiners()
    prepositions = get_lexicon().sets.prepositions
    for i, word in enumerate(tokens):
        low = word.lower()
        prev = tokens[i - 1].lower() if i else ""
        if low in FINITE:
            return True
        if not i or word[:1].isupper() or prev in determiners or prev in prepositions:
            continue
        if past_lemma(low) or is_present_form(low) and not (
                noun_after_adjective(low, prev) and tokens[i - 1].islower()):  # "Parliament votes"
            return True
        nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if is_base_form(low) and (prev.endswith(("s", "ly")) or prev in ("they", "we", "i", "you")
                                  or tokens[i - 1][:1].isupper() or prev in _PLURALS
                                  or nxt in _OPENS_OBJECT or i + 1 == len(tokens)
                                  and not prev.endswith(_ADJECTIVES)):
            # "10 others perish", "people rally", "the poet fight for", "lawyers raise
            # accusations" (not "a sea voyage to", "the international dispute")
            return True
    return False


# endings of a word that is an adjective before a noun ("the international dispute")
_ADJECTIVES = ("ous", "al", "ic", "ive", "ful", "less", "ary", "ible", "able")
_PLURALS = frozenset(events_rules()["headline"]["present"]["plural_words"])
_OPENS_OBJECT = frozenset({"the", "a", "an", "his", "her", "its", "their", "for", "with", "on",
                           "in", "at", "into", "from", "against", "up", "down", "out"})

