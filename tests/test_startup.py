"""Start-up: what a one-sentence ``extract --json`` loads, and the caches that spare it
compiling and parsing (generator/startup_cache.py, generator/parsed_cache.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import parsed_cache, ruledata

ROOT = Path(__file__).resolve().parent.parent

# Modules a one-sentence extract must not load: the site's, the peers', the language
# model's, the pool's, PyYAML (every rule file comes from the parsed cache) and rich.
HEAVY = {"yaml", "multiprocessing", "tempfile", "py3langid", "numpy", "pelican", "docutils",
         "dateparser", "dask", "distributed", "rich", "http", "lemminflect"}

_RUN = ("import sys; sys.argv = ['timeline'] + sys.argv[1:]\n"
        "from generator.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}), file=sys.stderr)")


def _extract(tmp_path: Path, *args: str) -> tuple[list[dict], set[str]]:
    env = {**os.environ, "TIMELINE_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", _RUN, "extract", "--json", *args],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1].replace("'", '"')))
    return json.loads(done.stdout), loaded


def test_a_one_sentence_extract_loads_no_heavy_module(tmp_path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("The storm hit the coast on March 3, 2024.\n", encoding="utf-8")
    first, _ = _extract(tmp_path, "--dct", "2024-05-01", str(article))  # fills the caches
    second, loaded = _extract(tmp_path, "--dct", "2024-05-01", str(article))
    assert [e["value"] for e in second] == ["2024-03-03"] and second == first
    assert loaded & HEAVY == set()


def _in_cache(tmp_path: Path, code: str) -> str:
    env = {**os.environ, "TIMELINE_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, env=env, check=True, cwd=ROOT).stdout


_COMPARE = """
import re, regex, marshal, pathlib
from re import _compiler
from generator import startup_cache as s
stored = marshal.loads(s._path().read_bytes())
s.warm()
assert all(re.compile(p, f) == _compiler.compile(p, f) for p, f, _ in stored["re"])
# regex orders a pattern's first characters as a set iterates (by the hash seed), so the
# same pattern's code differs between processes: compare what they match instead
text = " ".join(p.read_text() for p in sorted(pathlib.Path("content/articles").rglob("*.md")))
for p, f, data in stored["regex"]:
    warmed = regex.compile(p, f)
    assert warmed._pickled_data == data  # taken from the store, not compiled
    fresh = regex.compile(p, f, cache_pattern=False)
    assert [m.span() for m in warmed.finditer(text)] == [m.span() for m in fresh.finditer(text)]
assert all(compile(src, "<string>", "exec", dont_inherit=True) == code
           for src, code in stored["code"].items())
