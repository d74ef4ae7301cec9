"""A teacher's choice of cards: the deck narrows, and saves and results remember the choice."""

from __future__ import annotations

import pytest

from game import saves
from game.content.classroom import load_class_settings
from game.content.loader import load
from game.debrief.result import make_result, verify
from game.engine.simulate import play
from game.model.decision import CardChoice
from game.session import Session

CHOSEN = ("base.church_bells", "base.autumn_plans", "base.april_retreat")


@pytest.fixture(scope="module")
def content():
    content, _ = load()
    return content


def test_card_sets_narrow_the_deck_and_the_game_still_ends(content):
    whole = content.scenario("great-break")
    chosen = content.scenario("great-break", CHOSEN)
    assert set(chosen.deck) == set(CHOSEN) < set(whole.deck)
    played = play(chosen, 11, "historical")
    assert played.state.phase.name == "ended"
    drawn = {d.card for d in played.decisions if isinstance(d, CardChoice)}
    assert drawn <= set(CHOSEN) and drawn


def test_a_result_remembers_its_cards_and_verifies_only_with_them(content):
    scenario = content.scenario("great-break", CHOSEN)
    played = play(scenario, 11, "historical")
    result = make_result(Session.replayed(scenario, 11, played.decisions))
    assert result.card_sets == list(CHOSEN)
    assert verify(result, content.scenario("great-break", CHOSEN)).ok
    verdict = verify(result, content.scenario("great-break"))
    assert not verdict.ok and "played with the cards" in verdict.message


def test_a_save_resumes_only_with_the_same_cards(content, tmp_path):
    scenario = content.scenario("great-break", CHOSEN)
    session = Session.start(scenario, 4)
    path = tmp_path / "s.json"
    saves.write(path, session)
    save = saves.read(path)
    assert saves.resume(save, content.scenario("great-break", save.card_sets), path).state == session.state
    with pytest.raises(saves.SaveError, match="made with the cards"):
        saves.resume(save, content.scenario("great-break"), path)


def test_a_misspelt_card_in_the_settings_is_named_with_its_line(content, tmp_path):
    path = tmp_path / "class.yaml"
    path.write_text("level: great-break\nseed: 3\ncard_sets:\n  - base.church_bells\n  - base.church_bell\n",
                    encoding="utf-8")
    settings, problems = load_class_settings(path, content)
    assert settings is None
    text = "\n".join(map(str, problems))
    assert "class.yaml:5:" in text and "card_sets.1" in text and "Did you mean 'base.church_bells'?" in text


def test_an_unknown_level_in_the_settings_is_named(content, tmp_path):
    path = tmp_path / "class.yaml"
    path.write_text("level: great-brake\nseed: 3\n", encoding="utf-8")
    settings, problems = load_class_settings(path, content)
    assert settings is None and "Did you mean 'great-break'?" in str(problems[0])
