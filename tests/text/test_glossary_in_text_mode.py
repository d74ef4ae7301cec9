"""At any question of the text mode, `g` or `?` opens the glossary; Enter returns to the question."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from game.content.glossary import load_glossary
from game.content.loader import load_scenario
from game.session import Session
from game.text.play import TextGame

ROOT = Path(__file__).resolve().parents[2]


def _third_term():
    glossary, problems = load_glossary()
    assert glossary is not None, problems
    return glossary.ordered()[2]


def _first_words(text: str, n: int = 8) -> str:
    return " ".join(text.split()[:n])


def test_piped_g_then_a_number_shows_a_definition_and_the_game_goes_on(tmp_path):
    term = _third_term()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "game", "text", "--level", "great-break", "--seed", "7",
         "--save", str(tmp_path / "game.json")],
        input="g\n3\n\n" + "1\n" * 3000, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Glossary: words of the period" in out
    assert f"  3) {term.term}" in out
    assert _first_words(term.definition) in out
    assert term.sources[0].citation() in out
    assert "The end:" in out  # the game went on to its ending


def test_the_question_is_asked_again_after_the_glossary():
    scenario, _ = load_scenario("great-break")
    term = _third_term()
    out = io.StringIO()
    game = TextGame(Session.start(scenario, 1), io.StringIO("?\n3\nkolkhozy\nno such word\n\n2\n"), out)
    assert game.ask("Pick one:", ["a", "b"]) == 1
    text = out.getvalue()
    assert text.count("Pick one:") == 2 and text.count("  2) b") == 2
    assert _first_words(term.definition) in text
    assert "A collective farm:" in text  # found by another spelling
    assert "No term 'no such word'" in text
    assert "Please type a number" not in text


def test_g_works_where_a_number_of_brigades_is_asked():
    scenario, _ = load_scenario("great-break")
    out = io.StringIO()
    game = TextGame(Session.start(scenario, 1), io.StringIO("G\n\n4\n"), out)
    assert game.ask_number("Brigades", 0, 5) == 4
    assert "Glossary: words of the period" in out.getvalue()


def test_the_end_of_input_inside_the_glossary_ends_the_game_loop_and_saves(tmp_path):
    scenario, _ = load_scenario("great-break")
    save = tmp_path / "early.json"
    out = io.StringIO()
    game = TextGame(Session.start(scenario, 1), io.StringIO("g\n3\n"), out, autosave=save)
    assert game.run() == 1
    assert "The input ended before the game did" in out.getvalue()
    assert save.exists()
