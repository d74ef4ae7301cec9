"""One month in the villages: joining and leaving, livestock, procurement, food, people, unrest.

The order inside a month matters and follows the history: the 'kulak' lists and the
campaign come first, then procurement takes its grain *before* the village eats, then
hunger decides deaths and flight. Every rate is in game/engine/params.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.engine.access import expected_harvest
from game.engine.flows import deport, flee, join_forced, join_voluntary, leave
from game.engine.params import PARAMS
from game.engine.rng import Rng
from game.model.decision import Orders
from game.model.state import GameState, VillageState

ANIMALS = ("horses", "cattle", "pigs", "sheep")


@dataclass
class MonthFlows:
    """What happened in one month, summed over the district, for the news and the debrief."""

    joined: float = 0.0
    left: float = 0.0
    deported: float = 0.0
    fled: float = 0.0
    deaths: float = 0.0
    births: float = 0.0
    delivered: float = 0.0
    eaten: float = 0.0
    sown: float = 0.0
    harvest: float = 0.0
    disturbances: int = 0
    unrest: float = 0.0                # expected disturbances: open resistance without the dice
    slaughtered: dict = field(default_factory=lambda: {a: 0.0 for a in ANIMALS})

    def add(self, other: "MonthFlows") -> None:
        for name in ("joined", "left", "deported", "fled", "deaths", "births", "delivered",
                     "eaten", "sown", "harvest", "disturbances", "unrest"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for a in ANIMALS:
            self.slaughtered[a] += other.slaughtered[a]


def cadre_factor(cadres: int) -> float:
    table = PARAMS.cadre_factor
    return table[min(cadres, len(table) - 1)]


def _clamp(x: float, low: float = 0.0, high: float = 100.0) -> float:
    return low if x < low else high if x > high else x


def _poisson(rng: Rng, mean: float) -> int:
    """Knuth's method; the means here are small."""
    if mean <= 0:
        return 0
    limit, k, p = math.exp(-min(mean, 30.0)), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _kulak_targets(state: GameState, orders: Orders) -> dict[str, float]:
    """Households to put on the lists this month, per village (wealthier villages first)."""
    if state.kulak_quota <= 0 or orders.kulak_lists == "none":
        return {}
    ceiling = state.kulak_quota * {"fewer": 0.5, "as_ordered": 1.0, "beyond": 1.5}[orders.kulak_lists]
    month_total = max(0.0, ceiling - state.kulaks_removed) * 0.6
    weights = {v.id: v.households_private * (1.5 if v.traits.get("wealth") == "well_off" else 1.0)
               for v in state.villages}
    total = sum(weights.values())
    return {vid: month_total * w / total for vid, w in weights.items()} if total > 0 else {}


def _procurement_sought(state: GameState, orders: Orders) -> float:
    if state.grain_quota <= 0 or state.campaign_end is None or state.month > state.campaign_end:
        return 0.0
    quota = state.grain_quota * (1 + state.quota_raise)
    remaining = max(0.0, quota - sum(v.delivered for v in state.villages))
    months_left = state.campaign_end - state.month + 1
    return remaining / months_left * PARAMS.press_multiplier[orders.press]


_WINTER_MONTHS = frozenset((11, 12, 1, 2, 3))
_SPRING_MONTHS = frozenset((4, 5, 6))


def _livestock(v: VillageState, share_joined: float, stance: str, calendar_month: int,
               slaughtered: dict) -> None:
    """Slaughter before joining and in fear, winter losses of socialized herds, hunger; births."""
    households = v.households
    fear = PARAMS.fear_slaughter[stance] * v.households_private / households if households > 0 else 0.0
    socialized = (households - v.households_private) / households \
        if calendar_month in _WINTER_MONTHS and households > 0 else 0.0
    hunger = v.hunger
    hungry = hunger / 100 if hunger > 20 else 0.0
    births = PARAMS.spring_births * (1 - hunger / 100) if calendar_month in _SPRING_MONTHS else 0.0
    on_joining = PARAMS.slaughter_on_joining
    for animal in ANIMALS:
        count = getattr(v, animal)
        rate = on_joining[animal] * share_joined + fear + socialized * PARAMS.winter_loss_socialized[animal]
        rate += hungry * PARAMS.hunger_slaughter[animal]
        lost = count * rate if rate < 1 else count
        count -= lost
        if births and animal != "horses":
            count += count * births
        setattr(v, animal, count)
        slaughtered[animal] += lost


