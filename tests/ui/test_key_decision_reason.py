"""At a key decision the player may type a reason; it goes into the log and the result file."""

from __future__ import annotations

from game.ui.automation import Driver
from game.ui.widgets import TextField


def test_a_typed_reason_goes_with_the_choice(tmp_path):
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path)
    driver.show_card("base.grain_procurement_1929")
    field = driver.scene.reason
    assert isinstance(field, TextField)
    for _ in range(8):
        if driver.scene.focus.focused is field:
            break
        driver.key("tab")
    assert driver.scene.focus.focused is field
    for ch in "Villages 1 and 2 have no surplus":
        driver.key(ch if ch != " " else "space")
    assert field.value == "Villages 1 and 2 have no surplus"
    driver.action("choose", 2)
    decision = driver.app.game.session.decisions[-1]
    assert decision.reason == "Villages 1 and 2 have no surplus"
    assert any("reason given: Villages 1 and 2" in e.text for e in driver.app.game.session.state.log)
    assert driver.layout_problems() == []


def test_a_card_that_is_not_key_asks_for_no_reason(tmp_path):
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path)
    driver.show_card("base.womens_riot")
    assert driver.scene.reason is None
