"""Settings: text size, full screen, sound and volume, kept between runs; from the title screen,
the way to the teacher's class settings too."""

from __future__ import annotations

import pygame

from game.ui.events import UI_ACTION
from game.ui.scenes.base import Screen
from game.ui.settings import TEXT_SCALES
from game.ui.text import Painter
from game.ui.widgets import Button, ScrollArea


class SettingsScene(Screen):
    title = "Settings"

    def __init__(self, from_title: bool = False) -> None:
        super().__init__()
        self.from_title = from_title   # class settings apply to a new game, so only from the title

    def layout(self, size: tuple[int, int]) -> None:
        s = self.app.settings
        sound_note = "" if self.app.sound.available else " (no sound device found)"
        self.widgets = [
            Button(label=f"Text size: {s.text_scale:.0%} (Enter for the next size)", action="text", hotkey="1"),
            Button(label=f"Full screen: {'on' if s.fullscreen else 'off'} (also F11)", action="fullscreen", hotkey="2"),
            Button(label=f"Sound: {'on' if s.sound else 'off'}{sound_note}", action="sound", hotkey="3"),
            Button(label=f"Volume: {s.volume:.0%}, louder", action="volume", value=0.1, hotkey="4"),
            Button(label="Volume: quieter", action="volume", value=-0.1, hotkey="5"),
        ]
        content = self.app.game.content
        languages = {"en": "English", **(content.languages if content else {})}
        if self.from_title and len(languages) > 1:
            # Cards a pack translates; the window's own words stay English.
            name = languages.get(s.language, s.language)
            self.widgets.append(Button(label=f"Language of the cards: {name} (Enter for the next)",
                                       action="language", value=[*languages], hotkey="l"))
        if self.from_title:
            self.widgets.append(Button(label="Class settings (for teachers)", action="class", hotkey="6",
                                       tooltip="Write or open the settings file that locks a class's game."))
            self.widgets.append(Button(label="Mods", action="mods", hotkey="7",
                                       tooltip="Packs of cards and levels: on or off, with their problems."))
        self.widgets.append(Button(label="Back", action="back", hotkey=str(len(self.widgets) + 1)))
        body = self.body()
        self.areas = [ScrollArea(pygame.Rect(body.left, body.top, min(body.width, 760), body.height),
                                 [[b] for b in self.widgets], self.theme)]
        self.focus.set(self.widgets)
        self.areas[0].ensure_visible(self.focus.focused)

    def handle(self, event: pygame.event.Event) -> bool:
        if self.went_back(event):
            return True
        if event.type != UI_ACTION:
            return super().handle(event)
        app, s = self.app, self.app.settings
        if event.action in ("class", "mods"):
            from game.ui.scenes.classroom import ClassSettingsScene
            from game.ui.scenes.mods import ModsScene
            app.stack.push(ClassSettingsScene() if event.action == "class" else ModsScene())
            return True
        if event.action == "text":
            i = TEXT_SCALES.index(s.text_scale) if s.text_scale in TEXT_SCALES else 0
            app.set_text_scale(TEXT_SCALES[(i + 1) % len(TEXT_SCALES)])
        elif event.action == "language":
            order = event.value
            s.language = order[(order.index(s.language) + 1) % len(order)] if s.language in order else order[0]
            app.save_settings()
            app.game.load_content()
        elif event.action == "fullscreen":
            app.toggle_fullscreen()
        elif event.action == "sound":
            s.sound = not s.sound
            app.sound.set_enabled(s.sound)
        elif event.action == "volume":
            s.volume = round(min(1.0, max(0.0, s.volume + event.value)), 2)
            app.sound.set_volume(s.volume)
            app.sound.play("click")
        app.save_settings()
        app.stack.relayout()
        return True

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        self.draw_widgets(painter, self.widgets)
