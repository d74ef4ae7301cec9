"""Decisions: the only input the engine accepts. A save is a seed plus a list of these."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from game.model.level import Listing, Press, ReportKind, Request, Stance


class DecisionModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class VillageOrder(DecisionModel):
    stance: Stance = Field(description="persuade, pressure, force or hold back.")
    cadres: int = Field(0, ge=0, le=20, description="Brigades sent to the village this month.")


class Orders(DecisionModel):
    """The orders phase: stance and cadres per village, and the district-wide levers."""

    kind: Literal["orders"] = "orders"
    villages: dict[str, VillageOrder]
    press: Press = Field("normal", description="How hard to press the grain procurement.")
    keep_seed: bool = Field(True, description="Protect seed grain from procurement.")
    kulak_lists: Listing = Field("none", description="How the 'kulak' lists are filled.")
    request: Request = Field("none", description="What to ask of the oblast.")


class CardChoice(DecisionModel):
    """The answer to the event card on top of the pile."""

    kind: Literal["choice"] = "choice"
    card: str
    choice: int = Field(ge=0, le=3, description="Index of the choice, from 0.")
    reason: str | None = Field(None, max_length=300, description="The player's reason, if given.")


class Report(DecisionModel):
    """What the player tells the centre about collectivization and grain."""

    kind: Literal["report"] = "report"
    collectivization: ReportKind = "honest"
    grain: ReportKind = "honest"


Decision = Annotated[Union[Orders, CardChoice, Report], Field(discriminator="kind")]
