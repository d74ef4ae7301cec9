"""The class summary: a folder of handed-in result files, checked one by one and summed up.

The folder holds five honest games of the great-break level with seed 11 (different policies),
one of them with a reason typed for a card, and six files that must not count: a tampered copy,
a duplicate, a game with another seed, a tutorial game, a JSON file that is no result and a
text file. The summary counts the five, says why each other file was set aside, quotes the
reason without the file's name, and its page escapes everything a student or a mod wrote.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from game.content.loader import load
from game.debrief.classroom import render_html, summarize, to_json
from game.debrief.result import make_result
from game.engine.policies import decide
from game.engine.rng import Rng
from game.engine.scenario import Scenario
from game.engine.simulate import play
from game.engine.turn import advance, new_game
from game.model.decision import CardChoice, Decision
from game.model.state import Phase
from game.session import Session

REPO = Path(__file__).resolve().parents[2]
SEED = 11
REASON = "The quota would starve the village before spring."
HOSTILE = '</blockquote><script>alert("x")</script><img src=x onerror=alert(1)> & more'
REASON_FILE = "vera-reason.json"


def play_with_policy_seed(scenario: Scenario, seed: int, policy: str, policy_seed: int) -> list[Decision]:
    """A game with the game seed `seed`, but its own generator for the policy: different games
    with the same seed (simulate.play derives the policy's generator from the game seed)."""
    state, rng = new_game(scenario, seed)
    policy_rng = Rng(policy_seed)
    decisions: list[Decision] = []
    while state.phase != Phase.ended:
        decision = decide(policy, scenario, state, policy_rng)
        decisions.append(decision)
        advance(scenario, state, decision, rng)
    return decisions


def with_reason(decisions: list[Decision], reason: str, nth: int = 0) -> tuple[list[Decision], CardChoice]:
    """The decisions with `reason` given for the nth card choice."""
    out, given, seen = list(decisions), None, 0
    for i, d in enumerate(out):
        if isinstance(d, CardChoice):
            if seen == nth:
                out[i] = given = d.model_copy(update={"reason": reason})
                break
            seen += 1
    assert given is not None
    return out, given


def write_result(path: Path, scenario: Scenario, seed: int, decisions: list[Decision]) -> Session:
    session = Session.replayed(scenario, seed, decisions)
    assert session.ended
    path.write_text(make_result(session).model_dump_json(indent=1), encoding="utf-8")
    return session


@pytest.fixture(scope="module")
def content():
    content, _ = load()
    return content


@pytest.fixture(scope="module")
def scenario(content):
    return content.scenario("great-break")


@pytest.fixture(scope="module")
def folder(tmp_path_factory, content, scenario):
    """The class folder, and what was put in it."""
    root = tmp_path_factory.mktemp("class")
    games = {
        "anna.json": play(scenario, SEED, "historical").decisions,
        "boris.json": play(scenario, SEED, "humane").decisions,
        "dmitri.json": play(scenario, SEED, "zealous").decisions,
        "galina.json": play_with_policy_seed(scenario, SEED, "random", 1),
        REASON_FILE: play_with_policy_seed(scenario, SEED, "random", 2),
    }
    games[REASON_FILE], given = with_reason(games[REASON_FILE], REASON)
    assert len({json.dumps([d.model_dump() for d in ds]) for ds in games.values()}) == 5, "five different games"
    endings = Counter()
    for name, decisions in games.items():
        session = write_result(root / name, scenario, SEED, decisions)
        endings[session.state.ending] += 1

    # Tampered: one card choice changed, the hashes kept.
    tampered = json.loads((root / "anna.json").read_text())
    index = next(i for i, d in enumerate(tampered["decisions"]) if d["kind"] == "choice")
    tampered["decisions"][index]["choice"] = (tampered["decisions"][index]["choice"] + 1) % 2
    (root / "kirill-tampered.json").write_text(json.dumps(tampered), encoding="utf-8")
    # A copy of an honest file.
    shutil.copy(root / "boris.json", root / "olga-copy.json")
    # Another seed; another level.
    write_result(root / "pavel-seed12.json", scenario, 12, play(scenario, 12, "historical").decisions)
    tutorial = content.scenario("tutorial")
    write_result(root / "sonya-tutorial.json", tutorial, SEED, play(tutorial, SEED, "historical").decisions)
    # Not results at all.
    (root / "notes.json").write_text(json.dumps({"student": "yuri", "answers": [1, 2, 3]}), encoding="utf-8")
    (root / "readme.txt").write_text("I could not finish the game, sorry!\n", encoding="utf-8")
    # A sub-folder is not read (the folder is read non-recursively).
    (root / "old").mkdir()
    shutil.copy(root / "pavel-seed12.json", root / "old" / "pavel.json")
    return {"root": root, "endings": endings, "given": given, "games": games}


@pytest.fixture(scope="module")
def summary(folder, content):
    return summarize([folder["root"]], content)


def test_the_class_is_the_five_honest_games(summary):
    assert (summary.level, summary.seed) == ("great-break", SEED)
    assert summary.level_title
    assert summary.files == 11
    assert summary.students == 5 and summary.finished == 5
    assert len(summary.rejected) == 6


def test_each_set_aside_file_has_its_reason(summary):
    why = {r.file: r.reason for r in summary.rejected}
    assert set(why) == {"kirill-tampered.json", "olga-copy.json", "pavel-seed12.json", "sonya-tutorial.json",
                        "notes.json", "readme.txt"}
    assert why["kirill-tampered.json"].startswith("does not verify: ")
    assert "decision" in why["kirill-tampered.json"]
    assert why["olga-copy.json"] == "a duplicate of boris.json"
    assert why["pavel-seed12.json"].startswith("for another level or seed (")
    assert "seed 12" in why["pavel-seed12.json"]
    assert why["sonya-tutorial.json"].startswith("for another level or seed (")
    assert "'tutorial'" in why["sonya-tutorial.json"]
    assert why["notes.json"] == "not a result file of The Great Break"
    assert why["readme.txt"].startswith("not a result file: it is not valid JSON")
    # The reasons do not repeat the folder's path.
    assert not any(str(r.reason).startswith("/") for r in summary.rejected)


def test_the_endings_spread_is_the_games_endings(summary, folder, scenario):
    counts = {e.id: e.count for e in summary.endings}
    fates = ["promoted", "kept", "reprimanded", "removed", "arrested"]
    assert sorted(e.id for e in summary.endings) == sorted(e.id for e in scenario.level.endings)  # every ending
    assert [e.fate for e in summary.endings] == sorted((e.fate for e in summary.endings), key=fates.index)
    assert counts == {e.id: folder["endings"][e.id] for e in scenario.level.endings}
    assert sum(counts.values()) == 5


def test_each_ledger_number_is_spread_over_the_games(summary):
    keys = {s.key: s for s in summary.ledgers}
    for key in ("centre.grain_delivered_t", "centre.collectivized_share", "centre.standing", "villages.deaths",
                "villages.excess_deaths", "villages.deported_people", "villages.fled_people",
                "villages.livestock_change.horses", "villages.livestock_change.cattle"):
        s = keys[key]
        assert s.games == 5
        assert s.min <= s.median <= s.max


def test_each_card_choice_count_adds_up_to_the_students_who_met_it(summary, folder, scenario):
    assert summary.cards
    met = Counter()
    for decisions in folder["games"].values():
        met.update({d.card for d in decisions if isinstance(d, CardChoice)})
    for card in summary.cards:
        assert card.students == met[card.id]
        assert [c.label for c in card.choices] == [c.label.replace("{village}", "the village")
                                                  for c in scenario.cards[card.id].choices]
        if card.times == card.students:  # met once in each game: one choice per student
            assert sum(c.students for c in card.choices) == card.students
        else:
            assert card.students <= sum(c.students for c in card.choices) <= card.times
    # The card every game meets first (a fixed-date directive) was met by the whole class.
    assert summary.cards[0].students == 5


def test_the_class_against_the_record(summary, scenario):
    assert len(summary.record) == len(scenario.level.targets)
    for t in summary.record:
        assert t.games == 5 and 0 <= t.inside <= 5


def test_the_reason_is_quoted_without_the_file(summary, folder, scenario):
    given = folder["given"]
    assert [(q.card_id, q.reason) for q in summary.reasons] == [(given.card, REASON)]
    quoted = summary.reasons[0]
    assert quoted.choice == scenario.cards[given.card].choices[given.choice].label.replace("{village}", "the village")
    data = json.dumps(to_json(summary))
    assert REASON in data
    assert REASON_FILE not in data and "vera" not in data
    page = render_html(summary)
    assert REASON in page and "vera" not in page


def test_the_json_summary(summary):
    data = to_json(summary)
    assert json.loads(json.dumps(data)) == data
    assert data["kind"] == "the-great-break-class-summary"
    assert data["students"] == 5
    assert {r["file"] for r in data["rejected"]} >= {"readme.txt", "olga-copy.json"}


def test_reasons_are_in_an_order_the_files_do_not_give(folder, content, scenario, tmp_path):
    """Three students, three reasons: the quoted order is the same whatever the files are called."""
    orders = []
    for names in (("a", "b", "c"), ("z", "y", "x")):
        root = tmp_path / "".join(names)
        root.mkdir()
        for i, (name, words) in enumerate(zip(names, ("first words", "second words", "third words"))):
            decisions = play_with_policy_seed(scenario, SEED, "random", 100 + i)
            decisions, _ = with_reason(decisions, words)
            write_result(root / f"{name}.json", scenario, SEED, decisions)
        orders.append([q.reason for q in summarize([root], content).reasons])
    assert orders[0] == orders[1]
    assert sorted(orders[0]) == ["first words", "second words", "third words"]


def test_the_page_escapes_what_students_and_mods_write(folder, content, scenario, tmp_path):
    decisions, _ = with_reason(folder["games"]["dmitri.json"], HOSTILE)
    write_result(tmp_path / "hostile.json", scenario, SEED, decisions)
    shutil.copy(folder["root"] / "anna.json", tmp_path / "anna.json")
    (tmp_path / '<b>evil<i>.txt').write_text("<script>", encoding="utf-8")
    summary = summarize([tmp_path], content)
    assert summary.students == 2
    assert [q.reason for q in summary.reasons] == [HOSTILE]
    page = render_html(summary)
    assert "<script" not in page.lower()
    assert "<img" not in page and "<b>evil" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;evil&lt;i&gt;.txt" in page
    # No network: nothing is fetched from anywhere.
    assert not re.search(r"<[^>]*\s(src|href)\s*=", page)   # the <img src=x> of the reason is only text
    assert "http://" not in page and "https://" not in page and "@import" not in page


def test_the_page_shows_every_section(summary):
    page = render_html(summary)
    assert page.startswith("<!DOCTYPE html>")
    for heading in ("How the games ended", "The ledgers", "historical record", "what the class chose",
                    "Reasons the class gave", "Files set aside"):
        assert heading in page
    assert summary.cards[0].title.replace("'", "&#x27;") in page
    assert "a duplicate of boris.json" in page


def test_a_folder_where_nothing_verifies_gives_an_empty_summary(tmp_path, content):
    (tmp_path / "a.txt").write_text("hello", encoding="utf-8")
    summary = summarize([tmp_path], content)
    assert summary.students == 0 and summary.level is None
    assert [r.file for r in summary.rejected] == ["a.txt"]
    assert "Files set aside" in render_html(summary)


# --------------------------------------------------------------------------- the command line


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=REPO, env=env, text=True,
                          capture_output=True, timeout=300)


