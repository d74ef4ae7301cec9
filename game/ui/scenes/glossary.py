"""The glossary: the words of the period, from any screen (F1), with their sources."""

from __future__ import annotations

import pygame

from game.ui.events import UI_ACTION
from game.ui.scenes.base import Screen
from game.ui.text import Painter
from game.ui.theme import PAPER_LIGHT
from game.ui.widgets import Button, ScrollArea, ScrollText


class GlossaryScene(Screen):
    title = "Glossary"
    hints = "Tab or arrows: move   Enter: read   Esc or F1: back"

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        glossary = self.app.game.glossary
        self.terms = glossary.ordered() if glossary else []
        body = self.body()
        wide = body.width >= 800
        left = pygame.Rect(body.left, body.top, body.width * 2 // 5 if wide else body.width,
                           body.height if wide else body.height * 2 // 5)
        right = pygame.Rect(left.right + 2 * theme.pad, body.top, body.right - left.right - 2 * theme.pad,
                            body.height) if wide else \
            pygame.Rect(body.left, left.bottom + theme.pad, body.width, body.bottom - left.bottom - theme.pad)
        self.back = Button(label="Back", action="back", hotkey="0")
        self.buttons = [self.back] + [Button(label=t.term, action="term", value=i) for i, t in enumerate(self.terms)]
        self.areas = [ScrollArea(left, [[b] for b in self.buttons], theme, gap=2)]
        self.definition = ScrollText(rect=right, role="serif", focusable=False)
        self.focus.set(self.buttons)
        self.areas[0].ensure_visible(self.focus.focused)
        self._show()

    def _show(self) -> None:
        widget = self.focus.hover or self.focus.focused
        if self.terms and isinstance(widget, Button) and widget.action == "term":
            term = self.terms[widget.value]
            also = f"Also: {', '.join(term.also)}\n" if term.also else ""
            sources = "\n".join(f"- {s.citation()}" for s in term.sources)
            self.definition.text = f"## {term.term}\n{also}\n{term.definition.strip()}\n\n## Sources\n{sources}"
        elif not self.terms:
            self.definition.text = "The glossary could not be read: run  python -m game validate."
        else:
            self.definition.text = "Choose a word on the left to read what it meant."
        self.definition.first = 0
        self.definition.reflow(self.theme)

    def handle(self, event: pygame.event.Event) -> bool:
        if (event.type == UI_ACTION and event.action == "back") or \
                (event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_F1)):
            self.app.stack.pop()
            return True
        if event.type == UI_ACTION and event.action == "term":
            self._show()
            self.definition.focusable = self.definition.scrollable
            self.focus.set([*self.buttons, self.definition] if self.definition.scrollable else self.buttons)
            return True
        used = super().handle(event)
        if used and event.type in (pygame.KEYDOWN, pygame.MOUSEMOTION):
            self._show()
        return used

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        pygame.draw.rect(painter.surface, PAPER_LIGHT, self.definition.rect)
        self.draw_widgets(painter, [*self.buttons, self.definition])
