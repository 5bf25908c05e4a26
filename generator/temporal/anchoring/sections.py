"""A history's sections: under a heading of its background the story steps back before the
time its lead told, and the sections after that background are told from that time again."""

from __future__ import annotations

import regex

from ..context import Context

# A heading: a short line of words alone between line breaks ("\nBackground\n").
_HEADING = regex.compile(r"\n[ \t]*([A-Za-z][A-Za-z ]{0,30}?)[ \t]*\n")


def _headings(ctx: Context, lo: int, hi: int) -> list[tuple[bool, int]]:
    """(is it a background heading, where it ends) for each heading between lo and hi."""
    return [(m.group(1).strip().lower() in ctx.lex.sets.background_headings, m.end())
            for m in _HEADING.finditer(ctx.text, lo, hi)]


def under_background(ctx: Context, start: int) -> bool:
    """Is ``start`` in a history's section headed as its background, the heading come after
    the time the story reached? "The fall of the Berlin Wall on 9 November 1989 ... ||
    Background || Hungary began to dismantle its border fence on 2 May" is May 1989; a
    section headed "Protests" is told on from the story's time."""
    if ctx.news_told or ctx.story_end >= start:
        return False
    return any(bg for bg, _end in _headings(ctx, ctx.story_end, start))


def after_background(ctx: Context, start: int) -> str | None:
    """The time a history's lead had reached before its background section, when ``start``
    is in a section after that one: "The Hindenburg disaster was an airship accident on 6
    May 1937 ... || Background || ... first flight on 4 March 1936 ... On 1 August ... ||
    Last flight || ... left Frankfurt on the evening of 3 May" is 3 May 1937, told from
    the lead's day, not from August 1936."""
    saved = ctx.before_background
    if saved is None or ctx.news_told:
        return None
    return saved[0] if any(not bg for bg, _end in _headings(ctx, saved[1], start)) else None


def mark_background(ctx: Context, start: int) -> None:
    """Before the story moves to a date at ``start``: remember where the lead had taken it
    when the date is the first under a background heading, and forget it once a section
    after the background is told from there."""
    if ctx.news_told or ctx.story is None:
        return
    if ctx.before_background is not None:
        if after_background(ctx, start) is not None:
            ctx.before_background = None
        return
    ends = [end for bg, end in _headings(ctx, ctx.story_end, start) if bg]
    if ends:
        ctx.before_background = (ctx.story, ends[-1])
