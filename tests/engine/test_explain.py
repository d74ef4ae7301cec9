"""`explain` says check by check why a card may or may not be drawn, and agrees with the draw."""

from __future__ import annotations

import pytest

from game.content.loader import load
from game.engine.draw import eligible
from game.engine.explain import explain
from game.engine.simulate import play_until


@pytest.fixture(scope="module")
def scenario():
    return load()[0].scenario("great-break")


@pytest.mark.parametrize("turn", [1, 4, 8])
def test_the_verdict_agrees_with_the_drawing_rules_for_every_card(scenario, turn):
    state = play_until(scenario, 7, "historical", turn)
    for cid in scenario.deck:
        compiled = scenario.compiled[cid]
        lines = explain(scenario, state, cid)
        if compiled.fixed is None:
            assert lines[-1].startswith("So it may be drawn") == eligible(compiled, state), lines


def test_an_unknown_card_is_said_plainly(scenario):
    state = play_until(scenario, 7, "historical", 1)
    assert explain(scenario, state, "base.nothing") == ["There is no card 'base.nothing'."]
