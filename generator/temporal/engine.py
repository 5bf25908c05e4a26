"""Glue: recognize spans, resolve each in text order (the anchors follow the story), then run
the discourse passes."""

from __future__ import annotations

from datetime import date

from .anchoring import follow
from .context import Context, Resolved
from .discourse import run_passes
from .lexicon import get_lexicon
from .model import Timex
from .recognizer import find
from .rules import RULES
from .values import is_valid


def annotate(text: str, dct: date) -> list[Timex]:
    """All temporal expressions in ``text`` with TIMEX3 values resolved against ``dct``."""
    lex = get_lexicon()
    ctx = Context(text=text, dct=dct, lex=lex)
    out: list[Resolved] = []
    for cand in find(text, lex, ctx):
        fn = RULES[cand.rule]
        try:
            res = fn(ctx, cand.match)
        except (ValueError, KeyError, OverflowError):
            res = None
        if res is None:
            continue
        items = res if isinstance(res, list) else [res]
        for r in items:
            if not r.value or not is_valid(r.value) or r.end <= r.start:
                continue
            out.append(r)
            follow(ctx, r)
    out = run_passes(text, out, dct)
    return [
        Timex(r.start, r.end, text[r.start : r.end], r.type, r.value, r.mod, r.note) for r in out
    ]
