"""Playing whole games headless with a scripted policy: for `simulate`, tests and benchmarks."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.policies import decide
from game.engine.rng import Rng
from game.engine.scenario import Scenario
from game.engine.turn import advance, new_game
from game.model.decision import Decision
from game.model.state import GameState, Phase

POLICY_SEED_SALT = 0x5EED


@dataclass
class Played:
    state: GameState
    decisions: list[Decision]
    rng_state: int


def play(scenario: Scenario, seed: int, policy: str, max_steps: int = 10_000) -> Played:
    """Play one game to its ending with a policy; return the final state and the decision log."""
    state, rng = new_game(scenario, seed)
    policy_rng = Rng(seed ^ POLICY_SEED_SALT)
    decisions: list[Decision] = []
    for _ in range(max_steps):
        if state.phase == Phase.ended:
            break
        decision = decide(policy, scenario, state, policy_rng)
        decisions.append(decision)
        advance(scenario, state, decision, rng)
    return Played(state, decisions, rng.state)


def play_until(scenario: Scenario, seed: int, policy: str, turn: int) -> GameState:
    """The state at the start of `turn` (or at the ending, if the game ends first)."""
    state, rng = new_game(scenario, seed)
    policy_rng = Rng(seed ^ POLICY_SEED_SALT)
    while state.turn < turn and state.phase != Phase.ended:
        advance(scenario, state, decide(policy, scenario, state, policy_rng), rng)
    return state


def replay(scenario: Scenario, seed: int, decisions: list[Decision]) -> tuple[GameState, Rng]:
    """Run a decision log from the start; the result equals the original game exactly."""
    state, rng = new_game(scenario, seed)
    for decision in decisions:
        advance(scenario, state, decision, rng)
    return state, rng
