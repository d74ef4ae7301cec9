"""Branch and compare: take another choice at a past decision of the finished game, and set
the game as played beside the branch (game/engine/branch.py): the endings, the ledgers in
three columns, and the curves of both on the same charts."""

from __future__ import annotations

import pygame

from game.engine.branch import Branch, branch
from game.engine.calibration import series
from game.engine.effects import fill
from game.engine.scoring import choose_ending, ledgers
from game.engine.turn import InvalidDecision, advance, available_choices, new_game
from game.model.common import month_index, month_words
from game.model.decision import CardChoice
from game.ui.charts import chart_cells, chart_grid, line_chart
from game.ui.events import UI_ACTION
from game.ui.scenes.base import Screen
from game.ui.text import Painter
from game.ui.theme import INK_SOFT
from game.ui.widgets import Button, Label, ScrollArea


def card_decisions(session) -> list[dict]:
    """The card choices of the game, each with where it was taken and the choices open then."""
    scenario = session.scenario
    state, rng = new_game(scenario, session.seed)
    out = []
    for i, d in enumerate(session.decisions):
        if d.kind == "choice":
            top = state.pending[0]
            village = state.village(top.village) if top.village else None
            card = scenario.cards[d.card]
            out.append({"index": i, "decision": d, "turn": state.turn, "month": month_words(state.month),
                        "title": fill(card.title, village), "open": available_choices(scenario, state)})
        advance(scenario, state, d, rng)
    return out


def compare_rows(result: Branch, scenario) -> list[tuple[str, str, str, bool]]:
    """(what, as played, the branch, is a heading) for the two games' endings and ledgers."""
    a_state, b_state = result.original, result.branched
    ends = [choose_ending(s, scenario) for s in (a_state, b_state)]
    a, b = (ledgers(s, scenario, s.initial) for s in (a_state, b_state))

    def pct(v):
        return "no quota" if v is None else f"{v:.0%}"

    def num(v):
        return f"{v:,}"

    rows = [("", "As played", "The branch", True),
            ("Ending", ends[0].title, ends[1].title, False),
            ("Your fate", ends[0].fate, ends[1].fate, False),
            ("The centre's ledger", "", "", True)]
    centre = [("Grain delivered, t", "grain_delivered_t", num), ("Grain quota, t", "grain_quota_t", num),
              ("Quota fulfilled", "quota_fulfilment", pct), ("Households in kolkhozy", "collectivized_share", pct),
              ("'Kulak' households deported", "kulaks_removed_hh", num), ("'Kulak' households ordered", "kulak_quota_hh", num),
              ("Your standing, of 100", "standing", lambda v: f"{v:.0f}")]
    rows += [(what, f(a["centre"][k]), f(b["centre"][k]), False) for what, k, f in centre]
    rows.append(("The villages' ledger", "", "", True))
    villages = [("People living", "population", num), ("Deaths", "deaths", num),
                ("Deaths above the ordinary rate", "excess_deaths", num), ("People deported", "deported_people", num),
                ("People fled", "fled_people", num), ("Grain left, t", "grain_left_t", num), ("Seed, t", "seed_t", num),
                ("Trust, of 100", "trust", lambda v: f"{v:.0f}")]
    rows += [(what, f(a["villages"][k]), f(b["villages"][k]), False) for what, k, f in villages]
    for animal, change in a["villages"]["livestock_change"].items():
        rows.append((f"{animal.capitalize()} since the start", f"{change:+.0%}",
                     f"{b['villages']['livestock_change'][animal]:+.0%}", False))
    return rows


def compare_charts(result: Branch) -> tuple[list[str], list[tuple[str, list[float], list[float], float | None]]]:
    """The month labels (of the longer game) and each chart's (title, as played, branch, top)."""
    one, two = series(result.original), series(result.branched)
    dates = max(([d for d, _ in s["collectivized_share"]] for s in (one, two)), key=len)
    labels = [month_words(month_index(d)) if d != "end" else d for d in dates]
    charts = [("Households in kolkhozy, %", "collectivized_share", 100.0, 100.0),
              ("Grain in the villages, t", "grain", None, 1.0), ("Cattle, head", "cattle", None, 1.0),
              ("Horses, head", "horses", None, 1.0),
              ("Open unrest: expected mass disturbances in each month", "unrest_in_month", None, 1.0),
              ("Your standing, of 100", "standing", 100.0, 1.0)]
    return labels, [(title, [k * v for _, v in one[name]], [k * v for _, v in two[name]], top)
                    for title, name, top, k in charts]


