"""Clause helpers: the clause a date sits in when it is not the main one (a relative or
subordinate clause, a participial aside, an it-cleft)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...temporal.lexicon import get_lexicon
from ..rules_file import word_list, word_set
from .phrases import drop_preposition, trailing_name
from .rules import Rules
from .verbs import has_finite_verb
from .verbs import starts_with_verb as opens_with_finite_verb
from .words import (
    AUXILIARIES,
    CLAUSE_COMMA,
    DETERMINERS,
    PAST_CUES_NOT_VERBS,
    clause_rest,
    has_verb,
    is_participle,
    is_verb,
    last_match,
    starts_with_verb,
    subject_of,
)

# An it-cleft puts the date up front and the news after "that".
CLEFT_BEFORE = re.compile(r"\bit\s+(?:was|is|will\s+be)\s+(?:not\s+until|only|on|in)?\s*$",
                           re.IGNORECASE)


CLEFT_AFTER = re.compile(r"^\s*,?\s*that\s+")


RELATIVE = re.compile(r",\s+(?:who|which)\s+")


_WHEN = re.compile(r"\bwhen\s+", re.IGNORECASE)


_ANTECEDENT_WORDS = 6


def relative_clause(before: str, after: str, rules: Rules, limit: int) -> str | None:
    """The dated when-clause, or the dated relative clause with its antecedent as subject: in
    "Juanita Castro, who
    arrived in Miami in 1961, believes ..." the date belongs to "Juanita Castro arrived in
    Miami", not to what she believes now. Only a clause set off by commas (its antecedent is
    then the words before the comma)."""
    when = last_match(_WHEN, before)
    if when and when.start() > limit and not re.search(r"[,;]", before[when.end() :]):
        # "... [a long main clause] when the case is heard in May in the appeals court": the
        # whole sentence would be cut before its date; the when-clause is what happens then
        inside = drop_preposition(before[when.end() :].rstrip(), rules)
        rest = clause_rest(after)
        clause = f"{inside} {rest}"
        return clause if len(clause.split()) >= 3 else None
    found = last_match(RELATIVE, before)
    if found is None or CLAUSE_COMMA.search(before[found.end() :]) or ";" in before[
            found.end() :]:
        return None
    words = before[: found.start()].split()[-_ANTECEDENT_WORDS:]
    bounded = False
    lex = get_lexicon()
    for i in range(len(words) - 1, -1, -1):
        word = words[i].lower().strip(",;:")
        prev = words[i - 1].lower() if i else ""
        # a finite verb: a listed past form ("met"), one after an auxiliary ("has
        # expelled") or before its object ("questioned the"), not "the injured man", "the
        # most wanted list"
        nxt = words[i + 1].lower() if i < len(words) - 1 else ""
        verb = i < len(words) - 1 and word not in PAST_CUES_NOT_VERBS and (
            word in lex.sets.past or word in lex.sets.reporting
            or (is_verb(word, lex) and (prev in AUXILIARIES or nxt in DETERMINERS)))
        if word in rules.antecedent_stops or words[i].endswith(",") or verb:
            # "The junta has expelled French troops, who ...": the antecedent starts after
            # the verb
            words, bounded = words[i + 1 :], True
            break
    if bounded and words and words[-1][:1].isupper() and not words[0][:1].isupper():
        # '..., said grid operator Ukrenergo, which has imposed ...': a name with its title
        words = [words[0][:1].upper() + words[0][1:], *words[1:]]
    name = trailing_name(words)
    if name:
        # "urged her to recall Parliament, which ...", "according to Doctors Without Borders,
        # which said ...": a name right before the comma is the antecedent, the words before
        # it are no part of it
        words = words[-name:]
    is_thing = found.group(0).strip(", ").lower().startswith("which")
    if words and is_thing and not words[0][:1].isupper() and words[0].lower() not in DETERMINERS:
        # "... placed on the FBI's most wanted list, which began in 1950": from the article
        # ("who" needs a person, whom the nearest article does not find: "the arrest of Kopp")
        starts = [i for i, w in enumerate(words) if w.lower() in DETERMINERS]
        words = words[starts[0] :] if starts else []
    if not words or not words[0][:1].isupper() and words[0].lower() not in DETERMINERS:
        return None
    inside = drop_preposition(before[found.end() :].rstrip(), rules)
    rest = clause_rest(after)
    return " ".join([*words, inside, rest])


def main_clause_dated_later(after: str, phrase_end: int,
                             others: Sequence[tuple[int, int]]) -> bool:
    """Does the main clause go on right after the date ("... on Feb. 6 rose above 40,000")
    and hold another of the sentence's dates ("on Tuesday")?"""
    return any(start >= phrase_end for start, _ in others) and starts_with_verb(
        after.lstrip(" ,"))


