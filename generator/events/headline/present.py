"""Headlinese present tense: the main verb of a headline told in the present, as news desks
write chronologies ("Truck bombs explode outside U.S. embassies", "Albright announces a
reward", "Khalfan Khamis Mohamed is arrested", "More than 100 people are killed").

The verb forms come from lemminflect (an English lemmatiser and inflector with its own
word lists), through its table in ``verb_table``: "announced" -> "announce" ->
"announces", "fled" -> "flee" -> "flees".
Words inside a quotation keep the tense they were spoken in.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ...temporal.lexicon import get_lexicon
from ..rules_file import events_rules
from .verb_table import verbs

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# Forms of "be", "have" and "do" and their present: a short closed class of the grammar,
# not a guess at a word's suffix, so it is written out here.
_BE = {"was": ("is", "are"), "were": ("is", "are")}
_HAVE = {"has": "is", "have": "are"}
_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "should",
                     "shall", "is", "are", "am", "do", "does", "has", "have"})
# words that may stand between an auxiliary and its participle ("has already declared")
_ADVERBS = frozenset({"not", "also", "already", "just", "now", "still", "since", "reportedly",
                      "apparently", "allegedly", "finally", "again", "never", "officially",
                      "formally", "quickly", "immediately", "first", "initially",
                      "previously", "recently", "later", "then", "only", "all", "both",
                      "jointly", "unanimously", "strongly", "publicly", "once", "ever",
                      "largely", "mostly", "partly", "reluctantly", "abruptly", "briefly",
                      "suddenly", "effectively", "even", "further", "widely"})


def _data() -> dict:
    return events_rules()["headline"]["present"]


@cache
def _not_verbs() -> frozenset[str]:
    return frozenset(_data()["not_verbs"])


# The word-form predicates below are pure functions of one word, asked for the same words
# many times a sentence (every fitting step reads the line again): each is remembered.
_WORD_CACHE = 1 << 14


@cache
def _lemmas(word: str) -> tuple[str, ...]:
    return verbs().lemmas_of(word)


@cache
def _forms(lemma: str, tag: str) -> tuple[str, ...]:
    return verbs().forms(lemma, tag)


@lru_cache(maxsize=_WORD_CACHE)
def past_lemma(word: str) -> str | None:
    """The verb ``word`` is the simple past of ("announced" -> "announce"), if it is one."""
    low = word.lower()
    if low in _not_verbs():
        return None
    for lemma in _lemmas(low):
        if low in _forms(lemma, "VBD") and lemma != "be":
            return lemma
    return None


@lru_cache(maxsize=_WORD_CACHE)
def participle_lemma(word: str) -> str | None:
    """The verb ``word`` is the past participle of ("killed" -> "kill", "risen" -> "rise")."""
    low = word.lower()
    for lemma in _lemmas(low):
        if low in _forms(lemma, "VBN"):
            return lemma
    return None


@lru_cache(maxsize=_WORD_CACHE)
def is_present_form(word: str) -> bool:
    """A third-person present ("says", "explodes"): the bare verb with -s, as lemminflect
    inflects it."""
    low = word.lower()
    return any(low in _forms(lemma, "VBZ") for lemma in _lemmas(low)) and low.endswith("s")


@lru_cache(maxsize=_WORD_CACHE)
def is_base_form(word: str) -> bool:
    """A verb's bare form ("rally", "perish") that is no other word's form too."""
    low = word.lower()
    return low in _lemmas(low) and low not in _not_verbs()


def noun_after_adjective(word: str, prev: str) -> bool:
    """Is ``word`` ("attacks", "talks") a plural noun after an adjective ("simultaneous
    attacks", "bilateral talks"), not a verb? Read from the adjective's ending."""
    return word in verbs().plurals and prev.endswith(_ADJECTIVE_ENDINGS)


_ADJECTIVE_ENDINGS = ("ous", "al", "ic", "ive", "ful", "less", "ern", "ian", "ese", "ish",
                      "ary", "ent", "ant", "ed", "ing", "ible", "able", "est", "er")


def present_of(lemma: str, plural: bool) -> str:
    forms = _forms(lemma, "VBP" if plural else "VBZ")
    return forms[0] if forms else lemma


_QUOTE_MARK = re.compile('[“”"]')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The places of the quotations in ``text`` (straight or curly double quotes)."""
    spans, open_at = [], None
    for mark in _QUOTE_MARK.finditer(text):  # the marks alone, not every character
        i, ch = mark.start(), mark.group()
        if ch == "“" or (ch == '"' and open_at is None):
            open_at = i if open_at is None else open_at
        elif ch in "”\"" and open_at is not None:
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def _words(text: str) -> list[re.Match[str]]:
    quotes = quoted_spans(text)
    return [m for m in _WORD.finditer(text)
            if not any(a <= m.start() < b for a, b in quotes)]


def plural_subject(subject: str) -> bool:
    """Does ``subject`` take a plural verb? "Kenya and Tanzania", "Tanzanian police", "At
    least 82", "Two bombs", "Americans" do; "The United States", "Albright", "the toll" do
    not."""
    data = _data()
    last = _WORD.findall(subject)[-1:]
    if last and last[0].lower() in ("they", "we", "you", "i"):
        return True  # "defensive measures they adopted": the verb's subject is the pronoun
    if last and last[0].lower() in data["singular_pronouns"] and last[0].lower() != "that":
        return False
    subject = re.sub(r"\([^)]*\)", " ", subject)
    subject = re.sub(r",[^,]*,", " ", subject)  # an aside in the subject
    if "," in subject and " and " not in subject.rsplit(",", 1)[0]:
        subject = subject.rsplit(",", 1)[1]  # "Contrary to other reports, the FBI and ..."
    # the head is before the first preposition or participle ("A law named for him and
    # Sen. Jesse Helms", "The bombings in Kenya and Tanzania")
    all_words = _WORD.findall(subject)
    cut = next((k for k, w in enumerate(all_words) if k and w.islower() and (
        w in get_lexicon().sets.prepositions or w in ("who", "which", "that")
        or (w.endswith("ed") and participle_lemma(w) and k >= 2
            and all_words[k - 1].lower() not in data["determiners"]))),
        len(all_words))
    words = all_words[:cut] or all_words
    low_head = " ".join(words).lower()
    digits = re.findall(r"\d[\d,.]*", subject)
    if not words:
        return bool(digits)
    if any(name.lower() in low_head for name in data["singular_names"]):
        return False
    if words[-1] in data["bodies"]:
        return False  # "The U.S. Immigration and Naturalization Service"
    while len(words) > 1 and (words[-1].lower() in _ADVERBS or words[-1].endswith("ly")):
        words = words[:-1]  # "revenues reportedly"
    head = words[-1]
    if head.lower() in data["singular_pronouns"]:
        return False
    if head.lower() in data["plural_words"] or head.lower() in data["number_words"][:9] or (
            " and " in f" {low_head} "):
        return True
    if re.search(r"\d[\d,.]*\s*$", subject.split(" of ")[0]):
        return True  # "At least 82"
    if head.lower() in ("i", "you", "we", "they"):
        return True
    if head.endswith("s") and not head.endswith(("ss", "us", "is", "'s", "’s")):
        # a word the table does not know ("Iraqis") is read as lemminflect's out-of-vocabulary
        # lemmatiser reads it: a plural
        # (a capital only at the line's start is no name's: "Tens of thousands"; nor one
        # after a number or "the": "200 Americans", "the Soviets"; "Jay Stevens" is a name)
        before = words[-2].lower() if len(words) > 1 else ""
        common = head.islower() or len(words) == 1 or before in ("the", "many", "some") or (
            re.search(r"\d\s+" + re.escape(head), subject) is not None)
        return head.lower() in verbs().plurals or (
            common and head.lower() not in verbs().singular_s)
    return False


def present(text: str) -> str:
    """``text`` with its main verb in the present: "Albright announced a reward" ->
    "Albright announces a reward", "Mohamed was arrested" -> "Mohamed is arrested", "100
    people have been killed" -> "100 people are killed", "Iran has condemned" -> "Iran
    condemns"; a coordinated verb goes with it ("condemned ... and vowed" -> "condemns ...
    and vows"), and a past perfect the main verb reports becomes a simple past ("police
    said they had arrested" -> "police say they arrested"). Quoted words stay."""
    clauses = _second_clause(text)
    if clauses:
        return present(clauses[0]) + clauses[1] + present(clauses[2])
    words = _words(text)
    main = _main_verb(text, words)
    if main is None:
        return text
    i, kind = main
    edits: list[tuple[int, int, str]] = []
    word = words[i]
    low = word.group(0).lower()
    subject = text[: word.start()]
    if kind == "relative":
        # "The bombings of U.S. embassies that killed 224 people" -> "... kill 224 people"
        rel = words[i - 1]
        edits.append((rel.start(), word.start(), ""))
        subject = text[: rel.start()]
    plural = plural_subject(subject)
    if low in _BE:
        be = _BE[low][low == "were" or plural and low != "was"]
        edits.append((word.start(), word.end(), "am" if re.search(r"\bI\s*$", subject) else be))
    elif low in ("has", "have", "had"):
        nxt = _next_content(words, i)
        if nxt is not None and words[nxt].group(0).lower() == "been":
            be = "are" if low == "have" or (low == "had" and plural) else "is"
            edits.append((word.start(), words[nxt].end(), be))
        elif nxt is not None and (lemma := participle_lemma(words[nxt].group(0))):
            pl = low == "have" or (low == "had" and plural)
            if any(w.group(0).lower() == "not" for w in words[i + 1 : nxt]):
                # "had not signed" -> "has not signed" (not yet: "does not sign" would say
                # something else)
                edits.append((word.start(), word.end(), "have" if pl else "has"))
                return _apply(text, edits)
            edits.append((word.start(), words[i].end(), ""))
            edits.append((words[nxt].start(), words[nxt].end(), present_of(lemma, pl)))
        elif low == "had":
            edits.append((word.start(), word.end(), "have" if plural else "has"))
    elif low in ("did", "didn't"):
        edits.append((word.start(), word.end(),
                      ("do" if plural else "does") + ("n't" if low.endswith("n't") else "")))
    else:
        lemma = past_lemma(low)
        if lemma is None:
            return text
        edits.append((word.start(), word.end(), present_of(lemma, plural)))
        edits += _coordinated(text, words, i, plural)
    if low in _data()["reporting_verbs"] or (past_lemma(low) or "") in _data()["reporting_verbs"]:
        edits += _reported_perfect(words, i)
    return _apply(text, edits)


def _second_clause(text: str) -> tuple[str, str, str] | None:
    """``text`` as two clauses with subjects of their own, each told in the present: "The
    family refused, and federal agents took the child" -> ("The family refused", ", and ",
    "federal agents took the child"); None for one clause ("... killed 259, and injured")."""
    quotes = quoted_spans(text)
    for found in re.finditer(r",\s+(?:and|but)\s+|;\s+", text):
        tail = text[found.end() :]
        first = _WORD.match(tail)
        if any(a < found.start() < b for a, b in quotes) or first is None:
            continue
        if past_lemma(first.group(0)) or first.group(0).lower() in _MODALS or (
                first.group(0).lower() in _BE) or (is_present_form(first.group(0))
                                                   and first.group(0) not in verbs().plurals):
            return None  # its verb is the first clause's subject's
        tail_words = _words(tail)
        if _main_verb(tail, tail_words) is not None and _main_verb(
                text[: found.start()], _words(text[: found.start()])) is not None:
            return text[: found.start()], found.group(0), tail
    return None


def _next_content(words: list[re.Match[str]], i: int) -> int | None:
    j = i + 1
    while j < len(words) and words[j].group(0).lower() in _ADVERBS:
        j += 1
    return j if j < len(words) else None


def _main_verb(text: str, words: list[re.Match[str]]) -> tuple[int, str] | None:
    """The index of the headline's main verb and its kind ("verb", or "relative" for a noun
    phrase whose only verb is that of its relative clause), or None (already present, a
    modal, or no verb found). A subordinate clause that opens the line ("When asked ...,")
    is no main clause."""
    skip_to = 0
    if words and words[0].group(0).lower().replace("’", "'") in _data()["contractions"]:
        return None  # "That's largely because ...": its verb is present
    if words and words[0].group(0).lower() in _data()["subordinators"]:
        comma = text.find(", ")
        if comma < 0:
            return None
        skip_to = comma
    for i, m in enumerate(words):
        if i == 0 or m.start() < skip_to:
            continue
        low = m.group(0).lower()
        prev = words[i - 1].group(0).lower()
        between = text[words[i - 1].end() : m.start()]
        if low in _MODALS and m.group(0).islower():
            if low in ("has", "have"):
                return i, "verb"
            return None
        if low in _BE or low in ("had", "did", "didn't"):
            return _checked(words, i, prev)
        if m.group(0)[:1].isupper() or "," in between and prev not in ("and",) and not (
                _closes_aside(text, m.start())):
            continue
        if (prev in _data()["determiners"] and prev != "that") or prev in (
                "be", "been", "being", "to"):
            continue  # "the injured man" ("that killed 224": a relative clause's verb)
        if is_present_form(low) and not past_lemma(low):
            if noun_after_adjective(low, prev):
                # "A federal appeals court refused": a plural noun after an adjective is the
                # subject's (a modifier of "court"), no verb; the main verb is to come
                continue
            nxt = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
            if prev not in _data()["number_words"] and not past_lemma(nxt) and not (
                    re.search(r"\d\s*$", text[: m.start()])):
                return None  # "Iran condemns ...": already present ("Two bombs exploded": a noun)
            continue
        if past_lemma(low) is None:
            continue
        nxt = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
        if low in _lemmas(low) and (prev in _data()["determiners"] or (
                i >= 2 and words[i - 2].group(0).lower() in _data()["determiners"]
                and words[i - 1].group(0).islower())):
            continue  # "an apparent bid to": "bid" is a noun here, not the past of "bid"
        if nxt == "by":
            continue  # "A ceasefire proposed by Turkey": a participle in the subject
        if nxt in get_lexicon().sets.prepositions and prev.islower() and words[
                i - 1].group(0).islower() and any(
                (past_lemma(w.group(0)) or w.group(0).lower() in _BE) and w.group(0).islower()
                and ("," in text[words[k - 1].end() : w.start()]
                     or words[k - 1].group(0)[:1].isupper())
                for k, w in enumerate(words) if k > i + 1):
            # "A law named for him and Sen. Jesse Helms, R-N.C., strengthened": the participle
            # of a subject ("Elian played in the yard with a puppy named Dolphin": no such)
            continue
        return _checked(words, i, prev)
    return None


def _closes_aside(text: str, at: int) -> bool:
    """Does the comma before ``at`` close an aside after the subject ("Police in the Comoros
    archipelago, off the Tanzanian coast, raided two homes"): a phrase that opens with a
    lower-case word, after a subject with no verb of its own?"""
    found = re.search(r"^(?P<subject>[^,]+),\s(?P<aside>[a-z][^,]*),\s*$", text[:at])
    return bool(found) and not any(
        past_lemma(w) or w.lower() in _BE or is_present_form(w)
        for w in _WORD.findall(found.group("subject"))[1:] if w.islower())


def _checked(words: list[re.Match[str]], i: int, prev: str) -> tuple[int, str] | None:
    if prev in ("that", "which", "who") and i >= 2:
        if _finite_before(words, i - 1):
            return i, "verb"
        later = [k for k in range(i + 2, len(words)) if _finite(words, k)]
        # "A suspect who was returned from Pakistan had not admitted": the main verb is later
        return (later[0], "verb") if later else (i, "relative")
    return i, "verb"


def _finite(words: list[re.Match[str]], k: int) -> bool:
    low = words[k].group(0).lower()
    prev = words[k - 1].group(0).lower()
    if prev in ("and", "or", "but", "who", "which", "that") or not words[k].group(0).islower():
        return False
    return low in _BE or low in ("has", "have", "had") or (
        past_lemma(low) is not None and prev not in _data()["determiners"])


def _finite_before(words: list[re.Match[str]], stop: int) -> bool:
    return any(w.group(0).lower() in _BE or w.group(0).lower() in _MODALS
               or past_lemma(w.group(0)) for w in words[1:stop])


def _coordinated(text: str, words: list[re.Match[str]], i: int, plural: bool
                 ) -> list[tuple[int, int, str]]:
    """The verbs coordinated with the main verb ("condemned ... and vowed")."""
    edits = []
    for j in range(i + 1, len(words) - 1):
        if words[j].group(0) != "and":
            continue
        verb = words[j + 1]
        lemma = past_lemma(verb.group(0))
        if lemma and verb.group(0).islower():
            edits.append((verb.start(), verb.end(), present_of(lemma, plural)))
    return edits


def _reported_perfect(words: list[re.Match[str]], i: int) -> list[tuple[int, int, str]]:
    for j in range(i + 1, min(len(words) - 1, i + 6)):
        if words[j].group(0) == "had" and participle_lemma(words[j + 1].group(0)):
            lemma = participle_lemma(words[j + 1].group(0))
            if lemma == "be":
                # "Castro said she had been kidnapped" -> "Castro says she was kidnapped"
                plural = plural_subject(" ".join(w.group(0) for w in words[i + 1 : j]))
                return [(words[j].start(), words[j + 1].end(), "were" if plural else "was")]
            past = _forms(lemma, "VBD")
            return [(words[j].start(), words[j + 1].end(), past[0] if past else lemma)]
    return []


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        old = text[start:end]
        if old[:1].isupper() and new:
            new = new[:1].upper() + new[1:]
        text = text[:start] + new + text[end:]
    return " ".join(text.split()) if any(not new for *_, new in edits) else text
