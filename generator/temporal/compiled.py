"""The built Lexicon kept on disk between processes, its regexes with their compiled code.

Measured (2 cores, Python 3.11): building the Lexicon took 0.22 s CPU, 0.16 s of it parsing
the YAML with PyYAML's pure-Python parser and 0.06 s compiling the 55 recognizer regexes.
ruledata now parses with libyaml (0.02 s), which leaves the regex compilation as the bigger
part. A pickled ``re.Pattern`` keeps only its source and compiles again when loaded, which
would save nothing of it; so this cache stores each pattern's *compiled code* (what
``re._compiler`` hands to ``_sre.compile``) and loads it without parsing or compiling.

The key is the hash of the temporal package's code and data files (``engine_fingerprint``),
the Python version and the regex engine's magic number: edit a data file or the lexicon's
code and the next process rebuilds it. Writes are atomic (temp file and rename), so two
processes starting together both build and the last rename wins with a whole file; a
damaged or unreadable file is rebuilt. The folder is ``$TIMELINE_CACHE_DIR``, else
``$XDG_CACHE_HOME/crisis-timeline``, else ``~/.cache/crisis-timeline``; if none can be
written the Lexicon is built in memory as before, never an error.
"""

from __future__ import annotations

import io
import os
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

FORMAT = "1"  # bump when what is stored changes shape
CACHE_ENV = "TIMELINE_CACHE_DIR"


def cache_dir() -> Path:
    """Where the compiled rule data lives (see the module docstring)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "crisis-timeline"


def cache_key() -> str:
    """Changes with the temporal code and data, the Python version and the regex engine."""
    from ..fingerprint import engine_fingerprint

    engine = getattr(re, "_compiler", None)
    magic = getattr(engine, "MAGIC", "-")
    version = f"{sys.implementation.name}-{sys.version_info[:3]}-{magic}-{FORMAT}"
    import hashlib

    return hashlib.sha256(
        (engine_fingerprint("temporal", "ruledata.py") + version).encode()).hexdigest()[:32]


def load_or_build(name: str, build: Callable[[], T]) -> T:
    """``build()``'s result from the disk cache if it is there and current, else built and
    stored (best effort: a cache that cannot be read or written only costs the build)."""
    try:
        path = cache_dir() / f"{name}-{cache_key()}.pickle"
    except (OSError, RuntimeError):  # no home folder, unreadable package files
        return build()
    try:
        return _Unpickler(io.BytesIO(path.read_bytes())).load()
    except Exception:  # missing, truncated, from another version of a class: rebuild
        pass
    value = build()
    try:
        data = io.BytesIO()
        _Pickler(data, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        from .. import atomic

        atomic.write_bytes(path, data.getvalue())
    except Exception:  # read-only home, full disk, an object pickle cannot store
        pass
    return value


def pattern_code(pattern: re.Pattern) -> tuple | None:
    """What ``_sre.compile`` needs to remake ``pattern`` without parsing it again (its first
    characters in the info block: first_chars.py), or None where this Python's ``re``
    internals are not the ones this was written against."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        from .first_chars import code as compiled_code

        flags = pattern.flags
        parsed = _parser.parse(pattern.pattern, flags)
        code = [int(op) for op in compiled_code(parsed, flags)]  # plain ints: they pickle
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for key, index in groupindex.items():
            indexgroup[index] = key
        args = (pattern.pattern, flags | parsed.state.flags, code, parsed.state.groups - 1,
                groupindex, tuple(indexgroup))
        if from_code(args) is None:
            return None
        return args
    except Exception:
        return None


def from_code(args: tuple) -> re.Pattern | None:
    """The pattern ``pattern_code`` described, or None if it cannot be made from its code."""
    try:
        import _sre

        made = _sre.compile(*args)
    except Exception:
        return None
    return made if isinstance(made, re.Pattern) else None


def scanning(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` remade from ``pattern_code``: the same matches, found by skipping to the
    characters a match can start with (``pattern`` itself where it cannot be remade)."""
    args = pattern_code(pattern)
    return (from_code(args) if args is not None else None) or pattern


def _load_pattern(args: tuple) -> re.Pattern:
    return from_code(args) or re.compile(args[0], args[1])


class _Pickler(pickle.Pickler):
    """Stores stdlib regexes by their compiled code (other objects as pickle does)."""

    def reducer_override(self, obj):
        if isinstance(obj, re.Pattern) and isinstance(obj.pattern, str):
            args = pattern_code(obj)
            if args is not None:
                return _load_pattern, (args,)
        return NotImplemented


class _Unpickler(pickle.Unpickler):
    """Refuses globals outside this package, builtins and ``re``/``regex``: the cache folder
    is the user's own, but a file put there must still not run arbitrary code."""

    _MODULES = frozenset(("builtins", "copyreg", "collections", "datetime", "re", "regex",
                          "regex.regex", "regex._main", "_regex"))

    def find_class(self, module: str, name: str):
        if module in self._MODULES or module.startswith("generator."):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