def _fodder(v: VillageState, lost: dict) -> None:
    """Horses and pigs are fed grain after the people eat; without it some of them die."""
    wanted = sum(getattr(v, a) * kg for a, kg in PARAMS.fodder_kg.items()) / 1000
    if wanted <= 0:
        return
    fed = min(wanted, v.grain)
    v.grain -= fed
    short = 1 - fed / wanted
    if short > 0:
        for animal in PARAMS.fodder_kg:
            dead = getattr(v, animal) * PARAMS.fodder_loss * short
            setattr(v, animal, getattr(v, animal) - dead)
            lost[animal] += dead


def _sow(v: VillageState, tractors: float, sowing_months_left: int, flows: MonthFlows,
         winter: bool = False, winter_share: float = 0.45) -> None:
    """Sow as far as draught power, seed and order allow: spring grain on the land left, or
    in the autumn winter grain on its share of the land."""
    if winter:
        target = max(0.0, v.arable * winter_share - v.sown_winter)
    else:
        target = max(0.0, v.arable - v.sown_winter - v.sown_spring)
    if target <= 0:
        return
    capacity = v.horses * PARAMS.horse_ploughs + tractors * PARAMS.tractor_ploughs
    disorder = 1 - PARAMS.resistance_disorder * v.resistance / 100
    wanted = target / max(1, sowing_months_left)
    seed_area = v.seed / PARAMS.seed_rate
    area = max(0.0, min(wanted, capacity * disorder, seed_area))
    v.seed -= area * PARAMS.seed_rate
    if winter:
        v.sown_winter += area
    else:
        v.sown_spring += area
    flows.sown += area


