"""Page furniture and datelines of real web copy in each language (sources.furniture), as
``segment`` sorts them when an article is read and ``extract`` leaves them out. The lines are
written in the shapes the ML-Crisis pages print (bench/furniture_survey.py lists them), not
copied from them."""

from datetime import date

import pytest

from generator.events import segment
from generator.events.extract import read_events
from generator.sources.articles import read_article
from generator.sources.furniture import dateline_day, dateline_end, for_language, summary


@pytest.mark.parametrize(("lang", "line", "kind"), [
    ("es", "Por EFE | Actualizado 03/07/2013 18:12", "byline"),
    ("es", "Viernes 12/07/2013. Actualizado 10:05h.", "byline"),
    ("es", "Ana Pérez | El Cairo", "byline"),
    ("es", "Recibe el boletín de Internacional", "share"),
    ("es", "Lee también: El Ejército toma la televisión estatal", "promotion"),
    ("es", "Foto: Amr Nabil / AFP", "credit"),
    ("es", "© Diario del Sur Ediciones. Todos los derechos reservados", "copyright"),
    ("es", "* Este artículo apareció en la edición impresa del lunes, 8 de julio de 2013", "note"),
    ("fr", "Par Jean Dupont Publié le 03/07/2013 à 18h12 Mis à jour le 04/07/2013 à 9h30",
     "byline"),
    ("fr", "— Mis à jour le 05/07/13 à 11h46", "byline"),
    ("fr", "Marie Durand — 4 juillet 2013 à 22h10 — mis à jour le 5 juillet 2013 à 8h02",
     "byline"),
    ("fr", "Temps de lecture : 4 min", "byline"),
    ("fr", "Partager cet article", "share"),
    ("fr", "Lire aussi : Le président déchu placé en détention", "promotion"),
    ("fr", "Tous droits réservés.", "copyright"),
    ("it", "(Aggiornato alle 18:40)", "byline"),
    ("it", "(Aggiornato alle 09:12 del 04 luglio 2013)", "byline"),
    ("it", "di Marco Rossi", "byline"),
    ("it", "Seguici su Facebook", "share"),
    ("it", "Leggi anche: Il Cairo, nuovi scontri in piazza", "promotion"),
    ("it", "La crisi egiziana vista da vicino, tra piazza e caserme...leggi tutto »",
     "promotion"),
    ("it", "© Riproduzione riservata", "copyright"),
    ("it", "Gazzetta politica e letteraria ¤ Fondato nel 1899", "copyright"),
    ("de", "Stand: 04.07.2013 18:00 Uhr", "byline"),
    ("pt", "Leia também: Exército assume o controlo da televisão", "promotion"),
    ("fr", "Par Luc Martin le 4 septembre 2012 18h30 | 55 Commentaires", "byline"),
    ("fr", "Article mis à jour le 06 et le 7 juillet 2013", "byline"),
    ("it", "Questo articolo è stato pubblicato il 25 gennaio 2012 alle ore 13:57.", "byline"),
    # English and the marks of any page hold for an article in any language
    ("es", "— Ana Pérez (@anaperez) 14 de agosto de 2013", "byline"),
    ("it", 'var startDate = "2013/07/04.17:57:45";', "form"),
    ("es", "All Rights Reserved.", "copyright"),
    ("it", "Divisione Stampa — Gruppo Editoriale Esempio S.p.A. - P.Iva 01234567890", "copyright"),
])
def test_a_line_of_page_furniture_is_told_by_its_kind(lang, line, kind):
    assert for_language(lang).kind(line) == kind


@pytest.mark.parametrize(("lang", "line"), [
    ("es", "Por la tarde, miles de manifestantes marcharon hacia el palacio presidencial."),
    ("es", "Publicado el informe, el Gobierno dimitió en bloque."),
    ("fr", "Par ailleurs, l'armée a annoncé mercredi la suspension de la Constitution."),
    ("fr", "Publié en 2012, le rapport décrivait déjà la torture dans les commissariats."),
    ("it", "Di fronte al palazzo, migliaia di persone hanno protestato ieri sera."),
    ("it", "Aggiornato il bilancio: i morti sono almeno 51, secondo il ministero."),
    ("fr", "Photo : des manifestants place Tahrir, mercredi soir"),  # a caption: kept
])
def test_news_in_the_same_words_stays_news(lang, line):
    assert for_language(lang).kind(line) is None


@pytest.mark.parametrize(("line", "cut"), [
    ("EL CAIRO, 3 Jul. (EUROPA PRESS) - El Ejército", "EL CAIRO, 3 Jul. (EUROPA PRESS) - "),
    ("LE CAIRE (Reuters) - L'armée", "LE CAIRE (Reuters) - "),
    ("ROMA, 4 luglio - Il governo", "ROMA, 4 luglio - "),
    ("(ANSA) – ROMA, 17 FEB – Il ministro", "(ANSA) – ROMA, 17 FEB – "),
    ("Redacción Internacional (Efe).- La llamada", "Redacción Internacional (Efe).- "),
    ("NAIROBI, Kenya (AP) _ Rescuers", "NAIROBI, Kenya (AP) _ "),
    ("Légionnaire (de 1988 à 1996). Il raconte", ""),  # a sentence: no agency has digits
    ("Correo (no será publicado):", ""),
])
def test_a_dateline_in_any_language_is_cut_where_it_ends(line, cut):
    assert line[:dateline_end(line)] == cut


