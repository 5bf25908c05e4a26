"""``timeline check`` reports each problem as file:line: message."""

import subprocess
import sys
from pathlib import Path

from generator.timeline.check import check_folder

GOOD = ("Title: Talks fail\nWhen: 2021-11-18\nPrecision: day\n"
        "Source: 2021-11-26 | AFP |  | articles/a.md#p1 | Talks\n\nTalks failed.\n")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)
    return folder / name


def messages(root: Path) -> list[str]:
    return [str(p) for p in check_folder(root)]


def test_clean_timeline_has_no_problems(tmp_path):
    write(tmp_path / "t", "a.md", GOOD)
    assert messages(tmp_path) == []


def test_a_blank_line_inside_the_header_is_reported_at_its_line(tmp_path):
    slip = write(tmp_path / "t", "a.md", GOOD.replace("Precision: day\n", "Precision: day\n\n")
                 .replace("\n\nTalks failed.", "\nGenerated: 0123\n\nTalks failed."))
    assert messages(tmp_path) == [
        f"{slip}:4: blank line inside the header: the 'Source:', 'Generated:' lines after "
        "it would be read as text (and the entry as having none): delete the blank line"]
    # a paragraph of the text that merely looks like a header line of another key is text
    write(tmp_path / "t", "a.md", GOOD.replace("Talks failed.", "Update: talks resume."))
    assert messages(tmp_path) == []


def test_each_problem_names_file_and_line(tmp_path):
    folder = tmp_path / "t"
    write(folder, "a.md", GOOD)
    impossible = write(folder, "b.md", GOOD.replace("When: 2021-11-18", "When: 2021-02-30"))
    unsourced = write(folder, "c.md", "Title: Other\nWhen: 2021-W46\n\nText.\n")
    wrong_precision = write(folder, "d.md", GOOD.replace("Title: Talks fail", "Title: X")
                            .replace("Precision: day", "Precision: month"))
    duplicate = write(folder, "e.md", GOOD)
    flagged = write(folder, "f.md", GOOD.replace("Title: Talks fail", "Title: Y")
                    .replace("Precision: day\n", "Precision: day\nFlags: date-conflict, wat\n"))
    found = messages(tmp_path)
    assert f"{impossible}:2: 'When: 2021-02-30' is not a calendar date" in found[0]
    assert any(m.startswith(f"{unsourced}:1: no 'Source:'") for m in found)
    assert any(m.startswith(f"{wrong_precision}:3: 'Precision: month'") for m in found)
    assert any(m.startswith(f"{duplicate}:1: duplicate of a.md") for m in found)
    assert any(m.startswith(f"{flagged}:4: unknown flag 'wat'") for m in found)
    assert any(m.startswith(f"{flagged}:4: date conflict") for m in found)


def test_command_exits_non_zero_on_problems(tmp_path, marked):
    write(tmp_path / "content" / "timeline" / "t", "a.md", "Title: X\nWhen: soon\n\nX.\n")
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "a.md:2: 'When: soon' is not a calendar date" in result.stdout
    assert "1 problem\n" in result.stdout


