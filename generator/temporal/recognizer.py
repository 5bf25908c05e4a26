"""Find temporal expression spans: a priority-ordered registry of compiled patterns.

Like Python-Markdown's processor registry, patterns live in an ordered list (patterns.yaml);
every pattern runs over the whole text (each is one precompiled regex, so a pass is C-speed),
then overlaps are settled: the longest span wins, and on equal length the earlier pattern.
A pattern's gate (a cheap context check, e.g. "is this 4-digit number a year?") runs before a
span is accepted, so a rejected long match leaves room for a shorter one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import Context
from .lexicon import Lexicon
from .rules import GATES


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    priority: int
    name: str
    rule: str
    match: re.Match[str]


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
_CAPITALIZED_GROUPS = ("month", "month2", "wd", "wd2", "hol")


def _names_capitalized(text: str, m: re.Match[str]) -> bool:
    """Month/weekday/holiday names count only capitalized ('May', not the modal 'may')."""
    gi = m.re.groupindex
    for g in _CAPITALIZED_GROUPS:
        if g in gi and m.start(g) >= 0 and not text[m.start(g)].isupper():
            return False
    return not (
        "tz" in gi and m.start("tz") >= 0 and not text[m.start("tz") : m.end("tz")].isupper()
    )


def find(text: str, lex: Lexicon, ctx: Context) -> list[Candidate]:
    """Non-overlapping candidate spans in text order."""
    low = text.translate(_ASCII_LOWER)  # same length, so offsets are shared with ``text``
    cands: list[Candidate] = []
    for prio, (name, rule_name, rx, needs) in enumerate(lex.patterns):
        if needs and not any(map(low.__contains__, needs)):
            continue  # (a substring search is far cheaper than a regex pass that finds nothing)
        for m in rx.finditer(low):
            if m.end() > m.start() and _names_capitalized(text, m):
                cands.append(Candidate(m.start(), m.end(), prio, name, rule_name, m))
    cands.sort(key=lambda c: (c.start - c.end, c.priority, c.start))
    taken = bytearray(len(text) + 1)
    chosen: list[Candidate] = []
    for c in cands:
        if any(taken[c.start : c.end]):
            continue
        g = GATES.get(c.rule)
        if g is not None and not g(ctx, c.match):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
