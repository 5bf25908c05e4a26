"""Call one rule (or gate) alone on the first match of its patterns in a text."""

from __future__ import annotations

from datetime import date

from generator.temporal.context import Context, Resolved
from generator.temporal.lexicon import get_lexicon
from generator.temporal.rules import GATES, RULES

DCT = date(2021, 11, 18)  # a Thursday


def first_match(rule: str, text: str, dct: date = DCT):
    """(context, match) of the first match in ``text`` of a pattern resolved by ``rule``."""
    lex = get_lexicon()
    ctx = Context(text=text, dct=dct, lex=lex)
    low = text.lower()
    for _, rule_name, rx, _ in lex.patterns:
        if rule_name == rule:
            m = rx.search(low)
            if m:
                return ctx, m
    raise AssertionError(f"no pattern of {rule!r} matches {text!r}")


def resolve(rule: str, text: str, dct: date = DCT) -> list[tuple[str, str, str | None]]:
    """(phrase, value, mod) of what ``rule`` alone makes of its first match."""
    ctx, m = first_match(rule, text, dct)
    res = RULES[rule](ctx, m)
    items: list[Resolved] = [] if res is None else res if isinstance(res, list) else [res]
    return [(text[r.start : r.end], r.value, r.mod) for r in items]


def passes_gate(rule: str, text: str, dct: date = DCT) -> bool:
    ctx, m = first_match(rule, text, dct)
    return GATES[rule](ctx, m)
