"""An entry's sources as a reader scans them: one line per article, repeated titles once.

A happening told by many reports merges into one entry that keeps every source, a line per
sentence: the Aug. 7 bombing has 21, four of them passages of one AP story and three others
its editions under one headline. Listed one by one they bury the entry; a desk's source line
names each story once ("Bomb blasts rock U.S. embassies, Associated Press, Aug. 7, 1998 and
Aug. 8, 1998 (3 passages)"), its other passages a link each, and the page shows the first
few stories with the rest one click away (``<details>``, no script).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..ruledata import rule_data


@dataclass(frozen=True, slots=True)
class Edition:
    """One article of a story: its publication day in words and the links to its passages
    (none when the article has no address), and how many passages cite it."""

    date_words: str
    links: tuple[str, ...]
    passages: int


@dataclass(frozen=True, slots=True)
class Story:
    """The articles of an entry's sources that share a title and an outlet."""

    title: str
    outlet: str
    editions: tuple[Edition, ...]

    @property
    def link(self) -> str:
        """Where the title points: the first passage with an address, or ""."""
        return next((link for e in self.editions for link in e.links), "")


def stories(sources: Iterable) -> list[Story]:
    """``sources`` (``contents.SourceRef``) grouped by title and outlet, then by article (its
    day and file), in the order they first appear. Every source's link is kept."""
    order: dict[tuple[str, str], dict[tuple[str, str], list]] = {}
    for source in sources:
        title = source.title or source.link
        article = (source.date, source.ref.split("#", 1)[0])
        order.setdefault((title, source.outlet), {}).setdefault(article, []).append(source)
    result = []
    for (title, outlet), articles in order.items():
        editions = tuple(
            Edition(refs[0].date_words if refs[0].date else "",
                    tuple(dict.fromkeys(s.link for s in refs if s.link)), len(refs))
            for refs in articles.values())
        result.append(Story(title, outlet, editions))
    return result


def split(listed: list[Story]) -> tuple[list[Story], list[Story]]:
    """The stories shown, and those behind "N more sources": the first ``sources_shown``
    (display.yaml) and the rest, unless the rest is a single story (shown too: a click to
    read one line costs more than the line)."""
    first = int(rule_data("site", "display.yaml")["sources_shown"])
    if len(listed) <= first + 1:
        return listed, []
    return listed[:first], listed[first:]
