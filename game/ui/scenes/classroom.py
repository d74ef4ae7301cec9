"""The teacher's settings in the window: write a settings file, or open one, and lock it."""

from __future__ import annotations

import os

import pygame

from game import paths
from game.content.classroom import ClassSettings, load_class_settings, settings_text
from game.storage import atomic_write
from game.ui.events import UI_ACTION
from game.ui.scenes.base import Screen
from game.ui.text import Painter
from game.ui.widgets import Button, ScrollArea

TIME_LIMITS = (None, 20, 30, 45, 90)
MAX_LISTED = 12


class ClassSettingsScene(Screen):
    title = "Class settings (for teachers)"

    def __init__(self) -> None:
        super().__init__()
        self.draft: ClassSettings | None = None

    def status(self) -> str:
        if self.app.game.class_settings is not None:
            return "These settings are locked for this session. Start the game again to change them."
        return ("Choose the settings, then save them: the file goes into the saves folder, and every "
                "student's game opened with it starts the same level on the same seed.")

    def layout(self, size: tuple[int, int]) -> None:
        game = self.app.game
        locked = game.class_settings is not None
        if self.draft is None:
            self.draft = game.class_settings or ClassSettings(
                level=game.playable_levels()[0], seed=int.from_bytes(os.urandom(3), "big"))
        d = self.draft
        title = game.content.levels[d.level].title if d.level in game.content.levels else d.level
        limit = f"{d.time_limit_minutes} minutes" if d.time_limit_minutes else "none"
        self.widgets = [
            Button(label=f"Level: {title} (Enter for the next)", action="level", hotkey="1"),
            Button(label=f"Class seed: {d.seed} (Enter for a new one)", action="seed", hotkey="2"),
            Button(label=f"Reasons at key decisions: {'required' if d.reasons_required else 'optional'}",
                   action="reasons", hotkey="3"),
            Button(label=f"Time limit: {limit}", action="time", hotkey="4"),
            Button(label=f"Famine testimony: {'summarised in one line' if d.intensity == 'summarised' else 'in full'}",
                   action="intensity", hotkey="5"),
            Button(label=f"Save as {self.file_name()} and lock these settings", action="save", hotkey="6",
                   primary=True),
        ]
        for b in self.widgets:
            b.enabled = not locked
        files = sorted(paths.SAVES.glob("*.yaml"), key=lambda p: p.stat().st_mtime, reverse=True) \
            if paths.SAVES.exists() else []
        self.widgets += [Button(label=f"Open {p.name} and lock its settings", action="open", value=p,
                                enabled=not locked) for p in files[:MAX_LISTED]]
        self.widgets.append(Button(label="Back", action="back", hotkey="0"))
        body = self.body()
        self.areas = [ScrollArea(pygame.Rect(body.left, body.top, min(body.width, 900), body.height),
                                 [[b] for b in self.widgets], self.theme)]
        self.focus.set([b for b in self.widgets if b.enabled])
        self.areas[0].ensure_visible(self.focus.focused)

    def file_name(self) -> str:
        return f"class-{self.draft.level}-{self.draft.seed}.yaml"

    def handle(self, event: pygame.event.Event) -> bool:
        if self.went_back(event):
            return True
        if event.type != UI_ACTION:
            return super().handle(event)
        d, game = self.draft, self.app.game
        if event.action == "save":
            self.lock(d, self.write(d))
            return True
        if event.action == "open":
            settings, problems = load_class_settings(event.value, game.content)
            if settings is None:
                self.tell("This settings file cannot be used", "\n".join(map(str, problems)))
            else:
                self.lock(settings, event.value)
            return True
        levels = game.playable_levels()
        change = {
            "level": lambda: {"level": levels[(levels.index(d.level) + 1) % len(levels)
                                              if d.level in levels else 0]},
            "seed": lambda: {"seed": int.from_bytes(os.urandom(3), "big")},
            "reasons": lambda: {"reasons_required": not d.reasons_required},
            "time": lambda: {"time_limit_minutes": TIME_LIMITS[(TIME_LIMITS.index(d.time_limit_minutes) + 1)
                                                               % len(TIME_LIMITS)]
                             if d.time_limit_minutes in TIME_LIMITS else None},
            "intensity": lambda: {"intensity": "full" if d.intensity == "summarised" else "summarised"},
        }.get(event.action)
        if change is not None:
            self.draft = d.model_copy(update=change())
            self.app.stack.relayout()
        return True

    def write(self, settings: ClassSettings):
        path = paths.SAVES / self.file_name()
        paths.SAVES.mkdir(parents=True, exist_ok=True)
        atomic_write(path, settings_text(settings).encode("utf-8"))
        return path

    def lock(self, settings: ClassSettings, path) -> None:
        self.app.game.class_settings = settings
        self.app.stack.pop()   # this screen
        self.app.stack.pop()   # the settings: back to the title, which shows the lock
        self.tell("Class settings locked",
                  f"The settings are in {path}. Give this file to the class; each student starts with\n"
                  f"python -m game play --class-settings {path.name}\n"
                  "or opens it here: Settings, then Class settings, on the title screen.")

    def tell(self, heading: str, message: str) -> None:
        from game.ui.scenes.overlays import MessageScene
        self.app.stack.push(MessageScene(heading, message))

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        self.draw_widgets(painter, self.widgets)
