"""A cache of content that loaded without a problem, so the game starts without parsing YAML.

The cache is plain JSON (never pickle), keyed by the content fingerprint, and read back through
the same pydantic models, so a damaged or stale cache file is simply ignored and the content is
loaded from its files again. It lives in the user's cache folder (platformdirs), or where
GREAT_BREAK_CACHE_DIR says.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs
from pydantic import ValidationError

from game import __version__
from game.model.card import Card
from game.model.level import Level
from game.storage import atomic_write

LAYOUT = 2   # the cache file's own layout; raised when it changes (2: origins name their pack)


def folder() -> Path:
    """The game's cache folder (content, unpacked .zip packs)."""
    return Path(os.environ.get("GREAT_BREAK_CACHE_DIR") or platformdirs.user_cache_dir("the-great-break"))


def _path(fingerprint: str) -> Path:
    return folder() / f"content-{__version__}-{LAYOUT}-{fingerprint}.json"


def read(fingerprint: str):
    """The cached content for this fingerprint, or None."""
    from game.content.loader import Content, Origin
    path = _path(fingerprint)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        content = Content(
            cards={c["id"]: Card.model_validate(c) for c in data["cards"]},
            levels={lv["id"]: Level.model_validate(lv) for lv in data["levels"]},
            origins={k: Origin(*v) for k, v in data["origins"].items()},
            fingerprint=fingerprint, files=data["files"])
    except (OSError, ValueError, KeyError, TypeError, ValidationError):
        return None
    return content


def write(content) -> None:
    """Keep the content for the next start; a cache that cannot be written is no loss."""
    data = {"cards": [c.model_dump(mode="json", by_alias=True, exclude_unset=True) for c in content.cards.values()],
            "levels": [lv.model_dump(mode="json", by_alias=True, exclude_unset=True) for lv in content.levels.values()],
            "origins": {k: [o.path, o.line, o.pack] for k, o in content.origins.items()},
            "files": content.files}
    try:
        atomic_write(_path(content.fingerprint), json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass
