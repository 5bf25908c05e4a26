"""Short headlines written from an event's sentence: who did what, without the date words.

A dependency parser would do this better, but none runs offline at our speed target; these
rules (data in ``data/events.yaml``) cover the shapes of news sentences: the date phrase
and its preposition go, a "last Thursday, when X did Y" frame keeps "X did Y", a date that
modifies a noun ("in last Friday's bombings of ...") gives that noun phrase, discourse
openers go, and a long sentence is cut at its first clause boundary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..ruledata import rule_data
from ..temporal.lexicon import get_lexicon
from ..temporal.tense import is_past_form
from .sentence_dates import ENDS_IN_COUNT

_POSSESSIVE = re.compile(r"^['’]s\s+")
# An it-cleft puts the date up front and the news after "that".
_CLEFT_BEFORE = re.compile(r"\bit\s+(?:was|is|will\s+be)\s+(?:not\s+until|only|on|in)?\s*$",
                           re.IGNORECASE)
_CLEFT_AFTER = re.compile(r"^\s*,?\s*that\s+")
# "X -- an aside -- Y": the aside goes before a long headline is cut.
_NAME = re.compile(r"\b[A-Z][a-z]")
_DASH_ASIDE = re.compile(r"\s(?:--|—)\s[^—]{3,160}?\s(?:--|—)\s")
_CLOSING_YEAR = re.compile(r"\d, \d{4}$")


@dataclass(frozen=True)
class _Rules:
    openers: re.Pattern[str]
    date_prepositions: tuple[str, ...]
    event_clause: re.Pattern[str]
    boundaries: tuple[str, ...]
    noun_phrase_end: re.Pattern[str]
    subject_date_after: frozenset[str]
    frame_openers: tuple[str, ...]
    antecedent_stops: frozenset[str]
    subject_verbs: frozenset[str]
    label: re.Pattern[str]
    focus_before: re.Pattern[str]
    focus_after: re.Pattern[str]
    complement_verbs: frozenset[str]
    clause_openers: frozenset[str]
    date_and: re.Pattern[str]
    anchor_prepositions: tuple[str, ...]
    date_adjunct: re.Pattern[str]
    deadline: re.Pattern[str]
    present_verbs: frozenset[str]


def _label_pattern(data: dict) -> re.Pattern[str]:
    """Speaker labels and time stamps that open a sentence, up to their colon or dash; the
    dates and zones of a stamp are the temporal lexicon's, so any date it reads can be one."""
    ph = get_lexicon().placeholders
    letters = "|".join(map(re.escape, data["speaker_letters"]))
    words = "|".join(re.escape(w) for w in sorted(data["stamp_words"], key=len, reverse=True))
    # an ALL-CAPS name ("MR. KIRBY"), not a quotation ('NATO: "We will respond"')
    speaker = (rf"(?:{letters}|[A-Z][A-Z'’.-]*[A-Z.](?:\s+[A-Z][A-Z'’.-]*[A-Z.]){{0,3}})"
               r"\s*:\s+(?![\"“])")
    zone = rf"(?:{ph['TZ']}|{ph['TZNAME']}|local\s+time)"
    clock = (r"(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?|\d{4}(?=\s+"
             + zone + "))")
    # each part is matched once (atomic), and a stamp has a few of them: "May 5, 2020" is
    # not also tried as "May 5" and "2020", which made a long run of dates take minutes
    part = (rf"(?>{ph['WEEKDAY']}|{clock}(?:\s*{zone})?"
            rf"|{ph['MONTH']}\s*{ph['DAYNUM']}(?:,?\s*{ph['YEAR4']})?"
            rf"|{ph['DAYNUM']}\s+{ph['MONTH']}(?:\s+{ph['YEAR4']})?|{ph['MONTH']}(?:\s+"
            rf"{ph['YEAR4']})?|{ph['YEAR4']}|{words})(?![\w'’])")
    stamp = (rf"{part}(?:(?:\s*,\s*|\s+(?:at\s+)?|\s*\(\s*){part}\)?){{0,3}}"
             r"(?:\s*:\s+|\s+(?:--|[-–—])\s+|\s*[–—]\s*)")
    return re.compile(rf"^\s*(?:{speaker}|(?i:{stamp})){{1,3}}")


def _date_adjunct(data: dict) -> re.Pattern[str]:
    """A preposition and a day or month name ("on Monday", "by Jan. 14", "until
    tomorrow"): a date that ends the noun phrase before it, tagged or not (the sentence's
    grouping may have folded it into another date)."""
    lex = get_lexicon()
    ph = lex.placeholders
    days = _alternation(list(lex.deictic_days))
    return re.compile(
        rf"\s(?:{_alternation(data['date_prepositions'])})\s+(?:(?:last|next|this)\s+)?"
        rf"(?:{ph['WEEKDAY']}|{ph['MONTH']}|{days})(?![\w'’])", re.IGNORECASE)


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation of ``words``, longest first (so "as well" wins over "as")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _rules() -> _Rules:
    data = rule_data("events", "events.yaml")["headline"]
    openers = "|".join(re.escape(w) for w in sorted(data["openers"], key=len, reverse=True))
    labels = "|".join(re.escape(w) for w in sorted(data["labels"], key=len, reverse=True))
    markers = "|".join(map(re.escape, data["event_clause_markers"]))
    return _Rules(
        subject_date_after=frozenset(data["subject_date_after"]),
        frame_openers=tuple(data["frame_openers"]),
        antecedent_stops=frozenset(data["antecedent_stops"]),
        subject_verbs=frozenset(data["subject_verbs"]),
        label=_label_pattern(data),
        focus_before=re.compile(
            rf"(?:(?:^|\s)(?:{_alternation(data['date_focus_before'])})"
            rf"|(?:^|[,;:(\"“]\s*|\b(?:and|but|yet|or)\s+)"
            rf"(?:{_alternation(data['date_focus_opening'])}))$", re.IGNORECASE),
        focus_after=re.compile(
            rf"\s+(?:{_alternation(data['date_focus_after'])}\b"
            rf"|(?:{_alternation(data['date_focus_closing'])})(?=\s*(?:[,;:.!?)\"”’]|$)))",
            re.IGNORECASE),
        complement_verbs=frozenset(data["date_complement_verbs"]),
        anchor_prepositions=tuple(data["anchor_prepositions"]),
        date_adjunct=_date_adjunct(data),
        present_verbs=frozenset(data["present_verbs"]),
        deadline=re.compile(rf"(?:^|\s)(?:{_alternation(data['deadline_prepositions'])})$",
                            re.IGNORECASE),
        clause_openers=frozenset(data["clause_openers"]),
        # "on Friday and Saturday", "as early as December and as late as March", "the first
        # quarter of this year": two dates that go together
        date_and=re.compile(rf"\s+(?:(?:and|or)\s+(?:again\s+)?(?:(?:"
                            rf"{_alternation(data['date_prepositions'])})\s+)?|of\s+)",
                            re.IGNORECASE),
        openers=re.compile(rf"^(?:(?:{openers})\b,?\s+|(?:{labels})\s*[:,]\s*)+", re.IGNORECASE),
        date_prepositions=tuple(sorted(data["date_prepositions"], key=len, reverse=True)),
        event_clause=re.compile(rf"^[\s,)\]]*(?:{markers})\s+", re.IGNORECASE),
        boundaries=tuple(data["clause_boundaries"]),
        noun_phrase_end=re.compile(
            # "and" ends it before a verb ("ruling and allow him"), not before a name or
            # another noun phrase ("embassies in Kenya and Tanzania", "and the bombing")
            r"[,;:!?]|\.\s*$|\s--\s|\s—\s|\sand\s(?![A-Z]|(?:the|a|an|its|his|her|their)\s)"
            r"|(?:^|\s)(?:"
            + "|".join(map(re.escape, data["noun_phrase_ends"]))
            + r")\b"
        ),
    )


