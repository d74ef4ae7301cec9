"""The player's settings, kept between runs in the user's config folder.

The folder comes from platformdirs (the right place on Windows, macOS and Linux); the
environment variable GREAT_BREAK_CONFIG_DIR overrides it (tests, classroom machines).
A damaged settings file is set aside, never a reason not to start.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.storage import atomic_write

TEXT_SCALES = (1.0, 1.25, 1.5, 1.75)


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    text_scale: float = Field(1.0, ge=1.0, le=1.75, description="Text size, 100% to 175%.")
    fullscreen: bool = False
    sound: bool = True
    volume: float = Field(0.7, ge=0.0, le=1.0)
    content_note_seen: bool = False
    window: tuple[int, int] = (1280, 720)
    disabled_packs: list[str] = Field(default_factory=list, description="Installed packs the player turned off.")
    language: str = Field("en", description="The language of the cards, where a pack translates them.")
    pack_order: list[str] = Field(default_factory=list, description="The player's order of the installed "
                                  "packs (ids); requirements still come first.")


def settings_path() -> Path:
    folder = os.environ.get("GREAT_BREAK_CONFIG_DIR") or platformdirs.user_config_dir("the-great-break")
    return Path(folder) / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        return Settings.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, ValidationError):
        try:
            path.replace(path.with_suffix(".damaged"))
        except OSError:
            pass
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> bool:
    try:
        atomic_write(path or settings_path(), settings.model_dump_json(indent=1).encode("utf-8"))
        return True
    except OSError:
        return False
