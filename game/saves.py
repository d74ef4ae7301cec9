"""Saves: small JSON files, written atomically, checked before they are used.

A save holds the seed and the decision log (which replay the game exactly) and a snapshot
of the state. Writing goes to a temporary file in the same folder, is flushed and fsynced,
then renamed over the old save, so a crash leaves either the old save or the new one,
never half of one. A save that cannot be used is refused with a sentence saying why.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from game import __version__
from game.content.packs import packs_differ
from game.engine.scenario import Scenario
from game.engine.turn import InvalidDecision, state_hash
from game.model.decision import Decision
from game.model.state import GameState
from game.session import Session
from game.storage import atomic_write

FORMAT = 1


class SaveError(Exception):
    """A save that cannot be used; the message says why, for the player."""


class SaveFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: int
    game_version: str
    level: str
    content_fingerprint: str
    seed: int
    decisions: list[Decision]
    snapshot: GameState
    rng_state: int
    card_sets: list[str] = []   # the teacher's choice of cards, if any: the game needs the same deck
    packs: list[tuple[str, str]] = []   # (id, version) of the content's packs; [] in older saves


def to_save(session: Session) -> SaveFile:
    return SaveFile(format=FORMAT, game_version=__version__, level=session.scenario.level.id,
                    content_fingerprint=session.scenario.fingerprint, seed=session.seed,
                    decisions=list(session.decisions), snapshot=session.state,
                    rng_state=session.rng.state, card_sets=list(session.scenario.card_sets),
                    packs=list(session.scenario.packs))


def write(path: Path, session: Session) -> None:
    """Write the save atomically: the previous save survives any crash during the write."""
    atomic_write(path, to_save(session).model_dump_json(indent=1).encode("utf-8"))


def read(path: Path) -> SaveFile:
    """Parse and check a save's shape; raise SaveError with a readable reason."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SaveError(f"{path}: there is no such save file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SaveError(f"{path}: cannot read the save ({exc})") from None
    if not text.strip():
        raise SaveError(f"{path}: the save is empty")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        # A save is one JSON object: a file that opens one and never closes it was cut short
        # (the parser itself often stops earlier, at the start of an unterminated string).
        stripped = text.rstrip()
        cut = exc.pos >= len(stripped) - 1 or (stripped.lstrip().startswith("{") and not stripped.endswith("}"))
        hint = "it looks cut short" if cut else "it is not valid JSON"
        raise SaveError(f"{path}:{exc.lineno}:{exc.colno}: not a usable save: {hint} ({exc.msg})") from None
    except (ValueError, RecursionError) as exc:  # e.g. a number too long, or nesting too deep
        raise SaveError(f"{path}: not a usable save: {str(exc).split(';')[0]}") from None
    if not isinstance(raw, dict) or "format" not in raw:
        raise SaveError(f"{path}: this is not a save file of The Great Break")
    if raw["format"] != FORMAT:
        raise SaveError(f"{path}: save format {raw['format']!r} cannot be read by this version, "
                        f"which reads format {FORMAT}")
    try:
        return SaveFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SaveError(f"{path}: the save is damaged: {where}: {first['msg']}") from None


def resume(save: SaveFile, scenario: Scenario, path: Path | str = "save") -> Session:
    """Rebuild the game from a save's log, checking it belongs to this content."""
    if save.level != scenario.level.id:
        raise SaveError(f"{path}: the save is for level '{save.level}', not '{scenario.level.id}'")
    if save.packs:
        problem = packs_differ(save.packs, scenario.packs)
        if problem:
            raise SaveError(f"{path}: {problem}")
    if tuple(save.card_sets) != scenario.card_sets:
        raise SaveError(f"{path}: the save was made with the cards {save.card_sets or 'of the whole deck'}, "
                        f"not {list(scenario.card_sets) or 'the whole deck'}")
    if save.content_fingerprint != scenario.fingerprint:
        raise SaveError(f"{path}: the save was made with other content (fingerprint "
                        f"{save.content_fingerprint}, this game has {scenario.fingerprint}): "
                        "cards or levels have changed since, so it would not replay the same game")
    try:
        session = Session.replayed(scenario, save.seed, save.decisions)
    except (InvalidDecision, KeyError, IndexError) as exc:
        raise SaveError(f"{path}: the decision log does not replay on this content ({exc})") from None
    if state_hash(session.state) != state_hash(save.snapshot) or session.rng.state != save.rng_state:
        raise SaveError(f"{path}: the decision log does not replay to the game that was saved "
                        f"(the save was made by version {save.game_version}; this is {__version__})")
    return session

