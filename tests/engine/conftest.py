"""Fixtures for engine tests: the great-break level with and without its cards."""

from __future__ import annotations

import pytest

from game.content.loader import load
from game.engine.scenario import Scenario
from game.engine.turn import new_game
from game.model.decision import Orders, VillageOrder


@pytest.fixture(scope="session")
def content():
    content, problems = load()
    errors = [str(d) for d in problems if d.severity == "error"]
    assert not errors, "\n".join(errors)
    return content


@pytest.fixture(scope="session")
def scenario(content) -> Scenario:
    return content.scenario("great-break")


@pytest.fixture(scope="session")
def bare(content) -> Scenario:
    """The great-break level with no cards: only the dynamics and the centre act."""
    return Scenario(level=content.levels["great-break"], cards={}, fingerprint="bare")


def uniform_orders(state, stance: str, cadres_each: int = 0, **levers) -> Orders:
    return Orders(villages={v.id: VillageOrder(stance=stance, cadres=cadres_each) for v in state.villages},
                  **levers)


@pytest.fixture
def fresh(bare):
    def make(seed: int = 1):
        return new_game(bare, seed)
    return make
