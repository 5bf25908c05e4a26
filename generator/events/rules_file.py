"""The reader of ``data/events.yaml``: every section's keys checked, so that a misspelt key
is an error naming the file and section, not a rule silently dropped."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..ruledata import expect_keys, rule_data

_NAME = "events.yaml"
# The keys each section may hold, by its path in the file ("" is the top level).
_KEYS: dict[str, tuple[str, ...]] = {
    "": ("attribution_verbs", "attribution_phrases", "attribution_pronouns", "name_joiners",
         "background_days", "headline_max", "inferred_day_note", "range",
         "reporting_date_verbs", "questions", "pronoun_speaker_verbs", "record_since",
         "comparison_from", "comparison", "headline", "titles", "merge"),
    "range": ("dashes", "openers", "change_verbs"),
    "questions": ("attribution_verbs", "clause_words"),
    "record_since": ("window", "words", "superlative"),
    "record_since.superlative": ("suffix", "min_letters", "determiners", "not_superlatives"),
    "comparison": ("against", "not_than_after", "counted_back", "amount", "between", "levels"),
    "headline": ("openers", "labels", "speaker_letters", "stamp_words", "date_prepositions",
                 "deadline_prepositions", "date_focus_before", "date_focus_opening",
                 "date_focus_after", "date_focus_closing", "date_complement_verbs",
                 "anchor_prepositions", "present_verbs", "clause_openers",
                 "subject_date_after", "antecedent_stops", "frame_openers", "subject_verbs",
                 "event_clause_markers", "noun_phrase_ends", "words",
                 "desk", "present", "names", "frames"),
    "headline.desk": ("max_words", "min_words", "debris", "wire_words", "attribution_frames",
                      "frame_words", "trailing_words", "no_verb_after"),
    "headline.present": ("not_verbs", "singular_names", "bodies", "subordinators",
                         "singular_pronouns", "plural_words", "determiners", "number_words",
                         "contractions", "reporting_verbs"),
    "headline.frames": ("object_infinitive", "infinitive", "that_clause", "no_infinitive",
                        "causative", "modals", "measure_nouns", "time_words", "day_parts",
                        "before_day", "named_days", "ago_units", "colour_subjects",
                        "colour_verbs"),
    "headline.names": ("pronouns", "pronoun_stops", "possessives", "nouns", "aged_nouns", "kin",
                       "any_person_nouns", "person_words", "person_verbs", "place_words",
                       "not_names"),
    "headline.words": ("determiners", "auxiliaries", "past_cues_not_verbs",
                       "subject_pronouns", "preposition_like", "recent_date_clauses",
                       "not_main_clause", "particles", "deictic_starts",
                       "subject_auxiliaries", "plural_auxiliaries", "temporal_subordinators",
                       "sequence_subjects", "sequence_verbs"),
    "merge": ("same_date", "back_reference", "back_reference_days", "window", "adjacent_days",
              "retold_days", "stopwords"),
}


@cache
def events_rules() -> dict[str, Any]:
    """The parsed ``data/events.yaml``, each section's keys checked (shared: do not modify)."""
    return checked(rule_data("events", _NAME), _NAME)


def checked(data: dict[str, Any], where: str) -> dict[str, Any]:
    """``data`` (events.yaml's contents) after checking that each section holds only the
    keys its reader reads; ``where`` names the file in the error."""
    for section, keys in _KEYS.items():
        mapping = data
        for part in filter(None, section.split(".")):
            mapping = mapping[part]
        expect_keys(mapping, keys, f"{where}: {section or 'top level'}")
    return data


def word_set(name: str) -> frozenset[str]:
    """One of the headline rules' word classes (``headline.words.<name>``)."""
    return frozenset(events_rules()["headline"]["words"][name])


def word_list(name: str) -> list[str]:
    """One of the headline rules' word classes, in the file's order (for a regex)."""
    return list(events_rules()["headline"]["words"][name])
