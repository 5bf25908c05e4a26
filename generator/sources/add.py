"""``timeline add``: bring an article (text, Markdown, saved HTML page or address) into content/.

HTML is read with trafilatura (the main text, without menus, comments and share buttons)
and htmldate (the publication date from the page's metadata, address and text).
"""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from .. import atomic
from ..errors import InputError
from ..slugs import slugify
from .articles import (
    article_url,
    dateline_date,
    front_matter_date,
    pasted_title,
    split_front_matter,
    timeline_name,
    url_date,
)
from .language import detect
from .page_furniture import article_blocks, clean_caption, headline_of
from .textfiles import decode_text, read_bytes

_FETCH_TIMEOUT = 20
# A saved web page carries scripts and styles besides the article: more room than a text.
_MAX_PAGE_BYTES = 20 * 1024 * 1024
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<meta|<!--)", re.IGNORECASE)
@dataclass(frozen=True)
class Metadata:
    """What the editor told us on the command line; each overrides what the page says."""

    title: str | None = None
    dct: date | None = None
    url: str | None = None
    outlet: str | None = None
    timeline: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Added:
    """Where ``add`` wrote the article; ``named_after_article`` when nothing named its
    timeline (no --timeline, no ``timeline:`` in its front matter), so the command says so."""

    path: Path
    timeline: str
    named_after_article: bool
    not_kept: int = 0  # blocks of a saved page not written (its headline again, a byline)


def add_article(source: str, content_dir: Path, given: Metadata, force: bool = False) -> Added:
    """Write ``source`` as ``content/articles/<timeline>/<slug>.md``.

    Without a timeline named, the article starts one of its own, named by its slug
    ("Talks collapse" goes to ``articles/talks-collapse/``): not a shared "timeline"."""
    raw, url = _load(source)
    given_url = article_url(Path("--url"), given.url) if given.url else None
    if _HTML_START.match(raw[:512]):
        meta, body = _from_html(raw, url or given_url)
    else:
        meta, body = _from_text(Path(source), raw)
    if not body.strip():
        raise InputError(source, "no article text: the file or page is empty")
    title = _text(given.title) or _text(meta.get("title"))
    lang = detect(body, given.lang or _text(meta.get("lang"))).code
    publication = given.dct or meta.get("date") or dateline_date(body, lang)
    if publication is None:
        raise InputError(source, "no publication date found in the page: pass --dct YYYY-MM-DD")
    chosen = _text(given.timeline) or _text(meta.get("timeline"))
    slug = _slug(title or Path(source).stem)
    timeline = timeline_name(source, chosen or slug)
    page_url = _text(meta.get("url")) or url
    if page_url and not given_url:
        try:
            page_url = article_url(Path(source), page_url)
        except InputError:
            page_url = None  # the page's own idea of its address is not a web address: drop it
    front = {
        "title": title or Path(source).stem,
        "date": publication,
        "url": given_url or page_url,
        "outlet": _text(given.outlet) or _text(meta.get("outlet")),
        "timeline": timeline,
        # written when not English (given, the page's own, or detected), so that extract
        # reads the article with its language's rules without detecting it again
        "lang": lang if lang != "en" else None,
    }
    front = {k: v for k, v in front.items() if v}
    target = content_dir / "articles" / timeline / f"{slug}.md"
    if _published_on_another_day(target, publication):
        # Wire stories reuse a headline day after day ("Cuba presses for boy's return"):
        # another day's story of the same title is another article, not a replacement.
        target = target.with_name(f"{target.stem}-{publication.isoformat()}.md")
    if (target.exists() or target.is_symlink()) and not force:
        raise InputError(target, "already exists; pass --force to replace it, or --title to "
                         "add this article beside it")
    if not force:
        twin = _same_article(target.parent, front.get("url"), body, publication)
        if twin is not None:
            raise InputError(source, f"already added as {twin} (the same "
                             f"{'address' if front.get('url') else 'text'}); pass --force to "
                             "add it again")
    if target.is_dir():
        raise InputError(target, "is a folder; move it away or choose another --title")
    text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n\n"
    try:
        atomic.write_text(target, text + body.strip() + "\n")
    except OSError as exc:
        raise InputError(target, f"cannot write: {exc.strerror or exc}") from None
    return Added(target, timeline, named_after_article=not chosen,
                 not_kept=int(meta.get("not_kept", 0)))


def _slug(title: str) -> str:
    """The article's file name and, unless one is given, its timeline's name."""
    slug = slugify(title)
    return slug[:80] or "article"


def _same_article(folder: Path, url: str | None, body: str, publication: date
                  ) -> Path | None:
    """An article of the timeline published the same day with the same address or the same
    text: adding it twice would make one report look like two that corroborate each other
    (a story filed again on another day, or updated at its address, is another article)."""
    if not folder.is_dir():
        return None
    text = " ".join(body.split())
    for path in sorted(folder.glob("*.md")):
        try:
            meta, their, _ = split_front_matter(path, path.read_text(encoding="utf-8"))
            same_day = front_matter_date(path, meta) == publication
        except (OSError, UnicodeDecodeError, InputError):
            continue
        if same_day and ((url and meta.get("url") == url) or " ".join(their.split()) == text):
            return path
    return None


