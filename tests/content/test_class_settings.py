"""The teacher's settings file: read with positions, locked in the game."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game.content.classroom import load_class_settings

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "class.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_settings_file_reads_back(tmp_path):
    settings, problems = load_class_settings(write(tmp_path, "level: famine\nseed: 1933\nreasons_required: true\n"))
    assert problems == [] and settings.level == "famine" and settings.seed == 1933 and settings.reasons_required


def test_a_broken_settings_file_names_line_field_and_the_word_meant(tmp_path):
    settings, problems = load_class_settings(write(tmp_path, "level: famine\nseed: -3\nintensty: full\n"))
    assert settings is None
    text = "\n".join(str(p) for p in problems)
    assert "class.yaml:2:7: error [invalid-value] seed:" in text
    assert "class.yaml:3:1: error [unknown-field] intensty:" in text and "Did you mean 'intensity'?" in text


def test_the_terminal_asks_again_until_a_required_reason_is_given(tmp_path):
    path = write(tmp_path, "level: great-break\nseed: 5\nreasons_required: true\n")
    answers = "1\n" * 18 + "\n\nthe plan must be met\n" + "1\nbecause\n" * 400
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "game", "text", "--class-settings", str(path),
                             "--save", str(tmp_path / "s.json")], input=answers, capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("your teacher asks for one") >= 3
    assert "The end:" in result.stdout


def test_settings_written_by_the_window_read_back_the_same(tmp_path):
    from game.content.classroom import ClassSettings, settings_text

    settings = ClassSettings(level="great-break", seed=1930, reasons_required=True, time_limit_minutes=30,
                             intensity="summarised", card_sets=["base.*", "base.church_bells"])
    back, problems = load_class_settings(write(tmp_path, settings_text(settings)))
    assert problems == [] and back == settings
