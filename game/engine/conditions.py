"""Conditions (game/model/conditions.py) compiled once into plain predicates.

A predicate takes the state and the card's village (or None) and answers True or False. It is
built from the closed vocabulary by `compile_condition`; nothing from a file is executed.
"""

from __future__ import annotations

import operator
from typing import Callable

from game.engine.access import district_reader, village_reader
from game.model.common import month_index
from game.model.conditions import All, Any_, Compare, Condition, DateWindow, FlagIs, Not, Seen, TraitIs
from game.model.state import GameState, VillageState

Predicate = Callable[[GameState, VillageState | None], bool]

_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
        "==": operator.eq, "!=": operator.ne}


def always(state: GameState, village: VillageState | None) -> bool:
    return True


def compile_condition(cond: Condition | None, ration: float = 16.0) -> Predicate:
    """The predicate for a condition; None compiles to `always`."""
    if cond is None:
        return always
    if isinstance(cond, Compare):
        compare, value = _OPS[cond.op], cond.value
        scope, _, key = cond.quantity.partition(".")
        if scope == "district":
            get_d = district_reader(key)
            return lambda s, v: compare(get_d(s), value)
        get_v = village_reader(key, ration)
        if scope == "villages":
            return lambda s, v: any(compare(get_v(x), value) for x in s.villages)
        return lambda s, v: compare(get_v(v), value)
    if isinstance(cond, DateWindow):
        first = month_index(cond.from_) if cond.from_ else -1
        last = month_index(cond.to) if cond.to else 1 << 30
        return lambda s, v: first <= s.month <= last
    if isinstance(cond, FlagIs):
        flag, wanted = cond.flag, cond.is_
        return lambda s, v: (flag in s.flags) == wanted
    if isinstance(cond, TraitIs):
        trait, equals = cond.trait, cond.equals
        return lambda s, v: (v.traits.get(trait) == equals if v is not None
                             else any(x.traits.get(trait) == equals for x in s.villages))
    if isinstance(cond, Seen):
        card, low, high = cond.card, cond.at_least, cond.at_most
        return lambda s, v: low <= s.seen.get(card, 0) and (high is None or s.seen.get(card, 0) <= high)
    if isinstance(cond, All):
        parts = tuple(compile_condition(c, ration) for c in cond.of)
        return lambda s, v: all(p(s, v) for p in parts)
    if isinstance(cond, Any_):
        parts = tuple(compile_condition(c, ration) for c in cond.of)
        return lambda s, v: any(p(s, v) for p in parts)
    if isinstance(cond, Not):
        inner = compile_condition(cond.of, ration)
        return lambda s, v: not inner(s, v)
    raise TypeError(f"unknown condition {cond!r}")


def holds(cond: Condition | None, state: GameState, village: VillageState | None = None,
          ration: float = 16.0) -> bool:
    """Whether `cond` holds now (for one-off tests; cards use predicates compiled at load)."""
    return compile_condition(cond, ration)(state, village)
