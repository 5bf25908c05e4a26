"""Deictic words: "today", "tomorrow night", "overnight", "now", "recently", "current"."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from ..anchoring import (
    quoted_day,
    said_on_day,
)
from ..anchoring.narrative import STORY_DAYS
from ..context import Context, Resolved
from ..sentences import next_word, start_of_sentence, words_before
from .common import (
    opt_group,
    pod_code,
    pos_mod,
    span_of,
    with_pod,
)
from .registry import gate, rule

# "Today" capitalized inside a sentence, after a possessive or before "show"/"programme": the
# name of a broadcast, not the day.
_SHOW_BEFORE = regex.compile(r"(?:['’]s?|\bthe|\b[A-Z][A-Za-z]*[A-Z])\s+$")
_SHOW_AFTER = regex.compile(r"\s+(?:show|programme|program|newspaper)\b")


@gate("deictic")
def g_deictic(ctx: Context, m: regex.Match[str]) -> bool:
    """'today's youth', 'the people of tomorrow': the generic present/future, not a day."""
    word = (opt_group(m, "deic") or "").lower()
    if word not in ("today", "tomorrow") or opt_group(m, "pod") or opt_group(m, "pmod"):
        return True
    if word == "tomorrow" and words_before(ctx, m.start(), 1) == ["of"]:
        return False
    if word == "today" and ctx.text.startswith("Today", m.start()) and (
            _SHOW_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
            or _SHOW_AFTER.match(ctx.text, m.start() + 5)):
        return False  # "told NBC News' Today show", "on BBC Radio 4's Today programme"
    if ctx.text.startswith(("'s", "’s"), m.end()):
        nxt = next_word(ctx, m.end() + 2).lower()
        return nxt not in ctx.lex.sets.generic_after_today
    return True


@rule("deictic")
def r_deictic(ctx: Context, m: regex.Match[str]) -> Resolved | None:
    """'today', 'tomorrow night', 'tonight', 'overnight', 'this morning': a day (or part of one)
    counted from the DCT."""
    word = (opt_group(m, "deic") or opt_group(m, "deic2") or "").lower()
    pod = pod_code(ctx, opt_group(m, "pod"))
    mod = pos_mod(ctx, m)
    dct = ctx.dct
    if ctx.label_day and "\n" not in ctx.text[ctx.label_at : m.start()]:
        # a live blog's entry stamped "Friday, 23:45 GMT:" tells "this evening" of its day
        dct = date.fromisoformat(ctx.label_day)
    elif word != "overnight":
        dct = quoted_day(ctx, m.start()) or dct
    if word == "tonight":
        return Resolved(*span_of(m), "TIME", f"{dct.isoformat()}TNI", mod=mod, relative=True)
    if word == "overnight":
        tense = ctx.tense(m.start(), m.end())
        d = dct if tense == "future" else dct - timedelta(days=1)
        said = said_on_day(ctx, m.start())
        if said is not None and tense != "future":
            d = said - timedelta(days=1)  # "said on Sunday that ... overnight": Saturday night
        elif tense == "past" and (told := _day_told_before(ctx, m.start())) is not None:
            d = told  # "reached the coast on Sunday, and two dams gave way overnight"
        return Resolved(*span_of(m), "TIME", f"{d.isoformat()}TNI", mod=mod, relative=True)
    if word in ("this", "last"):
        if not pod:
            return None
        d = dct - timedelta(days=1) if word == "last" else dct
        return Resolved(*span_of(m), "TIME", f"{d.isoformat()}T{pod}", mod=mod, relative=True)
    off = ctx.lex.deictic_days.get(word)
    if off is None:
        return None
    if word == "today" and not pod and _nowadays(ctx, m.start(), m.end()):
        return Resolved(*span_of(m), "DATE", "PRESENT_REF")
    d = (dct + timedelta(days=off)).isoformat()
    typ, v = with_pod(d, pod)
    # "came into force today ... The day before, ...": a day told as today or yesterday is
    # the day the story has reached
    return Resolved(*span_of(m), typ, v, mod=mod, relative=True, extra={"told_day": "1"})


def _nowadays(ctx: Context, start: int, end: int) -> bool:
    """Is "today" the present of a history, not a day? "Argentina returned to civilian rule
    in 1983. Today about 3,600 people live on the islands": a text whose first day told and
    last day told are both far before the DCT, in a clause told in the present, speaks of
    nowadays (TimeML PRESENT_REF); "Police said today ..." and a news story's "today" are
    the DCT's day."""
    if not ctx.lead_day or not ctx.day_anchor or ctx.tense(start, end) is not None:
        return False
    far = ctx.dct - timedelta(days=STORY_DAYS)
    return max(date.fromisoformat(ctx.lead_day), date.fromisoformat(ctx.day_anchor[:10])) < far


def _day_told_before(ctx: Context, at: int) -> date | None:
    """The day a past sentence told before its "overnight", joined to it by "and": that day's
    night ("Storm Daniel reached the coast on Sunday, and two dams gave way overnight" is
    Sunday night); not a day in another sentence, nor one after the DCT."""
    if not ctx.day_anchor or ctx.anchor != ctx.day_anchor:
        return None
    if ctx.anchor_end < start_of_sentence(ctx.text, at) or not _AND_BETWEEN.search(
            ctx.text, ctx.anchor_end, at):
        return None
    day = date.fromisoformat(ctx.day_anchor[:10])
    return day if day < ctx.dct else None


_AND_BETWEEN = regex.compile(r",?\s+and\s")


@gate("ref_word")
def g_ref(ctx: Context, m: regex.Match[str]) -> bool:
    w = m["ref"].lower()
    before = words_before(ctx, m.start(), 1)
    nxt = next_word(ctx, m.end()).lower()
    if w == "soon" and (before[-1:] == ["as"] or nxt == "as" or before[-1:] == ["too"]):
        return w == "soon" and nxt != "as" and before[-1:] != ["too"]
    if w == "now" and nxt in ("that",):
        return False
    if w == "recently" and before[-1:] and before[-1] in ctx.lex.sets.recently_auxiliaries:
        # "was recently extended", "have recently moved": untagged 3 times of 3 in te3-train
        return False
    if w == "soon" and (
        nxt in ("after", "before", "afterward", "afterwards", "thereafter")
        or ctx.tense(m.start(), m.end()) == "past"
    ):
        return False  # "soon after X", "was soon released": a relation, not the future
    if w == "the future" and nxt in ("of", "looks", "look"):
        return False  # "the future of our peoples": prospects, not a time
    return not (w == "the past" and nxt in ("few", "several"))


@rule("ref_word")
def r_ref(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'now', 'recently', 'the future': PRESENT_REF, PAST_REF or FUTURE_REF."""
    key = regex.sub(r"\s+", " ", m["ref"].lower())
    return Resolved(*span_of(m), "DATE", ctx.lex.ref_words[key])


@gate("current_adj")
def g_current(ctx: Context, m: regex.Match[str]) -> bool:
    """'his current wife', 'current market conditions': the adjective refers to the present
    (TimeBank tags it PRESENT_REF); 'current account' and 'electric current' are not temporal."""
    nxt = next_word(ctx, m.end())
    return nxt[:1].islower() and nxt.lower() not in ctx.lex.sets.current_not_temporal


@rule("current_adj")
def r_current(ctx: Context, m: regex.Match[str]) -> Resolved:
    """'current market conditions' (PRESENT_REF), 'the then-current rules' (PAST_REF)."""
    return Resolved(*span_of(m), "DATE", "PAST_REF" if m["then"] else "PRESENT_REF")