print(len(stored["re"]), len(stored["regex"]), len(stored["code"]), len(s._loaded["re"]))
"""


def test_stored_patterns_and_methods_are_what_compiling_gives(tmp_path) -> None:
    article = tmp_path / "one.md"
    article.write_text("---\ndate: 2024-03-05\n---\n\nTalks resumed last Friday.\n",
                       encoding="utf-8")
    _extract(tmp_path, str(article))
    counts = [int(n) for n in _in_cache(tmp_path, _COMPARE).split()]
    assert min(counts[:3]) > 10 and counts[3] == counts[0]  # every stored pattern loaded


def test_a_cache_file_others_may_write_is_not_read(tmp_path) -> None:
    article = tmp_path / "one.md"
    article.write_text("---\ndate: 2024-03-05\n---\n\nTalks resumed last Friday.\n",
                       encoding="utf-8")
    _extract(tmp_path, str(article))
    [stored] = (tmp_path / "cache").glob("startup-*.marshal")
    stored.chmod(0o666)
    code = "from generator import startup_cache as s; s.warm(); print(len(s._loaded['re']))"
    assert _in_cache(tmp_path, code).strip() == "0"


def test_parsed_cache_gives_the_parse_and_follows_an_edit(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "words.yaml"
    data.write_text("words: [a, b]\nlimit: 3\n", encoding="utf-8")
    assert parsed_cache.load(data, "yaml", ruledata.load_yaml) == {"words": ["a", "b"],
                                                                   "limit": 3}
    data.write_text("words: [c]\nlimit: 4.5\n", encoding="utf-8")
    assert parsed_cache.load(data, "yaml", ruledata.load_yaml) == {"words": ["c"], "limit": 4.5}
    for entry in (tmp_path / "cache" / "parsed").iterdir():
        entry.write_bytes(b"\x00damaged")
    assert parsed_cache.load(data, "yaml", ruledata.load_yaml) == {"words": ["c"], "limit": 4.5}


def test_parsed_cache_still_refuses_a_duplicate_key(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "bad.yaml"
    data.write_text("limit: 3\nlimit: 4\n", encoding="utf-8")
    for _ in range(2):  # nothing was stored for it the first time
        with pytest.raises(ruledata.RuleDataError, match=r"bad\.yaml:2: duplicate key"):
            parsed_cache.load(data, "yaml", ruledata.load_yaml)


def test_the_language_model_from_its_unpacked_copy_is_py3langid_s(tmp_path, monkeypatch) -> None:
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from generator.sources import language

    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    language._identifier.cache_clear()
    try:
        for _ in range(2):  # unpacked, then read from the copy
            ours = language._identifier()
            language._identifier.cache_clear()
        [copy] = (tmp_path / "cache").glob("py3langid-model-*")
        assert sorted(f.name for f in copy.iterdir()) == [
            "meta.json", "nextmove.bin", "nextmove_row.bin", "out_feat.bin", "pc.npy", "ptc.npy"]
        theirs = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        assert np.array_equal(ours.nb_ptc, theirs.nb_ptc)
        assert ours.nb_ptc.dtype == theirs.nb_ptc.dtype
        assert ours.nb_classes == theirs.nb_classes
        assert ours.tk_nextmove == theirs.tk_nextmove and ours.tk_row == theirs.tk_row
        assert list(ours.tk_output) == theirs.tk_output
        for text in ("Dies ist kein Satz über Daten", "Rebels water government attack",
                     "Ceci n'est pas une pipe", "Хорошо, спасибо"):
            assert ours.classify(text) == theirs.classify(text)
    finally:
        language._identifier.cache_clear()


def test_a_model_copy_made_by_another_process_meanwhile_is_kept(tmp_path, monkeypatch) -> None:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from generator.sources import language

    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    packed = MODEL_DIR / MODEL_FILE
    first = language._mapped_model(packed)
    [copy] = (tmp_path / "cache").glob("py3langid-model-*")
    made = {f.name: f.stat().st_mtime_ns for f in copy.iterdir()}
    language._unpack(packed, copy)  # as a second process that lost the race
    assert {f.name: f.stat().st_mtime_ns for f in copy.iterdir()} == made
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [copy.name]  # no leftovers
    assert language._mapped_model(packed)[2] == first[2]


_MANY = """
import re, sys
from re import _compiler
from generator import startup_cache as s
patterns = [rf"(?:word{i}|other{i})\\s+\\d+" for i in range(700)]  # more than re keeps (512)
if sys.argv[1] == "fill":
    s.warm()
    for p in patterns:
        re.compile(p)
    s.save()
else:
    s.warm()
    compiled = []
    real = _compiler.compile
    _compiler.compile = lambda p, f: compiled.append(p) or real(p, f)
    made = [re.compile(p) for p in patterns]
    assert all(m.pattern == p and m.match(p.replace("(?:", "").split("|")[0] + " 7")
               for m, p in zip(made, patterns))
    print(len(compiled), len(s._loaded["re"]))
"""


def test_the_store_holds_more_patterns_than_re_keeps_and_makes_them_when_asked(tmp_path) -> None:
    env = {**os.environ, "TIMELINE_CACHE_DIR": str(tmp_path / "cache")}
    run = [sys.executable, "-c", _MANY]
    subprocess.run([*run, "fill"], check=True, env=env, cwd=ROOT, timeout=120)
    done = subprocess.run([*run, "use"], check=True, env=env, cwd=ROOT, timeout=120,
                          capture_output=True, text=True)
    compiled, stored = map(int, done.stdout.split())
    assert compiled == 0 and stored >= 700  # every one remade from the store, none compiled


_FULL = """
import re, sys, marshal
from generator import startup_cache as s
s.LIMIT = 20
s.warm()
used = [rf"(?:{sys.argv[1]}{i})\\s+\\d+" for i in range(int(sys.argv[2]))]
for p in used:
    re.compile(p)
s.save()
stored = [p for p, _, _ in marshal.loads(s._path().read_bytes())["re"]]
print(sum(p in stored for p in used), len(stored))
"""


def test_a_full_store_makes_room_for_the_patterns_of_the_command_run(tmp_path) -> None:
    env = {**os.environ, "TIMELINE_CACHE_DIR": str(tmp_path / "cache")}

    def run(prefix: str, n: int) -> list[int]:
        done = subprocess.run([sys.executable, "-c", _FULL, prefix, str(n)], check=True,
                              env=env, cwd=ROOT, timeout=120, capture_output=True, text=True)
        return [int(x) for x in done.stdout.split()]

    assert run("old", 30)[1] == 20  # the store full of one command's patterns
    assert run("new", 8) == [8, 20]  # another command's all go in, unused old ones out
    assert run("new", 12) == [12, 20]  # the 8 made from the store and 4 more
