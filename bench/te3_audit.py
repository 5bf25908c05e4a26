"""Sort the value errors of a TE3 run into classes, to see which are ours to fix.

    python bench/te3.py CORPUS --errors /tmp/err.txt
    python bench/te3_audit.py /tmp/err.txt [--show CLASS]

Each relaxed match whose value differs from the gold falls in the first class that fits.
The classes are mechanical tests on the two values (and the phrase), not judgements of
single sentences: a gold value that contradicts its own weekday name, a placeholder (``X``)
where the text names a specific period, a unit written with another type, the part-of-day
and week-numbering conventions the corpus applies both ways. What is left ("other") is
where the engine is most likely wrong, and what is worth reading.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_POD = re.compile(r"T(?:MO|AF|EV|NI)$")
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")


def _weekday_contradiction(phrase: str, gold: str) -> bool:
    """The gold day is not the weekday its phrase names ("Tuesday" -> a Wednesday)."""
    m = _DAY.match(gold)
    names = [i for i, w in enumerate(_WEEKDAYS) if w in phrase.lower()]
    if not m or len(names) != 1:
        return False
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).weekday() != names[0]
    except ValueError:
        return True


def _one_digit_apart(a: str, b: str) -> bool:
    """Same shape, one character different: a typo in the gold, another unit, another year."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def classify(phrase: str, gtype: str, gold: str, ptype: str, ours: str) -> str:
    """The first class that fits one value error."""
    if _weekday_contradiction(phrase, gold):
        return "gold contradicts its weekday name"
    if (gtype == "DURATION") != gold.startswith("P") or (gtype != "DURATION" and gtype != "SET"
                                                         and gold.startswith("P")):
        return "gold type and value disagree"
    if "X" in gold and "X" not in ours and not gold.endswith("REF"):
        return "gold placeholder for a named period"
    if "-W" in gold and "-W" in ours:
        return "week numbering (W7 vs W07, Sunday weeks)"
    pod = _POD.search(gold) or _POD.search(ours)
    if pod and _POD.sub("", gold)[:10] == _POD.sub("", ours)[:10]:
        return "part-of-day convention (TIME vs DATE)"
    if gold.endswith("_REF") != ours.endswith("_REF"):
        return "reference word vs period (PAST_REF vs PXY)"
    if re.fullmatch(r"\d{3}X?|\d\dX\d|\d{2}", gold) or re.fullmatch(r"\d{3}X?", ours):
        return "decade and century forms"
    if "-Q" in gold or "-Q" in ours or "-H" in gold:
        return "fiscal and reporting quarters"
    if "-W" in gold or "-W" in ours:
        return "week vs month/day granularity"
    if gold[:4] == ours[:4] and len(gold) != len(ours):
        return "granularity (same year, other precision)"
    if _one_digit_apart(gold, ours) and gold[:4] != ours[:4]:
        return "one character apart (typo, unit or year choice)"
    return "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("errors", type=Path, help="the file bench/te3.py --errors wrote")
    ap.add_argument("--show", default=None, help="print the errors of this class")
    args = ap.parse_args(argv)
    if not args.errors.is_file():
        ap.error(f"{args.errors}: not a file; write one with bench/te3.py CORPUS --errors FILE")
    classes: Counter[str] = Counter()
    examples: defaultdict[str, list[str]] = defaultdict(list)
    for line in args.errors.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if cols[0] != "MIS" or cols[4] == cols[7]:
            continue  # extent-only differences are scored by the extent F1
        name = classify(cols[2].strip("'\""), cols[3], cols[4], cols[6], cols[7])
        classes[name] += 1
        examples[name].append(f"{cols[1]}\t{cols[2]}\tgold {cols[4]}\tours {cols[7]}")
    total = sum(classes.values())
    print(f"{total} value errors over relaxed matches")
    for name, n in classes.most_common():
        print(f"{n:5d}  {n / total:5.1%}  {name}")
    if args.show:
        print()
        print("\n".join(examples.get(args.show, [])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
