"""One happening reported in two languages is one entry listing both sources."""

from pathlib import Path

import pytest

from generator.events.merge import merge_events
from generator.pipeline import extract

ARTICLES = {
    "es/evacuation.md": ("es", "2013-08-15", "El ejército egipcio desalojó ayer por la fuerza "
                         "las acampadas de Rabaa al Adawiya y Al Nahda en El Cairo: murieron "
                         "al menos 327 personas."),
    "fr/evacuation.md": ("fr", "2013-08-15", "L'armée égyptienne a évacué hier par la force "
                         "les sit-in de Rabaa al-Adawiya et d'al-Nahda au Caire, faisant au "
                         "moins 327 morts."),
    "es/alexandria.md": ("es", "2013-08-15", "Ayer, miles de partidarios de Mursi marcharon "
                         "por las calles de Alejandría hacia la mezquita Qaed Ibrahim."),
    "fr/geneva.md": ("fr", "2013-08-15", "Hier, le Conseil de sécurité de l'ONU s'est réuni "
                     "à Genève à la demande de Paris, Londres et Berlin."),
}


def _write(root: Path) -> Path:
    content = root / "content"
    for name, (lang, day, body) in ARTICLES.items():
        path = content / "articles" / "egypt" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {name}\ndate: {day}\nlang: {lang}\n---\n\n{body}\n",
                        encoding="utf-8")
    return content


def test_a_spanish_and_a_french_report_of_one_happening_are_one_story(tmp_path):
    content = _write(tmp_path)
    events = extract([content / "articles"], content).events
    assert {e.value for e in events} == {"2013-08-14"}
    stories = merge_events(events)
    by_sources = sorted(sorted(Path(r.source.path).parent.name + "/" + Path(r.source.path).name
                               for r in s.reports) for s in stories)
    assert by_sources == [["es/alexandria.md"], ["es/evacuation.md", "fr/evacuation.md"],
                          ["fr/geneva.md"]]


def test_one_language_is_left_as_it_is(tmp_path):
    content = _write(tmp_path)
    events = [e for e in extract([content / "articles"], content).events if e.lang == "es"]
    assert sorted(len(s.reports) for s in merge_events(events)) == [1, 1]


def _stories_of(tmp_path: Path, articles: dict[str, tuple[str, str, str]]) -> list[list[str]]:
    """The stories merged from ``articles`` (name -> language, day, text) and two reports
    of other happenings that day (a name in every report tells nothing), each story as the
    sorted names of its reports' articles."""
    content = tmp_path / "content"
    day = next(iter(articles.values()))[1]
    others = {name: (lang, day, body) for name, (lang, _, body) in ARTICLES.items()
              if name in ("es/alexandria.md", "fr/geneva.md")}
    for name, (lang, day, body) in {**articles, **others}.items():
        path = content / "articles" / "egypt" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {name}\ndate: {day}\nlang: {lang}\n---\n\n{body}\n",
                        encoding="utf-8")
    events = extract([content / "articles"], content).events
    assert len({e.value for e in events}) == 1, [e.value for e in events]
    stories = sorted(sorted(Path(r.source.path).parent.name + "/" + Path(r.source.path).name
                            for r in s.reports) for s in merge_events(events))
    return [kept for s in stories if (kept := [n for n in s if n not in others])]


# "Mohamed Morsi" in both: one person, who is in many happenings of the day
CROWD = ("es", "2013-01-27", "Ayer, miles de seguidores del depuesto Mohamed Morsi llenaron "
         "las calles de Alejandría.")
MUSEUM = ("fr", "2013-01-27", "Hier, le petit musée de Malawi a été pillé par des partisans "
          "de Mohamed Morsi.")
# two names shared (Port Said, Morsi): one kind of happening, or two
ARRESTS_ES = ("es", "2013-01-27", "Ayer, la policía detuvo en Port Said a quince seguidores "
              "de Morsi.")
ARRESTS_FR = ("fr", "2013-01-27", "Hier, à Port-Saïd, la police a interpellé quinze "
              "partisans de Morsi.")
ATTACK_FR = ("fr", "2013-01-27", "Hier, à Port-Saïd, des partisans de Morsi ont attaqué un "
             "commissariat.")


@pytest.mark.parametrize(("first", "second", "one_story"), [
    (CROWD, MUSEUM, False),  # one person named in full is one name, not two
    (ARRESTS_ES, ATTACK_FR, False),  # an arrest and an attack, whatever names they share
    (ARRESTS_ES, ARRESTS_FR, True),  # the same names and the same kind
], ids=["one-full-name", "two-kinds", "same-names-and-kind"])
def test_which_reports_in_two_languages_join(tmp_path, first, second, one_story):
    stories = _stories_of(tmp_path, {"es/first.md": first, "fr/second.md": second})
    joined = [["es/first.md", "fr/second.md"]]
    assert (stories == joined) is one_story, stories
    assert sorted(n for s in stories for n in s) == ["es/first.md", "fr/second.md"]
