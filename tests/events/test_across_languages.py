"""One happening reported in two languages is one entry listing both sources."""

from pathlib import Path

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
