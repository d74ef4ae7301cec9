"""Formats change: older packs are read through pure migration steps, and `validate --upgrade`
rewrites them in the present format, keeping their comments."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from game.content.loader import load
from game.content.migrations import FORMAT, STEPS, migrate
from game.content.packs import base_pack, open_pack

ROOT = Path(__file__).resolve().parents[2]

OLD_CARDS = """\
# Cards from the district archive.
cards:
  - id: old.meeting
    title: The meeting
    kind: testimony
    window: ["1930-01", null]   # from the first winter on
    illustration: assembly
    text: The village meets in the school to hear the plan for the spring sowing.
    choices:
      - label: Go to the meeting yourself.
        outcome: You read the plan aloud; nobody asks a question.
        policies: [historical]
      - label: Send the chairman.
        outcome: The chairman reads the plan; the meeting ends early.
    history:
      note: Village meetings were called to approve the collective farm plans in the winter of 1930.
      sources:
        - {author: Lynne Viola, title: Peasant Rebels under Stalin, publication: Oxford University Press, year: 1996, kind: scholarship}
"""


def old_pack(folder: Path) -> Path:
    (folder / "cards").mkdir(parents=True)
    (folder / "pack.yaml").write_text("# Our pack\nid: old\nname: Old pack\nversion: 1.0.0\nformat: 1  # as written in 2026\n"
                                      "licence: CC-BY-4.0\n", encoding="utf-8")
    (folder / "cards" / "cards.yaml").write_text(OLD_CARDS, encoding="utf-8")
    return folder


def test_every_older_format_has_a_step_to_the_next():
    assert sorted(STEPS) == list(range(1, FORMAT))


def test_the_window_step_is_pure_and_keeps_comments_and_positions():
    data = YAML(typ="rt").load(OLD_CARDS)
    new = migrate(data, "cards", 1)
    assert data["cards"][0]["window"] == ["1930-01", None]          # its input is left as it was
    card = new["cards"][0]
    assert "window" not in card and card["from"] == "1930-01" and "to" not in card
    assert list(card)[:5] == ["id", "title", "kind", "from", "illustration"]
    assert card.lc.key("from") == data["cards"][0].lc.key("window")  # errors still point at the line
    assert "from the first winter on" in str(card.ca.items["from"])
    assert migrate(data, "cards", FORMAT) is data                     # the present format is left alone


def test_an_old_pack_still_loads_and_is_told_to_upgrade(tmp_path):
    pack, problems = open_pack(old_pack(tmp_path / "old"))
    assert problems == []
    content, problems = load(packs=[base_pack(), pack])
    assert content.cards["old.meeting"].first == "1930-01"
    old = [d for d in problems if d.code == "old-format"]
    assert len(old) == 1 and old[0].severity == "warning" and "validate --upgrade" in old[0].message
    assert all(d.severity == "warning" for d in problems)


def test_a_field_of_an_older_format_in_a_new_file_says_what_it_became(tmp_path):
    folder = old_pack(tmp_path / "old")
    (folder / "pack.yaml").write_text((folder / "pack.yaml").read_text().replace("format: 1", "format: 2"))
    content, problems = load(packs=[base_pack(), open_pack(folder)[0]])
    assert any(d.code == "unknown-field" and "since content format 2" in d.message and d.line == 6
               for d in problems), problems


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", "validate", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_validate_upgrade_dry_run_shows_the_change_and_upgrade_writes_it_keeping_comments(tmp_path):
    folder = old_pack(tmp_path / "old")
    before = (folder / "cards" / "cards.yaml").read_text()
    dry = run("--upgrade", "--dry-run", str(folder))
    assert dry.returncode == 0, dry.stderr
    assert '-    window: ["1930-01", null]   # from the first winter on' in dry.stdout
    assert '+    from: "1930-01"' in dry.stdout and "+format: 2" in dry.stdout
    assert (folder / "cards" / "cards.yaml").read_text() == before     # nothing written

    done = run("--upgrade", str(folder))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "old: 2 files upgraded" in done.stdout
    after = (folder / "cards" / "cards.yaml").read_text()
    assert "# Cards from the district archive." in after and "# from the first winter on" in after
    assert "window" not in after and 'from: "1930-01"' in after
    assert "format: 2  # as written in 2026" in (folder / "pack.yaml").read_text()
    assert "0 errors" in done.stdout and "old-format" not in done.stdout   # and it is checked at once
    assert "old: nothing to upgrade" in run("--upgrade", "--dry-run", str(folder)).stdout


def test_upgrade_without_a_pack_or_of_a_zip_says_what_to_do(tmp_path):
    nothing = run("--upgrade")
    assert nothing.returncode == 2 and "name the pack to upgrade" in nothing.stderr
    import zipfile
    folder = old_pack(tmp_path / "old")
    with zipfile.ZipFile(tmp_path / "old.zip", "w") as zf:
        for p in folder.rglob("*"):
            if p.is_file():
                zf.write(p, p.relative_to(folder).as_posix())
    zipped = run("--upgrade", str(tmp_path / "old.zip"))
    assert zipped.returncode == 1 and "cannot be rewritten in place; unzip it" in zipped.stderr


def test_a_field_name_of_the_same_meaning_says_how_the_format_spells_it(tmp_path):
    folder = old_pack(tmp_path / "old")
    (folder / "pack.yaml").write_text((folder / "pack.yaml").read_text().replace("format: 1", "format: 2"))
    cards = folder / "cards" / "cards.yaml"
    cards.write_text(cards.read_text().replace('window: ["1930-01", null]', 'first: "1930-01"'))
    _, problems = load(packs=[base_pack(), open_pack(folder)[0]])
    assert any(d.code == "unknown-field" and "written 'from:'" in d.message for d in problems), problems


def test_a_file_the_upgrade_cannot_read_is_named_and_the_format_stays(tmp_path):
    folder = old_pack(tmp_path / "old")
    (folder / "cards" / "broken.yaml").write_text("cards:\n  - id: old.x\n    title: A: b\n", encoding="utf-8")
    done = run("--upgrade", str(folder))
    assert done.returncode == 1 and "broken.yaml:3:" in done.stderr and "not upgraded" in done.stderr
    assert "format: 1" in (folder / "pack.yaml").read_text()            # still says the old format
    assert 'from: "1930-01"' in (folder / "cards" / "cards.yaml").read_text()   # the rest is upgraded
