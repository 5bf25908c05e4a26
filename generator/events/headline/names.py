"""Who a headline's pronoun or "the boy" is: the article's most recent fitting proper name
before the sentence ("He was rescued off the coast of Florida" after "... Elian ..." ->
"Elian was rescued ..."). A headline stands alone on the timeline; "He" says nobody."""

from __future__ import annotations

import re
from functools import cache

from ..rules_file import events_rules

# A run of capitalised words (a name): "Khalfan Khamis Mohamed", "Madeleine Albright",
# "Elian", "Osama bin Laden", "O'Brien".
_NAME = re.compile(r"(?<![\w.'’-])(?:[A-Z][a-z][\w'’-]*|[A-Z]\.)(?:\s+(?:(?:bin|de|al|van|von|"
                   r"del|da|la|ben|el)\s+)?(?:[A-Z][a-z][\w'’-]*|[A-Z]\.))*")
# How much of the article before the sentence is read for names.
_CONTEXT = 6000


def _data() -> dict:
    return events_rules()["headline"]["names"]


@cache
def _titles() -> frozenset[str]:
    return frozenset(events_rules()["titles"])


@cache
def _not_name_start() -> frozenset[str]:
    """The titles and function words a name does not open or end with."""
    return _titles() | frozenset(_data()["not_names"])


def _spans(context: str) -> list[re.Match[str]]:
    return list(_NAME.finditer(context))


def clean_name(name: str) -> str:
    """A proper name without its titles, or "" when ``name`` is no name."""
    cleaned = _clean(name)
    return cleaned if cleaned and _NAME.fullmatch(cleaned) else ""


def _clean(name: str) -> str:
    """The name without the titles and function words before it ("U.S. Secretary of State
    Madeleine Albright" -> "Madeleine Albright", "But Elian" -> "Elian")."""
    words = name.split()
    skip = _not_name_start()
    while words and (words[0] in skip or words[0].rstrip(".") in skip):
        words.pop(0)
    while words and words[-1] in skip:
        words.pop()
    return " ".join(words)


def _persons(context: str) -> list[tuple[int, str]]:
    """The names of persons in ``context`` with where each is mentioned: a name after a title
    or a role word ("Capt. Rod Beer", "spokesman Rod Beer", "boy Elian Gonzalez") or before
    a speaking verb or an aside about a person (", who", ", 6,"), and every later mention of
    one of its words alone ("Elian", "Albright")."""
    data = _data()
    known: set[str] = set()
    mentions: list[tuple[int, str]] = []
    for found in _spans(context):
        raw = found.group(0)
        name = _clean(raw)
        if not name or any(w in data["not_names"] or w in data["place_words"]
                           for w in name.split()):
            continue
        before = context[max(0, found.start() - 30) : found.start()].split()
        after = context[found.end() : found.end() + 30]
        titled = raw != name and raw.split()[0] in _titles()
        role = bool(before) and before[-1].lower().strip(",") in data["person_words"]
        speaking = re.match(rf"\s*(?:,\s+(?:who|\d+|the\s+\d+-year-old|a\s+\d+-year-old)\b|\s+"
                            rf"(?:{'|'.join(data['person_verbs'])})\b)", after)
        parts = set(name.split())
        if not titled and re.search(r"\b(?:of|the|The)\s*$",
                                    context[max(0, found.start() - 5) : found.start()]):
            continue  # "the National Council of Churches": part of a body's name
        # a name of two or more words that is no place or body ("Juan Miguel Gonzalez") is a
        # person's; one word is when it is titled, given a role, or part of a known name
        if len(name.split()) > 1 or titled or role or speaking and parts & known or (
                name in known):
            known |= {name} | {p for p in parts if len(p) > 2 and p not in data["not_names"]}
            mentions.append((found.start(), name))
    return mentions


# A child's age: "6-year-old Elian", "Elian, the 6-year-old" (not "a 39-year-old businessman")
_CHILD_AGE = r"(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten)-year-old"


def _described(context: str, noun: str, line: str = "") -> str | None:
    """The most recent name the article calls ``noun`` ("the 6-year-old boy Elian Gonzalez",
    "Elian Gonzalez, the boy who ...", "suspect Khalfan Khamis Mohamed")."""
    best: tuple[int, str] | None = None
    for found in _spans(context):
        name = _clean(found.group(0))
        if not name or any(w in _data()["not_names"] for w in name.split()):
            continue
        before = context[max(0, found.start() - 40) : found.start()].lower()
        after = context[found.end() : found.end() + 40].lower()
        aged = noun in _data()["aged_nouns"] and (
            re.search(rf"\b{_CHILD_AGE}\s*$", before)
            or re.match(rf",\s+(?:the|a|an)\s+{_CHILD_AGE}\b", after))
        if aged or re.search(rf"\b{noun}\s*,?\s*$", before) or re.match(
                rf",\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}{noun}\b", after):
            best = (found.start(), name)
    if best is None:
        # the sentence's own words ("... return Elian Gonzalez to Cuba, President Fidel Castro
        # said the boy's father ..."); the article's whole text would name its most quoted
        # the sentence's own words (its frame and the line: "... return Elian Gonzalez to
        # Cuba, Castro said the boy's father has offered ..."); over the whole article the
        # most told is as often the father as the boy
        sentence = context[max(context.rfind(". "), context.rfind("\n")) + 1 :]
        return _protagonist(f"{sentence} {line}") if noun in _data()["aged_nouns"] else None
    # the short form the article uses after that ("Elian" after "Elian Gonzalez")
    short = best[1]
    for pos, name in _persons(context):
        if pos > best[0] and set(name.split()) <= set(best[1].split()):
            short = name
    return short


