"""What a report tells: the kind of happening, who is in it, its figures; and which dated
sentences tell no happening at all.

Rules, not a parser (no English parser model is available): a report's kind is the heaviest
kind (``data/happenings.yaml``) among the lemmas of its words, its actors the names before
its main verb, its figures the tolls and counts it gives. The lemma of a word comes from a
few English suffix rules and a table of irregular verbs, checked against the kinds' word
lists only: a word is never lemmatized into something the lists do not name. (lemminflect
would lemmatize any word, but loading its tables costs more than a cached ``extract``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..ruledata import expect_keys, rule_data
from ..temporal.lexicon import get_lexicon

if TYPE_CHECKING:
    from .extract import Event

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A clause right after the date that tells what happened then: "the attack on April 15,
# 2013, when two bombs near the finish line killed three people".
_WHEN_CLAUSE = re.compile(r",\s+when\s+\w+")
# The date's own clause opened by ", when" ("in 1991, when floods swept through Ormoc on").
_IN_WHEN_CLAUSE = re.compile(r",\s+when\s+([^,;]*)$")
# A date counted forward from the story ("two days later", "soon afterwards").
_TOLD_NEXT = re.compile(r"(?i)\b(?:later|afterwards)$")
# A name: capitalized words, joined by "of", "and", "for", "the" ("Immigration and
# Naturalization Service").
_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|the|and)\s+)*[A-Z][\w'’.-]*)*")


@dataclass(frozen=True)
class Kind:
    name: str
    weight: float


COLOUR = "colour"


@dataclass(frozen=True)
class _Rules:
    photo_words: re.Pattern[str]
    not_entry: re.Pattern[str]
    debris: re.Pattern[str]
    min_words: int
    lead_note: str
    passing_days: int
    lead_min_words: int
    passing_window: int
    date_prepositions: frozenset[str]
    modified_nouns: frozenset[str]
    opinion: re.Pattern[str]
    kinds: dict[str, Kind]
    word_kind: dict[str, str]  # lemma -> kind name
    colour_weight: float
    suffixes: tuple[str, ...]
    irregular: dict[str, str]
    same_kind_similarity: float
    other_kinds_similarity: float
    date_kind_window: int
    coarser_similarity: float
    dominant_share: float
    reported_days: int
    not_names: frozenset[str]
    figure: re.Pattern[str]
    figure_days: int
    figure_words: int
    referring: frozenset[str]
    relative: frozenset[str]
    saying: frozenset[str]


@cache
def rules() -> _Rules:
    data = rule_data("events", "happenings.yaml")
    where = "generator/events/data/happenings.yaml"
    expect_keys(data, ("not_entries", "lead", "kinds", "referring", "inflection", "merge",
                       "salience", "reactions"), where)
    ne = data["not_entries"]
    expect_keys(ne, ("photo_words", "patterns", "debris", "min_words"), f"{where} not_entries")
    expect_keys(data["lead"], ("opinion_labels", "note", "passing_days", "passing_window",
                                "date_prepositions", "modified_nouns", "min_words"),
                f"{where} lead")
    kinds: dict[str, Kind] = {}
    word_kind: dict[str, str] = {}
    colour_weight = 0.5
    for name, spec in data["kinds"].items():
        if name == "colour_weight":
            colour_weight = float(spec)
            continue
        expect_keys(spec, ("weight", "words"), f"{where} kinds.{name}")
        kinds[name] = Kind(name, float(spec["weight"]))
        for word in spec["words"]:
            word_kind.setdefault(word.lower(), name)
    merge = data["merge"]
    expect_keys(merge, ("same_kind_similarity", "other_kinds_similarity", "date_kind_window",
                        "coarser_similarity", "dominant_share", "reported_days",
                        "not_names", "figure", "figure_days",
                        "figure_words"), f"{where} merge")
    photo = "|".join(re.escape(w) for w in sorted(ne["photo_words"], key=len, reverse=True))
    return _Rules(
        photo_words=re.compile(rf"(?i)(?<![\w-])(?:{photo})(?![\w-])"),
        not_entry=re.compile("|".join(f"(?:{p})" for p in ne["patterns"]), re.IGNORECASE),
        debris=re.compile("|".join(f"(?:{p})" for p in ne["debris"])),
        min_words=int(ne["min_words"]),
        lead_note=" ".join(str(data["lead"]["note"]).split()),
        passing_days=int(data["lead"]["passing_days"]),
        lead_min_words=int(data["lead"]["min_words"]),
        passing_window=int(data["lead"]["passing_window"]),
        date_prepositions=frozenset(data["lead"]["date_prepositions"]),
        modified_nouns=frozenset(data["lead"]["modified_nouns"]),
        opinion=re.compile(r"(?i)^\W*(?:{})\b".format("|".join(
            re.escape(w) for w in data["lead"]["opinion_labels"]))),
        kinds=kinds,
        word_kind=word_kind,
        colour_weight=colour_weight,
        suffixes=tuple(sorted(data["inflection"]["suffixes"], key=len, reverse=True)),
        irregular={k.lower(): v.lower() for k, v in data["inflection"]["irregular"].items()},
        same_kind_similarity=float(merge["same_kind_similarity"]),
        other_kinds_similarity=float(merge["other_kinds_similarity"]),
        date_kind_window=int(merge["date_kind_window"]),
        coarser_similarity=float(merge["coarser_similarity"]),
        dominant_share=float(merge["dominant_share"]),
        reported_days=int(merge["reported_days"]),
        not_names=frozenset(merge["not_names"]),
        figure=re.compile(merge["figure"]),
        figure_days=int(merge["figure_days"]),
        figure_words=int(merge["figure_words"]),
        referring=frozenset(w.lower() for w in data["referring"]["determiners"]),
        relative=frozenset(w.lower() for w in data["referring"]["relatives"]),
        saying=frozenset(w.lower() for w in data["referring"]["saying"]),
    )


@cache
def lemma_kind(word: str) -> str | None:
    """The kind a word names ("exploded" -> attack, "arrests" -> arrest), or None."""
    r = rules()
    word = word.lower().strip("'’-")
    for candidate in _lemmas(word, r):
        if candidate in r.word_kind:
            return r.word_kind[candidate]
    return None


def lemmas(word: str) -> list[str]:
    """The word (lower-cased) and its lemma candidates ("condemned" -> condemn, ...)."""
    return _lemmas(word.lower(), rules())


def _lemmas(word: str, r: _Rules) -> list[str]:
    found = [word]
    if word in r.irregular:
        found.append(r.irregular[word])
    for suffix in r.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: -len(suffix)]
            if suffix in ("ied", "ies"):
                found.append(stem + "y")
                continue
            found += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                found.append(stem[:-1])  # "stopped" -> "stop"
    return found


def kind_of(text: str) -> Kind:
    """The heaviest kind any word of ``text`` names; colour when none does."""
    r = rules()
    best: Kind | None = None
    for word in _WORD.findall(text):
        name = lemma_kind(word)
        if name and (best is None or r.kinds[name].weight > best.weight):
            best = r.kinds[name]
    return best or Kind(COLOUR, r.colour_weight)


def main_kind(text: str) -> Kind:
    """The kind of the first inflected word of ``text`` that names one ("arrested", "bombs",
    "ruling": the main verb of a plain news sentence comes before its clauses, and a bare
    noun is more often a modifier: "a man whose house was a bomb factory was arrested"),
    else of its first word that names one; colour when none does. A saying followed by
    "that" tells what was said ("officials said that visas were approved": official)."""
    r = rules()
    first = None
    words = _WORD.findall(text)
    for at, word in enumerate(words):
        name = lemma_kind(word)
        if not name:
            continue
        if name == "statement" and at + 1 < len(words) and words[at + 1].lower() == "that":
            continue  # "officials said that visas were approved": what was said happened
        if word.lower() not in r.word_kind or word.lower().endswith(("ing", "ed")):
            return r.kinds[name]
        first = first or name
    if first:
        return r.kinds[first]
    said = [lemma_kind(w) for w in words]
    return r.kinds["statement"] if "statement" in said else Kind(COLOUR, r.colour_weight)


def told_kind(text: str) -> Kind:
    """The kind of happening ``text`` itself tells, for ranking: as ``main_kind``, but a kind
    word after a determiner names a happening the sentence refers to, not the one it tells
    ("The bombings at the American Embassies have frightened away travelers": colour, not an
    attack; "The bomb was so powerful that it shook furniture": colour). "Two bombs
    exploded" and "the bombings killed 259 people" still tell an attack by their verbs."""
    r = rules()
    words = _WORD.findall(text)
    kept = [w for at, w in enumerate(words) if not _referred_to(words, at, r)]
    told = main_kind(" ".join(kept))
    saying = [at for at, w in enumerate(kept)
              if not w.lower().endswith("ing") and set(_lemmas(w.lower(), r)) & r.saying]
    if told.name == "statement" and saying:
        reported = [k for w in kept[saying[0] + 1:] if _past_verb(w, r)
                    and (k := lemma_kind(w)) and k != "statement"]
        if reported:  # "police said the FBI arrested Mohamed": what was said happened
            return r.kinds[reported[0]]
    return told


