"""Branch and compare: take another choice at a past decision and play the game on.

The later decisions of the original game are kept where they still fit (the same card is on
the table and the choice is open, or it is the same phase); where one no longer fits, the
historical policy decides instead. Both games are then played to their ends, so their ledgers
and curves can be set side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.policies import decide
from game.engine.rng import Rng
from game.engine.scenario import Scenario
from game.engine.simulate import POLICY_SEED_SALT
from game.engine.turn import InvalidDecision, advance, new_game
from game.model.decision import Decision
from game.model.state import GameState, Phase


@dataclass
class Branch:
    original: GameState
    branched: GameState
    kept: int          # later decisions of the original that still fitted
    replaced: int      # later decisions the historical policy took instead


def branch(scenario: Scenario, seed: int, decisions: list[Decision], at: int, instead: Decision,
           max_steps: int = 10_000) -> Branch:
    """The original game and the game that takes `instead` at decision number `at` (from 0)."""
    original, rng = new_game(scenario, seed)
    for d in decisions:
        advance(scenario, original, d, rng)
    state, rng = new_game(scenario, seed)
    for d in decisions[:at]:
        advance(scenario, state, d, rng)
    advance(scenario, state, instead, rng)  # raises InvalidDecision if it does not fit there
    policy_rng = Rng(seed ^ POLICY_SEED_SALT)
    kept = replaced = 0
    later = iter(decisions[at + 1:])
    for _ in range(max_steps):
        if state.phase == Phase.ended:
            break
        candidate = next(later, None)
        if candidate is not None:
            try:
                advance(scenario, state, candidate, rng)
                kept += 1
                continue
            except InvalidDecision:
                pass
        advance(scenario, state, decide("historical", scenario, state, policy_rng), rng)
        replaced += 1
    return Branch(original, state, kept, replaced)