def _protagonist(context: str) -> str | None:
    """The person the article tells of most, when no title or role word ever stands before
    the name ("Elian" in a story of "the boy"; never "President Fidel Castro"): whom "the
    boy" or "the child" means when the article never calls anyone so. Mentions are grouped
    by a name's first word ("Elian Gonzalez", "Elian"); only a name a sentence tells with
    "boy", "child" or a child's age counts, and one told under twice as often as another
    names nobody."""
    counts: dict[str, int] = {}
    latest: dict[str, str] = {}
    adult: set[str] = set()
    for pos, name in _persons(context):
        first = re.sub(r"['’]s$", "", name.split()[0])  # "Elian's" is Elian
        before = context[max(0, pos - 30) : pos].split()
        role = before[-1].lower().strip(",") if before else ""
        if not context[pos:].startswith(name) or (before and before[-1] in _titles()) or (
                role in _data()["person_words"] and
                role not in _data()["aged_nouns"]):  # "President Fidel Castro", "spokesman"
            adult.add(first)
        counts[first] = counts.get(first, 0) + 1
        latest[first] = name
    sentences = re.split(r"(?<=[.!?])\s+", context)
    aged = "|".join(_data()["aged_nouns"])

    def young(first: str) -> bool:  # a sentence names them with "boy", "child", "6-year-old"
        return any(first in s and re.search(rf"\b(?:{aged}|{_CHILD_AGE})\b", s)
                   for s in sentences)

    ranked = sorted(((n, f) for f, n in counts.items() if f not in adult and young(f)),
                    reverse=True)
    if not ranked or len(ranked) > 1 and ranked[1][0] * 2 > ranked[0][0]:
        return None
    return re.sub(r"['’]s$", "", latest[ranked[0][1]])


def _latest_subject(context: str) -> str | None:
    """The person the article spoke of last, the first named in the last sentence that names
    one (a sentence's first name is most often its subject, whom a following "he" means)."""
    persons = _persons(context)
    if not persons:
        return None
    last = persons[-1][0]
    sentence_start = max(context.rfind(". ", 0, last), context.rfind("\n", 0, last)) + 1
    pos, name = next((pos, name) for pos, name in persons if pos >= sentence_start)
    opening = context[sentence_start:pos]
    if len(opening.split()) > _SUBJECT_WORDS or re.search(r"[\"“”]", opening):
        return None  # '"...," said Sergio Navarro': a speaker named after the words, no subject
    return name


# How many words (titles, "But", "In Miami,") may stand before a sentence's subject.
_SUBJECT_WORDS = 6


_HE = re.compile(r"\b(?:he|his|him|himself|Mr\.)\s", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself|Mrs\.|Ms\.)\s", re.IGNORECASE)


def _fits(person: str, pronoun: str, context: str) -> bool:
    """Does ``pronoun`` fit ``person`` (no sign of the other gender: the text after the
    person's last mention says "he" and never "she", and the pronoun is "She")? "He said
    ..." after "Josep Borrell told reporters" is Borrell; "She said nothing" then is not."""
    at = context.rfind(person)
    after = context[at + len(person) :] if at >= 0 else ""
    before = context[max(0, at - 6) : at] if at >= 0 else ""
    female = pronoun.lower() in ("she", "her")
    same, other = (_SHE, _HE) if female else (_HE, _SHE)
    return not (other.search(before) or (other.search(after) and not same.search(after)))


_OBJECT = re.compile(r"(?<=[a-z]\s)(?P<pronoun>him|her)(?=\s+(?:to|for|with|in|on|at|as|from|into|"
                     r"before|after|over|and)\b|[,.;]|$)")


def left_out(whole: str, part: str) -> str:
    """The words of ``whole`` before where ``part`` (its headline) starts: where a name the
    headline's pronoun stands for may be ("In efforts to prevent Elian Gonzalez's return to
    Cuba, an anti-Castro lawmaker subpoenaed him")."""
    opening = " ".join(part.split()[:3])
    at = whole.lower().find(opening.lower()) if opening else -1
    return whole[:at] if at > 0 else ""


