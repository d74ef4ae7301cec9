"""Benchmarks of the window: figures, not pass/fail. Run from the repository root:

    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy python bench/ui.py [--runs 5] [--idle 5]

(a) start to first frame, in a fresh interpreter each run (median of --runs): from the
    parent's spawn of `python` to the child's first drawn frame, and App() -> first frame
    (App.first_frame_seconds), with content loading in the background as in the real game;
    also spawn -> content loaded;
(b) frame time of a full redraw (app.dirty = True; app.draw()) at 1280x720, 300 frames each on
    the map, the orders, a card and the ending's curves: p50, p95, max in ms; and the map in the
    middle of a cross-fade between screens (the last frame blended over the new one);
(c) idle: the real loop (App.run) on the still title screen for --idle seconds, in a child; a
    thread posts QUIT at the end. CPU time over wall time (% of one core) and frames drawn
    while idle (should be about 0);
(d) peak memory: ru_maxrss of a child that plays a whole game through the window by keys.

Under the dummy SDL video driver (no window, no GPU): the draw figures are the CPU cost of
composing a frame, and flip() costs nothing. Prints a table and writes bench/results/ui.json.
Settings and saves go to a temporary folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FRAMES = 300
SIZE = (1280, 720)

# ---------------------------------------------------------------------------------- children

# Each child starts with time.monotonic() (CLOCK_MONOTONIC, the same clock in every process on
# Linux and macOS), so the parent can set its own spawn time against the child's moments.
CHILD_HEAD = """\
import time
T_SCRIPT = time.monotonic()
import json, os, resource, sys, tempfile
from pathlib import Path
sys.path.insert(0, __ROOT__)
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
work = Path(tempfile.mkdtemp(prefix="great-break-bench-"))
os.environ["GREAT_BREAK_CONFIG_DIR"] = str(work)
from game import paths
paths.SAVES = work / "saves"
paths.AUTOSAVE = paths.SAVES / "autosave.json"
"""

FIRST_FRAME = CHILD_HEAD + """\
T_IMPORT = time.monotonic()
from game.ui.app import App
T_IMPORTED = time.monotonic()
app = App(settings_path=work / "settings.json")          # background content loading on
while app.first_frame_seconds is None:
    app.pump(wait=False)
T_FRAME = time.monotonic()
while not app.game.ready:
    app.pump(wait=False)
    time.sleep(0.001)
T_READY = time.monotonic()
print(json.dumps({"script": T_SCRIPT, "import": T_IMPORT, "imported": T_IMPORTED, "frame": T_FRAME,
                  "ready": T_READY, "app_first_frame": app.first_frame_seconds}))
"""

IDLE = CHILD_HEAD + """\
import threading
import pygame
from game.ui.app import App
app = App(settings_path=work / "settings.json")
deadline = time.monotonic() + 10
while (app.first_frame_seconds is None or not app.game.ready or app.dirty or app.animating) \\
        and time.monotonic() < deadline:
    app.pump(wait=False)
    time.sleep(0.005)
app.pump(wait=False)
assert type(app.stack.top).__name__ == "TitleScene"
frames0 = app.frames
usage0, wall0 = resource.getrusage(resource.RUSAGE_SELF), time.monotonic()
def stop():
    time.sleep(__SECONDS__)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
threading.Thread(target=stop, daemon=True).start()
frames_box = []
_quit = pygame.quit
def counting_quit():
    frames_box.append(app.frames)
    _quit()
pygame.quit = counting_quit
app.run()                       # the real loop; QUIT with no game in progress ends it
wall = time.monotonic() - wall0
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = (usage.ru_utime - usage0.ru_utime) + (usage.ru_stime - usage0.ru_stime)
print(json.dumps({"wall": wall, "cpu": cpu, "frames": (frames_box[0] if frames_box else app.frames) - frames0}))
"""

FULL_GAME = CHILD_HEAD + """\
from game.ui.automation import Driver
T0 = time.monotonic()
d = Driver.start(size=(1280, 720), settings_dir=work)
d.app.game.autosave = paths.AUTOSAVE
d.key("1"); d.key("1")
if type(d.scene).__name__ == "ContentNoteScene":
    d.key("1")
