"""The terminal front end plays a whole level from piped input."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from game import saves
from game.content.loader import load_scenario
from game.session import Session
from game.text.play import TextGame

ROOT = Path(__file__).resolve().parents[2]


def run_game(args: list[str], stdin: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def test_piped_answers_play_the_level_to_an_ending(tmp_path):
    save = tmp_path / "final.json"
    result = run_game(["text", "--level", "great-break", "--seed", "7", "--save", str(save)], "1\n" * 3000)
    assert result.returncode == 0, result.stderr
    assert "The end:" in result.stdout
    assert "The centre's ledger:" in result.stdout and "The villages' ledger:" in result.stdout
    assert "What historians know:" in result.stdout
    assert saves.read(save).snapshot.phase.value == "ended"


def test_the_same_seed_and_answers_give_the_same_transcript(tmp_path):
    answers = "2\n1\n3\n" * 1000
    a = run_game(["text", "--seed", "3", "--save", str(tmp_path / "a.json")], answers)
    b = run_game(["text", "--seed", "3", "--save", str(tmp_path / "b.json")], answers)
    assert a.stdout.replace("a.json", "X") == b.stdout.replace("b.json", "X")


def test_input_that_ends_early_saves_and_the_game_continues_from_the_save(tmp_path):
    save = tmp_path / "early.json"
    first = run_game(["text", "--seed", "5", "--save", str(save)], "1\n" * 40)
    assert first.returncode == 1
    assert "The input ended before the game did" in first.stdout
    decisions = len(saves.read(save).decisions)
    assert decisions > 0
    second = run_game(["text", "--load", str(save), "--save", str(save)], "1\n" * 3000)
    assert second.returncode == 0, second.stderr
    assert "The end:" in second.stdout
    assert len(saves.read(save).decisions) > decisions


def test_answers_that_are_not_a_listed_number_are_asked_again():
    scenario, _ = load_scenario("great-break")
    out = io.StringIO()
    game = TextGame(Session.start(scenario, 1), io.StringIO("x\n9\n\n2\n"), out)
    assert game.ask("Pick one:", ["a", "b"]) == 1
    assert out.getvalue().count("Please type a number from 1 to 2.") == 3


def test_a_broken_save_is_refused_with_a_reason_not_a_traceback(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1, "level": "great-br', encoding="utf-8")
    result = run_game(["text", "--load", str(broken)], "")
    assert result.returncode == 1
    assert "Cannot load" in result.stderr and "Traceback" not in result.stderr
