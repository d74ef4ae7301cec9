"""Benchmarks: figures, not pass/fail. Run from the repository root:

    python bench/run.py [--seconds 5] [--profile]

(a) simulated turns per second on one core, great-break with the random and historical
    policies (game.engine.simulate.play, which advances one state in place), and the same
    through Session.decide (engine.turn.step, which copies the state per decision, as the
    front ends do);
(b) load time of the base content (game.content.loader.load());
(c) load time of 1,000 generated cards (10 files of 100) and a level;
(d) peak memory: ru_maxrss of the process after (a)-(c), tracemalloc peak of one full game.

Prints a table and writes bench/results/latest.json (bench/results/ is git-ignored). When
the simulator runs below 10,000 turns/s it also prints the top hotspots under cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.content.diagnostics import has_errors  # noqa: E402
from game.content.loader import load, load_scenario  # noqa: E402
from game.engine.policies import decide  # noqa: E402
from game.engine.rng import Rng  # noqa: E402
from game.engine.simulate import play  # noqa: E402
from game.session import Session  # noqa: E402

LEVEL = "great-break"
TARGET_TURNS_PER_SECOND = 10_000


def one_core() -> str:
    """Pin the process to one CPU, where the OS allows it."""
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    except (AttributeError, OSError):
        return "not pinned (no sched_setaffinity)"


def scenario_or_fixture():
    scenario, problems = load_scenario(LEVEL)
    if scenario is not None:
        return scenario, LEVEL
    print(f"warning: {LEVEL} does not load ({len(problems)} problems); using the test fixtures",
          file=sys.stderr)
    content, _ = load([ROOT / "tests" / "content" / "fixtures" / "valid"])
    return content.scenario("test-level"), "test-level (fixture)"


# --------------------------------------------------------------------------- (a) turns per second


def turns_per_second(scenario, policy: str, seconds: float) -> dict:
    games = turns = decisions = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        result = play(scenario, 10_000 + games, policy)
        games += 1
        turns += len(result.state.history)
        decisions += len(result.decisions)
    wall = time.perf_counter() - start
    return {"policy": policy, "games": games, "turns": turns, "decisions": decisions,
            "seconds": round(wall, 3), "turns_per_s": round(turns / wall, 1),
            "games_per_s": round(games / wall, 2)}


def turns_per_second_with_copies(scenario, policy: str, seconds: float) -> dict:
    """The same games through Session.decide: engine.turn.step copies the state each time."""
    games = turns = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        seed = 10_000 + games
        session, rng = Session.start(scenario, seed), Rng(seed ^ 0x5EED)
        while not session.ended:
            session.decide(decide(policy, scenario, session.state, rng))
        games += 1
        turns += len(session.state.history)
    wall = time.perf_counter() - start
    return {"policy": policy, "games": games, "turns": turns, "seconds": round(wall, 3),
            "turns_per_s": round(turns / wall, 1)}


# --------------------------------------------------------------------------- (b), (c) load times


def time_load(roots, runs: int) -> dict:
    times, cards, problems = [], 0, []
    for _ in range(runs):
        start = time.perf_counter()
        content, problems = load(roots)
        times.append(time.perf_counter() - start)
        cards = len(content.cards)
    return {"runs": runs, "cards": cards, "errors": sum(p.severity == "error" for p in problems),
            "mean_ms": round(statistics.mean(times) * 1000, 1), "min_ms": round(min(times) * 1000, 1),
            "max_ms": round(max(times) * 1000, 1)}


CARD = """\
  - id: gen.c{n:04d}
    title: Generated card {n}
    kind: {kind}
    weight: {weight}
    from: "1929-10"
    to: "1930-06"
    when: {{kind: compare, quantity: district.standing, op: ">", value: {threshold}}}
{village}    text: A generated card for the load benchmark, number {n}, with a text of some length.
    choices:
      - label: Press on with the campaign.
        outcome: The brigade reports success.
        effects:
          - {{kind: add, quantity: district.standing, value: 2}}
          - {{kind: {target_kind}, quantity: {target}, value: {delta}}}
        policies: [historical]
      - label: Hold back this month.
        outcome: The okrug notices.
        effects:
          - {{kind: add, quantity: district.standing, value: -2}}
          - {{kind: chance, outcomes: [{{weight: 1, effects: [{{kind: flag, flag: gen_flag_{flag}}}]}}, {{weight: 2, text: Nothing happens.}}]}}
      - label: Send it up the line.
        outcome: An answer comes after weeks.
        when: {{kind: flag, flag: gen_flag_{flag}, is: false}}
        effects:
          - {{kind: queue, card: gen.c{follow:04d}, after: 1}}
    history:
      note: Generated for the benchmark; the source below is real and cited only as a shape.
      sources:
        - author: R. W. Davies
          title: "The Socialist Offensive: The Collectivisation of Soviet Agriculture, 1929-1930"
          publication: Macmillan
          year: 1980
          kind: scholarship
