"""What every process would otherwise compile again at start-up, kept on disk: the regexes
and the methods ``dataclasses`` writes.

Measured on a one-sentence ``timeline extract --json`` (Python 3.11, 0.22 s CPU): the
modules and rule data compile 211 ``re`` and 54 ``regex`` patterns (0.04 s and 0.02 s), and
``@dataclass`` compiles the source of 174 methods (``__init__``, ``__eq__``...) for 32
classes (0.02 s). None of that depends on anything but the source text, the flags and the
Python and engine versions, so this stores the compiled results and, at the next start,
hands them back before the modules ask:

- each pattern remade from its stored code is found in its engine's own cache, where the
  module-level ``re.compile(...)`` calls look: it is made when first asked for
  (``re._cache`` and ``regex._main._cache`` get a ``__missing__``), so a command makes
  only those it uses; a ``re`` pattern is stored only if the one remade from the stored
  code equals (``==``: source, flags and code) what ``re`` compiled;
- ``dataclasses`` runs the method source it writes through ``exec``; its module global
  ``exec`` is pointed at one that takes the code object compiled from the same text, with
  the same flags (``dont_inherit``), from the store.

No module of the engine is edited for it, and what each call returns is what it returned
before. The file is named after the Python version and ``re``'s code format and holds the
``regex`` version it was made with; another Python or engine reads nothing from it. New
entries are added at the end of a command (``save``), at most ``LIMIT`` per engine (a full
store drops the patterns the command did not use; patterns past the limit are not even
checked, so they cost nothing at each ``save``); the write is atomic, so two processes
saving together each leave a whole file. Since stored code runs, a file not owned by this
user or writable by others is not read (as ``ssh`` treats its keys). A damaged, unreadable
or unwritable file only costs the compiling, never an error.
"""

from __future__ import annotations

import marshal
import os
import re
import stat
import sys
import types
from pathlib import Path
from typing import Any

FORMAT = "2"  # bump when what is stored changes shape
# Patterns stored per engine. They are made when first asked for (``_StoredPatterns``), so
# they may outnumber the engines' caches (re 512, regex 500): the demo's English articles
# compile 382 ``re`` and 83 ``regex`` patterns, every language's rules together more than
# 512 and 275.
LIMIT = 1500
CODE_LIMIT = 2000  # dataclass methods

_loaded: dict[str, dict[tuple[str, int], tuple]] = {"re": {}, "regex": {}}
_code: dict[str, types.CodeType] = {}  # method source -> its code, loaded or compiled
_code_loaded: set[str] = set()
_code_used: dict[str, None] = {}  # the method sources this process ran, in order
_missed: dict[tuple, None] = {}  # re's cache keys compiled since ``warm``, in order
# the stored patterns this process made, per engine: kept first when the store is full
_used: dict[str, dict[tuple[str, int], None]] = {"re": {}, "regex": {}}
_regex_version: list[str] = []  # the regex version of the entries in _loaded["regex"]


def _path() -> Path:
    from .temporal.compiled import cache_dir

    magic = getattr(getattr(re, "_compiler", None), "MAGIC", "-")
    version = "-".join(map(str, sys.version_info[:3]))
    return cache_dir() / f"startup-{sys.implementation.name}-{version}-{magic}-{FORMAT}.marshal"


def warm() -> None:
    """Put the stored patterns into ``re``'s and ``regex``'s caches and the stored methods
    where ``dataclasses`` finds them (best effort)."""
    import dataclasses

    dataclasses.exec = _cached_exec  # type: ignore[attr-defined]
    re._cache = _StoredPatterns(re._cache)  # type: ignore[attr-defined]
    try:
        stored = marshal.loads(_own_file(_path()))
        _code.update(stored["code"])
        _code_loaded.update(stored["code"])
        _warm_re(stored["re"])
        if stored["regex"]:
            _warm_regex(stored["regex_version"], stored["regex"])
    except Exception:  # none yet, damaged, another layout of re's internals: compile
        pass


def _own_file(path: Path) -> bytes:
    """The file's bytes if this user owns it and nobody else may write it."""
    with path.open("rb") as handle:
        info = os.fstat(handle.fileno())
        if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise PermissionError(f"{path}: not this user's own file")
        return handle.read()


def _cached_exec(source: Any, globals: dict | None = None, locals: dict | None = None) -> None:
    """``exec`` as ``dataclasses`` calls it, with the code of a source text seen before."""
    if isinstance(source, str):
        _code_used[source] = None
        code = _code.get(source)
        if code is None:
            code = _code[source] = compile(source, "<string>", "exec", dont_inherit=True)
        source = code
    exec(source, globals, locals)  # noqa: S102 - the source dataclasses wrote


def _warm_re(entries: list[tuple]) -> None:
    """Let ``re``'s cache make a stored pattern when a module first asks for it: the store
    can then hold more patterns than the cache keeps (every language's rules together
    compile more than 512), and a command makes only those it uses."""
    for pattern, flags, args in entries:
        _loaded["re"][pattern, flags] = args


