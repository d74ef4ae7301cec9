"""Loading a saved game: the saves folder, newest first, with what each one holds."""

from __future__ import annotations

import json
import time

import pygame

from game import paths
from game.model.common import month_words
from game.ui.events import UI_ACTION
from game.ui.scenes.base import Screen
from game.ui.text import Painter
from game.ui.widgets import Button, ScrollArea

MAX_LISTED = 20


def describe(path, levels: dict) -> str:
    """A line for a save, read without trusting it (a broken file says so)."""
    saved = time.strftime("%d %B %Y, %H:%M", time.localtime(path.stat().st_mtime))
    name = "The last game (saved automatically)" if path.name == "autosave.json" else path.stem
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        snap = data["snapshot"]
        level = levels[data["level"]].title if data["level"] in levels else data["level"]
        return f"{level}, {month_words(int(snap['month']))}, turn {snap['turn']}. {name}, saved {saved}"
    except (OSError, ValueError, KeyError, TypeError):
        return f"{name}: this file cannot be read (saved {saved})"


class LoadScene(Screen):
    title = "Load a saved game"

    def layout(self, size: tuple[int, int]) -> None:
        files = sorted(paths.SAVES.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True) \
            if paths.SAVES.exists() else []
        levels = self.app.game.content.levels if self.app.game.content else {}
        self.widgets = [Button(label="Back", action="back", hotkey="0")]
        self.widgets += [Button(label=describe(p, levels), action="load", value=p, hotkey=str(i) if i < 10 else None)
                         for i, p in enumerate(files[:MAX_LISTED], 1)]
        if not files:
            self.widgets.append(Button(label="There are no saved games yet.", action="none", enabled=False))
        self.areas = [ScrollArea(self.body(), [[b] for b in self.widgets], self.theme)]
        self.focus.set(self.widgets)
        self.areas[0].ensure_visible(self.focus.focused)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.stack.pop()
            return True
        if event.type == UI_ACTION:
            if event.action == "back":
                self.app.stack.pop()
            elif event.action == "load" and self.app.game.unsaved_progress():
                from game.ui.scenes.overlays import ConfirmScene
                self.app.stack.push(ConfirmScene("Load this game?", "The game in progress is saved at the end of "
                                                 "every month; the choices made this month will be lost.",
                                                 "load_confirmed", event.value))
            elif event.action in ("load", "load_confirmed"):
                error = self.app.game.load_game(event.value)
                if error:
                    from game.ui.scenes.overlays import MessageScene
                    self.app.stack.push(MessageScene("This save cannot be used", error))
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        self.draw_widgets(painter, self.widgets)
