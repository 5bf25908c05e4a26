"""The headline of an event told in an article not in English: a printable line of its
sentence, not the sentence cut with "…".

"EL CAIRO, 3 feb (EFE) - Miles de manifestantes volvieron hoy a la plaza Tahrir, dijo un
testigo." -> "Miles de manifestantes volvieron a la plaza Tahrir": the wire dateline, the
date phrase with its preposition, an opener ("Sin embargo,") and the attribution tail go;
a sentence over ``MAX_WORDS`` ends at its last clause boundary within them (a semicolon, a
colon, a dash, a comma before a clause word: "..., mientras la policía ..."), else at a
comma, else at a word that is no article or preposition.
"""

from __future__ import annotations

import re
from functools import cache

from ...sources.furniture import datelines
from ...temporal.intl.lexicon import available, get_lang_lexicon
from .clause import has_verb, without_frame, without_relative_aside
from .present import in_present
from .rules import LanguageRules, alternation, for_language

MAX_WORDS = 16
MIN_WORDS = 6  # a clause boundary before this many words leaves no subject and verb
# a cut before a phrase keeps this many words: "Sus últimos doce meses de vida coinciden"
# (cut before "con la etapa ...") has lost the complement its verb needs
_MIN_PHRASE_CUT = 10
_MAX_BRACKETED = 8  # "(izda.)", "( levantamiento )": an aside, not the happening


def headline(sentence: str, phrase: str, lang: str) -> str:
    """The headline of ``sentence`` (in ``lang``), whose date words are ``phrase``."""
    rules = for_language(lang)
    sentence, phrase = _repaired(sentence), _repaired(phrase)
    text = " ".join(sentence.split())
    text = _without_dateline(text)
    text = _without_date(text, phrase, rules)
    text = _without_asides(text)
    text = _without_opener(text, lang)
    text = _without_opening_quote(text)
    text = _without_attribution(text, lang)
    text = without_time_words(text, lang, rules)
    text = without_relative_aside(text, lang, rules)
    text = without_frame(text, lang, rules, MIN_WORDS)
    words = text.split()
    if len(words) < 2:  # nothing but the date and its frame: the sentence says more
        words = " ".join(sentence.split()).split()
    if len(words) > MAX_WORDS:
        words = _first_clause(words, rules, lang)  # cut in the past: its verbs are read
    return in_present(_finished(" ".join(words)), lang)


def _repaired(text: str) -> str:
    """A source's mojibake repaired: "Egipto iniciÃ³ oficialmente" -> "Egipto inició
    oficialmente" (only the encoding: quotes and the rest stay as written)."""
    import ftfy  # here, not at the top: an English extract never loads it

    return ftfy.fix_encoding(text)


def without_time_words(text: str, lang: str, rules: LanguageRules) -> str:
    """The sentence's other day words out ("sono iniziati alle 17.45 di oggi" -> "sono
    iniziati alle 17.45", "Il meeting in programma di venerdì 16 gennaio tra ..." -> "Il
    meeting in programma tra ..."): the entry's date says when. The language's today and
    yesterday words, weekdays (with a day and month after them) and the date words before."""
    if lang not in available():
        return text
    found = list(_time_words(lang).finditer(text))
    for match in reversed(found):
        head = text[: match.start()].split()
        while head and head[-1].lower() in rules.date_words:
            head.pop()
        shorter = " ".join(head + text[match.end() :].split())
        if len(shorter.split()) >= 2:
            text = shorter
    return text


@cache
def _time_words(lang: str) -> re.Pattern[str]:
    lex = get_lang_lexicon(lang)
    days = alternation(tuple(sorted((w for w in lex.weekdays if len(w) > 3), key=len,
                                    reverse=True)))
    deictic = alternation(tuple(sorted((w for w in lex.deictic if " " not in w), key=len,
                                       reverse=True)))
    months = alternation(tuple(sorted(lex.months, key=len, reverse=True)))
    parts = alternation(tuple(sorted(lex.parts, key=len, reverse=True)))
    return re.compile(rf"(?i)(?<![\w'’])(?:(?:{days})(?:\s+\d{{1,2}}(?:\s+(?:{months}))?)?"
                      rf"(?:\s+(?:{parts}))?|(?:{deictic}))(?![\w'’])")


def _without_dateline(text: str) -> str:
    """'LE CAIRE (AFP) - Des milliers ...' -> 'Des milliers ...'; '12.12 h: Tras ...' ->
    'Tras ...'."""
    patterns = datelines()
    for pattern in (patterns.dateline, patterns.stamp):
        match = pattern.match(text)
        if match and match.end() < len(text):
            text = text[match.end():]
    return text


def _without_date(text: str, phrase: str, rules: LanguageRules) -> str:
    """'Mubarak dimitió el pasado viernes tras 18 días' -> 'Mubarak dimitió tras 18 días';
    'Le 25 janvier, des milliers ...' -> 'des milliers ...'."""
    at = text.find(phrase) if phrase else -1
    if at < 0:
        return text
    before = text[:at].split()
    while before and before[-1].lower().strip(",") in rules.date_words:
        before.pop()
    after = text[at + len(phrase):]
    joined = " ".join(before)
    if not joined or joined.endswith(","):
        after = after.lstrip(" ,")  # the date opened the sentence or a clause: its comma goes
    elif after.startswith(",") and not re.match(r",\s*\S+,", after):
        after = after[1:] if joined.rstrip().endswith(",") else after
    return " ".join(f"{joined} {after}".split())


