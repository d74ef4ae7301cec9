"""The condition vocabulary: a closed set of tests on the game state, never code.

Each condition is a mapping with a `kind`. Quantity names are checked against the engine's
registry when content loads (see game/engine/quantities.py).
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from game.model.common import ContentModel, Identifier, Month, CardId

Comparison = Literal["<", "<=", ">", ">=", "==", "!="]


class DateWindow(ContentModel):
    """True when the current month lies in [from, to] (either end may be left open)."""

    kind: Literal["date"] = Field("date", description="date: the current month lies in a window.")
    from_: Month | None = Field(None, alias="from", description="First month, inclusive.")
    to: Month | None = Field(None, description="Last month, inclusive.")


class Compare(ContentModel):
    """Compare a named quantity with a number, e.g. district.standing < 40."""

    kind: Literal["compare"] = Field("compare", description="compare: compare a quantity with a number.")
    quantity: str = Field(description="A named quantity: 'district.X', 'village.X' or 'villages.X'.")
    op: Comparison = Field(description="One of < <= > >= == !=.")
    value: float = Field(description="The number to compare with, in the quantity's unit.")


class FlagIs(ContentModel):
    """True when a district flag is set (or, with is: false, when it is not)."""

    kind: Literal["flag"] = Field("flag", description="flag: a district flag is set (or not).")
    flag: Identifier = Field(description="The flag's name.")
    is_: bool = Field(True, alias="is", description="The value to test for.")


class TraitIs(ContentModel):
    """A trait of the card's village (or, for a district card, of any village) equals a value."""

    kind: Literal["trait"] = Field("trait", description="trait: a village trait has a value.")
    trait: Identifier = Field(description="The trait's name, as in the level's villages.")
    equals: str | bool | int = Field(description="The value the trait must have.")


class Seen(ContentModel):
    """A card has been played at least (or, with at_most, at most) some number of times."""

    kind: Literal["seen"] = Field("seen", description="seen: a card has been played so many times.")
    card: CardId = Field(description="The card's id.")
    at_least: int = Field(1, ge=0, description="Minimum times played.")
    at_most: int | None = Field(None, ge=0, description="Maximum times played.")


class All(ContentModel):
    """True when every condition in the list is true."""

    kind: Literal["all"] = Field("all", description="all: every condition holds.")
    of: list["Condition"] = Field(min_length=1, description="The conditions.")


class Any_(ContentModel):
    """True when at least one condition in the list is true."""

    kind: Literal["any"] = Field("any", description="any: at least one condition holds.")
    of: list["Condition"] = Field(min_length=1, description="The conditions.")


class Not(ContentModel):
    """True when the condition is false."""

    kind: Literal["not"] = Field("not", description="not: the condition does not hold.")
    of: "Condition" = Field(description="The condition to negate.")


Condition = Annotated[
    Union[DateWindow, Compare, FlagIs, TraitIs, Seen, All, Any_, Not],
    Field(discriminator="kind"),
]

for _model in (All, Any_, Not):
    _model.model_rebuild()
