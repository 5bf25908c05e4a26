"""The hand-edit guarantees: edits kept, deletions respected, reruns byte-identical."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from generator.events.extract import Event, Source
from generator.events.merge import Story
from generator.timeline.entry_file import entry_text, is_untouched
from generator.timeline.store import MANIFEST, write_timeline


def story(event: Event) -> Story:
    return Story(lead=event, reports=(event,))


def event(value: str, headline: str, sentence: str | None = None, **changes) -> Event:
    source = Source("Crisis talks", "https://example.org/a", "AFP", date(2021, 11, 26),
                    "articles/a.md", 3)
    base = Event(value=value, type="DATE", precision="day", start=date(2021, 11, 18),
                 end=date(2021, 11, 18), phrase="last Thursday", sentence=sentence or headline,
                 headline=headline, source=source, timeline="demo")
    return replace(base, **changes)


@pytest.fixture
def events():
    return [story(event("2021-11-18", "Peskov demands Europe stop blaming Russia")),
            story(event("2021-11-20", "Blinken warns of Russian playbook"))]


def reworded(item: Story, sentence: str) -> Story:
    return story(replace(item.lead, sentence=sentence))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_first_run_writes_one_file_per_event(tmp_path, events):
    report = write_timeline(tmp_path, events, "Demo")
    assert [p.name for p in report.added] == [
        "2021-11-18-peskov-demands-europe-stop-blaming-russia.md",
        "2021-11-20-blinken-warns-of-russian-playbook.md",
    ]
    text = report.added[0].read_text()
    assert text.startswith("Title: Peskov demands Europe stop blaming Russia\nWhen: 2021-11-18\n")
    assert is_untouched(text)


def test_rerun_is_byte_identical(tmp_path, events):
    write_timeline(tmp_path, events, "Demo")
    before = snapshot(tmp_path)
    report = write_timeline(tmp_path, events, "Demo")
    assert snapshot(tmp_path) == before
    assert len(report.unchanged) == 2 and not report.added and not report.updated


def test_edited_entry_is_never_overwritten(tmp_path, events):
    first = write_timeline(tmp_path, events, "Demo").added[0]
    edited = first.read_text().replace("Peskov demands", "Kremlin demands") + "My note.\n"
    first.write_text(edited)
    changed = [reworded(events[0], "A new reading of the sentence."), events[1]]
    report = write_timeline(tmp_path, changed, "Demo")
    assert first.read_text() == edited
    assert report.kept == [first]
    assert report.source_changed == [first]  # told once: the sentence changed since the last run
    again = write_timeline(tmp_path, changed, "Demo")
    assert again.kept == [first] and not again.source_changed


def test_untouched_entry_follows_new_extraction(tmp_path, events):
    first = write_timeline(tmp_path, events, "Demo").added[0]
    changed = [reworded(events[0], "A better sentence."), events[1]]
    report = write_timeline(tmp_path, changed, "Demo")
    assert report.updated == [first]
    assert "A better sentence." in first.read_text()


def test_deleted_entry_stays_deleted(tmp_path, events):
    first = write_timeline(tmp_path, events, "Demo").added[0]
    first.unlink()
    report = write_timeline(tmp_path, events, "Demo")
    assert not first.exists()
    assert report.skipped == [first]
    assert first.name in (tmp_path / MANIFEST).read_text()


def test_hand_written_entry_is_left_alone(tmp_path, events):
    mine = tmp_path / "2021-11-19-my-own.md"
    tmp_path.mkdir(exist_ok=True)
    mine.write_text("Title: My own entry\nWhen: 2021-11-19\n\nWritten by hand.\n")
    write_timeline(tmp_path, events, "Demo")
    write_timeline(tmp_path, events[:1], "Demo")
    assert mine.read_text() == "Title: My own entry\nWhen: 2021-11-19\n\nWritten by hand.\n"


def test_stale_generated_entry_is_removed_but_edited_one_kept(tmp_path, events):
    added = write_timeline(tmp_path, events, "Demo").added
    added[0].write_text(added[0].read_text() + "Edited.\n")
    report = write_timeline(tmp_path, [], "Demo")
    assert added[0].exists() and not added[1].exists()
    assert report.removed == [added[1]]


def test_entry_text_keeps_metadata_on_one_line(events):
    text = entry_text(story(event("2021-11-18", "Line one\nline two", phrase="last\nThursday")))
    head = text.split("\n\n", 1)[0]
    assert "Title: Line one line two" in head
    assert "Phrase: last Thursday" in head


def retitled(item: Story, headline: str, **changes) -> Story:
    """The same report read by a newer engine: same article and sentence, new headline."""
    return story(replace(item.lead, headline=headline, **changes))


def test_new_headline_keeps_the_file_and_its_permalink(tmp_path, events):
    first = write_timeline(tmp_path, events, "Demo").added[0]
    report = write_timeline(tmp_path, [retitled(events[0], "Kremlin urges calm"), events[1]],
                            "Demo")
    assert report.updated == [first] and not report.added and not report.removed
    assert first.read_text().startswith("Title: Kremlin urges calm\n")


def test_new_headline_does_not_duplicate_an_edited_entry(tmp_path, events):
    first = write_timeline(tmp_path, events, "Demo").added[0]
    edited = first.read_text() + "Checked by the desk.\n"
    first.write_text(edited)
    report = write_timeline(tmp_path, [retitled(events[0], "Kremlin urges calm"), events[1]],
                            "Demo")
    assert report.kept == [first] and not report.added
    assert first.read_text() == edited
    assert sorted(p.name for p in tmp_path.glob("2021-*.md")) == sorted(
        [first.name, "2021-11-20-blinken-warns-of-russian-playbook.md"])


def test_new_headline_does_not_bring_back_a_deleted_entry(tmp_path, events):
    first = write_timeline(tmp_path, events, "Demo").added[0]
    first.unlink()
    report = write_timeline(tmp_path, [retitled(events[0], "Kremlin urges calm"), events[1]],
                            "Demo")
    assert report.skipped == [first] and not report.added
    assert not list(tmp_path.glob("*kremlin*"))


def test_new_date_renames_an_untouched_entry(tmp_path, events):
    first = write_timeline(tmp_path, events, "Demo").added[0]
    moved = retitled(events[0], events[0].lead.headline, value="2021-11-17")
    report = write_timeline(tmp_path, [moved, events[1]], "Demo")
    assert report.removed == [first]
    assert [p.name for p in report.added] == [
        "2021-11-17-peskov-demands-europe-stop-blaming-russia.md"]


def test_manifest_without_keys_still_protects_deletions(tmp_path, events):
    """Timelines written before entries had keys: the name alone still counts."""
    first = write_timeline(tmp_path, events, "Demo").added[0]
    manifest = tmp_path / MANIFEST
    manifest.write_text("".join(line.split("\t")[0] + "\n"
                                for line in manifest.read_text().splitlines()))
    first.unlink()
    report = write_timeline(tmp_path, events, "Demo")
    assert report.skipped == [first] and not first.exists()
    assert "\t" in manifest.read_text()  # keys recorded from now on


def test_typo_fixed_in_the_article_keeps_the_edited_entry_without_a_duplicate(tmp_path, events):
    """The sentence is part of a story's key: correcting it in the article must not leave the
    person's entry beside a fresh copy of the same event."""
    first = write_timeline(tmp_path, events, "Demo").added[0]
    edited = first.read_text().replace("Peskov demands", "Kremlin demands")
    first.write_text(edited)
    fixed = story(replace(events[0].lead, sentence="Peskov demanded Europe stop blaming Russia.",
                          headline="Peskov demanded Europe stop blaming Russia"))
    report = write_timeline(tmp_path, [fixed, events[1]], "Demo")
    assert report.kept == [first] and not report.added and not report.removed
    assert report.source_changed == [first]  # the editor is told to compare
    assert first.read_text() == edited
    assert len(list(tmp_path.glob("2021-*.md"))) == 2
    again = write_timeline(tmp_path, [fixed, events[1]], "Demo")  # the new key is recorded
    assert again.kept == [first] and not again.added


