"""The registry of named quantities that cards and levels may test and change.

A name is `district.X` (the district), `village.X` (the card's village) or `villages.X`
(in conditions: true if it holds in at least one village; in effects: every village).
Each entry has a unit, a description (shown in tooltips and the schema) and bounds.
Read-only quantities are derived or conserved: cards change them only through the
`households` effect, so that people and households are never created or lost by a card.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    name: str
    unit: str
    description: str
    low: float = 0.0
    high: float | None = None
    writable: bool = False


def _q(name: str, unit: str, description: str, low: float = 0.0, high: float | None = None,
       writable: bool = False) -> Quantity:
    return Quantity(name, unit, description, low, high, writable)


DISTRICT: dict[str, Quantity] = {q.name: q for q in (
    _q("standing", "points", "Your standing with the centre, 0-100. Falls with missed quotas and "
       "exposed lies; below 10 you are removed.", 0, 100, True),
    _q("cadres", "brigades", "Brigades of activists and plenipotentiaries you can send out each month.",
       0, 20, True),
    _q("tractors", "tractors", "Tractors the Machine-Tractor Station lends the district.", 0, None, True),
    _q("grain_quota", "t", "Grain the centre orders delivered in this procurement campaign.", 0, None, True),
    _q("collectivization_target", "share", "Share of households the centre wants in kolkhozy.", 0, 1, True),
    _q("kulak_quota", "hh", "Households the centre orders 'dekulakized'.", 0, None, True),
    _q("reserve", "t", "The district's own food reserve, handed out to the hungriest village.", 0, None, True),
    _q("grain_delivered", "t", "Grain delivered to the state in this campaign."),
    _q("procurement_fulfilment", "share", "Grain delivered as a share of the quota."),
    _q("collectivized_share", "share", "Households in kolkhozy as a share of households present."),
    _q("kulaks_removed", "hh", "Households deported as 'kulaks' so far."),
    _q("resistance", "index", "Mean readiness to resist across the villages, 0-100.", 0, 100),
    _q("trust", "index", "Mean trust in the regime across the villages, 0-100.", 0, 100),
    _q("hunger", "index", "Mean hunger across the villages, 0-100.", 0, 100),
    _q("disturbances", "incidents", "Mass disturbances recorded this turn."),
    _q("population", "people", "People living in the district."),
    _q("deaths", "people", "Deaths since the game began."),
    _q("deported", "people", "People deported since the game began."),
    _q("fled", "people", "People who fled since the game began."),
    _q("households", "hh", "Households still in the district."),
    _q("horses", "head", "Horses and oxen in the district."),
    _q("cattle", "head", "Cattle in the district."),
    _q("pigs", "head", "Pigs in the district."),
    _q("sheep", "head", "Sheep and goats in the district."),
    _q("grain", "t", "Grain held in the villages for food and fodder."),
    _q("turn", "turn", "The turn number, from 1."),
    _q("month", "month", "The calendar month, 1-12.", 1, 12),
)}

VILLAGE: dict[str, Quantity] = {q.name: q for q in (
    _q("resistance", "index", "Readiness to resist, 0-100: rises with coercion, seizures and hunger.",
       0, 100, True),
    _q("trust", "index", "Trust in the regime, 0-100: rises with persuasion and aid, falls with force.",
       0, 100, True),
    _q("grain", "t", "Grain held for food and fodder.", 0, None, True),
    _q("seed", "t", "Seed grain for the spring sowing.", 0, None, True),
    _q("horses", "head", "Horses and oxen: the draught power that ploughs the land.", 0, None, True),
    _q("cattle", "head", "Cattle.", 0, None, True),
    _q("pigs", "head", "Pigs.", 0, None, True),
    _q("sheep", "head", "Sheep and goats.", 0, None, True),
    _q("households", "hh", "Households present: private and kolkhoz."),
    _q("households_private", "hh", "Households farming privately."),
    _q("households_kolkhoz", "hh", "Households in the kolkhoz."),
    _q("households_deported", "hh", "Households deported as 'kulaks'."),
    _q("households_fled", "hh", "Households that fled the village."),
    _q("population", "people", "People living in the village."),
    _q("deaths", "people", "Deaths since the game began."),
    _q("collectivized_share", "share", "Households in the kolkhoz as a share of those present."),
    _q("hunger", "index", "Hunger, 0-100: how far food falls short of the ration.", 0, 100),
    _q("sown_area", "ha", "Land sown for the next harvest."),
    _q("expected_harvest", "t", "The harvest the sown land should bring."),
    _q("food_months", "months", "Months the village's grain lasts at the full ration."),
)}

# Flags the engine itself reads; cards may set others for their own follow-ups.
ENGINE_FLAGS: dict[str, str] = {
    "leaving_allowed": "Kolkhoz members may leave: forced members go back to private farming.",
    "excesses_condemned": "The centre condemns 'excesses': force now costs standing.",
    "flight_blocked": "Roads are closed to peasants: the hungry cannot leave.",
    "excesses_reckoned": "The centre has already blamed the district for its share of the excesses.",
    "accused_of_concealment": "An inspection found you concealing grain: low standing now means arrest.",
    "under_investigation": "An inspector is in the district: false reports are found twice as often.",
    "removed": "You have been removed from your post: the game ends.",
    "arrested": "You have been arrested: the game ends.",
}


def lookup(name: str) -> Quantity | None:
    """The registry entry for `district.X`, `village.X` or `villages.X`, or None."""
    scope, _, key = name.partition(".")
    if scope == "district":
        return DISTRICT.get(key)
    if scope in ("village", "villages"):
        return VILLAGE.get(key)
    return None


def all_names() -> list[str]:
    """Every valid quantity name, for did-you-mean suggestions."""
    names = [f"district.{k}" for k in DISTRICT]
    for scope in ("village", "villages"):
        names += [f"{scope}.{k}" for k in VILLAGE]
    return names
