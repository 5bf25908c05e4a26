"""Phrase helpers: the date phrase's own words (its preposition, focus particles, a
coordinated date), and the noun phrase a date modifies."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...temporal.lexicon import get_lexicon
from ..rules_file import events_rules
from .rules import Rules, alternation, get_rules
from .tidy import OPENING_QUOTES
from .words import DETERMINERS, clause_rest, has_verb, last_match, starts_with_verb

POSSESSIVE = re.compile(r"^['’]s\s+")


def drop_preposition(text: str, rules: Rules) -> str:
    """``text`` (the words before a date) without the date's preposition and focus particle:
    "took effect only on" -> "took effect", '"By' -> '"'."""
    lowered = text.lower()
    for word in rules.date_prepositions:
        if lowered == word or (lowered.endswith(word)
                               and lowered[-len(word) - 1] in _BEFORE_PREPOSITION):
            text = text[: len(text) - len(word)].rstrip()
            break
    focus = rules.focus_before.search(text)
    if focus and text[: focus.start()].split()[-1:] not in ([d] for d in DETERMINERS):
        text = text[: focus.start()].rstrip()  # not "the only Monday"
    return text


# What may stand before a date's preposition: a space, a bracket, an opening quote.
_BEFORE_PREPOSITION = " ([\"“‘'"


def sentence_start(before: str, rules: Rules) -> bool:
    """Nothing but discourse openers ("But", "And") or an opening quote before the phrase."""
    return not rules.openers.sub("", before.strip().lstrip(OPENING_QUOTES) + " ").strip()


# Words that belong to a date the engine tags without them: "on Wednesday local time",
# "said on Monday last", "on Christmas night", "in mid-to-late March", "in the first ten days
# of April". They go out of the headline with it.
_DATE_WORDS_AFTER = re.compile(r"\s+(?:local\s+time|last|night|morning|evening|afternoon)\b",
                               re.IGNORECASE)


_DATE_WORDS_BEFORE = re.compile(
    r"(?:\b(?:early|mid|late)-to-|\b(?:the\s+)?(?:first|last|final|opening|closing)\s+"
    r"(?:\w+\s+)?(?:days|weeks)\s+of\s+)$", re.IGNORECASE)


def with_date_words(sentence: str, start: int, end: int, rules: Rules) -> tuple[int, int]:
    after = _DATE_WORDS_AFTER.match(sentence, end)
    if after:
        end = after.end()
    focus = rules.focus_after.match(sentence, end)
    if focus:  # "On Sunday alone, 412 people arrived": "alone" would be left alone
        end = focus.end()
    before = _DATE_WORDS_BEFORE.search(sentence, max(0, start - 40), start)
    if before:
        start = before.start()
    return start, end


def with_coordinated_dates(sentence: str, start: int, end: int,
                            others: Sequence[tuple[int, int]], rules: Rules) -> tuple[int, int]:
    """"cancelled on Friday and Saturday": the two dates go out of the headline together
    (each has its entry; "cancelled and Saturday" says nothing); so do "as early as December
    and as late as March" and "the first quarter of this year"."""
    for o_start, o_end in sorted(others):
        if o_start >= end and rules.date_and.fullmatch(sentence, end, o_start):
            end = o_end
        elif o_end <= start and rules.date_and.fullmatch(sentence, o_end, start):
            start = o_start
    return start, end


_DAY_SHIFT = re.compile(r"(?:(?:the|a)\s+)?day\s+(?:before|after)\s", re.IGNORECASE)


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def shifted_anchor(sentence: str, start: int, end: int, rules: Rules) -> tuple[int, int]:
    """In "The day before last Tuesday's court hearing, Manuel went to ..." the hearing only
    anchors the date (a day is counted from it); it is not what happened that day. The date
    phrase then runs from "The" to the end of the anchor's noun phrase, so the headline is
    the clause it frames."""
    if not _DAY_SHIFT.match(sentence, start):
        return start, end
    lead = _THE_BEFORE.search(sentence, max(0, start - 4), start)
    start = lead.start() if lead else start
    possessive = POSSESSIVE.match(sentence[end:])
    if possessive:
        rest = sentence[end + possessive.end() :]
        end += possessive.end() + len(rules.noun_phrase_end.split(rest, maxsplit=1)[0])
    return start, end


