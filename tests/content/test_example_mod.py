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
