"""Headlines in Spanish, French and Italian in the present tense, cut at a phrase boundary,
with no opening quotation, source aside or mojibake (generator/events/intl/present.py,
headline.py). The sentences are written in the manner of ML-Crisis news."""

import pytest

from generator.events.intl.headline import MAX_WORDS, headline
from generator.events.intl.present import in_present, supported, tenses


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # pretérito indefinido, with its number
    ("El Ejército destituyó al presidente Morsi", "es",
     "El Ejército destituye al presidente Morsi"),
    ("Las fuerzas de seguridad detuvieron a cinco periodistas", "es",
     "Las fuerzas de seguridad detienen a cinco periodistas"),
    # pretérito perfecto: the auxiliary goes, its number stays
    ("Los manifestantes han ocupado la plaza", "es", "Los manifestantes ocupan la plaza"),
    # a passive keeps its participle
    ("Fueron detenidos tres activistas en Alejandría", "es",
     "Son detenidos tres activistas en Alejandría"),
    # coordinated verbs of the main clause, not a relative clause's
    ("La multitud incendió una comisaría y saqueó dos tiendas", "es",
     "La multitud incendia una comisaría y saquea dos tiendas"),
    ("Un policía murió y otros dos resultaron heridos en Suez", "es",
     "Un policía muere y otros dos resultan heridos en Suez"),
    ("Los jóvenes que convocaron la marcha han pedido calma", "es",
     "Los jóvenes que convocaron la marcha piden calma"),
    # a noun after "de" that ends like a verb ("telefonía", "decía") is no verb to stop at
    ("La compañía de telefonía ha cortado el servicio", "es",
     "La compañía de telefonía corta el servicio"),
    # "l'armée" (an elided article) is no participle "tuée" to stop at
    ("Près du pont, l'armée a bloqué la route", "fr", "Près du pont, l'armée bloque la route"),
    # passé composé, a passive one, être with a verb of motion, a reflexive
    ("L'armée a suspendu la Constitution", "fr", "L'armée suspend la Constitution"),
    ("Trois soldats ont été blessés près de Rafah", "fr",
     "Trois soldats sont blessés près de Rafah"),
    ("Des milliers de partisans sont arrivés au Caire", "fr",
     "Des milliers de partisans arrivent au Caire"),
    ("Les ministres se sont réunis à Sanaa", "fr", "Les ministres se réunissent à Sanaa"),
    ("Le raïs a quitté le pouvoir et remis ses fonctions à l'armée", "fr",
     "Le raïs quitte le pouvoir et remet ses fonctions à l'armée"),
    # passato prossimo, remoto, a passive, a reflexive
    ("Il governo ha imposto il coprifuoco", "it", "Il governo impone il coprifuoco"),
    ("Il generale annunciò la fine del regime", "it", "Il generale annuncia la fine del regime"),
    ("Il leader dei ribelli è stato ucciso a Taiz", "it",
     "Il leader dei ribelli viene ucciso a Taiz"),
    ("Il premier si è dimesso dopo le proteste", "it", "Il premier si dimette dopo le proteste"),
    ("Gli scontri sono finiti a tarda notte", "it", "Gli scontri finiscono a tarda notte"),
])
def test_the_main_verb_goes_to_the_present(text, lang, expected):
    assert in_present(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Saleh sigue en el poder pese a que prometió irse", "es"),  # already present
    ("Obama demandait à l'opposition d'engager un dialogue", "fr"),  # imparfait: kept
    ("I manifestanti sono preoccupati per il futuro", "it"),  # an adjective after "sono"
    ("È stato un errore del governo", "it"),  # "è stato" before no participle
    ("Chiedono giustizia per le persone uccise a Sanaa", "it"),  # a participle, no remoto
    ("La policía de Gaza vigila la frontera", "es"),  # no past verb at all
    ("Ein Gericht hat Mubarak verurteilt", "de"),  # no rules for German: as it is
])
def test_what_is_no_past_main_verb_stays(text, lang):
    assert in_present(text, lang) == text


def test_a_verb_no_rule_knows_keeps_its_tense():
    # an infinitive the lemmatizer does not know: no guess at its present
    assert "xqrtir" not in tenses("es").present
    assert in_present("El comité ha xqrtido la propuesta", "es") == (
        "El comité ha xqrtido la propuesta")


def test_only_languages_with_rules_are_supported():
    assert supported("es") and supported("fr") and supported("it")
    assert not supported("de") and not supported("en")


@pytest.mark.parametrize(("sentence", "lang", "expected"), [
    # no clause boundary within 16 words: the cut comes before a phrase, not after "a" or
    # inside one ("... a traspasar pacíficamente")
    ("Los delegados de la oposición egipcia se negaron a negociar con el vicepresidente "
     "Suleimán durante la reunión celebrada en el palacio presidencial de Heliópolis.", "es",
     "Los delegados de la oposición egipcia se niegan a negociar con el vicepresidente "
     "Suleimán"),
    ("Les forces de sécurité ont dispersé des centaines de manifestants rassemblés devant le "
     "siège de la télévision publique en utilisant des gaz lacrymogènes.", "fr",
     "Les forces de sécurité dispersent des centaines de manifestants rassemblés devant le "
     "siège"),
    # a phrase cut that would leave the verb without its complement is no cut
    ("Sus últimos años de gobierno coincidieron con la etapa más difícil de la historia "
     "reciente del país, marcada por la revolución.", "es",
     "Sus últimos años de gobierno coinciden con la etapa más difícil de la historia reciente"),
    # where it was said goes
    ("La Junta Militar prometió en un comunicado celebrar elecciones antes de fin de año.",
     "es", "La Junta Militar promete celebrar elecciones antes de fin de año"),
    ("L'esercito ha promesso in un comunicato di consegnare il potere ai civili entro sei mesi.",
     "it", "L'esercito promette di consegnare il potere ai civili entro sei mesi"),
    # an opening quotation loses its marks, and then its attribution tail
    ("«Los militares deben volver a sus cuarteles cuanto antes», dijo el portavoz Ahmed Said.",
     "es", "Los militares deben volver a sus cuarteles cuanto antes"),
    # mojibake in the source is repaired
    ("Egipto iniciÃ³ oficialmente el proceso para elegir a su nuevo presidente.", "es",
     "Egipto inicia oficialmente el proceso para elegir a su nuevo presidente"),
])
def test_a_printable_headline(sentence, lang, expected):
    written = headline(sentence, "", lang)
    assert written == expected
    assert len(written.split()) <= MAX_WORDS


def test_a_long_headline_never_ends_on_a_function_word():
    sentence = ("El Gobierno de transición ha anunciado la liberación de los presos políticos "
                "detenidos por las fuerzas de seguridad del antiguo régimen de Mubarak")
    words = headline(sentence, "", "es").split()
    assert len(words) <= MAX_WORDS
    assert words[-1].lower() not in {"de", "del", "la", "las", "los", "el", "a", "y", "que",
                                     "por"}
