"""What a saved web page carries besides its article: the site's name in the title, the
headline repeated as the first block, bylines, promotions and photo credits.

trafilatura finds the article's blocks; these rules (data in ``data/pages.yaml``) take off
what it keeps that an editor would cut, so that an added article holds only its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..ruledata import expect_keys, rule_data

_KEYS = ("title_separators", "caption_labels", "promo_label", "promo_words", "byline",
         "byline_role_words")


@dataclass(frozen=True)
class _Rules:
    title_separators: tuple[str, ...]
    caption_labels: re.Pattern[str]
    promo_label: re.Pattern[str]
    promo_words: int
    byline: re.Pattern[str]
    byline_role_words: int


@cache
def _rules() -> _Rules:
    data = rule_data("sources", "pages.yaml")
    expect_keys(data, _KEYS, "pages.yaml")
    labels = "|".join(f"(?:{p})" for p in data["caption_labels"])
    return _Rules(
        title_separators=tuple(data["title_separators"]),
        caption_labels=re.compile(rf"^\s*(?:{labels})\s*|\s*(?:{labels})\s*$", re.IGNORECASE),
        promo_label=re.compile(data["promo_label"]),
        promo_words=int(data["promo_words"]),
        byline=re.compile(data["byline"]),
        byline_role_words=int(data["byline_role_words"]),
    )


def clean_caption(text: str) -> str:
    """The caption without its labels and credit.

    "Image caption, Nurses in Queens on Monday. Image source, Getty Images" -> "Nurses in
    Queens on Monday."; "(reuters)" -> "" (a credit alone says nothing).
    """
    rx = _rules().caption_labels
    previous = None
    while previous != text:
        previous, text = text, rx.sub("", text).strip()
    return text


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def headline_of(title: str | None, first_block: str) -> str | None:
    """The page's headline when ``first_block`` repeats the title, else None.

    Title "Hospitals brace for surge - BBC News", first block "Hospitals brace for surge":
    the block is the headline, and the title less its site's name.
    """
    if not title:
        return None
    block, whole = _fold(first_block), _fold(title)
    if block == whole:
        return first_block
    for separator in _rules().title_separators:
        parts = [p.strip() for p in whole.split(separator.casefold())]
        if len(parts) > 1 and block in (parts[0], parts[-1]):
            return first_block
    return None


def _is_promotion(block: str) -> bool:
    """ "A SIMPLE GUIDE: How do I protect myself?" (a label, a short line, no full stop)."""
    rules = _rules()
    label = rules.promo_label.match(block)
    if not label:
        return False
    rest = block[label.end():].strip()
    return len(rest.split()) <= rules.promo_words and not rest.endswith(".")


def _byline_length(blocks: list[str]) -> int:
    """How many of the first blocks are a byline: "By Nada Tawfik", then "BBC News, New
    York" (a short line with no full stop under it), or 0."""
    rules = _rules()
    if not blocks or not rules.byline.match(blocks[0]):
        return 0
    if len(blocks) > 1 and len(blocks[1].split()) <= rules.byline_role_words \
            and not blocks[1].rstrip().endswith((".", "!", "?", ":")):
        return 2
    return 1


def article_blocks(blocks: list[str], title: str | None) -> tuple[str | None, list[str]]:
    """(the headline if the page repeats it, the blocks an article file keeps).

    The headline repeated first goes (it is the title), then a byline under it; a promotion
    goes wherever it stands.
    """
    headline = headline_of(title, blocks[0]) if blocks else None
    if headline is not None:
        blocks = blocks[1:]
    blocks = blocks[_byline_length(blocks):]
    return headline, [b for b in blocks if not _is_promotion(b)]
