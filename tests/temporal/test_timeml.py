"""timeml.py: re-annotation keeps everything but our TIMEX3 tags byte-identical."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.temporal.timeml import annotate_dir, annotate_file, document_dct, strip_tags

DATA = Path(__file__).parent.parent / "data"
FILES = sorted(DATA.glob("te3_*.tml"))
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@pytest.mark.parametrize("src", FILES, ids=lambda p: p.name)
def test_round_trip_text_identical(src: Path, tmp_path: Path):
    dst = tmp_path / src.name
    annotate_file(src, dst)
    before, after = src.read_text(encoding="utf-8"), dst.read_text(encoding="utf-8")
    b, a = _TEXT.search(before), _TEXT.search(after)
    assert strip_tags(b.group(1)) == strip_tags(a.group(1))
    # outside TEXT nothing changes (DCT included)
    assert before[: b.start(1)] == after[: a.start(1)]
    assert before[b.end(1) :] == after[a.end(1) :]
    # only our TIMEX3 elements are left inside TEXT, numbered t1..tn
    tags = re.findall(r"<(/?)(\w+)([^>]*)>", a.group(1))
    assert {t[1] for t in tags} <= {"TIMEX3"}
    tids = re.findall(r'tid="(t\d+)"', a.group(1))
    assert tids == [f"t{i}" for i in range(1, len(tids) + 1)] and tids


def test_entities_stay_escaped(tmp_path: Path):
    doc = (
        '<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="2021-11-26"'
        ' functionInDocument="CREATION_TIME">20211126</TIMEX3></DCT>\n<TEXT>\n'
        'AT&amp;T said &quot;<EVENT eid="e1">nothing</EVENT>&quot; on Nov. 18 &amp; '
        '<TIMEX3 tid="t9" type="DATE" value="X">last week</TIMEX3> &lt;ok&gt; until 5 p.m.&amp;\n'
        "</TEXT>\n</TimeML>\n"
    )
    src = tmp_path / "e.tml"
    src.write_text(doc, encoding="utf-8")
    annotate_file(src, tmp_path / "o.tml")
    out = _TEXT.search((tmp_path / "o.tml").read_text(encoding="utf-8")).group(1)
    assert strip_tags(out) == strip_tags(_TEXT.search(doc).group(1))
    assert '<TIMEX3 tid="t1" type="DATE" value="2021-11-18">Nov. 18</TIMEX3>' in out
    assert '<TIMEX3 tid="t2" type="DATE" value="2021-W46">last week</TIMEX3>' in out
    assert "5 p.m.</TIMEX3>&amp;" in out


def test_dct_and_dir(tmp_path: Path):
    assert str(document_dct(FILES[0].read_text(encoding="utf-8")))[:2] in ("19", "20")
    n = annotate_dir(DATA, tmp_path / "out")
    assert n == len(list(DATA.rglob("*.tml")))
    assert (tmp_path / "out" / FILES[0].name).exists()


def test_a_range_is_written_as_a_timex3_value():
    from generator.temporal.timeml import annotate_document
    from generator.temporal.values import is_valid

    doc = ('<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-14"'
           ' functionInDocument="CREATION_TIME">20240514</TIMEX3></DCT>\n<TEXT>\n'
           "Attacks rose during Ramadan.\n</TEXT>\n</TimeML>\n")
    values = re.findall(r'value="([^"]*)"', annotate_document(doc).split("<TEXT>")[1])
    assert values == ["2024-03-11"]  # the first day: TIMEX3 has no value for a range
    assert all(is_valid(v) and "/" not in v for v in values)
