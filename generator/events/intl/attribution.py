"""Reported speech in an article not in English, and who said it.

"El ejército tomó el control, dijo el portavoz Ahmed Alí." -> reported, "Ahmed Alí";
"Selon l'AFP, des milliers de Yéménites ..." -> reported, "AFP";
"Mubarak ha detto che non si dimetterà." -> reported, "Mubarak".
"""

from __future__ import annotations

import re
from functools import cache

from .rules import UPPER, alternation, for_language

# "Ahmed Alí", "Hosni Mubarak", "Abdel Meguid Mahmud", "Organisation des Nations unies"
_NAME = (rf"[{UPPER}][\w.'’-]*(?:\s+(?:(?:de|del|des|di|du|da|do|dos|von|el|al|la|le)\s+)?"
         rf"[{UPPER}][\w.'’-]*){{0,4}}")


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    rules = for_language(lang)
    verbs, phrases = alternation(rules.verbs), alternation(rules.phrases)
    # what a speaker may be preceded by: an article, a title ("el portavoz", "le ministre")
    return re.compile(
        rf"(?i:\b(?:{verbs}))\s+(?:[\w'’-]+\s+){{0,3}}?(?P<b>{_NAME})"
        rf"|(?P<a>{_NAME})\s+(?i:(?:{verbs}))\b"
        rf"|(?i:\b(?:{phrases}))\s+(?:\w+\s+|l['’]){{0,2}}?(?P<c>{_NAME})"
        rf"|(?i:\b(?:{verbs}|{phrases}))\b")


def attribution(sentence: str, lang: str) -> tuple[bool, str | None]:
    """Whether ``sentence`` (in ``lang``) is reported speech, and the named source if any."""
    match = _pattern(lang).search(sentence)
    if not match:
        return False, None
    who = match.group("a") or match.group("b") or match.group("c") or ""
    rules = for_language(lang)
    words = who.rstrip(".").split()
    while words and (words[0].lower() in rules.function_words
                     or words[0].lower() in rules.date_words):
        words.pop(0)  # "El Ejército dijo": the sentence's article, no part of a name
    if not words or " ".join(words).lower() in rules.pronouns:
        return True, None
    return True, " ".join(words)
