"""The words that say what a sentence in another language tells, as the merge compares them.

"1 dicembre, i carabinieri della Tenenza di Ribera hanno arrestato Calogero Sarullo" and "1
dicembre, a Licata, è morta una pensionata" share "dicembre", "della", "hanno", "una": with
English rules (ASCII words, English stop words) those count as content, and every report of
a day's chronicle looks like every other. Here a word is any run of letters ("città",
"Égypte"), the closed-class words of the language are left out (the ``stop-words``
package's lists, and the language's own function and date words of ``data/intl``), so are
the names of months, weekdays and time units (``temporal/data/<lang>/lexicon.yaml``), and
each word is folded to its lemma (simplemma: "arrestati" and "arrestato" are "arrestare").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ...temporal.intl import get_lang_lexicon
from .rules import for_language

# a run of letters in any alphabet: "dell'esercito" is "dell" and "esercito"
_WORD = re.compile(r"[^\W\d_]+")


@cache
def stopwords(lang: str) -> frozenset[str]:
    """What no happening is told by, in ``lang``: function words, and the names of dates."""
    from stop_words import get_stop_words  # here: an English timeline never loads it

    rules = for_language(lang)
    lexicon = get_lang_lexicon(lang)
    named = (*lexicon.months, *lexicon.weekdays, *lexicon.units, *lexicon.deictic)
    words = {*get_stop_words(lang), *rules.function_words, *rules.date_words,
             *rules.clause_words, *rules.pronouns}
    words.update(part for name in named for part in _WORD.findall(str(name).lower()))
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1 << 16)  # per word: bounded for a long-running serve
def _lemma(word: str, lang: str) -> str:
    import simplemma  # here, not at the top: an English extract never loads it

    return simplemma.lemmatize(word, lang=lang).lower()


def content_words(text: str, lang: str) -> list[str]:
    """The content words of ``text``, folded, names as written: "i carabinieri hanno
    arrestato Angelo Giganti" -> carabiniere, arrestare, angelo, giganti."""
    stop = stopwords(lang)
    found = []
    for word in _WORD.findall(text):
        low = word.lower()
        if len(low) > 2 and low not in stop:  # a name stays a name: "Giganti" is no "gigante"
            found.append(low if word[0].isupper() else _lemma(low, lang))
    return found
