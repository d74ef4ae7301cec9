"""Evaluating conditions (game/model/conditions.py) against a state. Nothing is executed."""

from __future__ import annotations

import operator

from game.engine.access import read, read_village
from game.model.common import month_index
from game.model.conditions import All, Any_, Compare, Condition, DateWindow, FlagIs, Not, Seen, TraitIs
from game.model.state import GameState, VillageState

_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
        "==": operator.eq, "!=": operator.ne}


def holds(cond: Condition | None, state: GameState, village: VillageState | None = None,
          ration: float = 16.0) -> bool:
    """Whether `cond` holds now; `village` is the card's village, if it has one."""
    if cond is None:
        return True
    if isinstance(cond, Compare):
        compare = _OPS[cond.op]
        if cond.quantity.startswith("villages."):
            key = cond.quantity.partition(".")[2]
            return any(compare(read_village(v, key, ration), cond.value) for v in state.villages)
        return compare(read(state, village, cond.quantity, ration), cond.value)
    if isinstance(cond, DateWindow):
        if cond.from_ is not None and state.month < month_index(cond.from_):
            return False
        return cond.to is None or state.month <= month_index(cond.to)
    if isinstance(cond, FlagIs):
        return (cond.flag in state.flags) == cond.is_
    if isinstance(cond, TraitIs):
        pool = [village] if village is not None else state.villages
        return any(v.traits.get(cond.trait) == cond.equals for v in pool)
    if isinstance(cond, Seen):
        times = state.seen.get(cond.card, 0)
        return times >= cond.at_least and (cond.at_most is None or times <= cond.at_most)
    if isinstance(cond, All):
        return all(holds(c, state, village, ration) for c in cond.of)
    if isinstance(cond, Any_):
        return any(holds(c, state, village, ration) for c in cond.of)
    if isinstance(cond, Not):
        return not holds(cond.of, state, village, ration)
    raise TypeError(f"unknown condition {cond!r}")
