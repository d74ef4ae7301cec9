"""The ending: what happened, the ledgers side by side, the curves beside the record."""

from __future__ import annotations

import pygame

from game.engine.calibration import series
from game.engine.scoring import choose_ending, ledgers
from game.model.common import month_index, month_words
from game.ui import fonts
from game.ui.charts import chart_cells, chart_grid, line_chart
from game.ui.events import UI_ACTION
from game.ui.scenes.base import GameScreen
from game.ui.text import Painter
from game.ui.theme import PAPER_LIGHT
from game.ui.widgets import Button, ScrollText


def ledger_rows(state, scenario, ending) -> list[tuple[str, bool]]:
    """The two ledgers as (line, is a heading)."""
    led = ledgers(state, scenario, state.initial)
    c, v = led["centre"], led["villages"]
    quota = f"{c['quota_fulfilment']:.0%}" if c["quota_fulfilment"] is not None else "no quota"
    return [
        ("The centre's ledger", True),
        (f"Grain delivered: {c['grain_delivered_t']:,} t of {c['grain_quota_t']:,} t ({quota})", False),
        (f"Households in kolkhozy: {c['collectivized_share']:.0%}", False),
        (f"'Kulak' households deported: {c['kulaks_removed_hh']} of {c['kulak_quota_hh']} ordered", False),
        (f"Your standing: {c['standing']:.0f} of 100", False),
        (f"Your fate: {ending.fate}", False),
        ("The villages' ledger", True),
        (f"People living: {v['population']:,}", False),
        (f"Deaths: {v['deaths']:,} ({v['excess_deaths']:,} above the ordinary rate)", False),
        (f"Deported: {v['deported_people']:,} people; fled: {v['fled_people']:,}", False),
        ("Livestock since the start: " + ", ".join(f"{a} {chg:+.0%}" for a, chg in v["livestock_change"].items()),
         False),
        (f"Grain left: {v['grain_left_t']:,} t; seed: {v['seed_t']:,} t; trust {v['trust']:.0f} of 100", False),
    ]


def chart_series(state, targets) -> tuple[list[str], list[tuple[str, list[float], float | None, dict | None]]]:
    """The month labels and the curves of the game, each with its title and the record.

    Stocks are shown on the first of each month and once more as the game ended; the record's
    values (the level's targets) are drawn beside the curve they belong to."""
    data = series(state)
    dates = [d for d, _ in data["collectivized_share"]]
    labels = [month_words(month_index(d)) for d in dates]
    record = {dates.index(t.date): (None if t.low is None else 100 * t.low, None if t.high is None else 100 * t.high)
              for t in targets if t.check == "value" and t.series == "collectivized_share" and t.date in dates}
    share = [100 * v for _, v in data["collectivized_share"]]
    values = {name: [v for _, v in data[name]] for name in ("grain", "cattle", "horses", "standing", "unrest_in_month")}
    return labels, [
        (f"Households in kolkhozy, % (now {share[-1]:.0f}%); crosses: the record", share, 100.0, record),
        (f"Grain in the villages, t (now {values['grain'][-1]:,.0f} t)", values["grain"], None, None),
        (f"Cattle, head (now {values['cattle'][-1]:,.0f})", values["cattle"], None, None),
        (f"Horses, head (now {values['horses'][-1]:,.0f})", values["horses"], None, None),
        ("Open unrest: expected mass disturbances in each month", values["unrest_in_month"], None, None),
        (f"Your standing, of 100 (now {values['standing'][-1]:.0f})", values["standing"], 100.0, None),
    ]


