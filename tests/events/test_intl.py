"""Events in articles not in English: attribution and headlines by each language's lists."""

import pytest

from generator.events.intl.attribution import attribution
from generator.events.intl.headline import MAX_WORDS, headline
from generator.events.intl.rules import for_language, languages


@pytest.mark.parametrize("lang", languages())
def test_every_language_has_its_rules(lang):
    rules = for_language(lang)
    assert rules.verbs and rules.phrases and rules.function_words and rules.clause_words


@pytest.mark.parametrize("sentence, lang, expected", [
    ("El ejército tomó el control del centro, dijo el portavoz Ahmed Alí.", "es",
     (True, "Ahmed Alí")),
    ("Selon l'AFP, des milliers de Yéménites sont descendus dans la rue.", "fr",
     (True, "AFP")),
    ("Mubarak ha detto che non si dimetterà prima delle elezioni.", "it", (True, "Mubarak")),
    ("Según fuentes de seguridad, al menos diez personas murieron.", "es", (True, None)),
    ("Le président a démissionné vendredi, a annoncé le vice-président Omar Souleimane.", "fr",
     (True, "Omar Souleimane")),
    ("Miles de manifestantes volvieron a la plaza Tahrir.", "es", (False, None)),
    ("Le Parlement a adopté la nouvelle Constitution.", "fr", (False, None)),
])
def test_attribution(sentence, lang, expected):
    assert attribution(sentence, lang) == expected


@pytest.mark.parametrize("sentence, phrase, lang, expected", [
    # the wire dateline, the date with its words and the attribution tail go
    ("EL CAIRO, 3 feb (EFE) - Miles de manifestantes volvieron hoy a la plaza Tahrir para "
     "exigir la salida de Mubarak, dijo un testigo.", "hoy", "es",
     "Miles de manifestantes vuelven a la plaza Tahrir para exigir la salida de Mubarak"),
    ("LE CAIRE (AFP) - Le président égyptien Hosni Moubarak a démissionné vendredi et remis "
     "le pouvoir à l'armée, a annoncé le vice-président Omar Souleimane.", "vendredi", "fr",
     "Le président égyptien Hosni Moubarak démissionne et remet le pouvoir à l'armée"),
    ("El ex jefe de Estado fue detenido el 13 de abril en Sharm el Sheij junto a sus hijos.",
     "13 de abril", "es", "El ex jefe de Estado es detenido en Sharm el Sheij junto a sus hijos"),
    # an opener goes; a long sentence ends at a clause boundary, not with "…"
    ("Tuttavia, il 3 luglio l'esercito ha deposto il presidente Mohamed Morsi, mentre migliaia "
     "di sostenitori dei Fratelli musulmani protestavano davanti alla moschea di Rabaa.",
     "il 3 luglio", "it", "L'esercito depone il presidente Mohamed Morsi"),
    ("Selon la BBC, des milliers de Yéménites sont descendus dans la rue dans la capitale "
     "Sanaa, pour demander au président Ali Abdallah Saleh, au pouvoir depuis plus de 30 ans, "
     "de démissionner.", "", "fr",
     "Des milliers de Yéménites descendent dans la rue dans la capitale Sanaa"),
    # no clause boundary: it ends before a phrase ("en contra de ..."), not inside one
    ("Los Hermanos Musulmanes han llamado a sus seguidores a la intifada en contra de los que "
     "quieren robar su revolución en las calles de todo el país", "", "es",
     "Los Hermanos Musulmanes llaman a sus seguidores a la intifada"),
])
def test_headline(sentence, phrase, lang, expected):
    written = headline(sentence, phrase, lang)
    assert written == expected
    assert len(written.split()) <= MAX_WORDS and "…" not in written


def test_a_headline_of_only_a_date_is_the_sentence():
    assert headline("Ayer.", "Ayer", "es") == "Ayer"
