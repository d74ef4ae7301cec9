"""Reading and writing named quantities (see quantities.py) on a game state."""

from __future__ import annotations

from game.engine.params import PARAMS
from game.engine.quantities import DISTRICT, VILLAGE
from game.model.state import GameState, VillageState

_DISTRICT_ATTRS = ("standing", "cadres", "tractors", "grain_quota", "collectivization_target",
                   "kulak_quota", "reserve", "kulaks_removed")
_VILLAGE_ATTRS = ("resistance", "trust", "grain", "seed", "horses", "cattle", "pigs", "sheep",
                  "population", "deaths", "hunger", "households_deported", "households_fled",
                  "households_private", "households", "households_kolkhoz", "collectivized_share")
_VILLAGE_SUMS = {"population": "population", "deaths": "deaths", "deported": "deported_people",
                 "fled": "fled_people", "households": "households", "horses": "horses",
                 "cattle": "cattle", "pigs": "pigs", "sheep": "sheep", "grain": "grain",
                 "disturbances": "disturbances", "grain_delivered": "delivered"}
_VILLAGE_MEANS = ("resistance", "trust", "hunger")


def expected_harvest(v: VillageState) -> float:
    """The harvest (t) that the land now sown should bring in an average year."""
    return (v.sown_winter * PARAMS.winter_yield * (1 - PARAMS.winter_kill)
            + v.sown_spring * PARAMS.spring_yield)


def food_months(v: VillageState, ration_kg: float) -> float:
    need = v.population * ration_kg / 1000.0
    return v.grain / need if need > 0 else 99.0


def district_share(state: GameState) -> float:
    present = sum(v.households for v in state.villages)
    return sum(v.households_kolkhoz for v in state.villages) / present if present else 0.0


def read_district(state: GameState, key: str) -> float:
    if key in _DISTRICT_ATTRS:
        return float(getattr(state, key))
    if key in _VILLAGE_SUMS:
        attr = _VILLAGE_SUMS[key]
        return float(sum(getattr(v, attr) for v in state.villages))
    if key in _VILLAGE_MEANS:
        return sum(getattr(v, key) for v in state.villages) / len(state.villages)
    if key == "collectivized_share":
        return district_share(state)
    if key == "procurement_fulfilment":
        quota = state.grain_quota
        return sum(v.delivered for v in state.villages) / quota if quota > 0 else 1.0
    if key == "turn":
        return float(state.turn)
    if key == "month":
        return float(state.month % 12 + 1)
    raise KeyError(f"district.{key}")


def read_village(v: VillageState, key: str, ration_kg: float = 16.0) -> float:
    if key in _VILLAGE_ATTRS:
        return float(getattr(v, key))
    if key == "sown_area":
        return v.sown_winter + v.sown_spring
    if key == "expected_harvest":
        return expected_harvest(v)
    if key == "food_months":
        return food_months(v, ration_kg)
    raise KeyError(f"village.{key}")


def read(state: GameState, village: VillageState | None, name: str, ration_kg: float = 16.0) -> float:
    """The value of `district.X` or `village.X` (the card's village)."""
    scope, _, key = name.partition(".")
    if scope == "district":
        return read_district(state, key)
    if village is None:
        raise KeyError(f"{name} needs a village")
    return read_village(village, key, ration_kg)


def _clamp(name_key: str, registry: dict, value: float) -> float:
    q = registry[name_key]
    value = max(q.low, value)
    if q.high is not None:
        value = min(q.high, value)
    return value


def write(state: GameState, village: VillageState | None, name: str, op: str, amount: float) -> None:
    """Change a writable quantity: op is 'add', 'set' or 'multiply'. Values stay in bounds."""
    scope, _, key = name.partition(".")
    if scope == "district":
        targets, registry = [state], DISTRICT
    elif scope == "villages":
        targets, registry = list(state.villages), VILLAGE
    else:
        if village is None:
            raise KeyError(f"{name} needs a village")
        targets, registry = [village], VILLAGE
    if not registry[key].writable:
        raise KeyError(f"{name} is read-only")
    for target in targets:
        old = float(getattr(target, key))
        new = old + amount if op == "add" else amount if op == "set" else old * amount
        new = _clamp(key, registry, new)
        setattr(target, key, int(round(new)) if isinstance(getattr(target, key), int) else new)