def test_a_datelines_day_needs_its_year():
    assert dateline_day("EL CAIRO, 15 may 2013 (IPS) - Más de mil", "es") == date(2013, 5, 15)
    assert dateline_day("LE CAIRE, 3 juillet (AFP) - Des milliers", "fr") is None
    assert dateline_day("Des milliers de manifestants en 2013", "fr") is None


def _article(tmp_path, body, front="date: 2013-07-04\n", name="a.md"):
    path = tmp_path / name
    path.write_text(f"---\ntitle: Egipto\n{front}lang: es\n---\n{body}", encoding="utf-8")
    return read_article(path)


NEWS = ("El Ejército egipcio destituyó el miércoles al presidente Mohamed Morsi tras cuatro "
        "días de protestas masivas en todo el país.")


def test_furniture_makes_no_event_and_no_anchor_and_is_counted(tmp_path):
    """The stamp's day is no event, and "Al día siguiente" is the day after the publication
    day (4 July 2013), not after the stamp's 10 July."""
    news = ("Al día siguiente, el Ejército egipcio destituyó al presidente Mohamed Morsi tras "
            "cuatro días de protestas masivas.")
    body = (f"Por EFE | Actualizado 10/07/2013 18:12\n\n{news}\n\n"
            "Lee también: El 30 de junio, millones salieron a la calle\n\n"
            "Recibe el boletín de Internacional\n")
    reading = read_events(_article(tmp_path, body), "a.md")
    assert [e.value for e in reading.events] == ["2013-07-05"]
    assert reading.left_out == {"byline": 1, "promotion": 1, "share": 1}
    assert reading.news == 1


def test_what_follows_the_articles_end_is_left_out_but_a_menu_above_it_is_not_the_end(tmp_path):
    body = ("Lo más visto\n\nMás de Mundo\n\n" + NEWS + "\n\nLo más visto\n\n"
            "El 1 de julio, el Ejército dio un ultimátum de 48 horas a los partidos.\n")
    found = segment.paragraphs(body, None, "es")
    assert [p.kind for p in found] == ["furniture", "furniture", "body", "after-article",
                                       "after-article"]
    reading = read_events(_article(tmp_path, body), "a.md")
    assert [e.value for e in reading.events] == ["2013-07-03"]
    assert summary(reading.left_out) == (
        "promotions and links to other articles 2; "
        "after the article's end (comments, other stories) 2")


def test_a_readers_comment_ends_the_article():
    story = ("Des milliers de manifestants ont envahi la place Tahrir mercredi soir pour fêter "
             "le départ du président.")
    body = (f"{story}\n\nLuc en réponse au commentaire de Marie D. | 1 août 2013 20h34 |\n\n"
            "Le 30 juin, j'étais place Tahrir avec des millions d'Égyptiens, et ce fut immense.\n")
    assert [p.kind for p in segment.paragraphs(body, None, "fr")] == [
        "body", "after-article", "after-article"]


def test_a_datelines_date_is_no_event_but_dates_the_leads_report(tmp_path):
    """The dateline's "3 Jul." is not a happening of the lead; the lead with no date of its
    own is the report of the dateline's day (not the publication day, the 4th)."""
    body = ("EL CAIRO, 3 Jul. (EUROPA PRESS) - Miles de egipcios celebran en la plaza Tahrir "
            "la caída del presidente Mohamed Morsi, según testigos citados por la prensa.\n\n"
            "El presidente había sido elegido en junio de 2012.\n")
    events = read_events(_article(tmp_path, body), "a.md").events
    lead = [e for e in events if e.lead]
    assert [(e.value, e.phrase) for e in lead] == [("2013-07-03", "")]
    assert lead[0].sentence.startswith("Miles de egipcios")
    assert "2013-07-03" not in [e.value for e in events if e.phrase]


def test_a_dateline_gives_the_publication_date_only_when_the_front_matter_has_none(tmp_path):
    body = ("EL CAIRO, 15 may 2013 (IPS) - Más de mil personas marcharon hacia el palacio "
            "presidencial para exigir la dimisión del Gobierno.\n")
    assert _article(tmp_path, body, front="").dct == date(2013, 5, 15)
    assert _article(tmp_path, body, name="b.md").dct == date(2013, 7, 4)


@pytest.mark.parametrize(("lang", "line", "ends"), [
    ("it", "Gentile lettore, la pubblicazione dei commenti è sospesa dalle 20 alle 9, i commenti "
           "per ogni articolo saranno chiusi dopo 72 ore.", True),
    ("it", "Questo articolo non è più commentabile", True),
    ("it", "Gentile lettore, il governo ha annunciato ieri le dimissioni del ministro.", False),
])
def test_a_comment_policy_ends_the_article(lang, line, ends):
    assert bool(for_language(lang).end_of_article.fullmatch(line)) is ends
