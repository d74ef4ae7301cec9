"""Shared pieces of the content models: the base config, months, sources."""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"

Month = Annotated[
    str,
    StringConstraints(pattern=MONTH_PATTERN),
    Field(description='A calendar month written "YYYY-MM", for example "1930-03".'),
]

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9_-]+(\.[a-z0-9_-]+)*$", min_length=1, max_length=80),
    Field(description="A stable id: lower-case letters, digits, '_' and '-', dot-separated."),
]

CardId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$", min_length=3, max_length=80),
    Field(description='A namespaced card id, "pack.name", for example "base.barn_protest".'),
]


@lru_cache(maxsize=4096)
def month_index(month: str) -> int:
    """Months since year 0, so that months compare and subtract as integers."""
    year, mon = month.split("-")
    return int(year) * 12 + int(mon) - 1


def month_name(index: int) -> str:
    """The "YYYY-MM" form of a month index."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


MONTH_WORDS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def month_words(index: int) -> str:
    """A month index as people write it: "March 1930"."""
    return f"{MONTH_WORDS[index % 12]} {index // 12}"


class ContentModel(BaseModel):
    """Base for everything read from content files: immutable, no unknown fields."""

    # Files come from anyone: no text in them may be longer than this (the base game's longest
    # is under 1,000 characters), so a pack cannot fill memory or the screen with one field.
    model_config = ConfigDict(frozen=True, extra="forbid", str_max_length=4000)


class SourceKind(str, Enum):
    """What kind of source: document, statistic, memoir, testimony (given later), scholarship
    or reference."""

    document = "document"
    statistic = "statistic"
    memoir = "memoir"
    testimony = "testimony"
    scholarship = "scholarship"
    reference = "reference"


class Source(ContentModel):
    """A published work that supports a historical claim. Never a web mirror."""

    author: str = Field(min_length=1, description="Author(s) or issuing body, e.g. 'R. W. Davies'.")
    title: str = Field(min_length=1, description="Title of the work, article or document.")
    publication: str | None = Field(
        None, description="Publisher, journal or collection, e.g. 'Macmillan' or 'Pravda, no. 60'."
    )
    year: int = Field(ge=1800, le=2100, description="Year of publication.")
    pages: str | None = Field(
        None, description="Page, table or document number where known, e.g. 'pp. 442-443, table 17'."
    )
    kind: SourceKind = Field(
        description="What kind of source: document, statistic, memoir, testimony (later testimony), "
        "scholarship or reference."
    )

    def citation(self) -> str:
        """The source as one line of a bibliography."""
        parts = [self.author, f"\u201c{self.title}\u201d" if self.kind == SourceKind.document else self.title]
        if self.publication:
            parts.append(self.publication)
        parts.append(str(self.year))
        if self.pages:
            parts.append(self.pages)
        return ", ".join(parts)


class Reading(ContentModel):
    """One historians' reading of a contested question."""

    view: str = Field(min_length=1, description="The reading in a sentence or two.")
    held_by: str = Field(min_length=1, description="Who holds it, e.g. 'R. W. Davies and S. G. Wheatcroft'.")


class History(ContentModel):
    """What historians know: the note shown after a card is played and in the debrief."""

    note: str = Field(min_length=20, description="A few sentences for the debrief: what really happened.")
    sources: list[Source] = Field(min_length=1, description="At least one published source.")
    contested: bool = Field(False, description="True where historians disagree; then give the readings.")
    readings: list[Reading] = Field(
        default_factory=list, description="The competing readings, required when contested is true."
    )

    @model_validator(mode="after")
    def _contested_needs_readings(self) -> "History":
        if self.contested and len(self.readings) < 2:
            raise ValueError("a contested card needs at least two readings (contested: true)")
        return self


DeckEntry = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9_]+\.([a-z0-9_]+|\*)$", min_length=3, max_length=80),
    Field(description='A card id, or "pack.*" for every card of a pack.'),
]


def deck_matches(entry: str, card_id: str) -> bool:
    """Whether a deck entry ("base.x" or "base.*") takes the card."""
    if entry.endswith(".*"):
        return card_id.startswith(entry[:-1])
    return entry == card_id