def write_headline(
    sentence: str,
    phrase_start: int,
    phrase_end: int,
    limit: int,
    history: bool = False,
    others: Sequence[tuple[int, int]] = (),
) -> str:
    """A headline from ``sentence``; ``phrase_start:phrase_end`` is the date phrase in it.
    ``history``: the date is long before the article, told in passing; ``others``: the
    spans of the sentence's other dates."""
    sentence, phrase_start, phrase_end, others = _without_label(
        sentence, phrase_start, phrase_end, others, _rules())
    # every rule below reads a comma as a clause boundary; "1,002" has none (same length, so
    # the offsets hold)
    sentence = _GROUP_COMMA.sub(_GROUP_MARK, sentence)
    if _quoted(sentence, phrase_start, phrase_end):
        # a quotation is the speaker's words: cut out of it, the date would change what was
        # said ('"at least through the end of next week."' -> '"at least."'); it stays
        text = _shorten(_tidy(sentence, _rules()), limit, _rules())
    else:
        text = _headline(sentence, phrase_start, phrase_end, limit, history, others)
    return text.replace(_GROUP_MARK, ",")


# The comma that groups a number's digits ("1,002", "5,410"), set aside while the headline is
# written as a character no rule reads as punctuation.
_GROUP_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_GROUP_MARK = "\ue000"


def _quoted(sentence: str, start: int, end: int) -> bool:
    """Is ``start:end`` inside a direct quotation (between straight double quotes, or after
    an opening curly quote that is closed after it)?"""
    if start >= end:
        return False
    if sentence.count('"', 0, start) % 2 and '"' in sentence[end:]:
        return True
    return sentence.rfind("“", 0, start) > sentence.rfind("”", 0, start) and (
        "”" in sentence[end:])


def _without_label(sentence: str, start: int, end: int, others: Sequence[tuple[int, int]],
                   rules: _Rules) -> tuple[str, int, int, list[tuple[int, int]]]:
    """The sentence after a speaker label or a time stamp that opens it ("MR. KIRBY:",
    "13:50 GMT:", "Feb 24, 2022 –"): a transcript's or a live blog's, not the news. A date
    phrase inside the label is gone with it (the headline is then the rest)."""
    found = rules.label.match(sentence)
    if found is None or len(sentence[found.end() :].split()) < 2:
        return sentence, start, end, list(others)
    cut = found.end()
    kept = [(a - cut, b - cut) for a, b in others if a >= cut]
    return sentence[cut:], max(0, start - cut), max(0, end - cut), kept


def _headline(sentence: str, phrase_start: int, phrase_end: int, limit: int, history: bool,
              others: Sequence[tuple[int, int]]) -> str:
    rules = _rules()
    if len(sentence) > _LONGEST_SENTENCE:
        sentence, phrase_start, phrase_end, others = _around(
            sentence, phrase_start, phrase_end, others)
    phrase_start, phrase_end = _shifted_anchor(sentence, phrase_start, phrase_end, rules)
    phrase_start, phrase_end = _with_coordinated_dates(sentence, phrase_start, phrase_end,
                                                       others, rules)
    phrase_start, phrase_end = _with_date_words(sentence, phrase_start, phrase_end, rules)
    if ENDS_IN_COUNT.search(sentence, phrase_start, phrase_end):
        # "two days after the Iranian Parliament voted ...": the clause counted to
        clause = _clause_rest(sentence[phrase_end:])
        if len(clause.split()) >= 2:
            return _shorten(_tidy(clause, rules), limit, rules)
    participle = _participle_aside(sentence, phrase_start, phrase_end, rules) or (
        _reduced_relative_subject(sentence, phrase_start, phrase_end, rules))
    if participle is not None:
        return _shorten(_tidy(participle, rules), limit, rules)
    frame = _other_date_frame(sentence, phrase_start, others, rules)
    if frame:
        sentence, phrase_start, phrase_end, others = _follow(
            (sentence[frame:], phrase_start - frame, phrase_end - frame),
            sentence, phrase_start, others)
    clause = _own_semicolon_clause(sentence, phrase_start, phrase_end)
    if clause is not None:
        sentence, phrase_start, phrase_end, others = _follow(clause, sentence, phrase_start,
                                                             others)
    aside = _dated_aside(sentence, phrase_start, phrase_end, others)
    if aside is not None:
        sentence, phrase_start, phrase_end, others = _follow(aside, sentence, phrase_start,
                                                             others)
    gapped = _gapped_conjunct(sentence, phrase_start, phrase_end, others, rules)
    if gapped is not None:
        return _shorten(_tidy(gapped, rules), limit, rules)
    conjunct = _own_conjunct(sentence, phrase_start, phrase_end, others)
    if conjunct is not None:
        sentence, phrase_start, phrase_end, others = _follow(conjunct, sentence, phrase_start,
                                                             others)
    aside = _parenthetical(sentence, phrase_start, phrase_end)
    if aside is not None:
        sentence, phrase_start, phrase_end, others = _follow(aside, sentence, phrase_start,
                                                             others)
    before, after = sentence[:phrase_start], sentence[phrase_end:]
    relative = _last(_RELATIVE, before)
    open_aside = relative is not None and "," not in before[relative.end() :]
    if (_CLOSING_YEAR.search(sentence[phrase_start:phrase_end]) and after.startswith(",")
            and not open_aside and not _reporting_frame(after[1:])):
        # AP style sets a full date off with commas: "the Dec. 21, 1988, bombing" (but in
        # "The war, which erupted on April 15, 2023, has killed ..." the comma also closes
        # the aside, and in "... on Jan. 1, 2024, Schumer said." the sentence's clause)
        after = after[1:]
    clause = rules.event_clause.match(after)
    possessive = _POSSESSIVE.match(after)
    after_at = len(sentence) - len(after)
    dated_noun = _dated_noun_phrase(before, after, possessive, rules, short_ok=bool(others),
                                    stops=[a - after_at for a, _ in others if a >= after_at])
    cleft = _CLEFT_AFTER.match(after) if _CLEFT_BEFORE.search(before) else None
    if clause and len(after) - clause.end() > 20:
        text = after[clause.end() :]
    elif cleft:
        # "it was not until Tuesday that Castro revealed ...": the clause after "that"
        text = after[cleft.end() :]
    elif relative := _relative_clause(before, after, rules, limit):
        text = relative
    elif embedded := _embedded_clause(
        before, after, rules,
        None if history or _main_clause_dated_later(after, phrase_end, others)
        or _main_clause_dated_before(before, others) else _SINCE,
    ):
        # "fighters in the revolution that brought Castro to power 42 years ago gathered
        # Wednesday": the history is the clause the date sits in, not today's news around it;
        # so is a recent date in a since-clause ("cases recorded since the outbreak was
        # declared on July 30"), which cannot date the main clause, and one in a clause
        # whose main clause has a date of its own ("the earthquakes that struck Turkey on
        # Feb. 6 rose above 40,000 on Tuesday")
        text = embedded
    elif dated_noun:
        text = dated_noun
    elif described := _described_noun(before, after):
        text = described
    elif reduced := _reduced_relative(before, after):
        text = reduced
    elif _is_subject(before, after, rules):
        # "as Easter week began": the date is what the clause is about; it stays
        text = sentence
    elif possessive and (_sentence_start(before, rules) or before.rstrip().endswith(",")):
        # "..., last week's Russian missile test provoked protest": the date modifies the
        # subject that follows it, and what precedes is a frame.
        text = _the(after[possessive.end() :])
    else:
        if possessive:  # "in Friday's vote": the preposition belongs to the vote
            text = before.rstrip() + " " + _the(after[possessive.end() :])
        else:
            head, tail = before.rstrip(), after.lstrip(" ")
            particle = head.rsplit(" ", 1)[-1].lower() in _PARTICLES
            deadline = rules.deadline.search(head) and _TO_VERB.match(tail)
            if _NOT_UNTIL.search(head) or deadline or _date_is_complement(head, tail, rules):
                # "did not raise rates until Thursday" says they were raised on Thursday:
                # without its date the headline would say the opposite; "The last time they
                # spoke was Tuesday" would end in "was"
                head = f"{head} {sentence[phrase_start:phrase_end]}"
            elif not (particle and _DEICTIC_START.match(sentence, phrase_start)):
                # "He was sworn in last week": "last week" takes no preposition, so the "in"
                # before it is the verb's particle
                head = _drop_preposition(head, rules)
            if head.endswith(",") and tail.startswith(",") and head.count(",") % 2:
                # "The summit, on March 3, ended": the aside goes with both its commas (but
                # in "another sister, Georgina, in 1983, followed" the comma before the date
                # also closes "Georgina": an even count before it)
                head, tail = head[:-1], tail[1:].lstrip(" ")
            text = head + " " + tail
    text = _tidy(text, rules)
    if len(text.split()) < 2:
        # "Until this week.": nothing but the date; the sentence itself says more than nothing
        text = _tidy(sentence, rules)
    return _shorten(text, limit, rules)


