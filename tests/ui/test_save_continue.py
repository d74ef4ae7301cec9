"""Saving from the window and continuing in a new run: the game comes back the same.

Pause menu -> "Save the game", and the autosave written when a month ends; then the game is
quit through its menu, a new App is started (as a new run of the program would), and the game
is continued from the title ("Continue the last game") or from "Load a saved game". The state
compared is game.engine.turn.state_hash of the session's state. Settings (text size, sound)
changed in the Settings screen are kept for the next run. Saves and settings go to tmp dirs.
"""

from __future__ import annotations

import json

import pytest
from ui_helpers import scene_name

from game import paths
from game.engine.turn import state_hash
from game.model.state import Phase
from game.ui.automation import Driver
from game.ui.settings import load_settings

SIZE = (1280, 720)


def _new_app(settings_dir) -> Driver:
    return Driver.start(size=SIZE, settings_dir=settings_dir)


def _start_game(driver) -> None:
    driver.key("1")                              # New game
    driver.key("1")                              # the level
    if scene_name(driver) == "ContentNoteScene":
        driver.key("1")
    assert scene_name(driver) == "DirectivesScene"
    driver.key("enter")
    assert scene_name(driver) == "MapScene"


def _play_month(driver) -> None:
    """From the map to the news of the month's end, by keys: default orders, first choices,
    an honest report."""
    driver.key("1")
    assert scene_name(driver) == "OrdersScene"
    driver.click_widget(driver.scene.submit)
    while scene_name(driver) == "CardScene":
        driver.key("1")
        driver.key("enter")
    assert scene_name(driver) == "ReportScene"
    driver.key("7")
    assert scene_name(driver) == "NewsScene"


def _quit(driver) -> None:
    """Quit through the pause menu (confirming if the month is under way)."""
    driver.key("escape")
    assert scene_name(driver) == "PauseScene"
    driver.click_widget(driver.button("quit"))
    if scene_name(driver) == "ConfirmScene":
        driver.click_widget(driver.button("yes"))
    assert not driver.app.running


def test_pause_menu_save_then_load_in_a_new_run(tmp_path, saves_dir):
    settings = tmp_path / "settings"
    settings.mkdir()
    driver = _new_app(settings)
    _start_game(driver)
    _play_month(driver)
    driver.key("enter")                          # the news read: next month's directives
    driver.key("enter")
    driver.key("1")                              # orders
    driver.key("1")                              # stance of the first village: the next one
    driver.click_widget(driver.scene.submit)
    assert scene_name(driver) == "CardScene"
    driver.key("1")                              # one card chosen: the month is under way
    session = driver.app.game.session
    assert driver.app.game.unsaved_progress()   # saved in the middle of a month
    saved_phase = session.state.phase
    saved_hash, saved_turn = state_hash(session.state), session.state.turn
    saved_decisions = len(session.decisions)

    driver.key("escape")
    driver.key(driver.button("save").hotkey)     # "Save the game"
    assert scene_name(driver) == "MessageScene"
    assert driver.scene.heading == "Saved"
    files = [p for p in saves_dir.glob("*.json") if p.name != "autosave.json"]
    assert len(files) == 1, files
    assert files[0].name in driver.scene.message
    assert json.loads(files[0].read_text(encoding="utf-8"))["snapshot"]["turn"] == saved_turn
    driver.key("enter")                          # close the message
    assert scene_name(driver) == "CardScene"
    _quit(driver)

    # A new run: Load a saved game -> the file.
    driver = _new_app(settings)
    assert scene_name(driver) == "TitleScene" and driver.app.game.session is None
    driver.click_widget(driver.button("load"))
    assert scene_name(driver) == "LoadScene"
    entry = driver.button("load", files[0])
    assert entry is not None, [b.label for b in driver.widgets()]
    assert f"turn {saved_turn}" in entry.label
    driver.click_widget(entry)
    session = driver.app.game.session
    assert session is not None, driver.app.game.message
    assert state_hash(session.state) == saved_hash
    assert len(session.decisions) == saved_decisions
    assert session.state.phase == saved_phase
    assert scene_name(driver) == ("CardScene" if saved_phase == Phase.events else "ReportScene")


def test_autosave_then_continue_in_a_new_run(tmp_path, saves_dir):
    settings = tmp_path / "settings"
    settings.mkdir()
    driver = _new_app(settings)
    assert driver.app.game.autosave == paths.AUTOSAVE == saves_dir / "autosave.json"
    title_continue = driver.button("continue")
    assert title_continue is not None and not title_continue.enabled   # nothing to continue yet
    _start_game(driver)
    assert not paths.AUTOSAVE.exists()
    _play_month(driver)
    assert paths.AUTOSAVE.exists(), "no autosave at the month's end"
    session = driver.app.game.session
    assert session.state.phase == Phase.orders and session.state.turn == 2
    saved_hash = state_hash(session.state)
    driver.key("enter")                          # read the news
    _quit(driver)                                # nothing unsaved: no question

    driver = _new_app(settings)
    assert scene_name(driver) == "TitleScene"
    button = driver.button("continue")
    assert button.enabled
    driver.click_widget(button)
    session = driver.app.game.session
    assert session is not None, driver.app.game.message
    assert state_hash(session.state) == saved_hash
    assert scene_name(driver) == "DirectivesScene"
    driver.key("enter")
    assert scene_name(driver) == "MapScene"

    # Continue by the keyboard too, in a third run.
    _quit(driver)
    driver = _new_app(settings)
    driver.key(driver.button("continue").hotkey)
    assert state_hash(driver.app.game.session.state) == saved_hash


def test_a_damaged_autosave_is_refused_with_a_reason(tmp_path, saves_dir):
    paths.AUTOSAVE.write_text('{"format": 1, "level": "great-break", "seed": 1', encoding="utf-8")
    driver = _new_app(tmp_path)
    driver.click_widget(driver.button("continue"))
    assert scene_name(driver) == "MessageScene"
    assert "cut short" in driver.scene.message
    assert driver.app.game.session is None
    driver.key("enter")
    assert scene_name(driver) == "TitleScene"


@pytest.mark.parametrize("by", ["keys", "mouse"])
def test_settings_are_kept_between_runs(tmp_path, saves_dir, by):
    driver = _new_app(tmp_path)
    assert driver.app.settings.text_scale == 1.0 and driver.app.settings.sound
    if by == "keys":
        driver.key("4")                          # Settings
        assert scene_name(driver) == "SettingsScene"
        driver.key("1")                          # text size: 125%
        driver.key("1")                          # 150%
        driver.key("3")                          # sound off
        driver.key("escape")
    else:
        driver.click_widget(driver.button("settings"))
        assert scene_name(driver) == "SettingsScene"
        driver.click_widget(driver.button("text"))
        driver.click_widget(driver.button("text"))
        driver.click_widget(driver.button("sound"))
        driver.click_widget(driver.button("back"))
    assert scene_name(driver) == "TitleScene"
    assert driver.app.settings.text_scale == 1.5 and driver.app.theme.scale == 1.5
    assert not driver.app.settings.sound and not driver.app.sound.enabled
    assert load_settings(tmp_path / "settings.json").text_scale == 1.5

    driver = _new_app(tmp_path)                  # the next run, the same settings file
    assert driver.app.settings.text_scale == 1.5
    assert driver.app.theme.scale == 1.5
    assert driver.app.settings.sound is False
    assert driver.app.sound.enabled is False
    driver.key("4")
    labels = [b.label for b in driver.widgets()]
    assert any("150%" in label for label in labels), labels
    assert any(label.startswith("Sound: off") for label in labels), labels
