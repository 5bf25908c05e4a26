"""A named, priority-ordered registry of discourse passes, as Python-Markdown keeps its
processors: each pass reads the whole list of resolved expressions of a text after every rule
has run, and may merge, move or re-read them. Higher priority runs first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from ..context import Resolved

PassFn = Callable[[str, list[Resolved], date], list[Resolved]]


@dataclass(frozen=True, slots=True)
class Pass:
    name: str
    priority: int
    run: PassFn


class Registry:
    """Passes by name, iterated in descending priority (two passes may not share one: the
    order must be written, not left to import order)."""

    def __init__(self) -> None:
        self._passes: dict[str, Pass] = {}

    def register(self, fn: PassFn, name: str, priority: int) -> None:
        if name in self._passes:
            raise ValueError(f"discourse pass {name!r} registered twice")
        if any(p.priority == priority for p in self._passes.values()):
            raise ValueError(f"discourse pass {name!r}: priority {priority} already taken")
        self._passes[name] = Pass(name, priority, fn)

    def __iter__(self) -> Iterator[Pass]:
        return iter(sorted(self._passes.values(), key=lambda p: -p.priority))

    def __getitem__(self, name: str) -> Pass:
        return self._passes[name]

    def __len__(self) -> int:
        return len(self._passes)

    def names(self) -> list[str]:
        return [p.name for p in self]


PASSES = Registry()


def register(name: str, priority: int) -> Callable[[PassFn], PassFn]:
    """Register a pass under ``name`` (higher ``priority`` runs earlier)."""

    def deco(fn: PassFn) -> PassFn:
        PASSES.register(fn, name, priority)
        return fn

    return deco


def run_passes(text: str, items: list[Resolved], dct: date) -> list[Resolved]:
    """Every pass, in priority order, over the resolved expressions of ``text``."""
    for p in PASSES:
        items = p.run(text, items, dct)
    return items
