"""Branch and compare in the window: from the ending, take another choice at a past card
decision and see both games side by side (game/ui/scenes/branch.py)."""

from __future__ import annotations

import pytest
from ui_helpers import assert_focus_visible, assert_layout, fit, scene_name

from game.engine.scoring import choose_ending
from game.engine.turn import state_hash
from game.ui.automation import Driver


@pytest.fixture(scope="module", params=[((1280, 720), 1.0), ((1024, 600), 1.75)],
                ids=["1280x720@100%", "1024x600@175%"])
def combo_driver(request, tmp_path_factory):
    size, scale = request.param
    return Driver.start(size=size, settings_dir=tmp_path_factory.mktemp("settings"), text_scale=scale), size


def test_branch_from_the_ending_and_compare(combo_driver):
    driver, size = combo_driver
    fit(driver, size)
    driver.fast_forward("ending", seed=2)
    assert scene_name(driver) == "EndingScene"
    assert driver.button("branch").hotkey == "5"
    assert [driver.button(a).hotkey for a in ("switch", "title", "debrief")] == ["1", "2", "4"]
    assert_layout(driver, "ending with the branch button")

    driver.click_widget(driver.button("branch"))
    assert scene_name(driver) == "BranchPickScene"
    assert_layout(driver, "branch picker, the decisions")
    assert_focus_visible(driver, "branch picker, the decisions")
    picks = [b for b in driver.widgets() if getattr(b, "action", "") == "pick"]
    session = driver.app.game.session
    assert len(picks) == sum(d.kind == "choice" for d in session.decisions)
    assert picks[0].label.startswith("Turn 1, ") and "— you chose: " in picks[0].label
    first = next(b for b in picks if b.enabled)
    driver.click_widget(first)
    assert scene_name(driver) == "BranchPickScene" and driver.scene.picked is not None
    assert_layout(driver, "branch picker, the other choices")
    played = driver.scene.picked["decision"].choice
    instead = driver.button("instead")
    assert instead is not None and instead.value != played

    driver.click_widget(instead)
    scene = driver.scene
    assert scene_name(driver) == "CompareScene"
    result = scene.result
    assert state_hash(result.original) == state_hash(session.state)
    assert state_hash(result.branched) != state_hash(result.original)
    shown = [w.text for w in scene.cells]
    for state in (result.original, result.branched):
        assert choose_ending(state, session.scenario).title in shown
    assert "As played" in shown and "The branch" in shown
    assert f"{result.kept} of your later decisions were kept" in scene.parting()
    assert_layout(driver, "compare, the ledgers")
    driver.key("pagedown")
    assert_layout(driver, "compare, the ledgers scrolled")

    driver.click_widget(driver.button("switch"))
    assert driver.scene.view == "curves"
    assert_layout(driver, "compare, the curves")
    more = driver.button("page")
    if more is not None:
        driver.click_widget(more)
        assert_layout(driver, "compare, more curves")

    driver.key("escape")
    assert scene_name(driver) == "EndingScene"


def test_escape_from_the_picker_returns_to_the_ending(combo_driver):
    driver, size = combo_driver
    fit(driver, size)
    driver.fast_forward("ending", seed=2)
    driver.key("5")
    assert scene_name(driver) == "BranchPickScene"
    driver.click_widget(next(b for b in driver.widgets() if getattr(b, "action", "") == "pick" and b.enabled))
    driver.key("escape")  # back to the list first
    assert scene_name(driver) == "BranchPickScene" and driver.scene.picked is None
    driver.key("escape")
    assert scene_name(driver) == "EndingScene"
