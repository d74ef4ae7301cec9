"""The title screen, the level choice, the content note, and sources and credits."""

from __future__ import annotations

import os

import pygame

from game.content.bibliography import cited_works
from game.model.common import month_index, month_words
from game.text.render import CONTENT_NOTE
from game.ui import fonts
from game.ui.events import UI_ACTION
from game.ui.scenes.base import Screen, menu_buttons, stack_widgets
from game.ui.text import Painter, measure
from game.ui.theme import INK, INK_SOFT, PAPER_LIGHT, RED
from game.ui.widgets import Button, ScrollArea, ScrollText


def _art(painter: Painter, key: str, rect: pygame.Rect) -> None:
    if rect.width >= 120 and rect.height >= 90:
        from game.ui import art
        art.draw_illustration(painter.surface, key, rect)


TITLE = "The Great Break"
SUBTITLE = "Collectivization in one Soviet district, 1929-1933"


class TitleScene(Screen):
    hints = "Tab or arrows: move   Enter: choose   1-6: menu   F1: glossary   F11: full screen"

    def enter(self, app) -> None:
        super().enter(app)
        app.sound.stop_ambient()

    def layout(self, size: tuple[int, int]) -> None:
        game = self.app.game
        ready = game.ready and bool(game.playable_levels())
        items = [("New game", "new", None), ("Continue the last game", "continue", None),
                 ("Load a saved game", "load", None), ("Settings", "settings", None),
                 ("Sources and credits", "credits", None), ("Quit", "quit", None)]
        self.widgets = menu_buttons(items)
        for b in self.widgets:
            if b.action in ("new", "load", "credits"):
                b.enabled = ready
            if b.action == "continue":
                b.enabled = ready and game.has_autosave()
        w, h = size
        theme = self.theme
        margin = theme.pad * 3
        self.head = pygame.Rect(margin, theme.pad * 2, w - 2 * margin, 0)
        self.title_px = min(theme.title, h // 10)  # a short window keeps room for the menu
        self.head.height = (measure(fonts.font("serif_bold", self.title_px), TITLE, self.head.width)
                            + measure(fonts.font("serif", theme.body), SUBTITLE, self.head.width))
        top = self.head.bottom + theme.pad * 3
        note_h = measure(fonts.font("sans", theme.small), self.note() or self.hint_text(), w - 2 * margin) + theme.pad
        # The menu must show every entry: beside the picture where there is room, else in two
        # columns across the window, without the picture.
        column = pygame.Rect(margin, top, min(560, w // 2 - margin), h - top - note_h - theme.pad)
        one = ScrollArea(column, [[b] for b in self.widgets], theme)
        if not one.scrollable:
            self.areas = [one]
            self.picture = pygame.Rect(w // 2 + theme.pad, top, w // 2 - 2 * margin,
                                       min(h - top - note_h - theme.pad, (w // 2) * 3 // 4))
        else:
            wide = pygame.Rect(margin, top, w - 2 * margin, h - top - note_h - theme.pad)
            pairs = [self.widgets[i:i + 2] for i in range(0, len(self.widgets), 2)]
            self.areas = [ScrollArea(wide, pairs, theme)]
            self.picture = pygame.Rect(0, 0, 0, 0)
        self.focus.set(self.widgets)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION:
            stack, game = self.app.stack, self.app.game
            if event.action == "new" and game.class_settings is not None:
                cs = game.class_settings
                if self.app.settings.content_note_seen:
                    game.new_game(cs.level, cs.seed)
                else:
                    stack.push(ContentNoteScene(cs.level, cs.seed))
            elif event.action == "new":
                stack.push(LevelSelectScene())
            elif event.action == "continue":
                error = game.load_game(game.autosave)
                if error:
                    from game.ui.scenes.overlays import MessageScene
                    stack.push(MessageScene("Cannot continue", error))
            elif event.action == "load":
                from game.ui.scenes.saves import LoadScene
                stack.push(LoadScene())
            elif event.action == "settings":
                from game.ui.scenes.settings import SettingsScene
                stack.push(SettingsScene(from_title=game.ready))
            elif event.action == "credits":
                stack.push(CreditsScene())
            elif event.action == "quit":
                self.app.request_quit()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.request_quit()
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        theme, h = self.theme, self.app.size[1]
        big, sub = fonts.font("serif_bold", self.title_px), fonts.font("serif", theme.body)
        used = painter.text(TITLE, big, INK, self.head)
        painter.text(SUBTITLE, sub, INK_SOFT, pygame.Rect(self.head.left, self.head.top + used,
                                                         self.head.width, self.head.height - used))
        pygame.draw.line(painter.surface, RED, (self.head.left, self.head.bottom + theme.pad),
                         (self.head.left + min(self.head.width, 600), self.head.bottom + theme.pad), 4)
        self.draw_widgets(painter, self.widgets)
        _art(painter, "field", self.picture)
        small = fonts.font("sans", theme.small)
        note = self.note()
        text = note or self.hint_text()
        height = measure(small, text, self.head.width)
        painter.text(text, small, RED if note else INK_SOFT,
                     pygame.Rect(self.head.left, h - height - theme.pad // 2, self.head.width, height))

    def note(self) -> str:
        """A line under the menu: loading, broken content, or why the last action failed."""
        game = self.app.game
        if not game.ready:
            return "Loading the history..."
        if not game.playable_levels():
            return (f"The content has {sum(d.severity == 'error' for d in game.problems)} errors: "
                    "run  python -m game validate  to see them.")
        cs = game.class_settings
        if cs is not None:
            if cs.level not in game.content.levels:
                return f"The class settings name a level this game does not have: {cs.level}."
            parts = [f"Class settings (locked by your teacher): {game.content.levels[cs.level].title}, seed {cs.seed}"]
            if cs.reasons_required:
                parts.append("reasons required at key decisions")
            if cs.time_limit_minutes:
                parts.append(f"{cs.time_limit_minutes} minutes")
            if cs.intensity == "summarised":
                parts.append("famine testimony summarised")
            return "; ".join(parts) + "."
        return game.message


class LevelSelectScene(Screen):
    title = "Choose a level"

    def layout(self, size: tuple[int, int]) -> None:
        game = self.app.game
        self.levels = [game.content.levels[lid] for lid in game.playable_levels()]
        self.widgets: list[Button] = []
        for i, level in enumerate(self.levels, 1):
            start, end = month_words(month_index(level.start)), month_words(month_index(level.end))
            label = f"{level.title}: {start} to {end}, about {level.minutes} minutes, {level.difficulty}"
            self.widgets.append(Button(label=label, action="level", value=level.id, hotkey=str(i),
                                       tooltip=level.summary.strip()))
        self.widgets.append(Button(label="Back", action="back", tooltip="Back to the title screen."))
        area, text_rect = self.list_beside_text(self.widgets)
        self.areas = [area]
        self.summary = ScrollText(role="serif", focusable=False, rect=text_rect)
        self.focus.set(self.widgets)
        self._describe()

    def _describe(self) -> None:
        w = self.focus.hover or self.focus.focused
        self.summary.text = w.tooltip if w is not None else ""
        self.summary.first = 0
        self.summary.reflow(self.theme)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION:
            if event.action == "back":
                self.app.stack.pop()
            elif event.action == "level":
                seed = int.from_bytes(os.urandom(4), "big")
                if self.app.settings.content_note_seen:
                    self.app.game.new_game(event.value, seed)
                else:
                    self.app.stack.push(ContentNoteScene(event.value, seed))
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.stack.pop()
            return True
        used = super().handle(event)
        if used:
            self._describe()
        return used

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        pygame.draw.rect(painter.surface, PAPER_LIGHT, self.summary.rect)
        self.draw_widgets(painter, [*self.widgets, self.summary])


class ContentNoteScene(Screen):
    title = "Before you begin"

    def __init__(self, level_id: str, seed: int) -> None:
        super().__init__()
        self.level_id, self.seed = level_id, seed

    def layout(self, size: tuple[int, int]) -> None:
        body = self.body()
        self.go = Button(label="I understand: begin", action="begin", hotkey="1", primary=True)
        self.back = Button(label="Back", action="back", hotkey="2")
        heights = [b.height_for(self.theme, body.width) for b in (self.go, self.back)]
        buttons_top = body.bottom - sum(heights) - self.theme.pad
        self.note = ScrollText(text=CONTENT_NOTE, role="serif",
                               rect=pygame.Rect(body.left, body.top, body.width, buttons_top - body.top - self.theme.pad))
        self.note.reflow(self.theme)
        stack_widgets([self.go, self.back], pygame.Rect(body.left, buttons_top, min(body.width, 600), 0),
                      self.theme, self.theme.pad // 2)
        self.focus.set([self.note, self.go, self.back] if self.note.scrollable else [self.go, self.back])

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION:
            if event.action == "begin":
                self.app.settings.content_note_seen = True
                self.app.save_settings()
                self.app.game.new_game(self.level_id, self.seed)
            else:
                self.app.stack.pop()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.stack.pop()
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        self.draw_widgets(painter, [self.note, self.go, self.back])


class CreditsScene(Screen):
    title = "Sources and credits"

    def layout(self, size: tuple[int, int]) -> None:
        body = self.body()
        works = cited_works(self.app.game.content, self.app.game.glossary)
        text = ("Every event card cites the published works it rests on; these are all of them.\n\n"
                + "\n".join(works)
                + "\n\nFonts: Noto Sans and Noto Serif, under the SIL Open Font License 1.1 "
                "(assets/fonts/OFL.txt). Illustrations and sounds are made by the game itself.")
        self.back = Button(label="Back", action="back", hotkey="1")
        back_h = self.back.height_for(self.theme, 300)
        self.text = ScrollText(text=text, role="serif",
                               rect=pygame.Rect(body.left, body.top, body.width, body.height - back_h - self.theme.pad))
        self.text.reflow(self.theme)
        self.back.rect = pygame.Rect(body.left, body.bottom - back_h, 300, back_h)
        self.focus.set([self.text, self.back])

    def handle(self, event: pygame.event.Event) -> bool:
        if (event.type == UI_ACTION and event.action == "back") or \
                (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
            self.app.stack.pop()
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        self.draw_widgets(painter, [self.text, self.back])