def report_kind(sentence: str, phrase: str) -> Kind:
    """The kind of the happening a dated report tells, for ranking: the date's own
    happening when the date owns it ("Cuba condemned the handling of Wednesday's meeting
    between Elian and his grandmothers": the entry is the meeting's), else ``told_kind``."""
    at = sentence.find(phrase) if phrase else -1
    rest = sentence[at + len(phrase):] if at >= 0 else ""
    if rest.startswith(("'s", "’s")):
        owned = [k for k in (lemma_kind(w) for w in _WORD.findall(rest[2:])[:3]) if k]
        if owned:
            return rules().kinds[owned[0]]
    return told_kind(sentence)


def _referred_to(words: list[str], at: int, r: _Rules) -> bool:
    """A kind word right after a relative pronoun, or one that is no verb in the past with a
    determiner or a possessive at most three words before it ("the deadly embassy bombings",
    "Elian's return")."""
    word = words[at]
    if not lemma_kind(word):
        return False
    if at and words[at - 1].lower() in r.relative:
        return True
    if word.lower().endswith("ed") or word.lower() in r.irregular:
        return False
    return any(w.lower() in r.referring or w.endswith(("'s", "’s"))
               for w in words[max(at - 3, 0):at])


def next_to_saying(sentence: str, phrase: str) -> bool:
    """The date phrase stands right after or before a verb of saying ("police said today",
    "reported today that", "said Friday")."""
    at = sentence.find(phrase)
    if at < 0:
        return False
    r = rules()
    before = _WORD.findall(sentence[:at])[-1:]
    after = _WORD.findall(sentence[at + len(phrase):])[:1]
    return any(set(_lemmas(w.lower(), r)) & r.saying for w in before + after)