class BranchPickScene(Screen):
    """Step 1: the card decisions of the game. Step 2: the other choices open at one of them."""

    title = "Take another choice at a past decision"
    hints = "Tab or arrows: move   Enter: choose   Esc: back"

    def enter(self, app) -> None:
        super().enter(app)
        self.decisions = card_decisions(app.game.session)
        self.picked: dict | None = None
        self.error = ""

    def status(self) -> str:
        if self.picked is None:
            return "Pick a decision; the game is played again from there, keeping your later decisions where they fit."
        p, card = self.picked, self.app.game.session.scenario.cards[self.picked["decision"].card]
        return (f"Turn {p['turn']}, {p['month']}: {p['title']}. You chose: {card.choices[p['decision'].choice].label}. "
                f"Take instead:{' ' + self.error if self.error else ''}")

    def layout(self, size: tuple[int, int]) -> None:
        scenario = self.app.game.session.scenario
        if self.picked is None:
            self.widgets = [Button(label="Back to the ending", action="back", hotkey="0")]
            for n, p in enumerate(self.decisions, 1):
                card, d = scenario.cards[p["decision"].card], p["decision"]
                others = [i for i in p["open"] if i != d.choice]
                self.widgets.append(Button(
                    label=f"Turn {p['turn']}, {p['month']}: {p['title']} — you chose: {card.choices[d.choice].label}"
                          + ("" if others else " (no other choice was open)"),
                    action="pick", value=n - 1, hotkey=str(n) if n < 10 else None, enabled=bool(others)))
            if not self.decisions:
                self.widgets.append(Button(label="No card was answered in this game.", action="none", enabled=False))
        else:
            p = self.picked
            card = scenario.cards[p["decision"].card]
            self.widgets = [Button(label="Back to the list of decisions", action="back", hotkey="0")]
            self.widgets += [Button(label=card.choices[i].label, action="instead", value=i, hotkey=str(n),
                                    primary=n == 1)
                             for n, i in enumerate((i for i in p["open"] if i != p["decision"].choice), 1)]
        self.areas = [ScrollArea(self.body(), [[b] for b in self.widgets], self.theme)]
        self.focus.set(self.widgets, keep=False)
        if len(self.widgets) > 1 and self.widgets[1].enabled:
            self.focus.focus(self.widgets[1])
        self.areas[0].ensure_visible(self.focus.focused)

    def back(self) -> None:
        if self.picked is None:
            self.app.stack.pop()
        else:
            self.picked, self.error = None, ""
            self.layout(self.app.size)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back()
            return True
        if event.type == UI_ACTION:
            if event.action == "back":
                self.back()
            elif event.action == "pick":
                self.picked = self.decisions[event.value]
                self.layout(self.app.size)
            elif event.action == "instead" and self.picked is not None:
                session = self.app.game.session
                d = self.picked["decision"]
                try:
                    result = branch(session.scenario, session.seed, session.decisions, self.picked["index"],
                                    CardChoice(card=d.card, choice=event.value))
                except InvalidDecision as exc:
                    self.error = f"(that choice cannot be taken there: {exc})"
                    self.layout(self.app.size)
                    return True
                self.app.stack.replace(CompareScene(result, self.picked, event.value))
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        self.draw_widgets(painter, self.widgets)


