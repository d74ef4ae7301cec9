"""Event cards: a dilemma drawn from the documented history, with its sources."""

from __future__ import annotations

from enum import Enum

from pydantic import Field, model_validator

from game.model.common import CardId, ContentModel, History, Identifier, Month
from game.model.conditions import Condition
from game.model.effects import Effect


class CardKind(str, Enum):
    """What a card is: an order from above, a voice from the village, a recurring event, or news."""

    directive = "directive"
    testimony = "testimony"
    situation = "situation"
    news = "news"


class Policy(str, Enum):
    """The scripted players of `simulate`; a choice names the policies that take it."""

    historical = "historical"
    zealous = "zealous"
    humane = "humane"


class Choice(ContentModel):
    """One answer to a card: what the player does and what follows."""

    label: str = Field(min_length=1, max_length=160, description="What the player does, in a short line.")
    effects: list[Effect] = Field(default_factory=list, description="What happens when it is chosen.")
    outcome: str = Field(min_length=1, max_length=600, description="What the player reads after choosing.")
    when: Condition | None = Field(None, description="Offered only while this condition holds.")
    policies: list[Policy] = Field(
        default_factory=list,
        description="Scripted policies that take this choice; 'historical' marks what most officials did.",
    )


class Card(ContentModel):
    """An event card. Fixed-date cards come in their month; the others are drawn by weight."""

    id: CardId
    title: str = Field(min_length=1, max_length=80, description="The card's title.")
    kind: CardKind = Field(description="directive (an order from above), testimony (a voice from "
                           "the village), situation (a recurring event) or news.")
    date: Month | None = Field(None, description="For a fixed-date card: the month it comes in.")
    first: Month | None = Field(None, alias="from", description="For a drawn card: the first month "
                                "it can come in (leave out for no limit).")
    last: Month | None = Field(None, alias="to", description="For a drawn card: the last month it "
                               "can come in, inclusive (leave out for no limit).")
    when: Condition | None = Field(None, description="Drawn only while this condition holds.")
    village: Condition | None = Field(
        None, description="Makes this a village card: the village is drawn from those for which "
        "this condition holds ('village.' quantities and traits refer to it)."
    )
    weight: float = Field(10, gt=0, description="Relative chance of being drawn among eligible cards.")
    repeat: bool = Field(False, description="Whether the card can be drawn again after it is played.")
    cooldown: int = Field(3, ge=0, le=48, description="Turns before a repeatable card can come again.")
    pair: CardId | None = Field(None, description="The card this one answers: a directive's testimony.")
    illustration: Identifier = Field("document", description="The picture to show: one of the game's "
                                     "(assembly, barn, church, document, field, grain, horse, letter, "
                                     "newspaper, tractor, train, women) or the name of a picture in the "
                                     "pack's images/ folder, without .png or .jpg.")
    text: str = Field(min_length=20, max_length=1500, description="What the player reads; {village} "
                      "names the village.")
    choices: list[Choice] = Field(min_length=2, max_length=4, description="Two to four choices.")
    history: History = Field(description="What historians know, with sources.")

    @model_validator(mode="after")
    def _date_or_window(self) -> "Card":
        if self.date is not None and (self.first or self.last):
            raise ValueError("a card has either a fixed 'date' or 'from'/'to' months, not both")
        if self.first and self.last and self.first > self.last:
            raise ValueError(f"'from' ({self.first}) comes after 'to' ({self.last})")
        return self
