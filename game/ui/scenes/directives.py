"""The centre's orders for the month, laid out as a period document."""

from __future__ import annotations

import pygame

from game.model.common import month_name, month_words
from game.text.render import dashboard
from game.ui.events import UI_ACTION
from game.ui.scenes.base import GameScreen
from game.ui.text import Painter
from game.ui.theme import INK, PAPER_LIGHT, RED, SHADOW
from game.ui.widgets import Button, ScrollText


class DirectivesScene(GameScreen):
    phase = 0
    title = "Directives from the centre"

    def document(self) -> str:
        session = self.app.game.session
        s, district = session.state, session.scenario.level.district
        entries = [e.text for e in s.log if e.turn == s.turn and e.kind == "directive"]
        head = (f"To the secretary of the {district.name} party committee, {district.region}.\n"
                f"{month_words(s.month)}. Secret.\n\n")
        body = "\n\n".join(entries) if entries else "No new directives this month. The plans stand:"
        plans = "\n".join(line.strip() for line in dashboard(session).splitlines())
        level, month = session.scenario.level, month_name(s.month)
        notes = "".join(f"## Content note\n{n.text.strip()}\n\n" for n in level.content_notes if n.date == month)
        guide = "".join(f"## How to play\n{t.text.strip()}\n\n" for t in level.tips if t.date == month)
        return notes + guide + head + body + "\n\n" + plans

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        body = self.body()
        self.go = Button(label="Read. To the district map", action="read", hotkey="1", primary=True)
        go_h = self.go.height_for(theme, min(body.width, 520))
        width = min(body.width, 900)
        self.sheet = pygame.Rect(body.centerx - width // 2, body.top, width, body.height - go_h - theme.pad)
        self.go.rect = pygame.Rect(self.sheet.left, self.sheet.bottom + theme.pad, min(body.width, 520), go_h)
        # The okrug's stamp sits in the sheet's top right corner; the text keeps clear of it.
        self.stamp = pygame.Rect(0, 0, 70, 44)
        self.stamp.topright = (self.sheet.right - theme.pad, self.sheet.top + theme.pad)
        text = self.sheet.inflate(-2 * theme.pad, -2 * theme.pad)
        text.width -= self.stamp.width + theme.pad
        self.text = ScrollText(text=self.document(), role="serif", rect=text)
        self.text.reflow(theme)
        self.focus.set([self.go, self.text] if self.text.scrollable else [self.go])

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION and event.action == "read":
            game = self.app.game
            game.shown_directives_turn = game.session.state.turn
            self.app.sound.play("page")
            game.advance()
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        pygame.draw.rect(painter.surface, SHADOW, self.sheet.move(4, 4))
        pygame.draw.rect(painter.surface, PAPER_LIGHT, self.sheet)
        pygame.draw.rect(painter.surface, INK, self.sheet, 1)
        # A stamp in the corner: a red frame, like the okrug committee's seal.
        pygame.draw.rect(painter.surface, RED, self.stamp, 3)
        pygame.draw.rect(painter.surface, RED, self.stamp.inflate(-12, -12), 1)
        self.draw_widgets(painter, [self.text, self.go])
