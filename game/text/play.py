"""The text-mode game loop: one question at a time, answered by typing a number.

It reads any stream, so it plays from a keyboard, a screen reader's terminal or a pipe:
    printf '1\n1\n...' | python -m game text --level great-break --seed 7
When the input ends before the game does, the game is saved and the loop says where.
At any question, `g` or `?` opens the glossary of the period's words; Enter returns to the question.
"""

from __future__ import annotations

import shlex

from pathlib import Path
from typing import Callable, TextIO

from game import saves
from game.content.classroom import ClassSettings
from game.content.glossary import Glossary, load_glossary, lookup
from game.engine.params import PARAMS
from game.engine.scoring import choose_ending
from game.engine.turn import InvalidDecision, available_choices
from game.model.common import month_name, month_words
from game.model.decision import CardChoice, Orders, Report, VillageOrder
from game.model.state import Phase
from game.session import Session
from game.text import render


GLOSSARY_KEYS = ("g", "?")


class EndOfInput(Exception):
    """The input stream ended before the game did."""


STANCES = [
    ("persuade", "Persuade: meetings and agitation; few join, trust grows."),
    ("pressure", "Pressure: threats, fines, 'voluntary' votes; more join, resistance rises."),
    ("force", "Force: coercion and arrests; most join, livestock is slaughtered, resistance flares."),
    ("hold", "Hold back: leave the village be; trust returns, the centre notices."),
]
def _press_option(press: str, name: str) -> tuple[str, str]:
    """The lever's text, made from the same numbers the engine uses, so it cannot drift."""
    times = PARAMS.press_multiplier[press]
    months = PARAMS.food_protected_months[press]
    left = f"leaving {months:g} months of food" if months else "leaving no food"
    return press, f"{name}: {times:g} times the monthly plan, {left}."


PRESS = [_press_option(p, n) for p, n in
         (("light", "Light"), ("normal", "Normal"), ("hard", "Hard"), ("maximum", "Maximum"))]
LISTS = [
    ("none", "Draw up no lists."),
    ("fewer", "List fewer households than ordered (half)."),
    ("as_ordered", "List the households ordered."),
    ("beyond", "List more than ordered, to be safe."),
]
REQUESTS = [
    ("none", "Ask the oblast for nothing."),
    ("seed_loan", "Ask for a seed loan (admits the district cannot sow)."),
    ("food_aid", "Ask for food aid (admits hunger)."),
    ("tractors", "Ask the Machine-Tractor Station for tractors."),
]