def dated_kind(sentence: str, phrase: str) -> Kind | None:
    """The kind of the nearest kind word before the date phrase (else after it), at most
    ``date_kind_window`` words from it: what the date is attached to ("Iran Saturday
    condemned the bombing ... Friday": Saturday's is a statement, Friday's an attack); None
    when none is that near."""
    at = sentence.find(phrase) if phrase else -1
    if at < 0:
        return None
    r = rules()
    before = _WORD.findall(sentence[:at])[-r.date_kind_window:]
    after = _WORD.findall(sentence[at + len(phrase):])[: r.date_kind_window]
    # a date follows what it dates ("condemned the attacks in Kenya Friday"); a date before
    # its verb opens the sentence ("On April 20, the bank announced")
    for word in [*reversed(before), *after]:
        name = lemma_kind(word)
        if name:
            return r.kinds[name]
    return None


def names(text: str) -> list[str]:
    """The names in ``text`` (capitalized words not opening a sentence's grammar), and the
    initials of each name of several words."""
    r = rules()
    found = []
    for match in _NAME.finditer(text):
        words = [w.strip(".,'’") for w in match.group(0).split()]
        words = [w for w in words if w and w not in r.not_names and w.lower() not in
                 ("of", "for", "the", "and")]
        found += words
        if len(words) >= 2:  # "Immigration and Naturalization Service" is also "INS"
            found.append("".join(w[0] for w in words if w[0].isupper()))
    return found


