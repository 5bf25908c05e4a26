"""The registries a pattern in patterns.yaml is resolved through, by its ``rule`` name.

``RULES[name](ctx, match)`` turns a match into TIMEX3 values; ``GATES[name](ctx, match)``
(optional) is a cheap context check the recognizer runs before it accepts a span.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..context import Context, Resolved

Rule = Callable[[Context, regex.Match[str]], "Resolved | list[Resolved] | None"]
Gate = Callable[[Context, regex.Match[str]], bool]

RULES: dict[str, Rule] = {}
GATES: dict[str, Gate] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register a rule under the name patterns.yaml's ``rule:`` gives it."""

    def deco(fn: Rule) -> Rule:
        RULES[name] = fn
        return fn

    return deco


def gate(name: str) -> Callable[[Gate], Gate]:
    """Register the gate of a rule (the recognizer calls it before it accepts a span)."""

    def deco(fn: Gate) -> Gate:
        GATES[name] = fn
        return fn

    return deco
