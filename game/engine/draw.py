"""Which event cards come up in a turn. The maths is documented in docs/content-format.md.

1. Fixed-date cards whose month falls in this turn, in id order.
2. Follow-ups queued for this turn, in the order they were queued.
3. Then, up to the level's number of events per turn, a weighted draw without replacement
   from the eligible pool, sorted by id: each draw picks card i with probability
   w_i / sum(w) over the cards still in the pool.
A village card also draws its village, uniformly, from the villages its selector admits.
"""

from __future__ import annotations

from game.engine.conditions import holds
from game.engine.rng import Rng
from game.engine.scenario import Scenario
from game.model.card import Card
from game.model.common import month_index
from game.model.state import GameState, Pending


def _turn_months(scenario: Scenario, state: GameState) -> range:
    return range(state.month, state.month + scenario.level.turn_months)


def village_candidates(card: Card, state: GameState, ration: float) -> list[str]:
    """Villages the card could be about (ids in level order); all of them for a district card."""
    if card.village is None:
        return []
    return [v.id for v in state.villages
            if v.population > 0 and holds(card.village, state, v, ration)]


def eligible(card: Card, state: GameState, scenario: Scenario) -> bool:
    """Whether a card may be drawn now (fixed-date cards never enter the weighted pool)."""
    if card.date is not None:
        return False
    first, last = scenario.windows[card.id]
    if not first <= state.month <= last:
        return False
    times = state.seen.get(card.id, 0)
    if times and not card.repeat:
        return False
    if times and state.turn - state.last_seen.get(card.id, -99) <= card.cooldown:
        return False
    ration = scenario.level.ration
    if not holds(card.when, state, None, ration):
        return False
    return card.village is None or any(
        v.population > 0 and holds(card.village, state, v, ration) for v in state.villages)


def _pending(card: Card, state: GameState, rng: Rng, ration: float) -> Pending | None:
    if card.village is None:
        return Pending(card=card.id)
    candidates = village_candidates(card, state, ration)
    if not candidates:
        candidates = [v.id for v in state.villages if v.population > 0]
    if not candidates:
        return None
    return Pending(card=card.id, village=candidates[rng.below(len(candidates))])


def draw(state: GameState, scenario: Scenario, rng: Rng) -> list[Pending]:
    """The cards of this turn's events phase, in the order they are shown."""
    ration = scenario.level.ration
    months = _turn_months(scenario, state)
    chosen: list[Card] = [
        scenario.cards[cid] for cid in scenario.deck
        if scenario.cards[cid].date is not None and month_index(scenario.cards[cid].date) in months
    ]
    due = [cid for turn, cid in state.queued if turn <= state.turn]
    state.queued = [(turn, cid) for turn, cid in state.queued if turn > state.turn]
    chosen += [scenario.cards[cid] for cid in due if cid in scenario.cards]

    taken = {c.id for c in chosen}
    pool = [scenario.cards[cid] for cid in scenario.deck
            if cid not in taken and eligible(scenario.cards[cid], state, scenario)]
    slots = max(0, scenario.level.events_per_turn - len(chosen))
    for _ in range(min(slots, len(pool))):
        index = rng.weighted_index([c.weight for c in pool])
        chosen.append(pool.pop(index))

    pending = [_pending(card, state, rng, ration) for card in chosen]
    return [p for p in pending if p is not None]
