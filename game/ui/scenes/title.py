"""The title screen, the level choice, the content note, and sources and credits."""

from __future__ import annotations

import os

import pygame

from game.model.common import month_index, month_words
from game.text.render import CONTENT_NOTE
from game.ui import fonts
from game.ui.events import UI_ACTION
from game.ui.scenes.base import Screen, menu_buttons, stack_widgets
from game.ui.text import Painter
from game.ui.theme import INK, INK_SOFT, RED
from game.ui.widgets import Button, ScrollText


def _art(painter: Painter, key: str, rect: pygame.Rect) -> None:
    if rect.width >= 120 and rect.height >= 90:
        from game.ui import art
        art.draw_illustration(painter.surface, key, rect)


class TitleScene(Screen):
    hints = "Tab or arrows: move   Enter: choose   1-6: menu   F11: full screen"

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
        column = pygame.Rect(theme.pad * 3, 0, min(520, w // 2 - 3 * theme.pad), 0)
        title_h = fonts.font("serif_bold", theme.title).get_linesize() * 2 + theme.pad * 3
        column.top = min(title_h + theme.pad * 2, h // 3)
        stack_widgets(self.widgets, column, theme, theme.pad // 2)
        self.picture = pygame.Rect(w // 2 + theme.pad, column.top, w // 2 - 4 * theme.pad,
                                   min(h - column.top - 3 * theme.pad, (w // 2) * 3 // 4))
        self.focus.set(self.widgets)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION:
            stack, game = self.app.stack, self.app.game
            if event.action == "new":
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
                stack.push(SettingsScene())
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
        theme, (w, h) = self.theme, self.app.size
        big = fonts.font("serif_bold", theme.title)
        column = pygame.Rect(theme.pad * 3, theme.pad * 2, w - 6 * theme.pad, big.get_linesize() * 2)
        used = painter.text("The Great Break", big, INK, column)
        painter.text("Collectivization in one Soviet district, 1929-1933", fonts.font("serif", theme.heading),
                     INK_SOFT, pygame.Rect(column.left, column.top + used, column.width, column.height))
        pygame.draw.line(painter.surface, RED, (column.left, column.bottom + theme.pad),
                         (column.left + min(column.width, 600), column.bottom + theme.pad), 4)
        self.draw_widgets(painter, self.widgets)
        _art(painter, "field", self.picture)
        game = self.app.game
        note = ("Loading the history..." if not game.ready else
                f"The content has {sum(d.severity == 'error' for d in game.problems)} errors: "
                "run  python -m game validate  to see them." if not game.playable_levels() else game.message)
        if note:
            small = fonts.font("sans", theme.small)
            painter.text(note, small, RED, pygame.Rect(theme.pad * 3, h - 2 * small.get_linesize() - theme.pad,
                                                       w - 6 * theme.pad, 2 * small.get_linesize()))


class LevelSelectScene(Screen):
    title = "Choose a level"

    def layout(self, size: tuple[int, int]) -> None:
        game, theme = self.app.game, self.theme
        levels = [game.content.levels[lid] for lid in game.playable_levels()]
        self.widgets: list[Button] = []
        for i, level in enumerate(levels, 1):
            start, end = month_words(month_index(level.start)), month_words(month_index(level.end))
            label = (f"{level.title}: {start} to {end}, about {level.minutes} minutes, {level.difficulty}. "
                     f"{level.summary.strip()}")
            self.widgets.append(Button(label=label, action="level", value=level.id, hotkey=str(i)))
        self.widgets.append(Button(label="Back", action="back"))
        stack_widgets(self.widgets, self.body(), theme, theme.pad)
        self.focus.set(self.widgets)

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
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        self.draw_widgets(painter, self.widgets)


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


def bibliography(content) -> str:
    """Every work cited by the cards and levels, once, sorted by author."""
    seen: dict[str, None] = {}
    for card in content.cards.values():
        for src in card.history.sources:
            seen.setdefault(src.citation())
    for level in content.levels.values():
        for src in level.sources:
            seen.setdefault(src.citation())
    return "\n".join(sorted(seen, key=str.lower))


class CreditsScene(Screen):
    title = "Sources and credits"

    def layout(self, size: tuple[int, int]) -> None:
        body = self.body()
        text = ("Every event card cites the published works it rests on; these are all of them.\n\n"
                + bibliography(self.app.game.content)
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
        if event.type == pygame.MOUSEWHEEL:
            self.text.scroll(-event.y * 3)
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        self.draw_widgets(painter, [self.text, self.back])
