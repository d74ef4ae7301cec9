"""What every screen shares: the page, the header with date and phase, the key hints, and
placing a column of widgets."""

from __future__ import annotations

import pygame

from game.model.common import month_words
from game.ui import fonts
from game.ui.events import UI_ACTION
from game.ui.scene import Scene
from game.ui.text import Painter, measure
from game.ui.theme import INK, INK_SOFT, PAPER_DARK, RED, Theme
from game.ui.widgets import Button, ScrollArea, Widget

PHASES = ("Directives", "Orders", "Events", "Resolution", "Report", "News")


def stack_widgets(widgets: list[Widget], area: pygame.Rect, theme: Theme, gap: int | None = None) -> int:
    """Place widgets one under another across `area`; return the bottom y."""
    gap = theme.pad if gap is None else gap
    y = area.top
    for w in widgets:
        height = w.height_for(theme, area.width) if hasattr(w, "height_for") else theme.body * 2
        w.rect = pygame.Rect(area.left, y, area.width, height)
        y += height + gap
    return y - gap


def menu_buttons(items: list[tuple[str, str, object]], numbered: bool = True) -> list[Button]:
    return [Button(label=label, action=action, value=value, hotkey=str(i) if numbered and i < 10 else None)
            for i, (label, action, value) in enumerate(items, 1)]


