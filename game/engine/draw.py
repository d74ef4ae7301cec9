"""Which event cards come up in a turn. The maths is documented in docs/content-format.md.

1. Fixed-date cards whose month falls in this turn, in id order.
2. Follow-ups queued for this turn, in the order they were queued.
3. Then, up to the level's number of events per turn, a weighted draw without replacement
   from the eligible pool, sorted by id: each draw picks card i with probability
   w_i / sum(w) over the cards still in the pool.
A village card also draws its village, uniformly, from the villages its selector admits.
"""

from __future__ import annotations

from game.engine.rng import Rng
from game.engine.scenario import CompiledCard, Scenario
from game.model.state import GameState, Pending


def village_candidates(compiled: CompiledCard, state: GameState) -> list[str]:
    """Villages the card could be about (ids in level order); none for a district card."""
    select = compiled.village
    if select is None:
        return []
    return [v.id for v in state.villages if v.population > 0 and select(state, v)]


def eligible(compiled: CompiledCard, state: GameState) -> bool:
    """Whether a card may be drawn now (fixed-date cards never enter the weighted pool)."""
    if compiled.fixed is not None or not compiled.first <= state.month <= compiled.last:
        return False
    return open_now(compiled, state)


def open_now(compiled: CompiledCard, state: GameState) -> bool:
    """The checks that depend on the state: times seen, cooldown, condition, a village."""
    card = compiled.card
    times = state.seen.get(card.id, 0)
    if times and (not card.repeat or state.turn - state.last_seen.get(card.id, -99) <= card.cooldown):
        return False
    if not compiled.when(state, None):
        return False
    select = compiled.village
    return select is None or any(v.population > 0 and select(state, v) for v in state.villages)


def _pending(compiled: CompiledCard, state: GameState, rng: Rng) -> Pending | None:
    if compiled.village is None:
        return Pending(card=compiled.card.id)
    candidates = village_candidates(compiled, state)
    if not candidates:  # a queued follow-up whose selector no longer holds: any living village
        candidates = [v.id for v in state.villages if v.population > 0]
    if not candidates:
        return None
    return Pending(card=compiled.card.id, village=candidates[rng.below(len(candidates))])


def certain(state: GameState, scenario: Scenario) -> list[CompiledCard]:
    """The cards that come this turn whatever the draw: fixed-date cards, then queued follow-ups."""
    due = [cid for turn, cid in state.queued if turn <= state.turn]
    return scenario.fixed_in(state.month, state.month + scenario.level.turn_months) + \
        [scenario.compiled[cid] for cid in due if cid in scenario.compiled]


def draw(state: GameState, scenario: Scenario, rng: Rng) -> list[Pending]:
    """The cards of this turn's events phase, in the order they are shown."""
    chosen = certain(state, scenario)
    state.queued = [(turn, cid) for turn, cid in state.queued if turn > state.turn]

    taken = {c.card.id for c in chosen}
    pool = [c for c in scenario.drawable(state.month) if c.card.id not in taken and open_now(c, state)]
    slots = max(0, scenario.level.events_per_turn - len(chosen))
    for _ in range(min(slots, len(pool))):
        index = rng.weighted_index([c.card.weight for c in pool])
        chosen.append(pool.pop(index))

    pending = [_pending(c, state, rng) for c in chosen]
    return [p for p in pending if p is not None]
