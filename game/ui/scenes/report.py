"""The end of the month: what happened, the report to the centre, and the news."""

from __future__ import annotations

import pygame

from game.engine.access import district_share
from game.engine.params import PARAMS
from game.model.common import month_index, month_words
from game.model.decision import Report
from game.presentation import month_result_lines
from game.ui.events import UI_ACTION
from game.ui.scenes.base import GameScreen
from game.ui.text import Painter
from game.ui.theme import INK, INK_SOFT, PAPER_LIGHT
from game.ui.widgets import Button, Label, ScrollArea, ScrollText, Stat

KINDS = ("honest", "inflated", "understated")


class ReportScene(GameScreen):
    phase = 4

    def enter(self, app) -> None:
        super().enter(app)
        self.choice = {"collectivization": "honest", "grain": "honest"}

    def heading(self) -> str:
        return f"The month's end: {month_words(self.app.game.session.state.month)}"

    def options(self) -> dict[str, list[str]]:
        s = self.app.game.session.state
        share = district_share(s)
        delivered = sum(v.delivered for v in s.villages)
        return {
            "collectivization": [
                f"Honestly: {share:.0%} of households in kolkhozy",
                f"Inflated: {min(1.0, share * PARAMS.inflate):.0%} (standing now; a higher target; an inspection may find it)",
                f"Understated: {share * PARAMS.understate:.0%} (less expected of you; risk if found out)"],
            "grain": [
                f"Honestly: {delivered:,.0f} t delivered in this campaign",
                f"Inflated: {delivered * PARAMS.inflate:,.0f} t (the centre will raise the quota)",
                f"Understated: {delivered * PARAMS.understate:,.0f} t (concealing grain is punished hard)"],
        }

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        body = self.body()
        wide = body.width >= 900
        left = pygame.Rect(body.left, body.top, body.width // 2 - theme.pad if wide else body.width,
                           body.height if wide else body.height * 2 // 5)
        right = pygame.Rect(left.right + 2 * theme.pad, body.top, body.right - left.right - 2 * theme.pad, body.height) \
            if wide else pygame.Rect(body.left, left.bottom + theme.pad, body.width, body.bottom - left.bottom - theme.pad)
        state = self.app.game.session.state
        self.results = [Stat(label=label, value=value, tooltip=tip)
                         for label, value, tip in month_result_lines(state.last_flows)]
        columns = 2 if left.width >= 520 * min(theme.scale, 1.3) else 1
        self.result_area = ScrollArea(left, [self.results[i:i + columns] for i in range(0, len(self.results), columns)],
                                      theme)
        self.buttons: list[Button] = []
        rows: list[list] = []
        hotkey = 1
        for subject, options in self.options().items():
            title = "Collectivization, as you report it:" if subject == "collectivization" else "Grain, as you report it:"
            rows.append([Label(text=title, role="sans_bold", size="small", colour=INK_SOFT)])
            for kind, label in zip(KINDS, options):
                mark = "(x)" if self.choice[subject] == kind else "( )"
                b = Button(label=f"{mark} {label}", action="pick", value=(subject, kind), hotkey=str(hotkey))
                rows.append([b])
                self.buttons.append(b)
                hotkey += 1
        self.send = Button(label="Send the report", action="send", primary=True, hotkey="7")
        h = self.send.height_for(theme, right.width)
        self.send.rect = pygame.Rect(right.left, right.bottom - h, right.width, h)
        self.areas = [ScrollArea(pygame.Rect(right.left, right.top, right.width, right.height - h - theme.pad),
                                 rows, theme, gap=2), self.result_area]
        self.rows = rows
        self.focus.set([*self.buttons, self.send, *self.results])
        self.areas[0].ensure_visible(self.focus.focused)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION:
            if event.action == "pick":
                subject, kind = event.value
                self.choice[subject] = kind
                self.layout(self.app.size)
            elif event.action == "send":
                self.app.game.decide(Report(**self.choice))
                self.app.sound.play("stamp")
                self.app.game.advance()
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        pygame.draw.rect(painter.surface, PAPER_LIGHT, self.result_area.viewport)
        self.draw_widgets(painter, [*self.results, *self.areas[0].widgets, self.send])
        self.draw_tooltip(painter)


class NewsScene(GameScreen):
    phase = 5

    def heading(self) -> str:
        news = self.app.game.news or []
        return f"News: {month_words(month_index(news[0].month))}" if news else "News"

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        body = self.body()
        news = self.app.game.news or []
        text = "\n\n".join(e.text for e in news if e.kind in ("report", "audit", "news"))
        self.go = Button(label="Continue", action="continue", hotkey="1", primary=True)
        h = self.go.height_for(theme, min(body.width, 520))
        self.text = ScrollText(text=text, role="serif",
                               rect=pygame.Rect(body.left, body.top, body.width, body.height - h - theme.pad))
        self.text.reflow(theme)
        self.go.rect = pygame.Rect(body.left, body.bottom - h, min(body.width, 520), h)
        self.focus.set([self.go, self.text] if self.text.scrollable else [self.go])

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION and event.action == "continue":
            self.app.game.news = None
            self.app.game.advance()
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        pygame.draw.rect(painter.surface, PAPER_LIGHT, self.text.rect)
        pygame.draw.rect(painter.surface, INK, self.text.rect, 1)
        self.draw_widgets(painter, [self.text, self.go])
