"""Splitting an article body into paragraphs and sentences, and sorting news from furniture.

The rules (abbreviations, comment-section markers, caption credits, datelines) live in
``data/segment.yaml``. A dedicated sentence splitter (nltk's punkt, pysbd) would be a heavy
dependency for what news prose needs here: we must keep exact character offsets into the
body, so that every event points back at its source sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..ruledata import rule_data

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A short block with no closing punctuation is a subheading ("A toxic partner").
_HEADING_WORDS = 8
_SENTENCE_END = ".!?\"'”’:;)]"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the body. ``number`` counts news paragraphs (body and captions) from 1."""

    start: int
    end: int
    text: str
    kind: str  # body, caption, heading, dateline, furniture, title, after-article
    number: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: Paragraph


@dataclass(frozen=True)
class _Rules:
    end_of_article: re.Pattern[str]
    furniture: re.Pattern[str]
    caption: re.Pattern[str]
    dateline: re.Pattern[str]
    boundary: re.Pattern[str]
    abbreviations: frozenset[str]
    place_initials: frozenset[str]
    quote_attribution: re.Pattern[str]


@cache
def _rules() -> _Rules:
    data = rule_data("events", "segment.yaml")

    def any_of(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    # A sentence ends at . ! ? (plus closing quotes/brackets) before white space and a
    # capital, digit or opening quote (wire copy's `` included), unless the word before the
    # period is an abbreviation or a single initial ("J. Smith"); ``sentences`` checks that.
    boundary = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+(?:``|[\"'“‘(\[])?[A-Z0-9])")
    return _Rules(
        end_of_article=any_of(data["end_of_article"]),
        furniture=any_of(data["furniture"]),
        caption=any_of(data["caption"]),
        dateline=re.compile(data["dateline"]),
        boundary=boundary,
        abbreviations=frozenset(a.lower() for a in data["abbreviations"]),
        place_initials=frozenset(a.lower() for a in data["place_initials"]),
        quote_attribution=re.compile(
            r"\s+[A-Z][\w.'’-]*(?:\s+(?:(?:of|and|for|the)\s+)*[A-Z][\w.'’-]*){0,5}\s+(?:"
            + "|".join(map(re.escape, data["quote_attribution_verbs"])) + r")\b"),
    )


def paragraphs(body: str, title: str | None = None) -> list[Paragraph]:
    """Split ``body`` at blank lines (and a block of one-line paragraphs at its lines) and
    classify each block."""
    rules = _rules()
    result: list[Paragraph] = []
    number = 0
    ended = False
    for start, text in _blocks(body):
        kind = _classify(text, title, ended, rules, first=not result)
        if kind == "after-article":
            ended = True
        if kind in ("body", "caption"):
            number += 1
        result.append(Paragraph(start, start + len(text), text, kind, number))
    return result


def _blocks(body: str) -> list[tuple[int, str]]:
    """(offset, text) of each block between blank lines, or of each line of a block whose
    lines are paragraphs of their own."""
    blocks: list[tuple[int, str]] = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(body), None]:
        stop = match.start() if match else len(body)
        raw = body[position:stop]
        start = position + len(raw) - len(raw.lstrip())
        text = raw.strip()
        position = match.end() if match else len(body)
        if not text:
            continue
        lines = text.split("\n")
        if len(lines) > 1 and _one_paragraph_per_line(lines):
            offset = start
            for line in lines:
                lead = len(line) - len(line.lstrip())
                if line.strip():
                    blocks.append((offset + lead, line.strip()))
                offset += len(line) + 1
        else:
            blocks.append((start, text))
    return blocks


# A line this long is not hard-wrapped text: the lines of its block are paragraphs.
_UNWRAPPED_LINE = 100
# A line this short ends where its paragraph does ("Published 14 March 2024", "Share").
_SHORT_LINE = 50


def _one_paragraph_per_line(lines: list[str]) -> bool:
    """Are the lines of a block paragraphs of their own (text pasted from a web page: a byline,
    "Published ...", "Share", a caption, each on its line), not hard-wrapped prose? Wrapped
    prose has lines of one width that run on into a lower-case word."""
    if any(len(line) > _UNWRAPPED_LINE for line in lines):
        return True
    for line, following in zip(lines, lines[1:], strict=False):
        after = following.lstrip()[:1]
        if after.islower():
            return False  # "... the embassy in\nthe capital": wrapped
        if len(line.strip()) > _SHORT_LINE and line.rstrip()[-1:] not in _SENTENCE_END:
            return False
    return True


def _classify(text: str, title: str | None, ended: bool, rules: _Rules, first: bool) -> str:
    if ended or rules.end_of_article.fullmatch(text):
        return "after-article"
    if first and title and " ".join(text.split()) == title:
        return "title"
    if rules.furniture.fullmatch(text):
        return "furniture"
    if rules.caption.fullmatch(text):
        return "caption"
    dateline = rules.dateline.match(text)
    if dateline and dateline.end() == len(text):
        return "dateline"
    if len(text.split()) <= _HEADING_WORDS and text[-1] not in _SENTENCE_END:
        return "heading"
    return "body"


def sentences(body: str, paragraph: Paragraph) -> list[Sentence]:
    """Split one paragraph into sentences with offsets into ``body``; datelines are cut off."""
    rules = _rules()
    text = paragraph.text
    cursor = 0
    dateline = rules.dateline.match(text)
    if dateline and paragraph.kind == "body":
        cursor = dateline.end()
    result: list[Sentence] = []
    quotes = _QuoteCounter(text, cursor)
    for match in rules.boundary.finditer(text, cursor):
        if _is_abbreviation(text, match.start(), rules) or quotes.inside(match.end()):
            continue
        if _QUOTED_CRY.search(match.group()) and rules.quote_attribution.match(
                text, match.end()):
            continue  # '"Why now?" Lavrov asked.': the attribution ends the sentence
        _append(result, body, paragraph, cursor, match.end())
        cursor = match.end()
        quotes = _QuoteCounter(text, cursor)
    _append(result, body, paragraph, cursor, len(text))
    return result


_QUOTE = re.compile(r'``|\'\'|["“”]')
# A question or exclamation that closes a quotation.
_QUOTED_CRY = re.compile(r"[?!][\"'”’]")
# A quotation longer than this is taken as unbalanced (a stray mark), not as one sentence.
_LONGEST_QUOTE = 400


class _QuoteCounter:
    """Whether a quotation opened since ``start`` is still open at a later position.

    A quoted passage of several sentences stays whole with its attribution
    ("We don't know ... But we do know ...," Blinken said.), so an event's sentence
    never starts in the middle of a quote. The marks are counted as the position moves
    forward, so a long paragraph is read once, not once per sentence end.
    """

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.scanned = start
        self.count = 0
        self.last = -1

    def inside(self, end: int) -> bool:
        for mark in _QUOTE.finditer(self.text, self.scanned, end):
            self.count += 1
            self.last = mark.start()
        self.scanned = max(self.scanned, end)
        if self.count % 2 == 0:
            return False
        return end - self.last < _LONGEST_QUOTE


_WORD_BEFORE = re.compile(r"([\w.]+)$")
_LONGEST_WORD = 40


def _is_abbreviation(text: str, period: int, rules: _Rules) -> bool:
    """True when the period at ``period`` closes an abbreviation or an initial."""
    if text[period] != ".":
        return False
    # Only the few characters before the period: a long paragraph is not read again.
    match = _WORD_BEFORE.search(text, max(0, period - _LONGEST_WORD), period)
    if not match:
        return False
    word = match.group(1)
    # "J. Smith", "J.D. Vance", "George H.W. Bush": initials, one capital each
    if word.lower() in rules.place_initials:
        return False
    return bool(_INITIALS.fullmatch(word)) or word.lower() in rules.abbreviations


_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")


def _append(out: list[Sentence], body: str, paragraph: Paragraph, start: int, end: int) -> None:
    chunk = paragraph.text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if chunk:
        begin = paragraph.start + start + lead
        out.append(Sentence(begin, begin + len(chunk), " ".join(chunk.split()), paragraph))
