"""Reading articles: front matter (YAML or Pelican-style) plus body, and the publication date.

The publication date is the document creation time (DCT) every relative date in the
article resolves against. It is never guessed from today's date: an article without one
is an input error that asks the editor to supply it.
"""

from __future__ import annotations

import os
import re
import stat
import urllib.parse
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from ..errors import InputError
from ..slugs import slugify
from .furniture import dateline_day
from .language import detect
from .textfiles import decode_text, read_bytes

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


def find_articles(paths: list[Path], errors: list[InputError] | None = None) -> list[Path]:
    """Expand folders into the article files below them, in a stable order.

    Linked folders are followed, but no folder is visited twice, so a symbolic-link loop
    ends the walk instead of running forever. Hidden files and folders (names starting with
    '.': editors' backups, our own temp files) are left out. A name with an article suffix
    that is not a readable file (a broken link, a folder called ``x.md``, a link loop) is
    listed anyway, so that reading it reports the problem instead of skipping it silently;
    folders that cannot be listed are reported in ``errors``.
    """
    found: list[Path] = []
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()

    def add_file(path: Path) -> None:
        try:
            info = path.stat()
        except OSError:
            found.append(path)  # broken link or loop: read_article says which
            return
        key = (info.st_dev, info.st_ino)
        if stat.S_ISREG(info.st_mode) and key in seen_files:
            return  # the same file reached through a second link
        seen_files.add(key)
        found.append(path)

    def walk(folder: Path) -> None:
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen_dirs:
                return
            seen_dirs.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                children = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            if errors is not None:
                errors.append(InputError(folder, f"cannot list folder: {exc.strerror or exc}"))
            return
        for child in children:
            if child.name.startswith("."):
                continue
            path = Path(child.path)
            try:
                is_dir = child.is_dir()  # follows links; False for broken ones and loops
            except OSError:
                is_dir = False
            if is_dir:
                walk(path)
            elif path.suffix in ARTICLE_SUFFIXES:
                add_file(path)
            elif path.suffix.lower() in _PAGE_SUFFIXES and errors is not None:
                errors.append(InputError(path, _PAGE_MESSAGE))

    for path in paths:
        if path.is_dir():
            walk(path)
        elif path.suffix.lower() in _PAGE_SUFFIXES:
            if errors is not None:
                errors.append(InputError(path, _PAGE_MESSAGE))
        else:
            add_file(path)
    return found


# A saved web page is markup around the story (menus, comments, footers): `timeline add`
# turns it into an article first; read as it is, its markup would become entries.
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
_PAGE_MESSAGE = ("a saved web page: add it with 'timeline add PAGE --timeline NAME' first, "
                 "which keeps the story and leaves out menus, comments and footers")


def read_article(
    path: Path, dct: date | None = None, root: Path | None = None, raw: bytes | None = None,
    lang: str | None = None,
) -> Article:
    """Read one article file; ``dct`` (from the command line) overrides every other source.

    ``raw`` is the file's bytes when the caller has read them already. ``lang`` (from the
    command line) overrides the front matter's ``lang:``, which overrides the language
    detected from the text (``Article.lang`` is "und" when it cannot be told).
    """
    text = decode_text(path, read_bytes(path) if raw is None else raw)
    if not text.strip():
        raise InputError(path, "the file is empty")
    meta, body, body_line = split_front_matter(path, text)
    title = _text_field(meta.get("title")) or pasted_title(body)[0] or path.stem
    url = article_url(path, meta.get("url"), _meta_line(text, "url"))
    lang = detect(body, lang or _text_field(meta.get("lang"))).code or "und"
    publication = (
        dct
        or front_matter_date(path, meta, _meta_line(text, "date"))
        or url_date(url)
        or dateline_date(body, lang)
    )
    if publication is None:
        raise InputError(
            path,
            "no publication date: add 'date: YYYY-MM-DD' to the front matter or pass --dct",
        )
    given = _text_field(meta.get("timeline"))
    timeline = (
        timeline_name(path, given, _meta_line(text, "timeline"))
        if given
        else _folder_timeline(path, root)
    )
    return Article(
        path=path,
        title=title,
        dct=publication,
        url=url,
        outlet=_text_field(meta.get("outlet")) or _text_field(meta.get("author")),
        timeline=timeline,
        lang=lang,
        body=_typographic_quotes(body),
        body_line=body_line,
    )


def _typographic_quotes(body: str) -> str:
    """Wire copy's ``quotes'' (and `single' ones) as the marks they stand for.

    Left as they are, a pair of backticks in an entry's Markdown is a code span, and
    headlines show the raw marks; every offset is taken on the text after this step."""
    body = body.replace("``", "“").replace("''", "”").replace("`", "‘")
    return _SINGLE_CLOSE.sub(r"‘\1’", body)


