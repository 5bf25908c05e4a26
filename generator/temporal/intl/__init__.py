"""The date engine for the languages with a data folder (data/<lang>/): es, fr, de, pt, it.

The same design as the English engine: a priority-ordered registry of patterns per language
(patterns.yaml), the longest match winning an overlap and the earlier pattern a tie; each
match resolved by a rule (rules.py) against the publication date, with the clause's tense read
from verb endings (tense.py). English goes through ``generator.temporal.engine`` unchanged.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Timex
from ..values import is_valid
from .anaphora import RULES as ANAPHORA_RULES
from .context import Ctx
from .lexicon import available, get_lang_lexicon
from .pairs import RULES as PAIR_RULES
from .pairs import join_appositions, order_spans
from .rules import RULES as PLAIN_RULES

__all__ = ["annotate_lang", "available"]

_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_HOUR = re.compile(r"\d{4}-\d\d-\d\dT\d\d:")
_YEAR = re.compile(r"\d{4}(?:$|-)")
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_YEAR_ALONE = re.compile(r"\d{4}")
_PAIRED = re.compile(r"\d\s?[-–/]|[-–/]\s?\d")
RULES = {**PLAIN_RULES, **ANAPHORA_RULES, **PAIR_RULES}


def _lower(text: str) -> str:
    """Lower case of the same length (offsets are shared with ``text``), ’ read as '."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("’", "'")


def _find(low: str, lex) -> tuple[list[tuple[int, int, int, str, re.Match[str]]], bytearray]:
    cands = []
    for prio, (_name, rule, rx, needs) in enumerate(lex.patterns):
        if needs and not any(word in low for word in needs):
            continue
        for m in rx.finditer(low):
            if m.end() > m.start():
                cands.append((m.start(), m.end(), prio, rule, m))
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken = bytearray(len(low) + 1)
    chosen = []
    for c in cands:
        if any(taken[c[0] : c[1]]):
            continue
        taken[c[0] : c[1]] = b"\x01" * (c[1] - c[0])
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen, taken


_NAME_GROUPS = ("wd", "month", "unit")
_CAPITALIZED_WORD = re.compile(r"(?:^|[\s(])([A-ZÀ-Ý][\w.'’-]*)\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)[\"'«“(]?$")
_SURNAME_AFTER = re.compile(r"\s+[A-ZÀ-Ý][a-zà-ÿ]+\b")
# "Rio de Janeiro", "Plaza de Mayo": a capitalized name word, a lower-case "of", the month
_NAME_OF = re.compile(r"(?:^|[\s(])([A-ZÀ-Ý][\w.'’-]*)\s+(?:de|do|da|del|di|du)\s+$")
# "la Revolución del 25 de Enero", "el Movimiento Jóvenes del 6 de Abril": a capitalized name
# word, "of", a day number and the capitalized month
_NAME_OF_DAY = re.compile(
    r"(?:^|[\s(])([A-ZÀ-Ý][\w.'’-]*)\s+(?:de|do|da|del|di|du)\s+[0-3]?\d\s+(?:de\s+)?$")


def _part_of_a_name(text: str, m, lex) -> bool:
    """"Plácido Domingo", "Santo Domingo", "Piazza Marzo", "la Guerra dei Sei Giorni": where
    month, weekday and unit words are written in lower case, a capitalized one right after a
    capitalized word is part of a name; not after a preposition that is capitalized only as
    a sentence's first word ("... uccisi. A Giugno una bomba esplose", "En Marzo llegó")."""
    for name in _NAME_GROUPS:
        if name not in m.re.groupindex or m.start(name) < 0:
            continue
        at = m.start(name)
        if not text[at].isupper():
            continue
        before = _CAPITALIZED_WORD.search(text, max(0, at - 40), at)
        if before and not _opens_sentence(text, before, lex):
            return True
        named = _NAME_OF.search(text, max(0, at - 40), at) or _NAME_OF_DAY.search(
            text, max(0, at - 50), at)
        if named and _a_name_word(text, named, lex):
            return True
        # "de que Domingo García no las tiene todas": a first name, before its surname
        if m.end(name) == m.end() and _SURNAME_AFTER.match(text, m.end()):
            return True
    return False


