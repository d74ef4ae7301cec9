"""A game in progress: the scenario, the state, the generator and the decision log.

Front ends (text, window, tests) hold a Session and feed it decisions; it is the one place
that pairs the pure engine with the log that makes a save.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.rng import Rng
from game.engine.scenario import Scenario
from game.engine.turn import new_game, step
from game.model.decision import Decision
from game.model.state import GameState, LogEntry, Phase


@dataclass
class Session:
    scenario: Scenario
    seed: int
    state: GameState
    rng: Rng
    decisions: list[Decision] = field(default_factory=list)

    @classmethod
    def start(cls, scenario: Scenario, seed: int) -> "Session":
        state, rng = new_game(scenario, seed)
        return cls(scenario, seed, state, rng)

    @classmethod
    def replayed(cls, scenario: Scenario, seed: int, decisions: list[Decision]) -> "Session":
        """Rebuild a game from its log; raises InvalidDecision if the log does not fit."""
        session = cls.start(scenario, seed)
        for decision in decisions:
            session.decide(decision)
        return session

    def decide(self, decision: Decision) -> list[LogEntry]:
        """Apply a decision; on InvalidDecision nothing changes."""
        state, entries = step(self.scenario, self.state, decision, self.rng)
        self.state = state
        self.decisions.append(decision)
        return entries

    @property
    def ended(self) -> bool:
        return self.state.phase == Phase.ended
