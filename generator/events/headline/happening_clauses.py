"""Strategies that pick, of a sentence's clauses, the one that tells the dated happening,
when the main clause only frames it: a statement placed in a sequence ("Castro's statement
came less than an hour after ..."), or a state that holds while the news happened ("Elian
will remain in the United States ... even after a federal appeals court Thursday refused
...").
"""

from __future__ import annotations

import re

from ...temporal.lexicon import get_lexicon
from ..rules_file import word_list, word_set
from .desk import has_finite_verb, starts_with_verb
from .draft import Draft
from .phrases import drop_preposition
from .words import AUXILIARIES, clause_rest, has_verb, is_verb, last_match

_SUBORDINATOR = re.compile(
    rf"(?:^|[\s,])(?:even\s+|just\s+|shortly\s+|soon\s+)?"
    rf"(?P<word>{'|'.join(word_list('temporal_subordinators'))})\s+", re.IGNORECASE)
_SEQUENCE = re.compile(
    rf"^(?P<subject>[^,;]{{2,60}}?)\s+(?:{'|'.join(word_list('sequence_verbs'))})\b"
    rf"(?P<gap>[^,;\"“]{{0,50}}?)\s(?:after|as|when)\s+(?P<clause>\S.*)$")
_SEQUENCE_SUBJECTS = word_set("sequence_subjects")
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.IGNORECASE)
# A word of the date the phrase left out: "shot to death last Oct. 23".
_LEFT_OVER = re.compile(r"\s+(?:last|next|this|early|late)$", re.IGNORECASE)
_DEICTIC = re.compile(rf"(?:{'|'.join(map(re.escape, word_list('deictic_starts')))})\b",
                      re.IGNORECASE)
# The most words between a subordinator and the date for the date to be its clause's.
_SUBJECT_WORDS = 8


def dated_subordinate(d: Draft) -> str | None:
    """A date inside a temporal clause, before the clause's end, dates that clause: "Elian
    will remain in the United States for at least two more weeks even after a federal
    appeals court Thursday refused to order a political asylum hearing." (Thursday) -> "A
    federal appeals court refused to order a political asylum hearing"; "... after Castro
    announced Wednesday that the father is ready to travel" -> "Castro announced that the
    father is ready to travel". A date that ends the clause may be the main clause's
    ("Protesters rallied after police arrested him on Friday"): left to other strategies."""
    before, after = d.before, d.after
    found = last_match(_SUBORDINATOR, before)
    if found is None:
        return None
    inside = before[found.end() :]
    if not inside.strip() or re.search(r"[,;:\"“]|\s--\s", inside) or len(
            inside.split()) > _SUBJECT_WORDS:
        return None
    if _RELATIVE.search(inside) or _verb_groups(inside) > 1:
        # "before the panel that issued Thursday's ruling": a preposition's noun and its
        # relative clause; "before the bomb exploded was identified Thursday": the main
        # clause goes on past the subordinate one
        return None
    fronted = not before[: found.start()].strip(" ,")
    rest = (clause_rest(after) if fronted else after.strip()).rstrip(".!? ")
    if not rest or rest.startswith((",", ";", "'", "’")):
        return None
    bare = drop_preposition(inside.rstrip(), d.rules)
    phrase = d.focused.sentence[d.focused.start : d.focused.end]
    if bare == inside.rstrip() and phrase[:1].islower() and not _DEICTIC.match(phrase):
        return None  # "after a flat second quarter tied to ...": the date heads a noun phrase
    inside = _LEFT_OVER.sub("", bare)
    if has_verb(inside):
        # "Castro announced | Wednesday | that ...": the date between the verb and its object
        if starts_with_verb(rest):
            return None
    elif not starts_with_verb(rest):
        return None  # "after a severe drought in 2022 that left ...": no clause of its own
    clause = f"{inside} {rest}".strip()
    return clause if len(clause.split()) >= 4 else None


def sequence_frame(d: Draft) -> str | None:
    """A statement or decision placed in a sequence gives the happening it follows: "Castro's
    statement came less than an hour after Gregory Craig announced in Washington that the
    father would travel." -> "Gregory Craig announced in Washington that the father would
    travel" (the frame says only when the statement came)."""
    span = d.whole
    found = _SEQUENCE.match(span.sentence)
    if not found or span.start < found.start("clause") and span.end > found.start("clause"):
        return None
    head = found.group("subject").split()[-1].lower()
    if head not in _SEQUENCE_SUBJECTS:
        return None
    if found.start("gap") <= span.start < found.start("clause"):
        return None  # "The move came on Thursday after ...": the date is the frame's
    clause = found.group("clause").rstrip(".!? ")
    return clause if has_finite_verb(clause) and len(clause.split()) >= 4 else None


def _verb_groups(text: str) -> int:
    """How many verb groups ``text`` holds: "he was shot to death" one (a verb after an
    auxiliary, and an adverb between them, go with it), "the bomb exploded was positively
    identified" two."""
    lexicon, groups, open_group = get_lexicon(), 0, False
    for word in re.findall(r"[a-z]+", text.lower()):
        if is_verb(word, lexicon) or word in AUXILIARIES:
            if not open_group:
                groups += 1
            open_group = word in AUXILIARIES
        elif not (open_group and word.endswith("ly")):
            open_group = False
    return groups
