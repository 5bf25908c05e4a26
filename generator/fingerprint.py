"""A hash of the generator's own code and rule data, for the caches: a new rule or a fixed
bug must invalidate what the old code produced.

Kept apart from the caches that use it so that the site build can ask for it without
importing the article and event modules.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def engine_fingerprint(*parts: str) -> str:
    """Hash of the package's source and data files (only those under ``parts``, if given).

    A part that does not exist is an error, not an empty hash: after a module moves, a cache
    keyed on its old path would otherwise never see the new code change.
    """
    digest = hashlib.sha256()
    roots = [_PACKAGE / part for part in parts] or [_PACKAGE]
    missing = [str(root.relative_to(_PACKAGE)) for root in roots if not root.exists()]
    if missing:
        raise FileNotFoundError(f"engine_fingerprint: no such part of the package: {missing}")
    files = {p for root in roots for p in ([root] if root.is_file() else root.rglob("*"))}
    for path in sorted(files):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
