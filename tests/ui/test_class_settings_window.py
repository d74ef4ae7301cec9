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


def test_a_teacher_writes_settings_in_the_window_and_they_lock(tmp_path, saves_dir):
    from game.content.classroom import load_class_settings

    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path)
    driver.action("settings")
    driver.action("class")
    assert type(driver.scene).__name__ == "ClassSettingsScene"
    driver.action("reasons")
    driver.action("time")
    driver.action("intensity")
    draft = driver.scene.draft
    driver.action("save")
    written = saves_dir / f"class-{draft.level}-{draft.seed}.yaml"
    settings, problems = load_class_settings(written, driver.app.game.content)
    assert problems == [] and settings == draft
    assert settings.reasons_required and settings.time_limit_minutes == 20 and settings.intensity == "summarised"
    assert driver.app.game.class_settings == settings
    driver.key("enter")                                           # close the message
    assert "locked by your teacher" in driver.scene.note()
    assert driver.layout_problems() == []


def test_a_settings_file_opens_from_the_title_screen_and_a_broken_one_is_explained(tmp_path, saves_dir):
    (saves_dir / "broken.yaml").write_text("level: great-break\nseed: 2\ncard_sets: [base.nothing]\n",
                                           encoding="utf-8")
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path)
    driver.action("settings")
    driver.action("class")
    driver.action("open", saves_dir / "broken.yaml")
    assert type(driver.scene).__name__ == "MessageScene" and "card_sets.0" in driver.scene.message
    assert driver.app.game.class_settings is None
    driver.key("enter")
    (saves_dir / "good.yaml").write_text("level: famine\nseed: 1933\n", encoding="utf-8")
    driver.app.stack.relayout()
    driver.action("open", saves_dir / "good.yaml")
    assert driver.app.game.class_settings.level == "famine"
