"""A reaction comes after what it reacts to: one dated before it is flagged, never shown as
if it were so.

"Iran condemned the bombing of U.S. embassies on Thursday" in a story of a bombing on
Friday: the reaction's date is misread (a weekday resolved to the wrong week, a date of the
sentence that is not the reaction's). The cause is the timeline's happening of the kind the
reaction names ("the bombing": an attack) that most articles report; a reaction dated wholly
before it gets the ``date-conflict`` flag and a note, for an editor to check (``timeline
check`` lists it). Rules in ``data/happenings.yaml`` (``reactions``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..ruledata import expect_keys, rule_data
from . import happening
from .merge import Story

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@cache
def _rules() -> dict:
    """verbs (lemmas), window, min_articles and note, read strictly."""
    data = rule_data("events", "happenings.yaml")["reactions"]
    expect_keys(data, ("verbs", "window", "min_articles", "note"),
                "generator/events/data/happenings.yaml reactions")
    return {"verbs": frozenset(w.lower() for w in data["verbs"]),
            "window": int(data["window"]), "min_articles": int(data["min_articles"]),
            "note": " ".join(str(data["note"]).split())}


def reacted_to(sentence: str) -> str | None:
    """The kind of happening a reaction names: the first kind word at most ``window`` words
    after a verb of reaction in the past ("condemned the bombing" -> attack; "welcomed the
    ruling" -> ruling; not the noun of "the protest marked a return"), statements left out;
    None for a sentence that reacts to nothing."""
    r = _rules()
    words = _WORD.findall(sentence)
    for at, word in enumerate(words):
        if not word.lower().endswith("ed") or not set(happening.lemmas(word)) & r["verbs"]:
            continue
        for later in words[at + 1:at + 1 + r["window"]]:
            kind = happening.lemma_kind(later)
            if kind and kind != "statement":
                return kind
    return None


def flag_early_reactions(stories: list[Story]) -> list[Story]:
    """The stories, with each reaction dated before its cause flagged ``date-conflict``."""
    r = _rules()
    causes: dict[str, Story] = {}
    for story in stories:
        kind = happening.told_kind(story.lead.sentence).name
        articles = len({report.source.path for report in story.reports})
        best = causes.get(kind)
        if articles >= r["min_articles"] and (best is None or articles > len(
                {report.source.path for report in best.reports})):
            causes[kind] = story
    flagged = []
    for story in stories:
        kind = reacted_to(story.lead.sentence)
        cause = causes.get(kind) if kind else None
        if cause is not None and cause is not story and story.lead.end < cause.lead.start \
                and "date-conflict" not in story.lead.flags:
            note = r["note"].format(kind=kind, day=cause.lead.start.isoformat())
            lead = replace(story.lead, flags=(*story.lead.flags, "date-conflict"),
                           note="; ".join(n for n in (story.lead.note, note) if n))
            story = replace(story, lead=lead)
        flagged.append(story)
    return flagged
