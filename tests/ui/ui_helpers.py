"""Helpers shared by the window's tests (imported as a plain module: tests/ui is on sys.path)."""

from __future__ import annotations

from game.content.loader import load

LEVEL = "great-break"
CARD_IDS = sorted(load()[0].cards)   # the base content's cards
SIZES = [(1024, 600), (1280, 720), (1920, 1080)]
SCALES = [1.0, 1.75]
COMBOS = [(size, scale) for size in SIZES for scale in SCALES]


def combo_id(combo) -> str:
    (w, h), scale = combo
    return f"{w}x{h}@{int(scale * 100)}%"


def fit(driver, size) -> None:
    """All drivers share pygame's one window: give it this driver's size again if another
    driver (another test, another module) changed it."""
    if driver.app.size != tuple(size):
        driver.resize(tuple(size))


def scene_name(driver) -> str:
    return type(driver.scene).__name__


def tooltip_lines(driver) -> list:
    """The lines of the tooltip on the last frame, if the top scene shows one: the run of
    lines at the end of the frame that share the last line's box (a tooltip is drawn last)."""
    scene, painter = driver.scene, driver.app.painter
    if painter is None or not painter.placed or scene is None or scene.focus.tooltip() is None:
        return []
    if not hasattr(type(scene), "draw") or "draw_tooltip" not in type(scene).draw.__code__.co_names:
        return []
    box = painter.placed[-1].box
    run = []
    for placed in reversed(painter.placed):
        if placed.box != box:
            break
        run.append(placed)
    return run


def layout_problems(driver) -> list[str]:
    """Painter.problems() of a fresh frame, with a tooltip counted as a layer over the screen
    (it is opaque and hides what is under it; see test_tooltip_is_a_layer_over_the_screen)."""
    problems = driver.layout_problems()
    run = tooltip_lines(driver)
    if problems and run:
        top = max(p.layer for p in driver.app.painter.placed) + 1
        saved = [(p, p.layer) for p in run]
        for p in run:
            p.layer = top
        problems = driver.app.painter.problems()
        for p, layer in saved:
            p.layer = layer
    return problems


def assert_focus_visible(driver, where: str = "") -> None:
    """The focused widget is on the screen (not scrolled out of its area, inside the window)."""
    focused = driver.scene.focus.focused
    if focused is None:
        return
    w, h = driver.app.size
    label = getattr(focused, "label", "") or getattr(focused, "text", "")[:30] or type(focused).__name__
    assert not focused.hidden, (f"{where + ': ' if where else ''}{scene_name(driver)} at {w}x{h}, text "
                                f"{driver.app.settings.text_scale:.0%}: the focused {label!r} is not shown")
    assert focused.rect.height > 0 and (0 <= focused.rect.top and focused.rect.bottom <= h), \
        f"{where}: the focused {label!r} at {focused.rect} is outside the {w}x{h} window"


def assert_layout(driver, where: str = "") -> None:
    """No text outside its box, cut off or overlapping on the screen shown now; the message
    names the screen, the window and text size, and every problem."""
    problems = layout_problems(driver)
    w, h = driver.app.size
    assert problems == [], (
        f"{where + ': ' if where else ''}{scene_name(driver)} at {w}x{h}, text "
        f"{driver.app.settings.text_scale:.0%}: {len(problems)} layout problems:\n  " + "\n  ".join(problems))


# Layout bugs in the scene code, found by these tests and reported to the lead, marked as
# strict expected failures until fixed: when a fix lands the test passes, strict xfail turns
# that into a failure, and the entry must be removed here. Keys: (what, size, text scale).
CARD_META_BELOW_BODY = (
    "game/ui/scenes/card.py CardScene.layout (wide): the picture (up to half the body's height), "
    "the title and the date line are stacked in the left column without checking that they fit "
    "the body, so at 1280x720 with text at 175% the date line runs into the key hints")
SETTINGS_PAST_BODY = (
    "game/ui/scenes/settings.py SettingsScene.layout: the six buttons are stacked from the body's "
    "top with no height limit and no ScrollArea, so at 1024x600 with text at 175% 'Back' runs "
    "into the key hints")
CARD_CHOICES_HIDDEN = (
    "game/ui/scenes/card.py CardScene.layout: the text keeps at least three lines and the choices "
    "get what is left (choices_top = max(text_top + min_text + pad, ...)); at 1024x600 with text at "
    "175% that is less than one button's height, so the ScrollArea hides every choice (and, after "
    "the choice, 'Continue'): the card shows no button at all, and Tab cannot scroll one into view")
CURVES_SQUEEZED = (
    "game/ui/scenes/ending.py EndingScene.draw (curves): at 1024x600 with text at 175% one column "
    "is chosen (width // max(260, 300 * scale)), so six charts share ~250 px of height and "
    "line_chart draws nothing in each: the curves view is six empty strips")
TITLE_MENU_SCROLLS = (
    "game/ui/scenes/title.py TitleScene.layout: the menu column is only as tall as the room left "
    "beside the picture, under a title and subtitle that wrap at large text, so at 175% the six "
    "entries scroll (at 1024x600 only 'New game' is shown; at 1280x720 'Sources and credits' and "
    "'Quit' are hidden); the picture should give way (or go) before the menu does")
LOAD_PAST_BODY = (
    "game/ui/scenes/saves.py LoadScene.layout: up to MAX_LISTED (8) saves and 'Back' are stacked "
    "from the body's top with no ScrollArea, so at 175% with 8 saves the list runs into the key "
    "hints and off the window (at 1024x600 'Back' cannot be seen or clicked)")
# Layout bugs found and not yet fixed, as (what, size, scale) -> reason: each makes its test a
# strict expected failure, so fixing the bug turns the test red until the entry is removed.
KNOWN_BUGS: dict[tuple[str, tuple[int, int], float], str] = {}


def mark_known_bug(request, what: str, size, scale: float) -> None:
    """Mark this test a strict expected failure if it meets a reported, unfixed bug."""
    reason = KNOWN_BUGS.get((what, tuple(size), scale))
    if reason:
        import pytest
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))
