"""A whole level of great-break played through the window, as a player would: posted keys and
mouse clicks only, from the title screen to the ending, with the layout checked on every
screen. And the pause menu: Esc opens and closes it; leaving a month under way asks first.
"""

from __future__ import annotations

from types import SimpleNamespace

import pygame
import pytest
from ui_helpers import LEVEL, assert_layout, scene_name

from game.engine.scoring import choose_ending
from game.model.state import Phase
from game.ui.automation import Driver
from game.ui.scenes import title as title_scenes
from game.ui.widgets import Button

SIZE = (1280, 720)
MAX_STEPS = 600
SEED = 1929


@pytest.fixture
def driver(tmp_path, saves_dir, monkeypatch):
    # The level choice draws its seed from os.urandom; fix it so the game is the same each run.
    monkeypatch.setattr(title_scenes, "os", SimpleNamespace(urandom=lambda n: SEED.to_bytes(n, "big")))
    return Driver.start(size=SIZE, settings_dir=tmp_path)


def _choice_buttons(driver) -> list[Button]:
    return [b for b in driver.scene.buttons if b.action == "choose"]


def _play_screen(driver, mouse: bool, step: int) -> None:
    """One screen of the game, by the mouse (clicking the centre of a button) or by keys."""
    name = scene_name(driver)
    scene = driver.scene
    if name == "DirectivesScene":
        driver.click_widget(scene.go) if mouse else driver.key("enter")
    elif name == "MapScene":
        driver.click_widget(scene.orders) if mouse else driver.key("1")
    elif name == "OrdersScene":
        first = scene.village_buttons[0]
        village = first.value
        before = scene.stance[village]
        if mouse:  # change the first village's stance with a click, then issue the orders
            driver.click_widget(first)
            assert driver.scene.stance[village] != before, "a click on the stance did not change it"
            driver.click_widget(driver.scene.submit)
        else:      # the focus starts on the first village; Shift+Tab wraps round to "Issue"
            assert driver.scene.focus.focused is first
            driver.key("tab", pygame.KMOD_SHIFT)
            assert driver.scene.focus.focused is driver.scene.submit
            driver.key("enter")
    elif name == "CardScene":
        if scene.result is None:
            buttons = _choice_buttons(driver)
            assert buttons, f"card {scene.card.id} offers no choice"
            pick = buttons[step % len(buttons)]
            driver.click_widget(pick) if mouse else driver.key(pick.hotkey)
            assert driver.scene.result is not None, f"choosing on {scene.card.id} showed no outcome"
            assert "What historians know" in driver.scene.result
        else:
            driver.click_widget(driver.button("continue")) if mouse else driver.key("enter")
    elif name == "ReportScene":
        if mouse:
            driver.click_widget(driver.button("pick", ("grain", "honest")))
            driver.click_widget(scene.send)
        else:
            driver.key("1")   # collectivization: honestly
            driver.key("4")   # grain: honestly
            driver.key("7")   # send
    elif name == "NewsScene":
        driver.click_widget(scene.go) if mouse else driver.key("enter")
    else:
        raise AssertionError(f"unexpected screen {name} during the game")


