"""The tense of the clause around a date, read from verb endings and auxiliaries.

Languages other than English mark tense in the verb's ending (Spanish "anunció"/"anunciaron"
past, "anunciará" future; Italian "ha annunciato" past, "annuncerà" future) or with an
auxiliary (German "hat ... angekündigt"/"wurde" past, "wird" future; French "a annoncé"
past, "annoncera" future). ``cues.yaml``'s ``tense`` section lists both per language; the cue
nearest the date in its sentence decides.
"""

from __future__ import annotations

import re

from .lexicon import LangLexicon

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# an initial ("Daniel P. Davison", "J. Smith") does not end the sentence
_SENTENCE_END = re.compile(r"(?<![\s(][^\W\d_])[.!?;]\s|\n")


def _kind(lex: LangLexicon, word: str, before: str = "") -> str | None:
    """"past", "future", "scheduled" (a present of schedules: "a frente fria chega na
    quinta-feira"), "participle" (a weak past: "especificada" is as often an adjective) or
    None for one word; ``before`` is the word before it."""
    t = lex.tense
    if word in t["past_words"]:
        return "past"
    if word in t["future_words"]:
        return "future"
    if word in t.get("scheduled_present", ()):
        # "a volta", "o fecho": after a determiner the form is a noun
        return None if before in t.get("scheduled_present_blockers", ()) else "scheduled"
    if len(word) < t["min_length"]:
        return None
    if word not in t["not_future"] and word.endswith(tuple(t["future_endings"])):
        return "future"
    if word not in t["not_past"] and word.endswith(tuple(t["past_endings"])):
        return "past"
    if word not in t["not_past"] and word.endswith(tuple(t.get("participle_endings", ()))):
        return "participle"
    return None


def _reduced_relative(lex: LangLexicon, low: str, s0: int, start: int) -> bool:
    """Does a past participle head the date's phrase ("os 16,2 graus registados em 11 de
    janeiro", "Decretado a 18 de março")? Its clause is the past whatever the finite verb
    farther off says ("devem ficar abaixo dos ..."); not a participle of plans ("marcado
    para", "esperado em janeiro" look ahead), nor one after an auxiliary or a negation ("será
    definida no dia 30" is a passive, "ainda não especificada em janeiro" an adjective)."""
    t = lex.tense
    ends = tuple(t.get("reduced_relative_endings", ()))
    if not ends:
        return False
    words = _TOKEN.findall(low, max(s0, start - 40), start)
    if words and words[-1] in t.get("reduced_relative_prepositions", ()):
        words.pop()
    if not words:
        return False
    w, aux = words[-1], words[-2] if len(words) > 1 else ""
    return (w.endswith(ends) and len(w) >= t["min_length"] and w not in t["not_past"]
            and w not in t.get("not_reduced_relative", ())
            and aux not in t.get("reduced_relative_blockers", ()))


def _a_name(capitals: str | None, text: str | None, at: int, sentence: int) -> bool:
    """Is the word at ``at`` a noun or name by its capital (see ``clause_tense``)?"""
    if capitals is None or not text[at].isupper():
        return False
    return capitals == "capitalized" or text[sentence:at].strip(" \t\"'«“(-–") != ""


def clause_tense(lex: LangLexicon, low: str, start: int, end: int,
                 text: str | None = None, taken: bytearray | None = None) -> str | None:
    """"past", "future" or None for the date at ``low[start:end]`` (lower-cased ``text``).

    Where nouns are capitalized (German), a capitalized word is no verb: "mit den
    Landesräten" has no past ending; where only names are (the Romance languages), one
    inside a sentence is none either: "o vaivém Columbia" has no imperfect ending."""
    capitals = lex.tense.get("nouns") if text is not None else None
    left = max(0, start - 300)
    cut = [m.end() for m in _SENTENCE_END.finditer(low, left, start)]
    s0 = cut[-1] if cut else left
    m = _SENTENCE_END.search(low, end, min(len(low), end + 300))
    s1 = m.start() if m else min(len(low), end + 300)
    if _reduced_relative(lex, low, s0, start):
        return "past"
    # "mantém o suspeito detido desde sábado": a present with "since" looks back
    since = any(low[max(s0, start - len(w) - 1):start].strip() == w
                for w in lex.tense.get("since_words", ()))
    best: tuple[int, int, str] | None = None
    perfect = lex.tense.get("perfect_auxiliaries", ())
    before = ""
    for tok in _TOKEN.finditer(low, s0, s1):
        word = tok.group(0)
        if (start <= tok.start() < end or _a_name(capitals, text, tok.start(), s0)
                or taken is not None and taken[tok.start()]):
            before = word
            continue
        kind = _kind(lex, word, before)
        if kind == "scheduled":
            kind = None if since else "future"
        if kind == "participle" and before in perfect:
            kind = "past"  # "ha indicado este jueves que seguirá": the perfect, a finite past
        before = word
        if kind is None:
            continue
        dist = start - tok.end() if tok.end() <= start else tok.start() - end
        # a verb before the date usually governs it ("anunció el lunes"); after it too
        # ("el lunes anunció"): both count, the nearer wins; a participle alone ("numa data
        # ainda não especificada em janeiro") only when no finite verb tells the tense
        rank = (kind == "participle", dist)
        if best is None or rank < best[:2]:
            best = (*rank, kind)
    if best is None:
        return None
    return "past" if best[2] == "participle" else best[2]
