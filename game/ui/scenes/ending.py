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


def chart_series(history: list[dict], targets) -> list[tuple[str, list[float], float | None, dict | None]]:
    """The curves of the game, each with its title (saying where it ended) and the record."""
    labels = [h["date"] for h in history]
    record = {labels.index(t.date): (None if t.low is None else 100 * t.low, None if t.high is None else 100 * t.high)
              for t in targets if t.quantity == "collectivized_share" and t.date in labels}
    share = [100 * h["collectivized_share"] for h in history]
    series = [
        (f"Households in kolkhozy, % (ended at {share[-1]:.0f}%); crosses: the record", share, 100.0, record),
        (f"Grain in the villages, t (ended at {history[-1]['grain']:,.0f} t)", [h["grain"] for h in history], None, None),
        (f"Cattle, head (ended at {history[-1]['cattle']:,.0f})", [h["cattle"] for h in history], None, None),
        (f"Horses, head (ended at {history[-1]['horses']:,.0f})", [h["horses"] for h in history], None, None),
        ("Open unrest: expected mass disturbances a month", [h["flows"]["unrest"] for h in history], None, None),
        (f"Your standing, of 100 (ended at {history[-1]['standing_after']:.0f})",
         [h["standing_after"] for h in history], 100.0, None),
    ]
    return series


class EndingScene(GameScreen):
    """Two views: what happened with the ledgers side by side, and the curves over time."""

    phase = 5
    hints = "Tab or arrows: move   Up/Down on the text: scroll   Enter: choose"

    def enter(self, app) -> None:
        super().enter(app)
        session = app.game.session
        self.ending = choose_ending(session.state, session.scenario)
        self.view = "ledgers"

    def heading(self) -> str:
        return f"The end: {self.ending.title}"

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        session = self.app.game.session
        body = self.body()
        other = "Show the curves over time" if self.view == "ledgers" else "Show the ledgers"
        self.switch = Button(label=other, action="switch", hotkey="1", primary=True)
        self.done = Button(label="Back to the title screen", action="title", hotkey="2")
        width = min(body.width // 2 - theme.pad, 520)
        h = max(self.switch.height_for(theme, width), self.done.height_for(theme, width))
        self.switch.rect = pygame.Rect(body.left, body.bottom - h, width, h)
        self.done.rect = pygame.Rect(body.left + width + theme.pad, body.bottom - h, width, h)
        upper = pygame.Rect(body.left, body.top, body.width, body.height - h - theme.pad)
        self.upper = upper
        self.texts: list[ScrollText] = []
        if self.view == "ledgers":
            half = (upper.width - theme.pad) // 2
            centre, villages = ledger_text(session.state, session.scenario, self.ending)
            note = (f"{self.ending.text.strip()}\n\nWhat happened to real officials: {self.ending.note.strip()}"
                    "\n\nSources: " + "; ".join(s.citation() for s in self.ending.sources))
            self.texts = [ScrollText(text=note, role="serif", rect=pygame.Rect(upper.left, upper.top, half, upper.height)),
                          ScrollText(text=centre + "\n\n" + villages, role="sans",
                                     rect=pygame.Rect(upper.left + half + theme.pad, upper.top, half, upper.height))]
            for t in self.texts:
                t.reflow(theme)
        self.focus.set([self.switch, self.done] + [t for t in self.texts if t.scrollable])

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION and event.action == "title":
            from game.ui.scenes.title import TitleScene
            self.app.stack.reset(TitleScene())
            return True
        if event.type == UI_ACTION and event.action == "switch":
            self.view = "curves" if self.view == "ledgers" else "ledgers"
            self.layout(self.app.size)
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        theme = self.theme
        self.draw_frame(painter)
        for t in self.texts:
            pygame.draw.rect(painter.surface, PAPER_LIGHT, t.rect)
        self.draw_widgets(painter, [*self.texts, self.switch, self.done])
        if self.view != "curves":
            return
        session = self.app.game.session
        history = session.state.history
        if not history:
            return
        labels = [h["date"] for h in history]
        charts = chart_series(history, session.scenario.level.targets)
        area = self.upper
        columns = max(1, min(3, area.width // max(260, int(300 * theme.scale))))
        rows = -(-len(charts) // columns)
        cw = (area.width - (columns - 1) * theme.pad) // columns
        ch = (area.height - (rows - 1) * theme.pad) // rows
        for i, (title, values, top, record) in enumerate(charts):
            r = pygame.Rect(area.left + (i % columns) * (cw + theme.pad), area.top + (i // columns) * (ch + theme.pad), cw, ch)
            line_chart(painter, theme, r, title, values, labels, top, record)
