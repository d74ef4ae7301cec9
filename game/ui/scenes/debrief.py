"""The debrief in the window: the decision log, what historians know about every card played,
the rules that produced the outcome, and the discussion questions — the same data as the HTML
report (game/debrief/data.py)."""

from __future__ import annotations

import pygame

from game.debrief.data import build
from game.debrief.questions import questions
from game.debrief.rules import rules
from game.ui.events import UI_ACTION
from game.ui.scenes.base import Screen
from game.ui.text import Painter
from game.ui.theme import PAPER_LIGHT
from game.ui.widgets import Button, ScrollText

SECTIONS = (("decisions", "Your decisions"), ("history", "What historians know"),
            ("rules", "The model open to question"), ("questions", "Questions for discussion"))


def section_text(debrief, section: str) -> str:
    """One section of the debrief as text with '## ' headings."""
    if section == "decisions":
        lines = []
        for d in debrief.decisions:
            lines.append(f"## Turn {d.turn}, {d.month}: {d.what}")
            lines.append(d.choice)
            if d.reason:
                lines.append(f"Your reason: {d.reason}")
            lines += [f"- {f}" for f in d.followed]
            lines.append("")
        return "\n".join(lines) or "No decision yet."
    if section == "history":
        lines = []
        for c in debrief.cards:
            lines += [f"## {c.title} ({c.month})"]
            if c.pack:
                lines.append(f"From a mod: the pack {c.pack}, not the base game.")
            lines += [f"You chose: {c.choice}", c.note]
            if c.contested:
                lines.append("Historians disagree:")
                lines += [f"- {view} ({held_by})" for view, held_by in c.readings]
            lines += ["Sources:"] + [f"- {s}" for s in c.sources] + [""]
        return "\n".join(lines) or "No card was played."
    if section == "rules":
        return ("The game is a model, not history. These are the rules that produced your district's "
                "outcome; ask what they leave out.\n\n"
                + "\n\n".join(f"## {title}\n{text}" for title, text in rules()))
    return "\n\n".join(f"## {phase}\n" + "\n".join(f"- {q}" for q in asked)
                       for phase, asked in questions(debrief))


class DebriefScene(Screen):
    title = "Debrief"
    hints = "Tab or arrows: move   Up/Down on the text: scroll   Esc: back"

    def enter(self, app) -> None:
        super().enter(app)
        self.debrief = build(app.game.session)
        self.section = "decisions"

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        body = self.body()
        self.buttons = [Button(label=label, action="section", value=key, hotkey=str(i),
                               primary=key == self.section) for i, (key, label) in enumerate(SECTIONS, 1)]
        self.buttons.append(Button(label="Back", action="back", hotkey="5"))
        columns = 5 if body.width >= 1100 else 3
        width = (body.width - (columns - 1) * theme.pad) // columns
        h = max(b.height_for(theme, width) for b in self.buttons)
        rows = -(-len(self.buttons) // columns)
        for i, b in enumerate(self.buttons):
            row, col = divmod(i, columns)
            b.rect = pygame.Rect(body.left + col * (width + theme.pad), body.top + row * (h + theme.pad), width, h)
        top = body.top + rows * (h + theme.pad)
        self.text = ScrollText(text=section_text(self.debrief, self.section), role="serif",
                               rect=pygame.Rect(body.left, top, body.width, body.bottom - top))
        self.text.reflow(theme)
        self.focus.set([*self.buttons, self.text] if self.text.scrollable else self.buttons)

    def handle(self, event: pygame.event.Event) -> bool:
        if (event.type == UI_ACTION and event.action == "back") or \
                (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
            self.app.stack.pop()
            return True
        if event.type == UI_ACTION and event.action == "section":
            self.section = event.value
            self.layout(self.app.size)
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        pygame.draw.rect(painter.surface, PAPER_LIGHT, self.text.rect)
        self.draw_widgets(painter, [*self.buttons, self.text])
