"""Reading articles: front matter (YAML or Pelican-style) plus body, and the publication date.

The publication date is the document creation time (DCT) every relative date in the
article resolves against. It is never guessed from today's date: an article without one
is an input error that asks the editor to supply it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import dateparser
import yaml

from .errors import InputError

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
# Pelican-style metadata is only recognised for these keys, so that a pasted article whose
# first line is "Update: talks resume" is not mistaken for metadata.
PELICAN_KEYS = {"title", "date", "url", "outlet", "author", "timeline", "lang", "slug"}
_PELICAN_LINE = re.compile(r"^([A-Za-z][\w-]*):\s*(.*)$")
# "WASHINGTON, Nov. 26, 2021 --" and "LONDON (Reuters) 26 November 2021 -": a dateline with a
# year is the last place a publication date can come from.
_DATELINE_DATE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}[,(].{0,40}?\b((?:[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d)"
    r"|(?:\d{1,2} [A-Z][a-z]{2,8} (?:19|20)\d\d))"
)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[^\d])")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: its metadata and its body text."""

    path: Path
    title: str
    dct: date
    url: str | None
    outlet: str | None
    timeline: str
    lang: str
    body: str
    body_line: int  # 1-based line of the file where the body starts

    @property
    def slug(self) -> str:
        return self.path.stem


def find_articles(paths: list[Path]) -> list[Path]:
    """Expand folders into the article files below them, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix in ARTICLE_SUFFIXES and not p.name.startswith(".")
            )
        else:
            found.append(path)
    return found


def read_article(path: Path, dct: date | None = None, root: Path | None = None) -> Article:
    """Read one article file; ``dct`` (from the command line) overrides every other source."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(path, "not UTF-8 text; save the file as UTF-8", line) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body, body_line = split_front_matter(path, text)
    title = _text_field(meta.get("title")) or _first_line(body) or path.stem
    url = _text_field(meta.get("url"))
    publication = dct or front_matter_date(path, meta) or url_date(url) or dateline_date(body)
    if publication is None:
        raise InputError(
            path,
            "no publication date: add 'date: YYYY-MM-DD' to the front matter or pass --dct",
        )
    return Article(
        path=path,
        title=title,
        dct=publication,
        url=url,
        outlet=_text_field(meta.get("outlet")) or _text_field(meta.get("author")),
        timeline=_text_field(meta.get("timeline")) or _folder_timeline(path, root),
        lang=_text_field(meta.get("lang")) or "en",
        body=body,
        body_line=body_line,
    )


def split_front_matter(path: Path, text: str) -> tuple[dict, str, int]:
    """Return (metadata, body, first body line) for YAML ``---`` or Pelican-style headers."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end == -1 and text.endswith("\n---"):
            end = len(text) - 4
        if end == -1:
            raise InputError(path, "front matter starts with '---' but is never closed", 1)
        try:
            meta = yaml.safe_load(text[4:end]) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            problem = getattr(exc, "problem", None) or "invalid YAML"
            raise InputError(path, f"front matter: {problem}", line) from None
        if not isinstance(meta, dict):
            raise InputError(path, "front matter must be 'key: value' lines", 2)
        body_line = text.count("\n", 0, end + 5) + 1
        return {str(k).lower(): v for k, v in meta.items()}, text[end + 5 :], body_line
    meta: dict = {}
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _PELICAN_LINE.match(line)
        if match and match.group(1).lower() in PELICAN_KEYS:
            meta[match.group(1).lower()] = match.group(2).strip()
            continue
        if meta and line.strip() == "":
            return meta, "\n".join(lines[index + 1 :]), index + 2
        break
    if meta:
        return meta, "", len(lines) + 1
    return {}, text, 1


def front_matter_date(path: Path, meta: dict) -> date | None:
    value = meta.get("date")
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    # dateparser is the right tool for a date string someone typed by hand
    # ("26 Nov 2021", "November 26, 2021"); strict so that "Nov 2021" is not a day.
    parsed = dateparser.parse(
        str(value), languages=["en"], settings={"STRICT_PARSING": True, "DATE_ORDER": "YMD"}
    )
    if parsed is None:
        raise InputError(path, f"front matter: 'date: {value}' is not a date (use YYYY-MM-DD)")
    return parsed.date()


def url_date(url: str | None) -> date | None:
    """News addresses often carry the publication date: ``/2021/11/26/``."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def dateline_date(body: str) -> date | None:
    """The date in a dateline that carries a year, within the first lines of the body."""
    for line in body.split("\n")[:6]:
        match = _DATELINE_DATE.match(line.strip())
        if match:
            parsed = dateparser.parse(match.group(1), languages=["en"])
            if parsed:
                return parsed.date()
    return None


def _folder_timeline(path: Path, root: Path | None) -> str:
    """Articles in ``content/articles/<timeline>/`` belong to that timeline."""
    if root is not None:
        try:
            parts = path.resolve().relative_to(root.resolve()).parts
        except ValueError:
            parts = ()
        if len(parts) > 1:
            return parts[0]
    return "timeline"


def _text_field(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _first_line(body: str) -> str | None:
    for line in body.split("\n"):
        if line.strip():
            return line.strip()
    return None
