"""Which way a clause looks from the DCT: its tense, corrected for deadlines and plans, and how
much a reading on the wrong side of the DCT costs."""

from __future__ import annotations

import regex

from ..context import Context
from ..sentences import start_of_sentence, words_before
from ..tense import is_past_form

FUTURE_PENALTY = 2.5


TENSE_PENALTY = 12.0


# A past clause pushes a month or day after the DCT further than a future clause pushes one
# before it: "The UN voted on Feb. 20" said on Feb. 7 is last year's (a plan cue misread is
# the likelier error the other way: "expects to release third-quarter results")
PAST_PENALTY = 30.0


def sure_future(ctx: Context, start: int, end: int) -> bool:
    """A future told by "will", a plan or a schedule, or a present state that runs "until" the
    date ("the curfew remains in force until Sunday"), not only by a modal."""
    if ctx.sure_future(start, end):
        return True
    before = words_before(ctx, start, 3)
    if ahead_of(before):
        return True  # "ahead of Sunday's vote"
    return before[-1:] in (["until"], ["till"]) and ctx.tense(start, end) is None


def ahead_of(before: list[str]) -> bool:
    """Do the words before a date end in "ahead of (the)"?"""
    return before[-2:] == ["ahead", "of"] or before[-3:] == ["ahead", "of", "the"]


def past_before(ctx: Context, start: int) -> bool:
    """Is there a past form anywhere before ``start`` in its sentence?"""
    words = regex.findall(r"[a-z]+", ctx.text[start_of_sentence(ctx.text, start) : start].lower())
    return any(is_past_form(w, ctx.lex) for w in words)


# Verbs of lasting whose infinitive with "through"/"until" names an end still to come.
_LASTING = frozenset({"run", "last", "continue", "remain", "stay", "extend", "go", "operate"})


_DEADLINE_AFTER = regex.compile(r"(?:['’]s)?\s+(?:deadline|ultimatum|cutoff|cut-off)s?\b")


def deadline_tense(ctx: Context, start: int, end: int) -> str | None:
    """Clause tense, corrected for deadlines: a present/unknown clause with 'by/until <date>'
    ('talks are supposed to conclude by May') and 'postponed/extended/given ... until <date>'
    look ahead whatever the tense of the verb."""
    before = words_before(ctx, start, 8)
    if ahead_of(before):
        # "ahead of Sunday's vote", "square positions ahead of the weekend": what is ahead
        # of the clause's time is still to come (not "ahead of the election in December",
        # whose month is the election's)
        return "future"
    if _DEADLINE_AFTER.match(ctx.text, end):
        # "Friday's deadline", "the Friday deadline": ahead, unless the sentence is told in the
        # past ("missed Friday's deadline", "Sony completed its offer, with shareholders
        # tendering 99.3% by the Tuesday deadline")
        tense = ctx.tense(start, end)
        if tense is None and not past_before(ctx, start):
            return "future"
        return tense
    if ctx.text.startswith(("'s", "’s"), end):
        # "Wednesday's ruling": an event named by its date, not the clause's time; unless
        # the noun is the subject of its clause ("Sunday's vote was marred by violence") or
        # looked forward to ("ahead of Sunday's vote")
        opens = not ctx.text[start_of_sentence(ctx.text, start):start].strip(" \"“‘'(")
        return ctx.tense(start, end) if opens else None
    if before[-1:] in (["until"], ["till"]) and (
            ctx.lex.sets.deadline.intersection(before) or before[-2:-1] in (["have"], ["has"])):
        return "future"  # "extended its deadline until 9 a.m. Tuesday", "have until Dec. 20"
    if before[-1:] in (["for"], ["to"]) and ctx.lex.sets.schedule_verbs.intersection(
        before[-8:]
    ):
        return "future"  # "has set the election for 17 February", "was moved to Friday"
    if before[-1:] in (["until"], ["till"], ["through"], ["into"]) and before[-3:-2] == ["to"] and (
            before[-2] in _LASTING):
        return "future"  # "extended the program to run through June": the end of what lasts
    tense = ctx.tense(start, end)
    if tense is None and before[-1:] in (["by"], ["until"], ["till"]):
        return "future"  # "shops are closed until Monday": a present state runs up to it
    return tense
