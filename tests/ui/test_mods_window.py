"""The mods screen lists the installed packs, turns them on and off, and shows a broken pack's
problems while the base game stays playable."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.ui.automation import Driver

FIXTURE = Path(__file__).resolve().parents[1] / "content" / "fixtures" / "valid"


def install(mods: Path, folder: str, pid: str, cards: str | None = None) -> None:
    pack = mods / folder
    (pack / "cards").mkdir(parents=True)
    (pack / "pack.yaml").write_text(f"id: {pid}\nname: Pack {pid}\nversion: 1.2.0\nformat: 2\nlicence: CC-BY-4.0\n"
                                    "description: Cards for the tests.\n", encoding="utf-8")
    if cards is None:
        shutil.copy(FIXTURE / "cards.yaml", pack / "cards" / "cards.yaml")
    else:
        (pack / "cards" / "cards.yaml").write_text(cards, encoding="utf-8")


def test_the_mods_screen_lists_toggles_and_explains(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("GREAT_BREAK_DATA_DIR", str(data))
    install(data / "mods", "good", "test")
    install(data / "mods", "bad", "broken", cards="cards:\n  - id: broken.x\n    titel: no\n")
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path / "settings")
    assert dict(driver.app.game.content.packs) == {"base": "1.0.0", "test": "1.2.0"}
    assert driver.app.game.playable_levels()                     # the base game plays on
    driver.action("settings")
    driver.action("mods")
    labels = [b.label for b in driver.scene.widgets]
    assert "Pack test 1.2.0: on" in labels
    assert "Pack broken 1.2.0: not loaded: 6 problems" in labels
    assert "unknown field 'titel'" in driver.scene.details["broken"]
    assert driver.layout_problems() == []
    driver.action("toggle", "test")
    assert driver.app.settings.disabled_packs == ["test"]
    assert "test" not in dict(driver.app.game.content.packs)
    assert "Pack test 1.2.0: off" in [b.label for b in driver.scene.widgets]
    driver.action("toggle", "test")
    assert "test" in dict(driver.app.game.content.packs)


def test_the_player_orders_the_packs_and_the_game_loads_them_in_that_order(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("GREAT_BREAK_DATA_DIR", str(data))
    install(data / "mods", "a", "alpha", cards="cards: []\n")
    install(data / "mods", "b", "test")
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path / "settings")
    assert [p for p, _ in driver.app.game.content.packs] == ["base", "alpha", "test"]
    driver.action("settings")
    driver.action("mods")
    test_button = next(w for w in driver.scene.widgets if w.value == "test")
    driver.hover(test_button.rect.center)        # pointing at a pack shows it, but does not choose it
    assert driver.scene.current == "alpha" and "Pack test" in driver.scene.text.text
    driver.key("down")                           # choosing does
    assert driver.scene.current == "test"
    driver.hover((5, 5))
    assert driver.button("move", 1).label == "Move Pack test later"
    assert "Load order of the packs turned on: base, alpha, test" in driver.scene.text.text
    driver.key("[")
    assert driver.app.settings.pack_order == ["test", "alpha"]
    assert [p for p, _ in driver.app.game.content.packs] == ["base", "test", "alpha"]
    assert [w.value for w in driver.scene.widgets][:2] == ["test", "alpha"]
    assert driver.layout_problems() == []
