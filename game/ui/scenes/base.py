"""What every screen shares: the page, the header with date and phase, the key hints, and
placing a column of widgets."""

from __future__ import annotations

import pygame

from game.model.common import month_words
from game.ui import fonts
from game.ui.scene import Scene
from game.ui.text import Painter, measure
from game.ui.theme import INK, INK_SOFT, PAPER_DARK, RED, Theme
from game.ui.widgets import Button, Widget

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
    """A full-window screen with a title line and a line of key hints."""

    title = ""
    hints = "Tab or arrows: move   Enter: choose   Esc: back"

    def header_height(self) -> int:
        return fonts.font("serif_bold", self.theme.heading).get_linesize() + 2 * self.theme.pad

    def footer_height(self) -> int:
        return fonts.font("sans", self.theme.small).get_linesize() + self.theme.pad

    def body(self) -> pygame.Rect:
        w, h = self.app.size
        pad = self.theme.pad * 2
        top = self.header_height() + pad // 2
        return pygame.Rect(pad, top, w - 2 * pad, h - top - self.footer_height() - pad // 2)

    def draw_frame(self, painter: Painter, title: str | None = None, right: str = "") -> None:
        theme, (w, h) = self.theme, self.app.size
        head = self.header_height()
        font = fonts.font("serif_bold", theme.heading)
        small = fonts.font("sans", theme.small)
        right_width = min(w // 2, small.size(right)[0] + theme.pad) if right else 0
        painter.text(title if title is not None else self.title, font, INK,
                     pygame.Rect(theme.pad * 2, theme.pad, w - 4 * theme.pad - right_width, head - theme.pad))
        if right:
            painter.text(right, small, INK_SOFT, pygame.Rect(w - theme.pad * 2 - right_width, theme.pad,
                                                              right_width, head - theme.pad), align="right")
        pygame.draw.line(painter.surface, INK, (theme.pad * 2, head), (w - theme.pad * 2, head), 2)
        foot = self.footer_height()
        painter.text(self.hints, small, INK_SOFT, pygame.Rect(theme.pad * 2, h - foot, w - 4 * theme.pad, foot))


class GameScreen(Screen):
    """A screen inside a game: the header shows the date, the turn and the phase."""

    phase = 0
    hints = "Tab or arrows: move   Enter: choose   Esc: menu   F11: full screen"

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            from game.ui.scenes.overlays import PauseScene
            self.app.stack.push(PauseScene())
            return True
        return super().handle(event)

    def header_height(self) -> int:
        theme = self.theme
        return (fonts.font("serif_bold", theme.heading).get_linesize()
                + fonts.font("sans", theme.small).get_linesize() + 3 * theme.pad)

    def draw_frame(self, painter: Painter, title: str | None = None, right: str = "") -> None:
        session = self.app.game.session
        s, level = session.state, session.scenario.level
        theme, (w, _) = self.theme, self.app.size
        right = right or f"{month_words(s.month)}  ·  turn {s.turn} of {level.turns()}  ·  standing {s.standing:.0f}/100"
        super().draw_frame(painter, title, right)
        # The phase strip: the current phase is boxed and underlined, not only coloured.
        small = fonts.font("sans", theme.small)
        bold = fonts.font("sans_bold", theme.small)
        y = fonts.font("serif_bold", theme.heading).get_linesize() + theme.pad + theme.pad // 2
        x = theme.pad * 2
        for i, name in enumerate(PHASES):
            label = f"{i + 1} {name}"
            f = bold if i == self.phase else small
            width = f.size(label)[0]
            if x + width > w - theme.pad * 2:
                break
            box = pygame.Rect(x - 4, y - 2, width + 8, f.get_linesize() + 2)
            if i == self.phase:
                pygame.draw.rect(painter.surface, PAPER_DARK, box)
                pygame.draw.rect(painter.surface, RED, box, 2)
            painter.text(label, f, INK if i == self.phase else INK_SOFT, pygame.Rect(x, y, width + 1, f.get_linesize()))
            x += width + theme.pad * 2


def text_height(role: str, px: int, text: str, width: int) -> int:
    return measure(fonts.font(role, px), text, width)
