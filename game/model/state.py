"""The game state: everything that changes during a game, as plain data.

The engine copies a state before changing it (see `GameState.clone`), so a state passed to
`step` is never modified. Dynamic facts about cards (times seen, queued follow-ups) live here,
keyed by card id; card definitions stay in the content.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class StateModel(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Phase(str, Enum):
    orders = "orders"
    events = "events"
    report = "report"
    ended = "ended"


class VillageState(StateModel):
    id: str
    name: str
    traits: dict[str, str | bool | int] = Field(default_factory=dict)
    households_private: float
    households_voluntary: float = Field(description="Kolkhoz members who joined without coercion (hh).")
    households_forced: float = Field(description="Kolkhoz members who joined under coercion (hh).")
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
    disturbances: float = Field(0.0, description="Mass disturbances this turn (incidents).")
    delivered: float = Field(0.0, description="Grain delivered this campaign (t).")

    @property
    def households_kolkhoz(self) -> float:
        return self.households_voluntary + self.households_forced

    @property
    def households(self) -> float:
        return self.households_private + self.households_kolkhoz

    @property
    def collectivized_share(self) -> float:
        present = self.households
        return self.households_kolkhoz / present if present > 0 else 0.0

    def clone(self) -> "VillageState":
        data = dict(self.__dict__)
        data["traits"] = dict(self.traits)
        return VillageState.model_construct(**data)


class Pending(StateModel):
    """A card waiting for the player's choice, with the village it was drawn for."""

    card: str
    village: str | None = None


class LogEntry(StateModel):
    """One line of the game's history, for the news, the debrief and the decision log."""

    turn: int
    month: str
    kind: Literal["directive", "card", "choice", "outcome", "news", "report", "audit", "log", "ending"]
    text: str
    card: str | None = None


class FalseReport(StateModel):
    """A report the centre has not yet checked."""

    turn: int
    subject: Literal["collectivization", "grain"]
    direction: Literal["inflated", "understated"]


class GameState(StateModel):
    level: str
    seed: int
    turn: int = 1
    month: int = Field(description="Month index (months since year 0) of the current turn.")
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
    target_from: tuple[int, float] | None = Field(None, description="(month, share) when the target was set.")
    kulak_quota: float = 0.0
    kulaks_removed: float = 0.0
    quota_raise: float = Field(0.0, description="Ratchet: extra quota share the centre adds after "
                               "inflated reports.")
    reported_share: float | None = None
    flags: set[str] = Field(default_factory=set)
    villages: list[VillageState]
    seen: dict[str, int] = Field(default_factory=dict, description="Times each card was played.")
    last_seen: dict[str, int] = Field(default_factory=dict, description="Turn each card was last played.")
    queued: list[tuple[int, str]] = Field(default_factory=list, description="(turn due, card id).")
    pending: list[Pending] = Field(default_factory=list)
    orders: dict | None = Field(None, description="This turn's orders, as given.")
    false_reports: list[FalseReport] = Field(default_factory=list)
    log: list[LogEntry] = Field(default_factory=list)
    history: list[dict] = Field(default_factory=list, description="One record per finished turn.")
    last_flows: dict = Field(default_factory=dict, description="What happened in the last resolution.")
    initial: dict = Field(default_factory=dict, description="The district as the game began.")
    turn_start: dict = Field(default_factory=dict, description="The district as this turn began.")
    ending: str | None = None

    def clone(self) -> "GameState":
        """A copy that shares nothing mutable with this state (faster than a deep copy)."""
        data = dict(self.__dict__)
        data["villages"] = [v.clone() for v in self.villages]
        data["flags"] = set(self.flags)
        data["seen"] = dict(self.seen)
        data["last_seen"] = dict(self.last_seen)
        data["queued"] = list(self.queued)
        data["pending"] = list(self.pending)
        data["false_reports"] = list(self.false_reports)
        data["log"] = list(self.log)
        data["history"] = list(self.history)
        return GameState.model_construct(**data)

    def village(self, village_id: str) -> VillageState:
        for v in self.villages:
            if v.id == village_id:
                return v
        raise KeyError(village_id)
