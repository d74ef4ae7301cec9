"""Scenes and the scene stack (a pushdown automaton: Nystrom, Game Programming Patterns).

The lifecycle of a scene, in the order the stack calls it:

    enter(app)        it becomes part of the stack (pushed, or put in place of another)
    layout(size)      the window size or the text size changed (also right after enter)
    handle(event)     an input or UI event while it is on top; return True if it used it
    update(dt)        time passes (seconds) while it is on top
    draw(painter)     paint the whole window (an overlay first draws the scene below it);
                      draw only reads: it never changes game or scene state
    pause()/resume()  another scene was pushed on top / it is on top again
    exit()            it leaves the stack

`push` lays an overlay on top (pause, confirm, a card); `replace` swaps the top for another
screen; `pop` returns to the one below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.text import Painter
from game.ui.widgets import FocusRing, ScrollArea, ScrollText, Widget, draw_tooltip

if TYPE_CHECKING:
    from game.ui.app import App


class Scene:
    overlay = False          # draws the scene below it first
    animating = False        # needs frames even without input

    def __init__(self) -> None:
        self.app: App | None = None
        self.focus = FocusRing()
        self.areas: list[ScrollArea] = []     # scrolling columns of widgets, set by layout

    # lifecycle
    def enter(self, app: "App") -> None:
        self.app = app

    def exit(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def layout(self, size: tuple[int, int]) -> None:
        """Place the widgets for this window size and theme; set self.focus."""

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            return self.wheel(event.y)
        used = self.focus.handle(event)
        if used and event.type == pygame.KEYDOWN:
            for area in self.areas:
                area.ensure_visible(self.focus.focused)
        return used

    def wheel(self, clicks: int) -> bool:
        """The mouse wheel scrolls what is under the pointer, or the one thing that scrolls."""
        texts = [w for w in self.focus.widgets if isinstance(w, ScrollText) and w.scrollable]
        pos = pygame.mouse.get_pos()
        for area in self.areas:
            if area.viewport.collidepoint(pos):
                area.scroll(-clicks * self.theme.body * 2)
                return True
        for text in texts:
            if text.rect.collidepoint(pos):
                text.scroll(-clicks * 3)
                return True
        targets = [a for a in self.areas if a.scrollable] + texts
        if len(targets) == 1:
            target = targets[0]
            target.scroll(-clicks * (self.theme.body * 2 if isinstance(target, ScrollArea) else 3))
            return True
        return False

    def update(self, dt: float) -> None: ...

    def draw(self, painter: Painter) -> None:
        raise NotImplementedError

    # helpers for subclasses
    @property
    def theme(self):
        return self.app.theme

    def draw_widgets(self, painter: Painter, widgets: list[Widget]) -> None:
        focused, hover = self.focus.focused, self.focus.hover
        for w in widgets:
            if not w.hidden:
                w.draw(painter, self.theme, w is focused, w is hover)
        for area in self.areas:
            area.draw_bar(painter)

    def draw_tooltip(self, painter: Painter) -> None:
        tip = self.focus.tooltip()
        if tip is not None and not tip[0].hidden:
            painter.new_layer()  # the tooltip lies over the screen, like an overlay
            widget, text = tip
            draw_tooltip(painter, self.theme, widget.rect, text)


class SceneStack:
    def __init__(self, app: "App") -> None:
        self.app = app
        self.scenes: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        if self.top is not None:
            self.top.pause()
        self.scenes.append(scene)
        scene.enter(self.app)
        scene.layout(self.app.size)
        self.app.dirty = True

    def pop(self) -> Scene | None:
        if not self.scenes:
            return None
        scene = self.scenes.pop()
        scene.exit()
        if self.top is not None:
            self.top.resume()
            self.top.layout(self.app.size)
        self.app.dirty = True
        return scene

    def replace(self, scene: Scene) -> None:
        self.app.begin_transition()
        if self.scenes:
            self.scenes.pop().exit()
        self.scenes.append(scene)
        scene.enter(self.app)
        scene.layout(self.app.size)
        self.app.dirty = True

    def reset(self, scene: Scene) -> None:
        """Clear the stack and show one scene (e.g. back to the title)."""
        self.app.begin_transition()
        while self.scenes:
            self.scenes.pop().exit()
        self.push(scene)

    def relayout(self) -> None:
        for scene in self.scenes:
            scene.layout(self.app.size)
        self.app.dirty = True

    def draw(self, painter: Painter) -> None:
        start = len(self.scenes) - 1
        while start > 0 and self.scenes[start].overlay:
            start -= 1
        for scene in self.scenes[start:]:
            if scene.overlay:
                painter.new_layer()
            scene.draw(painter)