def actors(text: str) -> frozenset[str]:
    """The names before the first word that names a kind of happening: who acted (as
    written: a capitalized first word may be no name, see ``proper_words``)."""
    first = None
    for match in _WORD.finditer(text):
        if lemma_kind(match.group(0)):
            first = match.start()
            break
    if first is None:
        return frozenset()
    return frozenset(names(text[:first]))


def subject(text: str, stopwords: frozenset[str], phrase: str = "") -> frozenset[str]:
    """The common nouns of who acted when no name says it: the content words between the
    last comma and the first kind word, when that is a verb in the past ("On April 20, 2000,
    the central bank announced" -> central, bank), numbers and the words of ``stopwords``
    left out; empty when a name stands there (``actors`` compares those), the kind word is a
    noun ("the suspected car bombings": no actor) or none is found. The date ``phrase``
    is no part of it ("The central bank on April 20 announced ...")."""
    if phrase:
        text = text.replace(phrase, " ")
    r = rules()
    first = None
    for match in _WORD.finditer(text):
        if lemma_kind(match.group(0)):
            if not _past_verb(match.group(0), r):
                return frozenset()  # "The suspected car bombings occurred": no verb, no actor
            first = match.start()
            break
    if first is None:
        return frozenset()
    before = text[:first].rsplit(",", 1)[-1]
    words = _WORD.findall(before)
    if any(w[0].isupper() for w in words[1:]) or (words and words[0] not in r.not_names
                                                   and words[0][0].isupper()):
        return frozenset()
    return frozenset(w.lower() for w in words if w.lower() not in stopwords and len(w) > 2)


def proper_words(sentences: list[str]) -> frozenset[str]:
    """The words that are names (lower-cased): capitalized inside a sentence, or opening one
    and never written in lower case. "Terrorist bombings at ..." opens with a capital (the
    timeline writes "terrorist" too); "Iran Saturday condemned ..." opens with a name."""
    found: set[str] = set()
    openers: set[str] = set()
    lower = {w for s in sentences for w in _WORD.findall(s) if w[0].islower()}
    for sentence in sentences:
        for match in _NAME.finditer(sentence):
            words = [w.strip(".,'’").lower() for w in match.group(0).split()]
            if not sentence[: match.start()].strip(" \"'“‘`("):
                openers.add(words[0])  # "President Bill Clinton ...": Bill, Clinton are names
                words = words[1:]
            found.update(words)
    return frozenset(found | {w for w in openers if w not in lower})


def has_figure(text: str) -> bool:
    return bool(rules().figure.search(text))


def dated_figure(event: Event) -> bool:
    """The report gives a toll or count of its dated happening: published at most
    ``figure_days`` after it, the figure at most ``figure_words`` words from the date."""
    r = rules()
    if (event.source.date - event.end).days > r.figure_days or not event.phrase:
        return False
    at = event.sentence.find(event.phrase)
    if at < 0:
        return False
    end = at + len(event.phrase)
    for match in r.figure.finditer(event.sentence):
        between = (event.sentence[end:match.start()] if match.start() >= end
                   else event.sentence[match.end():at])
        if len(between.split()) <= r.figure_words:
            return True
    return False


def tells_nothing(event: Event) -> bool:
    """A dated sentence that tells no happening (see ``not_entries`` in the data)."""
    r = rules()
    text = r.debris.sub(" ", event.sentence)  # wire markup left in the text ("&QL;")
    told = text.replace(event.phrase, " ") if event.phrase else text
    if len(_WORD.findall(told)) < r.min_words:  # "Until this week.": no happening told
        return True
    if "caption" in event.flags and r.photo_words.search(text):
        return True
    return bool(r.not_entry.search(text))