class _StoredPatterns(dict):
    """``re._cache`` with the store behind it: a key the cache lacks is made from its stored
    code (as ``re._compile`` would add it, the oldest entry dropped when full); any other
    key is missing as before, and ``re`` compiles it. Those are noted for ``save``: a
    command that uses more patterns than the cache keeps drops the first ones from it."""

    def __missing__(self, key: tuple) -> re.Pattern:
        import _sre

        kind, pattern, flags = key
        args = _loaded["re"].get((pattern, flags)) if kind is str else None
        if args is None:
            _missed[key] = None
            raise KeyError(key)
        try:
            made = _sre.compile(*args)
        except Exception:  # not this engine's code after all: let re compile it
            raise KeyError(key) from None
        if not isinstance(made, re.Pattern) or made.pattern != pattern:
            raise KeyError(key)
        _used["re"][pattern, flags] = None
        if len(self) >= re._MAXCACHE:  # type: ignore[attr-defined]
            del self[next(iter(self))]
        self[key] = made
        return made


def _warm_regex(version: str, entries: list[tuple]) -> None:
    """As ``_warm_re``, for ``regex`` (only a store made with this ``regex`` version)."""
    import regex
    from regex import _main  # type: ignore[attr-defined]

    if version != regex.__version__:
        return
    for pattern, flags, data in entries:
        # what regex's _compile looks up before its cache, as it records them for a
        # pattern without named lists that no locale changes
        _main._locale_sensitive[str, pattern] = False
        _main._named_args[pattern, str, flags] = frozenset()
        _loaded["regex"][pattern, flags] = data
    _main._cache = _StoredRegexes(_main._cache)
    _regex_version.append(version)


class _StoredRegexes(dict):
    """``regex._main._cache`` with the store behind it (see ``_StoredPatterns``)."""

    def __missing__(self, key: tuple) -> Any:
        import regex
        from regex import _main, _regex  # type: ignore[attr-defined]

        pattern, kind, flags, named, version, locale = key
        data = None
        if kind is str and not named and locale is None and version == regex.DEFAULT_VERSION:
            data = _loaded["regex"].get((pattern, int(flags)))
        if data is None:
            raise KeyError(key)
        try:
            made = _regex.compile(*data)
        except Exception:  # not this engine's data after all: let regex compile it
            raise KeyError(key) from None
        _used["regex"][pattern, int(flags)] = None
        if len(self) < _main._MAXCACHE:
            self[key] = made
        return made


def save() -> None:
    """Store what was compiled since ``warm`` with what was loaded (only if there is
    something new: a command that compiled nothing new writes nothing)."""
    try:
        new_re = _new_re()
        new_regex = _new_regex()
        if not new_re and not new_regex and _code_loaded.issuperset(_code):
            return
        regex = sys.modules.get("regex")
        stored = {
            "code": _used_first(_code_used, _code, CODE_LIMIT),
            "re": _entries("re", new_re),
            "regex": _entries("regex", new_regex),
            "regex_version": regex.__version__ if regex else "".join(_regex_version[:1]),
        }
        from . import atomic

        path = _path()
        atomic.write_bytes(path, marshal.dumps(stored))
        path.chmod(0o600)
    except Exception:  # read-only home, full disk, re's internals not the expected ones
        pass


def _entries(engine: str, new: dict[tuple[str, int], tuple]) -> list[tuple]:
    """The engine's patterns to store: what this process used and compiled first."""
    kept = _used_first(_used[engine], {**new, **_loaded[engine]}, LIMIT)
    return [(pattern, flags, args) for (pattern, flags), args in kept.items()]


def _used_first(used: dict, found: dict, limit: int) -> dict:
    """``found`` cut to ``limit`` entries, those this process used first, then the rest in
    their order (what it compiled, then other commands' entries or stale ones of edited
    rules): a full store never keeps out what the command just run needs."""
    return dict(list({**{key: found[key] for key in used if key in found}, **found}.items())
                [:limit])


def _new_re() -> dict[tuple[str, int], tuple]:
    """re's str patterns compiled in this process (in its cache, or compiled since ``warm``
    and dropped from it) not loaded from the file, each with its compiled code."""
    from re import _compiler  # type: ignore[attr-defined]

    new: dict[tuple[str, int], tuple] = {}
    room = LIMIT - len(_used["re"])
    cache = re._cache  # type: ignore[attr-defined]
    for key in list({**dict.fromkeys(cache), **_missed}):
        kind, pattern, flags = key
        if len(new) >= room:  # the store is full: checking the rest would be wasted
            break
        if kind is str and (pattern, flags) not in _loaded["re"] and not flags & re.DEBUG:
            compiled = cache.get(key) or _compiler.compile(pattern, flags)
            args = _re_code(pattern, flags, compiled)
            if args is not None:
                new[pattern, flags] = args
    return new


def _re_code(pattern: str, flags: int, compiled: re.Pattern) -> tuple | None:
    """What ``_sre.compile`` needs to remake ``compiled``, as ``re._compiler.compile``
    hands it over; None unless the pattern remade from it equals ``compiled``."""
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    args = (pattern, flags | parsed.state.flags, [int(op) for op in code], parsed.state.groups - 1,
            groupindex, tuple(indexgroup))
    return args if _sre.compile(*args) == compiled else None


def _new_regex() -> dict[tuple[str, int], tuple]:
    """regex's cached str patterns (no named lists, not locale-bound) not loaded."""
    main = sys.modules.get("regex._main")
    if main is None:
        return {}
    import regex

    new: dict[tuple[str, int], tuple] = {}
    room = LIMIT - len(_used["regex"])
    for key, compiled in list(main._cache.items()):
        pattern, kind, flags, named, version, locale = key
        if len(new) >= room:
            break
        if (kind is str and not named and locale is None and version == regex.DEFAULT_VERSION
                and main._locale_sensitive.get((str, pattern)) is False
                and (pattern, flags) not in _loaded["regex"]):
            new[pattern, int(flags)] = compiled._pickled_data
    return new
