"""Moving households between groups. People move with them, so totals are conserved.

Every flow takes a share of the group it draws from and returns the households moved.
"""

from __future__ import annotations

from game.model.state import VillageState


def household_size(v: VillageState) -> float:
    present = v.households
    return v.population / present if present > 0 else 0.0


def join_forced(v: VillageState, share: float) -> float:
    moved = v.households_private * share
    v.households_private -= moved
    v.households_forced += moved
    return moved


def join_voluntary(v: VillageState, share: float) -> float:
    moved = v.households_private * share
    v.households_private -= moved
    v.households_voluntary += moved
    return moved


def leave(v: VillageState, share: float, voluntary_share: float = 0.0) -> float:
    forced = v.households_forced * share
    voluntary = v.households_voluntary * voluntary_share
    v.households_forced -= forced
    v.households_voluntary -= voluntary
    v.households_private += forced + voluntary
    return forced + voluntary


def _remove(v: VillageState, households: float) -> float:
    """Take households out of the village (private first); return the people who go with them."""
    size = household_size(v)
    from_private = min(households, v.households_private)
    v.households_private -= from_private
    rest = households - from_private
    if rest > 0:
        kolkhoz = v.households_kolkhoz
        if kolkhoz > 0:
            v.households_forced -= rest * v.households_forced / kolkhoz
            v.households_voluntary -= rest * v.households_voluntary / kolkhoz
    people = min(v.population, households * size)
    v.population -= people
    return people


def flee(v: VillageState, share: float) -> float:
    """Whole households leave the village: share of the households present."""
    moved = v.households * share
    people = _remove(v, moved)
    v.households_fled += moved
    v.fled_people += people
    return moved


def deport(v: VillageState, share: float) -> float:
    """Private households labelled 'kulak' are deported: share of the private households."""
    moved = v.households_private * share
    people = _remove(v, moved)
    v.households_deported += moved
    v.deported_people += people
    return moved
