"""Tense of the clause that governs a temporal expression, from cue words around it.

A full parser is too slow and too heavy for this job; news prose marks tense with a small set of
auxiliaries, modals, plan verbs and past forms, and the nearest one within the clause decides
whether an underspecified date ("Friday", "in December") looks back or forward from the DCT.
"""

from __future__ import annotations

from functools import cache

import regex

from .lexicon import Lexicon


@cache
def _tokenizer(abbreviations: frozenset[str], weekdays: frozenset[str]) -> regex.Pattern[str]:
    """Words, numbers and clause punctuation. A period ends a sentence only before a capital, a
    quote or the end, and not after an abbreviation or a single capital, so "$5.2 million",
    "Inc.," and "Birmingham, Ala., killed" stay inside their clause; nor after "a.m."/"p.m."
    before a weekday ("ran from 6 p.m. Tuesday until 6 a.m. Thursday"; "at 6 p.m. The next
    day, ..." ends one). Numbers are tokens (they count for distance but carry no tense) so
    their decimal points are not sentence ends."""
    abbrev = "|".join(sorted(map(regex.escape, abbreviations)))
    days = "|".join(sorted(map(regex.escape, weekdays)))
    return regex.compile(
        # contractions split as the cue lists spell them: "we'll" -> we 'll, "won't" -> wo n't
        r"[A-Za-z]+?(?=n['’]t\b)|n['’]t\b"
        r"|[A-Za-z]+(?:-[A-Za-z]+)*(?:['’](?!(?:ll|d|ve|re|m)\b)[A-Za-z]+)?"
        r"|['’](?:ll|d|ve|re|m|s)\b|\d+(?:[.,:]\d+)*"
        rf"|(?<!\b[A-Z]|\b(?:{abbrev})|\b[ap]\.m(?=\.\s+(?:{days})\b))"
        r"\.(?=\s+[\"“‘'(]?[A-Z0-9]|\s*$|[\"”’])"
        r"|[;!?:\"“”()\n]|,"
    )


def _weekday_names(lex: Lexicon) -> frozenset[str]:
    """The weekdays as written in prose, capitalized ("Tuesday")."""
    return frozenset(w.capitalize() for w in lex.weekdays if len(w) > 4 and w.endswith("day"))


_SENTENCE_END = frozenset('.;!?:\n"“”')
_SUBORDINATORS = frozenset(
    "when while if because although though whereas unless where which who whom whose".split()
)
_COORD = frozenset(("and", "but"))
_DETERMINERS = frozenset(
    "a an the this that these those its his her their our my your still newly recently 's"
    .split()
)
_PRESENT = frozenset("is are am does do".split())
# Past cues that are auxiliaries or adverbs, not verbs a modal could head.
_PAST_AUX = frozenset("was were had did has have been since ago earlier last".split())
_PASSIVE_AUX = frozenset("is are am be being".split())


def is_past_form(word: str, lex: Lexicon) -> bool:
    """A past-tense form: a listed irregular one, or a regular -ed word that is not listed as
    something else ("hundred", "united"). ``word`` is lower case."""
    return word in lex.sets.past or (
        len(word) > 4 and word.endswith("ed") and word not in lex.sets.not_past_ed
    )


