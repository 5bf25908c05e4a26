"""Reading a text file the user gave us: only regular files, a size limit, UTF-8 (or UTF-16
with a byte-order mark), and an InputError naming the file and line for anything else.

Kept apart from ``articles`` so that the site build, which reads entries with it, does not
import the article reader's dependencies (dateparser, the temporal engine).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..errors import InputError

# Articles are news stories: a file this big is a mistake (a database dump, a video), and
# reading it would only make the run slow. The limit leaves room for a book-length feature.
MAX_ARTICLE_BYTES = 4 * 1024 * 1024


def read_bytes(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The file's bytes, or an InputError that says why it cannot be read.

    Only regular files are opened (a FIFO or device would block or never end), and only up
    to ``limit`` bytes.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(path, f"broken link: it points to '{os.readlink(path)}', "
                             "which does not exist") from None
        raise InputError(path, "no such file") from None
    except OSError as exc:
        if path.is_symlink():
            raise InputError(path, "a symbolic-link loop (the link leads back to itself)"
                             ) from None
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file (a device, pipe or socket)")
    if info.st_size > limit:
        raise InputError(path, f"too big for an article ({info.st_size:,} bytes; the limit is "
                         f"{limit:,})")
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise InputError(path, f"too big for an article (more than {limit:,} bytes)")
    return raw


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(path: Path, raw: bytes, utf16: bool = True, controls: bool = False) -> str:
    """Text with ``\\n`` line ends: UTF-8 (with or without a BOM) or UTF-16 with a BOM.

    Anything else is an InputError naming the line: Latin-1 or Windows-1252 text, UTF-16
    without a byte-order mark (its NUL bytes give it away) and binary files. With
    ``utf16=False`` (timeline entries, which Pelican reads as UTF-8) UTF-16 is refused too.
    Control characters are removed, unless ``controls`` (for ``check`` to point at them).
    """
    if raw.startswith(_UTF16_BOMS) and not utf16:
        raise InputError(path, "UTF-16 text; save the file as UTF-8", 1)
    if raw.startswith(_UTF16_BOMS):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "starts like UTF-16 text but is not; save it as UTF-8",
                             1) from None
    else:
        nul = raw.find(b"\0")
        if nul != -1:
            line = raw[:nul].count(b"\n") + 1
            ascii_pairs = raw[1:200:2].count(0) > 50 or raw[0:200:2].count(0) > 50
            what = ("UTF-16 text without a byte-order mark" if ascii_pairs
                    else "a binary file, not text")
            raise InputError(path, f"{what} (NUL byte); save it as UTF-8 text", line)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            raise InputError(
                path,
                f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {column}: probably "
                "Latin-1 or Windows-1252); save the file as UTF-8",
                line,
            ) from None
    if "\0" in text:
        raise InputError(path, "contains NUL characters: not a text file",
                         text[: text.index("\0")].count("\n") + 1)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if controls:
        return text
    # Control characters pasted along with a text (vertical tabs from Word, escape codes
    # from a terminal) are not text, and XML feeds may not hold them: gone, or a space.
    return _CONTROL.sub(lambda m: " " if m.group() in "\t\x0b\x0c" else "", text)


_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