def _published_on_another_day(existing: Path, publication: date) -> bool:
    """Is there an article at ``existing`` with another publication date than ``publication``?"""
    if not existing.is_file():
        return False
    try:
        meta, _, _ = split_front_matter(existing, existing.read_text(encoding="utf-8"))
        found = front_matter_date(existing, meta)
    except (OSError, UnicodeDecodeError, InputError):
        return False  # unreadable or not ours: the usual "already exists" applies
    return found is not None and found != publication


def _load(source: str) -> tuple[bytes, str | None]:
    if re.match(r"^https?://", source):
        request = urllib.request.Request(source, headers={"User-Agent": "crisis-timeline"})
        try:
            with urllib.request.urlopen(request, timeout=_FETCH_TIMEOUT) as response:
                raw = response.read(_MAX_PAGE_BYTES + 1)
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputError(source, f"cannot fetch the page: {reason}") from None
        if len(raw) > _MAX_PAGE_BYTES:
            raise InputError(source, f"the page is bigger than {_MAX_PAGE_BYTES:,} bytes")
        return raw, source
    return read_bytes(Path(source), _MAX_PAGE_BYTES), None


def _from_html(raw: bytes, url: str | None) -> tuple[dict, str]:
    import htmldate
    import trafilatura
    from trafilatura.utils import decode_file

    # UTF-8 when it is, else the encoding the bytes show (a windows-1252 page's "café" was
    # read as "caf\ufffd")
    html = decode_file(raw).replace("\0", "")
    html = _captions_as_paragraphs(html)
    try:
        body = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception:  # a page trafilatura cannot parse has no text we can use
        body = None
    if not body:
        raise InputError(url or "page", "no article text found in the page")
    meta: dict = {}
    try:
        found = trafilatura.extract_metadata(html, default_url=url)
    except Exception:  # metadata is a help, not a need: --title, --outlet give it
        found = None
    if found is not None:
        meta = {"title": found.title, "url": found.url or url, "outlet": found.sitename}
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    meta["title"] = headline_of(meta.get("title"), first) or meta.get("title")
    body, meta["not_kept"] = _paragraphs(body, meta.get("title"))
    try:
        published = htmldate.find_date(html, url=url, original_date=True,
                                       extensive_search=False)
        if published:
            meta["date"] = date.fromisoformat(published[:10])
    except Exception:  # no usable date in the page: --dct gives it
        pass
    return meta, body


def _captions_as_paragraphs(html: str) -> str:
    """Each ``<figure>`` (or a stray ``<figcaption>``) as a paragraph "Caption: <its text>".

    trafilatura drops figure captions, and captions carry dates of their own ("Firefighters
    in Kharkiv on 11 February 2025"); the label makes ``segment`` read the paragraph as a
    caption, so its events are flagged as such, and tells an editor reading the file."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return html  # trafilatura says what it can of a page lxml cannot read
    captions = list(tree.iter("figcaption"))
    if not captions:
        return html
    for caption in captions:
        text = clean_caption(" ".join(caption.text_content().split()))
        block = _caption_block(caption)
        if block.getparent() is None:
            continue
        if block is caption and caption.getparent().tag == "figure":
            caption.getparent().tag = "div"  # trafilatura skips a figure's text: keep it
        paragraph = lxml.html.Element("p")
        paragraph.text = f"Caption: {text}" if text else ""
        paragraph.tail = block.tail
        block.getparent().replace(block, paragraph)
    return lxml.html.tostring(tree, encoding="unicode")


def _caption_block(caption):  # noqa: ANN001, ANN202 - lxml elements
    """What the caption paragraph replaces: its whole ``<figure>`` when the figure holds only
    the picture and its caption; the caption alone when the figure holds more (a live blog
    wraps a whole post, heading and text, in a figure: that text is the article's)."""
    figure = caption.getparent()
    if figure is None or figure.tag != "figure":
        return caption
    own = " ".join(figure.text_content().split())
    said = " ".join(caption.text_content().split())
    return caption if own.replace(said, "", 1).strip() else figure


def _paragraphs(text: str, title: str | None) -> tuple[str, int]:
    """trafilatura's text has one block (paragraph, heading, list item) per line; an article
    file has paragraphs apart, as Markdown does, so that a sentence never runs into the
    next block. The page's own headline, repeated as the first block, goes (it is the
    title), and so do a byline and promotions (see ``page_furniture``): how many went is
    returned with the text, for ``add`` to say."""
    blocks = [b for line in text.splitlines() if (b := " ".join(line.split()))]
    _, kept = article_blocks(blocks, title)
    return "\n\n".join(kept), len(blocks) - len(kept)


def _from_text(path: Path, raw: bytes) -> tuple[dict, str]:
    """Front matter if any; else the first line of pasted text is its title."""
    text = decode_text(path, raw)
    found, body, _ = split_front_matter(path, text)
    meta = {k: _text(found.get(k)) for k in ("title", "url", "outlet", "timeline")}
    meta["url"] = article_url(path, meta["url"])
    meta["date"] = front_matter_date(path, found) or url_date(meta.get("url"))
    if not meta["title"]:
        meta["title"], taken = pasted_title(body)
        if taken:  # a headline line, not the story's lede
            body = body.lstrip().partition("\n")[2]
    return meta, body


def _text(value: object) -> str | None:
    """One line of text, or None: what a title, outlet or timeline may be."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
