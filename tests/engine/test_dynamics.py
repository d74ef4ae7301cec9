"""Each relationship the design asks the model to capture, one test each."""

from __future__ import annotations

import pytest

from game.engine import dynamics
from game.engine.rng import Rng
from game.engine.turn import InvalidDecision, step, state_hash
from game.model.decision import CardChoice, Report
from game.model.state import Phase

from conftest import uniform_orders


def run_month(scenario, state, stance, **levers):
    orders = uniform_orders(state, stance, 0, **levers)
    return dynamics.month(state, orders, Rng(5), scenario.level.ration, scenario.level.sowing_months,
                          scenario.level.harvest_month, 1.0)


def test_force_brings_more_households_in_than_persuasion(bare, fresh):
    forced, _ = fresh()
    persuaded, _ = fresh()
    run_month(bare, forced, "force")
    run_month(bare, persuaded, "persuade")
    share = lambda s: sum(v.households_kolkhoz for v in s.villages) / sum(v.households for v in s.villages)
    assert share(forced) > share(persuaded) + 0.1


def test_forced_joining_raises_resistance_and_slaughters_livestock(bare, fresh):
    forced, _ = fresh()
    held, _ = fresh()
    run_month(bare, forced, "force")
    run_month(bare, held, "hold")
    for f, h in zip(forced.villages, held.villages):
        assert f.resistance > h.resistance
        assert f.cattle < h.cattle
        assert f.pigs < h.pigs


def test_fewer_draught_animals_mean_less_land_sown(bare, fresh):
    many, _ = fresh()
    few, _ = fresh()
    for s in (many, few):
        s.month = 1930 * 12 + 3  # April: sowing
    for v in few.villages:
        v.horses *= 0.3
    run_month(bare, many, "hold")
    run_month(bare, few, "hold")
    assert sum(v.sown_spring for v in few.villages) < sum(v.sown_spring for v in many.villages)


def test_members_leave_only_once_the_centre_allows_it(bare, fresh):
    before, _ = fresh()
    for v in before.villages:
        v.households_forced, v.households_private = v.households_private * 0.8, v.households_private * 0.2
    allowed = before.clone()
    allowed.flags.add("leaving_allowed")
    run_month(bare, before, "hold")
    run_month(bare, allowed, "hold")
    forced = lambda s: sum(v.households_forced for v in s.villages)
    assert forced(allowed) < 0.5 * forced(before)


def test_procurement_takes_grain_before_the_village_eats(bare, fresh):
    state, _ = fresh()
    for v in state.villages:
        v.grain = v.population * bare.level.ration / 1000 * 1.2  # just over one month of food
    state.grain_quota, state.campaign_end = 1e6, state.month
    flows = run_month(bare, state, "hold", press="maximum")
    assert flows.delivered > 0
    assert all(v.hunger > 0 for v in state.villages)


def test_light_procurement_leaves_food(bare, fresh):
    state, _ = fresh()
    state.grain_quota, state.campaign_end = 1e6, state.month
    run_month(bare, state, "hold", press="light")
    assert all(v.hunger == 0 for v in state.villages)


def test_hunger_brings_deaths_and_flight_and_closed_roads_stop_flight(bare, fresh):
    open_roads, _ = fresh()
    for v in open_roads.villages:
        v.grain = 0.0
        v.hunger = 80.0
    closed = open_roads.clone()
    closed.flags.add("flight_blocked")
    fed, _ = fresh()
    flows_open = run_month(bare, open_roads, "hold")
    flows_closed = run_month(bare, closed, "hold")
    flows_fed = run_month(bare, fed, "hold")
    assert flows_open.deaths > 3 * flows_fed.deaths
    assert flows_open.fled > 0
    assert flows_closed.fled == 0
    assert flows_closed.deaths >= flows_open.deaths * 0.95


def _to_report(scenario, state, rng, stance="pressure"):
    state, _ = step(scenario, state, uniform_orders(state, stance), rng)
    assert state.phase == Phase.report
    return state


def test_an_inflated_grain_report_ratchets_the_quota_up(bare, fresh):
    state, rng = fresh()
    state = _to_report(bare, state, rng)
    honest, _ = step(bare, state, Report(), Rng(1))
    inflated, _ = step(bare, state, Report(grain="inflated"), Rng(1))
    assert inflated.quota_raise > honest.quota_raise


def test_inflating_collectivization_buys_standing_now(bare, fresh):
    state, rng = fresh()
    state = _to_report(bare, state, rng)
    honest, _ = step(bare, state, Report(), Rng(1))
    inflated, _ = step(bare, state, Report(collectivization="inflated"), Rng(1))
    assert inflated.standing > honest.standing


def test_inspections_find_false_reports_and_cost_standing(bare, fresh):
    caught = 0
    for seed in range(40):
        state, rng = fresh(seed)
        state = _to_report(bare, state, rng)
        state, _ = step(bare, state, Report(grain="understated"), rng)
        for _ in range(4):
            if state.phase != Phase.orders:
                break
            state = _to_report(bare, state, rng)
            state, _ = step(bare, state, Report(), rng)
        if any(e.kind == "audit" for e in state.log):
            caught += 1
            assert "accused_of_concealment" in state.flags
    assert 5 < caught < 40


def test_low_standing_ends_the_game_with_removal(bare, fresh):
    state, rng = fresh()
    state.standing = 11.0
    state = _to_report(bare, state, rng, stance="force")
    state.standing = 0.0  # the month's drift toward the middle cannot lift it to 10
    state, _ = step(bare, state, Report(), rng)
    assert state.phase == Phase.ended
    assert state.ending == "removed"


def test_a_decision_out_of_phase_is_refused_and_the_state_is_unchanged(bare, fresh):
    state, rng = fresh()
    before = state_hash(state)
    with pytest.raises(InvalidDecision):
        step(bare, state, Report(), rng)
    with pytest.raises(InvalidDecision):
        step(bare, state, CardChoice(card="base.none", choice=0), rng)
    with pytest.raises(InvalidDecision, match="brigades"):
        step(bare, state, uniform_orders(state, "force", cadres_each=5), rng)
    assert state_hash(state) == before


def test_every_number_the_centre_reads_has_a_unit():
    from game.engine.quantities import DISTRICT, VILLAGE
    for q in [*DISTRICT.values(), *VILLAGE.values()]:
        assert q.unit and q.description
