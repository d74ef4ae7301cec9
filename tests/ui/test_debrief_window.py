"""The full debrief in the window: every section at every size, without a layout problem."""

from __future__ import annotations

import pytest

from game.ui.automation import Driver
from game.ui.scenes.debrief import SECTIONS


@pytest.mark.parametrize("size,scale", [((1024, 600), 1.75), ((1280, 720), 1.0), ((1920, 1080), 1.75)])
def test_every_section_of_the_debrief_lays_out(tmp_path, size, scale):
    driver = Driver.start(size=size, settings_dir=tmp_path, text_scale=scale)
    driver.fast_forward("ending", seed=3)
    driver.action("full")
    assert type(driver.scene).__name__ == "DebriefScene"
    for key, _ in SECTIONS:
        driver.action("section", key)
        assert driver.layout_problems() == [], (size, scale, key)
    driver.action("section", "history")
    assert "Sources:" in driver.scene.text.text
    driver.key("escape")
    assert type(driver.scene).__name__ == "EndingScene"
