"""Shared fixtures: where the repository and the test content are, and a small scenario.

The SDL drivers are set before anything can import pygame, so tests of the window (and any
import of pygame) run without a display or a sound card.
"""

from __future__ import annotations

import os

import tempfile  # noqa: E402

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# The content cache of the test run lives in a folder of its own, not the user's.
os.environ.setdefault("GREAT_BREAK_CACHE_DIR", tempfile.mkdtemp(prefix="great-break-cache-"))

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "tests" / "content" / "fixtures"
VALID = FIXTURES / "valid"
FIXTURE_LEVEL = "test-level"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's root folder (the one holding `game/`)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def fixture_dir() -> Path:
    """The folder of valid test content: tests/content/fixtures/valid (cards.yaml, level.yaml)."""
    return VALID


@pytest.fixture(scope="session")
def fixture_scenario():
    """The scenario of the test level, built from the valid fixtures (not the base content)."""
    from game.content.diagnostics import has_errors
    from game.content.loader import load

    content, problems = load([VALID])
    assert not has_errors(problems), "\n".join(str(p) for p in problems)
    return content.scenario(FIXTURE_LEVEL)
