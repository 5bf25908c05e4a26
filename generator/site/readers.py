"""Pelican's Markdown reader, without building a new ``Markdown`` object for every file.

``pelican.readers.MarkdownReader.read`` builds ``Markdown(**MARKDOWN)`` for each file: loading
the extensions (``extra``, ``codehilite``, ``meta``) is half of the reader's time, and a
timeline has thousands of small entry files. ``ReusingMarkdownReader`` builds one parser and
calls ``Markdown.reset()`` between files, the way Pelican itself reuses the parser for
formatted metadata fields. Output is byte-identical (``tests/test_scale.py`` compares it with
Pelican's reader); settings, extensions and metadata handling are Pelican's own.
"""

from __future__ import annotations

import re

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open


class ReusingMarkdownReader(MarkdownReader):
    """``MarkdownReader`` with one parser for the bodies and one for formatted fields."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._body: Markdown | None = None
        self._fields: Markdown | None = None
        self._meta = None

    def read(self, source_path):
        self._source_path = source_path
        if self._body is None:
            self._body = Markdown(**self.settings["MARKDOWN"])
            self._fields = Markdown(**self.settings["MARKDOWN"])
            try:
                self._meta = self._fields.preprocessors["meta"]
            except KeyError:
                self._meta = None
        body = self._body.reset()
        with pelican_open(source_path) as text:
            # A pasted escape code is invisible on a page but makes the Atom feed invalid XML.
            content = body.convert(_CONTROL.sub("", text))
        if not hasattr(body, "Meta"):
            return content, {}
        # Pelican's _parse_metadata takes the "meta" preprocessor out of self._md, then
        # converts formatted fields (summary) with it: give it the second parser, with
        # "meta" put back each time.
        fields = self._fields
        if self._meta is not None and "meta" not in fields.preprocessors:
            fields.preprocessors.register(self._meta, "meta", 27)
        self._md = fields
        return content, self._parse_metadata(body.Meta)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def use_reusing_reader(readers) -> None:
    """Swap Pelican's own Markdown reader for ``ReusingMarkdownReader`` in a ``Readers``.

    A reader another plugin or the READERS setting put in place is left alone.
    """
    reusing = None
    for fmt, reader in list(readers.readers.items()):
        if type(reader) is MarkdownReader:
            reusing = reusing or ReusingMarkdownReader(readers.settings)
            readers.readers[fmt] = reusing
