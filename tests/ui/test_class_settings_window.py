"""With the teacher's settings the window starts the class's level and seed, and holds the
choice at a key decision until a reason is typed."""

from __future__ import annotations

from game.content.classroom import ClassSettings
from game.ui.automation import Driver


def test_new_game_starts_the_class_level_with_the_class_seed(tmp_path):
    settings = ClassSettings(level="tutorial", seed=1929, reasons_required=True, time_limit_minutes=30)
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path, class_settings=settings)
    assert "Class settings (locked by your teacher)" in driver.scene.note()
    driver.key("1")              # New game: no level choice
    driver.key("1")              # the content note: begin
    session = driver.app.game.session
    assert session.scenario.level.id == "tutorial" and session.seed == 1929
    assert "minutes left" in driver.scene.status()
    assert driver.layout_problems() == []


def test_a_required_reason_holds_the_choice(tmp_path):
    settings = ClassSettings(level="great-break", seed=3, reasons_required=True)
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path, class_settings=settings)
    driver.show_card("base.grain_procurement_1929")
    before = len(driver.app.game.session.decisions)
    driver.action("choose", 0)
    assert len(driver.app.game.session.decisions) == before          # nothing taken yet
    assert driver.scene.focus.focused is driver.scene.reason          # the field asks for the reason
    for ch in "plan":
        driver.key(ch)
    driver.action("choose", 0)
    assert driver.app.game.session.decisions[-1].reason == "plan"