def test_edited_sentence_keeps_an_untouched_entry_and_its_permalink(tmp_path, events):
    first = write_timeline(tmp_path, events, "Demo").added[0]
    fixed = story(replace(events[0].lead, sentence="Peskov demanded that Europe stop.",
                          headline="Peskov demanded that Europe stop"))
    report = write_timeline(tmp_path, [fixed, events[1]], "Demo")
    assert report.updated == [first] and not report.added and not report.removed
    assert first.read_text().startswith("Title: Peskov demanded that Europe stop\n")


def test_two_edited_sentences_of_one_paragraph_and_phrase_are_not_guessed(tmp_path, events):
    """Same paragraph, same date phrase, both sentences changed: which file was which is
    unknown, so neither is claimed (a person's edit stays, fresh entries are written)."""
    added = write_timeline(tmp_path, events, "Demo").added
    added[0].write_text(added[0].read_text() + "Checked.\n")
    changed = [story(replace(item.lead, sentence=f"{word} reworded.", headline=f"{word} reworded"))
               for item, word in zip(events, ("First", "Second"), strict=True)]
    report = write_timeline(tmp_path, changed, "Demo")
    assert report.kept == [added[0]] and report.removed == [added[1]]
    assert [p.name for p in report.added] == ["2021-11-18-first-reworded.md",
                                               "2021-11-20-second-reworded.md"]