def _reporting_frame(text: str) -> bool:
    """Does ``text`` open with a reporting clause ("Schumer said", "said the ministry"): a
    few words up to the clause's end with a reporting verb among them?"""
    parts = _CLAUSE_END.split(text, maxsplit=1)
    words = re.findall(r"[\w'’]+", parts[0])
    reporting = get_lexicon().sets["reporting"]
    return 0 < len(words) <= _FRAME_WORDS and any(w.lower() in reporting for w in words)


_FRAME_WORDS = 6


def _follow(part: tuple[str, int, int], sentence: str, start: int,
            others: Sequence[tuple[int, int]]) -> tuple[str, int, int, list[tuple[int, int]]]:
    """``part`` (the text the headline is now written from, with the phrase's place in it)
    and the sentence's other dates found again in it: each where the phrase's shift puts it
    or where it was (before a cut), if its words are there; the others are no longer in
    the text (the rules that read them would otherwise read the wrong words)."""
    text, new_start, new_end = part
    kept = []
    for a, b in others:
        for shift in (new_start - start, 0):
            if a + shift >= 0 and b + shift <= len(text) and (
                    text[a + shift : b + shift] == sentence[a:b]):
                kept.append((a + shift, b + shift))
                break
    return text, new_start, new_end, kept


def _date_is_complement(head: str, tail: str, rules: _Rules) -> bool:
    """Is the date what a copula before it says ("The last time ... was in 2011", "the
    meeting is on Monday, and ..."), its clause ending with it? Then it stays."""
    words = _drop_preposition(head, rules).split()
    if not words:
        return False
    verb = words[-1].lower()
    if verb not in rules.complement_verbs:
        return False
    following = re.match(r"\s*([\w'’]+)", tail)
    return not following or following.group(1).lower() in rules.clause_openers


def _other_date_frame(
    sentence: str, phrase_start: int, others: Sequence[tuple[int, int]], rules: _Rules
) -> int:
    """Where the sentence's news starts when it opens with a frame about another date: "In
    contrast to Thursday, when 133 people were arrested, protesters were calmer Friday" is
    Friday's news from "protesters" on. 0 when there is no such frame."""
    cut = sentence.rfind(",", 0, phrase_start)
    if cut < 0 or not any(end <= cut for _, end in others):
        return 0
    opener = sentence[:cut].lower()
    opens_with_date = any(start == 0 and end <= cut for start, end in others)
    if not opens_with_date and not any(opener.startswith(f"{word} ")
                                       for word in rules.frame_openers):
        return 0  # "Six weeks later, after ... Shusha, Armenia signed ... on Nov. 10" is one
    rest = sentence[cut + 1 :]
    words = rest.split()
    if len(words) < 4 or words[0].lower().strip("“\"") in _NOT_MAIN_CLAUSE:
        return 0
    return cut + 1 + len(rest) - len(rest.lstrip())


_NOT_MAIN_CLAUSE = frozenset("which who whom whose that and but or when where while".split())