# The apostrophe that closes a `single' quote: the next ' not followed by a letter.
_SINGLE_CLOSE = re.compile(r"‘([^‘’'\n]{1,200}?)'(?![A-Za-z])")




@cache
def _loaders() -> tuple[type, type]:
    """PyYAML's safe loader without implicit timestamps (dates are checked by us, with a
    clear message: PyYAML turns ``2021-02-30`` into a ValueError deep inside its
    constructor), and the same on libyaml's parser (5x faster; a tenth of reading a short
    article), used only for front matter that parses: an error is read again by the first,
    so that its message is the one it always was. Made on first use: an article without
    front matter does not import PyYAML."""
    import yaml

    resolvers = {
        first: [(tag, regexp) for tag, regexp in found if tag != "tag:yaml.org,2002:timestamp"]
        for first, found in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    python = type("_FrontMatterLoader", (yaml.SafeLoader,), {"yaml_implicit_resolvers": resolvers})
    fast = type("_FastFrontMatterLoader", (getattr(yaml, "CSafeLoader", python),),
                {"yaml_implicit_resolvers": resolvers})
    return python, fast


def _load_front_matter(block: str):
    """libyaml first; PyYAML for an error's message, for tabs, which libyaml reads where
    PyYAML refuses them ("title:<tab>" is a title for one, an error for the other), and for
    tags ("title: !" is an empty text for libyaml, None for PyYAML)."""
    import yaml

    python, fast = _loaders()
    if "\t" not in block and "!" not in block:
        try:
            return yaml.load(block, Loader=fast)  # noqa: S506 - a SafeLoader
        except Exception:  # noqa: BLE001, S110 - its message may word a problem differently
            pass
    return yaml.load(block, Loader=python)  # noqa: S506 - a SafeLoader


# One value per key: "title", "date" and the rest are short texts, never lists or mappings.
_SCALARS = (str, int, float, bool, date, type(None))


def split_front_matter(path: Path, text: str) -> tuple[dict, str, int]:
    """Return (metadata, body, first body line) for YAML ``---`` or Pelican-style headers."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end == -1 and text.endswith("\n---"):
            end = len(text) - 4
        if end == -1:
            raise InputError(path, "front matter starts with '---' but is never closed", 1)
        import yaml

        try:
            meta = _load_front_matter(text[4:end]) or {}
        except yaml.YAMLError as exc:
            meta = _plain_lines(text[4:end])
            if meta is None:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark else 1
                problem = getattr(exc, "problem", None) or "invalid YAML"
                raise InputError(path, f"front matter: {problem}", line) from None
        except (ValueError, TypeError, RecursionError, OverflowError) as exc:
            raise InputError(path, f"front matter: invalid YAML ({exc})", 2) from None
        if not isinstance(meta, dict):
            raise InputError(path, "front matter must be 'key: value' lines", 2)
        for key, value in meta.items():
            if not isinstance(value, _SCALARS):
                line = _meta_line(text, str(key)) or 2
                raise InputError(path, f"front matter: '{key}' must be a single value "
                                 "(text or a date), not a list or a mapping", line)
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


def _plain_lines(block: str) -> dict[str, str] | None:
    """Front matter that is not YAML only because a value holds a colon ("title: Libya:
    Gunmen hold ..."), read as a person wrote it: one "key: value" per line, the value
    everything after the first colon (as Pelican reads its headers). None if any line is
    something else."""
    meta: dict[str, str] = {}
    for line in block.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _PELICAN_LINE.match(line)
        value = match.group(2).strip() if match else ""
        if match is None or match.group(1).lower() in meta or value[:1] in tuple("[{&*!|>"):
            return None  # (a list or a block meant as YAML is reported as YAML)
        if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[match.group(1).lower()] = value
    return meta


def _meta_line(text: str, key: str) -> int | None:
    """The line of ``key:`` in the file's metadata (front matter or headers), if any."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:", re.IGNORECASE)
    for number, line in enumerate(text.split("\n")[:200], 1):
        if pattern.match(line):
            return number
    return None


_ISO_DAY = re.compile(r"^\d{4}-\d\d-\d\d\b")


def front_matter_date(path: Path, meta: dict, line: int | None = None) -> date | None:
    value = meta.get("date")
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = " ".join(str(value).split())
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(path, f"front matter: 'date: {text}' is not a date (use YYYY-MM-DD)",
                         line)
    if _ISO_DAY.match(text):
        try:
            return datetime.fromisoformat(text.replace(" ", "T", 1)).date()
        except ValueError:
            pass
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            raise InputError(path, f"front matter: 'date: {text}' is not a real day "
                             "(use YYYY-MM-DD)", line) from None
    # dateparser is the right tool for a date string someone typed by hand
    # ("26 Nov 2021", "November 26, 2021"); strict so that "Nov 2021" is not a day.
    import dateparser  # here: 0.2 s of start-up, needed only for a date typed by hand

    try:
        parsed = dateparser.parse(
            text[:100], languages=["en"], settings={"STRICT_PARSING": True, "DATE_ORDER": "YMD"}
        )
    except Exception:  # dateparser raises its own kinds on odd input: still not a date
        parsed = None
    if parsed is None:
        raise InputError(path, f"front matter: 'date: {text[:60]}' is not a date "
                         "(use YYYY-MM-DD)", line)
    return parsed.date()


def article_url(path: Path, value: object, line: int | None = None) -> str | None:
    """The article's address: an http(s) URL, or an InputError (it becomes a link)."""
    url = _text_field(value)
    if url is None:
        return None
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        parts = None
    if (parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc
            or any(c in url for c in ' "<>`\\')):
        raise InputError(path, f"'url: {url[:80]}' is not a web address "
                         "(it must start with http:// or https://)", line)
    # Brackets stay brackets to a web server, and a Markdown link around the address
    # cannot be closed early by one.
    return url.replace("(", "%28").replace(")", "%29")


def timeline_name(path: Path | str, value: str, line: int | None = None) -> str:
    """The timeline's folder name: a slug of what the editor wrote, never a path."""
    slug = slugify(value)[:80].strip("-")
    if not slug:
        raise InputError(path, f"'timeline: {value[:60]}' needs letters or digits "
                         "(it names a folder)", line)
    return slug


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


def dateline_date(body: str, lang: str | None = None) -> date | None:
    """The date in a dateline that carries a year, within the first lines of the body, in
    the article's language ("EL CAIRO, 15 may 2013 (IPS) -"). Only when nothing else gives
    the publication date: the front matter (or the page's metadata, or the address) wins
    over the dateline, which tells where the report was filed more than when it was
    published, and may be the day before."""
    for line in body.split("\n")[:6]:
        match = _DATELINE_DATE.match(line.strip())
        day = _english_day(match.group(1)) if match else dateline_day(line.strip(), lang)
        if day:
            return day
    return None


def _english_day(text: str) -> date | None:
    """ "Nov. 26, 2021" -> 2021-11-26."""
    import dateparser  # here: 0.2 s of start-up, needed only for a dateline's date

    try:
        parsed = dateparser.parse(text, languages=["en"])
    except Exception:  # an odd dateline is no dateline
        parsed = None
    return parsed.date() if parsed else None


def _folder_timeline(path: Path, root: Path | None) -> str:
    """Articles in ``content/articles/<timeline>/`` belong to that timeline."""
    if root is not None:
        try:
            parts = _normal(path).relative_to(_normal(root)).parts
        except ValueError:
            parts = ()
        if len(parts) > 1:
            return timeline_name(path, parts[0])
    return "timeline"


def _normal(path: Path) -> Path:
    """Absolute, without '..', links left as they are (a linked article stays in its folder)."""
    return Path(os.path.normpath(path.absolute()))


def _text_field(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        value = value.isoformat()
    text = " ".join(str(value).split())
    return text or None


# A title is a short line of its own. Pasted text without front matter often starts with
# its lede instead ("Regulators seized Hallstrom Bank on Monday after depositors pulled
# more than $4 billion in five days, ..."): a first line longer than this, or one that
# ends in a full stop, or runs on into the next line, is text of the story.
_TITLE_WORDS = 20
# A title made from a lede keeps this many words of its first sentence.
_LEDE_TITLE_WORDS = 12
_FULL_STOP = re.compile(r"(?<![A-Z]\.[A-Z])\.[\"'”’)\]]*$")  # not "U.S." or "D.C."
_SENTENCE_STOP = re.compile(r"(?<=[a-z0-9%)])[.!?][\"'”’]*\s+(?=[\"“‘(]?[A-Z])")


def pasted_title(body: str) -> tuple[str | None, bool]:
    """The title of a body with no title in front matter, and whether it is the body's first
    line (which then is no text of the story).

    "Talks collapse\\n\\nTalks collapsed on Thursday." -> ("Talks collapse", True): a headline.
    "Talks in Vienna collapsed on Thursday after ... (40 words)." -> ("Talks in Vienna
    collapsed on Thursday after ...…", False): the lede stays the first paragraph and its
    first words give the title."""
    lines = body.strip().split("\n")
    first = lines[0].strip() if lines else ""
    if not first:
        return None, False
    following = lines[1].lstrip() if len(lines) > 1 else ""
    if (len(first.split()) <= _TITLE_WORDS and not _FULL_STOP.search(first)
            and not following[:1].islower()):
        return first, True
    lede = " ".join(body.split())
    sentence = _SENTENCE_STOP.split(lede, maxsplit=1)[0]
    words = sentence.split()
    if len(words) > _LEDE_TITLE_WORDS:
        return " ".join(words[:_LEDE_TITLE_WORDS]).rstrip(",;:") + "…", False
    return sentence.rstrip(".") or None, False
