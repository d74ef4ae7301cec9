"""Every screen at every window size and text size the game supports, with no text outside its
box, cut off or overlapping (Painter.problems()).

Every card of the base content is shown on the card screen (Driver.show_card, which forces the
card onto the table), before the choice and after it (the outcome and "what historians know"),
at 1024x600, 1280x720 and 1920x1080 with text at 100% and 175%. The other screens are reached
by the engine's policy (Driver.fast_forward) or by keys, at the same six combinations.

One Driver (one App) serves all the tests of a size and text size: the fixture is module-scoped
and parametrized, so pytest runs the tests grouped by it.
"""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import (CARD_IDS, COMBOS, LEVEL, assert_focus_visible, assert_layout, combo_id, fit,
                        mark_known_bug, scene_name)

from game.content.loader import load
from game.ui.automation import Driver

CONTENT, _ = load()


@pytest.fixture(scope="module", params=COMBOS, ids=combo_id)
def combo_driver(request, tmp_path_factory):
    size, scale = request.param
    driver = Driver.start(size=size, settings_dir=tmp_path_factory.mktemp("settings"), text_scale=scale)
    assert driver.app.size == size and driver.app.theme.scale == scale
    return driver, size


@pytest.fixture
def driver(combo_driver):
    driver, size = combo_driver
    fit(driver, size)
    return driver


@pytest.fixture
def known_bug(request, combo_driver):
    """known_bug("card <id>") or known_bug("screen <name>"): a strict xfail for a reported bug."""
    driver, size = combo_driver
    return lambda what: mark_known_bug(request, what, size, driver.app.theme.scale)


def test_the_base_content_has_cards():
    assert len(CARD_IDS) >= 20
    assert LEVEL in CONTENT.levels


