"""Words for numbers: the same texts for the window and the terminal, made from the engine's
own data (quantities.py, params.py), so what the player is told can never drift from the rules.
"""

from __future__ import annotations

from game.engine.params import PARAMS
from game.engine.quantities import DISTRICT, VILLAGE

# The pictures the game draws itself (game/ui/art.py); a pack may bring its own (images/).
ILLUSTRATIONS = ("assembly", "barn", "church", "document", "field", "grain", "horse", "letter", "newspaper",
                 "tractor", "train", "women")

STANCE_NAMES = {"persuade": "Persuade", "pressure": "Pressure", "force": "Force", "hold": "Hold back"}
PRESS_NAMES = {"light": "Light", "normal": "Normal", "hard": "Hard", "maximum": "Maximum"}
LIST_NAMES = {"none": "Draw up no lists", "fewer": "Fewer than ordered", "as_ordered": "As ordered",
              "beyond": "Beyond the order"}
REQUEST_NAMES = {"none": "Nothing", "seed_loan": "A seed loan", "food_aid": "Food aid",
                 "tractors": "Tractors from the MTS"}


def stance_preview(stance: str) -> str:
    """What a stance tends to do in a month, with two or more brigades."""
    joined = PARAMS.forced_join[stance]
    lines = []
    if joined:
        lines.append(f"Up to {joined:.0%} of the private households are driven into the kolkhoz each month "
                     "(less where resistance is high or brigades are few).")
    elif stance == "persuade":
        lines.append(f"About {PARAMS.voluntary_join + PARAMS.persuade_join:.1%} of private households "
                     "join of their own accord each month, more where trust is high.")
    else:
        lines.append("No campaign: only a few households join of their own accord.")
    lines.append(f"Resistance {PARAMS.stance_resistance[stance]:+.0f} and trust "
                 f"{PARAMS.stance_trust[stance]:+.0f} points a month.")
    if joined:
        s = PARAMS.slaughter_on_joining
        lines.append(f"Households forced in slaughter or sell off part of their animals first: cattle {s['cattle']:.0%}, "
                     f"pigs {s['pigs']:.0%}, sheep {s['sheep']:.0%}, horses {s['horses']:.0%}.")
    if PARAMS.fear_slaughter[stance]:
        lines.append(f"Private farmers slaughter {PARAMS.fear_slaughter[stance]:.0%} of their animals a month in fear.")
    lines.append(f"Once leaving is allowed, {PARAMS.leave_forced[stance]:.0%} of the forced members leave each month.")
    return " ".join(lines)


def press_preview(press: str) -> str:
    months = PARAMS.food_protected_months[press]
    left = f"leaves each village {months:g} months of food" if months else "leaves the villages no food"
    return (f"Seeks {PARAMS.press_multiplier[press]:g} times the month's share of the plan and {left}. "
            f"Resistance hides up to {PARAMS.hiding:.0%} of what is sought.")


def seed_preview(keep: bool) -> str:
    return ("Seed grain is protected: the spring sowing is safe." if keep else
            "Under hard or maximum procurement, seed grain may be taken to make up the plan: "
            "land left unsown means a smaller harvest.")


def lists_preview(listing: str) -> str:
    if listing == "none":
        return "No household is listed. The centre counts the 'kulak' quota unfilled."
    share = {"fewer": "half of", "as_ordered": "all of", "beyond": "half as much again as"}[listing]
    return (f"Lists {share} the households ordered, over the coming months; the families are deported. "
            "Deportation raises resistance, breaks trust, and frightens others into the kolkhoz.")


def request_preview(request: str) -> str:
    if request == "none":
        return "Ask the oblast for nothing."
    return ("Asking costs 2 points of standing (it admits the district cannot cope); the oblast grants "
            "it more often the higher your standing. " + {
                "seed_loan": "A seed loan adds seed for a tenth of the arable land.",
                "food_aid": "Food aid puts a month of food in the district reserve.",
                "tractors": "The Machine-Tractor Station may send two tractors for the sowing."}[request])


def tooltip(name: str, value: str = "") -> str:
    """What a number is and what moves it, from the quantity registry."""
    scope, _, key = name.partition(".")
    q = (DISTRICT if scope == "district" else VILLAGE)[key]
    unit = "" if q.unit in ("share", "index", "points") else f" ({q.unit})"
    return f"{value}{unit}: {q.description}" if value else q.description


def month_result_lines(flows: dict) -> list[tuple[str, str, str]]:
    """(label, value with unit, what it is and what moves it) for each result of a month."""
    lost = flows["slaughtered"]
    return [
        ("Joined the kolkhozy", f"{flows['joined']:,.0f} hh",
         "Households that joined this month: persuasion brings a few, pressure and force many more."),
        ("Left the kolkhozy", f"{flows['left']:,.0f} hh",
         "Households that left: forced members leave in numbers once the centre allows it."),
        ("Deported as 'kulaks'", f"{flows['deported']:,.0f} hh",
         "Households put on the lists and deported with their families, by your orders or a card."),
        ("Fled", f"{flows['fled']:,.0f} hh", "Households that left the district: hunger and force drive them out."),
        ("Grain delivered this month", f"{flows['delivered']:,.0f} t",
         "Grain taken for the state this month; it is taken before the villages eat."),
        ("Grain eaten", f"{flows['eaten']:,.0f} t", "What the villages ate, up to the full ration."),
        ("Land sown", f"{flows['sown']:,.0f} ha", "Sown in the sowing months, as far as horses, tractors and seed allow."),
        ("Animals lost", f"horses {lost['horses']:,.0f}, cattle {lost['cattle']:,.0f}, pigs {lost['pigs']:,.0f}, "
                         f"sheep {lost['sheep']:,.0f} (head)",
         "Slaughtered or sold before joining, in fear, for food, or dead in the socialized herds."),
        ("Deaths", f"{flows['deaths']:,.0f} people", "Deaths this month: the ordinary rate, and more with hunger."),
        ("Births", f"{flows['births']:,.0f} people", "Births this month: fewer when people are hungry."),
        ("Mass disturbances", f"{flows['disturbances']}",
         "Protests the OGPU recorded this month: more with resistance, coercion and the spring exodus."),
    ]


def card_text(card, month: int, intensity: str = "full") -> str:
    """The card's text as the player reads it: with the teacher's 'summarised' setting, a
    testimony of the famine years is given in one line, and its sources after the choice."""
    if intensity == "summarised" and card.kind.value == "testimony" and 1932 <= month // 12 <= 1933:
        return (f"{card.title}: a testimony from the famine years, summarised by your teacher's "
                "settings. After your choice, \"What historians know\" tells what is documented, "
                "with the sources.")
    return card.text.strip()
