"""Branch and compare: another choice at a past card decision, the later decisions kept where
they still fit (game/engine/branch.py)."""

from __future__ import annotations

from game.engine.branch import branch
from game.engine.simulate import play
from game.engine.turn import advance, available_choices, new_game, state_hash
from game.model.decision import CardChoice
from game.model.state import Phase


def first_card_with_another_choice(scenario, seed, decisions):
    """(index, decision, another open choice) of the first card decision where one was open."""
    state, rng = new_game(scenario, seed)
    for i, d in enumerate(decisions):
        if d.kind == "choice":
            others = [c for c in available_choices(scenario, state) if c != d.choice]
            if others:
                return i, d, others[0]
        advance(scenario, state, d, rng)
    raise AssertionError("no card decision had another open choice")


def test_another_choice_gives_a_game_that_ends_and_keeps_later_decisions(scenario):
    played = play(scenario, 3, "historical")
    at, decision, other = first_card_with_another_choice(scenario, 3, played.decisions)
    result = branch(scenario, 3, played.decisions, at, CardChoice(card=decision.card, choice=other))
    assert state_hash(result.original) == state_hash(played.state)
    assert result.branched.phase == Phase.ended
    assert result.kept > 0
    assert result.kept + result.replaced >= 1
    assert state_hash(result.branched) != state_hash(result.original)


def test_the_same_choice_as_played_gives_the_same_game(scenario):
    played = play(scenario, 5, "historical")
    at, decision, _ = first_card_with_another_choice(scenario, 5, played.decisions)
    result = branch(scenario, 5, played.decisions, at, CardChoice(card=decision.card, choice=decision.choice))
    assert state_hash(result.branched) == state_hash(result.original) == state_hash(played.state)
    assert result.replaced == 0 and result.kept == len(played.decisions) - at - 1
