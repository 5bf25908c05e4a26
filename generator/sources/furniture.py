"""Page furniture and datelines in an article's text, in each language it is written in.

A page prints more than its story: bylines and time stamps ("Par Jean Dupont Publié le
03/07/2013 à 18h12"), share and subscribe prompts, links to other stories ("Leggi anche"),
photo credits, copyright lines; a wire story opens with a dateline ("EL CAIRO, 3 Jul.
(EUROPA PRESS) -"). The patterns are data, one file a language as HeidelTime keeps
``resources/<language>/``: ``data/furniture/any.yaml`` and ``en.yaml`` hold for every
article, the article's own language file adds to them; ``data/datelines.yaml`` holds the
datelines of every language. ``segment`` sorts an article's paragraphs with them when it is
read; ``page_furniture`` is what ``timeline add`` takes off a saved page before that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..ruledata import RuleDataError, expect_keys, rule_data

_LANGUAGES = ("es", "fr", "it", "de", "pt")  # beside any.yaml and en.yaml, read for all
_FILE_KEYS = ("end_of_article", "furniture")


@dataclass(frozen=True)
class FurnitureRules:
    """The furniture of one language's articles (with the marks and English of every page)."""

    end_of_article: re.Pattern[str]
    classes: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern), in classes.yaml order

    def kind(self, paragraph: str) -> str | None:
        """The kind of furniture ``paragraph`` is ("byline", "share", ...), or None: news."""
        for name, pattern in self.classes:
            if pattern.fullmatch(paragraph):
                return name
        return None


@dataclass(frozen=True)
class Datelines:
    dateline: re.Pattern[str]
    stamp: re.Pattern[str]


@cache
def labels() -> dict[str, str]:
    """Each kind of furniture and how a report names it, in the order reports list them."""
    return {str(k): str(v) for k, v in rule_data("sources", "furniture/classes.yaml").items()}


@cache
def for_language(lang: str) -> FurnitureRules:
    """The furniture rules of an article in ``lang`` (any code: an unknown one reads the
    rules of every page, ``any.yaml`` and ``en.yaml``)."""
    files = ["any", "en"] + ([lang] if lang in _LANGUAGES else [])
    ends: list[str] = []
    by_kind: dict[str, list[str]] = {kind: [] for kind in labels()}
    for name in files:
        where = f"data/furniture/{name}.yaml"
        data = rule_data("sources", f"furniture/{name}.yaml")
        expect_keys(data, _FILE_KEYS, where)
        ends += data["end_of_article"]
        kinds = data["furniture"] or {}
        unknown = sorted(set(kinds) - set(by_kind))
        if unknown:
            raise RuleDataError(f"{where}: furniture kind(s) {', '.join(unknown)} are not in "
                                "data/furniture/classes.yaml")
        for kind, patterns in kinds.items():
            by_kind[kind] += patterns
    return FurnitureRules(
        end_of_article=_any_of(ends),
        classes=tuple((kind, _any_of(p)) for kind, p in by_kind.items() if p),
    )


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern of ``patterns`` (none: a pattern that matches nothing)."""
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def datelines() -> Datelines:
    data = rule_data("sources", "datelines.yaml")
    expect_keys(data, ("dateline", "stamp"), "data/datelines.yaml")
    return Datelines(dateline=re.compile("|".join(f"(?:{p})" for p in data["dateline"])),
                     stamp=re.compile(data["stamp"]))


def dateline_end(text: str) -> int:
    """Where the dateline opening ``text`` ends (0: none). "LE CAIRE (AFP) - Des milliers
    ..." -> 17."""
    match = datelines().dateline.match(text)
    return match.end() if match else 0


# The parts of a dateline, one of which may be its date: "EL CAIRO", "15 may 2013", "IPS".
_DATELINE_PARTS = re.compile(r"[,()]|\s[-–—_]+\s|\s*[-–—]+\s*$")


def dateline_day(text: str, lang: str | None) -> date | None:
    """The day a dateline with a year names, in the article's language: "EL CAIRO, 15 may
    2013 (IPS) - Más de ..." -> 2013-05-15; None when it has no dateline or no year in it
    ("LE CAIRE (AFP) -", "ROMA, 4 luglio -": their day is the publication day's to give)."""
    end = dateline_end(text)
    if not end:
        return None
    import dateparser  # here: 0.2 s of start-up, needed only for a dateline's date

    languages = [lang] if lang in (*_LANGUAGES, "en") else None
    for part in _DATELINE_PARTS.split(text[:end]):
        part = part.strip(" .:")
        if not re.search(r"\b(?:19|20)\d\d\b", part):
            continue
        try:
            parsed = dateparser.parse(part, languages=languages,
                                      settings={"STRICT_PARSING": True})
        except Exception:  # an odd dateline is no dateline
            parsed = None
        if parsed:
            return parsed.date()
    return None


def summary(counts: dict[str, int]) -> str:
    """What was left out, in words: ``{"byline": 2, "after-article": 14}`` -> "bylines and
    time stamps 2; after the article's end (comments, other stories) 14"."""
    named = labels()
    order = [k for k in named if counts.get(k)] + sorted(set(counts) - set(named))
    return "; ".join(f"{named.get(k, k)} {counts[k]}" for k in order)
