"""The news desk's edit of a written headline: one present-tense line of a few words, the
way published chronologies print them ("Truck bombs explode outside U.S. embassies in
Nairobi and Dar es Salaam, killing 224").

The edit, in order: wire debris goes ("&QL;", "dlrs" -> "dollars"); an "According to X"
frame goes and the claim stays; a headline that would open with a quotation names its
speaker ('"...," Clinton said' -> 'Clinton says "..."') or is the quoted clause; a pronoun
or "the boy" that opens it takes the article's name; a long one is made short by whole
phrases (asides, appositions, a trailing participle phrase, an attribution, a frame, the
clauses after the first, trailing prepositional phrases), never cut mid-phrase; and its
main verb goes to the present (``present``). The first steps are in ``wire``, the test
that a shortening keeps a clause in ``verbs``. Data in ``data/events.yaml``
(``headline.desk``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ...temporal.lexicon import get_lexicon
from ..rules_file import events_rules
from . import frames
from .clauses import without_subject_relative
from .names import clean_name, left_out, named, named_inside
from .present import participle_lemma, past_lemma, present, quoted_spans
from .quotes import quote_clause, speaker_quote
from .time_words import without_time_words
from .verb_table import verbs
from .verbs import FINITE, has_finite_verb, starts_with_verb
from .wire import speaker_first, without_according_to, without_debris
from .words import words


@cache
def _data() -> dict:
    return events_rules()["headline"]["desk"]


def max_words() -> int:
    return int(_data()["max_words"])


def edit(text: str, context: str = "") -> str:
    """``text`` (a tidied headline) as the desk prints it; ``context``: the article before
    the sentence, where the names are."""
    text = without_debris(text)
    text = frames.mended(text)
    text = without_time_words(text)
    text = without_according_to(text)
    text = speaker_first(text)
    text = named(text, context)
    written = text
    text = fitted(text)
    context = f"{context} {left_out(written, text)}"  # "In efforts to prevent Elian's return"
    text = named(text, context)  # a pronoun the shortening brought to the front
    text = named_inside(text, context)
    text = frames.actor_of_colour(text)
    text = present(text)
    text = re.sub(r"\s*(?:…|\.\.\.)$", "", text).strip(" ,;:")  # no line ends cut off
    # "..., arriving" (its date gone with the strategy): a participle with nothing to say
    text = re.sub(r",\s+[a-z]+ing$", "", text)
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def printable(line: str) -> bool:
    """Would a desk print ``line``: a clause (a subject and a finite verb) that ends on no
    word needing what was cut ("... wants the appeals court", "... is expected")?
    "President Fidel Castro declares that it is just matter" would not."""
    return has_finite_verb(line) and not _DANGLING.search(line) and not _HOLE.search(line)


# What a cut date leaves in a line: "in the before the shooting", "Dog'''s car", "... compares"
_HOLE = re.compile(r"(?i)\b(?:the|a|an)\s+(?:the|a|an|before|after|in|of|on|at|to|for|by)\b"
                   r"|''|(?:^|\s)['’][sS]\b|\b(?:compares|compared)$")


# --- fitting --------------------------------------------------------------------------


def fitted(text: str) -> str:
    """``text`` in ``max_words`` words or fewer, shortened by whole phrases in the order
    that loses least; when nothing fits, the shortest whole clause with a subject and a
    verb (or the text as it is: a long headline, never one cut off)."""
    limit = max_words()
    if words(text) <= limit:
        return text
    need_verb = _has_clause(text)
    shortest = int(_data()["min_words"])
    for step in _STEPS:
        for _ in range(1 if step in _ONCE else 6):
            if words(text) <= limit:
                return text
            shorter = step(text)
            if shorter is None or shorter == text or words(shorter) < shortest or (
                    _SUBORDINATE.match(shorter) and not _SUBORDINATE.match(text)):
                break
            if need_verb and not _has_clause(shorter) or frames.cut_complement(text, shorter):
                break
            if _unbalanced(shorter) and not _unbalanced(text) or _DANGLING.search(
                    shorter) and not _DANGLING.search(text):
                break
            text = shorter
    if words(text) > limit:
        text = quote_clause(text, limit)
    if words(text) > limit:
        text = speaker_quote(text, limit)
    if words(text) > limit and (shorter := without_subject_relative(text)) and printable(shorter):
        text = shorter if words(shorter) <= limit else fitted(shorter)
    if words(text) > limit:
        text = _last_resort(text)
    if words(text) > limit:
        text = _last_resort(text, need_verb=False)
    if words(text) > limit:
        # no phrase boundary in reach at all (a run of names, a pasted table): the first words
        kept = list(re.finditer(r"\S+", text))
        counted = [m for m in kept if re.search(r"\w", m.group(0))]
        text = _closed(text[: counted[limit - 1].end()].rstrip(" ,;:-"))
    return text


_BOUNDARY_WORDS = frozenset({"and", "but", "or", "that", "which", "who", "when", "where",
                             "while", "because", "if", "as", "so", "to", "after",
                             "before", "since", "until", "saying", "including"})


def _last_resort(text: str, need_verb: bool = True) -> str:
    """A line no whole-phrase step made short: the words before the last phrase boundary
    (a comma, a preposition, a conjunction, a relative word) that leaves a subject and a
    verb, again until it fits; an open quotation is closed (its words stay as spoken)."""
    limit = max_words()
    prepositions = get_lexicon().sets.prepositions | _BOUNDARY_WORDS

    def clause(head: str) -> bool:
        return has_finite_verb(re.sub(r"[\"“”]", "", head)) or not need_verb

    need_verb = need_verb and has_finite_verb(re.sub(r"[\"“”]", "", text))
    while words(text) > limit:
        tokens = list(re.finditer(r"\S+", text))
        cut = None
        for token in reversed(tokens[4 : limit + 1]):
            head = text[: token.start()].rstrip()
            boundary = head.endswith((",", ";", ":")) or token.group(0).lower().strip(
                "\"“”") in prepositions and not head.endswith("ing")  # "rallies calling | for"
            if boundary and words(head) >= 4 and clause(head) and not _DANGLING.search(
                    head.rstrip(" ,;:")) and not frames.cut_complement(text, head):
                cut = _closed(_before_list(head.rstrip(" ,;:")))
                break
        if cut is None or cut == text:
            return text
        text = cut
    return text


# an item of a list: a few words without a verb between commas ("doctors", "a top official")
_LIST_ITEM = re.compile(r",\s+(?:[\w'’-]+\s){0,3}[\w'’-]+$")


def _before_list(head: str) -> str:
    """``head`` without the items of a list a cut would leave it in the middle of: "... with
    his current wife and their son, a top government official, doctors, nurses" -> "...
    with his current wife and their son" (a list told in part is no line)."""
    shorter = head
    while (found := _LIST_ITEM.search(shorter)) and not has_finite_verb(found.group(0)):
        shorter = shorter[: found.start()]
    items = head.count(",") - shorter.count(",")
    return shorter if items >= 2 and words(shorter) >= 4 and has_finite_verb(shorter) else head


