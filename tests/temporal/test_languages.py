"""Articles in other languages: detection and override, the per-language rules, their data
files, and the warning for a language the engine does not read."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator import ruledata
from generator.events.extract import Event, extract_events
from generator.pipeline import extract
from generator.sources.articles import read_article
from generator.sources.language import detect, supported
from generator.temporal import annotate
from generator.temporal.intl import RULES, available
from generator.temporal.intl.lexicon import get_lang_lexicon
from generator.temporal.lexicon import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "data" / "temporal_cases_lang.yaml")
                       .read_text(encoding="utf-8"))
LANGS = ("es", "fr", "de", "pt", "it")


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['lang']}:{c['text'][:30]}")
def test_language_cases(case):
    found = {(t.phrase, t.value) for t in annotate(case["text"], case["dct"], case["lang"])}
    missing = [(p, str(v)) for p, v in case["expect"] if (p, str(v)) not in found]
    assert not missing, f"missing {missing}; found {sorted(found)}"
    wrong = [p for p, _ in found if p in case.get("absent", ())]
    assert not wrong, f"{wrong} is no date here; found {sorted(found)}"


def test_every_language_has_cases():
    assert {c["lang"] for c in CASES} == set(LANGS)


def test_english_is_the_default_and_unchanged():
    text = "The talks resumed on Monday, two days after the ceasefire of Nov. 3."
    dct = date(2023, 11, 8)
    assert annotate(text, dct) == annotate(text, dct, "en")


def test_spanish_text_read_as_english_finds_little():
    """The issue's symptom, kept as the reason for the per-language rules."""
    text = "El pasado 7 de octubre y el 23 de octubre de 2023."
    english = {t.value for t in annotate(text, date(2023, 11, 5))}
    spanish = {t.value for t in annotate(text, date(2023, 11, 5), "es")}
    assert "2023-10-07" not in english
    assert {"2023-10-07", "2023-10-23"} <= spanish


# --- detection -----------------------------------------------------------------------------

SAMPLES = {
    "en": "The government said on Monday that the talks would resume after the holiday, "
          "and that the ministers had agreed to meet again in Cairo.",
    "es": "El gobierno anunció el lunes que las negociaciones se reanudarán después de las "
          "fiestas, y que los ministros acordaron reunirse de nuevo en El Cairo.",
    "fr": "Le gouvernement a annoncé lundi que les négociations reprendront après les fêtes, "
          "et que les ministres se sont mis d'accord pour se retrouver au Caire.",
    "de": "Die Regierung hat am Montag angekündigt, dass die Gespräche nach den Feiertagen "
          "fortgesetzt werden und dass sich die Minister wieder in Kairo treffen.",
    "pt": "O governo anunciou na segunda-feira que as negociações serão retomadas depois dos "
          "feriados, e que os ministros concordaram em se reunir de novo no Cairo.",
    "it": "Il governo ha annunciato lunedì che i negoziati riprenderanno dopo le feste, e che "
          "i ministri hanno deciso di incontrarsi di nuovo al Cairo.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_each_supported_language(lang):
    assert detect(SAMPLES[lang]).code == lang


def test_detects_a_language_it_does_not_read():
    found = detect("Вчера президент заявил, что не покинет свой пост до выборов в сентябре, "
                   "а протестующие на площади требуют его немедленной отставки.")
    assert found.code == "ru" and not found.supported


def test_given_language_wins_and_is_normalized():
    assert detect(SAMPLES["es"], "fr").code == "fr"
    assert detect(SAMPLES["es"], "pt-BR").code == "pt"


def test_too_short_to_tell_reads_as_english():
    assert detect("Cairo, 2011.").code == "en"


def test_detects_the_ml_crisis_articles():
    shared = ROOT.parent / "shared" / "data" / "ml-crisis"
    if not shared.is_dir():
        shared = Path("/work/shared/data/ml-crisis")
    if not shared.is_dir():
        pytest.skip("no ml-crisis corpus on this machine")
    wrong = []
    for lang in ("es", "fr", "it"):
        for path in sorted((shared / lang / "egypt").rglob("*.txt"))[::10]:
            text = path.read_text(encoding="utf-8", errors="replace")
            if len(text) > 400 and detect(text).code != lang:
                wrong.append(path.name)
    assert len(wrong) <= 2, wrong


def _article(tmp_path: Path, body: str, front: str = "") -> Path:
    path = tmp_path / "content" / "articles" / "crisis" / "story.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Story\ndate: 2023-11-08\n{front}---\n\n{body}\n",
                    encoding="utf-8")
    return path