class TextGame:
    def __init__(self, session: Session, read: TextIO, write: TextIO,
                 autosave: Path | None = None, glossary: Glossary | None = None,
                 class_settings: ClassSettings | None = None, mods: tuple[str, ...] = ()) -> None:
        self.session = session
        self.mods = mods      # the --mod packs, for the commands it suggests
        self.class_settings = class_settings
        self.input = read
        self.output = write
        self.autosave = autosave
        self.last_orders: Orders | None = None
        self.glossary = glossary  # read from assets/glossary.yaml the first time it is opened

    # -- input and output -------------------------------------------------------------------
    def say(self, text: str = "") -> None:
        self.output.write(text + "\n")
        self.output.flush()

    def _line(self, prompt: str) -> str:
        """One line of input, stripped; the end of input ends the game loop."""
        self.output.write(prompt)
        self.output.flush()
        line = self.input.readline()
        if not line:
            raise EndOfInput
        return line.strip()

    def _read_number(self, prompt: str, low: int, high: int,
                     again: Callable[[], None] | None = None) -> int:
        """Prompt until a whole number in [low, high] is typed. `g` or `?` opens the glossary;
        afterwards `again` shows the question once more."""
        while True:
            answer = self._line(prompt)
            if answer.lower() in GLOSSARY_KEYS:
                self.show_glossary()
                if again is not None:
                    again()
                continue
            if answer.isdigit() and low <= int(answer) <= high:
                return int(answer)
            self.say(f"Please type a number from {low} to {high}.")

    def ask(self, question: str, options: list[str]) -> int:
        """Ask until a listed number is typed; return its index (from 0)."""
        def show() -> None:
            self.say("")
            self.say(question)
            for i, option in enumerate(options, 1):
                self.say(f"  {i}) {option}")

        show()
        index = self._read_number(f"Choose 1-{len(options)} (g: glossary): ", 1, len(options), show) - 1
        self.say("")
        return index

    def ask_reason(self) -> str | None:
        """A key decision: the player may give a one-line reason (Enter to skip), or must,
        when the teacher's settings require it."""
        required = bool(self.class_settings and self.class_settings.reasons_required)
        prompt = "Your reason, in a line (your teacher asks for one): " if required else \
            "Your reason, in a line (Enter to skip): "
        while True:
            self.output.write(prompt)
            self.output.flush()
            line = self.input.readline()
            if not line:
                raise EndOfInput
            reason = " ".join(line.split())[:300]
            if reason or not required:
                return reason or None

    def ask_number(self, question: str, low: int, high: int) -> int:
        self.say("")
        return self._read_number(f"{question} ({low}-{high}, g: glossary): ", low, high)

    # -- the glossary -----------------------------------------------------------------------
    def _load_glossary(self) -> Glossary | None:
        if self.glossary is None:
            glossary, problems = load_glossary()
            if glossary is None:
                self.say("The glossary cannot be read:")
                for problem in problems[:5]:
                    self.say(f"  {problem}")
                return None
            self.glossary = glossary
        return self.glossary

    def show_glossary(self) -> None:
        """The numbered list of terms; a number (or a word) shows a definition, Enter returns."""
        glossary = self._load_glossary()
        if glossary is None:
            return
        terms = glossary.ordered()
        self.say(render.heading("Glossary: words of the period"))
        for i, term in enumerate(terms, 1):
            self.say(f"  {i}) {term.term}")
        prompt = f"Type a number (1-{len(terms)}) or a word for its definition; press Enter to return: "
        while True:
            answer = self._line(prompt)
            if not answer:
                self.say("")
                return
            if answer.isdigit() and 1 <= int(answer) <= len(terms):
                term = terms[int(answer) - 1]
            else:
                term = lookup(glossary, answer)
            if term is None:
                self.say(f"No term '{answer}'. Type a number from 1 to {len(terms)}, a word, "
                         "or press Enter to return to the question.")
                continue
            self.say(render.glossary_entry(term))

    # -- the game ---------------------------------------------------------------------------
    def run(self) -> int:
        """Play to the ending (0), or stop at the end of input (1), saving the game."""
        if self.session.state.turn == 1 and not self.session.decisions:
            self.say(render.heading(self.session.scenario.level.title))
            self.say(render.CONTENT_NOTE)
            self.say("")
            self.say(self.session.scenario.level.summary.strip())
        try:
            while not self.session.ended:
                phase = self.session.state.phase
                if phase == Phase.orders:
                    self.turn_start()
                    self.decide(self.orders())
                elif phase == Phase.events:
                    self.card()
                elif phase == Phase.report:
                    self.report()
        except EndOfInput:
            self.save_now()
            self.say("")
            self.say(f"The input ended before the game did. The game is saved in {self.autosave}."
                     if self.autosave else "The input ended before the game did.")
            return 1
        self.say(render.ending_screen(self.session, choose_ending(self.session.state, self.session.scenario)))
        self.say(render.debrief_questions(self.session))
        self.save_now()
        if self.autosave is not None:
            mods = "".join(f" --mod {shlex.quote(m)}" for m in self.mods)
            self.say(f"\nThe full debrief, to read or print:  python -m game debrief {self.autosave}{mods} "
                     "--html report.html --json result.json")
        return 0

    def decide(self, decision) -> list:
        try:
            return self.session.decide(decision)
        except InvalidDecision as exc:  # the questions should prevent this; say it, don't crash
            self.say(f"That cannot be done: {exc}.")
            return []

    def save_now(self) -> None:
        if self.autosave is not None:
            try:
                saves.write(self.autosave, self.session)
            except OSError as exc:
                self.say(f"The game could not be saved to {self.autosave}: {exc}")

    def turn_start(self) -> None:
        s = self.session.state
        self.say(render.turn_header(self.session))
        level = self.session.scenario.level
        if level.counterfactual:
            self.say("A counterfactual: what follows is the model's answer to 'what if', not history.")
        for note in level.content_notes:
            if note.date == month_name(s.month):
                self.say(f"Content note: {note.text.strip()}")
                self.say("")
        for tip in level.tips:
            if tip.date == month_name(s.month):
                self.say(f"How to play: {tip.text.strip()}")
                self.say("")
        directives = [e for e in s.log if e.turn == s.turn and e.kind == "directive"]
        if directives:
            self.say("Directives from the centre:")
            self.say(render.entries(directives, ("directive",)))
            self.say("")
        self.say(render.dashboard(self.session))
        self.say("")
        self.say(render.villages_table(self.session))

    def orders(self) -> Orders:
        s = self.session.state
        if self.last_orders is not None and self.last_orders.request == "none":
            keep = self.ask("Orders for this month:", ["Keep last month's orders", "Give new orders"])
            if keep == 0 and sum(o.cadres for o in self.last_orders.villages.values()) <= s.cadres:
                return self.last_orders
        left = s.cadres
        villages = {}
        for v in s.villages:
            stance = STANCES[self.ask(f"Stance in {v.name} ({v.collectivized_share:.0%} in the kolkhoz, "
                                      f"resistance {v.resistance:.0f}):", [t for _, t in STANCES])][0]
            cadres = self.ask_number(f"Brigades to send to {v.name}, {left} left", 0, left) if left else 0
            left -= cadres
            villages[v.id] = VillageOrder(stance=stance, cadres=cadres)
        press = PRESS[self.ask("How hard to press the grain procurement?", [t for _, t in PRESS])][0]
        keep_seed = self.ask("Seed grain:", ["Protect the seed grain from procurement",
                                             "Let the seed grain be taken if the plan needs it"]) == 0
        lists = "none"
        if s.kulak_quota > 0:
            lists = LISTS[self.ask(f"The 'kulak' lists ({s.kulak_quota:.0f} hh ordered):",
                                   [t for _, t in LISTS])][0]
        request = REQUESTS[self.ask("A request to the oblast:", [t for _, t in REQUESTS])][0]
        orders = Orders(villages=villages, press=press, keep_seed=keep_seed, kulak_lists=lists,
                        request=request)
        self.last_orders = orders.model_copy(update={"request": "none"})
        return orders

    def card(self) -> None:
        s = self.session.state
        top = s.pending[0]
        card = self.session.scenario.cards[top.card]
        village = s.village(top.village).name if top.village else None
        intensity = self.class_settings.intensity if self.class_settings else "full"
        self.say(render.card_screen(card, village, s.month, intensity))
        open_ = available_choices(self.session.scenario, s)
        fill = (lambda t: t.replace("{village}", village or "the district"))
        index = self.ask("What do you do?", [fill(card.choices[i].label) for i in open_])
        reason = None
        if self.session.scenario.level.is_key(card):
            reason = self.ask_reason()
        entries = self.decide(CardChoice(card=card.id, choice=open_[index], reason=reason))
        self.say(render.entries(entries, ("outcome", "log")))
        self.say(render.history_panel(card))
        if self.session.state.phase == Phase.report:
            self.say("")
            self.say(render.month_results(self.session.state))

    def report(self) -> None:
        s = self.session.state
        if s.turn_start and not any(e.turn == s.turn and e.kind == "card" for e in s.log):
            self.say(render.month_results(s))
        share = sum(v.households_kolkhoz for v in s.villages) / max(1.0, sum(v.households for v in s.villages))
        kinds = ["honest", "inflated", "understated"]
        coll = self.ask("Report collectivization to the centre:", [
            f"Honestly: {share:.0%} of households",
            f"Inflated: {min(1.0, share * PARAMS.inflate):.0%} (standing now, a higher target, an inspection later)",
            f"Understated: {share * PARAMS.understate:.0%} (lower expectations, and risk if found out)"])
        delivered = sum(v.delivered for v in s.villages)
        grain = self.ask("Report grain deliveries to the centre:", [
            f"Honestly: {delivered:,.0f} t",
            f"Inflated: {delivered * PARAMS.inflate:,.0f} t (the centre will raise the quota)",
            f"Understated: {delivered * PARAMS.understate:,.0f} t (concealing grain is punished hard)"])
        entries = self.decide(Report(collectivization=kinds[coll], grain=kinds[grain]))
        self.say(render.heading(f"News, {month_words(s.month)}"))
        self.say(render.entries(entries, ("report", "audit", "news")))
        if not self.session.ended:
            self.save_now()