def _closed(text: str) -> str:
    if text.count('"') % 2:
        return text.rstrip(" ,;:") + '"'
    if text.count("“") > text.count("”"):
        return text.rstrip(" ,;:") + "”"
    return text


_SUBORDINATE = re.compile(r"(?i)(?:ever\s+)?(?:if|when|while|although|though|because|as|since|"
                          r"before|after|once|unless|whether|until|whereas)\b")


# A shortening may not leave a line ending in a word that needs what followed it.
# "Borrell said", "... even", "... was so powerful", "... police were forced": a verb
# whose quotation or complement was cut, a focus word or degree word whose clause was.
_DANGLING = re.compile(r",\s[a-z]+ing$|\s(?:and|or|but|of|to|the|a|an|that|with|for|in|on|at|"
                       r"by|from|than|as|those|whose|its|their|his|her|is|are|was|were|be|been|leading|"
                       r"including|following|according|even|so\s+[a-z]+|forced|expected)$"
                       r"|^[^,]*\s(?:said|says|told)$")


def last_of(pattern: str, text: str) -> re.Match[str] | None:
    return max(re.finditer(pattern, text), key=lambda m: m.start(), default=None)


def _unbalanced(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”") or (
        text.count("(") != text.count(")"))


def _outside_quotes(text: str, at: int) -> bool:
    return not any(a < at < b for a, b in quoted_spans(text))


