"""Levels: a district, its villages, the centre's schedule, the historical policy, endings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from game.model.common import ContentModel, DeckEntry, Identifier, Month, Source, deck_matches, month_index
from game.model.conditions import Condition

Stance = Literal["persuade", "pressure", "force", "hold"]
Press = Literal["light", "normal", "hard", "maximum"]
Listing = Literal["none", "fewer", "as_ordered", "beyond"]
Request = Literal["none", "seed_loan", "food_aid", "tractors"]
ReportKind = Literal["honest", "inflated", "understated"]


class VillageSpec(ContentModel):
    """A village as the level starts."""

    id: Identifier
    name: str = Field(min_length=1, max_length=40, description="The village's name.")
    description: str = Field(min_length=1, description="One or two sentences on its character.")
    households: int = Field(ge=20, le=5000, description="Peasant households (hh).")
    kolkhoz_households: int = Field(0, ge=0, description="Households already in a kolkhoz (hh).")
    population: int = Field(ge=50, le=30000, description="People living in the village.")
    arable: float = Field(gt=0, description="Arable land (ha).")
    sown_winter: float = Field(0, ge=0, description="Winter grain sown the autumn before (ha).")
    sown_spring: float = Field(0, ge=0, description="Spring grain already sown, for a level that starts "
                               "after the sowing (ha).")
    grain: float = Field(ge=0, description="Grain held for food and fodder (t).")
    seed: float = Field(ge=0, description="Seed grain held for the spring sowing (t).")
    horses: int = Field(ge=0, description="Horses and oxen (head).")
    cattle: int = Field(ge=0, description="Cattle (head).")
    pigs: int = Field(ge=0, description="Pigs (head).")
    sheep: int = Field(ge=0, description="Sheep and goats (head).")
    resistance: float = Field(ge=0, le=100, description="Readiness to resist, 0-100.")
    trust: float = Field(ge=0, le=100, description="Trust in the regime, 0-100.")
    traits: dict[Identifier, str | bool | int] = Field(
        default_factory=dict, description="Traits for card conditions, e.g. religious: true, wealth: well_off."
    )
    x: float = Field(0.5, ge=0, le=1, description="Position on the district map, 0-1 from the left.")
    y: float = Field(0.5, ge=0, le=1, description="Position on the district map, 0-1 from the top.")

    @model_validator(mode="after")
    def _kolkhoz_within_households(self) -> "VillageSpec":
        if self.kolkhoz_households > self.households:
            raise ValueError("kolkhoz_households is larger than households")
        return self


class Directive(ContentModel):
    """What the centre orders from a given month. Fields left out keep their earlier value."""

    date: Month
    title: str = Field(min_length=1, description="Heading of the directive as the player sees it.")
    text: str = Field(min_length=1, description="The directive in a few sentences.")
    grain_quota: float | None = Field(None, ge=0, description="Grain to deliver this campaign (t).")
    campaign_end: Month | None = Field(None, description="Last month of the procurement campaign.")
    collectivization_target: float | None = Field(
        None, ge=0, le=1, description="Share of households to be in kolkhozy by target_date (0-1)."
    )
    target_date: Month | None = Field(None, description="When the collectivization target is due.")
    kulak_quota: int | None = Field(None, ge=0, description="Households to be 'dekulakized' (hh).")
    cadres: int | None = Field(None, ge=0, le=20, description="Brigades of cadres available each month.")
    relief: float | None = Field(None, ge=0, description="Grain the state sends to the district reserve (t).")
    tractors: int | None = Field(None, ge=0, description="Tractors the Machine-Tractor Station adds to the district.")
    seed_loan: float | None = Field(None, ge=0, description="Seed the state lends the district, shared "
                                    "among the villages by their land (t).")
    flags: dict[Identifier, bool] = Field(
        default_factory=dict, description="District flags the directive sets (true) or clears (false), "
        "e.g. leaving_allowed: true after 'Dizzy with Success'.")
    sources: list[Source] = Field(default_factory=list, description="Where this directive is documented.")


class CountryNews(ContentModel):
    """What happened in the country that month, for the news screen."""

    date: Month
    text: str = Field(min_length=1, description="One or two sentences, as a news line.")
    sources: list[Source] = Field(min_length=1, description="Where it is documented.")


class Tip(ContentModel):
    """A word on how to play, shown with the directives of its month (for the tutorial)."""

    date: Month
    text: str = Field(min_length=1, description="What to look at and try this turn.")


class PolicyMonth(ContentModel):
    """What most officials did from a given month: the historical policy of `simulate`."""

    date: Month
    stance: Stance = Field(description="Stance in every village.")
    press: Press = Field(description="How hard to press grain procurement.")
    keep_seed: bool = Field(True, description="Whether seed grain is protected from procurement.")
    kulak_lists: Listing = Field("as_ordered", description="How the 'kulak' lists are filled.")
    report: ReportKind = Field("honest", description="How collectivization is reported.")


Series = Literal[
    "collectivized_share", "population", "grain", "seed", "horses", "cattle", "pigs", "sheep",
    "standing", "deaths_in_month", "unrest_in_month", "delivered_in_month", "harvest_in_month",
]


class Target(ContentModel):
    """A documented fact the historical run must reproduce, with its tolerance.

    Stocks (shares, people, grain, livestock, standing) are read on the first of a month, and
    once more as the game ends; flows (`..._in_month`) are what happened during a month.
    check `value`: the series at `date`; `peak`: the month in which it is highest must be `date`;
    `share_of_total`: the part of its total over the game that falls from `date` to `until`;
    `change`: its value at `until` (or the end) against its value at `date`, as a fraction
    (-0.4 is a fall of 40%); `ratio`: its total from `date` to `until` divided by the total of
    `of` over the same months."""

    check: Literal["value", "peak", "share_of_total", "change", "ratio"] = Field(
        description="How the series is checked: value, peak, share_of_total, change or ratio.")
    series: Series = Field(description="The series: a stock on the first of the month or a flow in the month.")
    of: Series | None = Field(None, description="For a ratio: the series to divide by.")
    date: Month = Field(description="The month checked (or the first month of a span).")
    until: Month | None = Field(None, description="The last month of a span; for change, none means the end.")
    low: float | None = Field(None, description="Lowest acceptable value.")
    high: float | None = Field(None, description="Highest acceptable value.")
    record: str = Field(min_length=1, description="What the record says, in words.")
    sources: list[Source] = Field(min_length=1, description="Where the record is documented.")


class Ending(ContentModel):
    """An ending: the first whose condition holds at the end of the game is shown."""

    id: Identifier
    title: str = Field(min_length=1, max_length=80, description="The ending's title, as the player sees it.")
    fate: Literal["promoted", "kept", "reprimanded", "removed", "arrested"] = Field(
        description="The player's fate in this ending."
    )
    when: Condition | None = Field(None, description="When this ending applies; none means always.")
    text: str = Field(min_length=1, description="What the player reads.")
    note: str = Field(min_length=1, description="What happened to real officials and districts.")
    sources: list[Source] = Field(min_length=1, description="Sources for the note.")


class DistrictSpec(ContentModel):
    """The district as the level starts."""

    name: str = Field(min_length=1, max_length=60,
                      description="The district's name, e.g. 'Sosnovka district'.")
    region: str = Field(min_length=1, description="The region, e.g. 'Central Black Earth oblast'.")
    standing: float = Field(60, ge=0, le=100, description="The player's standing with the centre, 0-100.")
    tractors: int = Field(0, ge=0, description="Tractors available from the MTS.")
    reserve: float = Field(0, ge=0, description="District food reserve (t).")


class Level(ContentModel):
    """A level: one district over a stretch of the history."""

    id: Identifier
    title: str = Field(min_length=1, max_length=80, description="The level's title.")
    summary: str = Field(min_length=1, description="One paragraph for the level choice.")
    start: Month
    end: Month
    turn_months: int = Field(1, ge=1, le=6, description="Months per turn: 1 (monthly) or 3 (seasons).")
    minutes: int = Field(ge=5, le=600, description="About how long a game takes.")
    order: int = Field(50, ge=0, le=1000, description="Place in the list of levels (lower comes first).")
    difficulty: Literal["introductory", "standard", "hard"] = Field(
        description="introductory, standard or hard, as shown in the level choice.")
    events_per_turn: int = Field(2, ge=1, le=3, description="Cards drawn in the events phase.")
    harvest_month: int = Field(8, ge=1, le=12, description="Calendar month of the grain harvest.")
    sowing_months: list[int] = Field([4, 5], description="Calendar months of the spring sowing.")
    winter_sowing_months: list[int] = Field(
        default_factory=list, description="Calendar months of the autumn sowing of winter grain, for "
        "levels that run through an autumn after a harvest (e.g. [9, 10]).")
    winter_share: float = Field(0.45, ge=0, le=1, description="Share of the arable land sown to winter grain.")
    ration: float = Field(16, gt=0, description="Grain a person needs a month (kg).")
    harvests: dict[int, float] = Field(
        default_factory=dict, description="The year's yield against an average year, where the record "
        "gives one (e.g. 1931: 0.85 for the drought); each harvest also varies at random by up to 8%.")
    deck: list[DeckEntry] = Field(min_length=1, description='Cards this level draws from: ids, or "pack.*".')
    district: DistrictSpec = Field(description="The district as the level starts.")
    villages: list[VillageSpec] = Field(min_length=5, max_length=8, description="Five to eight villages.")
    directives: list[Directive] = Field(
        min_length=1, description="The centre's orders by month; the first is dated the start month.")
    historical_policy: list[PolicyMonth] = Field(
        min_length=1,
        description="What most officials did, by month; the first entry is dated the start month.")
    targets: list[Target] = Field(default_factory=list, description="The documented course to reproduce.")
    news: list[CountryNews] = Field(default_factory=list, description="News from the country, by month.")
    tips: list[Tip] = Field(default_factory=list, description="How to play, by month (the tutorial).")
    content_notes: list[Tip] = Field(default_factory=list, description="A content note shown before the "
                                     "turns it introduces (e.g. before the famine of 1932-33).")
    key_cards: list[DeckEntry] = Field(
        default_factory=list, description="Cards whose choice is a key decision, where the player may "
        "give a reason (ids or 'pack.*'); none listed means every directive card.")
    counterfactual: bool = Field(False, description="True for a level that is the model's answer to "
                                 "'what if', not history; the game says so on every screen.")
    endings: list[Ending] = Field(min_length=1, description="Endings, most specific first.")
    sources: list[Source] = Field(min_length=1, description="Sources for the level as a whole.")

    @model_validator(mode="after")
    def _check_dates(self) -> "Level":
        if month_index(self.end) < month_index(self.start):
            raise ValueError("end comes before start")
        if self.directives[0].date != self.start:
            raise ValueError("the first directive must be dated the level's start month")
        if self.historical_policy[0].date != self.start:
            raise ValueError("the historical policy must begin at the level's start month")
        ids = [v.id for v in self.villages]
        if len(set(ids)) != len(ids):
            raise ValueError("two villages share an id")
        if self.endings[-1].when is not None:
            raise ValueError("the last ending must have no condition, so that every game ends")
        return self

    def is_key(self, card) -> bool:
        """Whether the player is asked for a reason when answering `card` in this level."""
        if self.key_cards:
            return any(deck_matches(entry, card.id) for entry in self.key_cards)
        return card.kind.value == "directive"

    def turns(self) -> int:
        """How many turns the level has."""
        return (month_index(self.end) - month_index(self.start)) // self.turn_months + 1
