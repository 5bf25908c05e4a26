"""What a verb needs after it, as a desk editor reads a cut: "wants the appeals court" is
no line without "to suspend the injunction", "announced to offer a reward" is a wrong
complement, "to have the family must sign" splices two clauses, and "in a letter published
that he wants" keeps a participle whose date was cut. The verb classes are data
(``data/events.yaml``, ``headline.frames``); the verbs' forms are lemminflect's
(``verb_table``).
"""

from __future__ import annotations

import re
from functools import cache

from ...temporal.lexicon import get_lexicon
from ..rules_file import events_rules
from .present import is_present_form, participle_lemma, past_lemma
from .verb_table import verbs
from .verbs import FINITE, has_finite_verb

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@cache
def _data() -> dict:
    return events_rules()["headline"]["frames"]


@cache
def _class(name: str) -> frozenset[str]:
    return frozenset(_data()[name])


def of_class(word: str, name: str) -> bool:
    """Is ``word`` a form of a verb of the frame class ``name`` ("wants", "sought")?"""
    return word.islower() and any(lemma in _class(name) for lemma in verbs().lemmas_of(word))


def _is_verb_base(word: str) -> bool:
    return word.islower() and word in verbs().lemmas_of(word)


def _finite(word: str) -> bool:
    return word.islower() and bool(past_lemma(word) or is_present_form(word))


def infinitive_complement(head: str, after: str) -> bool:
    """Is the "to" that opens ``after`` the complement of a verb at the end of ``head``: a
    verb that takes a to-infinitive ("offered | to travel") or one whose object takes one
    ("wants the appeals court | to suspend")? Not "led a team | to Africa"."""
    following = _WORD.findall(after)
    if len(following) < 2 or following[0].lower() != "to" or not _is_verb_base(following[1]):
        return False
    tokens = _WORD.findall(head)[-7:]
    if not tokens:
        return False
    if of_class(tokens[-1], "infinitive") or of_class(tokens[-1], "object_infinitive"):
        return True
    prepositions = get_lexicon().sets.prepositions
    determiners = _OBJECT_DETERMINERS
    for k in range(len(tokens) - 2, -1, -1):
        # back over the object ("the appeals court", "Cuban diplomats based in Washington")
        word = tokens[k]
        if of_class(word, "object_infinitive"):
            return True
        low = word.lower()
        if low in determiners or low in prepositions or not word.islower():
            continue
        if word.endswith(",") or low in ("that", "which", "who") or low in FINITE or (
                _finite(word) and not participle_lemma(word)
                and tokens[k - 1].lower() not in determiners):
            return False
    return False


def that_complement(head: str) -> bool:
    """Is a "that" after ``head`` the complement of its verb, past a phrase or two ("said in a
    letter | that he wants ...", "ruled on Wednesday | that")? Then no relative clause opens
    there."""
    tokens = _WORD.findall(head)[-8:]
    prepositions = get_lexicon().sets.prepositions
    for k in range(len(tokens) - 1, -1, -1):
        word = tokens[k]
        if of_class(word, "that_clause"):
            return k == len(tokens) - 1 or tokens[k + 1].lower() in prepositions
        if _finite(word) or word.lower() in FINITE:
            return False
    return False


def cut_complement(text: str, shorter: str) -> bool:
    """Did shortening ``text`` to ``shorter`` cut the to-infinitive its verb needs? "The
    Justice Department wants the appeals court to suspend ..." -> "The Justice Department
    wants the appeals court" did."""
    if not text.startswith(shorter):
        return False
    return infinitive_complement(shorter, text[len(shorter) :].lstrip(" ,"))


def mended(text: str) -> str:
    """The complement a news sentence got wrong, mended: a verb that takes no to-infinitive
    gives way to the infinitive's verb ("Albright announced to offer a reward" -> "Albright
    offered a reward"), and a causative's object takes a bare infinitive ("sought to have the
    family must sign an agreement" -> "sought to have the family sign an agreement")."""
    text = _NO_INFINITIVE().sub(_infinitive_verb, text)
    return _SPLICED().sub(lambda m: m.group("head") + m.group("verb"), text)


def actor_of_colour(text: str) -> str:
    """"Attention returned to the federal judges deciding a key point in the international
    case" -> "The federal judges decided a key point in the international case": colour that
    names no actor gives the actor its participle tells."""
    subjects = "|".join(map(re.escape, _data()["colour_subjects"]))
    found = re.match(rf"(?i)(?:{subjects})\s+(?P<verb>[a-z]+)\s+(?:\w+\s+)?to\s+"
                     r"(?P<actor>(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+"
                     r"(?P<ing>[a-z]+ing)\s+(?P<rest>.+)$", text)
    if not found or not of_class(found.group("verb"), "colour_verbs"):
        return text
    ing = found.group("ing")
    stem = ing[:-3]  # "deciding" -> "decid(e)", "stopping" -> "stop(p)"
    lemmas = [lemma for lemma in (stem, stem + "e", stem[:-1])
              if ing in verbs().forms(lemma, "VBG")]
    past = verbs().forms(lemmas[0], "VBD") if lemmas else ()
    if not past:
        return text
    actor = found.group("actor")
    return f"{actor[:1].upper()}{actor[1:]} {past[0]} {found.group('rest')}"