_ARTICLE_END = re.compile(r"\b(?:the|a|an)\s*$", re.IGNORECASE)


_RELATIVE_AFTER = re.compile(r",?\s+(?:which|that)\s+")


def dated_noun_phrase(before: str, after: str, possessive, rules: Rules,
                       short_ok: bool = False, stops: Sequence[int] = ()) -> str | None:
    """The noun phrase a mid-sentence date modifies, when the date is attributive: in
    "agents charged in the Dec. 21, 1988, bombing of a Pan Am jet" or "cooperation in
    probing last Friday's bombings of U.S. embassies" the date dates the bombing, not the
    charging or the probing, so the headline is the bombing. At the start of a sentence
    (or after a frame ending in a comma) the phrase is the subject and the sentence stays,
    also behind its article ("The 1914-18 war redrew the border"). ``stops``: where in
    ``after`` other dates start; one ends the noun phrase ("the Memorial Day holiday on
    Monday" is the holiday)."""
    bare = _ARTICLE_END.sub("", before)
    if sentence_start(bare, rules) or bare.rstrip().endswith(","):
        return None
    if possessive:
        rest, article = after[possessive.end() :], "the"  # the date stood for "the"
    elif found := _ARTICLE_END.search(before):
        rest, article = after.lstrip(" ,"), found.group(0).strip().lower()
    else:
        return None
    if not re.match(r"[a-z]", rest) or rules.noun_phrase_end.match(rest):
        return None  # "the Aug. 7 of ...", "Friday's in ...": not a noun after the date
    phrase = rules.noun_phrase_end.split(rest, maxsplit=1)[0]
    shift = len(after) - len(rest)
    ends = [stop - shift for stop in stops if 0 < stop - shift < len(phrase)]
    ends += [found.start() for found in rules.date_adjunct.finditer(phrase)]
    if ends:
        phrase = drop_preposition(phrase[: min(ends)].rstrip(), rules)
    phrase = re.sub(r"\s+(?:and|or|but)\s*$", "", phrase)  # "in Kenya and (because ...)"
    relative = _RELATIVE_AFTER.match(rest[len(phrase) :])
    if relative and has_verb(rest[len(phrase) + relative.end() :][:60]):
        # "after the Feb. 3 wreck, which forced 2,000 people from their homes": what the
        # wreck did is its headline
        clause = clause_rest(rest[len(phrase) + relative.end() :])
        return f"the {phrase} {clause}"
    if len(phrase.split()) < 3:
        # "Friday's vote": too little to stand alone, the sentence says more; unless the
        # sentence is about another date and the noun is a happening it is counted from
        # ("testified on March 9, a month after the Feb. 3 wreck"): then "the wreck" is the
        # Feb. 3 entry, not the testimony ("With Thursday's releases, 24 hostages have been
        # freed since Friday" is no such count: "The releases" would say nothing)
        anchor = re.search(rf"(?:^|\s)(?:{alternation(rules.anchor_prepositions)})$",
                           bare.rstrip(), re.IGNORECASE)
        return f"the {phrase}" if short_ok and phrase and anchor else None
    return _with_article(article, phrase)


def _with_article(article: str, phrase: str) -> str:
    """``phrase`` behind the article its date stood behind, "a" or "an" as its first word
    needs ("an Aug. 10 stock purchase agreement" -> "a stock purchase agreement"); none
    before a preposition ("the weeks before the shooting" -> "before the shooting")."""
    first = phrase.split(maxsplit=1)[0].lower()
    if first in get_lexicon().sets.prepositions or first in get_rules().date_prepositions:
        return phrase
    if article in ("a", "an"):
        article = "an" if first[:1] in "aeiou" else "a"
    return f"{article} {phrase}"


def with_the(noun_phrase: str) -> str:
    """``noun_phrase`` after a possessive date that was its determiner ("Friday's vote"),
    which "the" now stands for: "in the vote", not "in vote" (unless the "'s" was "is":
    "Monday's the day")."""
    first = noun_phrase.split(maxsplit=1)[:1]
    if first and first[0].lower() in DETERMINERS:
        return noun_phrase
    return f"the {noun_phrase}"