@pytest.mark.parametrize("card_id", CARD_IDS)
def test_card_before_and_after_the_choice(driver, card_id, known_bug):
    known_bug(f"card {card_id}")
    driver.show_card(card_id)
    scene = driver.scene
    assert scene_name(driver) == "CardScene" and scene.card.id == card_id
    assert scene.result is None
    assert scene.buttons, f"{card_id}: no choice is open"
    assert_layout(driver, f"card {card_id}, before the choice")
    assert_focus_visible(driver, f"card {card_id}, before the choice")
    # Every choice is on the screen or reachable: Tab through them all, checking each view.
    for _ in scene.focus.widgets:
        driver.key("tab")
        assert_layout(driver, f"card {card_id}, before the choice, after Tab")
        assert_focus_visible(driver, f"card {card_id}, before the choice, after Tab")
    driver.key("1")
    scene = driver.scene
    assert scene.result is not None, f"{card_id}: the first choice showed no outcome"
    assert "What historians know" in scene.result
    assert_layout(driver, f"card {card_id}, after the choice")
    assert_focus_visible(driver, f"card {card_id}, after the choice")
    if scene.text.scrollable:  # the end of the history and sources lays out too
        scene.focus.focus(scene.text)
        for _ in range(len(scene.text.lines) // max(1, scene.text.visible) + 1):
            driver.key("pagedown")
        assert scene.text.first == len(scene.text.lines) - scene.text.visible
        assert_layout(driver, f"card {card_id}, after the choice, scrolled to the end")


# --------------------------------------------------------------------------- the other screens


def _title(d):
    d.app.stack.reset(_title_scene())
    d.pump()


def _title_scene():
    from game.ui.scenes.title import TitleScene
    return TitleScene()


def _levels(d):
    _title(d)
    d.key("1")


def _content_note(d):
    d.app.settings.content_note_seen = False
    _levels(d)
    d.key("1")


def _settings(d):
    _title(d)
    d.key("4")


def _load(d):
    _title(d)
    d.key("3")


def _class_settings(d):
    _settings(d)
    d.key("6")


def _load_many(d):
    """The load screen with more saves than it lists (MAX_LISTED), one of them damaged."""
    from game import paths

    d.fast_forward("map", turn=3)
    folder = paths.SAVES / "many"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(10):
        d.app.game.save_game(folder / f"great-break-turn{i:02d}-20300101-0000{i:02d}.json")
    (folder / "damaged.json").write_text("{", encoding="utf-8")
    old, paths.SAVES = paths.SAVES, folder
    try:
        _title(d)
        d.key("3")
    finally:
        paths.SAVES = old


def _credits(d):
    _title(d)
    d.key("5")


def _glossary(d):
    _title(d)
    d.key("f1")
    d.key("tab")
    d.key("enter")


def _pause(d):
    d.fast_forward("card")
    d.key("escape")


def _pause_confirm(d):
    _pause(d)
    d.key("5")


def _ending_curves(d):
    d.fast_forward("ending")
    d.key("1")


SCREENS = {
    "title": (_title, "TitleScene"),
    "levels": (_levels, "LevelSelectScene"),
    "content note": (_content_note, "ContentNoteScene"),
    "directives": (lambda d: d.fast_forward("directives"), "DirectivesScene"),
    "directives later": (lambda d: d.fast_forward("directives", turn=5), "DirectivesScene"),
    "map": (lambda d: d.fast_forward("map"), "MapScene"),
    "map later": (lambda d: d.fast_forward("map", turn=6), "MapScene"),
    "orders": (lambda d: d.fast_forward("orders"), "OrdersScene"),
    "orders later": (lambda d: d.fast_forward("orders", turn=4), "OrdersScene"),
    "report": (lambda d: d.fast_forward("report"), "ReportScene"),
    "report later": (lambda d: d.fast_forward("report", turn=7), "ReportScene"),
    "news": (lambda d: d.fast_forward("news"), "NewsScene"),
    "news later": (lambda d: d.fast_forward("news", turn=6), "NewsScene"),
    "pause": (_pause, "PauseScene"),
    "pause confirm": (_pause_confirm, "ConfirmScene"),
    "settings": (_settings, "SettingsScene"),
    "class settings": (_class_settings, "ClassSettingsScene"),
    "load": (_load, "LoadScene"),
    "load many": (_load_many, "LoadScene"),
    "credits": (_credits, "CreditsScene"),
    "glossary": (_glossary, "GlossaryScene"),
    "ending ledgers": (lambda d: d.fast_forward("ending"), "EndingScene"),
    "ending curves": (_ending_curves, "EndingScene"),
}


def _assert_every_chart_drawn(driver) -> None:
    """Each curve of the ending is drawn, with its title, on one of the pages of curves."""
    from game.ui.scenes.ending import chart_series

    state = driver.app.game.session.state
    drawn = ""
    for _ in range(6):  # the pages of curves, when they do not all fit at once
        assert driver.layout_problems() == []
        drawn += " ".join(p.text for p in driver.app.painter.placed)
        if driver.button("page") is None:
            break
        driver.action("page")
    _, charts = chart_series(state, driver.app.game.session.scenario.level.targets)
    missing = [title for title, *_ in charts if " ".join(title.split()[:2]) not in drawn]
    w, h = driver.app.size
    assert not missing, (f"ending curves at {w}x{h}, text {driver.app.settings.text_scale:.0%}: "
                         f"{len(missing)} of {len(charts)} charts not drawn: {missing}")


@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_layout(driver, screen, known_bug):
    known_bug(f"screen {screen}")
    go, expected = SCREENS[screen]
    go(driver)
    assert scene_name(driver) == expected, f"{screen}: reached {scene_name(driver)}, not {expected}"
    if screen == "ending curves":
        assert driver.scene.view == "curves"
        _assert_every_chart_drawn(driver)
    assert_layout(driver, screen)
    assert_focus_visible(driver, screen)
    # Tab through every focusable widget: a focused widget scrolls into view, and a tooltip
    # may open; the screen must lay out in each of these states.
    for i in range(len(driver.widgets())):
        driver.key("tab")
        assert_layout(driver, f"{screen}, after {i + 1} Tab")
        assert_focus_visible(driver, f"{screen}, after {i + 1} Tab")


def test_map_tooltip_on_hover(driver):
    """Pointing at a number of the dashboard opens its tooltip inside the window."""
    driver.fast_forward("map")
    stat = driver.scene.stats[0]
    assert not stat.hidden
    driver.hover(stat.rect.center)
    assert driver.scene.focus.hover is stat
    assert_layout(driver, "map, tooltip of the first stat")
    marker = driver.scene.markers[-1]
    driver.hover(marker.rect.center)
    assert driver.scene.focus.hover is marker
    assert_layout(driver, "map, tooltip of the last village")
    driver.hover((1, 1))
    assert driver.scene.focus.hover is None
    assert pygame.Rect((0, 0), driver.app.size).contains(stat.rect)


def test_tooltip_is_a_layer_over_the_screen(driver):
    """A tooltip lies over the screen like an overlay: the lines it covers are not overlaps."""
    driver.fast_forward("map")
    stat = driver.scene.stats[0]
    driver.hover(stat.rect.center)
    assert driver.scene.focus.tooltip() == (stat, stat.tooltip)
    driver.layout_problems()
    placed = driver.app.painter.placed
    tip = [p for p in placed if len(p.text) > 12 and p.text in stat.tooltip and p.line.top >= stat.rect.bottom]
    label = [p for p in placed if p.text == stat.label]
    assert tip and label
    assert min(p.layer for p in tip) > max(p.layer for p in label)
    assert driver.layout_problems() == []


def test_title_menu_shows_every_entry(driver, known_bug):
    """The title's six entries are all on the screen at once: a player should not have to find
    'Continue' or 'Quit' by scrolling a menu of six lines."""
    known_bug("title menu")
    _title(driver)
    hidden = [b.label for b in driver.scene.widgets if b.hidden]
    w, h = driver.app.size
    assert not hidden, f"title at {w}x{h}, text {driver.app.theme.scale:.0%}: hidden entries {hidden}"
