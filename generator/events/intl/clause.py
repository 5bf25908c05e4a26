"""Whether a headline in another language keeps a clause, and the frames and asides a
headline drops to keep one: "En una iniciativa sin precedentes en la historia de Internet,
el régimen egipcio de Hosni Mubarak ha ordenado ..." is no headline cut at its first comma
("En una iniciativa sin precedentes ..."), nor "El Consejo Supremo de las Fuerzas Armadas
egipcias, al que Mubarak cedió sus poderes, se comprometió ..." cut at its subject.

A verb is read from its form as the date engine reads tense (``temporal/data/<lang>/cues.yaml``:
past and future endings and words) and from the short list of present verbs and
auxiliaries in ``data/intl/<lang>.yaml`` (``finite_words``); a participle counts only after
an auxiliary ("ha ordenado", "a été tué", "sono iniziati").
"""

from __future__ import annotations

import re

from ...temporal.intl.lexicon import available, get_lang_lexicon
from .rules import LanguageRules

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _ends(word: str, endings: list[str], stops: list[str]) -> bool:
    return word not in stops and word.endswith(tuple(endings))


def has_verb(text: str, lang: str, rules: LanguageRules) -> bool:
    """Does ``text`` hold a finite verb of ``lang`` ("detuvieron", "ha ordenado", "tuent",
    "sono iniziati")? A capitalised word inside the text is a name, no verb."""
    tense = get_lang_lexicon(lang).tense if lang in available() else {}
    tokens = list(_WORD.finditer(text))
    previous = ""
    for k, found in enumerate(tokens):
        word, low = found.group(0), found.group(0).lower()
        if k and word[:1].isupper():
            previous = low
            continue
        if low in rules.finite_words or low in tense.get("past_words", ()) or (
                low in tense.get("future_words", ())):
            return True
        if len(low) >= tense.get("min_length", 4) and (
                _ends(low, tense.get("past_endings", []), tense.get("not_past", []))
                or _ends(low, tense.get("future_endings", []), tense.get("not_future", []))):
            return True
        if previous in tense.get("past_words", ()) and _ends(
                low, tense.get("participle_endings", []), tense.get("not_past", [])):
            return True
        previous = low
    return False


def without_frame(text: str, lang: str, rules: LanguageRules, least: int) -> str:
    """``text`` without a frame before its clause: the words up to a comma that hold no verb
    and open with a frame word ("En el barrio de Imbaba, ...", "Dans le sillage de ...",
    "pocas horas después del comunicado, ..."), when what follows has a verb and ``least``
    words or more."""
    for _ in range(2):
        words = text.split()
        opener = [w.lower().strip(",") for w in words[:4]]
        # "En el barrio ...", "Pocas horas después del comunicado"; not "Los dictadores, en
        # todas partes del mundo son ...", whose first words are the subject
        if not (opener and (opener[0] in rules.frame_words or (
                opener[0] not in rules.function_words
                and any(w in rules.frame_words for w in opener[1:3])))):
            return text
        for found in re.finditer(r",\s+", text):
            head, rest = text[: found.start()], text[found.end() :]
            if has_verb(head, lang, rules):
                return text
            first = rest.split()[0].lower() if rest.split() else ""
            if first in rules.clause_words or any(
                    rest.lower().startswith(w + " ") for w in rules.relative_words):
                continue  # "..., où le beau Jasmin ...", "..., y las revueltas": no clause yet
            if len(rest.split()) >= least and has_verb(rest, lang, rules):
                text = rest
                break
        else:
            return text
    return text


def without_relative_aside(text: str, lang: str, rules: LanguageRules) -> str:
    """A relative aside between the subject and its verb goes: "El Consejo Supremo de las
    Fuerzas Armadas egipcias, al que el expresidente Hosni Mubarak cedió todos sus poderes,
    se comprometió ..." -> "El Consejo Supremo de las Fuerzas Armadas egipcias se
    comprometió ..."."""
    if not rules.relative_words:
        return text
    relatives = "|".join(re.escape(w) for w in rules.relative_words)
    found = re.search(rf",\s+(?:{relatives})\s[^,;:]{{3,200}}?,\s+", text, re.IGNORECASE)
    if found is None or has_verb(text[: found.start()], lang, rules):
        return text
    rest = text[found.end() :]
    if not has_verb(" ".join(rest.split()[:4]), lang, rules):
        return text  # the aside's own comma: its clause goes on
    return text[: found.start()] + " " + rest
