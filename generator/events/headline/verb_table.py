"""lemminflect's English verb forms and plural nouns, as a table shipped beside this file.

Loading lemminflect's own dictionaries takes about 0.6 s of CPU in every process (two
gzipped CSV files of 34,000 words), which doubled the time of a small ``timeline extract``;
the headlines need only the verbs' forms and which words are plural nouns. So the table is
written once from the pinned lemminflect (``python -m generator.events.headline.verb_table``)
and read in a few milliseconds; tests/events/test_headline_desk.py checks that it is still
exactly lemminflect's. No form in it is made by a rule of ours.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path
from typing import NamedTuple

from ... import parsed_cache

TABLE = Path(__file__).with_name("verb_forms.json.gz")
TAGS = ("VB", "VBD", "VBN", "VBZ", "VBP", "VBG")


class Verbs(NamedTuple):
    lines: dict[str, str]  # lemma -> its forms, as written in the table (read when asked)
    lemmas: dict[str, str]  # any form -> the lemmas it is a form of ("find|found")
    plurals: frozenset[str]  # plural nouns ("bombs", "talks"): not their lemma
    singular_s: frozenset[str]  # singular nouns in -s ("news", "crisis", "bus")

    def forms(self, lemma: str, tag: str) -> tuple[str, ...]:
        """lemminflect's getInflection(lemma, tag) for a verb of the table."""
        if tag == "VB":
            return (lemma,) if lemma in self.lines else ()
        line = self.lines.get(lemma)
        if line is None:
            return ()
        cell = line.split("\t")[TAGS.index(tag) - 1]
        return tuple(cell.split("|")) if cell else ()

    def lemmas_of(self, word: str) -> tuple[str, ...]:
        """lemminflect's getAllLemmas(word)["VERB"], from the table's forms."""
        found = self.lemmas.get(word)
        return tuple(found.split("|")) if found else ()


def rows_from_lemminflect() -> list[str]:
    """The table's lines, from lemminflect's inflection dictionary (lower-case words)."""
    from lemminflect import getAllInflections, getInflection
    from lemminflect.core.Inflections import Inflections

    lines = []
    plurals: set[str] = set()
    singular: set[str] = set()
    for lemma in sorted(Inflections()._getInflDict()):  # noqa: SLF001 (its word list)
        if not lemma.isalpha():
            continue
        for form in getAllInflections(lemma, upos="NOUN").get("NNS", ()):
            if form != lemma:
                plurals.add(form.lower())
        if getAllInflections(lemma, upos="NOUN"):
            singular.add(lemma.lower())
        if not lemma.islower():
            continue
        if getAllInflections(lemma, upos="VERB"):
            # getInflection, as a caller of lemminflect would ask it (its rules fill a form
            # the dictionary leaves out: "killed" as the participle of "kill")
            cells = ["|".join(getInflection(lemma, tag)) for tag in TAGS[1:]]
            lines.append("\t".join(["V", lemma, *cells]))
    lemmas: dict[str, set[str]] = {}
    for line in lines:
        _, lemma, *cells = line.split("\t")
        for form in {lemma, *"|".join(cells[:4]).split("|")} - {""}:
            lemmas.setdefault(form, set()).add(lemma)
    reverse = [f"R\t{form}\t{'|'.join(sorted(ls))}" for form, ls in sorted(lemmas.items())]
    nouns = [f"S\t{w}" for w in sorted(singular - plurals) if w.endswith("s")]
    return lines + reverse + [f"P\t{w}" for w in sorted(plurals)] + nouns


def write_table() -> None:
    """The table as JSON (read by the C parser: a few milliseconds), its rows grouped."""
    grouped: dict[str, dict[str, str] | list[str]] = {"V": {}, "R": {}, "P": [], "S": []}
    for row in rows_from_lemminflect():
        kind, word, rest = (*row.split("\t", 2), "")[:3]
        if kind in ("V", "R"):
            grouped[kind][word] = rest
        else:
            grouped[kind].append(word)
    with gzip.open(TABLE, "wt", encoding="utf-8", compresslevel=9) as out:
        json.dump(grouped, out, separators=(",", ":"), sort_keys=True)


@cache
def _grouped() -> dict:
    return parsed_cache.load(TABLE, "json-gz", _read_table)  # 0.01 s -> 1 ms (see there)


def _read_table(path: Path) -> dict:
    with gzip.open(path, "rt", encoding="utf-8") as table:
        return json.load(table)


def read_rows() -> list[str]:
    """The table's rows as ``rows_from_lemminflect`` writes them."""
    data = _grouped()
    return ([f"V\t{w}\t{rest}" for w, rest in data["V"].items()]
            + [f"R\t{w}\t{rest}" for w, rest in data["R"].items()]
            + [f"P\t{w}" for w in data["P"]] + [f"S\t{w}" for w in data["S"]])


@cache
def verbs() -> Verbs:
    data = _grouped()
    return Verbs(data["V"], data["R"], frozenset(data["P"]), frozenset(data["S"]))


if __name__ == "__main__":
    write_table()