class EndingScene(GameScreen):
    """Two views: what happened with the ledgers side by side, and the curves over time."""

    phase = 5
    hints = "Tab or arrows: move   Up/Down on the text: scroll   Enter: choose"

    def enter(self, app) -> None:
        super().enter(app)
        session = app.game.session
        self.ending = choose_ending(session.state, session.scenario)
        self.view = "ledgers"
        self.page = 0

    def heading(self) -> str:
        return f"The end: {self.ending.title}"

    def strip_height(self) -> int:
        return 0  # the game is over: no phase to show

    def draw_strip(self, painter: Painter, y: int) -> None:
        pass

    def chart_pages(self, area: pygame.Rect) -> tuple[int, int, int]:
        return chart_grid(area, self.theme)

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        session = self.app.game.session
        body = self.body()
        switch = Button(label="Show the curves over time" if self.view == "ledgers" else "Show the ledgers",
                        action="switch", hotkey="1", primary=True)
        back = Button(label="Back to the title screen", action="title", hotkey="2")
        more = Button(label="More curves (9 of 9)", action="page", hotkey="3")
        debrief = Button(label="Write the debrief and result file", action="debrief", hotkey="4")
        other = Button(label="Take another choice at a past decision", action="branch", hotkey="5")
        full = Button(label="The full debrief: decisions, history, rules, questions", action="full", hotkey="6")
        # The buttons in one row where their labels fit in two lines, else in two rows; measured
        # for the most the row can hold, so the curves' pages fit above.
        candidates = (switch, back, more, debrief, other, full)
        line = fonts.font("sans", theme.body).get_linesize()
        rows = 1
        width = min((body.width - 5 * theme.pad) // 6, 440)
        if max(b.height_for(theme, width) for b in candidates) > 2 * line + 2 * theme.pad:
            # A narrow window at large text: two rows, with the short forms of the labels.
            rows, width = 2, min((body.width - 2 * theme.pad) // 3, 440)
            switch.label = "The curves" if self.view == "ledgers" else "The ledgers"
            back.label, debrief.label, other.label = "Title screen", "Write the debrief", "Another choice"
            full.label = "Full debrief"
            more.label = "More curves (9 of 9)"
        h = max(b.height_for(theme, width) for b in candidates)
        upper = pygame.Rect(body.left, body.top, body.width, body.height - rows * (h + theme.pad))
        self.upper = upper
        buttons = [switch, back]
        if self.view == "curves":
            _, per_page, pages = self.chart_pages(upper)
            if pages > 1:
                more.label = f"{more.label.split(' (')[0]} ({self.page + 1} of {pages})"
                buttons.append(more)
        buttons += [debrief, other, full]
        per_row = -(-len(buttons) // rows)
        for i, b in enumerate(buttons):
            row, col = divmod(i, per_row)
            top = body.bottom - (rows - row) * h - (rows - row - 1) * theme.pad
            b.rect = pygame.Rect(body.left + col * (width + theme.pad), top, width, h)
        self.buttons = buttons
        self.texts: list = []
        if self.view == "ledgers":
            half = (upper.width - theme.pad) // 2
            note = (f"{self.ending.text.strip()}\n\n## What happened to real officials\n{self.ending.note.strip()}"
                    "\n\n## Sources\n" + "\n".join(s.citation() for s in self.ending.sources))
            ledger = "\n".join(("## " if heading else "") + line
                                for line, heading in ledger_rows(session.state, session.scenario, self.ending))
            self.texts = [ScrollText(text=note, role="serif", rect=pygame.Rect(upper.left, upper.top, half, upper.height)),
                          ScrollText(text=ledger, role="sans",
                                     rect=pygame.Rect(upper.left + half + theme.pad, upper.top, half, upper.height))]
            for t in self.texts:
                t.reflow(theme)
        self.focus.set(buttons + [t for t in self.texts if t.scrollable])

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION and event.action == "title":
            from game.ui.scenes.title import TitleScene
            self.app.stack.reset(TitleScene())
            return True
        if event.type == UI_ACTION and event.action == "switch":
            self.view = "curves" if self.view == "ledgers" else "ledgers"
            self.page = 0
            self.layout(self.app.size)
            return True
        if event.type == UI_ACTION and event.action == "debrief":
            from game.ui.scenes.overlays import MessageScene
            written, error = self.app.game.export_debrief()
            self.app.stack.push(MessageScene(
                "The debrief is written" if error is None else "Not written",
                error or "Open the report in a web browser to read or print it, and hand in the result "
                         "file: " + "; ".join(str(p) for p in written)))
            return True
        if event.type == UI_ACTION and event.action == "branch":
            from game.ui.scenes.branch import BranchPickScene
            self.app.stack.push(BranchPickScene())
            return True
        if event.type == UI_ACTION and event.action == "full":
            from game.ui.scenes.debrief import DebriefScene
            self.app.stack.push(DebriefScene())
            return True
        if event.type == UI_ACTION and event.action == "page":
            self.page = (self.page + 1) % self.chart_pages(self.upper)[2]
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
        self.draw_widgets(painter, [*self.texts, *self.buttons])
        if self.view != "curves" or not self.app.game.session.state.history:
            return
        session = self.app.game.session
        labels, charts = chart_series(session.state, session.scenario.level.targets)
        area = self.upper
        columns, per_page, _ = self.chart_pages(area)
        shown = charts[self.page * per_page:(self.page + 1) * per_page]
        for r, (title, values, top, record) in zip(chart_cells(area, theme, columns, len(shown)), shown):
            line_chart(painter, theme, r, title, values, labels[:len(values)], top, record)
