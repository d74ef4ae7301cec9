"""Where the game's files are: found relative to this package, never the working directory."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
CARDS = ASSETS / "cards"
LEVELS = ROOT / "levels"
SAVES = ROOT / "saves"
AUTOSAVE = SAVES / "autosave.json"
