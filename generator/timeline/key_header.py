"""The ``Key:`` header of an entry: ``yes`` (a key event, shown first) or ``no``.

``extract`` writes the word in lower case; an editor may type "Yes" or "NO", which mean the
same. Anything else ("Key: maybe", "Key: true", "Key: yes please") says nothing an editor
can rely on: ``timeline check`` and the build report it at its line instead of reading it
as one or the other.
"""

from __future__ import annotations

_VALUES = {"yes": True, "no": False}


def key_value(text: str) -> bool | None:
    """True for yes, False for no (any case, spaces around), None for anything else."""
    return _VALUES.get(text.strip().lower())


def key_problem(text: str) -> str:
    """The message for a ``Key:`` line that is neither yes nor no."""
    return f"'Key: {text.strip()}' is neither yes nor no (the key events are 'Key: yes')"