def _drop_brackets(text: str) -> str | None:
    """"700 kilometers (450 miles) from each other" -> "700 kilometers from each other"."""
    found = re.search(r"\s*\([^()]*\)", text)
    return text[: found.start()] + text[found.end() :] if found else None


def _drop_dash_aside(text: str) -> str | None:
    """"About 200 Americans -- nonessential staff and their families -- left Pakistan" ->
    "About 200 Americans left Pakistan"; a dash to the end goes too."""
    found = re.search(r"\s(?:-{2,}|—)\s[^—]*?\s(?:-{2,}|—)\s", text)
    if found and _outside_quotes(text, found.start()):
        return text[: found.start()] + " " + text[found.end() :]
    found = re.search(r"\s(?:--|—)\s.*$", text)
    if found and _outside_quotes(text, found.start()) and _has_clause(text[: found.start()]):
        return text[: found.start()]
    return None


def _drop_trailing_attribution(text: str) -> str | None:
    """"..., hospital officials and family members said" / "..., Bushnell told Kenya
    Television" / "..., said the ministry": the attribution goes, the claim stays."""
    found = re.search(rf",\s+(?:[^,;\"”]{{0,60}}?\s)?{_REPORTING}\b[^,;\"”]{{0,60}}$", text)
    if found and _outside_quotes(text, found.start()) and _has_clause(text[: found.start()]):
        return text[: found.start()]
    return None


_REPORTING = (r"(?:said|say|says|told|tells|added|adds|reported|reports|announced|stated|"
              r"noted|explained|confirmed|according|predicted|warned|insisted|argued|claimed|"
              r"charged|alleged|wrote|estimated|conceded|suggested|believed)")


def _drop_reporting_frame(text: str) -> str | None:
    """"Capt. Rod Beer said the FBI arrested Mohamed" -> "The FBI arrested Mohamed" (the
    claim, when the frame is what makes the line long)."""
    found = re.match(rf"^(?P<who>[^;\"“]{{2,80}}?)\s{_REPORTING}(?:\s+(?:on|in)\s+\w+)?"
                     r"(?:\s+that\s+|\s+(?=[A-Z]|(?:the|a|an|they|he|she|it)\s))", text)
    if not (found and _has_clause(text[found.end() :]) and words(text[found.end() :]) >= 4):
        return None
    if re.search(rf"\b{_REPORTING}\b", found.group("who")):
        return None
    rest = text[found.end() :]
    if re.match(r"(?:he|she|they|it|we|i)\s", rest, re.IGNORECASE):
        # "Castro said she had been kidnapped": whom the pronoun means, the frame tells
        return None
    # the reported future told without its frame: "Castro said Gonzalez would travel" ->
    # "Gonzalez will travel" (alone, "would" reads as a condition)
    rest = re.sub(r"^([^,;\"“]{1,60}?\s)would(?=\s(?:not\s)?[a-z])", r"\1will", rest, count=1)
    return rest[:1].upper() + rest[1:]


def _drop_leading_frame(text: str) -> str | None:
    """"In Cape Town, South Africa, police said ..." -> "Police said ..."; "Retaliating 13
    days after the bombings, U.S. forces launched ..." -> "U.S. forces launched ..."."""
    first = text.split(maxsplit=1)[0].lower() if text.split() else ""
    participle = first.endswith("ing") or (first.endswith("ed") and participle_lemma(first))
    if not text[:1].isupper() or not (first in _frame_words() or participle
                                      or _SUBORDINATE.match(first)):
        return None
    for comma in re.finditer(r",[\"”]?\s+(?=\S)", text[:200]):
        head, rest = text[: comma.end()].rstrip(), text[comma.end() :]
        if _unbalanced(head):
            continue  # the comma of a quotation inside the frame ('"an excellent girl,"')
        if re.match(r"[A-Z][^,;\"“]{0,30},", rest) and not starts_with_verb(rest):
            continue  # "In Cape Town, South Africa, police ...": the place goes on
        if not _has_clause(rest) or starts_with_verb(rest):
            return None
        return rest[:1].upper() + rest[1:]
    return None