def test_article_language_detected_front_matter_and_option(tmp_path):
    path = _article(tmp_path, SAMPLES["es"])
    assert read_article(path).lang == "es"
    assert read_article(path, lang="fr").lang == "fr"
    path = _article(tmp_path, SAMPLES["es"], "lang: it\n")
    assert read_article(path).lang == "it"
    assert read_article(path, lang="es").lang == "es"


def test_events_carry_the_language_and_entries_say_it(tmp_path):
    from generator.events.merge import merge_events
    from generator.timeline.entry_file import entry_text

    path = _article(tmp_path, "Ayer el gobierno anunció una tregua de tres días. "
                    "El 2 de noviembre de 2023 comenzaron las conversaciones en El Cairo.")
    events = extract_events(read_article(path), "articles/crisis/story.md")
    assert {e.value for e in events} >= {"2023-11-07", "2023-11-02"}
    assert all(e.lang == "es" for e in events)
    assert Event.from_json(events[0].to_json()).lang == "es"
    text = entry_text(merge_events(events)[0])
    assert "\nLang: es\n" in text
    english = _article(tmp_path, "The government announced a truce on Nov. 2, 2023.")
    events = extract_events(read_article(english), "articles/crisis/story.md")
    assert "lang" not in events[0].to_json()
    assert "Lang:" not in entry_text(merge_events(events)[0])


def test_headline_of_another_language_leaves_out_its_date(tmp_path):
    path = _article(tmp_path, "El 2 de noviembre de 2023 comenzaron las conversaciones "
                    "de paz en El Cairo.")
    event = extract_events(read_article(path), "x.md")[0]
    assert event.headline == "Comienzan las conversaciones de paz en El Cairo"  # in the present


def test_unsupported_language_is_warned_about_by_name(tmp_path):
    path = _article(tmp_path, "Вчера президент заявил, что не покинет свой пост до выборов "
                    "2 ноября 2023 года, а протестующие требуют его отставки.")
    result = extract([path.parent], tmp_path / "content")
    assert result.events == [] and result.errors == []
    assert len(result.warnings) == 1
    message = str(result.warnings[0])
    assert str(path) in message and "Russian" in message


def test_cli_prints_the_warning(tmp_path):
    path = _article(tmp_path, "Вчера президент заявил, что не покинет свой пост до выборов "
                    "2 ноября 2023 года, а протестующие требуют его отставки.")
    run = subprocess.run([sys.executable, "-m", "generator", "extract", "--content",
                          str(tmp_path / "content"), "--no-cache"],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr
    assert "warning" in run.stderr and path.name in run.stderr and "Russian" in run.stderr


def test_timeml_detects_each_document(tmp_path):
    from generator.temporal.timeml import annotate_document

    doc = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2023-11-08" '
           'functionInDocument="CREATION_TIME">2023-11-08</TIMEX3></DCT><TEXT>'
           + SAMPLES["es"] + " Ayer llegaron los ministros.</TEXT></TimeML>")
    out = annotate_document(doc)
    assert 'value="2023-11-07">Ayer</TIMEX3>' in out


def test_site_entry_lang_tag_is_a_tag():
    from generator.site.entry import _lang_tag

    assert _lang_tag("es") == "es" and _lang_tag("pt-BR") == "pt-BR"
    assert _lang_tag("en") == "" and _lang_tag('es" onload="x') == "" and _lang_tag(None) == ""


# --- data integrity ------------------------------------------------------------------------

def test_every_supported_language_has_its_data():
    assert set(available()) == set(LANGS) == set(supported()) - {"en"}
    for lang in LANGS:
        assert {p.name for p in (DATA_DIR / lang).glob("*.yaml")} == {
            "lexicon.yaml", "cues.yaml", "patterns.yaml"}