def _infinitive_verb(found: re.Match[str]) -> str:
    frame, verb = found.group("frame"), found.group("verb")
    if not of_class(frame, "no_infinitive") or not _is_verb_base(verb):
        return found.group(0)
    if past_lemma(frame):
        past = verbs().forms(verb, "VBD")
        return past[0] if past else found.group(0)
    tag = "VBZ" if frame.endswith("s") else "VBP"
    form = verbs().forms(verb, tag)
    return form[0] if form else found.group(0)


@cache
def _NO_INFINITIVE() -> re.Pattern[str]:  # noqa: N802 (a compiled constant, built once)
    return re.compile(r"\b(?P<frame>[a-z]+)\s+(?:on\s+\w+\s+)?to\s+(?P<verb>[a-z]+)\b")


@cache
def _SPLICED() -> re.Pattern[str]:  # noqa: N802
    causative = "|".join(sorted(_class("causative")))
    modals = "|".join(sorted(_class("modals")))
    # "to have the family must sign": "to", the causative, its object (no verb in it)
    return re.compile(rf"(?P<head>\bto\s+(?:{causative})\s+(?:(?:the|a|an|his|her|its|their)"
                      rf"\s+)?(?:[\w'’-]+\s+){{0,3}}?)(?:{modals})\s+(?P<verb>[a-z]+)\b")


def measured(head: str) -> bool:
    """Does ``head`` end in a length of time ("a matter of days", "hours")? A "before" or
    "after" clause after it is its complement, no place to cut."""
    last = _WORD.findall(head)[-1:] or [""]
    return last[0].lower() in _class("measure_nouns")


_PARTICLE = frozenset({"out", "up", "off", "down", "in", "over"})
_OBJECT_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this",
                                 "these", "those"})


def without_dangling_participle(head: str, tail: str) -> str:
    """``head`` (the words before a date that went) without a participle the date was all
    it had: a reduced relative after a noun ("in a letter published | that he wants", "the
    temporary injunction issued | and also", "New public announcements put out | suggest
    ..."). A main verb stays ("Castro announced | that ...")."""
    tokens = list(_WORD.finditer(head))
    if len(tokens) < 3:
        return head
    last = len(tokens) - 1
    if tokens[last].group(0) in _PARTICLE:
        last -= 1
    participle = tokens[last].group(0)
    if last < 2 or not participle.islower() or not participle_lemma(participle):
        return head
    if head[tokens[last - 1].end() : tokens[last].start()].strip():
        return head  # "the boy, arrived": a comma between is no reduced relative
    noun = tokens[last - 1].group(0)
    if noun.lower() in _OBJECT_DETERMINERS or noun.lower() in FINITE or (
            _finite(noun) and noun not in verbs().plurals) or noun in ("been", "be", "being"):
        return head
    nxt = _WORD.findall(tail)[:1]
    if re.match(r"\s*(?:by|to)\b", tail) or (nxt and nxt[0].lower() in _OBJECT_DETERMINERS):
        return head  # "issued by the court", "signed the bill": its agent or object follows
    prepositions = get_lexicon().sets.prepositions
    k = last - 1
    while k > 0 and tokens[k].group(0).lower() not in _OBJECT_DETERMINERS:
        k -= 1
    opener = tokens[k - 1].group(0) if k > 0 else ""
    governed = tokens[k].group(0).lower() in _OBJECT_DETERMINERS and (
        opener.lower() in prepositions or (opener.islower() and (
            _finite(opener) or opener.endswith("ing") or _is_verb_base(opener))
            and not of_class(opener, "no_infinitive") and opener.lower() not in _REPORTING))
    # the participle's own clause: after the last comma or conjunction
    clause = max((m.end() for m in re.finditer(r"[,;]|\b(?:and|but)\b", head)), default=0)
    verb_before = has_finite_verb(head[clause : tokens[last].start()])
    # a participle after a noun that a verb before it governs ("said in a letter published"),
    # or one whose clause's verb comes after the date ("announcements put out | suggest")
    leads = not verb_before and nxt and (_finite(nxt[0]) or _is_verb_base(nxt[0]))
    if not (governed and verb_before or leads):
        return head
    return head[: tokens[last].start()].rstrip()


def reduced_relative_end(head: str) -> bool:
    """Does ``head`` end in a participle after a noun, past the clause's verb ("wants Cuban
    diplomats based", "linking the sites struck")? A cut there leaves the participle
    without the phrase it needs."""
    tokens = _WORD.findall(head)[-8:]
    if len(tokens) < 3 or not tokens[-1].islower() or not participle_lemma(tokens[-1]):
        return False
    noun = tokens[-2]
    if noun.lower() in FINITE or noun.lower() in ("been", "be", "being", "not") or not (
            noun.islower() and noun.isalpha()) or noun.endswith("ly"):
        return False
    return any(_finite(t) or t.lower() in FINITE for t in tokens[:-2])


_REPORTING = frozenset({"said", "says", "say", "told", "tells", "reported", "added"})
