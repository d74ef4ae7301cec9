"""The child process of test_crash_while_saving.py: write saves as fast as it can until killed.

    python tests/saves/save_writer_child.py SAVE_PATH CONTENT_DIR LEVEL SEED

Writes one save of a new game, prints "ready", then plays on with the random policy and
rewrites the save after every decision (the decision log grows); when a game ends it starts
the next one (seed + 1). It never stops by itself: the test kills it with SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game import saves
from game.content.loader import load
from game.engine.policies import decide
from game.engine.rng import Rng
from game.session import Session


def main() -> None:
    path, content_dir, level, seed = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    content, _ = load([content_dir])
    scenario = content.scenario(level)
    session, policy_rng = Session.start(scenario, seed), Rng(seed)
    saves.write(path, session)
    print("ready", flush=True)
    while True:
        if session.ended:
            seed += 1
            session, policy_rng = Session.start(scenario, seed), Rng(seed)
        else:
            session.decide(decide("random", scenario, session.state, policy_rng))
        saves.write(path, session)


if __name__ == "__main__":
    main()
