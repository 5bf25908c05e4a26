"""Convert probe sources to TimeML for bench/te3.py.

    python bench/probes/convert.py bench/probes/src OUT_DIR

A source's first line is ``DCT yyyy-mm-dd``; each gold expression is written in place as
``[[phrase|TYPE|value]]`` or ``[[phrase|TYPE|value|MOD]]``.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

MARK = re.compile(r"\[\[([^|\]]+)\|([A-Z]+)\|([^|\]]+)(?:\|([A-Z_]+))?\]\]")


def convert(src: Path, out: Path) -> int:
    head, body = src.read_text(encoding="utf-8").split("\n", 1)
    dct = head.split()[1]
    parts: list[str] = []
    pos = 0
    count = 0
    for m in MARK.finditer(body):
        parts.append(html.escape(body[pos : m.start()], quote=False))
        count += 1
        mod = f' mod="{m.group(4)}"' if m.group(4) else ""
        phrase = html.escape(m.group(1), quote=False)
        parts.append(f'<TIMEX3 tid="t{count}" type="{m.group(2)}" value="{m.group(3)}"{mod}>'
                     f"{phrase}</TIMEX3>")
        pos = m.end()
    parts.append(html.escape(body[pos:], quote=False))
    text = "".join(parts)
    if "[[" in text:
        raise SystemExit(f"{src}: unclosed mark")
    out.write_text(
        f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{src.stem}</DOCID>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
        f"<TEXT>\n{text}</TEXT>\n</TimeML>\n",
        encoding="utf-8",
    )
    return count


if __name__ == "__main__":
    for path in sorted(Path(sys.argv[1]).glob("*.txt")):
        print(path.stem, convert(path, Path(sys.argv[2]) / (path.stem + ".tml")))