# "the boy's father", "a Kenyan court clerk": a description that opens its clause (the line's
# start, or after "that")
_DESCRIPTION = re.compile(r"(?:^|\bthat\s+)(?P<desc>(?:[Tt]he|[Aa]n?)\s[^,;\"“”]{1,60})$")


def _named_description(head: str, aside: str) -> str | None:
    """A description whose apposition is a name gives way to the name, the line's subject
    then says who: "Castro announced that the boy's father, Juan Miguel Gonzalez, is ready to
    travel" -> "Castro announced that Juan Miguel Gonzalez is ready to travel"."""
    found = _DESCRIPTION.search(head)
    person = found and found.group("desc").split()[-1].lower() in _person_nouns()
    if not person or clean_name(aside) != aside or any(
            w.lower() in FINITE or past_lemma(w) for w in found.group("desc").split()):
        return None  # "the man who fled, Juan Perez,": a clause, not a description
    return head[: found.start("desc")] + aside


@cache
def _person_nouns() -> frozenset[str]:
    names = events_rules()["headline"]["names"]
    return frozenset(names["person_words"]) | frozenset(names["nouns"])


@cache
def _frame_words() -> frozenset[str]:
    return frozenset(_data()["frame_words"])


def _drop_comma_aside(text: str) -> str | None:
    """An apposition or relative clause between commas: "Elian Gonzalez, the 6-year-old boy
    who survived ..., should be reunited" -> "Elian Gonzalez should be reunited"."""
    for found in re.finditer(r",\s+(?P<aside>[^,;\"“”]{2,120}?),\s+", text):
        aside = found.group("aside")
        first = aside.split()[0].lower()
        if named := _named_description(text[: found.start()], aside):
            return named + " " + text[found.end() :]
        if re.fullmatch(rf"(?:[\w.'’-]+\s+){{1,4}}{_REPORTING}", aside):
            return text[: found.start()] + ", " + text[found.end() :]  # ", she said,"
        own_clause = re.split(r"\s(?:who|which|that)\s", aside)[0]
        if not starts_with_verb(text[found.end() :]) or (
                first not in ("who", "which", "whose") and has_finite_verb(own_clause)):
            continue
        if not (first in ("who", "which", "whose", "the", "a", "an", "including", "now", "after",
                          "before", "despite", "without", "like", "unlike", "since", "amid",
                          "then", "itself", "himself", "herself")
                or first.endswith(("ing", "ed")) or re.match(r"\d", first)
                or first in get_lexicon().sets.prepositions  # ", on an official visit to Mexico,"
                or aside[:1].isupper()):
            continue
        if not _outside_quotes(text, found.start()):
            continue
        shorter = text[: found.start()] + " " + text[found.end() :]
        if _has_clause(shorter):
            return shorter
    return None


def _drop_trailing_participle(text: str) -> str | None:
    """", killing at least 81 people and injuring more than 1,000" goes when the line is
    long; so do ", calling them ..." and ", including 12 Americans"."""
    found = last_of(r",[”\"]?\s+(?:[a-z]+ing|including|as|with|while|prompting)\b", text)
    if found and text[found.start() + 1 : found.start() + 2] in "”\"":
        head = text[: found.start()] + text[found.start() + 1]  # 'discoveries,” having'
        return head if _has_clause(head) else None
    if found and _outside_quotes(text, found.start()) and _has_clause(text[: found.start()]):
        return text[: found.start()]
    return None