def month(state: GameState, orders: Orders, rng: Rng, ration: float, sowing_months: list[int],
          harvest_month: int, weather: float, winter_sowing_months: tuple[int, ...] = (),
          winter_share: float = 0.45) -> MonthFlows:
    """Advance every village by one month under the given orders. Changes `state` in place."""
    flows = MonthFlows()
    calendar_month = state.month % 12 + 1
    leaving_allowed = "leaving_allowed" in state.flags
    kulaks = _kulak_targets(state, orders)
    sought = _procurement_sought(state, orders)
    stocks = sum(v.grain for v in state.villages) or 1.0
    kolkhoz_total = sum(v.households_kolkhoz for v in state.villages) or 1.0
    sowing_left = len([m for m in sowing_months if m >= calendar_month])

    for v in state.villages:
        if v.households <= 0:
            continue
        order = orders.villages[v.id]
        cf = cadre_factor(order.cadres)
        stance = order.stance
        start_households = v.households

        # The 'kulak' lists: deportation of private households.
        deported_share = 0.0
        target = kulaks.get(v.id, 0.0)
        if target > 0 and v.households_private > 0:
            share = min(0.15, target / v.households_private)
            moved = deport(v, share)
            state.kulaks_removed += moved
            flows.deported += moved
            deported_share = moved / start_households

        # Joining: persuasion brings some; pressure and force, and fear of the lists, bring more.
        forced_rate = PARAMS.forced_join[stance] * cf * (1 - v.resistance / 400)
        forced_rate = min(0.9, forced_rate + PARAMS.fear_join * deported_share * (stance != "hold"))
        voluntary_rate = (PARAMS.voluntary_join
                          + (PARAMS.persuade_join * cf if stance == "persuade" else 0.0)) * v.trust / 50
        forced_moved = join_forced(v, forced_rate)
        flows.joined += forced_moved + join_voluntary(v, min(0.5, voluntary_rate))
        forced_share = forced_moved / start_households

        # Leaving: once allowed, forced members go back to their own farms.
        leave_rate = PARAMS.leave_forced[stance] if leaving_allowed else PARAMS.leave_unallowed
        left = leave(v, leave_rate, PARAMS.leave_voluntary if leaving_allowed else 0.0)
        flows.left += left
        leaving_share = left / start_households

        _livestock(v, forced_share, stance, calendar_month, flows.slaughtered)

        # Procurement comes before the village eats.
        grain_before = v.grain
        taken = 0.0
        if sought > 0:
            share_sought = sought * v.grain / stocks
            need_month = v.population * ration / 1000
            protected = PARAMS.food_protected_months[orders.press] * need_month
            available = max(0.0, v.grain - protected)
            taken = min(share_sought, available) * (1 - PARAMS.hiding * v.resistance / 100)
            v.grain -= taken
            if not orders.keep_seed and orders.press in ("hard", "maximum") and share_sought > taken:
                from_seed = min(v.seed, (share_sought - taken) * 0.5)
                v.seed -= from_seed
                taken += from_seed
            v.delivered += taken
            flows.delivered += taken
        seized_share = taken / grain_before if grain_before > 0 else 0.0

        # Sowing and harvest.
        if calendar_month in sowing_months:
            tractors = state.tractors * v.households_kolkhoz / kolkhoz_total
            _sow(v, tractors, sowing_left, flows)
        if calendar_month in winter_sowing_months:
            tractors = state.tractors * v.households_kolkhoz / kolkhoz_total
            left = len([m for m in winter_sowing_months if m >= calendar_month])
            _sow(v, tractors, left, flows, winter=True, winter_share=winter_share)
        if calendar_month == harvest_month:
            crop = expected_harvest(v) * weather
            v.grain += crop
            flows.harvest += crop
            v.sown_winter, v.sown_spring = 0.0, 0.0
            # The village sets aside next year's seed from the new crop, as far as it can.
            keep = min(v.grain, max(0.0, v.arable * PARAMS.seed_rate - v.seed))
            v.grain -= keep
            v.seed += keep

        # Food: the village eats what is left, the district reserve covers part of a shortfall.
        need = v.population * ration / 1000
        eaten = min(need, v.grain)
        if eaten < need and state.reserve > 0:
            relief = min(state.reserve, need - eaten)
            state.reserve -= relief
            v.grain += relief
            eaten += relief
        v.grain -= eaten
        flows.eaten += eaten
        shortfall = 1 - eaten / need if need > 0 else 0.0
        _fodder(v, flows.slaughtered)
        v.grain -= v.grain * PARAMS.grain_loss
        # Hunger follows the shortfall, half of it carried over from last month.
        v.hunger = _clamp(0.5 * v.hunger + 50 * shortfall)

        # People: births, deaths (hunger kills), flight (hunger and force drive families out).
        births = v.population * PARAMS.birth_rate * (1 - v.hunger / 100)
        deaths = v.population * (PARAMS.base_death_rate
                                 + PARAMS.famine_death_rate * (v.hunger / 100) ** 1.5)
        v.births += births
        v.population += births
        deaths = min(deaths, v.population)
        v.population -= deaths
        v.deaths += deaths
        flows.births += births
        flows.deaths += deaths
        flight = 0.0 if "flight_blocked" in state.flags else PARAMS.hunger_flight * (v.hunger / 100) ** 2
        if stance == "force" and v.households > 0:
            flight += PARAMS.force_flight * v.households_private / v.households
        if flight > 0 and v.households > 0:
            flows.fled += flee(v, min(0.5, flight))

        # Resistance and trust.
        baseline = v.traits.get("baseline_resistance", 20)
        v.resistance = _clamp(
            v.resistance
            + PARAMS.stance_resistance[stance] * cf
            + PARAMS.resistance_per_forced_share * forced_share
            + PARAMS.resistance_per_deported_share * deported_share
            + PARAMS.resistance_per_seized_share * seized_share
            + PARAMS.resistance_per_leaving_share * leaving_share
            + PARAMS.resistance_per_hunger * v.hunger
            - PARAMS.resistance_decay * (v.resistance - float(baseline)))
        v.trust = _clamp(v.trust + PARAMS.stance_trust[stance] * cf
                         - PARAMS.trust_per_deported_share * deported_share
                         - PARAMS.trust_per_seized_share * seized_share
                         - PARAMS.trust_per_hunger * v.hunger)

        # Open unrest: mass disturbances, drawn around an expected number.
        # Seizing grain angers as much as forcing people in, but a hungry village has less
        # strength for open protest.
        coercion = forced_share + deported_share + PARAMS.unrest_per_seized_share * seized_share
        expected = (start_households / 1000 * PARAMS.disturbance_rate * (v.resistance / 100) ** 2
                    * (0.2 + PARAMS.disturbance_coercion * coercion
                       + PARAMS.disturbance_leaving * leaving_share)
                    * (1 - v.hunger / 150))
        flows.unrest += expected
        incidents = _poisson(rng, expected)
        v.disturbances += incidents
        flows.disturbances += incidents

    return flows
