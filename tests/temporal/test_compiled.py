"""The Lexicon's disk cache (generator/temporal/compiled.py): same Lexicon, rebuilt when the
key changes, safe to race, never an error when the folder cannot be used."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.temporal import compiled
from generator.temporal.lexicon import build_lexicon

TEXT = ("Officials said on Nov. 18 that the levee broke last Tuesday, two weeks after the "
        "storm of Oct. 3, 2021; repairs begin next month and end by spring 2022.")


def _same(a, b) -> None:
    assert [(n, r, p.pattern, p.flags, p.groupindex, d) for n, r, p, d in a.patterns] == [
        (n, r, p.pattern, p.flags, p.groupindex, d) for n, r, p, d in b.patterns]
    for (_, _, pa, _), (_, _, pb, _) in zip(a.patterns, b.patterns, strict=True):
        assert [m.span() for m in pa.finditer(TEXT.lower())] == [
            m.span() for m in pb.finditer(TEXT.lower())]
    assert a.sets == b.sets and a.placeholders == b.placeholders and a.cues == b.cues
    assert a.months == b.months and a.numbers == b.numbers


def test_cached_lexicon_is_the_built_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    built = compiled.load_or_build("lexicon", build_lexicon)
    files = list(tmp_path.glob("lexicon-*.pickle"))
    assert len(files) == 1
    calls = []
    loaded = compiled.load_or_build("lexicon", lambda: calls.append(1) or build_lexicon())
    assert calls == []  # from the file, not built
    _same(built, loaded)
    assert all(type(p) is re.Pattern for _, _, p, _ in loaded.patterns)


def test_pattern_code_remakes_the_pattern() -> None:
    for source in [r"(?<![\w'])(?:(?P<d>\d{1,2})\s(?:jan|feb)\.?)", r"a|b+?c*", r"(x)(?:y)\1"]:
        pattern = re.compile(source)
        args = compiled.pattern_code(pattern)
        assert args is not None
        made = compiled.from_code(args)
        assert made.pattern == pattern.pattern and made.flags == pattern.flags
        assert made.groupindex == pattern.groupindex and made.groups == pattern.groups
        for text in ["12 jan. 3 feb", "abbbc ac", "xyx xx"]:
            assert [m.group() for m in made.finditer(text)] == [
                m.group() for m in pattern.finditer(text)]


def test_a_new_key_rebuilds(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(compiled, "cache_key", lambda: "one")
    assert compiled.load_or_build("x", lambda: 1) == 1
    assert compiled.load_or_build("x", lambda: 2) == 1
    monkeypatch.setattr(compiled, "cache_key", lambda: "two")  # a data file changed
    assert compiled.load_or_build("x", lambda: 2) == 2


def test_key_follows_the_data_files(monkeypatch) -> None:
    from generator import fingerprint

    before = compiled.cache_key()
    monkeypatch.setattr(fingerprint, "engine_fingerprint", lambda *parts: "edited")
    assert compiled.cache_key() != before


def test_damaged_file_is_rebuilt(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(compiled, "cache_key", lambda: "k")
    (tmp_path / "x-k.pickle").write_bytes(b"\x80\x05 half a file")
    assert compiled.load_or_build("x", lambda: [3]) == [3]
    assert compiled.load_or_build("x", lambda: [4]) == [3]  # the rebuilt one was stored


def test_foreign_code_in_the_file_is_refused(tmp_path, monkeypatch) -> None:
    import pickle

    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(compiled, "cache_key", lambda: "k")
    (tmp_path / "x-k.pickle").write_bytes(pickle.dumps(os.getcwd))
    assert compiled.load_or_build("x", lambda: "built") == "built"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_unwritable_folder_only_costs_the_build(tmp_path, monkeypatch) -> None:
    tmp_path.chmod(0o500)
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path / "sub"))
    assert compiled.load_or_build("x", lambda: 5) == 5


def test_folder_that_is_a_file_only_costs_the_build(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(compiled.CACHE_ENV, str(blocker / "cache"))
    assert compiled.load_or_build("x", lambda: 6) == 6


def test_default_folder_is_the_user_cache(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv(compiled.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compiled.cache_dir() == tmp_path / "crisis-timeline"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert compiled.cache_dir() == Path.home() / ".cache" / "crisis-timeline"


def test_processes_racing_to_write_all_get_the_lexicon(tmp_path) -> None:
    code = ("from datetime import date; from generator.temporal import annotate; "
            f"print([t.value for t in annotate({TEXT!r}, date(2021, 11, 26))])")
    env = os.environ | {compiled.CACHE_ENV: str(tmp_path)}
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                              text=True, env=env) for _ in range(4)]
    outputs = [p.communicate()[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert len(set(outputs)) == 1 and "2021-11-18" in outputs[0]
    assert len(list(tmp_path.glob("lexicon-*.pickle"))) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    from generator.temporal import annotate

    assert outputs[0].strip() == str([t.value for t in annotate(TEXT, date(2021, 11, 26))])
