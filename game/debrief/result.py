"""The result file a student hands in, and its verification by replay.

A result holds the level, the seed, the content fingerprint, the game version, the decision log
(with the reasons typed) and the outcome, plus the hash of the state after every decision. A
teacher's copy of the game replays the log: when every hash matches, the outcome is the one the
game produced; when one does not, `verify` says at which decision the files part ways — a
teacher can trust a result without trusting the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game import __version__
from game.content.packs import packs_differ
from game.engine.scenario import Scenario
from game.engine.scoring import choose_ending, ledgers
from game.engine.turn import InvalidDecision, advance, new_game, state_hash
from game.model.common import month_name
from game.model.decision import Decision
from game.model.state import Phase
from game.session import Session

FORMAT = 1


class Outcome(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ending: str = Field(description="The ending's id.")
    fate: str = Field(description="The player's fate.")
    ledgers: dict = Field(description="The centre's and the villages' ledgers.")
    final_hash: str = Field(description="Hash of the final state.")


class ResultFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: int
    kind: str = Field("the-great-break-result", description="Marks the file as a result file.")
    game_version: str
    level: str
    seed: int
    content_fingerprint: str
    decisions: list[Decision]
    step_hashes: list[str] = Field(description="The state's hash after each decision.")
    card_sets: list[str] = Field(default_factory=list, description="The teacher's choice of cards, if any.")
    packs: list[tuple[str, str]] = Field(default_factory=list, description="(id, version) of the content's "
                                         "packs, in load order; empty in older files.")
    outcome: Outcome | None = Field(None, description="None while the game is not finished.")


def step_hashes(scenario: Scenario, seed: int, decisions: list[Decision]) -> list[str]:
    state, rng = new_game(scenario, seed)
    hashes = []
    for decision in decisions:
        advance(scenario, state, decision, rng)
        hashes.append(state_hash(state))
    return hashes


def make_result(session: Session) -> ResultFile:
    s, scenario = session.state, session.scenario
    outcome = None
    if session.ended:
        ending = choose_ending(s, scenario)
        outcome = Outcome(ending=ending.id, fate=ending.fate, ledgers=ledgers(s, scenario, s.initial),
                          final_hash=state_hash(s))
    return ResultFile(format=FORMAT, game_version=__version__, level=scenario.level.id, seed=session.seed,
                      content_fingerprint=scenario.fingerprint, decisions=list(session.decisions),
                      step_hashes=step_hashes(scenario, session.seed, session.decisions), outcome=outcome,
                      card_sets=list(scenario.card_sets), packs=list(scenario.packs))


class ResultError(Exception):
    """A file that is not a usable result file; the message says why."""


def read_result(path: Path) -> ResultFile:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ResultError(f"{path}: cannot be read ({exc})") from None
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise ResultError(f"{path}: not a result file: it is not valid JSON ({exc})") from None
    if not isinstance(raw, dict) or raw.get("kind") != "the-great-break-result":
        raise ResultError(f"{path}: not a result file of The Great Break")
    if raw.get("format") != FORMAT:
        raise ResultError(f"{path}: result format {raw.get('format')!r} is not the one this version reads ({FORMAT})")
    try:
        return ResultFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ResultError(f"{path}: the result file is damaged: {where}: {first['msg']}") from None


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str
    diverged_at: int | None = None     # index of the first decision whose state differs


def verify(result: ResultFile, scenario: Scenario) -> Verdict:
    """Replay the result's decisions and check every hash and the outcome."""
    if result.level != scenario.level.id:
        return Verdict(False, f"the result is for level '{result.level}', not '{scenario.level.id}'")
    if result.packs and packs_differ(result.packs, scenario.packs):
        return Verdict(False, packs_differ(result.packs, scenario.packs))
    if tuple(result.card_sets) != scenario.card_sets:
        return Verdict(False, f"the result was played with the cards {result.card_sets}, not {list(scenario.card_sets)}")
    if result.content_fingerprint != scenario.fingerprint:
        return Verdict(False, f"the result was made with other content (fingerprint {result.content_fingerprint}, "
                              f"this game has {scenario.fingerprint})")
    if len(result.step_hashes) != len(result.decisions):
        return Verdict(False, f"the file has {len(result.decisions)} decisions but {len(result.step_hashes)} hashes")
    state, rng = new_game(scenario, result.seed)
    for i, (decision, expected) in enumerate(zip(result.decisions, result.step_hashes)):
        where = f"decision {i + 1} ({decision.kind}, turn {state.turn}, {month_name(state.month)})"
        try:
            advance(scenario, state, decision, rng)
        except InvalidDecision as exc:
            return Verdict(False, f"{where} cannot be taken: {exc}", i)
        if state_hash(state) != expected:
            return Verdict(False, f"the game parts from the file at {where}: the state after it differs", i)
    if result.outcome is None:
        if state.phase == Phase.ended:
            return Verdict(False, "the file says the game is unfinished, but its decisions end it")
        return Verdict(True, f"{len(result.decisions)} decisions replay exactly; the game is not finished")
    if state.phase != Phase.ended:
        return Verdict(False, "the file claims an outcome, but its decisions do not finish the game")
    ending = choose_ending(state, scenario)
    if ending.id != result.outcome.ending or state_hash(state) != result.outcome.final_hash:
        return Verdict(False, f"the replayed game ends '{ending.id}', the file claims '{result.outcome.ending}'")
    if ledgers(state, scenario, state.initial) != result.outcome.ledgers:
        return Verdict(False, "the ledgers in the file are not the replayed game's")
    return Verdict(True, f"{len(result.decisions)} decisions replay exactly to the ending '{ending.id}'")