def _relative_clause(before: str, after: str, rules: _Rules, limit: int) -> str | None:
    """The dated when-clause, or the dated relative clause with its antecedent as subject: in
    "Juanita Castro, who
    arrived in Miami in 1961, believes ..." the date belongs to "Juanita Castro arrived in
    Miami", not to what she believes now. Only a clause set off by commas (its antecedent is
    then the words before the comma)."""
    when = _last(_WHEN, before)
    if when and when.start() > limit and not re.search(r"[,;]", before[when.end() :]):
        # "... [a long main clause] when the case is heard in May in the appeals court": the
        # whole sentence would be cut before its date; the when-clause is what happens then
        inside = _drop_preposition(before[when.end() :].rstrip(), rules)
        rest = _clause_rest(after)
        clause = f"{inside} {rest}"
        return clause if len(clause.split()) >= 3 else None
    found = _last(_RELATIVE, before)
    if found is None or _CLAUSE_COMMA.search(before[found.end() :]) or ";" in before[
            found.end() :]:
        return None
    words = before[: found.start()].split()[-_ANTECEDENT_WORDS:]
    bounded = False
    lex = get_lexicon()
    for i in range(len(words) - 1, -1, -1):
        word = words[i].lower().strip(",;:")
        prev = words[i - 1].lower() if i else ""
        # a finite verb: a listed past form ("met"), one after an auxiliary ("has
        # expelled") or before its object ("questioned the"), not "the injured man", "the
        # most wanted list"
        nxt = words[i + 1].lower() if i < len(words) - 1 else ""
        verb = i < len(words) - 1 and word not in _PAST_CUES_NOT_VERBS and (
            word in lex.sets["past"] or word in lex.sets["reporting"]
            or (_is_verb(word, lex) and (prev in _AUXILIARIES or nxt in _DETERMINERS)))
        if word in rules.antecedent_stops or words[i].endswith(",") or verb:
            # "The junta has expelled French troops, who ...": the antecedent starts after
            # the verb
            words, bounded = words[i + 1 :], True
            break
    if bounded and words and words[-1][:1].isupper() and not words[0][:1].isupper():
        # '..., said grid operator Ukrenergo, which has imposed ...': a name with its title
        words = [words[0][:1].upper() + words[0][1:], *words[1:]]
    name = _trailing_name(words)
    if name:
        # "urged her to recall Parliament, which ...", "according to Doctors Without Borders,
        # which said ...": a name right before the comma is the antecedent, the words before
        # it are no part of it
        words = words[-name:]
    is_thing = found.group(0).strip(", ").lower().startswith("which")
    if words and is_thing and not words[0][:1].isupper() and words[0].lower() not in _DETERMINERS:
        # "... placed on the FBI's most wanted list, which began in 1950": from the article
        # ("who" needs a person, whom the nearest article does not find: "the arrest of Kopp")
        starts = [i for i, w in enumerate(words) if w.lower() in _DETERMINERS]
        words = words[starts[0] :] if starts else []
    if not words or not words[0][:1].isupper() and words[0].lower() not in _DETERMINERS:
        return None
    inside = _drop_preposition(before[found.end() :].rstrip(), rules)
    rest = _clause_rest(after)
    return " ".join([*words, inside, rest])


def _trailing_name(words: list[str]) -> int:
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
    if not before[:1].islower() or before.lower() in _DETERMINERS:
        return 0
    prepositions = get_lexicon().sets["prepositions"]
    if not any(w.lower() in prepositions for w in words[: len(words) - n]):
        return 0
    if n + 1 < len(words) and words[-2 - n].lower() in _DETERMINERS:
        return n + 2
    return n


_NAME_JOINERS = frozenset(("of", "and", "for", "the"))


def _main_clause_dated_later(after: str, phrase_end: int,
                             others: Sequence[tuple[int, int]]) -> bool:
    """Does the main clause go on right after the date ("... on Feb. 6 rose above 40,000")
    and hold another of the sentence's dates ("on Tuesday")?"""
    return any(start >= phrase_end for start, _ in others) and _starts_with_verb(
        after.lstrip(" ,"))


def _main_clause_dated_before(before: str, others: Sequence[tuple[int, int]]) -> bool:
    """Does a date of the sentence stand before the subordinate clause the date is in, and
    none inside it before the date ("Talks will resume on Thursday after a first round
    collapsed last week": last week is the collapse's)?"""
    found = _last(_EMBEDDING, before)
    if found is None:
        return False
    return any(o_end <= found.start() for _, o_end in others) and not any(
        found.start() <= o_start < len(before) for o_start, _ in others)


_SINCE = frozenset({"since"})
# Subordinators that are prepositions too: a clause after them needs its own verb.
_PREPOSITION_LIKE = frozenset({"since", "after", "before", "until"})


def _is_verb(word: str, lex) -> bool:
    """A word that makes a clause (lower case): a past form, a reporting verb, a future cue
    (from the temporal engine's tense word lists) or a present form of "be"."""
    if word in _PAST_CUES_NOT_VERBS:
        return False
    return (is_past_form(word, lex) or word in lex.sets["reporting"]
            or word in lex.sets["future"] or word in _rules().present_verbs)


_AUXILIARIES = frozenset("has have had is are was were will would".split())
# Words the tense lists hold as signs of the past that make no clause ("last Friday's").
_PAST_CUES_NOT_VERBS = frozenset(("ago", "last", "earlier", "former", "since"))


def _has_verb(words: str) -> bool:
    lex = get_lexicon()
    return any(_is_verb(w, lex) for w in re.findall(r"[a-z]+", words.lower()))


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it"})


def _named_subject(clause: str, main: str) -> str:
    """A clause whose subject is a pronoun takes the main clause's subject when that is a
    name: "Elian has been the focus of a battle since he was found ..." -> "Elian was found
    ..." (a headline stands alone; "He" would not say who)."""
    first, _, rest = clause.partition(" ")
    if first.lower() not in _SUBJECT_PRONOUNS or not rest:
        return clause
    subject = _subject(main.strip(), get_lexicon())
    if subject is None or not all(w[:1].isupper() for w in subject.split()):
        return clause
    return f"{subject} {rest}"


def _embedded_clause(before: str, after: str, rules: _Rules,
                     kinds: frozenset[str] | None = None) -> str | None:
    """The subordinate clause the date sits in ("... where the Granma landed on Dec. 2, 1956,
    with 82 armed men"), with the noun it describes as subject for who/which/that; only
    clauses opened by one of ``kinds``, if given."""
    found = _last(_EMBEDDING, before)
    if found is None or re.search(r"[,;:]|\s--\s", before[found.end() :]):
        return None
    if kinds is not None and found.group(1).lower() not in kinds:
        return None
    inside = _drop_preposition(before[found.end() :].rstrip(), rules)
    if (found.group(1).lower() in _PREPOSITION_LIKE and not _has_verb(inside)
            and _clause_rest(after).strip(".!?\"”’ ")):
        # "after a severe drought in 2022 that left ...": a noun phrase that goes on; "since
        # the attack on Israel on April 13." ends with the date and is the headline
        return None
    inside = _named_subject(inside, before[: found.start()])
    rest = _clause_rest(after)
    if _starts_with_verb(rest) or found.group(1).lower() != "where":
        # "... the men who launched the revolution four decades ago in a rally Saturday": the
        # date closes a relative clause; what follows is the main clause again
        rest = ""
    subject: list[str] = []
    if found.group(1).lower() in ("who", "which", "that"):
        words = re.split(r"[,;:]", before[: found.start()])[-1].split()[-_ANTECEDENT_WORDS:]
        starts = [i for i, w in enumerate(words) if w.lower() in _DETERMINERS]
        if not starts:
            return None  # no noun phrase to be the subject: "said that ..." is no relative
        subject = words[starts[-1] :]
        if any(w.lower() in rules.antecedent_stops - {"and"} for w in subject):
            return None  # "the officials said that ...": a complement, not a relative clause
    place: list[str] = []
    if found.group(1).lower() == "where":
        # "in Oklahoma City, where 168 people were killed ...": the place is the news too
        named = _PLACE_BEFORE.search(before, 0, found.start())
        if named:
            place = ["in", named.group(1)]
    rest = rest.rstrip(".!?")
    clause = " ".join([*subject, inside, rest, *place]).strip()
    clause = " ".join(clause.split())
    return clause if len(clause.split()) >= 3 else None


