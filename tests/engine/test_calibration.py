"""The historical policy reproduces the documented course of each level (its `targets`)."""

from __future__ import annotations

import pytest

from game.engine.simulate import play

SEEDS = range(1, 21)


def series(state, quantity):
    return {h["date"]: h[quantity] for h in state.history}


@pytest.mark.parametrize("seed", SEEDS)
def test_great_break_follows_the_record(scenario, seed):
    state = play(scenario, seed, "historical").state
    assert state.phase.value == "ended"
    shares = series(state, "collectivized_share")
    unrest = {h["date"]: h["flows"]["unrest"] for h in state.history}
    for target in scenario.level.targets:
        if target.quantity == "collectivized_share":
            value = shares[target.date]
            if target.low is not None:
                assert value >= target.low, f"{target.date}: {value:.2f} < {target.low} ({target.record})"
            if target.high is not None:
                assert value <= target.high, f"{target.date}: {value:.2f} > {target.high} ({target.record})"
        else:
            peak = max(unrest, key=unrest.get)
            assert peak == target.date, f"open unrest peaks in {peak}, the record says {target.date}"


def test_livestock_falls_under_the_historical_policy(scenario):
    state = play(scenario, 1, "historical").state
    start, end = state.initial, state.history[-1]
    for animal in ("horses", "cattle", "pigs", "sheep"):
        assert end[animal] < start[animal], animal
