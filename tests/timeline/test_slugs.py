"""Our slug function writes the same file names Pelican's ``slugify`` did (extract no longer
imports Pelican for it)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelican_slugify

from generator.slugs import SLUG_SUBSTITUTIONS, slugify

SAMPLES = [
    "Floods hit Valencia as storm Dana moves east",
    "  Émile Zola's «J'accuse» — 1898  ",
    "Ōtsuchi: 津波 reached 10 m",
    "<b>Bold</b> &amp; tags <i>stripped</i>",
    "x--y__z   w",
    "ﬁnance ½ Ⅻ ﬀ",
    "",
    "---",
    "Straße İstanbul ǅ",
]


def _pelican(value: str) -> str:
    return pelican_slugify(value, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def test_substitutions_are_pelicans() -> None:
    assert [tuple(s) for s in DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]] == list(
        SLUG_SUBSTITUTIONS)


def test_samples_match_pelican() -> None:
    for value in SAMPLES:
        assert slugify(value) == _pelican(value), value


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_matches_pelican(value: str) -> None:
    assert slugify(value) == _pelican(value)


def test_extract_add_and_check_do_not_import_pelican() -> None:
    import subprocess
    import sys

    code = ("import sys; import generator.cli, generator.pipeline, generator.sources.add, "
            "generator.timeline.check; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pelican', 'docutils', 'dateparser', 'dask', 'distributed')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
