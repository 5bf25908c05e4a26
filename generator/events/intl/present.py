"""The main verb of a headline in another language in the present tense, as each
language's desk writes it: "El Ejército destituyó a Morsi" -> "El Ejército destituye a
Morsi", "L'armée a destitué Morsi" -> "L'armée destitue Morsi", "Mubarak ha lasciato il
potere" -> "Mubarak lascia il potere".

The verb is found by its form (``data/intl/present/<lang>.yaml``: auxiliaries, past
endings, irregular pasts), its infinitive read with simplemma, and its present third
person made by the infinitive's ending or the table of irregular verbs. A form whose
infinitive is not sure (a noun's ending, an unknown irregular verb) keeps its tense: a
past headline is better than a wrong verb.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...ruledata import PACKAGE, expect_keys, rule_data
from ...temporal.intl.lexicon import available, get_lang_lexicon
from .clause import has_verb
from .rules import LanguageRules, for_language

_KEYS = ("auxiliaries", "passive", "being", "being_verbs", "participle_endings",
         "past_singular", "past_plural", "irregular_past", "present", "regular",
         "participle_infinitive", "coordinators", "isc_verbs", "clitics",
         "irregular_participles", "reflexives", "negations")
_DATA = PACKAGE / "events" / "data" / "intl" / "present"
_MIN_LENGTH = 4  # "dio", "fu" are in ``irregular_past``; shorter forms are no pasts here


@dataclass(frozen=True)
class Tenses:
    auxiliaries: dict[str, str]  # "ha" -> "sg"
    passive: dict[str, str]  # "fue" -> "es", "a été" -> "est"
    being: dict[str, str]  # "sono" -> "pl": essere + a verb of motion
    being_verbs: frozenset[str]
    participle_endings: tuple[str, ...]
    past_singular: tuple[str, ...]
    past_plural: tuple[str, ...]
    irregular_past: dict[str, tuple[str, str]]
    present: dict[str, tuple[str, str]]
    regular: dict[str, tuple[str, str]]  # longest infinitive ending first
    participle_infinitive: tuple[tuple[str, tuple[str, ...]], ...]  # longest ending first
    coordinators: frozenset[str]
    isc_verbs: frozenset[str]
    clitics: frozenset[str]  # "se" before "comprometió": no verb of its own
    irregular_participles: dict[str, str]  # "detto" -> "dire"
    reflexives: frozenset[str]  # "si" before "è dimesso": a reflexive's auxiliary
    negations: frozenset[str]  # "no" before "da": a verb follows
    not_past: frozenset[str]


def supported(lang: str) -> bool:
    return (_DATA / f"{lang}.yaml").is_file()


@cache
def tenses(lang: str) -> Tenses:
    """The present-tense rules of ``lang`` (a language ``supported``)."""
    where = f"data/intl/present/{lang}.yaml"
    data = rule_data("events", f"intl/present/{lang}.yaml")
    expect_keys(data, _KEYS, where)
    cues = get_lang_lexicon(lang).tense if lang in available() else {}

    def pairs(key: str) -> dict[str, tuple[str, str]]:
        return {str(k): (str(v[0]), str(v[1])) for k, v in (data.get(key) or {}).items()}

    def longest(key: str) -> tuple[str, ...]:
        return tuple(sorted(map(str, data.get(key) or ()), key=len, reverse=True))

    return Tenses(
        auxiliaries={str(k): str(v) for k, v in (data.get("auxiliaries") or {}).items()},
        passive={str(k): str(v) for k, v in (data.get("passive") or {}).items()},
        being={str(k): str(v) for k, v in (data.get("being") or {}).items()},
        being_verbs=frozenset(map(str, data.get("being_verbs") or ())),
        participle_endings=longest("participle_endings"),
        past_singular=longest("past_singular"),
        past_plural=longest("past_plural"),
        irregular_past=pairs("irregular_past"),
        present=pairs("present"),
        regular=dict(sorted(pairs("regular").items(), key=lambda kv: -len(kv[0]))),
        participle_infinitive=tuple(sorted(
            ((str(k), tuple(map(str, v))) for k, v in
             (data.get("participle_infinitive") or {}).items()), key=lambda kv: -len(kv[0]))),
        coordinators=frozenset(map(str, data.get("coordinators") or ())),
        isc_verbs=frozenset(map(str, data.get("isc_verbs") or ())),
        clitics=frozenset(map(str, data.get("clitics") or ())),
        irregular_participles={str(k): str(v) for k, v in
                               (data.get("irregular_participles") or {}).items()},
        reflexives=frozenset(map(str, data.get("reflexives") or ())),
        negations=frozenset(map(str, data.get("negations") or ())),
        not_past=frozenset(map(str, cues.get("not_past", ()))),
    )


def in_present(text: str, lang: str) -> str:
    """``text`` with its main verb, and the verbs coordinated with it, in the present:
    "Un grupo de manifestantes quemó la sede de Shafiq y destruyó propaganda" -> "Un grupo
    de manifestantes quema la sede de Shafiq y destruye propaganda"; "Au moins seize
    personnes ont été tuées" -> "Au moins seize personnes sont tuées". The first verb
    already in the present ("Saleh sigue ...") leaves the line as it is."""
    if not supported(lang):
        return text
    rules, words = tenses(lang), text.split()
    clause_rules = for_language(lang)
    out: list[str] = []
    k, changed, relative, coordinated = 0, False, False, False
    shared = ""  # the number of an auxiliary the coordinated participles share
    while k < len(words):
        low = words[k].lower().strip(",.;:")
        verb = (k > 0 and low not in rules.clitics and words[k][:1].islower()
                and not _after_determiner(words[k - 1], low, clause_rules, rules)
                and has_verb(low, lang, clause_rules))
        if relative and (verb or _present_at(words, k, lang, rules)[1]):
            relative = False  # "Los manifestantes que ayudaron ... han prometido": not it
        elif not changed or coordinated:
            new, used = _present_at(words, k, lang, rules)
            if not used and changed and shared:
                new, used = _shared_auxiliary(words[k], shared, lang, rules)
            if used:
                out.extend(new)
                shared = shared or _auxiliary_number(words[k], rules) if used == 2 else shared
                k += used
                changed, coordinated = True, False
                continue
            if not changed and verb:
                return text  # a verb no rule makes present ("demandait", "sigue"): as it is
            relative = relative or (not changed and low in clause_rules.relative_words)
        # "muere y varias resultaron heridas": the subject of a coordinate clause before its verb
        coordinated = changed and (low in rules.coordinators or (
            coordinated and not verb and not words[k].endswith((",", ";", ":"))))
        out.append(words[k])
        k += 1
    return " ".join(out)


def _after_determiner(previous: str, current: str, clause_rules: LanguageRules,
                      rules: Tenses) -> bool:
    """After an article or a preposition a word is a noun: "La empresa de telefonía ha
    enviado" ("telefonía" ends like "decía"), "près de l'école Chaab, l'armée a tiré"
    ("l'armée" ends like "tuée"), not a verb to stop at; "no da" is a verb."""
    low = previous.lower()
    return _elided(current, clause_rules) or (
        low in clause_rules.function_words and low not in rules.clitics
        and low not in rules.negations and low not in rules.auxiliaries)


def _elided(word: str, clause_rules: LanguageRules) -> bool:
    """"l'armée", "dell'esercito": an elided article or preposition before a noun."""
    head, mark, _ = word.replace("’", "'").partition("'")
    return bool(mark) and head in clause_rules.function_words


def _present_at(words: list[str], k: int, lang: str, rules: Tenses) -> tuple[list[str], int]:
    """The present of the verb at ``words[k]`` and how many words it replaces (0: no past
    verb starts there)."""
    word = words[k]
    low, after = word.lower(), words[k + 1].lower() if k + 1 < len(words) else ""
    following = words[k + 2].lower() if k + 2 < len(words) else ""
    if k and word[:1].isupper():
        return [], 0  # a name
    if f"{low} {after}" in rules.passive and _participle(following, rules):
        return [_cased(rules.passive[f"{low} {after}"], word)], 2  # "a été tuées"
    if low in rules.passive and _participle(after, rules):
        return [_cased(rules.passive[low], word)], 1  # "fue detenido" -> "es detenido"
    for table, motion in ((rules.auxiliaries, False), (rules.being, True)):
        if low in table and _participle(after, rules):
            lemma = _infinitive(after.strip(",.;:"), lang, rules)
            reflexive = k > 0 and words[k - 1].lower() in rules.reflexives
            if lemma and (not motion or reflexive or lemma in rules.being_verbs):
                form = _conjugated(lemma, table[low], lang, rules)
                if form:
                    return [_cased(form, word) + _trailing(words[k + 1])], 2
    bare = low.strip(",.;:")
    lemma, number = rules.irregular_past.get(bare, ("", ""))
    if not lemma and len(bare) >= _MIN_LENGTH and bare not in rules.not_past:
        number = ("pl" if bare.endswith(rules.past_plural) else
                  "sg" if rules.past_singular and bare.endswith(rules.past_singular) else "")
        lemma = _infinitive(bare, lang, rules) if number else ""
    form = _conjugated(lemma, number, lang, rules) if lemma else None
    return ([_cased(form, word) + _trailing(word)], 1) if form else ([], 0)


def _auxiliary_number(word: str, rules: Tenses) -> str:
    low = word.lower()
    return rules.auxiliaries.get(low, rules.being.get(low, ""))


def _shared_auxiliary(word: str, number: str, lang: str, rules: Tenses) -> tuple[list[str], int]:
    """A participle that shares the main verb's auxiliary: "Moubarak a démissionné et remis
    le pouvoir" -> "Moubarak démissionne et remet le pouvoir"."""
    if not _participle(word.lower(), rules):
        return [], 0
    lemma = _infinitive(word.lower().strip(",.;:"), lang, rules)
    form = _conjugated(lemma, number, lang, rules) if lemma else None
    return ([form + _trailing(word)], 1) if form else ([], 0)


