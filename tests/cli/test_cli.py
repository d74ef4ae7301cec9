"""The command line, run as a player or a content writer runs it: `python -m game ...`.

Bad arguments exit with status 2 and argparse's message; `validate` exits 0 on clean content,
1 on errors (printing `path:line:col: error [code] field: message`), 2 on a missing path.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DIAGNOSTIC = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning) "
                        r"\[(?P<code>[a-z0-9-]+)\] (?P<field>[\w.]+): (?P<message>.+)$", re.M)


def run(*args: str, cwd: Path = REPO, stdin: str | None = None,
        video: str = "dummy") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "SDL_VIDEODRIVER": video, "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=cwd, env=env, text=True,
                          input=stdin if stdin is not None else "", capture_output=True, timeout=120)


def assert_usage_error(result: subprocess.CompletedProcess, fragment: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert result.stderr.startswith("usage: python -m game")
    assert re.search(r"^python -m game( \w+)?: error: ", result.stderr, re.M), result.stderr
    assert fragment in result.stderr


# --------------------------------------------------------------------------- bad arguments


@pytest.mark.parametrize("args, fragment", [
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["simulate", "--policy", "nope"], "argument --policy: invalid choice: 'nope'"),
    (["simulate", "--seed", "abc"], "argument --seed: invalid int value: 'abc'"),
    (["simulate", "--runs", "0"], "--runs must be at least 1"),
    (["simulate", "--runs", "-3"], "--runs must be at least 1"),
    (["text", "--seed", "1.5"], "argument --seed: invalid int value: '1.5'"),
    (["schema"], "say where: --out DIR (JSON Schemas) or --reference FILE"),
    (["replay"], "the following arguments are required: save"),
    (["validate", "--frob"], "unrecognized arguments: --frob"),
    (["--frob"], "unrecognized arguments: --frob"),
])
def test_bad_command_line_arguments_exit_2_with_an_argparse_message(args, fragment):
    assert_usage_error(run(*args), fragment)


def test_version_prints_the_version_and_exits_0():
    from game import __version__
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"python -m game {__version__}"


def test_options_without_a_command_go_to_play():
    # `python -m game --seed 3` is `python -m game play --seed 3`; here the window cannot open.
    result = run("--seed", "3", video="no-such-driver")
    assert "The game window cannot open here" in result.stderr
    assert_usage_error(run("--seed", "x"), "argument --seed: invalid int value: 'x'")


def test_play_where_no_window_can_open_offers_the_text_mode_and_exits_1():
    result = run(video="no-such-driver")
    assert result.returncode == 1
    assert "python -m game text --level great-break" in result.stderr
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- validate


def test_validate_on_the_valid_fixtures_exits_0_and_counts_what_it_read(fixture_dir):
    result = run("validate", str(fixture_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == "2 files, 3 cards, 1 levels: 0 errors, 0 warnings"


def test_validate_of_single_files_works_like_a_folder(fixture_dir):
    result = run("validate", str(fixture_dir / "cards.yaml"), str(fixture_dir / "level.yaml"))
    assert result.returncode == 0, result.stdout
    assert "0 errors, 0 warnings\n" in result.stdout


def broken_copy(fixture_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(fixture_dir, folder)
    cards = folder / "cards.yaml"
    text = cards.read_text(encoding="utf-8")
    # Line 29 "    title: The church bells" -> an unknown field, and 'title' missing (line 28).
    cards.write_text(text.replace("    title: The church bells", "    titel: The church bells"), encoding="utf-8")
    return folder


def test_validate_on_a_broken_file_exits_1_and_prints_path_line_col(fixture_dir, tmp_path):
    broken_copy(fixture_dir, tmp_path)
    result = run("validate", "content", cwd=tmp_path)  # paths are shown relative to the cwd
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "content/cards.yaml:28:5: error [missing-field] cards.1.title: 'title' is required",
        "content/cards.yaml:29:5: error [unknown-field] cards.1.titel: unknown field 'titel'. "
        "Did you mean 'title'?",
        # test.bells is not loaded, so the deck has two cards and nothing queues a missing one.
        "2 files, 2 cards, 1 levels: 2 errors, 0 warnings",
    ]
    for line in lines[:-1]:
        assert DIAGNOSTIC.match(line), line


def test_validate_with_only_warnings_exits_0(fixture_dir, tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(fixture_dir, folder)
    cards = folder / "cards.yaml"
    text = cards.read_text(encoding="utf-8")
    # A condition on a flag that no card and no engine rule sets is a warning, not an error.
    cards.write_text(text.replace("    weight: 5\n", "    weight: 5\n    when: {kind: flag, flag: famine_declared}\n"),
                     encoding="utf-8")
    result = run("validate", str(folder))
    assert result.returncode == 0, result.stdout
    match = DIAGNOSTIC.search(result.stdout)
    assert match and match["severity"] == "warning" and match["code"] == "unknown-flag"
    assert (match["line"], match["col"]) == ("61", "30")
    assert "0 errors, 1 warnings\n" in result.stdout


def test_validate_json_prints_the_problems_as_a_list(fixture_dir, tmp_path):
    folder = broken_copy(fixture_dir, tmp_path)
    result = run("validate", "--json", str(folder))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert (report["files"], report["cards"], report["levels"]) == (2, 2, 1)
    assert isinstance(report["problems"], list) and len(report["problems"]) == 2
    first = report["problems"][0]
    assert set(first) == {"path", "line", "col", "severity", "code", "field", "message"}
    assert Path(first["path"]).resolve() == (folder / "cards.yaml").resolve()
    assert [(p["line"], p["col"], p["code"]) for p in report["problems"]] == [
        (28, 5, "missing-field"), (29, 5, "unknown-field")]


def test_validate_json_on_clean_content_has_an_empty_problems_list(fixture_dir):
    result = run("validate", "--json", str(fixture_dir))
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"files": 2, "cards": 3, "levels": 1, "packs": [],
                                         "problems": []}


def test_validate_of_a_missing_path_exits_2_and_names_it(tmp_path):
    missing = tmp_path / "no-such-folder"
    result = run("validate", str(missing))
    assert result.returncode == 2
    assert result.stdout == ""
    assert str(missing) in result.stderr


def test_validate_of_a_non_utf8_file_reports_it_and_exits_1(tmp_path):
    (tmp_path / "latin1.yaml").write_bytes("cards:\n  - id: test.x\n    title: Caf\xe9\n".encode("latin-1"))
    result = run("validate", str(tmp_path))
    assert result.returncode == 1
    match = DIAGNOSTIC.search(result.stdout) or re.search(
        r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): error \[(?P<code>[a-z0-9-]+)\]", result.stdout, re.M)
    assert match and (match["line"], match["col"], match["code"]) == ("3", "15", "not-utf8")


# --------------------------------------------------------------------------- saves on the command line


def test_replay_of_a_file_that_is_not_a_save_exits_1_with_the_reason(tmp_path):
    bad = tmp_path / "notes.json"
    bad.write_text("[1, 2, 3]", encoding="utf-8")
    result = run("replay", str(bad))
    assert result.returncode == 1
    assert result.stderr.startswith("Cannot replay: ")
    assert str(bad) in result.stderr and "not a save file" in result.stderr


def test_loading_a_cut_short_save_in_text_mode_exits_1_with_the_reason(tmp_path):
    bad = tmp_path / "half.json"
    bad.write_text('{"format": 1, "game_version": "0.1.0", "lev', encoding="utf-8")
    result = run("text", "--load", str(bad), "--save", str(tmp_path / "auto.json"))
    assert result.returncode == 1
    assert result.stderr.startswith("Cannot load: ")
    assert str(bad) in result.stderr and "cut short" in result.stderr


def test_validate_explain_says_check_by_check_why_a_card_does_not_come_up():
    result = run("validate", "--explain", "base.counter_plan_1931", "--level", "campaign", "--turn", "20")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "the month lies in the card's months (from 1931-10 to 1931-12): NO" in out
    assert "- from pack 'base', assets/cards/base/1930_1931.yaml:" in out     # the card's provenance
    assert "district.procurement_fulfilment >= 0.3 (now " in out
    assert out.rstrip().endswith("So it may NOT be drawn this turn.")
    wrong = run("validate", "--explain", "base.counter_plan", "--level", "campaign")
    assert wrong.returncode == 2 and "Did you mean 'base.counter_plan_1931'?" in wrong.stderr


def test_validate_ends_with_a_summary_of_the_content(fixture_dir):
    result = run("validate", str(fixture_dir))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[-3].startswith("Cards by year: 1930 ")
    assert lines[-2] == "Cards each level can show (in its deck and its months): test-level 3"
    assert lines[-1].startswith("Words on the cards: ") and lines[-1].endswith("works cited: 3")


def test_explain_past_the_levels_end_says_how_many_turns_it_has():
    result = run("validate", "--explain", "base.womens_riot", "--level", "tutorial", "--turn", "40")
    assert result.returncode == 2 and "ends at turn" in result.stderr and "choose --turn 1 to" in result.stderr