_ARTICLE = re.compile(r"\b(?:the|an?)\s", re.IGNORECASE)


def described_noun(before: str, after: str) -> str | None:
    """A date between a noun phrase and the relative clause that describes it dates that
    noun: "arrested in connection with the bombings of U.S. embassies last year that killed
    224 people" -> "the bombings of U.S. embassies that killed 224 people"."""
    relative = re.match(r"\s*(?:that|which)\s+", after)
    if not relative or not starts_with_verb(after[relative.end() :]):
        return None  # "told reporters last week that the plan failed": a complement
    the = last_match(_ARTICLE, before)
    if the is None or re.search(r"[,;:]", before[the.start() :]):
        return None
    # "a drought in 2022 that left ...": the preposition goes with the date
    noun = drop_preposition(before[the.start() :].rstrip(), get_rules())
    if len(noun.split()) < 3:
        return None
    clause = clause_rest(after)
    return f"{noun} {clause}"


# "A ceasefire proposed by Turkey [last autumn] was rejected ...": a noun phrase, a past
# participle and its agent, then the date, then the main clause's verb.
_REDUCED = re.compile(
    r"(?:^|[\s,;:(])(?P<np>(?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+"
    r"(?P<part>[a-z]+ed|[a-z]+en|made|held|led|built|brought|sent|won)\s+by\s+"
    r"(?P<agent>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*(?:\b(?:in|on|at)\s*)?$"
)


_MAIN_VERB_AFTER = re.compile(r"\s*,?\s*(?:was|were|is|are|has|have|had|will|would|[a-z]+ed)\b")


def reduced_relative(before: str, after: str) -> str | None:
    """The noun a date dates through a participle ("A ceasefire proposed by Turkey last
    autumn was rejected by Moscow on 3 December": last autumn is when Turkey proposed it),
    when the main clause's verb follows the date."""
    found = _REDUCED.search(before)
    if not found or not _MAIN_VERB_AFTER.match(after):
        return None
    return f"{found['np']} {found['part']} by {found['agent']}"


def is_subject(before: str, after: str, rules: Rules) -> bool:
    """Is the date phrase the subject of a verb ("as Easter week began", "Monday marked
    the anniversary")? Then removing it would leave "as began"."""
    start = sentence_start(before, rules)
    word_before = re.findall(r"[\w']+", before.lower())[-1:]
    after_subordinator = bool(word_before) and word_before[0] in rules.subject_date_after
    if not (start or after_subordinator):
        return False
    following = re.match(r"\s+([a-z]+)\b", after)
    return bool(following) and following.group(1) in rules.subject_verbs


def date_is_complement(head: str, tail: str, rules: Rules) -> bool:
    """Is the date what a copula before it says ("The last time ... was in 2011", "the
    meeting is on Monday, and ..."), its clause ending with it? Then it stays."""
    words = drop_preposition(head, rules).split()
    if not words:
        return False
    verb = words[-1].lower()
    if verb not in rules.complement_verbs:
        return False
    following = re.match(r"\s*([\w'’]+)", tail)
    return not following or following.group(1).lower() in rules.clause_openers


def trailing_name(words: list[str]) -> int:
    """How many words end ``words`` as a name after a lower-case word that is no determiner,
    with a preposition before it ("to recall Parliament" -> 1, "by the National Council of
    Churches" -> 5; "the European Parliament", "grid operator Ukrenergo" -> 0: one noun
    phrase); a noun between a determiner and the name is its title ("the carrier Dwight D.
    Eisenhower" -> 4)."""
    n = 0
    while n < len(words) and (words[-1 - n][:1].isupper() or (
            words[-1 - n].lower() in _NAME_JOINERS and n and n + 1 < len(words)
            and words[-2 - n][:1].isupper())):
        n += 1
    if not n or n == len(words):
        return 0
    before = words[-1 - n]
    if not before[:1].islower() or before.lower() in DETERMINERS:
        return 0
    prepositions = get_lexicon().sets.prepositions
    if not any(w.lower() in prepositions for w in words[: len(words) - n]):
        return 0
    if n + 1 < len(words) and words[-2 - n].lower() in DETERMINERS:
        return n + 2
    return n


_NAME_JOINERS = frozenset(events_rules()["name_joiners"])
