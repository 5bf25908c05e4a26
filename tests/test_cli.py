"""The ``timeline`` command as a user runs it: in a project folder, through a real process."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def timeline(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_json_output_writes_nothing(tmp_path):
    article = tmp_path / "a.md"
    shutil.copy(FIXTURES / "russia" / "crisis-diplomacy-kremlin-weak-spots.md", article)
    result = timeline("extract", str(article), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)
    values = [e["value"] for e in events]
    assert "2021-11-18" in values and "2021-W46" in values and "2021-12" in values
    starts = [e["start"] for e in events]
    assert starts == sorted(starts)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_json_after_an_error_prints_nothing(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Talks failed on Friday.</p></body></html>")
    good = tmp_path / "a.txt"
    good.write_text("Talks\n\nThe ministers met on Friday.\n")
    result = timeline("extract", str(page), str(good), "--dct", "2021-11-26", "--json",
                      cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == "" and "timeline add" in result.stderr


def test_dct_option_overrides_the_article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks\n\nThe ministers met on Friday.\n")
    result = timeline("extract", str(article), "--dct", "2021-11-26", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [e["value"] for e in json.loads(result.stdout)] == ["2021-11-26"]


def test_article_without_date_is_a_clear_error(tmp_path, marked):
    (tmp_path / "content" / "articles" / "t").mkdir(parents=True)
    bad = tmp_path / "content" / "articles" / "t" / "undated.md"
    bad.write_text("---\ntitle: Undated\n---\nThe talks failed on Friday.\n")
    good = tmp_path / "content" / "articles" / "t" / "dated.md"
    good.write_text("---\ntitle: Dated\ndate: 2021-11-26\n---\nThe talks failed on Friday.\n")
    result = timeline("extract", cwd=tmp_path)
    assert result.returncode == 1
    assert "undated.md" in result.stderr and "--dct" in result.stderr
    assert "Traceback" not in result.stderr
    # The good article in the same run is still processed.
    assert list((tmp_path / "content" / "timeline" / "t").glob("2021-11-26-*.md"))


def test_bad_dct_option(tmp_path):
    result = timeline("extract", "--dct", "26/11/2021", cwd=tmp_path)
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_extract_edit_rebuild_keeps_the_edit(project):
    assert timeline("extract", cwd=project).returncode == 0
    folder = project / "content" / "timeline" / "russia-europe-2021"
    entries = sorted(folder.glob("*.md"))
    before = {p: p.read_bytes() for p in entries}
    peskov = next(p for p in entries if p.name.startswith("2021-11-18"))
    edited = peskov.read_text().replace("Kremlin spokesman", "Spokesman")
    peskov.write_text(edited)
    rerun = timeline("extract", cwd=project)
    assert "1 kept (edited by hand)" in rerun.stdout
    assert peskov.read_text() == edited
    for path, data in before.items():
        if path != peskov:
            assert path.read_bytes() == data, path.name
    build = timeline("build", cwd=project)
    assert build.returncode == 0, build.stderr
    page = lxml.html.parse(str(project / "output" / "timeline" / "russia-europe-2021"
                               / "index.html")).getroot()
    headlines = [h.text_content() for h in page.cssselect(".entry .headline")]
    assert any(h.startswith("Spokesman Dmitry Peskov") for h in headlines)


def test_demo_site_has_every_dated_event_in_order(project):
    assert timeline("extract", cwd=project).returncode == 0
    events = json.loads(timeline("extract", "--json", cwd=project).stdout)
    assert timeline("build", cwd=project).returncode == 0
    folder = project / "output" / "timeline" / "russia-europe-2021"
    # Every entry is on the page of all entries (the timeline page lists the key events).
    page = folder / "all" / "index.html" if (folder / "all").is_dir() else folder / "index.html"
    root = lxml.html.parse(str(page)).getroot()
    shown = [t.get("data-when") for t in root.cssselect(".entry .when time")]
    expected = [e["value"] for e in events if e["timeline"] == "russia-europe-2021"]
    # Every dated event is on the page (reports of one happening share an entry).
    assert set(shown) == set(expected)
    assert len(shown) <= len(expected)
    starts = [e["start"] for e in events if e["timeline"] == "russia-europe-2021"]
    assert starts == sorted(starts)


def test_extracting_one_article_keeps_the_rest_of_its_timeline(tmp_path, marked):
    """Naming an article writes its timeline whole: the other articles' entries stay (they
    were all removed as "no longer produced"), and only the named one takes --dct."""
    folder = tmp_path / "content" / "articles" / "t"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("---\ntitle: A\ndate: 2026-11-25\n---\n"
                                 "Troops crossed the border on Tuesday.\n")
    (folder / "b.md").write_text("---\ntitle: B\ndate: 2026-11-25\n---\n"
                                 "Rebels seized the airport on Sunday.\n")
    assert timeline("extract", cwd=tmp_path).returncode == 0
    entries = tmp_path / "content" / "timeline" / "t"
    before = sorted(p.name for p in entries.glob("2026-*.md"))
    assert len(before) == 2
    result = timeline("extract", "content/articles/t/b.md", "--dct", "2026-11-26",
                      cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after = sorted(p.name for p in entries.glob("2026-*.md"))
    assert "2026-11-24-troops-cross-the-border.md" in after  # a.md kept its own date
    assert "2026-11-22-rebels-seize-the-airport.md" in after  # Sunday from the 26th


def test_a_saved_web_page_is_refused_with_the_way_to_add_it(tmp_path, marked):
    folder = tmp_path / "content" / "articles" / "t"
    folder.mkdir(parents=True)
    (folder / "page.html").write_text("<html><body><nav>Home</nav><p>Talks on Monday.</p>"
                                      "</body></html>")
    (tmp_path / "other.htm").write_text("<p>x</p>")
    for args in (("extract",), ("extract", "other.htm", "--dct", "2026-11-25")):
        result = timeline(*args, cwd=tmp_path)
        assert result.returncode == 1
        assert "timeline add" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "content" / "timeline").exists() or not list(
        (tmp_path / "content" / "timeline").rglob("*.md"))


def test_a_timeline_whose_articles_are_all_gone_loses_its_untouched_entries(tmp_path, marked):
    for name, text in (("one", "Troops crossed the border on Tuesday."),
                       ("two", "Rebels seized the airport on Sunday.")):
        folder = tmp_path / "content" / "articles" / name
        folder.mkdir(parents=True)
        (folder / "a.md").write_text(f"---\ntitle: {name}\ndate: 2026-11-25\n---\n{text}\n")
    assert timeline("extract", cwd=tmp_path).returncode == 0
    entries = tmp_path / "content" / "timeline"
    mine = entries / "two" / "2026-11-20-my-own.md"
    mine.write_text("Title: My own\nWhen: 2026-11-20\nSource: notes\n\nKept.\n")
    shutil.rmtree(tmp_path / "content" / "articles" / "two")
    result = timeline("extract", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "two: 0 added" in result.stdout and "1 removed" in result.stdout
    assert sorted(p.name for p in (entries / "two").glob("*.md")) == [
        "2026-11-20-my-own.md", "_timeline.md"]
    assert len(list((entries / "one").glob("2026-*.md"))) == 1


def test_a_timeline_emptied_of_articles_and_entries_loses_its_folder(tmp_path, marked):
    for name in ("one", "two"):
        folder = tmp_path / "content" / "articles" / name
        folder.mkdir(parents=True)
        (folder / "a.md").write_text(f"---\ntitle: {name}\ndate: 2026-11-25\n---\n"
                                     "Troops crossed the border on Tuesday.\n")
    assert timeline("extract", cwd=tmp_path).returncode == 0
    entries = tmp_path / "content" / "timeline"
    (entries / "one" / "_timeline.md").write_text("Title: One, retitled by hand\n\n")
    for name in ("one", "two"):
        shutil.rmtree(tmp_path / "content" / "articles" / name)
    result = timeline("extract", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # only our manifest and our _timeline.md were left in two/: it goes; one/ has an edit
    assert sorted(p.name for p in entries.iterdir()) == ["one"]
    assert sorted(p.name for p in (entries / "one").iterdir()) == [".generated", "_timeline.md"]
    assert "its folder removed" in result.stdout


def test_outside_a_project_commands_refuse_and_say_where_they_looked(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks collapse\n\nTalks collapsed on Thursday.\n")
    for args in (["add", str(article), "--dct", "2021-11-26"], ["check"], ["build"],
                 ["extract"]):
        result = timeline(*args, cwd=tmp_path)
        assert result.returncode == 1, args
        assert f"{tmp_path}: not inside a timeline project: no pelicanconf.py" in (
            result.stderr), args
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no content/ made


def test_commands_find_the_project_from_a_subfolder(tmp_path, marked):
    article = tmp_path / "a.txt"
    article.write_text("Talks collapse\n\nTalks collapsed on Thursday.\n")
    inside = tmp_path / "content" / "articles"
    inside.mkdir(parents=True)
    added = timeline("add", str(article), "--dct", "2021-11-26", cwd=inside)
    assert added.returncode == 0, added.stderr
    assert "to the timeline 'talks-collapse' (named after the article" in added.stdout
    assert (inside / "talks-collapse" / "talks-collapse.md").is_file()
    assert timeline("extract", cwd=inside / "talks-collapse").returncode == 0
    assert list((tmp_path / "content" / "timeline" / "talks-collapse").glob("2021-11-25-*.md"))
    assert timeline("check", cwd=inside).returncode == 0


def test_build_warns_that_newsletter_links_are_relative_without_siteurl(project):
    folder = project / "content" / "timeline" / "t"
    folder.mkdir(parents=True)
    (folder / "2021-11-18-a.md").write_text(
        "Title: Talks fail\nWhen: 2021-11-18\nSource: 2021-11-26 | AFP |  | a.md#p1 | T\n\nX.\n")
    built = timeline("build", cwd=project)
    assert built.returncode == 0, built.stderr
    assert "warning t: newsletter links are relative" in built.stderr
    published = subprocess.run([sys.executable, "-m", "generator", "build", "-s", "publishconf.py"],
                               cwd=project, capture_output=True, text=True, timeout=120,
                               env={**os.environ, "SITEURL": "https://example.org/t"})
    assert published.returncode == 0, published.stderr
    assert "newsletter links" not in published.stderr


def test_add_and_extract_say_what_they_leave_out_as_page_furniture(tmp_path, marked):
    """Nothing is lost silently: the article file keeps every line, and both commands count
    the furniture extract will not read; an article that loses more than it keeps is named."""
    story = ("El Ejército egipcio destituyó el miércoles al presidente Mohamed Morsi tras "
             "cuatro días de protestas masivas en todo el país.")
    page = tmp_path / "morsi.txt"
    more = "El jefe del Ejército anunció una hoja de ruta con elecciones anticipadas."
    page.write_text(f"Morsi destituido\n\nPor EFE | Actualizado 04/07/2013 18:12\n\n{story}\n\n"
                    f"{more}\n\nRecibe el boletín de Internacional\n", encoding="utf-8")
    menu = tmp_path / "menu.txt"
    menu.write_text(f"Egipto hoy\n\n{story}\n\nLo más visto\n\nCompartir\n\n"
                    "Síguenos en Twitter\n", encoding="utf-8")
    added = timeline("add", str(page), "--dct", "2013-07-04", "--timeline", "egipto",
                     cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert ("2 paragraphs of it left out as page furniture when read (bylines and time stamps "
            "1; share, follow and subscribe prompts 1)") in added.stdout
    written = (tmp_path / "content" / "articles" / "egipto" / "morsi-destituido.md").read_text()
    assert "Por EFE | Actualizado" in written
    assert timeline("add", str(menu), "--dct", "2013-07-04", "--timeline", "egipto",
                    cwd=tmp_path).returncode == 0
    result = timeline("extract", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "page furniture left out: 5 paragraphs of 2 articles" in result.stdout
    assert "egipto-hoy.md: 3 paragraphs left out, 1 kept" in result.stdout
    assert "morsi-destituido.md:" not in result.stdout
