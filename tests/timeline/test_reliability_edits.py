"""No person's change is ever lost: 100 re-extractions with random hand edits in between.

Between runs a (seeded) editor edits entries (text, title, date), deletes some, adds their
own, and the articles change (so runs add, update and remove generated entries). After
every run: each edited file is byte-identical to the editor's version, each deleted one is
still gone, each added one untouched, and every other file is exactly what the run
generates (updated, kept or removed as it should be).
"""

from __future__ import annotations

import random
from pathlib import Path

from generator.events.merge import merge_events
from generator.pipeline import extract
from generator.timeline.entry_file import TIMELINE_FILE, entry_text
from generator.timeline.store import write_timeline

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def article_versions(tmp_path: Path) -> list[list]:
    """Stories of four versions of a small article set, extracted once each."""
    versions = []
    for version in range(4):
        content = tmp_path / f"v{version}"
        folder = content / "articles" / "t"
        folder.mkdir(parents=True)
        for a in range(2):
            paragraphs = []
            for i in range(12):
                if (i * 3 + version) % 4 == 0:
                    continue
                word = ["failed", "stalled", "resumed"][(i + version) % 3]
                paragraphs.append(f"On {MONTHS[i]} {3 + a * 9 + i}, 2021, talks {a}-{i} "
                                  f"{word}, officials said.")
            (folder / f"a{a}.md").write_text(
                f"---\ntitle: Talks {a}\ndate: 2021-12-20\n---\n" + "\n\n".join(paragraphs))
        result = extract([folder], content)
        assert not result.errors and result.events
        versions.append(merge_events(result.events))
    return versions


def test_hand_edits_survive_100_reextractions(tmp_path):
    versions = article_versions(tmp_path)
    folder = tmp_path / "content" / "timeline" / "t"
    rng = random.Random(20211126)
    edited: dict[str, bytes] = {}  # the editor's version of each file they wrote
    deleted: set[str] = set()  # generated files the editor deleted
    ever_generated: set[str] = set()
    counts = {"edit": 0, "delete": 0, "add": 0, "runs": 0}
    for run in range(100):
        stories = versions[rng.randrange(len(versions))]
        names = write_timeline(folder, stories, "T").names
        counts["runs"] += 1
        assert len(set(names)) == len(stories)
        expected = dict(zip(names, (entry_text(s) for s in stories), strict=True))
        ever_generated |= expected.keys()

        on_disk = {p.name for p in folder.iterdir() if not p.name.startswith(".")}
        on_disk.discard(TIMELINE_FILE)
        for name, data in edited.items():
            assert (folder / name).read_bytes() == data, f"run {run}: edit of {name} lost"
        for name in deleted:
            assert name not in on_disk, f"run {run}: deleted {name} came back"
        for name in on_disk - edited.keys():
            assert name in expected, f"run {run}: stale {name} not removed"
            assert (folder / name).read_text() == expected[name], f"run {run}: {name}"
        for name in expected.keys() - edited.keys() - deleted:
            assert name in on_disk, f"run {run}: {name} not written"

        # The editor's turn: a few changes to what is there now.
        for _ in range(rng.randrange(4)):
            generated = sorted(on_disk - edited.keys())
            action = rng.choice(["edit", "edit", "delete", "add"])
            if action in ("edit", "delete") and not generated:
                continue
            if action == "edit":
                name = rng.choice(generated + sorted(edited))
                path = folder / name
                text = path.read_text()
                change = rng.randrange(3)
                if change == 0:
                    text += f"Added by hand in run {run}.\n"
                elif change == 1:
                    text = text.replace("Title: ", f"Title: (checked {run}) ", 1)
                else:
                    text = text.replace("When: 2021-", "When: 2020-", 1)
                path.write_text(text)
                edited[name] = path.read_bytes()
            elif action == "delete":
                name = rng.choice(generated)
                (folder / name).unlink()
                deleted.add(name)
                on_disk.discard(name)
            else:
                if deleted and rng.random() < 0.3:
                    name = rng.choice(sorted(deleted))  # written again by hand: theirs now
                    deleted.discard(name)
                else:
                    name = f"2021-0{rng.randrange(1, 10)}-01-by-hand-{run}.md"
                (folder / name).write_text(f"Title: Mine {run}\nWhen: 2021-05-01\n\nMine.\n")
                edited[name] = (folder / name).read_bytes()
                on_disk.add(name)
            counts[action] += 1
    assert counts["edit"] > 40 and counts["delete"] > 10 and counts["add"] > 10, counts
    assert len(ever_generated) > 30