def test_a_missing_content_folder_is_an_error_not_a_clean_bill(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--content", "nowhere"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert "nowhere: no such content folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_date_range_is_a_calendar_value(tmp_path):
    folder = tmp_path / "t"
    write(folder, "a.md", GOOD.replace("When: 2021-11-18", "When: 2021-11-15/2021-11-18"))
    backwards = write(folder, "b.md", GOOD.replace("Title: Talks fail", "Title: X")
                      .replace("When: 2021-11-18", "When: 2021-11-18/2021-11-15"))
    mixed = write(folder, "c.md", GOOD.replace("Title: Talks fail", "Title: Y")
                  .replace("When: 2021-11-18", "When: 2021-11-15/2021-12"))
    found = messages(tmp_path)
    assert len(found) == 2, found
    assert found[0].startswith(f"{backwards}:2: 'When: 2021-11-18/2021-11-15' is not a calendar")
    assert found[1].startswith(f"{mixed}:2: 'When: 2021-11-15/2021-12' is not a calendar")


def test_a_generated_entry_the_last_extract_did_not_write_is_flagged(tmp_path):
    from generator.timeline.entry_file import GENERATED_KEY, content_hash
    from generator.timeline.store import MANIFEST

    folder = tmp_path / "t"
    body = GOOD.replace("Title: Talks fail", "Title: Talks fail again")
    generated = body.replace("\n\n", f"\n{GENERATED_KEY}: {content_hash(body)}\n\n", 1)
    write(folder, "a.md", GOOD)
    stray = write(folder, "b.md", generated)
    edited = write(folder, "c.md", generated.replace("Talks failed.", "Talks failed. Mine.")
                   .replace("Talks fail again", "Talks fail once more"))
    (folder / MANIFEST).write_text("a.md\n")
    found = messages(tmp_path)
    assert len(found) == 1, found
    assert found[0].startswith(f"{stray}:5: a generated entry that 'timeline extract' no longer")
    assert not any(str(edited) in m for m in found)  # edited by hand: the person's own
    (folder / MANIFEST).write_text("a.md\nb.md\n")
    assert messages(tmp_path) == []


def test_check_lints_only_the_timelines_named(tmp_path, marked):
    timelines = tmp_path / "content" / "timeline"
    write(timelines / "demo", "a.md", GOOD.replace("Precision: day\n",
                                                    "Precision: day\nFlags: date-conflict\n"))
    write(timelines / "mine", "a.md", GOOD)
    run = [sys.executable, "-m", "generator", "check"]
    mine = subprocess.run([*run, "mine"], cwd=tmp_path, capture_output=True, text=True)
    assert (mine.returncode, mine.stdout) == (0, "0 problems\n")
    every = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True)
    assert every.returncode == 1 and "date conflict to resolve" in every.stdout
    wrong = subprocess.run([*run, "mien"], cwd=tmp_path, capture_output=True, text=True)
    assert wrong.returncode == 1 and "no timeline 'mien' (timelines: demo, mine)" in wrong.stderr


INFERRED = ("Note: The sentence gives the time but not the day; the day is taken from the date "
            "before it in the article (or the publication date). Check it.\n")


def test_check_gives_the_editor_the_advice_of_a_day_inferred_for_a_time(tmp_path):
    entry = write(tmp_path / "t", "a.md", GOOD.replace("Precision: day\n",
                                                        "Precision: day\n" + INFERRED))
    assert messages(tmp_path) == [f"{entry}:4: the day of this time is inferred from the date "
                                  "before it in the article (or the publication date): check "
                                  "it, then delete the note"]


def test_a_key_header_is_yes_or_no_in_any_case_and_anything_else_is_reported(tmp_path):
    folder = tmp_path / "t"
    for number, value in enumerate(("yes", "Yes ", "NO", "no")):
        write(folder, f"ok{number}.md", GOOD.replace("Title: Talks fail", f"Title: T{number}")
              .replace("Precision: day\n", f"Precision: day\nKey: {value}\n"))
    assert messages(tmp_path) == []
    maybe = write(folder, "maybe.md", GOOD.replace("Title: Talks fail", "Title: M")
                  .replace("Precision: day\n", "Precision: day\nKey: maybe\n"))
    true = write(folder, "true.md", GOOD.replace("Title: Talks fail", "Title: T")
                 .replace("Precision: day\n", "Precision: day\nKey: true\n"))
    assert messages(tmp_path) == [
        f"{maybe}:4: 'Key: maybe' is neither yes nor no (the key events are 'Key: yes')",
        f"{true}:4: 'Key: true' is neither yes nor no (the key events are 'Key: yes')"]


def test_the_command_exits_non_zero_on_a_bad_key_header(tmp_path, marked):
    write(tmp_path / "content" / "timeline" / "t", "a.md",
          GOOD.replace("Precision: day\n", "Precision: day\nKey: Yes please\n"))
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "a.md:4: 'Key: Yes please' is neither yes nor no" in result.stdout