"""


def generate_cards(folder: Path, files: int = 10, per_file: int = 100) -> int:
    """Write `files` card files of `per_file` valid cards each, and a level drawing them all."""
    total = files * per_file
    for f in range(files):
        parts = ["cards:\n"]
        for i in range(per_file):
            n = f * per_file + i
            village_card = n % 3 == 0
            parts.append(CARD.format(
                n=n, kind=("directive", "testimony", "situation", "news")[n % 4], weight=1 + n % 10,
                threshold=n % 30,
                village="    village: {kind: trait, trait: religious, equals: true}\n" if village_card else "",
                target_kind="add", target="village.resistance" if village_card else "villages.trust",
                delta=(n % 7) - 3, flag=n % 20, follow=(n + 1) % total))
        (folder / f"gen_{f:02d}.yaml").write_text("".join(parts), encoding="utf-8")
    level = (ROOT / "tests" / "content" / "fixtures" / "valid" / "level.yaml").read_text(encoding="utf-8")
    (folder / "level.yaml").write_text(level.replace('deck: ["test.*"]', 'deck: ["gen.*"]'), encoding="utf-8")
    return total


# --------------------------------------------------------------------------- (d) memory


def max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux


def one_game_peak(scenario, policy: str) -> dict:
    tracemalloc.start()
    tracemalloc.reset_peak()
    result = play(scenario, 4242, policy)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"policy": policy, "turns": len(result.state.history), "peak_mb": round(peak / 2**20, 2),
            "retained_mb": round(current / 2**20, 2)}


# --------------------------------------------------------------------------- profile


def _profiled(scenario, games: int) -> pstats.Stats:
    """The profile of `games` games, half random and half historical."""
    profile = cProfile.Profile()
    profile.enable()
    for i in range(games):
        play(scenario, 20_000 + i, "random" if i % 2 else "historical")
    profile.disable()
    return pstats.Stats(profile, stream=io.StringIO())


def hotspots(scenario, games: int = 60, top: int = 15) -> list[dict]:
    stats = _profiled(scenario, games)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (file, line, name), (cc, nc, tt, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": f"{Path(file).name}:{line}({name})", "calls": nc,
                     "tottime_s": round(tt, 4), "cumtime_s": round(ct, 4),
                     "share_of_total": round(tt / total, 3) if total else 0.0})
    rows.sort(key=lambda r: r["tottime_s"], reverse=True)
    return rows[:top]


def cumulative(scenario, games: int = 60, top: int = 15) -> list[dict]:
    """Engine functions by cumulative time: where the time goes, calls included."""
    stats = _profiled(scenario, games)
    rows = []
    for (file, line, name), (cc, nc, tt, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
        if f"{os.sep}game{os.sep}" in file:
            rows.append({"function": f"{Path(file).parent.name}/{Path(file).name}:{line}({name})",
                         "calls": nc, "cumtime_s": round(ct, 4)})
    rows.sort(key=lambda r: r["cumtime_s"], reverse=True)
    return rows[:top]


# --------------------------------------------------------------------------- main


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                             text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=5.0, help="wall time per turns/s figure (default 5)")
    ap.add_argument("--load-runs", type=int, default=3, help="runs averaged per load time (default 3)")
    ap.add_argument("--profile", action="store_true", help="print the hotspots even above 10,000 turns/s")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = ap.parse_args(argv)

    pinned = one_core()
    scenario, level_name = scenario_or_fixture()
    results: dict = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "commit": git_commit(), "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, {pinned}",
        "level": level_name,
    }

    play(scenario, 1, "historical")  # warm caches (imports, lru caches) before timing
    results["simulate"] = [turns_per_second(scenario, p, args.seconds) for p in ("random", "historical")]
    results["session_with_copies"] = [turns_per_second_with_copies(scenario, p, args.seconds / 2)
                                      for p in ("random", "historical")]

    results["load_base"] = time_load(None, args.load_runs)
    with tempfile.TemporaryDirectory(prefix="bench-cards-") as tmp:
        folder = Path(tmp)
        generated = generate_cards(folder)
        _, problems = load([folder])
        if has_errors(problems):
            raise SystemExit("the generated cards do not validate:\n" + "\n".join(map(str, problems[:5])))
        results["load_generated"] = {**time_load([folder], args.load_runs), "generated": generated,
                                     "files": len(list(folder.glob("*.yaml")))}

    results["max_rss_mb"] = round(max_rss_mb(), 1)
    results["one_game_tracemalloc"] = [one_game_peak(scenario, p) for p in ("random", "historical")]

    slowest = min(r["turns_per_s"] for r in results["simulate"])
    if slowest < TARGET_TURNS_PER_SECOND or args.profile:
        results["hotspots_tottime"] = hotspots(scenario)
        results["hotspots_cumulative"] = cumulative(scenario)

    report(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


def report(r: dict) -> None:
    print(f"The Great Break benchmarks  {r['date']}  commit {r['commit']}  Python {r['python']}")
    print(f"{r['machine']}; level {r['level']}\n")
    print(f"{'figure':<50} {'value':>14}")
    print("-" * 65)
    for s in r["simulate"]:
        print(f"{'(a) simulate.play, ' + s['policy'] + ' policy':<50} {s['turns_per_s']:>10,.0f} t/s"
              f"   ({s['games']} games, {s['turns']} turns, {s['seconds']} s)")
    for s in r["session_with_copies"]:
        print(f"{'(a) Session.decide (state copied), ' + s['policy']:<50} {s['turns_per_s']:>10,.0f} t/s"
              f"   ({s['games']} games)")
    b = r["load_base"]
    print(f"{'(b) load base content (' + str(b['cards']) + ' cards)':<50} {b['mean_ms']:>11.1f} ms"
          f"   (min {b['min_ms']}, max {b['max_ms']}, {b['runs']} runs, {b['errors']} errors)")
    g = r["load_generated"]
    print(f"{'(c) load ' + str(g['cards']) + ' generated cards + a level':<50} {g['mean_ms']:>11.1f} ms"
          f"   (min {g['min_ms']}, {g['files']} files, {g['mean_ms'] / max(1, g['cards']) * 1000:.0f} us/card)")
    print(f"{'(d) peak RSS (ru_maxrss) after (a)-(c)':<50} {r['max_rss_mb']:>11.1f} MB")
    for m in r["one_game_tracemalloc"]:
        print(f"{'(d) tracemalloc peak, one game, ' + m['policy']:<50} {m['peak_mb']:>11.2f} MB"
              f"   ({m['turns']} turns; {m['retained_mb']} MB held by the final state)")
    if "hotspots_tottime" in r:
        print(f"\nBelow {TARGET_TURNS_PER_SECOND:,} turns/s: hotspots of 60 games under cProfile "
              "(own time; cProfile slows everything down):")
        for h in r["hotspots_tottime"]:
            print(f"  {h['share_of_total']:6.1%}  {h['tottime_s']:8.3f} s  {h['calls']:>9,}  {h['function']}")
        print("\nEngine functions by cumulative time (calls included):")
        for h in r["hotspots_cumulative"]:
            print(f"  {h['cumtime_s']:8.3f} s  {h['calls']:>9,}  {h['function']}")


if __name__ == "__main__":
    sys.exit(main())
