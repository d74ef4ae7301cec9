"""Driving the window from code: synthetic keys and clicks, for tests, screenshots, benchmarks.

    driver = Driver.start(size=(1280, 720))
    driver.key("1")                 # press a key (a digit, a letter, or a pygame key name)
    driver.click(button.rect.center)
    driver.save("title.png")

Every call posts real pygame events and runs one pass of the app's loop, exactly as a player
would; nothing reaches into a scene from the side.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.ui.app import App  # noqa: E402
from game.ui.events import UI_ACTION  # noqa: E402

KEYS = {"enter": pygame.K_RETURN, "escape": pygame.K_ESCAPE, "tab": pygame.K_TAB, "up": pygame.K_UP,
        "down": pygame.K_DOWN, "left": pygame.K_LEFT, "right": pygame.K_RIGHT, "space": pygame.K_SPACE,
        "pagedown": pygame.K_PAGEDOWN, "pageup": pygame.K_PAGEUP, "f11": pygame.K_F11}


@dataclass
class Driver:
    app: App

    @classmethod
    def start(cls, size: tuple[int, int] = (1280, 720), settings_dir: Path | None = None,
              text_scale: float | None = None) -> "Driver":
        folder = settings_dir or Path(tempfile.mkdtemp(prefix="great-break-settings-"))
        path = folder / "settings.json"
        if text_scale is not None:
            path.write_text(f'{{"text_scale": {text_scale}, "content_note_seen": false}}', encoding="utf-8")
        app = App(size=size, settings_path=path, background_load=False)
        driver = cls(app)
        driver.pump()
        return driver

    def pump(self) -> None:
        self.app.pump(wait=False)
        if self.app.dirty:
            self.app.draw()

    def key(self, name: str, mod: int = 0) -> None:
        if name in KEYS:
            key, text = KEYS[name], ""
        else:
            key, text = pygame.key.key_code(name), name
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=text, scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=text, scancode=0))
        self.pump()
        self.pump()  # the UI_ACTION a key posts is handled on the next pass

    def click(self, pos: tuple[int, int]) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.pump()
        self.pump()

    def resize(self, size: tuple[int, int]) -> None:
        self.app.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
        self.pump()

    def action(self, action: str, value=None) -> None:
        pygame.event.post(pygame.event.Event(UI_ACTION, action=action, value=value))
        self.pump()

    @property
    def scene(self):
        return self.app.stack.top

    def save(self, path: Path) -> None:
        self.app.draw()
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.app.window, str(path))

    def layout_problems(self) -> list[str]:
        self.app.draw()
        return self.app.painter.problems() if self.app.painter else []
