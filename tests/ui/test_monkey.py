"""A monkey at the keyboard and the mouse: 20,000 random events across every screen.

Mouse motion and clicks at random places, random keys (digits, Tab, Shift+Tab, arrows, Enter,
Space, Esc, Page Up/Down; not F11), the mouse wheel, and now and then a resize between 1024x600
and 1920x1080, from a fixed random.Random(seed). Whenever the app quits or comes back to the
title (and stays there a while), a new game is started, so the run spends most of its time in
games. No exception may escape, the game screens must all be visited, and at the end the window
still answers: from the title, keys start a new game.

To keep it fast the loop is run by hand: each event is posted and dispatched, the top scene
updated, and a frame drawn only every 50 events (the app draws when something changed).
Saves, the autosave and settings go to temporary folders.
"""

from __future__ import annotations

import random
import time
from collections import Counter

import pygame
import pytest
from ui_helpers import LEVEL, scene_name

from game.ui.app import FRAME_SECONDS
from game.ui.automation import Driver
from game.ui.scenes.title import TitleScene

EVENTS = 20_000
DRAW_EVERY = 50
SEED = 20_240_601
TIME_LIMIT = 60.0
TITLE_SIDE = {"TitleScene", "LevelSelectScene", "ContentNoteScene", "SettingsScene", "LoadScene",
              "CreditsScene", "MessageScene", "ConfirmScene"}
KEYS = [pygame.K_0 + i for i in range(10)] * 3 + [
    pygame.K_TAB, pygame.K_TAB, "shift-tab", pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT,
    pygame.K_RETURN, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_PAGEUP, pygame.K_PAGEDOWN]


def _key_event(rng: random.Random) -> list[pygame.event.Event]:
    key = rng.choice(KEYS)
    mod = 0
    if key == "shift-tab":
        key, mod = pygame.K_TAB, pygame.KMOD_SHIFT
    text = chr(key) if pygame.K_0 <= key <= pygame.K_9 else ""
    return [pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=text, scancode=0),
            pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=text, scancode=0)]


def _mouse_events(rng: random.Random, size: tuple[int, int], kind: float) -> list[pygame.event.Event]:
    pos = (rng.randrange(size[0]), rng.randrange(size[1]))
    motion = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    if kind < 0.45:
        return [motion]
    if kind < 0.85:
        button = rng.choice((1, 1, 1, 3))
        return [motion, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)]
    y = rng.choice((-3, -1, 1, 3))
    return [motion, pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0,
                                       precise_y=float(y))]


def _dispatch_all(app) -> None:
    """Handle everything waiting, including the UI_ACTIONs that handling posts (bounded)."""
    for _ in range(6):
        events = pygame.event.get()
        if not events:
            return
        for event in events:
            app.dispatch(event)


@pytest.fixture
def monkey_driver(tmp_path, saves_dir, monkeypatch):
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path / "settings")
    driver.app.game.autosave = saves_dir / "autosave.json"
    # Full screen (the Settings button; F11 is not pressed) would change the display mode
    # under the dummy driver; the monkey only notes that it asked for it.
    asked = []
    monkeypatch.setattr(driver.app, "toggle_fullscreen", lambda: asked.append(True))
    return driver


def test_monkey(monkey_driver):
    driver, app = monkey_driver, monkey_driver.app
    rng = random.Random(SEED)
    visited: Counter[str] = Counter()
    games = quits = resizes = 0
    since_game = 0
    start = time.perf_counter()

    def new_game() -> None:
        nonlocal games, since_game
        app.game.new_game(LEVEL, rng.randrange(1 << 31))
        games += 1
        since_game = 0

    for i in range(EVENTS):
        roll = rng.random()
        if roll < 0.004:
            size = (rng.randint(1024, 1920), rng.randint(600, 1080))
            app.window = pygame.display.set_mode(size, pygame.RESIZABLE)
            pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
            resizes += 1
        elif roll < 0.55:
            for event in _key_event(rng):
                pygame.event.post(event)
        else:
            for event in _mouse_events(rng, app.size, rng.random()):
                pygame.event.post(event)
        _dispatch_all(app)
        top = app.stack.top
        assert top is not None, f"event {i}: the scene stack is empty"
        top.update(FRAME_SECONDS)
        if app.fade_left > 0:     # time passes for the cross-fade too, as in App.pump
            app.fade_left = max(0.0, app.fade_left - FRAME_SECONDS)
        if i % DRAW_EVERY == 0:
            app.draw()
        name = scene_name(driver)
        visited[name] += 1

        # Keep the monkey in games: after a quit, or a while spent on the title's screens.
        if not app.running:
            quits += 1
            app.running = True
            app.stack.reset(TitleScene())
            new_game()
        elif name in TITLE_SIDE and app.game.session is None or name == "TitleScene":
            since_game += 1
            if since_game > 150:
                if app.stack.top is not app.stack.scenes[0]:
                    app.stack.reset(TitleScene())
                new_game()
        else:
            since_game = 0
    elapsed = time.perf_counter() - start
    app.draw()

    print(f"\nmonkey: {EVENTS} events in {elapsed:.1f} s; {games} games started, {quits} quits, "
          f"{resizes} resizes; screens: {dict(visited.most_common())}")
    for screen in ("TitleScene", "MapScene", "OrdersScene", "CardScene", "ReportScene", "NewsScene"):
        assert visited[screen] > 0, f"the monkey never reached {screen}: {dict(visited)}"
    assert elapsed < TIME_LIMIT, f"the monkey took {elapsed:.0f} s"

    # The window still answers: back to the title, then keys start a new game.
    driver.resize((1280, 720))
    app.game.class_settings = None   # the monkey may have locked class settings (Settings, 6, 6)
    app.stack.reset(TitleScene())
    driver.pump()
    driver.key("1")
    assert scene_name(driver) == "LevelSelectScene"
    driver.key("1")
    if scene_name(driver) == "ContentNoteScene":
        driver.key("1")
    assert scene_name(driver) == "DirectivesScene"
    assert app.game.session.state.turn == 1
    driver.key("enter")
    assert scene_name(driver) == "MapScene"