# ", and said", " but warned": a coordinated clause with its own (past, reported or modal)
# verb and the subject of the first.
_CONJUNCTION = re.compile(r",?\s+(?:and|but|(?:and\s+)?then)\s+(?=([a-z]+)\b)")
# ", and the army said ...", ", and fighting resumed ...", "... since March and the army
# shelled it": a coordinated clause with a subject of its own (without a comma only when
# both sides have their verb).
_NEW_CLAUSE = re.compile(
    r"(?P<comma>,)?\s+(?:and|but|while|after\s+which)\s+"
    r"(?=(?:(?:the|a|an|[A-Z][\w.'’-]*)\s)"
    r"|(?P<noun>[a-z]+)\s+(?:(?:in|of|from|at|on|near)\s+(?:the\s+)?[a-z]+\s+)?"
    r"(?P<verb>[a-z]+)\b)"
)
_FIRST_WORDS = re.compile(r"[\w'’.-]+")
_SUBJECT_WORDS = 8


# ", who was elected in 2021 ...,": a relative clause set off by commas.
_ASIDE = re.compile(r",\s+(?:who|which)\s[^,;]*,|,\s+(?P<part>[a-z]+)\s[^,;]*,")
# "The dam, built in 1958, failed": the subject, the participle and what follows it up to the
# date (a preposition, "from", "as early as").
_PARTICIPLE_ASIDE = re.compile(r"^(?P<np>[^,;]{3,80}?),\s+(?P<part>[a-z]+)(?P<rest>\s[^,;]*)?$")


def _is_participle(word: str) -> bool:
    """A past participle: "built", "held", "submitted", "taken", "drawn"."""
    lex = get_lexicon()
    return (len(word) > 3 and word.endswith(("ed", "en", "wn", "rn"))) or word in lex.sets["past"]


def _dated_aside(sentence: str, start: int, end: int, others: Sequence[tuple[int, int]]
                 ) -> tuple[str, int, int] | None:
    """The sentence without a relative clause that holds another of its dates, when the date
    is in the main clause: "Bazoum, who was elected in 2021 ..., tweeted early on Thursday
    that ..." is "Bazoum tweeted ..." on Thursday."""
    for found in _ASIDE.finditer(sentence, 0, start):
        if found.end() > start:
            break
        if found.group("part") and not _is_participle(found.group("part")):
            continue
        if any(found.start() <= o_start < found.end() for o_start, _ in others):
            cut = found.end() - found.start()
            text = sentence[: found.start()] + sentence[found.end() :]
            return text, start - cut, end - cut
    return None


def _participle_aside(sentence: str, start: int, end: int, rules: _Rules) -> str | None:
    """The clause a participial aside stands for, when the date is in it: in "The dam, built
    in 1958, failed on Wednesday" the 1958 event is "The dam was built"."""
    if not sentence[end:].lstrip().startswith(","):
        return None
    found = _PARTICIPLE_ASIDE.match(sentence[:start].rstrip())
    if not found or not _is_participle(found.group("part")):
        return None
    rest = (found.group("rest") or "").strip()
    if rest and _drop_preposition(rest, rules) == rest:
        return None  # "The dam, built by Soviet engineers 1958": no preposition of a date
    np = rules.openers.sub("", found.group("np").strip() + " ").strip()
    if not np or len(np.split()) > 8 or "," in np:
        return None
    head = np.split()[-1].lower()
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    rest = _drop_preposition(rest, rules) if rest else ""
    return " ".join(p for p in (np, "were" if plural else "was", found.group("part"), rest) if p)


_AUX_NEXT = re.compile(r"\s*(?:was|were|has|have|had|is|are|will|would|remains|remained)\b")
_SUBJECT_PARTICIPLE = re.compile(
    r"^(?P<np>(?:the|a|an|its|their|this|that)\s[^,;]{2,60}?)\s(?P<part>[a-z]+)"
    r"(?P<rest>\s(?:on|in|at|late|early|from)(?:\s[a-z]+)?)?\s*$", re.IGNORECASE)


_RELATIVE_END = re.compile(r"\s+(?:that|which|who)$", re.IGNORECASE)


def _reduced_relative_subject(sentence: str, start: int, end: int, rules: _Rules) -> str | None:
    """'The red warning for coastal gales issued on Sunday evening was lifted at 09:00
    today': the date is the participle's, inside the subject; its event is "The red warning
    for coastal gales was issued"."""
    aux = _AUX_NEXT.match(sentence, end)
    if not aux:
        return None
    found = _SUBJECT_PARTICIPLE.match(sentence[:start].rstrip())
    if not found or not _is_participle(found.group("part").lower()):
        return None
    np = found.group("np").strip()
    np = np[:1].upper() + np[1:]
    relative = _RELATIVE_END.search(np)
    if relative:
        # "A ransomware attack that began late Tuesday night has crippled ...": a relative
        # clause, its verb finite already ("A ransomware attack began", not "was began")
        return f"{np[: relative.start()]} {found.group('part')}"
    # the main clause's verb agrees with the subject: "The red warning for coastal gales
    # ... was lifted"
    plural = aux.group(0).strip() in ("were", "have", "are")
    return f"{np} {'were' if plural else 'was'} {found.group('part')}"


