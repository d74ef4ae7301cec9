"""`play --watch`: a card writer edits a file; between turns the game reloads it, or shows the
errors and keeps the last good content."""

from __future__ import annotations

import os

from game.content.loader import load_game
from game.engine.policies import decide
from game.engine.rng import Rng
from game.model.state import Phase
from game.ui.automation import Driver
from game.ui.scenes.overlays import NoticeScene
from tests.content.test_packs import make_pack


def end_turn(driver: Driver) -> None:
    game = driver.app.game
    while game.session.state.phase != Phase.report:
        game.decide(decide("historical", game.session.scenario, game.session.state, Rng(1)))
    game.decide(decide("historical", game.session.scenario, game.session.state, Rng(1)))
    game.advance()
    driver.pump()


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    stat = path.stat()   # a later modification time, even on a coarse clock
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_an_edited_card_is_reloaded_between_turns_and_a_broken_one_is_shown_not_loaded(tmp_path):
    pack = make_pack(tmp_path / "ours", "test", cards=True)
    cards = pack / "cards" / "cards.yaml"
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path / "settings", mods=[str(pack)], watch=True)
    driver.new_game("test-level", 3)
    decisions = len(driver.app.game.session.decisions)
    end_turn(driver)
    assert not isinstance(driver.scene, NoticeScene)            # nothing changed: nothing to say

    edit(cards, "title: Dizzy with Success", "title: Dizzy with Success (edited)")
    end_turn(driver)
    assert isinstance(driver.scene, NoticeScene) and driver.scene.heading == "Content reloaded"
    assert str(cards) in driver.scene.message
    game = driver.app.game
    assert game.content.cards["test.dizzy"].title.endswith("(edited)")
    assert game.session.scenario.cards["test.dizzy"].title.endswith("(edited)")
    assert len(game.session.decisions) > decisions                # the same game, replayed
    assert driver.layout_problems() == []
    driver.action("close")

    edit(cards, "kind: directive", "kind: directiv")
    end_turn(driver)
    assert driver.scene.heading == "The changed content has errors"
    assert "unknown" in driver.scene.message.lower() or "directiv" in driver.scene.message
    assert game.content.cards["test.dizzy"].title.endswith("(edited)")   # the last good content
    assert driver.layout_problems() == []


def test_a_pack_broken_long_before_does_not_stop_the_reload_and_nothing_is_loaded_when_nothing_changed(
        tmp_path, monkeypatch):
    from game.ui import play
    data = tmp_path / "data"
    monkeypatch.setenv("GREAT_BREAK_DATA_DIR", str(data))
    other = make_pack(data / "mods" / "other", "other")
    (other / "cards").mkdir()
    (other / "cards" / "bad.yaml").write_text("cards:\n  - id: other.x\n    titel: no\n", encoding="utf-8")
    pack = make_pack(tmp_path / "ours", "test", cards=True)
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path / "settings", mods=[str(pack)], watch=True)
    driver.new_game("test-level", 3)
    loads = []
    monkeypatch.setattr(play, "load_game", lambda *a, **k: loads.append(1) or load_game(*a, **k))
    end_turn(driver)
    assert loads == []                                            # no change: no reload at all
    cards = pack / "cards" / "cards.yaml"
    edit(cards, "title: Dizzy with Success", "title: Dizzy with Success (edited)")
    end_turn(driver)
    assert driver.scene.heading == "Content reloaded", driver.scene.message
    assert driver.app.game.content.cards["test.dizzy"].title.endswith("(edited)")


def test_an_edited_translation_is_picked_up(tmp_path):
    pack = make_pack(tmp_path / "ours", "test", cards=True)
    (pack / "translations").mkdir()
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path / "settings", mods=[str(pack)], watch=True)
    driver.new_game("test-level", 3)
    from tests.content.test_translations import UK
    (pack / "translations" / "uk.yaml").write_text(UK, encoding="utf-8")
    end_turn(driver)
    assert driver.scene.heading == "Content reloaded" and "uk.yaml" in driver.scene.message
    assert driver.app.game.content.languages == {"uk": "Українська"}