@pytest.mark.parametrize("lang", LANGS)
def test_data_loads_and_patterns_name_known_rules(lang):
    lex = get_lang_lexicon(lang)  # strict: unknown keys and placeholders fail here
    assert lex.patterns
    for name, rule, rx, _needs in lex.patterns:
        assert rule in RULES, f"{lang}/patterns.yaml: {name}: no rule {rule!r}"
        assert not rx.match(""), f"{lang}/patterns.yaml: {name} matches nothing"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["lexicon.yaml", "cues.yaml", "patterns.yaml"])
def test_data_files_hold_strings_and_no_repeats(lang, name):
    data = ruledata.load_yaml(DATA_DIR / lang / name)

    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                assert isinstance(key, str), f"{lang}/{name}{where}: key {key!r} (quote it)"
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            if all(not isinstance(x, dict | list) for x in node):
                words = [str(x).lower() for x in node]
                assert len(words) == len(set(words)), f"{lang}/{name}{where} repeats a word"
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")
        else:
            assert isinstance(node, str | int | float) and not isinstance(node, bool), (
                f"{lang}/{name}{where}: {node!r} (quote it)")

    walk(data, "")


@pytest.mark.parametrize("lang", LANGS)
def test_values_in_cues_are_timeml(lang):
    from generator.temporal.values import is_valid

    lex = get_lang_lexicon(lang)
    for word, value in {**lex.refs, **lex.sets}.items():
        assert is_valid(value), f"{lang}: {word}: {value}"
    assert set(lex.parts.values()) <= {"MO", "MI", "AF", "EV", "NI", "DT"}
    assert all(re.fullmatch(r"\d\d-\d\d", v) for v in lex.holidays.values())
    assert all(1 <= n <= 12 for n in lex.months.values())
    assert all(1 <= n <= 7 for n in lex.weekdays.values())


def test_generated_lexicons_are_up_to_date():
    run = subprocess.run([sys.executable, "tools/make_lang_lexicon.py", "--check"],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr


def test_add_writes_the_language_when_not_english(tmp_path):
    from generator.sources.add import Metadata, add_article

    spanish = tmp_path / "es.txt"
    spanish.write_text("Tregua en Gaza\n\n" + SAMPLES["es"] + "\n", encoding="utf-8")
    path = add_article(str(spanish), tmp_path / "c", Metadata(dct=date(2023, 11, 8))).path
    assert "\nlang: es\n" in path.read_text(encoding="utf-8")
    english = tmp_path / "en.txt"
    english.write_text("Truce in Gaza\n\n" + SAMPLES["en"] + "\n", encoding="utf-8")
    path = add_article(str(english), tmp_path / "c", Metadata(dct=date(2023, 11, 8))).path
    assert "lang:" not in path.read_text(encoding="utf-8")
    given = tmp_path / "given.txt"
    given.write_text("Trêve\n\n" + SAMPLES["es"] + "\n", encoding="utf-8")
    path = add_article(str(given), tmp_path / "d",
                       Metadata(dct=date(2023, 11, 8), lang="pt")).path
    assert "\nlang: pt\n" in path.read_text(encoding="utf-8")


def test_page_marks_an_entry_in_another_language(project):
    import lxml.html

    from generator.site.build import build_site

    folder = project / "content" / "timeline" / "demo"
    folder.mkdir(parents=True)
    (folder / "_timeline.md").write_text("Title: Demo\n\nWhat happened.\n")
    (folder / "2023-11-02-tregua.md").write_text(
        "Title: Comienzan las conversaciones\nWhen: 2023-11-02\nLang: es\n"
        "Source: 2023-11-08 | EFE |  | articles/a.md#p1 | Tregua\n\n"
        "El 2 de noviembre de 2023 comenzaron las conversaciones.\n", encoding="utf-8")
    (folder / "2023-11-03-talks.md").write_text(
        "Title: Talks go on\nWhen: 2023-11-03\n"
        "Source: 2023-11-08 | AFP |  | articles/b.md#p1 | Talks\n\nTalks went on.\n")
    assert build_site(project / "pelicanconf.py", project / "content", project / "out") == []
    page = lxml.html.parse(str(project / "out" / "timeline" / "demo" / "index.html")).getroot()
    spanish, english = page.cssselect("li.entry")
    assert spanish.cssselect("div.text")[0].get("lang") == "es"
    assert spanish.cssselect(".headline")[0].get("lang") == "es"
    assert english.cssselect("div.text")[0].get("lang") is None