def test_the_class_command_writes_the_page_and_says_what_it_set_aside(folder, tmp_path):
    out = tmp_path / "class.html"
    result = run("class", str(folder["root"]), "--html", str(out))
    assert result.returncode == 0, result.stderr
    assert out.exists()
    page = out.read_text(encoding="utf-8")
    assert "How the games ended" in page and REASON in page
    assert "11 files: 5 counted, 6 set aside" in result.stderr
    assert "olga-copy.json: a duplicate of boris.json" in result.stderr
    assert "readme.txt: not a result file" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_class_command_prints_json(folder):
    result = run("class", str(folder["root"]), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["students"] == 5 and data["seed"] == SEED and len(data["rejected"]) == 6


def test_the_class_command_exits_1_when_nothing_verifies(tmp_path):
    (tmp_path / "readme.txt").write_text("no results here", encoding="utf-8")
    result = run("class", str(tmp_path), "--html", str(tmp_path / "class.html"))
    assert result.returncode == 1
    assert "readme.txt" in result.stderr and "No result file verifies" in result.stderr
    assert not (tmp_path / "class.html").exists()


def test_the_class_command_needs_an_existing_folder(tmp_path):
    result = run("class", str(tmp_path / "missing"), "--html", str(tmp_path / "class.html"))
    assert result.returncode == 2
    assert result.stderr.startswith("usage: python -m game")
    assert "no such folder" in result.stderr
