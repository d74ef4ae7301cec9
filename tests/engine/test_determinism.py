"""A seed and a decision log replay a game exactly."""

from __future__ import annotations

from game.engine.simulate import play, replay
from game.engine.turn import state_hash


def test_two_hundred_random_games_replay_to_identical_hashes(scenario):
    for seed in range(200):
        played = play(scenario, seed, "random")
        replayed, rng = replay(scenario, seed, played.decisions)
        assert state_hash(replayed) == state_hash(played.state), f"seed {seed}"
        assert rng.state == played.rng_state


def test_the_same_seed_gives_the_same_game_and_another_seed_another(scenario):
    a = state_hash(play(scenario, 11, "random").state)
    b = state_hash(play(scenario, 11, "random").state)
    c = state_hash(play(scenario, 12, "random").state)
    assert a == b != c


def test_a_step_never_changes_the_state_it_was_given(scenario):
    from game.engine.policies import decide
    from game.engine.rng import Rng
    from game.engine.turn import new_game, step
    state, rng = new_game(scenario, 4)
    policy_rng = Rng(9)
    for _ in range(12):
        before = state_hash(state)
        new_state, _ = step(scenario, state, decide("random", scenario, state, policy_rng), rng)
        assert state_hash(state) == before
        state = new_state