def _without_opening_quote(text: str) -> str:
    """A quotation that opens the line loses its marks, its words stay: '«Mubarak debe irse
    ya», exigen los manifestantes' -> 'Mubarak debe irse ya, exigen los manifestantes'."""
    closers = {"«": "»", '"': '"', "“": "”", "‘": "’"}
    if not text or text[0] not in closers:
        return text
    end = text.find(closers[text[0]], 1)
    if end < 0:
        return text[1:].lstrip()
    return (text[1:end] + text[end + 1:]).strip()


def _without_asides(text: str) -> str:
    """A short bracketed aside goes: 'Alaa (izda.) y Gamal' -> 'Alaa y Gamal'."""
    def aside(match: re.Match[str]) -> str:
        return "" if len(match.group(1).split()) <= _MAX_BRACKETED else match.group(0)

    return " ".join(re.sub(r"\s*\(([^()]*)\)", aside, text).split())


def _without_opener(text: str, lang: str) -> str:
    """'Sin embargo, el Ejército ...' -> 'el Ejército ...'."""
    return _opener(lang).sub("", text, count=1) or text


def _without_attribution(text: str, lang: str) -> str:
    """'..., dijo un testigo.' and 'Selon l'AFP, ...' leave the headline; 'X ha detto che
    ...' stays (the speaker is the subject)."""
    leading, trailing = _attribution_frames(lang)
    match = leading.match(text)
    if match and len(text[match.end():].split()) >= MIN_WORDS:
        text = text[match.end():]
    match = trailing.search(text)
    if match and len(text[:match.start()].split()) >= MIN_WORDS:
        text = text[:match.start()]
    return _without_source_phrase(text, lang)


def _without_source_phrase(text: str, lang: str) -> str:
    """'El Consejo se comprometió en un comunicado a traspasar el poder' -> 'El Consejo se
    comprometió a traspasar el poder': where it was said tells no part of the happening."""
    phrases = for_language(lang).source_phrases
    if not phrases:
        return text
    shorter = re.sub(rf"(?i)(?<!\w)(?:{alternation(phrases)})(?![\w'’])", "", text, count=1)
    shorter = " ".join(shorter.replace(" ,", ",").split())
    return shorter if len(shorter.split()) >= MIN_WORDS else text


@cache
def _opener(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?i)^(?:{alternation(for_language(lang).openers)})\s*,\s*")


@cache
def _attribution_frames(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = for_language(lang)
    verbs, phrases = alternation(rules.verbs), alternation(rules.phrases)
    leading = re.compile(rf"(?i)^(?:{phrases})\s+[^,]{{1,60}},\s*")
    trailing = re.compile(rf"(?i),\s*(?:(?:{verbs})\b|(?:{phrases})\s)[^,]*$")
    return leading, trailing


def _first_clause(words: list[str], rules: LanguageRules, lang: str) -> list[str]:
    """The longest run of at most ``MAX_WORDS`` words that ends at a clause boundary and
    keeps a verb (one without a verb is no line: "El Consejo Supremo de las Fuerzas Armadas
    egipcias"); with no such boundary, the longest that ends before a phrase opener ("El
    régimen ordena a todos los proveedores de acceso | que operan en el país cortar ..."),
    a whole phrase, not a noun phrase cut in two ("... a traspasar pacíficamente")."""
    def boundary(n: int) -> bool:  # a clause ends after words[n - 1]
        last, following = words[n - 1], words[n].lower()
        if last.endswith((";", ":")) or following in ("–", "—", "-"):
            return True
        return last.endswith(",") and following.strip("«\"'") in rules.clause_words

    def clause(ends: list[int]) -> list[int]:
        kept = [n for n in ends if has_verb(" ".join(words[:n]), lang, rules)]
        return kept or ([] if has_verb(" ".join(words[:MAX_WORDS]), lang, rules) else ends)

    ends = clause([n for n in range(MIN_WORDS, MAX_WORDS + 1) if boundary(n)])
    if not ends:
        ends = clause([n for n in range(MIN_WORDS, MAX_WORDS + 1)
                       if words[n - 1].endswith(",")])
    if ends:
        return words[:ends[-1]]
    ends = clause([n for n in range(_MIN_PHRASE_CUT, MAX_WORDS + 1)
                   if _opens_phrase(words[n], rules) and not _dangles(words[n - 1], rules)])
    if ends:
        return words[:ends[-1]]  # before "que operan ...", "en marge de ...": a whole phrase
    kept = words[:MAX_WORDS]
    while len(kept) > MIN_WORDS and _dangles(kept[-1], rules):
        kept.pop()
    return kept


def _opens_phrase(word: str, rules: LanguageRules) -> bool:
    """A preposition, conjunction or relative ("en", "que", "dans") or a gerund ("visant",
    "chiedendo") that opens a phrase a headline may leave out."""
    low = word.lower()
    return low in rules.phrase_openers or (
        len(low) > 5 and word[:1].islower() and low not in rules.not_gerunds
        and low.endswith(rules.phrase_opener_endings))


def _dangles(word: str, rules: LanguageRules) -> bool:
    """A word no headline ends on: 'de', 'les', a lone '«'."""
    bare = word.lower().strip(",;:")
    return bare in rules.function_words or not any(c.isalnum() for c in bare)


def _finished(text: str) -> str:
    """No closing comma or full stop, quotes that close, a capital first letter."""
    text = text.strip().lstrip(",;: ").rstrip(",;:–—- ").rstrip(".").rstrip()
    if text.count('"') % 2:
        text = text.replace('"', "")
    if text.count("«") != text.count("»"):
        text = text.replace("«", "").replace("»", "")
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]