_CLAUSE_CUTS = re.compile(
    r";\s|,\s+(?:and|but|while|as|after|before|because|although|though|when|where|whereas|"
    r"so|since|until)\s|\s(?:while|because|although|though|whereas|after|before|when|as|until"
    r"|since)\s|,\s+(?=(?:the|The|a|A|an|An)\s(?:[\w.'’-]+\s){0,4}?[a-z]+ed\s)")


def _first_clause(text: str) -> str | None:
    """The clause before ", and the army said ...", "; a 14th ...", " while ...": the first
    of a sentence's clauses, when it has its subject and verb."""
    for found in _CLAUSE_CUTS.finditer(text):
        head = text[: found.start()]
        that = last_of(r"\bthat\s", head)
        if that and not has_finite_verb(head[that.end() :]):
            continue  # "What matters most is that Elian, after ...": its clause goes on
        if frames.measured(head):
            continue  # "a matter of days before Elian is reunited": the clause completes it
        if found.group(0).strip() == "," and not (
                _spliced(text[found.end() :]) and _spliced(head + " ")):
            # "Nairobi, the capital, ...": an apposition, no clause of its own; "Just ahead of
            # Albright's trip, the State Department issued ...": a frame, not a clause
            continue
        if words(head) >= 3 and _has_clause(head) and _outside_quotes(text, found.start()) and (
                not _SUBORDINATE.match(head)):
            return head
    return None


def _spliced(rest: str) -> bool:
    """Does ``rest`` (after a comma) open a clause of its own, a subject and its past verb
    in a few words ("..., the State Department lifted a warning")?"""
    found = re.match(r"(?:[\w.'’-]+\s){1,5}?(?P<verb>[a-z]+ed)\s", rest)
    if found and _frame_words() & {rest.split()[0].lower()}:
        return False
    return bool(found) and past_lemma(found.group("verb")) is not None and "," not in (
        rest[: found.end()])


def _drop_relative(text: str) -> str | None:
    """A relative clause at the end: "Tanzania expelled five Iraqis and a Libyan who were
    questioned by the FBI" -> "Tanzania expelled five Iraqis and a Libyan"."""
    found = None
    for found in re.finditer(r",?\s+(?P<rel>who|which|that|whose|where)\s", text):
        head = text[: found.start()]
        prev = head.rsplit(None, 1)[-1].lower() if head.split() else ""
        if found.group("rel") == "that" and (past_lemma(prev) or participle_lemma(prev) or (
                prev in FINITE) or prev.endswith("s") and not prev.endswith("ss")
                and _is_verb_s(prev)):
            continue  # "ruled that ...", "says that ...": the verb's complement
        that = last_of(r"\bthat\s", head)
        if that and not has_finite_verb(head[that.end() :]):
            continue  # "said that a suspect who ...": the suspect's verb is to come
        if found.group("rel") == "that" and frames.that_complement(head):
            continue  # "said in a letter that he wants ...": the verb's complement
        if "," in text[found.end() :] or prev in ("those", "anyone", "everyone", "someone", "one",
                                                   "all", "whoever", "what") or (
                re.search(r"\bthe\s+(?:men|man|women|woman|people|person|ones)$", head)):
            # a relative clause inside an aside that closes later; "those who ...", "the men
            # who launched the Cuban Revolution": the clause says who they are
            continue
        if _has_clause(head) and words(head) >= 4 and _outside_quotes(text, found.start()):
            return head
    return None


def _drop_second_verb(text: str) -> str | None:
    """"Clinton condemned the attacks and vowed to hunt down ..." -> "Clinton condemned the
    attacks"."""
    for found in re.finditer(r",?\s+(?:and|but)\s+(?P<verb>[a-z]+)\b", text):
        verb = found.group("verb")
        if (past_lemma(verb) or verb in ("has", "have", "is", "are", "was", "were", "will")) and (
                _has_clause(text[: found.start()]) and words(text[: found.start()]) >= 4):
            return text[: found.start()]
    return None


