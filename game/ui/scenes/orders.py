"""The orders: a stance and brigades for each village, and the district's levers.

The panel on the right says what the focused order tends to do, in words made from the
engine's own parameters (game/presentation.py), so the preview can never drift from the rules.
"""

from __future__ import annotations

import pygame

from game.engine.policies import spread_cadres
from game.model.decision import Orders, VillageOrder
from game.presentation import (LIST_NAMES, PRESS_NAMES, REQUEST_NAMES, STANCE_NAMES, lists_preview,
                               press_preview, request_preview, seed_preview, stance_preview)
from game.ui import fonts
from game.ui.events import UI_ACTION
from game.ui.scenes.base import GameScreen
from game.ui.text import Painter, measure
from game.ui.theme import INK_SOFT, PAPER_LIGHT
from game.ui.widgets import Button, Label, ScrollArea, ScrollText

STANCES = tuple(STANCE_NAMES)
PRESSES = tuple(PRESS_NAMES)
LISTS = tuple(LIST_NAMES)
REQUESTS = tuple(REQUEST_NAMES)


def _next(options: tuple, current) -> object:
    return options[(options.index(current) + 1) % len(options)]


class OrdersScene(GameScreen):
    phase = 1
    title = "Orders for the month"

    def enter(self, app) -> None:
        super().enter(app)
        state = app.game.session.state
        last = state.orders
        if last is not None and set(last.villages) == {v.id for v in state.villages}:
            self.stance = {vid: o.stance for vid, o in last.villages.items()}
            self.cadres = {vid: o.cadres for vid, o in last.villages.items()}
            self.press, self.keep_seed, self.lists = last.press, last.keep_seed, last.kulak_lists
        else:
            self.stance = {v.id: "persuade" for v in state.villages}
            self.cadres = {v.id: 0 for v in state.villages}
            self.press, self.keep_seed, self.lists = "normal", True, "none"
        if sum(self.cadres.values()) > state.cadres or not any(self.cadres.values()):
            self.cadres = spread_cadres(state)
        if state.kulak_quota <= 0:
            self.lists = "none"
        self.request = "none"

    def free_cadres(self) -> int:
        return self.app.game.session.state.cadres - sum(self.cadres.values())

    def layout(self, size: tuple[int, int]) -> None:
        theme, state = self.theme, self.app.game.session.state
        body = self.body()
        left = pygame.Rect(body.left, body.top, body.width * 13 // 20, body.height)
        right = pygame.Rect(left.right + theme.pad * 2, body.top, body.right - left.right - theme.pad * 2,
                            body.height)
        head = [Label(text="Village (in kolkhoz)", role="sans_bold", size="small", colour=INK_SOFT),
                Label(text="Stance", role="sans_bold", size="small", colour=INK_SOFT),
                Label(text=f"Brigades ({self.free_cadres()} free; Enter adds one)", role="sans_bold", size="small",
                      colour=INK_SOFT)]
        # Name, stance and brigades side by side where the longest name fits in its column;
        # else each village takes two rows, the name above its buttons.
        longest = max((f"{v.name} (100%)" for v in state.villages), key=len)
        stacked = measure(fonts.font("sans", theme.body), longest, int(left.width * 0.4)) > \
            fonts.font("sans", theme.body).get_linesize()
        rows: list[list] = [head[1:] if stacked else head]
        self.village_buttons: list[Button] = []
        for v in state.villages:
            stance = Button(label=STANCE_NAMES[self.stance[v.id]], action="stance", value=v.id,
                            tooltip=f"{v.name} - {STANCE_NAMES[self.stance[v.id]]}: {stance_preview(self.stance[v.id])}")
            brigades = Button(label=str(self.cadres[v.id]), action="cadres", value=v.id,
                              tooltip=f"Brigades sent to {v.name}: {self.cadres[v.id]}; {self.free_cadres()} "
                              "not yet assigned. A stance needs brigades to carry it out: with none, "
                              "a village feels half of it.")
            name = Label(text=f"{v.name} ({v.collectivized_share:.0%})")
            if stacked:
                rows += [[name], [stance, brigades]]
            else:
                rows.append([name, stance, brigades])
            self.village_buttons += [stance, brigades]
        levers = [
            Button(label=f"Procurement: {PRESS_NAMES[self.press]}", action="press",
                   tooltip=press_preview(self.press)),
            Button(label=f"Seed grain: {'protected' if self.keep_seed else 'may be taken'}", action="seed",
                   tooltip=seed_preview(self.keep_seed)),
        ]
        if state.kulak_quota > 0:
            levers.append(Button(label=f"'Kulak' lists: {LIST_NAMES[self.lists]}", action="lists",
                                 tooltip=lists_preview(self.lists)))
        levers.append(Button(label=f"Ask the oblast: {REQUEST_NAMES[self.request]}", action="request",
                             tooltip=request_preview(self.request)))
        self.levers = levers
        rows += [[b] for b in levers]
        widths = [[0.6, 0.4] if len(r) == 2 else [0.42, 0.33, 0.25] if len(r) == 3 else [1.0] for r in rows]
        self.rows = rows
        self.areas = [ScrollArea(left, rows, theme, widths)]
        self.submit = Button(label="Issue the orders", action="submit", primary=True,
                             tooltip="Send the orders to the villages; the month's events follow.")
        submit_h = self.submit.height_for(theme, right.width)
        self.submit.rect = pygame.Rect(right.left, right.bottom - submit_h, right.width, submit_h)
        self.preview = ScrollText(role="sans", focusable=False,
                                  rect=pygame.Rect(right.left, right.top, right.width,
                                                   self.submit.rect.top - right.top - theme.pad))
        self.focus.set([*self.village_buttons, *levers, self.submit])
        self.areas[0].ensure_visible(self.focus.focused)
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        widget = self.focus.hover or self.focus.focused
        self.preview.text = widget.tooltip if widget is not None else ""
        self.preview.first = 0
        self.preview.reflow(self.theme)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION:
            state = self.app.game.session.state
            if event.action == "stance":
                self.stance[event.value] = _next(STANCES, self.stance[event.value])
            elif event.action == "cadres":
                vid = event.value
                self.cadres[vid] = self.cadres[vid] + 1 if self.free_cadres() > 0 else 0
            elif event.action == "press":
                self.press = _next(PRESSES, self.press)
            elif event.action == "seed":
                self.keep_seed = not self.keep_seed
            elif event.action == "lists":
                self.lists = _next(LISTS, self.lists)
            elif event.action == "request":
                self.request = _next(REQUESTS, self.request)
            elif event.action == "submit":
                orders = Orders(villages={v.id: VillageOrder(stance=self.stance[v.id], cadres=self.cadres[v.id])
                                          for v in state.villages},
                                press=self.press, keep_seed=self.keep_seed, kulak_lists=self.lists,
                                request=self.request)
                self.app.game.decide(orders)
                self.app.game.advance()
                return True
            self.layout(self.app.size)
            return True
        used = super().handle(event)
        if used:
            self._refresh_preview()
        return used

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        pygame.draw.rect(painter.surface, PAPER_LIGHT, self.preview.rect)
        pygame.draw.rect(painter.surface, INK_SOFT, self.preview.rect, 1)
        self.draw_widgets(painter, [*self.areas[0].widgets, self.submit, self.preview])
