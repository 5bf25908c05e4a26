"""Whether two groups of reports can tell one happening: who did what, not just which words.

Used by ``merge``: reports of one day merge by their words (tf-idf cosine); these rules say
when they must not (two different kinds of happening, two different actors), when they may
at a lower similarity (the same kind of happening told in other words), and which report
speaks for a merged happening's figures (the latest that gives a toll or count).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from . import happening

if TYPE_CHECKING:
    from .extract import Event

# Kinds that say what happened; a statement or colour may report any of them ("Iran condemned
# Friday's bombing": the date is the bombing's).
WEAK_KINDS = frozenset({"statement", happening.COLOUR})


@lru_cache(maxsize=1 << 16)  # per sentence: bounded for a long-running serve
def _signature(sentence: str, phrase: str) -> tuple[str, frozenset[str]]:
    kind = happening.dated_kind(sentence, phrase) or happening.main_kind(sentence)
    return kind.name, happening.actors(sentence)


def signature(event: Event) -> tuple[str, frozenset[str]]:
    """(kind, actors) of the report: the kind of the word its date is attached to (else of
    its main kind word), the names before its first kind word."""
    return _signature(event.sentence, event.phrase)


def conflict(first: list[Event], second: list[Event], proper: frozenset[str],
             stopwords: frozenset[str] = frozenset()) -> str | None:
    """Why two groups tell different happenings: "actors" when every report of each names
    its actor and no actor is shared ("Iran condemned ..." and "Cyprus condemned ..."),
    "kinds" when the dates of both are attached to kinds of happening (no colour) and no
    kind is shared (an arrest and a ruling, a statement and an attack); None when they may
    tell one happening.
    ``proper``: the words that are names (``happening.proper_words``); initials always are.
    With no name, the common nouns before the first kind word say who (``happening.subject``,
    ``stopwords`` left out).
    """
    a = [_named(signature(e), proper) for e in first]
    b = [_named(signature(e), proper) for e in second]
    if _disjoint([actors for _, actors in a], [actors for _, actors in b]):
        return "actors"
    if _disjoint([_subject(e.sentence, e.phrase, stopwords) for e in first],
                 [_subject(e.sentence, e.phrase, stopwords) for e in second]):
        return "actors"  # "the central bank announced ..." and "the defence minister ..."
    kinds_a, kinds_b = {k for k, _ in a}, {k for k, _ in b}
    if happening.COLOUR not in kinds_a | kinds_b and not kinds_a & kinds_b:
        return "kinds"
    return None


def _disjoint(first: list[frozenset[str]], second: list[frozenset[str]]) -> bool:
    """Every report of each group says who, and the groups share no one."""
    if not first or not second or not all(first) or not all(second):
        return False
    return not frozenset().union(*first) & frozenset().union(*second)


@lru_cache(maxsize=1 << 16)  # per sentence: bounded for a long-running serve
def _subject(sentence: str, phrase: str, stopwords: frozenset[str]) -> frozenset[str]:
    return happening.subject(sentence, stopwords, phrase)


@lru_cache(maxsize=1 << 16)  # per sentence: bounded for a long-running serve
def _named(sig: tuple[str, frozenset[str]], proper: frozenset[str]
           ) -> tuple[str, frozenset[str]]:
    kind, actors = sig
    return kind, frozenset(a.lower() for a in actors if a.isupper() or a.lower() in proper)


def same_kind(first: list[Event], second: list[Event]) -> bool:
    """Both groups tell a kind of happening that says what happened (an attack, a ruling, an
    arrest ...), the same kind: the same happening told in other words, when on one day."""
    kinds_a = {signature(e)[0] for e in first} - WEAK_KINDS
    kinds_b = {signature(e)[0] for e in second} - WEAK_KINDS
    return bool(kinds_a & kinds_b)


def dated_by_report(event: Event) -> bool:
    """The date is the report's, not the happening's: the date phrase stands next to a
    verb of saying ("Another man has been arrested ..., police said today"; "The Cape Argus
    reported today that a man was arrested") while the sentence tells another kind of
    happening (an arrest). The happening came on that day or before it."""
    told = happening.told_kind(event.sentence)
    if told.name in WEAK_KINDS or not event.phrase:
        return False
    return happening.next_to_saying(event.sentence, event.phrase)


def told_kinds(events: list[Event]) -> set[str]:
    """The kinds of happening the reports tell (``happening.told_kind``), statements and
    colour left out."""
    return {happening.told_kind(e.sentence).name for e in events} - WEAK_KINDS


def reported_days() -> int:
    return happening.rules().reported_days


def same_kind_similarity() -> float:
    return happening.rules().same_kind_similarity


def coarser_similarity() -> float:
    return happening.rules().coarser_similarity


def dominant_share() -> float:
    return happening.rules().dominant_share


def other_kinds_similarity() -> float:
    """Two kinds read from the first kind word may still be one happening told from two
    sides ("the boy who arrived ... must be returned, the INS ruled"): only nearly the same
    words merge them."""
    return happening.rules().other_kinds_similarity


def figures_lead(reports: list[Event], lead: Event) -> Event:
    """The report that speaks for the happening's figures: of the reports that tell the
    same kind of happening as ``lead`` and give a toll or count of it
    (``happening.dated_figure``), the latest published (tolls rise as the dead are counted);
    ``lead`` when none does."""
    kind = signature(lead)[0]
    candidates = [
        r for r in reports
        if "caption" not in r.flags and happening.dated_figure(r)
        and signature(r)[0] == kind and r.start == lead.start and r.end == lead.end
    ]
    if not candidates:
        return lead
    return max(candidates, key=lambda r: (r.source.date, r is lead, r.source.path, -r.position))