def _participle(word: str, rules: Tenses) -> bool:
    return word.strip(",.;:").endswith(rules.participle_endings)


@cache
def _lemma(word: str, lang: str) -> str:
    import simplemma  # here, not at the top: an English extract never loads it

    return simplemma.lemmatize(word, lang=lang)


@cache
def _known(word: str, lang: str) -> bool:
    import simplemma

    return simplemma.is_known(word, lang=lang)


def _infinitive(form: str, lang: str, rules: Tenses) -> str:
    """The infinitive of a past form or participle, or "" when none is sure: "destituyó"
    -> "destituir", "tuées" -> "tuer"; "chiesa" (a noun) -> ""."""
    if form in rules.irregular_participles:
        return rules.irregular_participles[form]
    lemma = _lemma(form, lang)
    if lemma != form and (lemma in rules.present or lemma.endswith(tuple(rules.regular))):
        return lemma
    for ending, infinitives in rules.participle_infinitive:
        if form.endswith(ending) and len(form) > len(ending) + 1:
            candidates = [form[: -len(ending)] + infinitive for infinitive in infinitives]
            # "pedido": "pedir", a verb of the table, before "peder", a rare word
            known = [c for c in candidates if c in rules.present] + [
                c for c in candidates if _known(c, lang)]
            return known[0] if known else ""
    return ""


def _conjugated(lemma: str, number: str, lang: str, rules: Tenses) -> str | None:
    """The present third person of ``lemma``: "ordenar", "sg" -> "ordena"; "finire", "pl"
    -> "finiscono"; None for an infinitive no rule knows."""
    index = 0 if number == "sg" else 1
    if lemma in rules.present:
        return rules.present[lemma][index]
    if lemma in rules.isc_verbs:
        return lemma[:-3] + ("isce", "iscono")[index]
    for ending, forms in rules.regular.items():
        if lemma.endswith(ending) and len(lemma) > len(ending) + 1:
            return lemma[: -len(ending)] + forms[index]
    return None


def _cased(form: str, like: str) -> str:
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


def _trailing(word: str) -> str:
    """The punctuation a replaced word ended with ("destituyó," -> ",")."""
    return word[len(word.rstrip(",.;:")):]
