"""File-name slugs, the same bytes as ``pelican.utils.slugify`` with Pelican's default
``SLUG_REGEX_SUBSTITUTIONS``, without importing Pelican.

``extract``, ``add`` and ``check`` name files with it; importing Pelican (and through it
docutils, watchfiles, dateutil) cost them about half a second of start-up for one function.
tests/timeline/test_slugs.py holds the two to the same output.
"""

from __future__ import annotations

import re
import unicodedata

import unidecode
from markupsafe import Markup

# pelican.settings.DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"] (Pelican 4.12), in its order.
SLUG_SUBSTITUTIONS: tuple[tuple[str, str], ...] = (
    (r"[^\w\s-]", ""),  # remove non-alphabetical/whitespace/'-' chars
    (r"(?u)\A\s*", ""),  # strip leading whitespace
    (r"(?u)\s*\Z", ""),  # strip trailing whitespace
    (r"[-\s]+", "-"),  # reduce multiple whitespace or '-' to single '-'
)
_COMPILED = tuple((re.compile(src, re.IGNORECASE), dst) for src, dst in SLUG_SUBSTITUTIONS)


def slugify(value: str) -> str:
    """Tags stripped, NFKC, ASCII-fied, the substitutions applied, lower-cased: Pelican's
    steps in Pelican's order (its sources and targets are ASCII, so NFKC leaves them)."""
    value = Markup(value).striptags()
    value = unicodedata.normalize("NFKC", value)
    value = unidecode.unidecode(value)
    for pattern, replacement in _COMPILED:
        value = pattern.sub(replacement, value)
    return value.lower().strip()
