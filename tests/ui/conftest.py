"""Fixtures for the window's tests: nothing a test does may write into the repository.

Every test of the window runs with the saves folder, the autosave and the settings folder
moved to temporary folders (a session-wide default; a test that needs its own folders
monkeypatches `game.paths` again). The SDL drivers are dummies (tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game import paths

@pytest.fixture(scope="session", autouse=True)
def _no_writes_into_the_repo(tmp_path_factory):
    """Saves, the autosave and settings go to temporary folders for the whole session."""
    mp = pytest.MonkeyPatch()
    saves = tmp_path_factory.mktemp("saves")
    mp.setattr(paths, "SAVES", saves)
    mp.setattr(paths, "AUTOSAVE", saves / "autosave.json")
    mp.setenv("GREAT_BREAK_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    mp.setenv("GREAT_BREAK_DATA_DIR", str(tmp_path_factory.mktemp("data")))   # no installed mods
    yield saves
    mp.undo()


@pytest.fixture
def saves_dir(tmp_path, monkeypatch) -> Path:
    """A fresh, empty saves folder for one test (set before any App is made)."""
    folder = tmp_path / "saves"
    folder.mkdir()
    monkeypatch.setattr(paths, "SAVES", folder)
    monkeypatch.setattr(paths, "AUTOSAVE", folder / "autosave.json")
    return folder