class Screen(Scene):
    """A full-window screen: a heading, an optional status line, the body, and key hints.

    Heights are measured from the wrapped text at the current window and text size, so a
    long heading or large text pushes the body down instead of running into it."""

    title = ""
    hints = "Tab or arrows: move   Enter: choose   Esc: back"

    def heading(self) -> str:
        return self.title

    def status(self) -> str:
        return ""

    def list_beside_text(self, widgets: list[Widget]) -> tuple[ScrollArea, pygame.Rect]:
        """A scrolling column of buttons and, beside it (below it in a narrow window), the rect
        for a text about the chosen one."""
        body, theme = self.body(), self.theme
        wide = body.width >= 900
        column = pygame.Rect(body.left, body.top, body.width // 2 if wide else body.width,
                             body.height if wide else body.height // 2)
        text = (pygame.Rect(column.right + 2 * theme.pad, body.top, body.right - column.right - 2 * theme.pad,
                            body.height) if wide
                else pygame.Rect(body.left, column.bottom + theme.pad, body.width, body.bottom - column.bottom - theme.pad))
        return ScrollArea(column, [[w] for w in widgets], theme), text

    def went_back(self, event: pygame.event.Event) -> bool:
        """Esc or a "back" button closes the screen: whether this event did."""
        if (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE) or \
                (event.type == UI_ACTION and event.action == "back"):
            self.app.stack.pop()
            return True
        return False

    def _margin(self) -> int:
        return self.theme.pad * 2

    def _width(self) -> int:
        return self.app.size[0] - 2 * self._margin()

    def compact(self) -> bool:
        """A short window at a large text size: the header and hints keep to the essentials."""
        return self.app.size[1] / self.theme.scale < 420

    def _head_parts(self) -> list[tuple[str, str, int]]:
        """(text, font role, px) of each header line, top to bottom."""
        if self.compact() and self.status():
            return [(self.status(), "sans", self.theme.small)]  # the phase strip names the screen
        parts = [(self.heading(), "serif_bold", self.theme.heading)]
        if self.status():
            parts.append((self.status(), "sans", self.theme.small))
        return parts

    def header_height(self) -> int:
        width = self._width()
        return sum(measure(fonts.font(role, px), text, width) for text, role, px in self._head_parts()) \
            + self.strip_height() + 2 * self.theme.pad

    def strip_height(self) -> int:
        return 0

    def hint_text(self) -> str:
        return "Tab: move   Enter: choose   Esc: menu" if self.compact() else self.hints

    def footer_height(self) -> int:
        return measure(fonts.font("sans", self.theme.small), self.hint_text(), self._width()) + self.theme.pad // 2

    def body(self) -> pygame.Rect:
        w, h = self.app.size
        pad = self._margin()
        top = self.header_height() + self.theme.pad
        return pygame.Rect(pad, top, w - 2 * pad, h - top - self.footer_height() - self.theme.pad)

    def draw_frame(self, painter: Painter) -> None:
        theme, (w, h) = self.theme, self.app.size
        margin, width = self._margin(), self._width()
        y = theme.pad
        for text, role, px in self._head_parts():
            f = fonts.font(role, px)
            height = measure(f, text, width)
            painter.text(text, f, INK if role.endswith("bold") else INK_SOFT, pygame.Rect(margin, y, width, height))
            y += height
        self.draw_strip(painter, y)
        line_y = self.header_height()
        pygame.draw.line(painter.surface, INK, (margin, line_y), (w - margin, line_y), 2)
        foot = self.footer_height()
        painter.text(self.hint_text(), fonts.font("sans", theme.small), INK_SOFT,
                     pygame.Rect(margin, h - foot, width, foot))

    def draw_strip(self, painter: Painter, y: int) -> None:
        """Anything drawn under the heading (the phase strip in a game)."""


class GameScreen(Screen):
    """A screen inside a game: the status line shows the date, the turn and the standing, and
    the phase strip shows where in the turn the player is."""

    phase = 0
    hints = "Tab or arrows: move   Enter: choose   Esc: menu   F1: glossary   F11: full screen"

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            from game.ui.scenes.overlays import PauseScene
            self.app.stack.push(PauseScene())
            return True
        return super().handle(event)

    def status(self) -> str:
        session = self.app.game.session
        s, level = session.state, session.scenario.level
        what_if = "A counterfactual: the model's answer, not history  ·  " if level.counterfactual else ""
        left = self.app.game.minutes_left()
        clock = "" if left is None else ("  ·  time is up: finish the month and write your debrief"
                                         if left == 0 else f"  ·  {left} minutes left")
        return (f"{what_if}{level.district.name}  ·  {month_words(s.month)}  ·  turn {s.turn} of {level.turns()}"
                f"  ·  standing {s.standing:.0f} of 100{clock}")

    def _strip(self) -> list[tuple[str, pygame.Rect]]:
        """The phase labels and where they go. When the six do not fit on one line, the strip
        names only the current phase ("phase 2 of 6: Orders")."""
        theme = self.theme
        f = fonts.font("sans_bold", theme.small)
        x, placed = 0, []
        for i, name in enumerate(PHASES):
            label = f"{i + 1} {name}"
            width = f.size(label)[0] + 1
            placed.append((label, pygame.Rect(x, 0, width, f.get_linesize())))
            x += width + theme.pad * 2
        if x - theme.pad * 2 <= self._width():
            return placed
        label = f"Phase {self.phase + 1} of 6: {PHASES[self.phase]}"
        compact = [("", pygame.Rect(0, 0, 0, 0))] * len(PHASES)
        compact[self.phase] = (label, pygame.Rect(0, 0, min(self._width(), f.size(label)[0] + 1), f.get_linesize()))
        return compact

    def strip_height(self) -> int:
        return max(rect.bottom for _, rect in self._strip()) + 6

    def draw_strip(self, painter: Painter, y: int) -> None:
        theme = self.theme
        small, bold = fonts.font("sans", theme.small), fonts.font("sans_bold", theme.small)
        for i, (label, rect) in enumerate(self._strip()):
            if not label:
                continue
            rect = rect.move(self._margin(), y + 3)
            if i == self.phase:  # the current phase is boxed and bold, not only coloured
                box = rect.inflate(8, 4)
                pygame.draw.rect(painter.surface, PAPER_DARK, box)
                pygame.draw.rect(painter.surface, RED, box, 2)
            painter.text(label, bold if i == self.phase else small, INK if i == self.phase else INK_SOFT, rect)


def text_height(role: str, px: int, text: str, width: int) -> int:
    return measure(fonts.font(role, px), text, width)