def _drop_participle_phrase(text: str) -> str | None:
    """A participle phrase that places a noun: "he wants Cuban diplomats based in Washington
    to meet with his son" -> "he wants Cuban diplomats to meet with his son"."""
    for found in re.finditer(r"(?<=[a-z])\s(?P<verb>[a-z]+)\s(?:in|at|near|from)\s[A-Z][\w.'’-]*"
                             r"(?:\s(?:of\s)?[A-Z][\w.'’-]*)*(?=\s+(?:to|and)\s|,)", text):
        noun = text[: found.start()].rsplit(None, 1)[-1]
        if participle_lemma(found.group("verb")) and noun in verbs().plurals and (
                _outside_quotes(text, found.start())):
            return text[: found.start()] + text[found.end() :]
    return None


def _drop_trailing_phrase(text: str) -> str | None:
    """The last prepositional phrase: "... arrived at the FBI lab at the bureau's Washington
    headquarters" -> "... arrived at the FBI lab"."""
    prepositions = get_lexicon().sets.prepositions | frozenset(_data()["trailing_words"])
    tokens = list(re.finditer(r"\S+", text))
    for token in reversed(tokens[3:]):
        word = token.group(0).lower()
        if word not in prepositions:
            continue
        head = text[: token.start()].rstrip(" ,")
        prev = head.rsplit(None, 1)[-1].lower() if head else ""
        if word == "to" and (past_lemma(prev) or participle_lemma(prev)
                             or frames.infinitive_complement(head, text[token.start() :])) or (
                prev.endswith("ing") and word in ("to", "for", "with", "into")):
            continue  # "vowed to hunt", "leading to the arrest": the verb's complement
        if word == "of" or prev in ("of", "to", "the", "a", "an") or not _outside_quotes(
                text, token.start()):
            continue  # "of" completes its noun: "a matter of days", "the return of Elian"
        if frames.reduced_relative_end(head) or has_finite_verb(text[token.end() :]):
            # "Cuban diplomats based | in Washington": the participle needs it; "paid tribute
            # | to the men who launched the Cuban Revolution": a clause, no trailing phrase
            continue
        if frames.measured(head) and word in ("before", "after", "until", "since"):
            continue  # "a matter of days before Elian is reunited"
        if _has_clause(head) and words(head) >= 4:
            return head
        return None
    return None


def _is_verb_s(word: str) -> bool:
    from .present import is_present_form

    return is_present_form(word)


def _drop_title(text: str) -> str | None:
    """The titles before a full name that opens the line: "President Fidel Castro declared"
    -> "Fidel Castro declared" (the name says who; the body keeps the title)."""
    found = re.match(r"(?P<titles>(?:[A-Z][\w.'’-]*\s+){1,4}?)(?P<name>[A-Z][a-z][\w'’-]*\s+"
                     r"[A-Z][a-z][\w'’-]*)\s+(?=[a-z])", text)
    if not found or not all(w in _title_words() for w in found.group("titles").split()):
        return None
    return text[found.start("name") :]


@cache
def _title_words() -> frozenset[str]:
    return frozenset(events_rules()["titles"])


def _drop_phrase_before_that(text: str) -> str | None:
    """A phrase between a verb and its that-clause: "Elian Gonzalez's father said in a letter
    that he wants ..." -> "Elian Gonzalez's father said that he wants ..."."""
    for found in re.finditer(
            r"\s(?P<prep>in|on|at|during|through|to)\s[^,;\"“”]{2,40}?\s(?=that\s)", text):
        head = text[: found.start()]
        if frames.that_complement(head + " " + found.group("prep")) and _outside_quotes(
                text, found.start()):
            return head + " " + text[found.end() :]
    return None


_STEPS: tuple[Callable[[str], str | None], ...] = (
    _drop_brackets, _drop_phrase_before_that, _drop_dash_aside,
    _drop_trailing_attribution, _drop_comma_aside,
    _drop_leading_frame, _drop_trailing_participle, _first_clause, _drop_reporting_frame,
    _drop_relative, _drop_second_verb, _drop_title, _drop_participle_phrase,
    _drop_trailing_phrase,
)
_ONCE = frozenset({_drop_reporting_frame, _drop_leading_frame, _first_clause})


def _has_clause(text: str) -> bool:
    return has_finite_verb(text)
