"""A regex's first characters in its compiled code, so that ``re`` skips ahead to them.

Every recognizer pattern opens with the guard ``(?<![\\w'])`` (a match starts a word), and
stdlib ``re`` looks for a literal prefix or a set of first characters only at the very
start of a pattern: behind an assertion it finds none and tries a match at every position
of the text, 56 patterns over every character of every article. Yet "(?<![\\w'])(?:last|
next) (?:monday|...)" can only start with an "l" or an "n". This module reads that set
from the parsed pattern (skipping the zero-width guard) and writes it into the pattern's
info block, as ``re`` itself does for a pattern that opens with a character class: the
search then jumps from one such character to the next in C and tries a match only there.

The set is a superset of the characters any match can start with (a branch gives the union
of its alternatives, an optional item adds what follows it), so the matches found are the
same; a pattern that can match the empty string, or whose first item is not a plain
character or class (a back-reference, a case-insensitive group), keeps ``re``'s own code.
On a Python whose ``re`` internals differ, the code is ``re``'s own too (``code`` returns
None and callers compile as usual).
"""

from __future__ import annotations

from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

_ZERO_WIDTH = {_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT}
_REPEATS = {_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT}
_UNCASED = _constants.SRE_FLAG_IGNORECASE | _constants.SRE_FLAG_LOCALE


def code(parsed: _parser.SubPattern, flags: int) -> list[int]:
    """The compiled code of ``parsed`` (what ``re._compiler._code`` gives) with its first
    characters in the info block when ``re`` found neither a prefix nor a set."""
    flags = parsed.state.flags | flags
    standard = _compiler._code(parsed, flags)
    if standard[0] != _constants.INFO or standard[2] or flags & _UNCASED:
        return standard  # re found its own prefix or set, or the pattern ignores case
    lo, hi = parsed.getwidth()
    first = _first(parsed.data)
    if lo == 0 or first is None or first[1]:
        return standard
    charset, hascased = _compiler._optimize_charset(first[0])
    if hascased:
        return standard
    info = [_constants.INFO, 0, _constants.SRE_INFO_CHARSET,
            min(lo, _compiler.MAXCODE), min(hi, _compiler.MAXCODE)]
    _compiler._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    return info + standard[standard[1] + 1:]


def _first(items) -> tuple[list, bool] | None:
    """(the charset items a match of ``items`` can start with, can it match nothing), or
    None when an item is not one this reads."""
    chars: list = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        found = _first_of(op, av)
        if found is None:
            return None
        chars.extend(found[0])
        if not found[1]:
            return chars, False
    return chars, True


def _first_of(op, av) -> tuple[list, bool] | None:
    if op is _constants.LITERAL:
        return [(op, av)], False
    if op is _constants.IN:
        if any(item is _constants.NEGATE for item, _ in av):
            return None
        return list(av), False
    if op is _constants.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & _UNCASED else _first(sub.data)
    if op is _constants.ATOMIC_GROUP:
        return _first(av.data)
    if op is _constants.BRANCH:
        chars, empty = [], False
        for alternative in av[1]:
            found = _first(alternative.data)
            if found is None:
                return None
            chars.extend(found[0])
            empty = empty or found[1]
        return chars, empty
    if op in _REPEATS:
        low, _high, sub = av
        found = _first(sub.data)
        return None if found is None else (found[0], found[1] or low == 0)
    return None  # any character, a back-reference, a conditional: no set to give
