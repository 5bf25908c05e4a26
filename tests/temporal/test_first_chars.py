"""generator/temporal/first_chars.py: a pattern remade with its first characters finds
exactly the matches the plain pattern finds, and only then skips ahead."""

from __future__ import annotations

import random
import re
from pathlib import Path
from re import _constants  # type: ignore[attr-defined]

import yaml

from generator.temporal import compiled
from generator.temporal.lexicon import build_lexicon
from generator.temporal.recognizer import _ASCII_LOWER

CASES = Path(__file__).resolve().parents[1] / "data" / "temporal_cases.yaml"
ARTICLES = Path(__file__).resolve().parents[2] / "content" / "articles"


def _texts() -> list[str]:
    texts = [case["text"] for case in yaml.safe_load(CASES.read_text(encoding="utf-8"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.rglob("*.md"))]
    return [t.translate(_ASCII_LOWER) for t in texts]


def _charset_flag(pattern: re.Pattern) -> bool:
    args = compiled.pattern_code(pattern)
    assert args is not None
    code = args[2]
    return code[0] == _constants.INFO and bool(code[2] & _constants.SRE_INFO_CHARSET)


def test_every_recognizer_pattern_finds_what_the_plain_one_finds() -> None:
    texts = _texts()
    rng = random.Random(7)
    words = " ".join(texts).split()
    # run-together text too: matches at odd places, the guard, line starts
    texts += [" ".join(rng.choice(words) for _ in range(200)) for _ in range(40)]
    for name, _rule, made, _needs in build_lexicon().patterns:
        plain = re.compile(made.pattern, made.flags)
        assert made.pattern == plain.pattern and made.groupindex == plain.groupindex
        for text in texts:
            assert [(m.span(), m.groups()) for m in made.finditer(text)] == [
                (m.span(), m.groups()) for m in plain.finditer(text)], name


def test_a_guarded_pattern_gets_its_first_characters() -> None:
    guarded = re.compile(r"(?<![\w'])(?:(?:last|next)\s)?(?:monday|tuesday)")
    assert _charset_flag(guarded)
    made = compiled.scanning(guarded)
    text = "xmonday last monday, nextmonday; next tuesday"
    assert [m.group() for m in made.finditer(text)] == ["last monday", "next tuesday"]


def test_patterns_it_cannot_read_keep_re_s_own_code() -> None:
    for source in [r"(?<!\w)(?:a*)", r"(?<!\w)(?:.x)", r"(?<!\w)(?i:may)", r"(x)(?<!\w)\1"]:
        pattern = re.compile(source)
        assert not _charset_flag(pattern)
        made = compiled.scanning(pattern)
        for text in ["aaa xx MAY may", "xx x", ""]:
            assert [m.span() for m in made.finditer(text)] == [
                m.span() for m in pattern.finditer(text)]
