"""What a wire story's sentence carries that a headline does not: the wire's codes and
abbreviations ("&QL;", "dlrs"), an "According to X" frame, a quotation before its speaker
('"...," Clinton said' -> 'Clinton says "..."'). The first steps of the desk's edit (desk.py);
data in ``data/events.yaml`` (``headline.desk``).
"""

from __future__ import annotations

import re
from functools import cache

from ..rules_file import events_rules
from .present import past_lemma, present_of, quoted_spans
from .verbs import has_finite_verb
from .words import words

# --- debris ---------------------------------------------------------------------------


def without_debris(text: str) -> str:
    """Wire-service codes and abbreviations out: "&QL;" (a quote follows), "&UR;" and
    "&LR;" (paragraph marks); "dlrs 1,667" -> "1,667 dollars"; the AP's " _ " dash -> "--"."""
    for literal, pattern, replacement in _debris_rules():
        if literal in text:  # (most lines hold none: a substring test spares the pass)
            text = pattern.sub(replacement, text)
    text = re.sub(r"\s_\s", " -- ", text)
    text = text.replace("``", "“").replace("''", "”")
    if text.startswith("”"):
        text = "“" + text[1:]  # a closing mark set for an opening one
    return " ".join(text.split()).strip(" ,;:")


@cache
def _debris_rules() -> list[tuple[str, re.Pattern[str], str]]:
    """The debris codes and wire words as compiled substitutions, in the order applied, each
    with the literal text every match of it holds."""
    data = events_rules()["headline"]["desk"]
    rules = [(code.rstrip(";"), re.compile(rf"\s*{re.escape(code.rstrip(';'))};?"), " ")
             for code in data["debris"]]
    for word, spelled in data["wire_words"].items():
        number = r"(\d[\d,.]*(?:\s+(?:million|billion|trillion))?)"
        rules.append((word, re.compile(rf"\b{re.escape(word)}\s+{number}"), rf"\1 {spelled}"))
        rules.append((word, re.compile(rf"\b{re.escape(word)}\b"), spelled))
    return rules


# --- frames ---------------------------------------------------------------------------


def without_according_to(text: str) -> str:
    """"According to press reports, Caridad Gonzalez was the first ..." -> "Caridad Gonzalez
    was the first ..."; "The group might come to the U.S., according to unconfirmed media
    reports" -> "The group might come to the U.S."."""
    frames = "|".join(map(re.escape,
                          events_rules()["headline"]["desk"]["attribution_frames"]))
    opening = re.match(rf"^(?:{frames})\s[^,]+,\s+(?=\S)", text, re.IGNORECASE)
    if opening and has_finite_verb(text[opening.end() :]):
        text = text[opening.end() :]
    text = re.sub(rf",?\s+(?:{frames})\s*$", "", text, flags=re.IGNORECASE)  # cut off there
    closing = re.search(rf",?\s+(?:{frames})\s[^,;]+$", text, re.IGNORECASE)
    if closing and has_finite_verb(text[: closing.start()]):
        text = text[: closing.start()]
    return text


_QUOTE_OPEN = "\"“‘'`"
_SPEAKING = (r"(?:said|says|told|added|wrote|declared|insisted|stressed|asked|warned|stated|"
             r"read|reads|shouted|cried)")
# '"...," Clinton told reporters' / '"...," said a government communique, read at ...'
_QUOTE_THEN_SPEAKER = re.compile(
    rf"^[\"“](?P<quote>[^\"”]+?)[,\s]*[\"”],?\s+(?:(?!{_SPEAKING}\b)(?P<who>[A-Z][^,;\"“]*?|[a-z][^,;\"“]*?)"
    rf"\s+(?P<verb>{_SPEAKING})\b(?P<rest>.*)|(?P<verb2>{_SPEAKING})\s+(?P<who2>[^,;\"“]+?)(?P<rest2>(?:,|\s+"
    rf"(?:that|which|who|in|at|on|after|before)\b).*)?)$")


def speaker_first(text: str) -> str:
    """A headline that would open with a quotation: 'Clinton says "..."' when a speaker
    follows the quotation; the quoted clause itself when it stands alone."""
    if not text or text[0] not in _QUOTE_OPEN:
        return text
    found = _QUOTE_THEN_SPEAKER.match(text)
    if found:
        who = (found.group("who") or found.group("who2") or "").strip()
        who = re.sub(r"\s+(?:that|which|who)\s.*$", "", who)
        if who and words(who) <= 8:
            who = who[:1].upper() + who[1:]
            quote = found.group("quote").strip().rstrip(",")
            said = found.group("verb") or found.group("verb2")
            lemma = _SAYING.get(said, past_lemma(said) or "say")
            plural = who.lower() in ("they", "we", "i", "you")
            return f'{who} {present_of(lemma, plural)} "{quote}"'
    if text[0] in "\"“" and _closing(text) >= len(text.rstrip(" .")) - 1:
        inner = text[1 : _closing(text)].strip(" ,")
        if has_finite_verb(inner):
            return inner
    return text


# The verbs of a quotation's attribution that a headline tells as "says"
_SAYING = {"said": "say", "told": "say", "added": "say", "stated": "say", "declared": "say",
           "stressed": "say", "insisted": "say", "read": "read", "reads": "read"}


def _closing(text: str) -> int:
    """Where the quotation that opens ``text`` closes (its end when it is left open)."""
    spans = quoted_spans(text)
    if not spans or text[spans[0][1] - 1] not in "\"”":
        return len(text)
    return spans[0][1] - 1
