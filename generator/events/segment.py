"""Splitting an article body into paragraphs and sentences, and sorting news from furniture.

The rules (abbreviations, caption credits) live in ``data/segment.yaml``; page furniture and
datelines, in each language, in ``sources/data/furniture/`` and ``sources/data/datelines.yaml``
(``sources.furniture``). A dedicated sentence splitter (nltk's punkt, pysbd) would be a heavy
dependency for what news prose needs here: we must keep exact character offsets into the
body, so that every event points back at its source sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..ruledata import rule_data
from ..sources import furniture

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
    furniture: str = ""  # which furniture (a kind of sources/data/furniture/classes.yaml)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: Paragraph


@dataclass(frozen=True)
class _Rules:
    caption: re.Pattern[str]
    prose_words: int
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
        caption=any_of(data["caption"]),
        prose_words=int(data["prose_words"]),
        boundary=boundary,
        abbreviations=frozenset(a.lower() for a in data["abbreviations"]),
        place_initials=frozenset(a.lower() for a in data["place_initials"]),
        quote_attribution=re.compile(
            r"\s+[A-Z][\w.'’-]*(?:\s+(?:(?:of|and|for|the)\s+)*[A-Z][\w.'’-]*){0,5}\s+(?:"
            + "|".join(map(re.escape, data["quote_attribution_verbs"])) + r")\b"),
    )


def paragraphs(body: str, title: str | None = None, lang: str = "en") -> list[Paragraph]:
    """Split ``body`` at blank lines (and a block of one-line paragraphs at its lines) and
    classify each block, with the furniture rules of ``lang`` (the article's language)."""
    rules, page = _rules(), furniture.for_language(lang)
    result: list[Paragraph] = []
    number = 0
    ended = prose = False
    for start, text in _blocks(body):
        kind, which = _classify(text, title, ended, rules, page, first=not result,
                                after_news=prose)
        if kind == "after-article":
            ended = True
        if kind in ("body", "caption"):
            number += 1
        result.append(Paragraph(start, start + len(text), text, kind, number, which))
        prose = prose or is_prose(result[-1])
    return result


def is_prose(paragraph: Paragraph) -> bool:
    """Is ``paragraph`` prose of the story, not a line of the page around it ("A Warner Media
    Company.", a headline with no full stop: "Egipto impone un toque de queda tras muertos y
    heridos por protestas")? Its article ends only after one, and opens with one."""
    return (paragraph.kind == "body" and paragraph.text.rstrip()[-1] in _PROSE_END
            and len(paragraph.text.split()) >= _rules().prose_words)


_PROSE_END = ".!?\"'”’»)"


LEFT_OUT = ("furniture", "after-article")  # the kinds of paragraph that are no news at all


def news_text(body: str, found: list[Paragraph]) -> str:
    """``body`` with its furniture and what follows the article's end blanked (spaces, the
    line breaks kept), so that the date engine reads no date of them and every offset stays:
    "Publié le 01/12/12 à 00h00" before the story is no anchor for its "ce samedi"."""
    spans = [(p.start, p.end) for p in found if p.kind in LEFT_OUT]
    if not spans:
        return body
    parts: list[str] = []
    position = 0
    for start, end in spans:
        parts += [body[position:start], _BLANK.sub(" ", body[start:end])]
        position = end
    parts.append(body[position:])
    return "".join(parts)


_BLANK = re.compile(r"[^\n]")


def left_out(found: list[Paragraph]) -> dict[str, int]:
    """How many paragraphs of each kind of furniture were left out ("after-article": those
    after the article's end), e.g. ``{"byline": 2, "after-article": 14}``."""
    counts: dict[str, int] = {}
    for paragraph in found:
        if paragraph.kind in LEFT_OUT:
            which = paragraph.furniture or paragraph.kind
            counts[which] = counts.get(which, 0) + 1
    return counts


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


def _classify(text: str, title: str | None, ended: bool, rules: _Rules,
              page: furniture.FurnitureRules, first: bool, after_news: bool) -> tuple[str, str]:
    """(the paragraph's kind, which furniture it is when it is furniture). An end-of-article
    marker ("Lo más visto", "Más de Mundo") ends the article only after a paragraph of
    prose (``after_news``): a page's menu above the story holds them too."""
    if ended:
        return "after-article", ""
    marker = page.end_of_article.fullmatch(text)
    if marker and after_news:
        return "after-article", ""
    if first and title and " ".join(text.split()) == title:
        return "title", ""
    which = page.kind(text) or ("promotion" if marker else None)
    if which:
        return "furniture", which
    if rules.caption.fullmatch(text):
        return "caption", ""
    if furniture.dateline_end(text) == len(text):
        return "dateline", ""
    if len(text.split()) <= _HEADING_WORDS and text[-1] not in _SENTENCE_END:
        return "heading", ""
    return "body", ""


def sentences(body: str, paragraph: Paragraph) -> list[Sentence]:
    """Split one paragraph into sentences with offsets into ``body``; datelines are cut off."""
    rules = _rules()
    text = paragraph.text
    cursor = 0
    if paragraph.kind == "body":
        cursor = furniture.dateline_end(text)
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