def test_the_same_day_told_finer_keeps_the_file_and_its_permalink(tmp_path, events):
    """A later report gives the hour of a day: the entry keeps its name (and embeds)."""
    first = write_timeline(tmp_path, events, "Demo").added[0]
    finer = retitled(events[0], events[0].lead.headline, value="2021-11-18TNI")
    report = write_timeline(tmp_path, [finer, events[1]], "Demo")
    assert report.updated == [first] and not report.added and not report.removed
    assert "When: 2021-11-18TNI" in first.read_text()


def corrected(item: Story, value: str, phrase: str, sentence: str, headline: str) -> Story:
    """The article's sentence corrected: a new date in it, so a new key and phrase."""
    return story(replace(item.lead, value=value, phrase=phrase, sentence=sentence,
                         headline=headline))


def two_paragraphs() -> list[Story]:
    first = event("2021-11-18", "Vance filed the bill",
                  "Brown and Vance filed the bill on March 1, requiring two-person crews.")
    second = event("2021-11-20", "Shaw testified", "Shaw testified before the Senate.",
                   source=replace(first.source, paragraph=4))
    return [story(first), story(second)]


def test_a_date_corrected_in_the_article_keeps_the_edited_entry(tmp_path):
    stories = two_paragraphs()
    first = write_timeline(tmp_path, stories, "Demo").added[0]
    edited = first.read_text().replace("Vance filed the bill", "Vance files crew bill")
    first.write_text(edited)
    fixed = corrected(stories[0], "2021-11-17", "Feb. 28",
                      "Brown and Vance filed the bill on Feb. 28, requiring two-person crews.",
                      "Brown and Vance filed the bill")
    report = write_timeline(tmp_path, [fixed, stories[1]], "Demo")
    assert report.kept == [first] and report.source_changed == [first]
    assert not report.added and first.read_text() == edited


def test_a_date_corrected_in_the_article_does_not_bring_back_a_deleted_entry(tmp_path):
    stories = two_paragraphs()
    first = write_timeline(tmp_path, stories, "Demo").added[0]
    first.unlink()
    fixed = corrected(stories[0], "2021-11-17", "Feb. 28",
                      "Brown and Vance filed the bill on Feb. 28, requiring two-person crews.",
                      "Brown and Vance filed the bill")
    report = write_timeline(tmp_path, [fixed, stories[1]], "Demo")
    assert report.skipped and not report.added
    assert len(list(tmp_path.glob("2021-*.md"))) == 1


def test_another_sentence_of_the_paragraph_is_a_new_entry(tmp_path):
    stories = two_paragraphs()
    first = write_timeline(tmp_path, stories, "Demo").added[0]
    first.unlink()  # deleted by hand; the paragraph is then rewritten about something else
    other = corrected(stories[0], "2021-11-17", "Wednesday",
                      "Railway unions called a national strike for Wednesday.",
                      "Railway unions called a national strike")
    report = write_timeline(tmp_path, [other, stories[1]], "Demo")
    assert [p.name for p in report.added] == [
        "2021-11-17-railway-unions-called-a-national-strike.md"]