def _classify(tok: str, prev: str, lex: Lexicon, nxt: str = "") -> str | None:
    t = tok.lower()
    if "-" in t:
        return None  # "long-delayed", "Russian-backed", "so-called": compounds, no verbs
    if t == "may" and tok[:1].isupper():
        return None  # the month, not the modal
    if t in lex.sets.decision_verbs and nxt == "to" and prev not in ("than", "as"):
        # "agreed to hold the vote on 17 February", "On Friday, the government planned to
        # pay the first claims": what was decided, or the deciding's day; after "has" the
        # date can only be the infinitive's (a present perfect takes no past date: "has
        # voted to begin a strike on Thursday")
        return "future" if prev in ("has", "have", "'ve") else "intent"
    if t in lex.sets.future:
        if prev in ("than", "as"):
            return None  # "ended earlier than planned", "as expected": a plan compared with
        if t == "next" and nxt == "to":
            return None  # "next to the embassy": a place, not a time ahead
        if t == "soon" and nxt in ("after", "before"):
            return None  # "soon after 10 pm on Tuesday": a time next to another
        if prev in _DETERMINERS and t in lex.sets.future_nouns:
            # "announced the plan Aug. 21": a noun, not a plan verb; but "a plan to hold the
            # vote on Sunday" looks ahead to what is planned
            return "future" if nxt == "to" else None
        # "had been due to expire Friday", "as previously planned": a plan seen from the past
        if prev in lex.sets.plan_in_past:
            return "past"
        # "could be located Wednesday": a modal looks ahead less surely than "will"
        return "modal" if t in lex.sets.modals else "future"
    if nxt == "to" and t in lex.sets.future_before_to:
        return "future"  # "talks are likely to run into the spring", as "expected to"
    if nxt == "for" and t in ("set", "slated"):
        return "future"  # "a NATO summit set for Washington in April": what is scheduled
    if t in lex.sets.same_as_base and (prev in lex.sets.base_form_before
                                          or prev in lex.sets.copulas):
        return None  # "will hit", "could cut", "to quit": the base form, no past; "will
        # remain shut": an adjective
    if t == "have" and prev in ("will", "'ll", "shall"):
        return None  # "will have no budget on Jan. 1": the "will" tells the time
    if t in _PRESENT:
        # "is to resume trading Tuesday": be + to-infinitive is a scheduled future
        return "future" if nxt == "to" and t in ("is", "are") else "present"
    if t in lex.sets.scheduled_present:
        if t == "close" and nxt == "to":
            return None  # "close to the village": near, not a closing
        if prev == "that" and t.endswith("s"):
            return "future"  # "a warning that runs until Monday": a relative pronoun
        if prev.replace(",", "").isdigit() or lex.number(prev) is not None:
            return None  # "passed it by 70 votes to 10 on Friday": a counted noun, no verb
        return None if prev in lex.sets.scheduled_present_blockers else "future"
    if t in ("earlier", "later") and nxt == "than":
        return None  # "no earlier than Thursday": a bound, not a time told
    if t in ("not", "no") and nxt == "before":
        return "future"  # "likely not before Thursday": a lower bound on what is to come
    if is_past_form(t, lex):
        if t not in lex.sets.past and prev != "that" and (
            prev in _DETERMINERS
            or nxt == "by"
            or prev in lex.sets.copulas
            or prev in lex.sets.prepositions
        ):
            # "a still unspecified date", "markets untouched by the crisis", "would remain
            # closed", "in affected areas": an adjective or a reduced relative clause, not a
            # finite past verb (the copula before it carries the tense)
            return None
        # "is heard", "will be held": a participle after a present/future auxiliary
        if prev in _PASSIVE_AUX:
            return "present" if prev != "be" else "future"
        return "past"
    return None


