"""The historical policy of every level reproduces the documented course (its `targets`)."""

from __future__ import annotations

import pytest

from game.engine.calibration import check_all
from game.engine.simulate import play

SEEDS = range(1, 21)


def levels():
    from game.content.loader import load
    content, _ = load()
    return sorted(lid for lid, level in content.levels.items() if level.targets)


@pytest.mark.parametrize("level_id", levels())
def test_the_historical_run_follows_the_record(content, level_id):
    scenario = content.scenario(level_id)
    failures = []
    for seed in SEEDS:
        state = play(scenario, seed, "historical").state
        assert state.phase.value == "ended"
        failures += [f"seed {seed}: {r.describe()}" for r in check_all(state, scenario.level.targets) if not r.ok]
    assert not failures, "\n".join(failures[:10])


def test_livestock_falls_under_the_historical_policy(scenario):
    state = play(scenario, 1, "historical").state
    start, end = state.history[0], state.history[-1]
    for animal in ("horses", "cattle", "pigs", "sheep"):
        assert end[animal] < start[animal], animal
