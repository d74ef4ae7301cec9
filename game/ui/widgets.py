"""Widgets: buttons, number readouts with tooltips, scrolling text. One focus ring per scene.

Widgets do not call game code. Activating a button posts a UI_ACTION event (game/ui/events.py)
with the button's action and value; the scene turns it into a decision. `draw` only reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui import fonts
from game.ui.events import post_action
from game.ui.text import Painter, line_height, measure, wrap
from game.ui.theme import INK, INK_SOFT, PAPER_DARK, PAPER_LIGHT, RED, SHADOW, Theme


@dataclass
class Widget:
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    tooltip: str = ""
    focusable: bool = True
    hidden: bool = False              # scrolled out of its area: not drawn, not clickable

    def activate(self) -> None:
        """What Enter, Space or a click does."""

    def handle_key(self, event: pygame.event.Event) -> bool:
        """A key while focused; return True if used."""
        return False

    def draw(self, painter: Painter, theme: Theme, focused: bool, hovered: bool) -> None:
        raise NotImplementedError


@dataclass
class Button(Widget):
    label: str = ""
    action: str = ""
    value: object = None
    hotkey: str | None = None         # "1".."9", shown before the label
    enabled: bool = True
    primary: bool = False

    def text(self) -> str:
        return f"{self.hotkey}  {self.label}" if self.hotkey else self.label

    def height_for(self, theme: Theme, width: int) -> int:
        """The height this button needs at `width`, for its wrapped label."""
        font = fonts.font("sans_bold" if self.primary else "sans", theme.body)
        return measure(font, self.text(), width - 2 * theme.pad) + theme.pad + theme.pad // 2

    def activate(self) -> None:
        if self.enabled:
            post_action(self.action, self.value)

    def draw(self, painter: Painter, theme: Theme, focused: bool, hovered: bool) -> None:
        s = painter.surface
        background = PAPER_LIGHT if (hovered or focused) and self.enabled else PAPER_DARK
        pygame.draw.rect(s, SHADOW, self.rect.move(3, 3))
        pygame.draw.rect(s, background, self.rect)
        pygame.draw.rect(s, RED if focused else INK, self.rect, 3 if focused else 1)
        if self.primary:
            pygame.draw.rect(s, RED, (self.rect.left, self.rect.top, 6, self.rect.height))
        font = fonts.font("sans_bold" if self.primary else "sans", theme.body)
        box = self.rect.inflate(-2 * theme.pad, -theme.pad)
        painter.text(self.text(), font, INK if self.enabled else INK_SOFT, box)


@dataclass
class Stat(Widget):
    """A labelled number with a unit and a tooltip saying what it is and what moves it."""

    label: str = ""
    value: str = ""

    def draw(self, painter: Painter, theme: Theme, focused: bool, hovered: bool) -> None:
        if focused or hovered:
            pygame.draw.rect(painter.surface, PAPER_LIGHT, self.rect)
            pygame.draw.rect(painter.surface, RED if focused else INK_SOFT, self.rect, 2)
        small = fonts.font("sans", theme.small)
        big = fonts.font("sans_bold", theme.body)
        inner = self.rect.inflate(-theme.pad, -theme.pad // 2)
        used = painter.text(self.label, small, INK_SOFT, inner)
        painter.text(self.value, big, INK, pygame.Rect(inner.left, inner.top + used, inner.width,
                                                        inner.height - used))

    def height_for(self, theme: Theme, width: int) -> int:
        small = fonts.font("sans", theme.small)
        big = fonts.font("sans_bold", theme.body)
        inner = width - theme.pad
        return measure(small, self.label, inner) + measure(big, self.value, inner) + theme.pad // 2 + 2


@dataclass
class Label(Widget):
    """Text that is read, not pressed."""

    text: str = ""
    role: str = "sans"
    size: str = "body"                # a Theme size: "body", "small", "heading"
    colour: tuple = INK
    focusable: bool = False

    def font(self, theme: Theme) -> pygame.font.Font:
        return fonts.font(self.role, getattr(theme, self.size))

    def height_for(self, theme: Theme, width: int) -> int:
        return measure(self.font(theme), self.text, width) + theme.pad

    def draw(self, painter: Painter, theme: Theme, focused: bool, hovered: bool) -> None:
        # Set down by half a pad, level with the text of the buttons beside it.
        painter.text(self.text, self.font(theme), self.colour, self.rect.inflate(0, -theme.pad))


@dataclass
class TextField(Widget):
    """A line of text the player types (a reason at a key decision). While it has the focus,
    letters and digits go into it; Tab, Enter and the arrows still move on."""

    label: str = ""
    value: str = ""
    limit: int = 300

    def height_for(self, theme: Theme, width: int) -> int:
        small = fonts.font("sans", theme.small)
        body = fonts.font("sans", theme.body)
        shown = self.value or " "
        return (measure(small, self.label, width - 2 * theme.pad)
                + measure(body, shown + "|", width - 2 * theme.pad) + theme.pad)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_BACKSPACE:
            self.value = self.value[:-1]
            return True
        text = getattr(event, "unicode", "")
        if text and text.isprintable() and event.key not in (pygame.K_TAB, pygame.K_RETURN, pygame.K_KP_ENTER):
            if len(self.value) < self.limit:
                self.value += text
            return True
        return False

    def draw(self, painter: Painter, theme: Theme, focused: bool, hovered: bool) -> None:
        s = painter.surface
        pygame.draw.rect(s, PAPER_LIGHT, self.rect)
        pygame.draw.rect(s, RED if focused else INK_SOFT, self.rect, 3 if focused else 1)
        inner = self.rect.inflate(-2 * theme.pad, -theme.pad // 2)
        small = fonts.font("sans", theme.small)
        used = painter.text(self.label, small, INK_SOFT, inner)
        shown = self.value + ("|" if focused else "")
        painter.text(shown or " ", fonts.font("sans", theme.body), INK,
                     pygame.Rect(inner.left, inner.top + used, inner.width, inner.height - used))


class ScrollArea:
    """Rows of widgets taller than their viewport. Only rows wholly inside are shown; moving
    the focus to a hidden widget scrolls it into view, so nothing is ever cut in half."""

    def __init__(self, viewport: pygame.Rect, rows: list[list[Widget]], theme: Theme,
                 widths: list[list[float]] | None = None, gap: int | None = None) -> None:
        self.viewport = pygame.Rect(viewport)
        self.rows = rows
        self.gap = theme.pad // 2 if gap is None else gap
        self.offset = 0
        self.layout: list[tuple[int, int]] = []      # (top, height) of each row in the content
        y = 0
        inner = self.viewport.width - 10              # room for the scroll bar
        for i, row in enumerate(rows):
            fractions = widths[i] if widths else [1 / len(row)] * len(row)
            cells = [max(1, int(inner * f) - (self.gap if j < len(row) - 1 else 0)) for j, f in enumerate(fractions)]
            height = max(w.height_for(theme, c) if hasattr(w, "height_for") else theme.body * 2
                         for w, c in zip(row, cells))
            x = self.viewport.left
            for w, c, f in zip(row, cells, fractions):
                w.rect = pygame.Rect(x, 0, c, height)
                x += int(inner * f)
            self.layout.append((y, height))
            y += height + self.gap
        self.content_height = max(0, y - self.gap)
        self.place()

    @property
    def widgets(self) -> list[Widget]:
        return [w for row in self.rows for w in row]

    @property
    def scrollable(self) -> bool:
        return self.content_height > self.viewport.height

    def place(self) -> None:
        for row, (top, height) in zip(self.rows, self.layout):
            y = self.viewport.top + top - self.offset
            for w in row:
                w.rect.top, w.rect.height = y, height
                w.hidden = y < self.viewport.top or y + height > self.viewport.bottom

    def scroll(self, pixels: int) -> None:
        most = max(0, self.content_height - self.viewport.height)
        self.offset = max(0, min(most, self.offset + pixels))
        self.place()

    def ensure_visible(self, widget: Widget | None) -> None:
        for row, (top, height) in zip(self.rows, self.layout):
            if widget in row:
                if top < self.offset:
                    self.scroll(top - self.offset)
                elif top + height > self.offset + self.viewport.height:
                    self.scroll(top + height - self.offset - self.viewport.height)
                return

    def draw_bar(self, painter: Painter) -> None:
        if not self.scrollable:
            return
        track = pygame.Rect(self.viewport.right - 6, self.viewport.top, 5, self.viewport.height)
        pygame.draw.rect(painter.surface, PAPER_DARK, track)
        length = max(16, track.height * self.viewport.height // self.content_height)
        most = self.content_height - self.viewport.height
        top = track.top + (track.height - length) * self.offset // max(1, most)
        pygame.draw.rect(painter.surface, INK, (track.left, top, 5, length))


@dataclass
class ScrollText(Widget):
    """Text longer than its box: shown a whole line at a time, scrolled by keys or the wheel.

    A paragraph that begins with "## " is a heading, set in the bold face. `reflow` (called by
    the scene's layout) wraps the text for the box; `draw` only reads."""

    text: str = ""
    role: str = "serif"
    first: int = 0
    lines: list[tuple[str, bool]] = field(default_factory=list)   # (line, is a heading)
    visible: int = 1
    step: int = 1
    theme: Theme = field(default_factory=Theme)

    def fonts(self, theme: Theme) -> tuple[pygame.font.Font, pygame.font.Font]:
        return fonts.font(self.role, theme.body), fonts.font(f"{self.role}_bold", theme.body)

    def reflow(self, theme: Theme) -> None:
        self.theme = theme
        plain, bold = self.fonts(theme)
        width = self.rect.width - 2 * theme.pad
        self.lines = []
        for paragraph in self.text.split("\n"):
            heading = paragraph.startswith("## ")
            font, words = (bold, paragraph[3:]) if heading else (plain, paragraph)
            self.lines += [(line, heading) for line in wrap(font, words, width)]
        self.step = max(line_height(plain, theme.line_gap), line_height(bold, theme.line_gap))
        self.visible = max(1, (self.rect.height - theme.pad) // self.step) if self.rect.height > theme.pad else 0
        self.scroll(0)

    @property
    def scrollable(self) -> bool:
        return len(self.lines) > self.visible

    def scroll(self, delta: int) -> None:
        self.first = max(0, min(len(self.lines) - self.visible, self.first + delta))

    def handle_key(self, event: pygame.event.Event) -> bool:
        if not self.scrollable:
            return False
        step = {pygame.K_DOWN: 1, pygame.K_UP: -1, pygame.K_PAGEDOWN: self.visible,
                pygame.K_PAGEUP: -self.visible}.get(event.key)
        if step is None:
            return False
        self.scroll(step)
        return True

    def draw(self, painter: Painter, theme: Theme, focused: bool, hovered: bool) -> None:
        plain, bold = self.fonts(theme)
        if focused and self.scrollable:
            pygame.draw.rect(painter.surface, RED, self.rect, 2)
        y = self.rect.top + theme.pad // 2
        for line, heading in self.lines[self.first:self.first + self.visible]:
            font = bold if heading else plain
            painter.text(line, font, INK, pygame.Rect(self.rect.left + theme.pad, y,
                                                      self.rect.width - 2 * theme.pad, font.get_linesize()))
            y += self.step
        if self.scrollable:  # a scroll bar, so the reader knows there is more
            track = pygame.Rect(self.rect.right - 6, self.rect.top + 4, 4, self.rect.height - 8)
            pygame.draw.rect(painter.surface, PAPER_DARK, track)
            length = max(12, track.height * self.visible // len(self.lines))
            top = track.top + (track.height - length) * self.first // max(1, len(self.lines) - self.visible)
            pygame.draw.rect(painter.surface, INK, (track.left, top, 4, length))


class FocusRing:
    """Which widget of a scene has the keyboard focus, and which one the mouse is over."""

    def __init__(self) -> None:
        self.widgets: list[Widget] = []
        self.index = 0
        self.hover: Widget | None = None

    def set(self, widgets: list[Widget], keep: bool = True) -> None:
        """The scene's focusable widgets, in Tab order. With `keep`, the focus stays on the
        same widget, or at the same place in the order when the widgets were rebuilt."""
        old, index = self.focused, self.index
        self.widgets = [w for w in widgets if w.focusable]
        if keep and old in self.widgets:
            self.index = self.widgets.index(old)
        else:
            self.index = min(index, len(self.widgets) - 1) if keep and self.widgets else 0
        self.hover = None

    @property
    def focused(self) -> Widget | None:
        return self.widgets[self.index] if self.widgets else None

    def move(self, delta: int) -> None:
        if self.widgets:
            self.index = (self.index + delta) % len(self.widgets)

    def focus(self, widget: Widget) -> None:
        if widget in self.widgets:
            self.index = self.widgets.index(widget)

    def at(self, pos: tuple[int, int]) -> Widget | None:
        for w in self.widgets:
            if not w.hidden and w.rect.collidepoint(pos):
                return w
        return None

    def handle(self, event: pygame.event.Event) -> bool:
        """Tab and arrows move the focus, Enter and Space activate, the mouse hovers and clicks."""
        if event.type == pygame.KEYDOWN:
            focused = self.focused
            if focused is not None and focused.handle_key(event):
                return True
            if event.key == pygame.K_TAB:
                self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            if event.key in (pygame.K_DOWN, pygame.K_RIGHT):
                self.move(1)
                return True
            if event.key in (pygame.K_UP, pygame.K_LEFT):
                self.move(-1)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and focused is not None:
                focused.activate()
                return True
            if event.unicode:   # a focused text field took its keys above
                for w in self.widgets:
                    if isinstance(w, Button) and w.enabled and w.hotkey == event.unicode:
                        self.focus(w)
                        w.activate()
                        return True
        elif event.type == pygame.MOUSEMOTION:
            self.hover = self.at(event.pos)
            return True
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            target = self.at(event.pos)
            if target is not None:
                self.focus(target)
                target.activate()
                return True
        return False

    def tooltip(self) -> tuple[Widget, str] | None:
        """The tooltip to show: the hovered widget's, else the focused one's."""
        for w in (self.hover, self.focused):
            if w is not None and w.tooltip:
                return w, w.tooltip
        return None


def draw_tooltip(painter: Painter, theme: Theme, anchor: pygame.Rect, text: str) -> None:
    """A small box beside the widget, kept inside the window."""
    screen = painter.surface.get_rect()
    font = fonts.font("sans", theme.small)
    width = min(screen.width - 2 * theme.pad, max(280, screen.width // 3))
    height = measure(font, text, width - 2 * theme.pad) + theme.pad
    box = pygame.Rect(anchor.left, anchor.bottom + 4, width, height)
    if box.bottom > screen.bottom:
        box.bottom = anchor.top - 4
    box.clamp_ip(screen)
    pygame.draw.rect(painter.surface, SHADOW, box.move(3, 3))
    pygame.draw.rect(painter.surface, PAPER_LIGHT, box)
    pygame.draw.rect(painter.surface, INK, box, 1)
    painter.text(text, font, INK, box.inflate(-2 * theme.pad, -theme.pad // 2))
