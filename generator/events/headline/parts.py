"""The part of a sentence a date's headline is written from: the sentence after a label,
the words around the date in a very long one, the frame, semicolon clause, conjunct or
bracket that holds the date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...temporal.lexicon import get_lexicon
from ..rules_file import word_set
from .phrases import drop_preposition
from .rules import Rules, get_rules
from .words import (
    clause_rest,
    has_verb,
    is_participle,
    is_verb,
    short_subject_then_verb,
    subject_of,
)

Dates = Sequence[tuple[int, int]]


@dataclass(frozen=True)
class Span:
    """The text a headline is written from, the date phrase's place in it (``start:end``) and
    the places of the sentence's other dates (``others``)."""

    sentence: str
    start: int
    end: int
    others: Dates


# Longer "sentences" (a page pasted without full stops) are cut to the words around the date
# first: the clause rules read the text before and after it, and a headline is short anyway.
LONGEST_SENTENCE = 1500
_AROUND = 600


def around(span: Span) -> Span:
    """The words within ``_AROUND`` characters of the date, offsets moved to match."""
    sentence, start, end = span.sentence, span.start, span.end
    first = sentence.rfind(" ", 0, max(0, start - _AROUND)) + 1
    last = sentence.find(" ", end + _AROUND)
    last = len(sentence) if last < 0 else last
    kept = [(a - first, b - first) for a, b in span.others if first <= a and b <= last]
    return Span(sentence[first:last], start - first, end - first, kept)


def quoted(sentence: str, start: int, end: int) -> bool:
    """Is ``start:end`` inside a direct quotation (between straight double quotes, or after
    an opening curly quote that is closed after it)?"""
    if start >= end:
        return False
    if sentence.count('"', 0, start) % 2 and '"' in sentence[end:]:
        return True
    return sentence.rfind("“", 0, start) > sentence.rfind("”", 0, start) and (
        "”" in sentence[end:])


def without_label(span: Span, rules: Rules) -> Span:
    """The sentence after a speaker label or a time stamp that opens it ("MR. KIRBY:",
    "13:50 GMT:", "Feb 24, 2022 –"): a transcript's or a live blog's, not the news. A date
    phrase inside the label is gone with it (the headline is then the rest)."""
    sentence = span.sentence
    found = rules.label.match(sentence)
    if found is None or len(sentence[found.end() :].split()) < 2:
        return Span(sentence, span.start, span.end, list(span.others))
    cut = found.end()
    kept = [(a - cut, b - cut) for a, b in span.others if a >= cut]
    return Span(sentence[cut:], max(0, span.start - cut), max(0, span.end - cut), kept)


def follow(part: tuple[str, int, int], span: Span) -> Span:
    """``part`` (the text the headline is now written from, with the phrase's place in it)
    and the sentence's other dates found again in it: each where the phrase's shift puts it
    or where it was (before a cut), if its words are there; the others are no longer in
    the text (the rules that read them would otherwise read the wrong words)."""
    text, new_start, new_end = part
    kept = []
    for a, b in span.others:
        for shift in (new_start - span.start, 0):
            if a + shift >= 0 and b + shift <= len(text) and (
                    text[a + shift : b + shift] == span.sentence[a:b]):
                kept.append((a + shift, b + shift))
                break
    return Span(text, new_start, new_end, kept)


def other_date_frame(
    sentence: str, phrase_start: int, others: Sequence[tuple[int, int]], rules: Rules
) -> int:
    """Where the sentence's news starts when it opens with a frame about another date: "In
    contrast to Thursday, when 133 people were arrested, protesters were calmer Friday" is
    Friday's news from "protesters" on. 0 when there is no such frame."""
    cut = sentence.rfind(",", 0, phrase_start)
    if cut < 0 or not any(end <= cut for _, end in others):
        return 0
    opener = sentence[:cut].lower()
    opens_with_date = any(start == 0 and end <= cut for start, end in others)
    if not opens_with_date and not any(opener.startswith(f"{word} ")
                                       for word in rules.frame_openers):
        return 0  # "Six weeks later, after ... Shusha, Armenia signed ... on Nov. 10" is one
    rest = sentence[cut + 1 :]
    words = rest.split()
    if len(words) < 4 or words[0].lower().strip("“\"") in _NOT_MAIN_CLAUSE:
        return 0
    return cut + 1 + len(rest) - len(rest.lstrip())


_NOT_MAIN_CLAUSE = word_set("not_main_clause")