_EMBEDDING = re.compile(r"\b(who|which|that|where|when|since|after|before|until)\s+", re.IGNORECASE)


def main_clause_dated_before(before: str, others: Sequence[tuple[int, int]]) -> bool:
    """Does a date of the sentence stand before the subordinate clause the date is in, and
    none inside it before the date ("Talks will resume on Thursday after a first round
    collapsed last week": last week is the collapse's)?"""
    found = last_match(_EMBEDDING, before)
    if found is None:
        return False
    return any(o_end <= found.start() for _, o_end in others) and not any(
        found.start() <= o_start < len(before) for o_start, _ in others)


SINCE = word_set("recent_date_clauses")


_PREPOSITION_LIKE = word_set("preposition_like")


_SUBJECT_PRONOUNS = word_set("subject_pronouns")


def _named_subject(clause: str, main: str) -> str:
    """A clause whose subject is a pronoun takes the main clause's subject when that is a
    name: "Elian has been the focus of a battle since he was found ..." -> "Elian was found
    ..." (a headline stands alone; "He" would not say who)."""
    first, _, rest = clause.partition(" ")
    if first.lower() not in _SUBJECT_PRONOUNS or not rest:
        return clause
    subject = subject_of(main.strip(), get_lexicon())
    if subject is None or not all(w[:1].isupper() for w in subject.split()):
        return clause
    return f"{subject} {rest}"


_PLACE_BEFORE = re.compile(r"((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*),?\s*$")


def embedded_clause(before: str, after: str, rules: Rules,
                     kinds: frozenset[str] | None = None) -> str | None:
    """The subordinate clause the date sits in ("... where the Granma landed on Dec. 2, 1956,
    with 82 armed men"), with the noun it describes as subject for who/which/that; only
    clauses opened by one of ``kinds``, if given."""
    found = last_match(_EMBEDDING, before)
    if found is None or re.search(r"[,;:]|\s--\s", before[found.end() :]):
        return None
    if kinds is not None and found.group(1).lower() not in kinds:
        return None
    inside = drop_preposition(before[found.end() :].rstrip(), rules)
    if (found.group(1).lower() in _PREPOSITION_LIKE and not has_verb(inside)
            and clause_rest(after).strip(".!?\"”’ ")):
        # "after a severe drought in 2022 that left ...": a noun phrase that goes on; "since
        # the attack on Israel on April 13." ends with the date and is the headline
        return None
    inside = _named_subject(inside, before[: found.start()])
    rest = clause_rest(after)
    if starts_with_verb(rest) or found.group(1).lower() != "where":
        # "... the men who launched the revolution four decades ago in a rally Saturday": the
        # date closes a relative clause; what follows is the main clause again
        rest = ""
    subject: list[str] = []
    if found.group(1).lower() in ("who", "which", "that"):
        words = re.split(r"[,;:]", before[: found.start()])[-1].split()[-_ANTECEDENT_WORDS:]
        starts = [i for i, w in enumerate(words) if w.lower() in DETERMINERS]
        if not starts:
            return None  # no noun phrase to be the subject: "said that ..." is no relative
        subject = words[starts[-1] :]
        if any(w.lower() in rules.antecedent_stops - {"and"} for w in subject):
            return None  # "the officials said that ...": a complement, not a relative clause
    place: list[str] = []
    if found.group(1).lower() == "where":
        # "in Oklahoma City, where 168 people were killed ...": the place is the news too
        named = _PLACE_BEFORE.search(before, 0, found.start())
        if named:
            place = ["in", named.group(1)]
    rest = rest.rstrip(".!?")
    clause = " ".join([*subject, inside, rest, *place]).strip()
    clause = " ".join(clause.split())
    return clause if len(clause.split()) >= 3 else None