screens = 0
for _ in range(2000):
    name = type(d.scene).__name__
    if name == "EndingScene":
        break
    screens += 1
    if name == "DirectivesScene": d.key("enter")
    elif name == "MapScene": d.key("1")
    elif name == "OrdersScene": d.click_widget(d.scene.submit)
    elif name == "CardScene": d.key("1") if d.scene.result is None else d.key("enter")
    elif name == "ReportScene": d.key("7")
    elif name == "NewsScene": d.key("enter")
    else: raise SystemExit("stuck on " + name)
d.key("1")                       # the curves
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
rss_mb = rss / 2**20 if sys.platform == "darwin" else rss / 1024
print(json.dumps({"ending": type(d.scene).__name__, "turns": len(d.app.game.session.state.history),
                  "screens": screens, "frames": d.app.frames, "seconds": time.monotonic() - T0,
                  "max_rss_mb": rss_mb}))
"""


def run_child(source: str, timeout: float = 120, seconds: float = 0.0) -> tuple[dict, float]:
    """Run a child script in a fresh interpreter; return its JSON line and the spawn time."""
    source = source.replace("__ROOT__", repr(str(ROOT))).replace("__SECONDS__", repr(seconds))
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "PYTHONPATH": str(ROOT), "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    spawned = time.monotonic()
    out = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, env=env,
                         timeout=timeout, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"a benchmark child failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1]), spawned


# ---------------------------------------------------------------------------------- (a)


def first_frame(runs: int) -> dict:
    rows = []
    for _ in range(runs):
        r, spawned = run_child(FIRST_FRAME)
        rows.append({
            "interpreter_start_ms": (r["script"] - spawned) * 1000,
            "imports_ms": (r["imported"] - r["import"]) * 1000,
            "app_to_first_frame_ms": r["app_first_frame"] * 1000,
            "python_start_to_first_frame_ms": (r["frame"] - spawned) * 1000,
            "python_start_to_content_ready_ms": (r["ready"] - spawned) * 1000,
        })
    return {"runs": runs, **{key: round(statistics.median(row[key] for row in rows), 1) for key in rows[0]},
            "all_python_start_to_first_frame_ms": [round(row["python_start_to_first_frame_ms"], 1) for row in rows]}


# ---------------------------------------------------------------------------------- (b)


def frame_times(frames: int) -> list[dict]:
    import tempfile as _tempfile

    from game import paths
    from game.ui.automation import Driver

    work = Path(_tempfile.mkdtemp(prefix="great-break-bench-"))
    paths.SAVES = work / "saves"
    paths.AUTOSAVE = paths.SAVES / "autosave.json"
    d = Driver.start(size=SIZE, settings_dir=work)
    d.app.game.autosave = paths.AUTOSAVE
    screens = {
        "map": lambda: d.fast_forward("map", turn=4),
        "orders": lambda: d.fast_forward("orders", turn=4),
        "card": lambda: d.fast_forward("card", turn=4),
        "ending curves": lambda: (d.fast_forward("ending"), d.key("1")),
    }
    results = []
    for name, go in screens.items():
        go()
        d.app.finish_transition()
        for _ in range(10):   # warm the text caches, as a screen shown for a moment has
            d.app.dirty = True
            d.app.draw()
        times = []
        for _ in range(frames):
            d.app.dirty = True
            start = time.perf_counter()
            d.app.draw()
            times.append((time.perf_counter() - start) * 1000)
        results.append(_summary(name, type(d.scene).__name__, times))
    # The map again, each frame in the middle of a cross-fade (the last screen blended over).
    from game.ui.app import FADE_SECONDS

    d.fast_forward("map", turn=4)
    times = []
    for _ in range(frames):
        d.app.fade_from = d.app.window.copy()
        d.app.fade_left = FADE_SECONDS / 2
        d.app.dirty = True
        start = time.perf_counter()
        d.app.draw()
        times.append((time.perf_counter() - start) * 1000)
    d.app.finish_transition()
    results.append(_summary("map, during a cross-fade", "MapScene", times))
    return results


def _summary(name: str, scene: str, times: list[float]) -> dict:
    times = sorted(times)
    return {"screen": name, "scene": scene, "frames": len(times),
            "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
            "max_ms": round(times[-1], 2)}


# ---------------------------------------------------------------------------------- (c), (d)


def idle(seconds: float) -> dict:
    r, _ = run_child(IDLE, timeout=seconds + 60, seconds=seconds)
    return {"seconds": round(r["wall"], 2), "cpu_seconds": round(r["cpu"], 3),
            "cpu_percent_of_one_core": round(100 * r["cpu"] / r["wall"], 2), "frames_while_idle": r["frames"]}


def full_game_memory() -> dict:
    r, _ = run_child(FULL_GAME, timeout=600)
    return {"reached": r["ending"], "turns": r["turns"], "screens": r["screens"], "frames": r["frames"],
            "seconds": round(r["seconds"], 2), "max_rss_mb": round(r["max_rss_mb"], 1)}


# ---------------------------------------------------------------------------------- report


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=ROOT, timeout=10).stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def report(r: dict) -> None:
    print(f"The Great Break: window benchmarks  {r['date']}  commit {r['commit']}  Python {r['python']}")
    print(f"{r['machine']}; SDL video driver {r['video_driver']}\n")
    print(f"{'figure':<52} {'value':>12}")
    print("-" * 66)
    a = r["start"]
    print(f"{'(a) python start -> first frame (median of ' + str(a['runs']) + ')':<52} {a['python_start_to_first_frame_ms']:>9.0f} ms"
          f"   (runs: {', '.join(f'{x:.0f}' for x in a['all_python_start_to_first_frame_ms'])})")
    print(f"{'    of which: interpreter start':<52} {a['interpreter_start_ms']:>9.0f} ms")
    print(f"{'    of which: import game.ui.app (pygame, pydantic)':<52} {a['imports_ms']:>9.0f} ms")
    print(f"{'(a) App() -> first frame (App.first_frame_seconds)':<52} {a['app_to_first_frame_ms']:>9.0f} ms")
    print(f"{'(a) python start -> content loaded (background)':<52} {a['python_start_to_content_ready_ms']:>9.0f} ms")
    for f in r["frame_times"]:
        print(f"{'(b) full redraw, ' + f['screen'] + ' ' + str(SIZE[0]) + 'x' + str(SIZE[1]):<52} {f['p50_ms']:>9.2f} ms"
              f"   p50; p95 {f['p95_ms']:.2f}, max {f['max_ms']:.2f} ({f['frames']} frames)")
    i = r["idle"]
    print(f"{'(c) idle on the title, CPU of one core':<52} {i['cpu_percent_of_one_core']:>10.2f} %"
          f"   ({i['cpu_seconds']} s CPU in {i['seconds']} s)")
    print(f"{'(c) frames drawn while idle':<52} {i['frames_while_idle']:>12}")
    m = r["full_game"]
    print(f"{'(d) peak memory (ru_maxrss) after a whole game':<52} {m['max_rss_mb']:>9.1f} MB"
          f"   ({m['turns']} turns, {m['screens']} screens, {m['frames']} frames in {m['seconds']} s)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="fresh starts for (a), the median is reported")
    ap.add_argument("--idle", type=float, default=5.0, help="seconds of idle for (c)")
    ap.add_argument("--frames", type=int, default=FRAMES, help="redraws per screen for (b)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ui.json")
    args = ap.parse_args(argv)
    results = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "commit": git_commit(), "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "video_driver": os.environ.get("SDL_VIDEODRIVER", "default"),
    }
    results["start"] = first_frame(args.runs)
    results["frame_times"] = frame_times(args.frames)
    results["idle"] = idle(args.idle)
    results["full_game"] = full_game_memory()
    report(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
