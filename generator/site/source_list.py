"""An entry's sources as a reader scans them: one line per article, repeated titles once.

A happening told by many reports merges into one entry that keeps every source, a line per
sentence: the Aug. 7 bombing has 21, four of them passages of one AP story and three others
its editions under one headline. Listed one by one they bury the entry; a desk's source line
names each story once ("Bomb blasts rock U.S. embassies, Associated Press, Aug. 7, 1998 and
Aug. 8, 1998 (3 passages)"), its other passages a link each, and the page shows the first
few stories with the rest one click away (``<details>``, no script). The TimelineJS export
and the newsletter list the same stories in the same order (``story_html``, ``story_text``,
``story_markdown``): an email has no ``<details>``, so its rest is a link to the entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

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

    @property
    def html(self) -> Markup:
        """The story's line as the page writes it (``story_html``)."""
        return story_html(self)

    @property
    def email_html(self) -> Markup:
        """The story's line as the newsletter writes it: links without their highlight."""
        return story_html(self, without_text_fragment)


def without_text_fragment(link: str) -> str:
    """A link without its ``#:~:text=`` highlight (email: half the size, same article)."""
    head, _, _ = str(link).partition("#:~:")
    return head


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


@dataclass(frozen=True, slots=True)
class _Passages:
    """What one edition adds to its story's line: its day and its passages' links."""

    joiner: str  # ", " before the first edition's day, " and " before the others'
    date_words: str
    label: str  # "passages", or "other passages" when the title links to one of them
    numbered: tuple[tuple[int, str], ...]  # (passage number, link)
    passages: int


def _editions(story: Story, link: Callable[[str], str]) -> list[_Passages]:
    """Each edition's part of the line, with every link passed through ``link`` (an email's
    links lose their text fragment: passages that then share one address are counted, not
    linked)."""
    head = link(story.link) if story.link else ""
    parts = []
    for n, edition in enumerate(story.editions):
        links = tuple(dict.fromkeys(link(x) for x in edition.links))
        others = [x for x in links if x != head]
        first = len(links) - len(others) + 1
        parts.append(_Passages(
            ", " if n == 0 else " and ", edition.date_words,
            "other passages" if len(others) < len(links) else "passages",
            tuple(enumerate(others, first)), edition.passages))
    return parts


def story_html(story: Story, link: Callable[[str], str] = str) -> Markup:
    """The story's line as the page writes it: "<a>Blasts rock</a>, AP, Aug. 7, 1998 and
    Aug. 8, 1998 (other passages: <a>2</a>, <a>3</a>)"."""
    title = escape(story.title)
    line = (Markup('<a href="{}">{}</a>').format(link(story.link), title) if story.link
            else Markup("<cite>{}</cite>").format(title))
    if story.outlet:
        line += Markup(", ") + story.outlet
    for part in _editions(story, link):
        if part.date_words:
            line += Markup(part.joiner) + part.date_words
        if part.numbered:
            links = Markup(", ").join(Markup('<a href="{}">{}</a>').format(x, n)
                                      for n, x in part.numbered)
            line += Markup(" ({}: {})").format(part.label, links)
        elif part.passages > 1:
            line += f" ({part.passages} passages)"
    return line


def story_text(story: Story) -> str:
    """The story's line in plain text: "Blasts rock, AP, Aug. 7, 1998 and Aug. 8, 1998 (3
    passages)" (its links are written out apart)."""
    line = ", ".join(x for x in (story.title, story.outlet) if x)
    for part in _editions(story, str):
        if part.date_words:
            line += part.joiner + part.date_words
        if part.passages > 1:
            line += f" ({part.passages} passages)"
    return line


def story_links(story: Story, link: Callable[[str], str] = str) -> list[str]:
    """Every distinct link of the story, its title's first."""
    return list(dict.fromkeys(link(x) for e in story.editions for x in e.links))


def story_markdown(story: Story, md: Callable[[str], str], url: Callable[[str], str]) -> str:
    """The story's line in Markdown, as ``story_html`` (``md`` escapes text, ``url`` a link
    target)."""
    title = md(story.title)
    line = f"[{title}]({url(story.link)})" if story.link else f"*{title}*"
    if story.outlet:
        line += f", {md(story.outlet)}"
    for part in _editions(story, str):
        if part.date_words:
            line += part.joiner + md(part.date_words)
        if part.numbered:
            links = ", ".join(f"[{n}]({url(x)})" for n, x in part.numbered)
            line += f" ({part.label}: {links})"
        elif part.passages > 1:
            line += f" ({part.passages} passages)"
    return line
