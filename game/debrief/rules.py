"""The rules that produced the outcome, in words, from the engine's own parameters — the
debrief's page that puts the model itself up for questioning."""

from __future__ import annotations

from game.engine.params import PARAMS


def rules() -> list[tuple[str, str]]:
    p = PARAMS
    return [
        ("Procurement comes before food",
         "Each month the state takes its share of the plan from the villages' grain first; the "
         f"villages eat what is left. Hard procurement leaves {p.food_protected_months['hard']:g} month of food, "
         f"maximum none. Resistance hides up to {p.hiding:.0%} of what is sought."),
        ("Hunger kills",
         f"When food falls short of {16:g} kg a person a month, hunger rises; at full hunger "
         f"{p.famine_death_rate:.0%} of the people die each month beyond the ordinary "
         f"{p.base_death_rate:.2%}, births fall, and families flee unless the roads are closed."),
        ("Force fills the kolkhoz, and empties the stalls",
         f"Force brings in up to {p.forced_join['force']:.0%} of private households a month; each household "
         f"forced in slaughters or sells part of its animals first (cattle {p.slaughter_on_joining['cattle']:.0%}, "
         f"pigs {p.slaughter_on_joining['pigs']:.0%}); socialized herds lose animals every winter."),
        ("Fewer horses, less sown, smaller harvests",
         f"A horse ploughs {p.horse_ploughs:g} ha in a sowing month, a tractor {p.tractor_ploughs:g} ha; "
         "land that is not sown brings no harvest."),
        ("The retreat",
         f"Once the centre allows members to leave, {p.leave_forced['persuade']:.0%} of those forced in "
         "leave each month under persuasion."),
        ("Resistance",
         "Resistance rises with coercion, deportations, seizures of grain, the exodus and hunger, and "
         "fades slowly; open unrest grows with its square, and costs you standing."),
        ("The centre sees only your reports",
         f"Standing follows the reported figures against the plan; inflated reports raise the next quota by "
         f"{p.ratchet:.0%}; each false report is found with a chance of {p.audit_chance:.0%} a turn; in the "
         "spring of 1930 the centre blamed districts for the 'excesses' it had demanded."),
        ("What the model leaves out",
         "Markets and prices, the towns, the party's own politics, the weather beyond one number a "
         "year, and the people behind the averages. A district is not the USSR: the level scales "
         "the record's proportions to one district."),
    ]
