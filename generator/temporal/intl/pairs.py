"""Rules for a match that holds two expressions, where a language's TimeML tags each end.

KRAUTS (German) tags "Bozen 2009-2011" and "(1898-1976)" as two years, where Spanish and
Portuguese TimeBank tag one expression valued as its first year (``year_range`` in rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .rules import Ctx


def year_pair(ctx: Ctx, m: re.Match[str]):
    """"der Sozialplan 2009-2011", "Georg Fuhg (1898-1976)": both years, each its own span."""
    first, second = m.group("y"), m.group("y2")
    if int(second) <= int(first):
        return None  # "2011-2005" is no range: a score, a code
    return [(m.start("y"), m.end("y"), "DATE", first, None),
            (m.start("y2"), m.end("y2"), "DATE", second, None)]


RULES: dict[str, Callable] = {
    "year_pair": year_pair,
}
