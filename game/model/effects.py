"""The effect vocabulary: a closed set of changes a card choice makes, never code."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from game.model.common import CardId, ContentModel, Identifier


class Add(ContentModel):
    """Add a number (negative to subtract) to a writable named quantity."""

    kind: Literal["add"] = Field("add", description="add: add a number to a quantity.")
    quantity: str = Field(description="A writable quantity: 'district.X', 'village.X' or 'villages.X'.")
    value: float = Field(description="Amount to add, in the quantity's unit.")


class Set(ContentModel):
    """Set a writable named quantity to a value."""

    kind: Literal["set"] = Field("set", description="set: set a quantity to a value.")
    quantity: str = Field(description="A writable quantity.")
    value: float = Field(description="The new value, in the quantity's unit.")


class Multiply(ContentModel):
    """Multiply a writable named quantity, e.g. by 0.9 for a loss of a tenth."""

    kind: Literal["multiply"] = Field("multiply", description="multiply: multiply a quantity by a factor.")
    quantity: str = Field(description="A writable quantity.")
    value: float = Field(ge=0, description="The factor, 0 or more.")


class SetFlag(ContentModel):
    """Set or clear a district flag."""

    kind: Literal["flag"] = Field("flag", description="flag: set or clear a district flag.")
    flag: Identifier = Field(description="The flag's name.")
    value: bool = Field(True, description="true sets the flag, false clears it.")


HouseholdFlow = Literal["join", "leave", "flee", "deport"]


class Households(ContentModel):
    """Move a share of households between groups; people move with them, so totals hold.

    join: private farms enter the kolkhoz under pressure; leave: forced members go back to
    private farming; flee: a share of all the households present leave the district (private
    farms first, then kolkhoz members); deport: private households labelled "kulak" are deported.
    """

    kind: Literal["households"] = Field(
        "households", description="households: move households between groups.")
    flow: HouseholdFlow = Field(description="join, leave, flee or deport.")
    share: float = Field(gt=0, le=1, description="Share of the households the flow draws from, 0-1.")
    scope: Literal["village", "villages"] = Field(
        "village", description="The card's village, or every village in the district."
    )


class Queue(ContentModel):
    """Queue a follow-up card to be drawn first after some turns."""

    kind: Literal["queue"] = Field("queue", description="queue: queue a follow-up card.")
    card: CardId = Field(description="The follow-up card's id.")
    after: int = Field(1, ge=1, le=24, description="Turns from now.")


class Outcome(ContentModel):
    """One weighted branch of a chance effect."""

    weight: float = Field(gt=0, description="Relative weight of this branch.")
    text: str | None = Field(None, description="What the player reads if this branch happens.")
    effects: list["Effect"] = Field(default_factory=list, description="Effects of this branch.")


class Chance(ContentModel):
    """Pick one outcome at random, by weight, with the game's seeded generator."""

    kind: Literal["chance"] = Field("chance", description="chance: pick one outcome at random.")
    outcomes: list[Outcome] = Field(min_length=2, description="Two or more weighted outcomes.")


class Log(ContentModel):
    """Write a line into the decision log for the debrief."""

    kind: Literal["log"] = Field("log", description="log: write a line into the decision log.")
    text: str = Field(min_length=1, description="The line; {village} is replaced by the village's name.")


Effect = Annotated[
    Union[Add, Set, Multiply, SetFlag, Households, Queue, Chance, Log],
    Field(discriminator="kind"),
]

Outcome.model_rebuild()
