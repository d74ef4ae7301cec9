"""`explain` says check by check why a card may or may not be drawn, and agrees with the draw."""

from __future__ import annotations

import pytest

from game.content.loader import load
from game.engine.draw import certain, eligible
from game.engine.explain import explain
from game.engine.simulate import play_until


@pytest.fixture(scope="module")
def scenario():
    return load()[0].scenario("great-break")


@pytest.mark.parametrize("turn", [1, 4, 8])
def test_the_verdict_agrees_with_the_drawing_rules_for_every_card(scenario, turn):
    state = play_until(scenario, 7, "historical", turn)
    sure = {c.card.id for c in certain(state, scenario)}
    places = scenario.level.events_per_turn - len(sure)
    for cid in scenario.deck:
        compiled = scenario.compiled[cid]
        lines = explain(scenario, state, cid)
        if cid in sure and compiled.fixed is None:
            assert lines[-1] == "So it comes up this turn: it was queued by an earlier choice."
        elif compiled.fixed is None:
            drawable = eligible(compiled, state) and places > 0
            assert lines[-1].startswith("So it may be drawn") == drawable, lines


def test_an_unknown_card_is_said_plainly(scenario):
    state = play_until(scenario, 7, "historical", 1)
    assert explain(scenario, state, "base.nothing") == ["There is no card 'base.nothing'."]


def test_a_turn_filled_by_fixed_and_queued_cards_leaves_no_place_for_a_draw(scenario):
    state = play_until(scenario, 7, "historical", 4)
    drawable = next(cid for cid in scenario.deck if eligible(scenario.compiled[cid], state))
    others = [cid for cid in scenario.deck if cid != drawable and scenario.compiled[cid].fixed is None]
    others = others[:scenario.level.events_per_turn]
    state.queued = [(state.turn, cid) for cid in others]
    lines = explain(scenario, state, drawable)
    assert lines[-1].startswith("So it may NOT be drawn this turn: the ") and "fill all" in lines[-1]
    assert explain(scenario, state, others[0])[-1] == "So it comes up this turn: it was queued by an earlier choice."