def own_semicolon_clause(sentence: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The clause between semicolons that holds the date: "The bloc has adopted 13 packages;
    a 14th is expected before the summer" is "a 14th is expected" before the summer."""
    first = sentence.rfind(";", 0, start) + 1
    last = sentence.find(";", end)
    last = len(sentence) if last < 0 else last
    if first == 0 and last == len(sentence):
        return None
    part = sentence[first:last]
    lead = len(part) - len(part.lstrip())
    if len(part.split()) < 3:
        return None
    return part.strip(), start - first - lead, end - first - lead


# ", who was elected in 2021 ...,": a relative clause set off by commas.
_ASIDE = re.compile(r",\s+(?:who|which)\s[^,;]*,|,\s+(?P<part>[a-z]+)\s[^,;]*,")


def dated_aside(sentence: str, start: int, end: int, others: Sequence[tuple[int, int]]
                 ) -> tuple[str, int, int] | None:
    """The sentence without a relative clause that holds another of its dates, when the date
    is in the main clause: "Bazoum, who was elected in 2021 ..., tweeted early on Thursday
    that ..." is "Bazoum tweeted ..." on Thursday."""
    for found in _ASIDE.finditer(sentence, 0, start):
        if found.end() > start:
            break
        if found.group("part") and not is_participle(found.group("part")):
            continue
        if any(found.start() <= o_start < found.end() for o_start, _ in others):
            cut = found.end() - found.start()
            text = sentence[: found.start()] + sentence[found.end() :]
            return text, start - cut, end - cut
    return None


# ", and Moody's on May 8.": a second subject and its date, the verb left out (gapping).
_GAPPED = re.compile(
    r"(?P<sep>,?\s+(?:and|while|but)\s+)(?P<subj>(?:the\s+)?[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:on|in|at|by)?\s*$")


def gapped_conjunct(sentence: str, start: int, end: int, others: Sequence[tuple[int, int]],
                     rules: Rules) -> str | None:
    """"Fitch will review the rating on April 24, and Moody's on May 8": the May 8 entry is
    "Moody's will review the rating" (the verb phrase copied from the first clause), the
    April 24 entry "Fitch will review the rating"."""
    lex = get_lexicon()
    found = _GAPPED.search(sentence, 0, start)
    if found and not sentence[end:].strip(" .!?\"”"):
        first = sentence[: found.start()]
        subject = subject_of(first, lex)
        # the first clause ends with its own date ("... on April 24, and Moody's on May 8"),
        # not with a name of a list ("followed by Manuel and Lazaro in 1984")
        dated = [o for o in others if 0 <= found.start() - o[1] <= 1]
        if subject is None or not dated:
            return None
        o_start, o_end = dated[-1]
        head = drop_preposition(first[:o_start].rstrip(), rules)
        predicate = (head + " " + first[o_end:].strip())[len(subject) :].strip()
        return f"{found.group('subj')} {predicate}".strip()
    for o_start, o_end in others:
        gap = _GAPPED.search(sentence, end, o_start)
        if o_start > end and gap and gap.end() == o_start and gap.start() - end <= 1 and not (
                sentence[o_end:].strip(" .!?\"”")):
            head = drop_preposition(sentence[:start].rstrip(), rules)
            return (head + " " + sentence[end : gap.start()].strip()).strip()
    return None


# ", and said", " but warned": a coordinated clause with its own (past, reported or modal)
# verb and the subject of the first.
_CONJUNCTION = re.compile(r",?\s+(?:and|but|(?:and\s+)?then)\s+(?=([a-z]+)\b)")


# ", and the army said ...", ", and fighting resumed ...", "... since March and the army
# shelled it": a coordinated clause with a subject of its own (without a comma only when
# both sides have their verb).
_NEW_CLAUSE = re.compile(
    r"(?P<comma>,)?\s+(?:and|but|while|after\s+which)\s+"
    r"(?=(?:(?:the|a|an|[A-Z][\w.'’-]*)\s)"
    r"|(?P<noun>[a-z]+)\s+(?:(?:in|of|from|at|on|near)\s+(?:the\s+)?[a-z]+\s+)?"
    r"(?P<verb>[a-z]+)\b)"
)


def own_conjunct(
    sentence: str, start: int, end: int, others: Sequence[tuple[int, int]]
) -> tuple[str, int, int] | None:
    """The conjunct of a coordinated sentence that holds the date, when another date is in
    the other conjunct: "The government declared an emergency on Wednesday and said it would
    ask for EU funds next week" is "The government said it would ask for EU funds" next week
    and "The government declared an emergency" on Wednesday. The second conjunct takes the
    first's subject (the words before its first verb). None when there is no such split."""
    lex = get_lexicon()
    opened = _date_opened_conjunct(sentence, start, end, others)
    if opened is not None:
        return opened
    for found in _NEW_CLAUSE.finditer(sentence):
        cut, resume = found.start(), found.end()
        if found.group("verb") is not None and (
                not is_verb(found.group("verb"), lex) or is_verb(found.group("noun"), lex)):
            continue  # ", and fighting resumed": a bare noun subject needs its verb next
        if not found.group("comma"):
            if not (has_verb(sentence[:cut]) and short_subject_then_verb(sentence[resume:],
                                                                            lex)):
                continue  # "Kenya and the United States signed": one subject, not two clauses
            # the other date must be in the other conjunct, not in a clause beyond a comma
            first = sentence.rfind(",", 0, cut) + 1
            last = sentence.find(",", resume)
            last = len(sentence) if last < 0 else last
            near = [o for o in others if first <= o[0] < last]
            if not near:
                continue
        else:
            near = list(others)
        if end <= cut and any(o_start >= resume for o_start, _ in near):
            return sentence[:cut], start, end
        if start >= resume and any(o_end <= cut for _, o_end in near) and has_verb(
                sentence[resume:start]):
            return sentence[resume:], start - resume, end - resume
    for found in _CONJUNCTION.finditer(sentence):
        if not is_verb(found.group(1), lex):
            continue
        cut, resume = found.start(), found.end()
        if end <= cut and any(o_start >= resume for o_start, _ in others):
            return sentence[:cut], start, end
        if start >= resume and any(o_end <= cut for _, o_end in others):
            subject = subject_of(sentence[:cut], lex)
            if subject is None:
                return None
            # "The first round of talks, brokered by a mediator, began ... and ended": the
            # subject ends where the aside opens
            subject = subject.rstrip(" ,")
            shift = len(subject) + 1 - resume
            return f"{subject} {sentence[resume:]}", start + shift, end + shift
    return None


# A short past form the tense lists may leave out ("died", "tied").
_SHORT_PAST = re.compile(r"\b[a-z]{2}ed\b")


# ", and in 2009, 82 miners died": a coordinated clause that opens with its own date.
_AND_THEN_DATE = re.compile(r",\s+(?:and|but)\s+")


def _date_opened_conjunct(sentence: str, start: int, end: int,
                          others: Sequence[tuple[int, int]]) -> tuple[str, int, int] | None:
    """"Last May, seven workers were killed ..., and in 2009, 82 miners died ...": each date
    opens its own clause, so each entry is that clause (the second needs a verb of its own,
    or it is a gapped one: "..., and in the week of Jan. 12, just nine")."""
    rules = get_rules()
    for found in _AND_THEN_DATE.finditer(sentence):
        cut, resume = found.start(), found.end()
        dates = [(start, end), *others]
        opening = [d for d in dates if d[0] >= resume
                   and not drop_preposition(sentence[resume : d[0]].rstrip(), rules)]
        clause = clause_rest(sentence[opening[0][1] :].lstrip(" ,")) if opening else ""
        if not (has_verb(clause) or _SHORT_PAST.search(clause)):
            continue
        if opening[0] == (start, end) and any(o_end <= cut for _, o_end in others):
            return sentence[resume:], start - resume, end - resume
        if opening[0] != (start, end) and end <= cut:
            return sentence[:cut], start, end
    return None


# What separates the items of a list such as a caption's "A (date), B (date) and C (date)".
_LIST_MARKS = (",", ":", ";", ")", " -- ", " and ")


def parenthetical(sentence: str, start: int, end: int) -> tuple[str, int, int] | None:
    """A date inside brackets dates what stands just before them: in "Putin (on July 4, 2019,
    in Rome), Lukashenka (on November 12, 2019, in Vienna)", each date's own text is
    "Putin (on July 4, 2019, in Rome)". Returns that text and the phrase's place in it."""
    opening = sentence.rfind("(", 0, start)
    if opening < 0 or sentence.find(")", opening, start) >= 0:
        return None
    closing = sentence.find(")", end)
    if closing < 0 or "(" in sentence[end:closing]:
        return None
    found = [(sentence.rfind(mark, 0, opening), mark) for mark in _LIST_MARKS]
    cut = max((at + len(mark) for at, mark in found if at >= 0), default=0)
    head = sentence[cut:opening]
    if len(head.split()) < 2:
        return None
    inside = sentence[opening + 1 : closing]
    text = f"{head.strip()}, {inside}"
    offset = len(head.strip()) + 2 - (opening + 1)  # phrase's shift from sentence to text
    return text, start + offset, end + offset
