"""Scripted players for `simulate` and the tests: they only ever produce decisions.

historical: what most officials did (the level's historical policy, and the choice each card
marks 'historical'); zealous: more than ordered; humane: protect the villages at the cost of
standing; random: any legal decision. A policy gets its own generator, so the game's own
random stream depends only on the decisions, and a game replays from its log alone.
"""

from __future__ import annotations

from game.engine.rng import Rng
from game.engine.scenario import Scenario
from game.engine.turn import available_choices
from game.model.common import month_index
from game.model.decision import CardChoice, Decision, Orders, Report, VillageOrder
from game.model.level import PolicyMonth
from game.model.state import GameState, Phase

POLICIES = ("historical", "random", "zealous", "humane")
STANCES = ("persuade", "pressure", "force", "hold")


def _policy_month(scenario: Scenario, state: GameState) -> PolicyMonth:
    current = scenario.level.historical_policy[0]
    for entry in scenario.level.historical_policy:
        if month_index(entry.date) <= state.month:
            current = entry
    return current


def spread_cadres(state: GameState) -> dict[str, int]:
    """Brigades one by one to the villages with most private households left."""
    counts = {v.id: 0 for v in state.villages}
    ranked = sorted(state.villages, key=lambda v: (-v.households_private, v.id))
    for i in range(state.cadres):
        if ranked:
            counts[ranked[i % len(ranked)].id] += 1
    return counts


def _orders(state: GameState, stance_of, **levers) -> Orders:
    cadres = spread_cadres(state)
    return Orders(villages={v.id: VillageOrder(stance=stance_of(v), cadres=cadres[v.id])
                            for v in state.villages}, **levers)


def _choice_for(policy: str, scenario: Scenario, state: GameState, rng: Rng) -> CardChoice:
    top = state.pending[0]
    card = scenario.cards[top.card]
    open_ = available_choices(scenario, state)
    if policy == "random":
        return CardChoice(card=card.id, choice=open_[rng.below(len(open_))])
    for wanted in (policy, "historical"):
        for i in open_:
            if wanted in [p.value for p in card.choices[i].policies]:
                return CardChoice(card=card.id, choice=i)
    return CardChoice(card=card.id, choice=open_[0])


def decide(policy: str, scenario: Scenario, state: GameState, rng: Rng) -> Decision:
    """The decision the policy takes in the current phase."""
    if state.phase == Phase.events:
        return _choice_for(policy, scenario, state, rng)
    plan = _policy_month(scenario, state)
    condemned = "excesses_condemned" in state.flags
    if state.phase == Phase.orders:
        if policy == "historical":
            return _orders(state, lambda v: plan.stance, press=plan.press, keep_seed=plan.keep_seed,
                           kulak_lists=plan.kulak_lists)
        if policy == "zealous":
            return _orders(state, lambda v: "pressure" if condemned else "force", press="maximum",
                           keep_seed=False, kulak_lists="beyond")
        if policy == "humane":
            hungry = any(v.hunger > 20 for v in state.villages)
            return _orders(state, lambda v: "hold" if v.resistance > 50 else "persuade", press="light",
                           keep_seed=True, kulak_lists="none",
                           request="food_aid" if hungry else "none")
        return _orders(state, lambda v: STANCES[rng.below(4)],
                       press=("light", "normal", "hard", "maximum")[rng.below(4)],
                       keep_seed=rng.chance(0.5),
                       kulak_lists=("none", "fewer", "as_ordered", "beyond")[rng.below(4)],
                       request=("none", "seed_loan", "food_aid", "tractors")[rng.below(4)])
    if state.phase == Phase.report:
        if policy == "historical":
            return Report(collectivization=plan.report)
        if policy == "zealous":
            return Report(collectivization="inflated", grain="inflated")
        if policy == "humane":
            return Report()
        kinds = ("honest", "inflated", "understated")
        return Report(collectivization=kinds[rng.below(3)], grain=kinds[rng.below(3)])
    raise ValueError("the game has ended: no decision to take")
