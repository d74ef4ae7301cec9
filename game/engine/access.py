"""Reading and writing named quantities (see quantities.py) on a game state.

Readers are plain functions made once per name, so conditions compiled at load time read a
quantity without looking its name up again.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Callable

from game.engine.params import PARAMS
from game.engine.quantities import DISTRICT, VILLAGE
from game.model.state import GameState, VillageState

DistrictReader = Callable[[GameState], float]
VillageReader = Callable[[VillageState], float]

_DISTRICT_ATTRS = ("standing", "cadres", "tractors", "grain_quota", "collectivization_target",
                   "kulak_quota", "reserve", "kulaks_removed")
_VILLAGE_SUMS = {"population": "population", "deaths": "deaths", "deported": "deported_people",
                 "fled": "fled_people", "households": "households", "horses": "horses",
                 "cattle": "cattle", "pigs": "pigs", "sheep": "sheep", "grain": "grain",
                 "disturbances": "disturbances", "grain_delivered": "delivered"}
_VILLAGE_MEANS = ("resistance", "trust", "hunger")
_VILLAGE_ATTRS = ("resistance", "trust", "grain", "seed", "horses", "cattle", "pigs", "sheep",
                  "population", "deaths", "hunger", "households_deported", "households_fled",
                  "households_private", "households", "households_kolkhoz", "collectivized_share")


def expected_harvest(v: VillageState) -> float:
    """The harvest (t) that the land now sown should bring in an average year."""
    return (v.sown_winter * PARAMS.winter_yield * (1 - PARAMS.winter_kill)
            + v.sown_spring * PARAMS.spring_yield)


def food_months(v: VillageState, ration_kg: float) -> float:
    need = v.population * ration_kg / 1000.0
    return v.grain / need if need > 0 else 99.0


def district_share(state: GameState) -> float:
    present = kolkhoz = 0.0
    for v in state.villages:
        present += v.households
        kolkhoz += v.households_kolkhoz
    return kolkhoz / present if present else 0.0


def _fulfilment(state: GameState) -> float:
    quota = state.grain_quota
    return sum(v.delivered for v in state.villages) / quota if quota > 0 else 1.0


def district_reader(key: str) -> DistrictReader:
    """A function that reads `district.<key>` from a state."""
    if key in _DISTRICT_ATTRS:
        get = attrgetter(key)
        return lambda s: float(get(s))
    if key in _VILLAGE_SUMS:
        get = attrgetter(_VILLAGE_SUMS[key])
        return lambda s: float(sum(get(v) for v in s.villages))
    if key in _VILLAGE_MEANS:
        get = attrgetter(key)
        return lambda s: sum(get(v) for v in s.villages) / len(s.villages)
    special: dict[str, DistrictReader] = {
        "collectivized_share": district_share,
        "procurement_fulfilment": _fulfilment,
        "turn": lambda s: float(s.turn),
        "month": lambda s: float(s.month % 12 + 1),
    }
    if key in special:
        return special[key]
    raise KeyError(f"district.{key}")


def village_reader(key: str, ration_kg: float = 16.0) -> VillageReader:
    """A function that reads `village.<key>` from a village."""
    if key in _VILLAGE_ATTRS:
        get = attrgetter(key)
        return lambda v: float(get(v))
    special: dict[str, VillageReader] = {
        "sown_area": lambda v: v.sown_winter + v.sown_spring,
        "expected_harvest": expected_harvest,
        "food_months": lambda v: food_months(v, ration_kg),
    }
    if key in special:
        return special[key]
    raise KeyError(f"village.{key}")


def read_district(state: GameState, key: str) -> float:
    return district_reader(key)(state)


def read_village(v: VillageState, key: str, ration_kg: float = 16.0) -> float:
    return village_reader(key, ration_kg)(v)


def read(state: GameState, village: VillageState | None, name: str, ration_kg: float = 16.0) -> float:
    """The value of `district.X` or `village.X` (the card's village)."""
    scope, _, key = name.partition(".")
    if scope == "district":
        return read_district(state, key)
    if village is None:
        raise KeyError(f"{name} needs a village")
    return read_village(village, key, ration_kg)


def write(state: GameState, village: VillageState | None, name: str, op: str, amount: float) -> None:
    """Change a writable quantity: op is 'add', 'set' or 'multiply'. Values stay in bounds."""
    scope, _, key = name.partition(".")
    if scope == "district":
        targets, registry = (state,), DISTRICT
    elif scope == "villages":
        targets, registry = state.villages, VILLAGE
    else:
        if village is None:
            raise KeyError(f"{name} needs a village")
        targets, registry = (village,), VILLAGE
    q = registry[key]
    if not q.writable:
        raise KeyError(f"{name} is read-only")
    for target in targets:
        old = getattr(target, key)
        new = old + amount if op == "add" else amount if op == "set" else old * amount
        if new < q.low:
            new = q.low
        elif q.high is not None and new > q.high:
            new = q.high
        setattr(target, key, int(round(new)) if isinstance(old, int) else float(new))