def clause_tense(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """'past', 'future' or None (present/unknown), from the nearest cue in the clause."""
    cue = clause_cue(text, start, end, lex)
    return "future" if cue in ("modal", "intent") else cue


def clause_cue(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """``clause_tense``, with a future told by a modal ("could", "would", "may") apart:
    'modal', and one told by a past decision ("agreed to hold the vote on ...") apart:
    'intent'."""
    token = _tokenizer(lex.sets.abbreviations, _weekday_names(lex))
    left = [t.replace("’", "'") for t in token.findall(text, max(0, start - 160), start)]
    right = [t.replace("’", "'") for t in token.findall(text, end, min(len(text), end + 300))]
    best: tuple[int, str] | None = None
    conditional = _conditional_main_cue(left, lex)
    if conditional is not None:
        return conditional
    words = _without_relative_asides(_without_reporting_asides(left, lex))
    found = _nearest_cue(words, len(words) - 1, len(words) - 11, lex)
    if found:
        best = (len(words) - 1 - found[0], found[1])
    comma_seen = False
    if found and _in_relative_clause(words, found[0]):
        # "The storm that is forecast to hit on Sunday forced ...": the verb after the date
        # is the main clause's, the date is the relative clause's
        right = []
    for dist, tok in enumerate(right[:10]):
        if tok.lower() == "and" and dist + 1 < len(right) and right[dist + 1].lower() in (
                "the", "a", "an"):
            continue  # "The strikes on Thursday night and the follow-on strike Friday
            # degraded ...": two nouns, one verb after them
        if (tok in _SENTENCE_END or tok.lower() in _SUBORDINATORS or tok.lower() in _COORD
                or tok.lower() == "that"):
            # "... on Saturday and were planning ...", "warned in September that it would
            # leave": the next clause has its own tense
            break
        if tok == ",":
            if best is None:
                # "is scheduled to meet President Donald Trump at the White House on Tuesday,
                # the first foreign leader to visit since ...": a plan further back governs
                # before an apposition after the comma
                best = _far_future_cue(left, lex)
            if best is not None:
                break  # "talks that are due to end by May, invited ...": the comma closes it
            comma_seen = True
            continue
        if comma_seen and tok.lower() in lex.sets.reporting and _ends_clause(right, dist,
                                                                                 lex):
            continue  # ", he said." frames reported speech; it does not govern the date
        cls = _cue(right, dist, lex)
        if cls == "intent":
            cls = "past"  # "On Sept. 4, Merkel agreed to let ...": the agreeing is the date's
        if cls:
            if best is None or dist + 1 < best[0]:
                best = (dist, cls)
            break
    if best is None and [t.lower() for t in right[:2]] == [",", "when"]:
        # "memories of February, when Amagerbanken became the first bank to be wound up":
        # the clause that describes the date tells its time
        best = _main_clause_cue(right[2:], lex)
    if best is None and _fronted(left, lex):
        best = _main_clause_cue(right, lex)
    if best is None:
        best = _far_future_cue(left, lex)
    if best is None:
        return None
    return None if best[1] == "present" else best[1]


_CONDITIONAL = frozenset(("if", "unless", "provided", "providing"))


def _conditional_main_cue(left: list[str], lex: Lexicon) -> str | None:
    """In a condition ("a deal could be signed if the truce held through the weekend",
    "valid provided it is signed on Friday") the past form is no past: the date takes the
    main clause's future. None when there is no condition or its main clause is no future."""
    first = max(0, len(left) - 12)
    for i in range(len(left) - 1, first - 1, -1):
        if left[i] in _SENTENCE_END:
            return None
        if left[i].lower() in _CONDITIONAL:
            found = _nearest_cue(left, i - 1, max(first, i - 11) - 1, lex, subordinators=False)
            return found[1] if found and found[1] in ("future", "modal") else None
    return None


def _without_reporting_asides(tokens: list[str], lex: Lexicon) -> list[str]:
    """The tokens without asides such as ", diplomats said," (at most three words between
    commas, ending in a reporting verb): "talks are expected to resume in the new year,
    diplomats said, possibly in mid-January" is governed by "expected", not "said"."""
    out: list[str] = []
    for tok in tokens:
        out.append(tok)
        if tok != "," or len(out) < 3 or out[-2].lower() not in lex.sets.reporting:
            continue
        for back in range(3, 6):
            if len(out) >= back and out[-back] == ",":
                del out[-back + 1 :]  # keep the aside's opening comma
                break
    return out


_ASIDE_RELATIVES = frozenset(("who", "which", "whose", "whom"))


def _without_relative_asides(tokens: list[str]) -> list[str]:
    """The tokens without a relative clause set off by commas and closed before the date
    (at most 16 words): "He will face Gustavo Petro, a former mayor who came second with
    25%, in the second round on 17 June" is governed by "will", not "came"; "The storm,
    which hit on Monday," (the date inside the clause) keeps its own verb."""
    out: list[str] = []
    for tok in tokens:
        out.append(tok)
        if tok != ",":
            continue
        for back in range(3, min(len(out), 18) + 1):
            if out[-back] in _SENTENCE_END:
                break
            if out[-back] == ",":
                if _ASIDE_RELATIVES.intersection(t.lower() for t in out[-back + 1 : -1]):
                    del out[-back + 1 :]  # keep the aside's opening comma
                break
    return out


def _cue(tokens: list[str], i: int, lex: Lexicon) -> str | None:
    """The tense cue of ``tokens[i]``, read with its neighbours."""
    prev = tokens[i - 1].lower() if i > 0 else ""
    nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    cls = _classify(tokens[i], prev, lex, nxt)
    if (cls == "present" and tokens[i].lower() in ("is", "are", "am") and i + 2 < len(tokens)
            and tokens[i + 2].lower() == "to"
            and _classify(tokens[i + 1], tokens[i].lower(), lex, "to") == "future"):
        # "On Thursday, lawmakers are expected to vote", "he is due to meet": the plan after
        # the be-form tells the time
        return "future"
    if tokens[i].lower() in lex.sets.decision_verbs and _object_then_to(tokens, i):
        # "ordered residents to leave starting at 8 a.m. Tuesday": what was ordered
        return "future" if prev in ("has", "have", "'ve") else "intent"
    if cls == "past" and tokens[i].lower() not in _PAST_AUX and any(
            t.lower() in lex.sets.base_form_before for t in tokens[max(0, i - 2) : i]):
        # "will see elevated surf", "to keep troops stationed": no finite past right after
        # a modal's or an infinitive's verb
        return None
    if cls == "future" and tokens[i].lower() in lex.sets.scheduled_present:
        if _compound_noun(tokens, i, lex):
            return None
        aux = _question_aux(tokens, i)
        if aux:
            # "Did the envoy meet the rebels on Saturday?", "When does the court sit?": the
            # auxiliary before the subject tells the tense, the bare verb does not
            return "past" if aux == "did" else None
    if cls == "future" and prev == "be":
        # "will be held" is sure, "could not be located" only a modal's future
        before = [t.lower() for t in tokens[max(0, i - 4) : i - 1]]
        sure = any(t in lex.sets.future and t not in lex.sets.modals for t in before)
        return "future" if sure else "modal"
    return cls


def _compound_noun(tokens: list[str], i: int, lex: Lexicon) -> bool:
    """Is the bare schedule verb at ``i`` the head of a noun after a determiner and one
    modifier ("survived a confidence vote on June 6", "after a procedural vote on Friday")?
    A singular modifier takes the -s form as a verb ("the Senate votes Tuesday"); a plural
    one may be the subject ("the talks resume Tuesday"). A modifier of plan keeps the plan
    ("the slated visit in September")."""
    word, prev = tokens[i].lower(), tokens[i - 1].lower() if i > 0 else ""
    plan = lex.sets.future | lex.sets.future_before_to | lex.sets.schedule_verbs
    return (i >= 2 and tokens[i - 2].lower() in _DETERMINERS and prev.isalpha()
            and not word.endswith("s") and not prev.endswith("s") and prev not in plan)


_RELATIVE = frozenset(("that", "which", "who"))


def _in_relative_clause(tokens: list[str], cue_at: int) -> bool:
    """Is the cue at ``cue_at`` in a relative clause opened earlier in its sentence ("the
    talks that will last until Friday")?"""
    for j in range(cue_at - 1, max(-1, cue_at - 8), -1):
        tok = tokens[j].lower()
        if tok in _SENTENCE_END or tok == ",":
            return False
        if tok in _RELATIVE:
            return j > 0 and tokens[j - 1].isalpha() and tokens[j - 1].lower() not in (
                "said", "says", "say", "told", "announced", "warned", "so", "now")
    return False


def _object_then_to(tokens: list[str], i: int) -> bool:
    """A verb's object of one or two words, then a to-infinitive ("urged residents to",
    "told the troops to")."""
    after = [t.lower() for t in tokens[i + 2 : i + 4]]
    for j, tok in enumerate(after):
        if tok == "to":
            return all(t.isalpha() for t in tokens[i + 1 : i + 2 + j])
    return False


def _question_aux(tokens: list[str], i: int) -> str | None:
    """The "did"/"does"/"do" a few words before a bare verb, across its subject ("did the
    envoy meet"), in the same clause."""
    for j in range(i - 2, max(-1, i - 6), -1):
        tok = tokens[j].lower()
        if tok in _SENTENCE_END or tok == ",":
            return None
        if tok in ("did", "does", "do"):
            return tok
    return None


def _ends_clause(tokens: list[str], i: int, lex: Lexicon) -> bool:
    """Does the reporting verb at ``i`` end its clause (", an official said on Wednesday.")
    rather than govern one ("On Friday, the minister said prices would fall")? Nothing with
    a tense follows it before the clause ends."""
    for j in range(i + 1, len(tokens)):
        if tokens[j] in _SENTENCE_END or tokens[j] == ",":
            return True
        if _cue(tokens, j, lex):
            return False
    return True


def _far_future_cue(left: list[str], lex: Lexicon) -> tuple[int, str] | None:
    """A plan told further back in the clause than the nearest words ("The government plans
    to hold a long-delayed referendum on the new constitution in November"): only "will",
    plan verbs and modals count that far, not past forms (many are participles)."""
    if any(t in _SENTENCE_END or t.lower() in _SUBORDINATORS for t in left[-10:]):
        return None  # the clause starts nearer than that
    found = _nearest_cue(left, len(left) - 11, len(left) - 23, lex)
    if found and found[1] in ("future", "modal"):
        return len(left) - 1 - found[0], found[1]
    return None


def _nearest_cue(tokens: list[str], first: int, stop: int, lex: Lexicon,
                 subordinators: bool = True) -> tuple[int, str] | None:
    """(index, cue) of the nearest cue walking back from ``tokens[first]`` to just after
    ``tokens[stop]``, each word read with its real neighbours ("will be held", "next to");
    None at the clause's start first (a sentence end, or a subordinator if
    ``subordinators``)."""
    for i in range(first, max(-1, stop), -1):
        tok = tokens[i]
        if tok in _SENTENCE_END or (subordinators and tok.lower() in _SUBORDINATORS):
            return None
        cls = _cue(tokens, i, lex)
        if cls:
            return i, cls
    return None


def _fronted(left: list[str], lex: Lexicon) -> bool:
    """Does the expression open its sentence ('In January, ...', 'Last week ...')?"""
    before = [t for t in left[-3:] if t not in ("(", ")")]
    while before and before[-1].lower() in lex.sets.fronting_prepositions:
        before.pop()
    return not before or before[-1] in _SENTENCE_END


def _main_clause_cue(right: list[str], lex: Lexicon) -> tuple[int, str] | None:
    """A sentence-initial adverbial is governed by the main verb, which may come after a long
    apposition: 'In January, a week after the anniversary of Roe v. Wade, a bombing in
    Birmingham, Ala., killed a guard'."""
    for dist, tok in enumerate(right[:40]):
        if tok in _SENTENCE_END or tok.lower() in _SUBORDINATORS:
            return None
        cls = _cue(right, dist, lex)
        if cls:
            return dist, cls
    return None
