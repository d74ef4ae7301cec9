"""A crash while saving leaves a save that reads: the old one or the new one, never half.

A child process rewrites a save in a loop (save_writer_child.py); the test kills it with
SIGKILL at random moments, 30+ times, and after every kill reads the save back. A write
killed half way may leave its hidden temporary file (`.game.json.XXXX.tmp`) behind: that is
expected (saves.write cannot clean up after SIGKILL), but at most one per kill.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game import saves
from game.engine.turn import state_hash

HERE = Path(__file__).resolve().parent
CHILD = HERE / "save_writer_child.py"
KILLS = 32

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")


def start_writer(path: Path, content_dir: Path, seed: int, repo_root: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(repo_root)}
    child = subprocess.Popen([sys.executable, str(CHILD), str(path), str(content_dir), "test-level", str(seed)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=repo_root)
    line = child.stdout.readline()  # the first save is written
    if line.strip() != "ready":
        child.kill()
        raise AssertionError(f"the writer did not start: {line!r} {child.stderr.read()}")
    return child


def temporary_files(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f".{name}.*.tmp"))


def test_a_save_killed_while_writing_still_reads(tmp_path, fixture_dir, fixture_scenario, repo_root):
    rnd = random.Random(20260315)
    path = tmp_path / "game.json"
    started = time.perf_counter()
    lengths, leftovers = set(), []
    for kill in range(KILLS):
        before = set(temporary_files(tmp_path, path.name))
        child = start_writer(path, fixture_dir, seed=1000 + kill, repo_root=repo_root)
        time.sleep(rnd.uniform(0.0, 0.030))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        child.stderr.close()
        assert child.returncode == -signal.SIGKILL

        save = saves.read(path)  # never half a save
        assert save.seed >= 1000 + kill  # this child's game (the first save was written)
        session = saves.resume(save, fixture_scenario, path)
        assert state_hash(session.state) == state_hash(save.snapshot)  # a whole, consistent save
        lengths.add(len(save.decisions))

        new = set(temporary_files(tmp_path, path.name)) - before
        assert len(new) <= 1, f"kill {kill}: {len(new)} temporary files left by one killed writer"
        leftovers += new
    elapsed = time.perf_counter() - started

    assert len(lengths) > 1, "the writer never got past its first save before the kill"
    for tmp in leftovers:  # a killed write's temporary file is never mistaken for the save
        assert tmp.name.startswith(f".{path.name}.") and tmp.suffix == ".tmp"
    print(f"\n{KILLS} kills in {elapsed:.1f} s; decision logs of {sorted(lengths)} decisions read back; "
          f"{len(leftovers)} temporary files left by killed writes")