def _own_semicolon_clause(sentence: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The clause between semicolons that holds the date: "The bloc has adopted 13 packages;
    a 14th is expected before the summer" is "a 14th is expected" before the summer."""
    first = sentence.rfind(";", 0, start) + 1
    last = sentence.find(";", end)
    last = len(sentence) if last < 0 else last
    if first == 0 and last == len(sentence):
        return None
    part = sentence[first:last]
    lead = len(part) - len(part.lstrip())
    if len(part.split()) < 3:
        return None
    return part.strip(), start - first - lead, end - first - lead


# ", and Moody's on May 8.": a second subject and its date, the verb left out (gapping).
_GAPPED = re.compile(
    r"(?P<sep>,?\s+(?:and|while|but)\s+)(?P<subj>(?:the\s+)?[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:on|in|at|by)?\s*$")


def _gapped_conjunct(sentence: str, start: int, end: int, others: Sequence[tuple[int, int]],
                     rules: _Rules) -> str | None:
    """"Fitch will review the rating on April 24, and Moody's on May 8": the May 8 entry is
    "Moody's will review the rating" (the verb phrase copied from the first clause), the
    April 24 entry "Fitch will review the rating"."""
    lex = get_lexicon()
    found = _GAPPED.search(sentence, 0, start)
    if found and not sentence[end:].strip(" .!?\"”"):
        first = sentence[: found.start()]
        subject = _subject(first, lex)
        # the first clause ends with its own date ("... on April 24, and Moody's on May 8"),
        # not with a name of a list ("followed by Manuel and Lazaro in 1984")
        dated = [o for o in others if 0 <= found.start() - o[1] <= 1]
        if subject is None or not dated:
            return None
        o_start, o_end = dated[-1]
        head = _drop_preposition(first[:o_start].rstrip(), rules)
        predicate = (head + " " + first[o_end:].strip())[len(subject) :].strip()
        return f"{found.group('subj')} {predicate}".strip()
    for o_start, o_end in others:
        gap = _GAPPED.search(sentence, end, o_start)
        if o_start > end and gap and gap.end() == o_start and gap.start() - end <= 1 and not (
                sentence[o_end:].strip(" .!?\"”")):
            head = _drop_preposition(sentence[:start].rstrip(), rules)
            return (head + " " + sentence[end : gap.start()].strip()).strip()
    return None


def _own_conjunct(
    sentence: str, start: int, end: int, others: Sequence[tuple[int, int]]
) -> tuple[str, int, int] | None:
    """The conjunct of a coordinated sentence that holds the date, when another date is in
    the other conjunct: "The government declared an emergency on Wednesday and said it would
    ask for EU funds next week" is "The government said it would ask for EU funds" next week
    and "The government declared an emergency" on Wednesday. The second conjunct takes the
    first's subject (the words before its first verb). None when there is no such split."""
    lex = get_lexicon()
    opened = _date_opened_conjunct(sentence, start, end, others)
    if opened is not None:
        return opened
    for found in _NEW_CLAUSE.finditer(sentence):
        cut, resume = found.start(), found.end()
        if found.group("verb") is not None and (
                not _is_verb(found.group("verb"), lex) or _is_verb(found.group("noun"), lex)):
            continue  # ", and fighting resumed": a bare noun subject needs its verb next
        if not found.group("comma"):
            if not (_has_verb(sentence[:cut]) and _short_subject_then_verb(sentence[resume:],
                                                                            lex)):
                continue  # "Kenya and the United States signed": one subject, not two clauses
            # the other date must be in the other conjunct, not in a clause beyond a comma
            first = sentence.rfind(",", 0, cut) + 1
            last = sentence.find(",", resume)
            last = len(sentence) if last < 0 else last
            near = [o for o in others if first <= o[0] < last]
            if not near:
                continue
        else:
            near = list(others)
        if end <= cut and any(o_start >= resume for o_start, _ in near):
            return sentence[:cut], start, end
        if start >= resume and any(o_end <= cut for _, o_end in near) and _has_verb(
                sentence[resume:start]):
            return sentence[resume:], start - resume, end - resume
    for found in _CONJUNCTION.finditer(sentence):
        if not _is_verb(found.group(1), lex):
            continue
        cut, resume = found.start(), found.end()
        if end <= cut and any(o_start >= resume for o_start, _ in others):
            return sentence[:cut], start, end
        if start >= resume and any(o_end <= cut for _, o_end in others):
            subject = _subject(sentence[:cut], lex)
            if subject is None:
                return None
            # "The first round of talks, brokered by a mediator, began ... and ended": the
            # subject ends where the aside opens
            subject = subject.rstrip(" ,")
            shift = len(subject) + 1 - resume
            return f"{subject} {sentence[resume:]}", start + shift, end + shift
    return None


# A short past form the tense lists may leave out ("died", "tied").
_SHORT_PAST = re.compile(r"\b[a-z]{2}ed\b")
# ", and in 2009, 82 miners died": a coordinated clause that opens with its own date.
_AND_THEN_DATE = re.compile(r",\s+(?:and|but)\s+")


def _date_opened_conjunct(sentence: str, start: int, end: int,
                          others: Sequence[tuple[int, int]]) -> tuple[str, int, int] | None:
    """"Last May, seven workers were killed ..., and in 2009, 82 miners died ...": each date
    opens its own clause, so each entry is that clause (the second needs a verb of its own,
    or it is a gapped one: "..., and in the week of Jan. 12, just nine")."""
    rules = _rules()
    for found in _AND_THEN_DATE.finditer(sentence):
        cut, resume = found.start(), found.end()
        dates = [(start, end), *others]
        opening = [d for d in dates if d[0] >= resume
                   and not _drop_preposition(sentence[resume : d[0]].rstrip(), rules)]
        clause = _clause_rest(sentence[opening[0][1] :].lstrip(" ,")) if opening else ""
        if not (_has_verb(clause) or _SHORT_PAST.search(clause)):
            continue
        if opening[0] == (start, end) and any(o_end <= cut for _, o_end in others):
            return sentence[resume:], start - resume, end - resume
        if opening[0] != (start, end) and end <= cut:
            return sentence[:cut], start, end
    return None


def _short_subject_then_verb(text: str, lex) -> bool:
    """Does ``text`` open with a short subject and its verb ("the army shelled it"), with no
    comma between ("Sen. Jesse Helms, R-N.C., strengthened" is a name in a list)?"""
    words = _FIRST_WORDS.findall(text.split(",", 1)[0])[:5]
    return any(_is_verb(w.lower(), lex) for w in words[1:])


def _subject(clause: str, lex) -> str | None:
    """The words before the clause's first verb, if they are few and open the clause."""
    for i, word in enumerate(_FIRST_WORDS.finditer(clause)):
        if i >= _SUBJECT_WORDS:
            return None
        w = word.group(0).lower()
        if i and w not in lex.sets["past"] and clause[: word.start()].split()[-1].lower() in (
                _DETERMINERS):
            continue  # "the affected districts": an adjective, not the verb
        if _is_verb(w, lex):
            subject = clause[: word.start()].strip()
            return subject if subject and subject[:1].isupper() else None
    return None


def _starts_with_verb(text: str) -> bool:
    """Does ``text`` open with a past-tense verb ("gathered", "fled")? The temporal engine's
    tense word lists tell."""
    first = re.match(r"[a-z]+", text)
    return bool(first) and is_past_form(first.group(0), get_lexicon())


_PLACE_BEFORE = re.compile(r"((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*),?\s*$")
_EMBEDDING = re.compile(r"\b(who|which|that|where|when|since|after|before|until)\s+", re.IGNORECASE)
def _clause_rest(after: str) -> str:
    """What follows the date up to the end of its clause (a comma, semicolon or dash)."""
    return _CLAUSE_END.split(after, maxsplit=1)[0].strip()


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return max(pattern.finditer(text), key=lambda m: m.start(), default=None)


_CLAUSE_END = re.compile(r",(?!\d{3})|;|\s--\s")  # not the comma of "2,000"
# A comma that ends a clause, not one inside a number ("2,000 people").
_CLAUSE_COMMA = re.compile(r",(?!\d{3})")
_RELATIVE_AFTER = re.compile(r",?\s+(?:which|that)\s+")
_ARTICLE = re.compile(r"\b(?:the|an?)\s", re.IGNORECASE)
_RELATIVE = re.compile(r",\s+(?:who|which)\s+")
_WHEN = re.compile(r"\bwhen\s+", re.IGNORECASE)
_ANTECEDENT_WORDS = 6
_DETERMINERS = frozenset("the a an his her its their this that these those".split())


def _described_noun(before: str, after: str) -> str | None:
    """A date between a noun phrase and the relative clause that describes it dates that
    noun: "arrested in connection with the bombings of U.S. embassies last year that killed
    224 people" -> "the bombings of U.S. embassies that killed 224 people"."""
    relative = re.match(r"\s*(?:that|which)\s+", after)
    if not relative or not _starts_with_verb(after[relative.end() :]):
        return None  # "told reporters last week that the plan failed": a complement
    the = _last(_ARTICLE, before)
    if the is None or re.search(r"[,;:]", before[the.start() :]):
        return None
    # "a drought in 2022 that left ...": the preposition goes with the date
    noun = _drop_preposition(before[the.start() :].rstrip(), _rules())
    if len(noun.split()) < 3:
        return None
    clause = _clause_rest(after)
    return f"{noun} {clause}"


# "A ceasefire proposed by Turkey [last autumn] was rejected ...": a noun phrase, a past
# participle and its agent, then the date, then the main clause's verb.
_REDUCED = re.compile(
    r"(?:^|[\s,;:(])(?P<np>(?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+"
    r"(?P<part>[a-z]+ed|[a-z]+en|made|held|led|built|brought|sent|won)\s+by\s+"
    r"(?P<agent>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*(?:\b(?:in|on|at)\s*)?$"
)
_MAIN_VERB_AFTER = re.compile(r"\s*,?\s*(?:was|were|is|are|has|have|had|will|would|[a-z]+ed)\b")


def _reduced_relative(before: str, after: str) -> str | None:
    """The noun a date dates through a participle ("A ceasefire proposed by Turkey last
    autumn was rejected by Moscow on 3 December": last autumn is when Turkey proposed it),
    when the main clause's verb follows the date."""
    found = _REDUCED.search(before)
    if not found or not _MAIN_VERB_AFTER.match(after):
        return None
    return f"{found['np']} {found['part']} by {found['agent']}"


def _is_subject(before: str, after: str, rules: _Rules) -> bool:
    """Is the date phrase the subject of a verb ("as Easter week began", "Monday marked
    the anniversary")? Then removing it would leave "as began"."""
    start = _sentence_start(before, rules)
    word_before = re.findall(r"[\w']+", before.lower())[-1:]
    after_subordinator = bool(word_before) and word_before[0] in rules.subject_date_after
    if not (start or after_subordinator):
        return False
    following = re.match(r"\s+([a-z]+)\b", after)
    return bool(following) and following.group(1) in rules.subject_verbs


_PARTICLES = frozenset(("in", "on", "over", "out", "off", "up", "down", "back", "away"))
_DEICTIC_START = re.compile(
    r"(?:last|next|this|yesterday|today|tomorrow|tonight)\b", re.IGNORECASE
)
_ARTICLE_END = re.compile(r"\b(?:the|a|an)\s*$", re.IGNORECASE)
_DAY_SHIFT = re.compile(r"(?:(?:the|a)\s+)?day\s+(?:before|after)\s", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


# Longer "sentences" (a page pasted without full stops) are cut to the words around the date
# first: the clause rules read the text before and after it, and a headline is short anyway.
_LONGEST_SENTENCE = 1500
_AROUND = 600


def _around(sentence: str, start: int, end: int, others: Sequence[tuple[int, int]]
            ) -> tuple[str, int, int, list[tuple[int, int]]]:
    """The words within ``_AROUND`` characters of the date, offsets moved to match."""
    first = sentence.rfind(" ", 0, max(0, start - _AROUND)) + 1
    last = sentence.find(" ", end + _AROUND)
    last = len(sentence) if last < 0 else last
    kept = [(a - first, b - first) for a, b in others if first <= a and b <= last]
    return sentence[first:last], start - first, end - first, kept


# Words that belong to a date the engine tags without them: "on Wednesday local time",
# "said on Monday last", "on Christmas night", "in mid-to-late March", "in the first ten days
# of April". They go out of the headline with it.
_DATE_WORDS_AFTER = re.compile(r"\s+(?:local\s+time|last|night|morning|evening|afternoon)\b",
                               re.IGNORECASE)
_DATE_WORDS_BEFORE = re.compile(
    r"(?:\b(?:early|mid|late)-to-|\b(?:the\s+)?(?:first|last|final|opening|closing)\s+"
    r"(?:\w+\s+)?(?:days|weeks)\s+of\s+)$", re.IGNORECASE)


def _with_date_words(sentence: str, start: int, end: int, rules: _Rules) -> tuple[int, int]:
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


def _with_coordinated_dates(sentence: str, start: int, end: int,
                            others: Sequence[tuple[int, int]], rules: _Rules) -> tuple[int, int]:
    """"cancelled on Friday and Saturday": the two dates go out of the headline together
    (each has its entry; "cancelled and Saturday" says nothing); so do "as early as December
    and as late as March" and "the first quarter of this year"."""
    for o_start, o_end in sorted(others):
        if o_start >= end and rules.date_and.fullmatch(sentence, end, o_start):
            end = o_end
        elif o_end <= start and rules.date_and.fullmatch(sentence, o_end, start):
            start = o_start
    return start, end


def _shifted_anchor(sentence: str, start: int, end: int, rules: _Rules) -> tuple[int, int]:
    """In "The day before last Tuesday's court hearing, Manuel went to ..." the hearing only
    anchors the date (a day is counted from it); it is not what happened that day. The date
    phrase then runs from "The" to the end of the anchor's noun phrase, so the headline is
    the clause it frames."""
    if not _DAY_SHIFT.match(sentence, start):
        return start, end
    lead = _THE_BEFORE.search(sentence, max(0, start - 4), start)
    start = lead.start() if lead else start
    possessive = _POSSESSIVE.match(sentence[end:])
    if possessive:
        rest = sentence[end + possessive.end() :]
        end += possessive.end() + len(rules.noun_phrase_end.split(rest, maxsplit=1)[0])
    return start, end


def _sentence_start(before: str, rules: _Rules) -> bool:
    """Nothing but discourse openers ("But", "And") or an opening quote before the phrase."""
    return not rules.openers.sub("", before.strip().lstrip(_OPENING_QUOTES) + " ").strip()


_OPENING_QUOTES = "\"“‘'`"
# "to" and a verb after a deadline ("until Friday to file"): not "to Paris", "to 5%"
_TO_VERB = re.compile(r"to\s+(?!(?:the|a|an|its|their|his|her|our)\b)[a-z]+\b")
# "did not ... until", "didn't ... till", "never ... until": the negation is of the time before
_NOT_UNTIL = re.compile(r"(?:\bnot\b|n't\b|\bnever\b)[^,;]*\b(?:until|till)$", re.IGNORECASE)


def _dated_noun_phrase(before: str, after: str, possessive, rules: _Rules,
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
    if _sentence_start(bare, rules) or bare.rstrip().endswith(","):
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
        phrase = _drop_preposition(phrase[: min(ends)].rstrip(), rules)
    phrase = re.sub(r"\s+(?:and|or|but)\s*$", "", phrase)  # "in Kenya and (because ...)"
    relative = _RELATIVE_AFTER.match(rest[len(phrase) :])
    if relative and _has_verb(rest[len(phrase) + relative.end() :][:60]):
        # "after the Feb. 3 wreck, which forced 2,000 people from their homes": what the
        # wreck did is its headline
        clause = _clause_rest(rest[len(phrase) + relative.end() :])
        return f"the {phrase} {clause}"
    if len(phrase.split()) < 3:
        # "Friday's vote": too little to stand alone, the sentence says more; unless the
        # sentence is about another date and the noun is a happening it is counted from
        # ("testified on March 9, a month after the Feb. 3 wreck"): then "the wreck" is the
        # Feb. 3 entry, not the testimony ("With Thursday's releases, 24 hostages have been
        # freed since Friday" is no such count: "The releases" would say nothing)
        anchor = re.search(rf"(?:^|\s)(?:{_alternation(rules.anchor_prepositions)})$",
                           bare.rstrip(), re.IGNORECASE)
        return f"the {phrase}" if short_ok and phrase and anchor else None
    return _with_article(article, phrase)


def _with_article(article: str, phrase: str) -> str:
    """``phrase`` behind the article its date stood behind, "a" or "an" as its first word
    needs ("an Aug. 10 stock purchase agreement" -> "a stock purchase agreement"); none
    before a preposition ("the weeks before the shooting" -> "before the shooting")."""
    first = phrase.split(maxsplit=1)[0].lower()
    if first in get_lexicon().sets["prepositions"] or first in _rules().date_prepositions:
        return phrase
    if article in ("a", "an"):
        article = "an" if first[:1] in "aeiou" else "a"
    return f"{article} {phrase}"


def _the(noun_phrase: str) -> str:
    """``noun_phrase`` after a possessive date that was its determiner ("Friday's vote"),
    which "the" now stands for: "in the vote", not "in vote" (unless the "'s" was "is":
    "Monday's the day")."""
    first = noun_phrase.split(maxsplit=1)[:1]
    if first and first[0].lower() in _DETERMINERS:
        return noun_phrase
    return f"the {noun_phrase}"


# What separates the items of a list such as a caption's "A (date), B (date) and C (date)".
_LIST_MARKS = (",", ":", ";", ")", " -- ", " and ")


def _parenthetical(sentence: str, start: int, end: int) -> tuple[str, int, int] | None:
    """A date inside brackets dates what stands just before them: in "Putin (on July 4, 2019,
    in Rome), Lukashenka (on November 12, 2019, in Vienna)", each date's own text is
    "Putin (on July 4, 2019, in Rome)". Returns that text and the phrase's place in it."""
    opening = sentence.rfind("(", 0, start)
    if opening < 0 or sentence.find(")", opening, start) >= 0:
        return None
    closing = sentence.find(")", end)
    if closing < 0 or "(" in sentence[end:closing]:
        return None
    found = [(sentence.rfind(mark, 0, opening), mark) for mark in _LIST_MARKS]
    cut = max((at + len(mark) for at, mark in found if at >= 0), default=0)
    head = sentence[cut:opening]
    if len(head.split()) < 2:
        return None
    inside = sentence[opening + 1 : closing]
    text = f"{head.strip()}, {inside}"
    offset = len(head.strip()) + 2 - (opening + 1)  # phrase's shift from sentence to text
    return text, start + offset, end + offset


def _drop_preposition(text: str, rules: _Rules) -> str:
    """``text`` (the words before a date) without the date's preposition and focus particle:
    "took effect only on" -> "took effect", '"By' -> '"'."""
    lowered = text.lower()
    for word in rules.date_prepositions:
        if lowered == word or (lowered.endswith(word)
                               and lowered[-len(word) - 1] in _BEFORE_PREPOSITION):
            text = text[: len(text) - len(word)].rstrip()
            break
    focus = rules.focus_before.search(text)
    if focus and text[: focus.start()].split()[-1:] not in ([d] for d in _DETERMINERS):
        text = text[: focus.start()].rstrip()  # not "the only Monday"
    return text


# What may stand before a date's preposition: a space, a bracket, an opening quote.
_BEFORE_PREPOSITION = " ([\"“‘'"


# Punctuation a cut leaves at either end of a headline (the en dash of "2022 – Russian").
_LOOSE = " ,;:-–—"


def _tidy(text: str, rules: _Rules) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\(\s*[,;]?\s*", "(", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"(^|\s)([\"“‘])\s*[,;:]\s*", r"\1\2", text)  # '"By Friday, conditions'
    text = " ".join(text.split())
    stripped = rules.openers.sub("", text.strip(_LOOSE))
    # "Then came another sister": after an inversion the opener is part of the clause
    text = text.strip(_LOOSE) if _starts_with_verb(stripped) else stripped
    text = text.strip(_LOOSE)
    if text.endswith((".", "!")) and not text.endswith("...") and not _abbreviated(text):
        text = text[:-1].rstrip(_LOOSE)
    first = len(text) - len(text.lstrip(_OPENING_QUOTES))
    if text[first:first + 1].islower():
        text = text[:first] + text[first].upper() + text[first + 1 :]
    return text


# "U.S.", "a.m.", "Jan.": initials or a listed abbreviation (the temporal lexicon's)
_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")


def _abbreviated(text: str) -> bool:
    """Does ``text`` end with an abbreviation's period ("the U.S.", "on Jan.")? That period
    is no full stop to drop: "the U.S" would be a misspelling."""
    last = text.rsplit(None, 1)[-1].lstrip("(\"“‘'")
    return bool(_INITIALS.fullmatch(last)) or last[:-1] in get_lexicon().sets["abbreviations"]


# Where a sentence may end inside a quotation: after . ! or ?, before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_INITIAL = re.compile(r"[A-Z]\.")


def first_sentence(text: str) -> str:
    """``text`` up to the end of its first sentence: a full stop after an abbreviation or an
    initial ("no budget on Jan. 1", "John F. Kennedy", "the U.S. embassy") ends none."""
    for found in _SENTENCE_END.finditer(text):
        head = text[: found.start()]
        last = head.rsplit(None, 1)[-1].lstrip("(\"“‘'")
        if head.endswith(".") and (_abbreviated(head) or _INITIAL.fullmatch(last)):
            continue
        return head
    return text


_SHORTEST_CUT = 45


def _shorten(text: str, limit: int, rules: _Rules) -> str:
    if len(text) <= limit:
        return text
    # an aside that names someone ("The suspect -- Khalfan Khamis Mohamed -- was ...") stays
    text = _DASH_ASIDE.sub(lambda m: m.group(0) if _NAME.search(m.group(0)) else " ", text)
    if len(text) <= limit:
        return text
    # A clause boundary is a good cut only past the first few words: "What matters most is
    # that Elian, after losing ..." cut at ", after" says nothing; a word cut says more.
    cuts = [text.find(b, _SHORTEST_CUT) for b in rules.boundaries]
    cuts = [c for c in cuts if _SHORTEST_CUT <= c <= limit]
    if cuts:
        return _balance_quotes(text[: min(cuts)].rstrip(" ,;"))
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-— ")
    return _balance_quotes(cut + "…")


def _balance_quotes(text: str) -> str:
    """Close a quotation the cut left open, so the headline reads as quoted."""
    if text.count('"') % 2:
        return text + '"'
    if text.count("“") > text.count("”"):
        return text + "”"
    return text
