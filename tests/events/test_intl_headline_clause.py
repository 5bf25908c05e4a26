"""Headlines of articles in Spanish, French and Italian keep a clause (generator/events/intl/
clause.py, headline.py): a frame before the clause goes, a relative aside between the
subject and its verb goes, a cut keeps a verb, the sentence's other day words go. The
sentences are ML-Crisis news (shared/data/ml-crisis)."""

import pytest

from generator.events.intl.clause import has_verb
from generator.events.intl.headline import headline
from generator.events.intl.rules import for_language


@pytest.mark.parametrize(("sentence", "phrase", "lang", "expected"), [
    # a frame with no verb before the clause
    ("En una iniciativa sin precedentes en la historia de Internet, el régimen egipcio de "
     "Hosni Mubarak ha ordenado a todos los proveedores de acceso que operan en el país árabe "
     "que corten sus conexiones internacionales.", "", "es",
     "El régimen egipcio de Hosni Mubarak ordena a todos los proveedores de acceso que operan"),
    ("Dans le sillage de la contestation massive en Tunisie et Egypte, un mouvement militant "
     "soudanais a choisi la date du 30 janvier 2011 pour début de manifestations pacifiques "
     "visant à démettre Omar el-Béchir et son régime.", "30 janvier 2011", "fr",
     "Un mouvement militant soudanais choisit la date pour début de manifestations "
     "pacifiques"),
    # a relative aside between the subject and its verb
    ("El Consejo Supremo de las Fuerzas Armadas egipcias, al que el expresidente Hosni "
     "Mubarak cedió el viernes todos sus poderes, se comprometió este sábado en un comunicado "
     "a traspasar pacíficamente el poder.", "este sábado", "es",
     "El Consejo Supremo de las Fuerzas Armadas egipcias se compromete a traspasar "
     "pacíficamente el poder"),
    # a subject before its comma stays
    ("Los dictadores, en todas partes del mundo son hechura del imperio burgués monopolista.",
     "", "es", "Los dictadores, en todas partes del mundo son hechura del imperio burgués "
     "monopolista"),
    # the sentence's other day words go
    ("Il meeting in programma alle 17 di venerdì 16 gennaio tra il ministro dell'Interno "
     "Angelino Alfano e il suo omologo Efkan Ala.", "alle 17", "it",
     "Il meeting in programma tra il ministro dell'Interno Angelino Alfano e il suo omologo "
     "Efkan Ala"),
    ("Lundi soir, l'armée lui a lancé un ultimatum, qui expire mercredi.", "mercredi", "fr",
     "L'armée lui lance un ultimatum, qui expire"),
])
def test_a_headline_keeps_its_clause(sentence, phrase, lang, expected):
    assert headline(sentence, phrase, lang) == expected


@pytest.mark.parametrize(("text", "lang", "verb"), [
    ("las fuerzas de seguridad detuvieron a ocho", "es", True),
    ("El Consejo Supremo de las Fuerzas Armadas egipcias", "es", False),
    ("un distrito devastado por la pobreza", "es", False),  # a participle alone
    ("El régimen ha ordenado", "es", True),  # after its auxiliary
    ("sono iniziati i raid aerei", "it", True),
    ("Devant le site de la Garde républicaine", "fr", False),
])
def test_a_verb_is_read_from_its_form(text, lang, verb):
    assert has_verb(text, lang, for_language(lang)) is verb
