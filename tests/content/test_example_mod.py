"""The example pack a teacher could have written (examples/mods/veshenskaya): it checks clean,
plays to an end, and its editor settings point at schemas that match the game's."""

from __future__ import annotations

import json
from pathlib import Path

from game.content.loader import load
from game.content.packs import select
from game.content.schema import write_schemas
from game.engine.simulate import play

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "mods" / "veshenskaya"


def test_the_example_pack_checks_clean_and_every_card_cites_its_sources():
    packs, problems = select([str(EXAMPLE)], [])
    content, found = load(packs=packs)
    assert problems + found == []
    ours = [c for cid, c in content.cards.items() if content.origins[cid].pack == "veshenskaya"]
    assert len(ours) >= 5 and all(c.history.sources for c in ours)
    assert "veshenskaya-1933" in content.levels


def test_the_example_level_plays_to_an_ending_with_every_policy():
    packs, _ = select([str(EXAMPLE)], [])
    scenario = load(packs=packs)[0].scenario("veshenskaya-1933")
    for policy in ("historical", "zealous", "humane", "random"):
        assert play(scenario, 7, policy).state.ending is not None


def test_the_editor_settings_point_at_schemas_that_are_current(tmp_path):
    written = {p.name: p.read_text(encoding="utf-8") for p in write_schemas(tmp_path)}
    kept = {p.name: p.read_text(encoding="utf-8") for p in (EXAMPLE / "schemas").glob("*.json")}
    assert kept == written, "run: python -m game schema --out examples/mods/veshenskaya/schemas"
    settings = json.loads((EXAMPLE / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    assert sorted(Path(k).name for k in mapped) == sorted(written)
    assert all((EXAMPLE / k).is_file() for k in mapped)


def test_a_game_of_a_packs_level_without_the_pack_names_the_missing_pack(tmp_path):
    import subprocess
    import sys

    from game import saves
    from game.session import Session
    packs, _ = select([str(EXAMPLE)], [])
    session = Session.start(load(packs=packs)[0].scenario("veshenskaya-1933"), 5)
    saves.write(tmp_path / "game.json", session)
    run = lambda *mods: subprocess.run([sys.executable, "-m", "game", "replay", str(tmp_path / "game.json"), *mods],  # noqa: E731
                                       capture_output=True, text=True, cwd=EXAMPLE.parents[2], timeout=120)
    without = run()
    assert without.returncode == 1
    assert "made with packs that are not loaded: veshenskaya 1.0.0" in without.stderr and "--mod" in without.stderr
    assert run("--mod", str(EXAMPLE)).returncode == 0