def named_inside(text: str, context: str) -> str:
    """``text`` with an object pronoun after its verb, and "the boy" past its start, named
    as the article names that person: "an anti-Castro lawmaker subpoenaed him to testify"
    after "... Elian Gonzalez's return to Cuba" -> "... subpoenaed Elian Gonzalez to testify";
    "federal agents took the child by force" -> "... took Elian by force". No name that fits
    (the pronoun's gender, not the line's own subject): the words stay."""
    if not context:
        return text
    context = context[-_CONTEXT:]
    found = _OBJECT.search(text)
    if found and not any(a < found.start() < b for a, b in _quotes(text)):
        before = context + " " + text[: found.start()]
        persons = [name for _, name in _persons(before)]
        subject = persons[-1] if persons and text.startswith(persons[-1]) else None
        person = next((re.sub(r"['’]s$", "", p) for p in reversed(persons)
                       if p != subject and p not in text), None)
        if person and _fits(person, found.group("pronoun"), before):
            text = text[: found.start()] + person + text[found.end() :]
    text = _reported_kin(text, context)
    for noun in re.finditer(r"(?<=[^,]\s)the\s(?P<noun>[a-z]+)\b(?!['’-])", text):
        if noun.group("noun") in _data()["aged_nouns"]:
            name = _described(context, noun.group("noun"), text)
            if name and name not in text:
                return text[: noun.start()] + name + text[noun.end() :]
    return text


_REPORTED = re.compile(r"\s(?:says|said|tells|told|adds|added|insists|insisted|claims|claimed)"
                       r"\s+(?:that\s+)?(?P<pronoun>he|she)\s")


def _reported_kin(text: str, context: str) -> str:
    """The subject pronoun of a reported clause, named by the kin the sentence's frame
    describes: "Calling the mother of Elian Gonzalez 'an excellent girl,' Castro said she had been
    'practically kidnapped'" -> "Castro says Elian Gonzalez's mother was ..."."""
    found = _REPORTED.search(text)
    if not found:
        return text
    # the sentence's own words: a description in its frame introduces the person
    context = context[max(context.rfind(". "), context.rfind("\n")) + 1 :]
    kin = "|".join(_data()["kin"][found.group("pronoun")])
    name = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    described = [(m.start(), m.group("name"), m.group("kin")) for m in re.finditer(
        rf"\bthe\s+(?P<kin>{kin})\s+of\s+(?P<name>{name})", context)] + [
        (m.start(), m.group("name"), m.group("kin")) for m in re.finditer(
        rf"(?P<name>{name})['’]s\s+(?P<kin>{kin})\b", context)]
    if not described:
        return text
    _, who, noun = max(described)
    who = _clean(who)
    return f"{text[: found.start('pronoun')]}{who}'s {noun}{text[found.end('pronoun') :]}" if (
        who) else text


def _quotes(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[\"“][^\"”]*[\"”]?", text)]


def _before_own_pronoun(context: str, pronoun: str) -> str:
    """``context`` without its last sentence when that sentence (the frame the headline left
    out) says the pronoun too: in "Ever since he first learned that Elian was in Florida, he
    has been persistent", both are one man, not Elian."""
    start = max(context.rfind(". "), context.rfind("\n")) + 1
    if re.search(rf"\b{pronoun}\b", context[start:], re.IGNORECASE):
        return context[:start]
    return context


def named(text: str, context: str) -> str:
    """``text`` with the pronoun or "the boy", "the suspect" that opens it replaced by the
    article's name for that person, when ``context`` (the article before the sentence)
    names one; "The suspect -- Khalfan Khamis Mohamed -- was ..." takes the name of its own
    aside."""
    data = _data()
    aside = re.match(r"^(?:The|A|An)\s+[a-z-]+\s+(?:--|—|,)\s+(?P<name>[A-Z][^,—-]+?)\s+"
                     r"(?:--|—|,)\s+(?=[a-z])", text)
    if aside and _NAME.fullmatch(aside.group("name")):
        return aside.group("name") + " " + text[aside.end() :]
    if not context:
        return text
    context = context[-_CONTEXT:]
    first = re.match(r"^(\w+)(?:\s+(\w+))?", text)
    if first is None:
        return text
    word = first.group(1)
    if word in data["pronouns"] and first.group(2) and first.group(2) not in (
            data["pronoun_stops"]):
        person = _latest_subject(_before_own_pronoun(context, word))
        if person and _fits(person, word, context):
            return re.sub(r"['’]s$", "", person) + text[len(word) :]
    if word in data["possessives"] and first.group(2):
        person = _latest_subject(context)
        if person and _fits(person, word, context):
            return f"{person}'s" + text[len(word) :]
    if word in ("The", "the") and first.group(2) and first.group(2).lower() in data["nouns"]:
        name = _described(context, first.group(2).lower(), text)
        if name is None and first.group(2).lower() in data["any_person_nouns"]:
            persons = _persons(context)
            name = persons[-1][1] if persons else None
        if name:
            return name + text[first.end() :]
    return text
