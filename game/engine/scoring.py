"""The ledgers at the end of a game, kept side by side and never merged into one score."""

from __future__ import annotations

from game.engine.access import read_district
from game.engine.conditions import holds
from game.engine.params import PARAMS
from game.engine.scenario import Scenario
from game.model.level import Ending
from game.model.state import GameState


_SUMMED = ("population", "deaths", "horses", "cattle", "pigs", "sheep", "grain", "seed", "delivered",
           "hunger", "households_kolkhoz")


def snapshot(state: GameState) -> dict:
    """The district's stocks now: what a turn record shows 'at the start of the month'."""
    totals = dict.fromkeys(_SUMMED, 0.0)
    deported = fled = households = 0.0
    for v in state.villages:
        for key in _SUMMED:
            totals[key] += getattr(v, key)
        deported += v.deported_people
        fled += v.fled_people
        households += v.households
    return {
        "collectivized_share": round(totals["households_kolkhoz"] / households, 4) if households else 0.0,
        "standing": round(state.standing, 1),
        "population": round(totals["population"], 1),
        "deaths": round(totals["deaths"], 1),
        "deported": round(deported, 1),
        "fled": round(fled, 1),
        "households": round(households, 1),
        **{a: round(totals[a], 1) for a in ("horses", "cattle", "pigs", "sheep", "grain", "seed")},
        "grain_delivered": round(totals["delivered"], 1),
        "hunger": round(totals["hunger"] / len(state.villages), 1),
    }


def ledgers(state: GameState, scenario: Scenario, start: dict) -> dict:
    """The centre's ledger, the villages' ledger and (with the ending) the player's fate."""
    now = snapshot(state)
    quota = state.grain_quota * (1 + state.quota_raise)
    change = {a: (now[a] / start[a] - 1) if start[a] else 0.0 for a in ("horses", "cattle", "pigs", "sheep")}
    return {
        "centre": {
            "grain_delivered_t": round(now["grain_delivered"]),
            "grain_quota_t": round(quota),
            "quota_fulfilment": round(now["grain_delivered"] / quota, 3) if quota else None,
            "collectivized_share": now["collectivized_share"],
            "kulaks_removed_hh": round(state.kulaks_removed),
            "kulak_quota_hh": round(state.kulak_quota),
            "standing": now["standing"],
        },
        "villages": {
            "population": round(now["population"]),
            "deaths": round(now["deaths"]),
            "excess_deaths": round(max(0.0, now["deaths"] - _expected_deaths(state, scenario, start))),
            "deported_people": round(now["deported"]),
            "fled_people": round(now["fled"]),
            "livestock_change": {a: round(c, 3) for a, c in change.items()},
            "grain_left_t": round(now["grain"]),
            "seed_t": round(now["seed"]),
            "trust": round(read_district(state, "trust"), 1),
        },
    }


def _expected_deaths(state: GameState, scenario: Scenario, start: dict) -> float:
    """Deaths the district would have had anyway, at the ordinary death rate."""
    months = len(state.history)
    return start["population"] * PARAMS.base_death_rate * months


def choose_ending(state: GameState, scenario: Scenario) -> Ending:
    """The first ending of the level whose condition holds (the last one always does)."""
    for ending in scenario.level.endings:
        if holds(ending.when, state, None, scenario.level.ration):
            return ending
    return scenario.level.endings[-1]
