"""A line long because of its quotation, made short as chronologies print one: the
quotation's first whole clause after its frame, or the speaker's name and the words. Part
of the desk's edit (desk.py)."""

from __future__ import annotations

import re

from .names import clean_name
from .present import quoted_spans
from .verbs import has_finite_verb
from .words import words


def quote_clause(text: str, limit: int) -> str:
    """A line still long because of its quotation: the quotation's first whole clause
    ('Albright says "I will bring a message of solidarity"'), its words as spoken."""
    spans = quoted_spans(text)
    if not spans:
        return text
    a, b = spans[0]
    inner = text[a + 1 : b - 1] if text[b - 1 : b] in "\"”" else text[a + 1 : b]
    parts = [p.strip() for p in re.split(r"[,;:]\s|\s--\s|(?<=[!?])\s", inner) if p.strip()]
    room = limit - words(text[:a] + text[b:])
    fitting = [p for p in parts if 3 <= words(p) <= room and has_finite_verb(p)]
    if not fitting:
        return text
    part = fitting[0].rstrip(",.;")
    return f"{text[:a]}\"{part}\"{text[b:]}"


_SAID_QUOTE = re.compile(r"^(?P<who>[^\"“”,;]{2,80}?)\s(?:said|says|told|tells|added|adds)"
                         r"(?:\s+[a-z]+)?,?:?\s*[\"“](?P<quote>[^\"”]+?)[,.]?[\"”]")


def speaker_quote(text: str, limit: int) -> str:
    """A quotation too long for its frame, told with the speaker's name: 'EU foreign policy
    chief Josep Borrell said, "I don't believe Lukashenka is doing what he is doing without
    strong support from Russia"' -> 'Borrell: "I don't believe ..."'."""
    found = _SAID_QUOTE.match(text)
    if not found:
        return text
    name = re.findall(r"[A-Z][a-z][\w'’-]*", found.group("who"))
    quote = found.group("quote").strip()
    if not name or words(quote) >= limit or not clean_name(name[-1]):
        return text
    return f'{name[-1]}: "{quote}"'