def told_in_passing(event: Event) -> bool:
    """The date belongs to an earlier happening the sentence only names, not to what it
    tells: "Another man has been arrested in connection with the bombings ... last year"
    (an arrest today; the bombings' year). The date ends more than ``passing_days`` before
    publication, the sentence's main kind says what happened, and the kind word nearest
    before the date is a noun of another kind (a verb in the past dates its own clause)."""
    r = rules()
    if _plan_of_another(event, r):
        return True
    if (event.source.date - event.end).days <= r.passing_days or not event.phrase:
        return False
    if _TOLD_NEXT.search(event.phrase):
        return False  # "A ceasefire was agreed on 28 October, and troops began to leave the
        # capital two days later": a count forward tells what happened next, no noun's date
    main = main_kind(event.sentence)
    if main.name in ("statement", COLOUR):
        return False
    at = event.sentence.find(event.phrase)
    if at < 0:
        return False
    rest = event.sentence[at + len(event.phrase):]
    if _WHEN_CLAUSE.match(rest):
        return False  # "for the attack on April 15, 2013, when two bombs killed three": told
    when = _IN_WHEN_CLAUSE.search(event.sentence[:at])
    if when and any(_past_verb(w, r) for w in _WORD.findall(when.group(1))):
        return False  # "killed 5,100 people in 1991, when floods swept through Ormoc on
        # November 5": the when-clause's verb tells its own happening on that day
    if rest.startswith(("'s", "’s")):  # "last year's deadly blasts": the date is the noun's
        after = _WORD.findall(rest[2:])[: r.passing_window]
        kinds = [k for k in (lemma_kind(w) for w in after) if k]
        return bool(kinds) and kinds[0] != main.name
    before = _WORD.findall(event.sentence[:at])[-r.passing_window:]
    verb = [w for w in before[-2:] if w.lower() not in r.date_prepositions][-1:]
    if verb and _past_verb(verb[0], r):
        return False  # "the first round, held on November 24, in which ...": the date is the
        # participle's, which tells when the round was held
    named = [(i, w, k) for i, (w, k) in enumerate((w, lemma_kind(w)) for w in before) if k]
    if not named:
        return False
    at_word, word, kind = named[-1]
    if before[at_word + 1 : at_word + 2] and before[at_word + 1].lower() in r.modified_nouns:
        return False  # "agreed a rescue package with the IMF on 20 August": a modifier
    if at_word and before[at_word - 1].lower() == "to":
        return False  # "ordered troops to shoot looters on sight the same day": a verb, no
        # earlier happening named
    if _past_verb(word, r):
        return False  # "Armenia signed a truce on Nov. 10": the date is the verb's
    return kind != main.name and [k for _, _, k in named].count(main.name) < len(named)


_DETERMINERS = ("the", "a", "an", "its", "his", "her", "their", "this", "that")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while)\s")


def _plan_of_another(event: Event, r: _Rules) -> bool:
    """A later date that belongs to a plan the sentence names in passing, not to what it
    tells: "Burton said he subpoenaed Elian to testify before the committee on Feb. 10" (a
    subpoena, told on Jan. 7; Feb. 10 is the hearing's). The date starts after publication,
    and between a kind word that is a verb in the past (the happening told) and the date
    stands "to" and a verb (the plan)."""
    if not event.phrase or event.start <= event.source.date:
        return False
    at = event.sentence.find(event.phrase)
    if at < 0:
        return False
    # (the date's own clause: "..., and Rajoy called a regional election for December 21"
    # is a plan of its own, whatever "to" an earlier clause held)
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(event.sentence, 0, at)), default=0)
    before = _WORD.findall(event.sentence[clause:at])
    past = [n for n, w in enumerate(before)
            if _past_verb(w, r) and lemma_kind(w) not in (None, "statement")
            and not (n and before[n - 1].lower() in _DETERMINERS)]  # "The dismissed leader"
    if not past:
        return False
    between = [w.lower() for w in before[past[0] + 1:]]
    if "to" not in between[:-1]:
        return False
    # "Schools, closed since the quake, had been due to reopen on May 15": a plan word before
    # the "to" makes the plan what the sentence tells
    lex = get_lexicon()
    plans = lex.sets.future | lex.sets.future_before_to
    return not any(w == "to" and n and between[n - 1] in plans for n, w in enumerate(between))


def _past_verb(word: str, r: _Rules) -> bool:
    word = word.lower()
    return word.endswith("ed") or r.irregular.get(word, word) != word


def is_opinion(title: str | None) -> bool:
    """An opinion piece ("EDITORIAL: ...", "COMMENTARY: ..."): its lead argues, it is no
    happening."""
    return bool(rules().opinion.match(title or ""))