# "The dam, built in 1958, failed": the subject, the participle and what follows it up to the
# date (a preposition, "from", "as early as").
_PARTICIPLE_ASIDE = re.compile(r"^(?P<np>[^,;]{3,80}?),\s+(?P<part>[a-z]+)(?P<rest>\s[^,;]*)?$")


def participle_aside(sentence: str, start: int, end: int, rules: Rules) -> str | None:
    """The clause a participial aside stands for, when the date is in it: in "The dam, built
    in 1958, failed on Wednesday" the 1958 event is "The dam was built"."""
    if not sentence[end:].lstrip().startswith(","):
        return None
    found = _PARTICIPLE_ASIDE.match(sentence[:start].rstrip())
    if not found or not is_participle(found.group("part")):
        return None
    rest = (found.group("rest") or "").strip()
    if rest and drop_preposition(rest, rules) == rest:
        return None  # "The dam, built by Soviet engineers 1958": no preposition of a date
    np = rules.openers.sub("", found.group("np").strip() + " ").strip()
    if not np or len(np.split()) > 8 or "," in np:
        return None
    head = np.split()[-1].lower()
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    rest = drop_preposition(rest, rules) if rest else ""
    return " ".join(p for p in (np, "were" if plural else "was", found.group("part"), rest) if p)


_AUX_NEXT = re.compile(rf"\s*(?:{'|'.join(map(re.escape, word_list('subject_auxiliaries')))})\b")
_PLURAL_AUXILIARIES = word_set("plural_auxiliaries")


_SUBJECT_PARTICIPLE = re.compile(
    r"^(?P<np>(?:the|a|an|its|their|this|that)\s[^,;]{2,60}?)\s(?P<part>[a-z]+)"
    r"(?P<rest>\s(?:on|in|at|late|early|from)(?:\s[a-z]+)?)?\s*$", re.IGNORECASE)


_RELATIVE_END = re.compile(r"\s+(?:that|which|who)$", re.IGNORECASE)


def reduced_relative_subject(sentence: str, start: int, end: int, rules: Rules) -> str | None:
    """'The red warning for coastal gales issued on Sunday evening was lifted at 09:00
    today': the date is the participle's, inside the subject; its event is "The red warning
    for coastal gales was issued"."""
    aux = _AUX_NEXT.match(sentence, end)
    if not aux:
        return None
    found = _SUBJECT_PARTICIPLE.match(sentence[:start].rstrip())
    if not found or not is_participle(found.group("part").lower()):
        return None
    np = found.group("np").strip()
    np = np[:1].upper() + np[1:]
    relative = _RELATIVE_END.search(np)
    if relative:
        # "A ransomware attack that began late Tuesday night has crippled ...": a relative
        # clause, its verb finite already ("A ransomware attack began", not "was began")
        return f"{np[: relative.start()]} {found.group('part')}"
    # the main clause's verb agrees with the subject: "The red warning for coastal gales
    # ... was lifted"
    plural = aux.group(0).strip() in _PLURAL_AUXILIARIES
    return f"{np} {'were' if plural else 'was'} {found.group('part')}"


def without_subject_relative(text: str) -> str | None:
    """The line without the relative clause that tells who its subject is, when the line
    cannot fit with it: "Tour operators who specialize in travel in Kenya and Tanzania say
    there have been no mass cancellations" -> "Tour operators say there have been no mass
    cancellations". The main verb is the first verb after the relative's own words that no
    preposition, article or conjunction leads into ("in travel", "and Tanzania")."""
    found = re.match(r"(?P<subject>[^,;:\"“]{3,60}?)\s+(?:who|that)\s+(?P<rest>[^,;:\"“]+\S.*)$",
                     text)
    if not found or has_finite_verb(found.group("subject")):  # "said that troops who ..."
        return None
    rest = found.group("rest").split()
    leads = get_lexicon().sets.prepositions | _LEADING_WORDS
    for j in range(2, len(rest)):
        if rest[j - 1].lower() not in leads and opens_with_finite_verb(" ".join(rest[j:])):
            return f"{found.group('subject')} {' '.join(rest[j:])}"
    return None


# words after which the next one is no main verb: "specialize in travel", "Kenya and Tanzania"
_LEADING_WORDS = frozenset({"the", "a", "an", "and", "or", "but", "to", "his", "her", "its",
                            "their", "this", "that", "these", "those", "who", "which"})
