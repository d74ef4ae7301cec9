"""The game state: everything that changes during a game, as plain data.

The state is made of standard dataclasses (with slots, so the engine's many small updates are
cheap); pydantic validates and serializes them through `STATE_ADAPTER` when a save is written or
read, so there is still one definition. The engine copies a state before changing it (see
`GameState.clone`): a state passed to `step` is never modified. Dynamic facts about cards (times
seen, queued follow-ups) live here, keyed by card id; card definitions stay in the content.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Literal

from pydantic import TypeAdapter

from game.model.decision import Orders


class Phase(str, Enum):
    orders = "orders"
    events = "events"
    report = "report"
    ended = "ended"


def _copier(cls):
    """A fast shallow copy for a slotted dataclass (copy.copy is several times slower)."""
    names = tuple(f.name for f in fields(cls))

    def copy(obj):
        new = object.__new__(cls)
        for name in names:
            object.__setattr__(new, name, getattr(obj, name))
        return new
    return copy


@dataclass(slots=True, kw_only=True)
class VillageState:
    id: str
    name: str
    traits: dict[str, str | bool | int] = field(default_factory=dict)
    households_private: float
    households_voluntary: float        # kolkhoz members who joined without coercion (hh)
    households_forced: float           # kolkhoz members who joined under coercion (hh)
    households_deported: float = 0.0
    households_fled: float = 0.0
    population: float
    deaths: float = 0.0
    births: float = 0.0
    deported_people: float = 0.0
    fled_people: float = 0.0
    arable: float
    sown_winter: float
    sown_spring: float = 0.0
    grain: float
    seed: float
    horses: float
    cattle: float
    pigs: float
    sheep: float
    resistance: float
    trust: float
    hunger: float = 0.0
    disturbances: float = 0.0          # mass disturbances this turn (incidents)
    delivered: float = 0.0             # grain delivered this campaign (t)

    @property
    def households_kolkhoz(self) -> float:
        return self.households_voluntary + self.households_forced

    @property
    def households(self) -> float:
        return self.households_private + self.households_voluntary + self.households_forced

    @property
    def collectivized_share(self) -> float:
        present = self.households
        return self.households_kolkhoz / present if present > 0 else 0.0

    def clone(self) -> "VillageState":
        return _copy_village(self)


_copy_village = _copier(VillageState)


@dataclass(frozen=True, slots=True)
class Pending:
    """A card waiting for the player's choice, with the village it was drawn for."""

    card: str
    village: str | None = None


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One line of the game's history, for the news, the debrief and the decision log."""

    turn: int
    month: str
    kind: Literal["directive", "card", "choice", "outcome", "news", "report", "audit", "log", "ending"]
    text: str
    card: str | None = None


@dataclass(frozen=True, slots=True)
class FalseReport:
    """A report the centre has not yet checked."""

    turn: int
    subject: Literal["collectivization", "grain"]
    direction: Literal["inflated", "understated"]


@dataclass(slots=True, kw_only=True)
class GameState:
    level: str
    seed: int
    turn: int = 1
    month: int                          # month index (months since year 0) of the current turn
    phase: Phase = Phase.orders
    standing: float
    cadres: int
    tractors: int
    reserve: float
    grain_quota: float = 0.0
    campaign_start: int | None = None
    campaign_end: int | None = None
    collectivization_target: float = 0.0
    target_date: int | None = None
    target_from: tuple[int, float] | None = None   # (month, share) when the target was set
    kulak_quota: float = 0.0
    kulaks_removed: float = 0.0
    quota_raise: float = 0.0            # the ratchet: extra quota share after inflated reports
    reported_share: float | None = None
    flags: set[str] = field(default_factory=set)
    villages: list[VillageState]
    seen: dict[str, int] = field(default_factory=dict)        # times each card was played
    last_seen: dict[str, int] = field(default_factory=dict)   # turn each card was last played
    queued: list[tuple[int, str]] = field(default_factory=list)  # (turn due, card id)
    pending: list[Pending] = field(default_factory=list)
    orders: Orders | None = None        # this turn's orders
    false_reports: list[FalseReport] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)         # one record per finished turn
    last_flows: dict = field(default_factory=dict)            # what the last resolution did
    initial: dict = field(default_factory=dict)               # the district as the game began
    turn_start: dict = field(default_factory=dict)            # the district as this turn began
    ending: str | None = None

    def clone(self) -> "GameState":
        """A copy that shares nothing mutable with this state. Log entries, pending cards and
        history records are never changed once made, so the lists holding them are copied
        but the items are shared."""
        new = _copy_game(self)
        new.villages = [v.clone() for v in self.villages]
        new.flags = set(self.flags)
        new.seen = dict(self.seen)
        new.last_seen = dict(self.last_seen)
        new.queued = list(self.queued)
        new.pending = list(self.pending)
        new.false_reports = list(self.false_reports)
        new.log = list(self.log)
        new.history = list(self.history)
        return new

    def village(self, village_id: str) -> VillageState:
        for v in self.villages:
            if v.id == village_id:
                return v
        raise KeyError(village_id)


_copy_game = _copier(GameState)

STATE_ADAPTER: TypeAdapter[GameState] = TypeAdapter(GameState)
