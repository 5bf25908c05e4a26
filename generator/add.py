"""``timeline add``: bring an article (text, Markdown, saved HTML page or address) into content/.

HTML is read with trafilatura (the main text, without menus, comments and share buttons)
and htmldate (the publication date from the page's metadata, address and text).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from . import atomic
from .articles import dateline_date, front_matter_date, split_front_matter, url_date
from .errors import InputError

_FETCH_TIMEOUT = 20
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<meta|<!--)", re.IGNORECASE)
@dataclass(frozen=True)
class Metadata:
    """What the editor told us on the command line; each overrides what the page says."""

    title: str | None = None
    dct: date | None = None
    url: str | None = None
    outlet: str | None = None
    timeline: str | None = None


def add_article(source: str, content_dir: Path, given: Metadata, force: bool = False) -> Path:
    """Write ``source`` as ``content/articles/<timeline>/<slug>.md``; return the new path."""
    raw, url = _load(source)
    if _HTML_START.match(raw[:512]):
        meta, body = _from_html(raw, url or given.url)
    else:
        meta, body = _from_text(Path(source), raw)
    title = given.title or meta.get("title")
    publication = given.dct or meta.get("date") or dateline_date(body)
    if publication is None:
        raise InputError(source, "no publication date found in the page: pass --dct YYYY-MM-DD")
    timeline = given.timeline or meta.get("timeline") or "timeline"
    front = {
        "title": title or Path(source).stem,
        "date": publication,
        "url": given.url or meta.get("url") or url,
        "outlet": given.outlet or meta.get("outlet"),
        "timeline": timeline,
    }
    front = {k: v for k, v in front.items() if v}
    slug = slugify(str(front["title"]), regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    target = content_dir / "articles" / timeline / f"{slug[:80] or 'article'}.md"
    if target.exists() and not force:
        raise InputError(target, "already exists; pass --force to replace it")
    text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n\n"
    atomic.write_text(target, text + body.strip() + "\n")
    return target


def _load(source: str) -> tuple[bytes, str | None]:
    if re.match(r"^https?://", source):
        request = urllib.request.Request(source, headers={"User-Agent": "crisis-timeline"})
        try:
            with urllib.request.urlopen(request, timeout=_FETCH_TIMEOUT) as response:
                return response.read(), source
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputError(source, f"cannot fetch the page: {reason}") from None
    path = Path(source)
    try:
        return path.read_bytes(), None
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None


def _from_html(raw: bytes, url: str | None) -> tuple[dict, str]:
    import htmldate
    import trafilatura

    html = raw.decode("utf-8", errors="replace")
    body = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=False, favor_precision=True
    )
    if not body:
        raise InputError(url or "page", "no article text found in the page")
    found = trafilatura.extract_metadata(html, default_url=url)
    meta: dict = {}
    if found is not None:
        meta = {"title": found.title, "url": found.url or url, "outlet": found.sitename}
    published = htmldate.find_date(html, url=url, original_date=True, extensive_search=False)
    if published:
        meta["date"] = date.fromisoformat(published[:10])
    return meta, body


def _from_text(path: Path, raw: bytes) -> tuple[dict, str]:
    """Front matter if any; else the first line of pasted text is its title."""
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text; save the file as UTF-8") from None
    found, body, _ = split_front_matter(path, text)
    meta = {k: found.get(k) for k in ("title", "url", "outlet", "timeline")}
    meta["date"] = front_matter_date(path, found) or url_date(meta.get("url"))
    if not meta["title"]:
        first, _, rest = body.lstrip().partition("\n")
        meta["title"], body = first.strip(), rest
    return meta, body