class CompareScene(Screen):
    """The game as played and the branch: the endings and ledgers side by side, or the curves."""

    title = "Two games: as played, and the branch"
    hints = "Tab or arrows: move   Enter: choose   Page Up/Down: scroll the table   Esc: back to the ending"

    def __init__(self, result: Branch, picked: dict, instead: int) -> None:
        super().__init__()
        self.result, self.picked, self.instead = result, picked, instead
        self.view = "ledgers"
        self.page = 0

    def hint_text(self) -> str:
        return "Tab: move   Enter: choose   Esc: back" if self.compact() else self.hints

    def parting(self) -> str:
        p, r = self.picked, self.result
        card = self.app.game.session.scenario.cards[p["decision"].card]
        return (f"They part at turn {p['turn']}, {p['month']}: {p['title']}. As played: "
                f"“{card.choices[p['decision'].choice].label}”. The branch: “{card.choices[self.instead].label}”. "
                f"After it, {r.kept} of your later decisions were kept; {r.replaced} were taken by the "
                f"historical policy where yours no longer fitted.")

    def chart_pages(self, area: pygame.Rect) -> tuple[int, int, int]:
        return chart_grid(area, self.theme, extra_lines=1)  # one more line: the legend

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        body = self.body()
        switch = Button(label="Show the curves" if self.view == "ledgers" else "Show the ledgers",
                        action="switch", hotkey="1", primary=True)
        back = Button(label="Back to the ending", action="back", hotkey="2")
        more = Button(label="More curves (9 of 9)", action="page", hotkey="3")
        width = min((body.width - 2 * theme.pad) // 3, 440)
        h = max(b.height_for(theme, width) for b in (switch, back, more))
        self.intro = Label(text=self.parting(), size="small", colour=INK_SOFT)
        # Above the curves the parting line is a heading of its own (left out in a short window
        # at large text); in the table it is the first row, and scrolls with it.
        shown = self.view == "curves" and not self.compact()
        intro_h = self.intro.height_for(theme, body.width) if shown else 0
        self.intro.rect = pygame.Rect(body.left, body.top, body.width, intro_h)
        self.intro.hidden = not shown
        self.upper = pygame.Rect(body.left, body.top + intro_h, body.width, body.height - intro_h - h - theme.pad)
        buttons = [switch, back]
        self.areas = []
        self.cells: list[Label] = []
        if self.view == "curves":
            pages = self.chart_pages(self.upper)[2]
            if pages > 1:
                more.label = f"More curves ({self.page + 1} of {pages})"
                buttons.append(more)
        else:
            rows = [[Label(text=self.parting(), size="small", colour=INK_SOFT)]]
            widths = [[1.0]]
            for what, a, b, heading in compare_rows(self.result, self.app.game.session.scenario):
                role = "sans_bold" if heading else "sans"
                rows.append([Label(text=what, role=role), Label(text=a, role=role), Label(text=b, role=role)])
                widths.append([0.5, 0.25, 0.25])
            self.areas = [ScrollArea(self.upper, rows, theme, widths, gap=0)]
            self.cells = self.areas[0].widgets
        for i, b in enumerate(buttons):
            b.rect = pygame.Rect(body.left + i * (width + theme.pad), body.bottom - h, width, h)
        self.buttons = buttons
        self.focus.set(buttons)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.stack.pop()
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.areas:
            step = self.areas[0].viewport.height * 3 // 4
            self.areas[0].scroll(step if event.key == pygame.K_PAGEDOWN else -step)
            return True
        if event.type == UI_ACTION:
            if event.action == "back":
                self.app.stack.pop()
            elif event.action == "switch":
                self.view = "curves" if self.view == "ledgers" else "ledgers"
                self.page = 0
                self.layout(self.app.size)
            elif event.action == "page":
                self.page = (self.page + 1) % self.chart_pages(self.upper)[2]
                self.layout(self.app.size)
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        theme = self.theme
        self.draw_frame(painter)
        self.draw_widgets(painter, [self.intro, *self.cells, *self.buttons])
        if self.view != "curves":
            return
        labels, charts = compare_charts(self.result)
        area = self.upper
        columns, per_page, _ = self.chart_pages(area)
        shown = charts[self.page * per_page:(self.page + 1) * per_page]
        for r, (title, played, branched, top) in zip(chart_cells(area, theme, columns, len(shown)), shown):
            n = max(len(played), len(branched))
            if n:
                line_chart(painter, theme, r, title, played, labels[:n], top, other=branched)
