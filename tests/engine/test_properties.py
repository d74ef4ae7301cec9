"""Invariants that hold in every game: nothing negative, shares in [0, 1], people conserved."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.policies import decide
from game.engine.rng import Rng
from game.engine.turn import new_game, step
from game.model.state import Phase

STOCKS = ("households_private", "households_voluntary", "households_forced", "households_deported",
          "households_fled", "population", "deaths", "births", "deported_people", "fled_people",
          "grain", "seed", "horses", "cattle", "pigs", "sheep", "sown_winter", "sown_spring")


def check_invariants(state, start):
    assert 0 <= state.standing <= 100
    assert state.reserve >= 0 and state.kulaks_removed >= 0
    for v in state.villages:
        for name in STOCKS:
            assert getattr(v, name) >= -1e-6, f"{v.id}.{name} = {getattr(v, name)}"
        for name in ("resistance", "trust", "hunger"):
            assert 0 <= getattr(v, name) <= 100
        assert 0 <= v.collectivized_share <= 1
        households = (v.households_private + v.households_voluntary + v.households_forced
                      + v.households_deported + v.households_fled)
        assert abs(households - start[v.id][0]) < 1e-6 * start[v.id][0] + 1e-6
        people = v.population + v.deaths + v.deported_people + v.fled_people
        assert abs(people - (start[v.id][1] + v.births)) < 1e-6 * start[v.id][1] + 1e-6


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), policy=st.sampled_from(["random", "zealous", "humane", "historical"]))
def test_no_quantity_goes_negative_and_people_are_conserved(scenario, seed, policy):
    state, rng = new_game(scenario, seed)
    start = {v.id: (v.households, v.population) for v in state.villages}
    policy_rng = Rng(seed + 1)
    while state.phase != Phase.ended:
        state, _ = step(scenario, state, decide(policy, scenario, state, policy_rng), rng)
        check_invariants(state, start)
