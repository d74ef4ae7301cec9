"""The ending: what happened, the ledgers side by side, the curves beside the record."""

from __future__ import annotations

import pygame

from game.engine.scoring import choose_ending, ledgers
from game.model.common import month_index
from game.ui import fonts
from game.ui.charts import line_chart
from game.ui.events import UI_ACTION
from game.ui.scenes.base import GameScreen
from game.ui.text import Painter
from game.ui.theme import INK, PAPER_LIGHT
from game.ui.widgets import Button, ScrollText


def ledger_text(state, scenario, ending) -> tuple[str, str]:
    led = ledgers(state, scenario, state.initial)
    c, v = led["centre"], led["villages"]
    quota = f"{c['quota_fulfilment']:.0%}" if c["quota_fulfilment"] is not None else "no quota"
    centre = "\n".join([
        "The centre's ledger",
        f"Grain delivered: {c['grain_delivered_t']:,} t of {c['grain_quota_t']:,} t ({quota})",
        f"Households in kolkhozy: {c['collectivized_share']:.0%}",
        f"'Kulak' households deported: {c['kulaks_removed_hh']} of {c['kulak_quota_hh']} ordered",
        f"Your standing: {c['standing']:.0f} of 100",
        f"Your fate: {ending.fate}",
    ])
    villages = "\n".join([
        "The villages' ledger",
        f"People living: {v['population']:,}",
        f"Deaths: {v['deaths']:,} ({v['excess_deaths']:,} above the ordinary rate)",
        f"Deported: {v['deported_people']:,} people; fled: {v['fled_people']:,}",
        "Livestock since the start: " + ", ".join(f"{a} {chg:+.0%}" for a, chg in v["livestock_change"].items()),
        f"Grain left: {v['grain_left_t']:,} t; seed: {v['seed_t']:,} t; trust {v['trust']:.0f} of 100",
    ])
    return centre, villages


class EndingScene(GameScreen):
    phase = 5
    hints = "Tab or arrows: move   Up/Down on the text: scroll   Enter: choose"

    def enter(self, app) -> None:
        super().enter(app)
        session = app.game.session
        self.ending = choose_ending(session.state, session.scenario)

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        session = self.app.game.session
        body = self.body()
        self.done = Button(label="Back to the title screen", action="title", hotkey="1", primary=True)
        h = self.done.height_for(theme, min(body.width, 520))
        self.done.rect = pygame.Rect(body.left, body.bottom - h, min(body.width, 520), h)
        upper = pygame.Rect(body.left, body.top, body.width, (body.height - h - theme.pad) * 11 // 20)
        half = (upper.width - theme.pad) // 2
        centre, villages = ledger_text(session.state, session.scenario, self.ending)
        note = (f"{self.ending.text.strip()}\n\nWhat happened to real officials: {self.ending.note.strip()}\n\nSources: "
                + "; ".join(s.citation() for s in self.ending.sources))
        self.story = ScrollText(text=note, role="serif", rect=pygame.Rect(upper.left, upper.top, half, upper.height))
        self.ledger = ScrollText(text=centre + "\n\n" + villages, role="sans",
                                 rect=pygame.Rect(upper.left + half + theme.pad, upper.top, half, upper.height))
        for t in (self.story, self.ledger):
            t.reflow(theme)
        charts_top = upper.bottom + theme.pad
        self.chart_area = pygame.Rect(body.left, charts_top, body.width, self.done.rect.top - theme.pad - charts_top)
        self.focus.set([self.done] + [t for t in (self.story, self.ledger) if t.scrollable])

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION and event.action == "title":
            from game.ui.scenes.title import TitleScene
            self.app.stack.reset(TitleScene())
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        theme = self.theme
        session = self.app.game.session
        self.draw_frame(painter, f"The end: {self.ending.title}")
        for t in (self.story, self.ledger):
            pygame.draw.rect(painter.surface, PAPER_LIGHT, t.rect)
        self.draw_widgets(painter, [self.story, self.ledger, self.done])
        history = session.state.history
        if not history or self.chart_area.height < 60:
            return
        labels = [h["date"] for h in history]
        record = {}
        for target in session.scenario.level.targets:
            if target.quantity == "collectivized_share" and target.date in labels:
                record[labels.index(target.date)] = (target.low, target.high)
        charts = [
            ("Households in kolkhozy (%) · record: red", [100 * h["collectivized_share"] for h in history], 100.0,
             {i: (None if lo is None else 100 * lo, None if hi is None else 100 * hi) for i, (lo, hi) in record.items()},
             "{:.0f}%"),
            ("Grain in the villages (t)", [h["grain"] for h in history], None, None, "{:,.0f} t"),
            ("Cattle (head)", [h["cattle"] for h in history], None, None, "{:,.0f}"),
            ("Open unrest (expected disturbances)", [h["flows"]["unrest"] for h in history], None, None, "{:.1f}"),
            ("Your standing (of 100)", [h["standing_after"] for h in history], 100.0, None, "{:.0f}"),
        ]
        area = self.chart_area
        columns = max(1, min(len(charts), area.width // max(220, int(240 * theme.scale))))
        rows = -(-len(charts) // columns)
        cw = (area.width - (columns - 1) * theme.pad) // columns
        ch = (area.height - (rows - 1) * theme.pad) // rows
        for i, (title, values, top, rec, fmt) in enumerate(charts):
            r = pygame.Rect(area.left + (i % columns) * (cw + theme.pad), area.top + (i // columns) * (ch + theme.pad), cw, ch)
            line_chart(painter, theme, r, title, values, labels, top, rec, fmt)
