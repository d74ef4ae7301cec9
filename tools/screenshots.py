"""Screenshots of every screen of the window, for looking at (not a test).

    python tools/screenshots.py [--out screenshots]      (or: make screenshots)

Saves PNGs of the title, the level choice, the content note, the directives, the map, the
orders, a card before and after the choice, the month's report, the news, the pause menu, the
settings, the load screen, sources and credits, the ending's ledgers and curves, and a tooltip
on the map's dashboard - at 1280x720 with text at 100%, and at 1024x600 with text at 175%.
Each file is named <size>_<text size>_<nn>_<screen>.png; the layout problems Painter found on
each screen are printed beside its name. Runs under the dummy SDL drivers: no window opens.
Saves and settings go to a temporary folder; nothing is written in saves/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game import paths  # noqa: E402

LEVEL = "great-break"
SEED = 1929
RUNS = [((1280, 720), 1.0), ((1024, 600), 1.75)]


def shoot(out: Path, size: tuple[int, int], scale: float) -> list[tuple[str, int]]:
    from game.ui.automation import Driver
    from game.ui.scenes.title import TitleScene

    work = Path(tempfile.mkdtemp(prefix="great-break-shots-"))
    paths.SAVES = work / "saves"
    paths.AUTOSAVE = paths.SAVES / "autosave.json"
    os.environ["GREAT_BREAK_DATA_DIR"] = str(work / "data")   # the player's own mods stay out of the shots
    # The mods screen with packs on it: the example pack, and one with a mistake.
    mods = work / "data" / "mods"
    shutil.copytree(paths.ROOT / "examples" / "mods" / "veshenskaya", mods / "veshenskaya")
    (mods / "broken" / "cards").mkdir(parents=True)
    (mods / "broken" / "pack.yaml").write_text("id: broken\nname: A class's first cards\nversion: 0.1.0\n"
                                               "format: 2\nlicence: CC-BY-4.0\n", encoding="utf-8")
    (mods / "broken" / "cards" / "cards.yaml").write_text("cards:\n  - id: broken.mill\n    titel: The mill\n",
                                                          encoding="utf-8")
    d = Driver.start(size=size, settings_dir=work, text_scale=scale)
    d.app.game.autosave = paths.AUTOSAVE
    tag = f"{size[0]}x{size[1]}_{int(scale * 100)}"
    shots: list[tuple[str, int]] = []
    n = 0

    def shot(name: str, expected: str) -> None:
        nonlocal n
        n += 1
        actual = type(d.scene).__name__
        if actual != expected:
            raise SystemExit(f"{tag} {name}: expected {expected}, the window shows {actual}")
        problems = d.layout_problems()
        d.save(out / f"{tag}_{n:02d}_{name}.png")
        shots.append((f"{tag}_{n:02d}_{name}.png", len(problems)))
        print(f"  {tag}_{n:02d}_{name}.png  {actual}: {len(problems)} layout problems"
              + "".join(f"\n      {p}" for p in problems[:4]))

    def title() -> None:
        d.app.stack.reset(TitleScene())
        d.pump()

    shot("title", "TitleScene")
    d.key("1")
    shot("levels", "LevelSelectScene")
    d.key("1")
    shot("content_note", "ContentNoteScene")
    d.key("escape")
    d.key("escape")

    # A game played by keys up to the first card, with a fixed seed.
    d.new_game(LEVEL, SEED)
    shot("directives", "DirectivesScene")
    d.key("enter")
    shot("map", "MapScene")
    stat = d.scene.stats[0]
    d.hover(stat.rect.center)
    shot("map_tooltip", "MapScene")
    d.hover((1, 1))
    d.key("1")
    shot("orders", "OrdersScene")
    d.click_widget(d.scene.submit)
    shot("card", "CardScene")
    d.key("1")
    shot("card_outcome", "CardScene")
    d.key("escape")
    shot("pause", "PauseScene")
    d.key("escape")
    while type(d.scene).__name__ == "CardScene":
        d.key("1") if d.scene.result is None else d.key("enter")
    shot("report", "ReportScene")
    d.key("7")
    shot("news", "NewsScene")

    # A later month, with history behind it (the engine's policy plays up to it).
    d.fast_forward("map", seed=SEED, turn=6)
    shot("map_later", "MapScene")
    d.fast_forward("report", seed=SEED, turn=6)
    shot("report_later", "ReportScene")

    title()
    d.key("4")
    shot("settings", "SettingsScene")
    d.key("6")
    shot("class_settings", "ClassSettingsScene")
    title()
    d.key("4")
    d.key("7")
    shot("mods", "ModsScene")
    title()
    d.app.game.save_game(paths.SAVES / "example-save.json")
    d.key("3")
    shot("load", "LoadScene")
    title()
    d.key("5")
    shot("credits", "CreditsScene")
    title()
    d.key("f1")
    d.key("tab")
    d.key("tab")
    d.key("enter")
    shot("glossary", "GlossaryScene")

    d.fast_forward("ending", seed=SEED)
    shot("ending_ledgers", "EndingScene")
    d.key("1")
    shot("ending_curves", "EndingScene")
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    total = problems = 0
    for size, scale in RUNS:
        print(f"{size[0]}x{size[1]}, text {scale:.0%}:")
        shots = shoot(args.out, size, scale)
        total += len(shots)
        problems += sum(1 for _, count in shots if count)
    print(f"{total} screenshots in {args.out}; {problems} with layout problems")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