def test_a_full_level_by_keys_and_mouse(driver):
    seen: list[str] = []

    def arrive(expected: str | None = None) -> None:
        name = scene_name(driver)
        if expected:
            assert name == expected
        seen.append(name)
        assert_layout(driver, f"step {len(seen)}")

    # The title, the level choice and the content note: mouse, key, mouse.
    arrive("TitleScene")
    driver.click_widget(driver.button("new"))
    arrive("LevelSelectScene")
    assert driver.button("level", LEVEL) is not None
    driver.key(driver.button("level", LEVEL).hotkey)
    arrive("ContentNoteScene")
    driver.click_widget(driver.button("begin"))
    arrive("DirectivesScene")
    assert driver.app.settings.content_note_seen

    session = driver.app.game.session
    assert session.scenario.level.id == LEVEL
    keys_used = clicks_used = 0
    for step in range(MAX_STEPS):
        if scene_name(driver) == "EndingScene":
            break
        # Odd turns are played with the mouse, even turns with the keyboard; and within a
        # turn every fifth screen swaps, so each screen is met both ways.
        mouse = (session.state.turn + (step % 5 == 0)) % 2 == 1
        keys_used += not mouse
        clicks_used += mouse
        before = (scene_name(driver), len(session.decisions), session.state.turn)
        _play_screen(driver, mouse, step)
        after = (scene_name(driver), len(session.decisions), session.state.turn)
        assert after != before or scene_name(driver) == "CardScene", f"stuck on {before[0]}"
        arrive()
        assert driver.app.stack.top is driver.scene and len(driver.app.stack.scenes) == 1
    else:
        pytest.fail(f"no ending after {MAX_STEPS} screens; last was {scene_name(driver)}")

    # The ending: the one the rules choose for the final state.
    assert session.ended and session.state.phase == Phase.ended
    ending = choose_ending(session.state, session.scenario)
    assert driver.scene.ending == ending
    assert session.state.ending == ending.id
    assert ending.title in driver.scene.heading()
    for screen in ("DirectivesScene", "MapScene", "OrdersScene", "CardScene", "ReportScene", "NewsScene"):
        assert screen in seen, f"{screen} never shown"
    assert keys_used > 10 and clicks_used > 10
    assert session.seed == SEED
    removed = {"removed", "arrested"} & session.state.flags
    assert removed or len(session.state.history) == session.scenario.level.turns(), \
        "the game ended before the level's last turn, and the player was not removed"

    # The two views of the ending, then back to the title.
    assert driver.scene.view == "ledgers"
    driver.click_widget(driver.button("switch"))
    assert driver.scene.view == "curves"
    arrive("EndingScene")
    driver.key("1")
    assert driver.scene.view == "ledgers"
    driver.key("2")
    arrive("TitleScene")


def _start_game(driver) -> None:
    driver.key("1")            # New game
    driver.key("1")            # the first level
    if scene_name(driver) == "ContentNoteScene":
        driver.key("1")        # the content note (once): begin
    assert scene_name(driver) == "DirectivesScene"
    driver.key("enter")        # to the map
    assert scene_name(driver) == "MapScene"


def test_escape_opens_and_closes_the_pause_menu(driver):
    _start_game(driver)
    for screen in ("MapScene", "OrdersScene", "CardScene"):
        if screen == "OrdersScene":
            driver.key("1")
        elif screen == "CardScene":
            driver.click_widget(driver.scene.submit)
        assert scene_name(driver) == screen
        driver.key("escape")
        assert scene_name(driver) == "PauseScene"
        assert_layout(driver, f"pause over {screen}")
        driver.key("escape")
        assert scene_name(driver) == screen
        assert len(driver.app.stack.scenes) == 1
    # "Resume" by the mouse does the same.
    driver.key("escape")
    driver.click_widget(driver.button("resume"))
    assert scene_name(driver) == "CardScene"


def test_leaving_a_month_under_way_asks_first(driver):
    _start_game(driver)
    # On the map, before the orders, nothing would be lost: straight to the title.
    driver.key("escape")
    driver.click_widget(driver.button("title"))
    assert scene_name(driver) == "TitleScene"

    _start_game(driver)
    driver.key("1")
    driver.click_widget(driver.scene.submit)      # the month is under way: a card is shown
    assert scene_name(driver) == "CardScene"
    assert driver.app.game.unsaved_progress()
    driver.key("escape")
    driver.key(driver.button("title").hotkey)      # "Quit to the title screen"
    assert scene_name(driver) == "ConfirmScene"
    assert_layout(driver, "confirm leaving")
    assert [type(s).__name__ for s in driver.app.stack.scenes] == ["CardScene", "PauseScene", "ConfirmScene"]
    driver.click_widget(driver.button("no"))        # "No, go back": the game is still there
    assert scene_name(driver) == "PauseScene"
    driver.key("escape")
    assert scene_name(driver) == "CardScene"

    driver.key("escape")
    driver.click_widget(driver.button("title"))
    assert scene_name(driver) == "ConfirmScene"
    driver.key("escape")                           # Esc on the question is "no" too
    assert scene_name(driver) == "PauseScene"
    driver.click_widget(driver.button("title"))
    driver.click_widget(driver.button("yes"))
    assert scene_name(driver) == "TitleScene"
    assert len(driver.app.stack.scenes) == 1
    assert driver.app.running


def test_quitting_the_game_asks_while_a_month_is_under_way(driver):
    _start_game(driver)
    driver.key("1")
    driver.click_widget(driver.scene.submit)
    driver.key("escape")
    driver.click_widget(driver.button("quit"))
    assert scene_name(driver) == "ConfirmScene" and driver.app.running
    driver.click_widget(driver.button("yes"))
    assert not driver.app.running
