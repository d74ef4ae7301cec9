"""An event card: picture, title, date, text and choices; then what followed and what
historians know, with the sources."""

from __future__ import annotations

import pygame

from game.model.common import month_words
from game.model.decision import CardChoice
from game.engine.turn import available_choices
from game.presentation import card_text
from game.ui import fonts
from game.ui.events import UI_ACTION
from game.ui.scenes.base import GameScreen
from game.ui.text import Painter, measure
from game.ui.theme import INK, INK_SOFT, PAPER_LIGHT, RED
from game.ui.widgets import Button, ScrollArea, ScrollText, TextField

KIND_WORDS = {"directive": "an order from above", "testimony": "a voice from the village",
              "situation": "in the district", "news": "news"}


def history_text(card, entries) -> str:
    h = card.history
    lines = [e.text for e in entries if e.kind in ("outcome", "log")]
    lines += ["", "## What historians know", h.note.strip().replace("\n", " ")]
    if h.contested:
        lines += ["", "## Historians disagree"] + [f"- {r.view} ({r.held_by})" for r in h.readings]
    lines += ["", "## Sources"] + [f"- {s.citation()} [{s.kind.value}]" for s in h.sources]
    return "\n".join(lines)


class CardScene(GameScreen):
    phase = 2
    hints = "1-4: choose   Tab or arrows: move   Up/Down on the text: scroll   Esc: menu"

    def enter(self, app) -> None:
        super().enter(app)
        state = app.game.session.state
        top = state.pending[0]
        self.card = app.game.session.scenario.cards[top.card]
        self.village = state.village(top.village).name if top.village else None
        self.month = state.month
        self.open = available_choices(app.game.session.scenario, state)
        self.result: str | None = None   # after the choice: what followed and what historians know
        level = app.game.session.scenario.level
        required = app.game.reasons_required
        self.reason = TextField(label="A key decision. Your teacher asks for your reason before you choose "
                                      "(it goes into your debrief):" if required else
                                      "A key decision. Your reason, if you want to give one "
                                      "(it goes into your debrief):") if level.is_key(self.card) else None

    def fill(self, text: str) -> str:
        return text.replace("{village}", self.village or "the district")

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        body = self.body()
        head_font = fonts.font("serif_bold", theme.heading)
        meta_font = fonts.font("sans", theme.small)
        title, meta = self.fill(self.card.title), self.meta()
        # Wide: picture, title and date in a column on the left, when they fit there with a
        # picture of a useful size. Otherwise everything in one column, without the picture.
        picture_w = body.width * 3 // 10
        side_text = measure(head_font, title, picture_w) + measure(meta_font, meta, picture_w) + 2 * theme.pad
        picture_h = min(picture_w * 3 // 4, body.height - side_text)
        wide = body.width >= 1000 and picture_h >= 120
        if wide:
            self.picture = pygame.Rect(body.left, body.top, picture_w, picture_h)
            self.title_rect = pygame.Rect(body.left, self.picture.bottom + theme.pad, picture_w,
                                          measure(head_font, title, picture_w))
            self.meta_rect = pygame.Rect(body.left, self.title_rect.bottom + theme.pad // 2, picture_w,
                                         measure(meta_font, meta, picture_w))
            main = pygame.Rect(body.left + picture_w + 2 * theme.pad, body.top,
                               body.width - picture_w - 2 * theme.pad, body.height)
            text_top = main.top
        else:
            # One column: the title and the date go at the head of the scrolling text, so
            # that a long title on a small window never pushes into the choices.
            main = body
            self.picture = pygame.Rect(0, 0, 0, 0)
            self.title_rect = self.meta_rect = pygame.Rect(0, 0, 0, 0)
            text_top = main.top
        if self.result is None:
            self.buttons = [Button(label=self.fill(self.card.choices[i].label), action="choose", value=i,
                                   hotkey=str(n)) for n, i in enumerate(self.open, 1)]
            text = self.fill(card_text(self.card, self.month, self.app.game.intensity))
        else:
            self.buttons = [Button(label="Continue", action="continue", hotkey="1", primary=True)]
            text = self.result
        if not wide:
            text = f"## {title}\n{meta}\n{text}"
        # The choices keep the space they need, but the text keeps at least two lines and
        # nearly half the column; when both cannot fit, the choices scroll, always showing at
        # least one whole choice.
        gap = theme.pad // 2
        rows = ([self.reason] if self.reason is not None and self.result is None else []) + self.buttons
        heights = [b.height_for(theme, main.width - 10) for b in rows]
        buttons_h = sum(heights) + gap * (len(heights) - 1)
        min_text = max(2 * fonts.font("serif", theme.body).get_linesize() + theme.pad,
                       (main.bottom - text_top) * 9 // 20)
        choices_top = max(text_top + min_text + theme.pad, main.bottom - buttons_h)
        choices_top = min(choices_top, main.bottom - max(heights))
        self.areas = [ScrollArea(pygame.Rect(main.left, choices_top, main.width, main.bottom - choices_top),
                                 [[b] for b in rows], theme, gap=gap)]
        text_rect = pygame.Rect(main.left, text_top, main.width, max(0, choices_top - theme.pad - text_top))
        self.text = ScrollText(text=text, role="serif", rect=text_rect)
        self.text.reflow(theme)
        self.focus.set([*self.buttons, *rows[:len(rows) - len(self.buttons)]]
                       + ([self.text] if self.text.scrollable else []), keep=False)
        self.areas[0].ensure_visible(self.focus.focused)

    def heading(self) -> str:
        return "What happened" if self.result else "Events of the month"

    def meta(self) -> str:
        where = f"  ·  {self.village}" if self.village else ""
        return f"{month_words(self.month)}  ·  {KIND_WORDS[self.card.kind.value]}{where}"

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION:
            if event.action == "choose":
                reason = " ".join(self.reason.value.split()) if self.reason is not None else ""
                if self.reason is not None and not reason and self.app.game.reasons_required:
                    self.focus.focus(self.reason)  # the teacher's settings ask for a reason first
                    self.areas[0].ensure_visible(self.reason)
                    return True
                entries = self.app.game.decide(CardChoice(card=self.card.id, choice=event.value,
                                                          reason=reason or None))
                self.app.sound.play("stamp")
                self.result = history_text(self.card, entries)
                self.layout(self.app.size)
            elif event.action == "continue":
                self.app.sound.play("page")
                self.app.game.advance()
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        theme = self.theme
        self.draw_frame(painter)
        if self.picture.width:
            from game.ui import art
            own = self.app.game.content.images.get(self.card.id) if self.app.game.content else None
            if own:
                art.draw_picture_file(painter.surface, own, self.picture)
            else:
                art.draw_illustration(painter.surface, self.card.illustration, self.picture)
            pygame.draw.rect(painter.surface, INK, self.picture, 2)
        if self.title_rect.width:
            painter.text(self.fill(self.card.title), fonts.font("serif_bold", theme.heading), INK, self.title_rect)
            painter.text(self.meta(), fonts.font("sans", theme.small), RED if self.card.kind.value == "directive"
                         else INK_SOFT, self.meta_rect)
        pygame.draw.rect(painter.surface, PAPER_LIGHT, self.text.rect)
        self.draw_widgets(painter, [self.text, *self.areas[0].widgets])
