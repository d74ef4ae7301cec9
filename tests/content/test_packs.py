"""Packs: manifests read with positions, a load order that respects requirements, namespaced ids."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from game.content.loader import load
from game.content.packs import base_pack, open_pack, order, select

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "valid"


def make_pack(folder: Path, pid: str, requires=(), after=(), cards: bool = False, version="1.0.0",
              **extra) -> Path:
    folder.mkdir(parents=True)
    lines = [f"id: {pid}", f"name: Pack {pid}", f"version: {version}", "format: 2", "licence: CC-BY-4.0",
             f"requires: {json.dumps(list(requires))}", f"after: {json.dumps(list(after))}"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    (folder / "pack.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if cards:
        (folder / "cards").mkdir()
        (folder / "levels").mkdir()
        shutil.copy(FIXTURE / "cards.yaml", folder / "cards" / "cards.yaml")
        shutil.copy(FIXTURE / "level.yaml", folder / "levels" / "level.yaml")
    return folder


def opened(folder: Path):
    pack, problems = open_pack(folder)
    assert problems == [], problems
    return pack


def test_the_base_game_is_the_first_pack_and_loads_clean():
    content, problems = load()
    assert problems == []
    assert {o.pack for o in content.origins.values()} == {"base"}
    assert base_pack().manifest.id == "base"


def test_requirements_and_after_come_first_and_the_users_order_breaks_ties(tmp_path):
    a = opened(make_pack(tmp_path / "a", "alpha", requires=["gamma"]))
    b = opened(make_pack(tmp_path / "b", "beta"))
    c = opened(make_pack(tmp_path / "c", "gamma", after=["beta"]))
    ordered, problems = order(base_pack(), [a, b, c])
    assert problems == []
    assert [p.id for p in ordered] == ["base", "beta", "gamma", "alpha"]


def test_a_cycle_and_a_missing_requirement_are_reported_and_those_packs_left_out(tmp_path):
    a = opened(make_pack(tmp_path / "a", "alpha", after=["beta"]))
    b = opened(make_pack(tmp_path / "b", "beta", after=["alpha"]))
    c = opened(make_pack(tmp_path / "c", "gamma", requires=["betta"]))
    d = opened(make_pack(tmp_path / "d", "delta"))
    ordered, problems = order(base_pack(), [a, b, c, d])
    assert [p.id for p in ordered] == ["base", "delta"]
    text = "\n".join(map(str, problems))
    assert "[pack-cycle]" in text and "alpha, beta" in text
    assert "[missing-pack] requires: requires 'betta'" in text and "Did you mean 'beta'?" in text


def test_a_broken_manifest_names_its_line_and_field(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "pack.yaml").write_text("id: Mine\nname: x\nversion: one\nformat: 2\n", encoding="utf-8")
    pack, problems = open_pack(folder)
    text = "\n".join(map(str, problems))
    assert pack is None
    assert "pack.yaml:1:5: error [invalid-value] id:" in text
    assert "pack.yaml:3:10: error [invalid-value] version:" in text
    assert "[missing-field] licence:" in text


def test_a_pack_for_a_newer_format_is_refused(tmp_path):
    make_pack(tmp_path / "n", "newer")
    path = tmp_path / "n" / "pack.yaml"
    path.write_text(path.read_text().replace("format: 2", "format: 99"), encoding="utf-8")
    pack, problems = open_pack(tmp_path / "n")
    assert pack is None and "format-too-new" in str(problems[0])


def test_a_card_outside_its_packs_namespace_is_an_error(tmp_path):
    pack = opened(make_pack(tmp_path / "m", "myclass", cards=True))
    content, problems = load(packs=[base_pack(), pack])
    wrong = [d for d in problems if d.code == "wrong-namespace"]
    assert wrong and "must begin with its pack's id: 'myclass.dizzy'" in str(wrong[0])
    assert str(wrong[0]).startswith(str(tmp_path / "m" / "cards" / "cards.yaml") + ":3:")


def test_a_mod_folder_or_id_loads_after_the_base_game(tmp_path):
    folders = [tmp_path / "mods"]
    make_pack(folders[0] / "one", "one")
    packs, problems = select([str(make_pack(tmp_path / "extra", "test", cards=True))], folders)
    assert problems == [] and [p.id for p in packs] == ["base", "one", "test"]
    content, problems = load(packs=packs)
    assert "test.dizzy" in content.cards and content.origins["test.dizzy"].pack == "test"
    assert not [d for d in problems if d.severity == "error"], problems
    packs, problems = select(["onne"], folders)
    assert "[unknown-pack]" in str(problems[0]) and "Did you mean 'one'?" in str(problems[0])


def test_validate_prints_the_load_order_with_a_mod(tmp_path):
    mod = make_pack(tmp_path / "extra", "test", cards=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "game", "validate", "--mod", str(mod)], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=120)
    assert result.stdout.startswith("Load order: base 1.0.0, test 1.0.0\n"), result.stdout
    assert result.returncode == 0, result.stdout


def test_a_game_remembers_its_packs_and_says_which_are_missing_or_changed(tmp_path):
    from game import saves
    from game.debrief.result import make_result, verify
    from game.engine.simulate import play
    from game.session import Session

    mod = make_pack(tmp_path / "extra", "test", cards=True)
    packs, _ = select([str(mod)], [])
    content, problems = load(packs=packs)
    scenario = content.scenario("test-level")
    assert scenario.packs == (("base", "1.0.0"), ("test", "1.0.0"))
    played = play(scenario, 5, "historical")
    session = Session.replayed(scenario, 5, played.decisions)
    saves.write(tmp_path / "s.json", session)
    save = saves.read(tmp_path / "s.json")
    assert save.packs == [("base", "1.0.0"), ("test", "1.0.0")]
    assert saves.resume(save, scenario).state == session.state

    shutil.rmtree(mod)
    newer = make_pack(tmp_path / "extra", "test", cards=True, version="1.1.0")
    changed = load(packs=select([str(newer)], [])[0])[0].scenario("test-level")
    try:
        saves.resume(save, changed, "s.json")
        raise AssertionError("a save with changed packs was resumed")
    except saves.SaveError as exc:
        assert "changed packs: test 1.0.0 (this game has 1.1.0)" in str(exc)
    verdict = verify(make_result(session), changed)
    assert not verdict.ok and "changed packs" in verdict.message


def test_simulate_plays_a_mods_own_level(tmp_path):
    mod = make_pack(tmp_path / "extra", "test", cards=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "game", "simulate", "--mod", str(mod), "--level", "test-level",
                             "--json"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)


def test_a_link_out_of_the_pack_is_not_followed(tmp_path):
    outside = tmp_path / "secret.yaml"
    shutil.copy(FIXTURE / "cards.yaml", outside)
    folder = make_pack(tmp_path / "m", "test")
    (folder / "cards").mkdir()
    (folder / "cards" / "link.yaml").symlink_to(outside)
    content, problems = load(packs=[base_pack(), opened(folder)])
    assert "test.dizzy" not in content.cards
    assert any(d.code == "outside-pack" and d.path.endswith("link.yaml") for d in problems)


def test_a_broken_pack_is_left_out_and_the_base_game_still_plays(tmp_path, monkeypatch):
    from game.content import packs as packs_mod
    from game.content.loader import load_game, load_scenario

    mods = tmp_path / "mods"
    good = make_pack(mods / "good", "test", cards=True)
    broken = make_pack(mods / "broken", "broken")
    (broken / "cards").mkdir()
    (broken / "cards" / "bad.yaml").write_text("cards:\n  - id: broken.x\n    titel: no\n", encoding="utf-8")
    make_pack(mods / "nomanifest", "x").joinpath("pack.yaml").unlink()
    monkeypatch.setattr(packs_mod, "mod_folders", lambda: [mods])
    content, problems = load_game(cache=False)
    assert content.packs == (("base", "1.0.0"), ("test", "1.0.0"))
    assert all(d.severity == "warning" for d in problems if "not loaded" in d.message)
    text = "\n".join(map(str, problems))
    assert "bad.yaml:3:5: warning [unknown-field]" in text and "(the pack is not loaded)" in text
    assert "[no-manifest]" in text
    scenario, problems = load_scenario("great-break")
    assert scenario is not None and good.exists()


def test_the_debrief_says_which_cards_came_from_a_mod(tmp_path):
    from game.debrief.data import build
    from game.debrief.html import render
    from game.engine.simulate import play
    from game.session import Session

    mod = make_pack(tmp_path / "extra", "test", cards=True, version="2.1.0")
    scenario = load(packs=select([str(mod)], [])[0])[0].scenario("test-level")
    played = play(scenario, 3, "historical")
    debrief = build(Session.replayed(scenario, 3, played.decisions))
    assert debrief.cards and all(c.pack == "test 2.1.0" for c in debrief.cards)
    assert "this card comes from the pack test 2.1.0, not from the base game" in render(debrief)


def test_a_pack_replaces_and_disables_cards_and_adds_to_a_levels_deck(tmp_path):
    folder = make_pack(tmp_path / "m", "myclass")
    path = folder / "pack.yaml"
    path.write_text(path.read_text() + "replaces: [base.church_bells]\ndisable: [base.april_retreat, base.nothing]\n"
                    "decks: {great-break: [\"myclass.*\"], no-level: [\"myclass.*\"]}\n", encoding="utf-8")
    (folder / "cards").mkdir()
    text = (FIXTURE / "cards.yaml").read_text(encoding="utf-8")
    text = text.replace("test.dizzy", "base.church_bells").replace("test.", "myclass.")
    (folder / "cards" / "ours.yaml").write_text(text, encoding="utf-8")
    base, _ = load()
    content, problems = load(packs=[base_pack(), opened(folder)])
    assert not [d for d in problems if d.severity == "error"], problems
    assert content.cards["base.church_bells"].title == "Dizzy with Success"
    assert content.origins["base.church_bells"].pack == "myclass"
    assert content.scenario("great-break").card_packs["base.church_bells"] == "myclass"   # the debrief marks it
    assert "base.april_retreat" not in content.cards
    deck = content.scenario("great-break").deck
    assert "myclass.bells" in deck and "base.church_bells" in deck and "base.april_retreat" not in deck
    text = "\n".join(map(str, problems))
    assert "disable.1: no card 'base.nothing' to disable." in text
    assert "decks.no-level: no level 'no-level'" in text
    assert len(content.cards) == len(base.cards) - 1 + 2   # one disabled; two new cards, one replacing


def test_a_changed_manifest_changes_the_fingerprint(tmp_path):
    folder = make_pack(tmp_path / "m", "test", cards=True)
    before = load(packs=[base_pack(), opened(folder)])[0].fingerprint
    path = folder / "pack.yaml"
    path.write_text(path.read_text() + "disable: [base.church_bells]\n", encoding="utf-8")
    assert load(packs=[base_pack(), opened(folder)])[0].fingerprint != before


def test_a_pack_that_requires_a_broken_pack_is_left_out_too(tmp_path, monkeypatch):
    from game.content import packs as packs_mod
    from game.content.loader import load_game

    mods = tmp_path / "mods"
    broken = make_pack(mods / "broken", "broken")
    (broken / "cards").mkdir()
    (broken / "cards" / "bad.yaml").write_text("cards:\n  - id: broken.x\n    titel: no\n", encoding="utf-8")
    make_pack(mods / "needy", "test", requires=["broken"], cards=True)
    monkeypatch.setattr(packs_mod, "mod_folders", lambda: [mods])
    content, problems = load_game(cache=False)
    assert content.packs == (("base", "1.0.0"),)
    assert any(d.code == "missing-pack" and "requires 'broken'" in d.message and "not loaded" in d.message
               for d in problems)


def test_a_card_that_can_come_up_in_no_level_is_a_warning_until_a_deck_has_it(tmp_path):
    folder = make_pack(tmp_path / "p", "test")
    (folder / "cards").mkdir()
    shutil.copy(FIXTURE / "cards.yaml", folder / "cards" / "cards.yaml")
    content, problems = load(packs=[base_pack(), opened(folder)])
    never = [d for d in problems if d.code == "never-drawn"]
    assert never and all(d.severity == "warning" and d.path.endswith("cards.yaml") for d in never)
    assert "'decks:' in pack.yaml" in never[0].message
    manifest = folder / "pack.yaml"
    manifest.write_text(manifest.read_text() + 'decks: {famine: ["test.*"]}\n', encoding="utf-8")
    content, problems = load(packs=[base_pack(), opened(folder)])
    assert not [d for d in problems if d.code == "never-drawn" and "test.dizzy" not in d.message], problems


def test_a_study_published_before_the_event_it_tells_of_is_a_warning(tmp_path):
    folder = make_pack(tmp_path / "p", "test", cards=True)
    cards = folder / "cards" / "cards.yaml"
    text = cards.read_text(encoding="utf-8")
    dizzy = "year: 1930\n          kind: document"     # the card of March 1930
    assert dizzy in text
    cards.write_text(text.replace(dizzy, "year: 1926\n          kind: scholarship"), encoding="utf-8")
    _, problems = load(packs=[base_pack(), opened(folder)])
    early = [d for d in problems if d.code == "source-before-event"]
    assert len(early) == 1 and early[0].field.endswith(".year") and "published in 1926" in early[0].message


def test_a_pack_cannot_disable_a_card_another_card_needs(tmp_path, monkeypatch):
    from game.content import packs as packs_mod
    from game.content.loader import load_game

    mods = tmp_path / "mods"
    make_pack(mods / "p", "test", disable='["base.testimony_roadblock"]')
    pack = opened(mods / "p")
    content, problems = load(packs=[base_pack(), pack])
    needed = [d for d in problems if d.code == "needed-card"]
    assert len(needed) == 1 and needed[0].path.endswith("pack.yaml") and needed[0].line == 8
    assert "refers to it" in needed[0].message and "base.testimony_roadblock" in content.cards
    monkeypatch.setattr(packs_mod, "mod_folders", lambda: [mods])
    content, problems = load_game(cache=False)
    assert content.packs == (("base", "1.0.0"),) and not [d for d in problems if d.severity == "error"]


def test_errors_a_pack_causes_in_the_base_games_files_leave_that_pack_out(tmp_path, monkeypatch):
    from game.content import checks
    from game.content import packs as packs_mod
    from game.content.loader import load_game

    mods = tmp_path / "mods"
    make_pack(mods / "p", "test", disable='["base.testimony_roadblock"]')
    monkeypatch.setattr(checks, "references", lambda card: set())   # as if the check above missed it
    monkeypatch.setattr(packs_mod, "mod_folders", lambda: [mods])
    content, problems = load_game(cache=False)
    assert content.packs == (("base", "1.0.0"),) and "base.testimony_roadblock" in content.cards
    assert not [d for d in problems if d.severity == "error"]
    assert any(d.code == "breaks-game" and d.path.endswith("pack.yaml") for d in problems)