def _a_name_word(text: str, word: re.Match[str], lex) -> bool:
    """Is ``word`` (``_NAME_OF``'s capitalized word) a name's ("Rio de Janeiro"), not a day
    number or a position ("el Primero de Mayo", "Fim de Janeiro") or a sentence's first word
    ("Antes del Sábado")?"""
    w = word.group(1).lower()
    if w in lex.position or w in lex.ordinals or w in lex.numbers:
        return False
    return _SENTENCE_START.search(text, max(0, word.start(1) - 4), word.start(1)) is None


def _opens_sentence(text: str, word: re.Match[str], lex) -> bool:
    """Is ``word`` (a capitalized word's match) a preposition the language leaves outside an
    expression, written first in its sentence?"""
    w = word.group(1)
    return (lex.outside_extent is not None
            and lex.outside_extent.fullmatch(w.lower() + " ") is not None
            and _SENTENCE_START.search(text, max(0, word.start(1) - 4), word.start(1))
            is not None)


def _since(lex, low: str, start: int) -> bool:
    """"Da quando venerdì erano cominciate le occupazioni ... Alle 19,30": a day after "since"
    starts a span that runs up to now; a clock time told after it is not on that day."""
    return lex.since is not None and lex.since.search(low, max(0, start - 20), start) is not None


def _past_outside_words(low: str, lex, start: int, end: int) -> int:
    """Where the expression starts once the words the language's TimeML leaves outside are
    skipped: "no ano passado" -> "ano passado", "neste momento" -> "momento"."""
    if lex.outside_extent is None:
        return start
    m = lex.outside_extent.match(low, start, end)
    return m.end() if m and m.end() < end else start


def annotate_lang(text: str, dct: date, lang: str) -> list[Timex]:
    """All temporal expressions of ``text`` (written in ``lang``), resolved against ``dct``."""
    lex = get_lang_lexicon(lang)
    low = _lower(text)
    found, taken = _find(low, lex)
    ctx = Ctx(text=text, low=low, dct=dct, lex=lex, taken=taken)
    out: list[Timex] = []
    for start, end, _prio, rule, m in found:
        if lex.names_lowercase and _part_of_a_name(text, m, lex):
            continue
        try:
            res = RULES[rule](ctx, m)
        except (ValueError, KeyError, OverflowError, IndexError, StopIteration):
            res = None
        if res is None:
            continue
        items = res if isinstance(res, list) else [(start, end, *res)]
        for s, e, typ, value, mod in items:
            # a leading article or preposition the pattern needed as context is not part of
            # the expression ("el", "le", "am") when the pattern marks the expression itself
            if "x" in m.re.groupindex and m.start("x") >= 0 and len(items) == 1:
                s, e = m.start("x"), m.end("x")
            s = _past_outside_words(low, lex, s, e)
            if value and is_valid(value) and e > s:
                out.append(Timex(s, e, text[s:e], typ, value, mod))
                if typ in ("DATE", "TIME") and _DAY.match(value) and not _since(lex, low, s):
                    ctx.day = date.fromisoformat(value[:10])
                if _HOUR.match(value):
                    ctx.hour = int(value[11:13])
                if typ in ("DATE", "TIME") and _YEAR.match(value):
                    ctx.year = int(value[:4])
                    written = _WRITTEN_YEAR.search(text, s, e) is not None
                    if written:
                        ctx.written_year = ctx.year
                    # a year written out alone ("em 2027,"; not "no ano passado"), not one
                    # year of a pair or a season ("la saison 2002/2003")
                    alone = written and _YEAR_ALONE.fullmatch(value) and not _PAIRED.search(
                        text[max(0, s - 1):e + 1])
                    ctx.year_alone_at = e if alone else None
    return join_appositions(order_spans(out, text, lex), text)
