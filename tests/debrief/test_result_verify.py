"""A result file replays exactly, or says where it parts from the game."""

from __future__ import annotations

import json

import pytest

from game.content.loader import load
from game.debrief.result import ResultError, make_result, read_result, verify
from game.engine.simulate import play
from game.session import Session


@pytest.fixture(scope="module")
def content():
    content, _ = load()
    return content


@pytest.fixture(scope="module")
def result(content):
    scenario = content.scenario("great-break")
    played = play(scenario, 7, "historical")
    return make_result(Session.replayed(scenario, 7, played.decisions))


def test_an_honest_result_verifies(content, result):
    verdict = verify(result, content.scenario("great-break"))
    assert verdict.ok, verdict.message
    assert "replay exactly" in verdict.message


def test_a_changed_decision_is_found_at_its_place(content, result):
    decisions = list(result.decisions)
    index = next(i for i, d in enumerate(decisions) if d.kind == "choice")
    changed = decisions[index].model_copy(update={"choice": (decisions[index].choice + 1) % 2})
    decisions[index] = changed
    tampered = result.model_copy(update={"decisions": decisions})
    verdict = verify(tampered, content.scenario("great-break"))
    assert not verdict.ok
    assert verdict.diverged_at == index
    assert f"decision {index + 1}" in verdict.message


def test_a_claimed_better_ending_does_not_verify(content, result):
    forged = result.model_copy(update={"outcome": result.outcome.model_copy(update={"ending": "promoted"})})
    verdict = verify(forged, content.scenario("great-break"))
    assert not verdict.ok and "claims 'promoted'" in verdict.message


def test_a_result_for_other_content_is_refused(content, result):
    other = result.model_copy(update={"content_fingerprint": "0" * 16})
    assert "other content" in verify(other, content.scenario("great-break")).message


def test_files_that_are_not_results_are_refused_with_a_reason(tmp_path, result):
    cases = {"garbage.json": "{not json", "save.json": json.dumps({"format": 1, "level": "x"}),
             "old.json": json.dumps({"kind": "the-great-break-result", "format": 99})}
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ResultError) as info:
            read_result(path)
        assert str(path) in str(info.value)
    good = tmp_path / "good.json"
    good.write_text(result.model_dump_json(), encoding="utf-8")
    assert read_result(good) == result
