"""Convert [[phrase|TYPE|value(|MOD)]] markup (first line 'DCT yyyy-mm-dd') to TimeML."""
import re, sys, html
from pathlib import Path
MARK = re.compile(r"\[\[([^|\]]+)\|([A-Z]+)\|([^|\]]+)(?:\|([A-Z_]+))?\]\]")
def convert(src: Path, out: Path):
    lines = src.read_text(encoding="utf-8").split("\n", 1)
    dct = lines[0].split()[1]; body = lines[1]
    parts = []; pos = 0; n = 0
    for m in MARK.finditer(body):
        parts.append(html.escape(body[pos:m.start()], quote=False)); n += 1
        mod = f' mod="{m.group(4)}"' if m.group(4) else ""
        parts.append(f'<TIMEX3 tid="t{n}" type="{m.group(2)}" value="{m.group(3)}"{mod}>{html.escape(m.group(1), quote=False)}</TIMEX3>')
        pos = m.end()
    parts.append(html.escape(body[pos:], quote=False))
    assert "[[" not in "".join(parts), src
    doc = (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{src.stem}</DOCID>\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
           f'<TEXT>\n{"".join(parts)}</TEXT>\n</TimeML>\n')
    out.write_text(doc, encoding="utf-8"); return n
for p in sorted(Path(sys.argv[1]).glob("*.txt")):
    print(p.stem, convert(p, Path(sys.argv[2]) / (p.stem + ".tml")))
