"""The turn: directives, orders, events, resolution, report, news.

`new_game` builds the first state; `step` takes one decision and runs the game forward to the
next point where the player must decide. A decision that does not fit the phase raises
`InvalidDecision`, and the state passed in is never changed.
"""

from __future__ import annotations

import hashlib
import json

from game.engine import centre, dynamics
from game.engine.draw import draw
from game.engine.effects import apply, fill
from game.engine.params import PARAMS
from game.engine.rng import Rng
from game.engine.scenario import Scenario
from game.engine.scoring import choose_ending, snapshot
from game.model.common import month_index, month_name
from game.model.decision import CardChoice, Decision, Orders, Report
from game.model.state import STATE_ADAPTER, GameState, LogEntry, Phase, VillageState


class InvalidDecision(ValueError):
    """A decision that the current phase cannot take, with the reason."""


def new_game(scenario: Scenario, seed: int) -> tuple[GameState, Rng]:
    """The state at the start of the level's first turn, and the game's generator."""
    level = scenario.level
    villages = [
        VillageState(
            id=v.id, name=v.name, traits={"baseline_resistance": int(v.resistance), **v.traits},
            households_private=float(v.households - v.kolkhoz_households),
            households_voluntary=float(v.kolkhoz_households), households_forced=0.0,
            population=float(v.population), arable=v.arable, sown_winter=v.sown_winter, sown_spring=v.sown_spring,
            grain=v.grain, seed=v.seed, horses=float(v.horses), cattle=float(v.cattle),
            pigs=float(v.pigs), sheep=float(v.sheep), resistance=v.resistance, trust=v.trust)
        for v in level.villages
    ]
    state = GameState(level=level.id, seed=seed, month=month_index(level.start),
                      standing=level.district.standing, cadres=0, tractors=level.district.tractors,
                      reserve=level.district.reserve, villages=villages)
    state.initial = snapshot(state)
    rng = Rng(seed)
    _begin_turn(state, scenario)
    return state, rng


def _begin_turn(state: GameState, scenario: Scenario) -> None:
    for v in state.villages:
        v.disturbances = 0.0
    state.log += centre.apply_directives(state, scenario, months=1)
    state.turn_start = snapshot(state)
    state.phase = Phase.orders


def step(scenario: Scenario, state: GameState, decision: Decision, rng: Rng
         ) -> tuple[GameState, list[LogEntry]]:
    """Apply one decision; return the new state and the log lines it produced.

    The state passed in is left as it was (a front end may keep it, to go back to it)."""
    new = state.clone()
    return new, advance(scenario, new, decision, rng)


def advance(scenario: Scenario, state: GameState, decision: Decision, rng: Rng) -> list[LogEntry]:
    """Apply one decision to `state` in place: for callers that own the state and keep no
    earlier copy (the simulator, replays). On InvalidDecision the state is unchanged."""
    before = len(state.log)
    if isinstance(decision, Orders):
        _orders(scenario, state, decision, rng)
    elif isinstance(decision, CardChoice):
        _choice(scenario, state, decision, rng)
    elif isinstance(decision, Report):
        _report(scenario, state, decision, rng)
    else:
        raise InvalidDecision(f"unknown decision {decision!r}")
    return state.log[before:]


def _require(state: GameState, phase: Phase) -> None:
    if state.phase != phase:
        raise InvalidDecision(f"the game is in the {state.phase.value} phase, not {phase.value}")


def check_orders(state: GameState, orders: Orders) -> None:
    """Raise InvalidDecision if the orders do not fit the district."""
    ids = {v.id for v in state.villages}
    if set(orders.villages) != ids:
        missing = sorted(ids - set(orders.villages))
        extra = sorted(set(orders.villages) - ids)
        raise InvalidDecision(f"orders must name every village once (missing {missing}, unknown {extra})")
    used = sum(o.cadres for o in orders.villages.values())
    if used > state.cadres:
        raise InvalidDecision(f"{used} brigades assigned but only {state.cadres} are available")


def _orders(scenario: Scenario, state: GameState, orders: Orders, rng: Rng) -> None:
    _require(state, Phase.orders)
    check_orders(state, orders)
    state.orders = orders
    state.log += centre.answer_request(state, orders, rng, scenario.level.ration)
    state.pending = draw(state, scenario, rng)
    label = month_name(state.month)
    for p in state.pending:
        card = scenario.cards[p.card]
        village = state.village(p.village) if p.village else None
        state.log.append(LogEntry(turn=state.turn, month=label, kind="card",
                                  text=fill(card.title, village), card=card.id))
    state.phase = Phase.events
    if not state.pending:
        _resolve(scenario, state, rng)


def available_choices(scenario: Scenario, state: GameState) -> list[int]:
    """Indexes of the choices the top card offers now."""
    if not state.pending:
        return []
    top = state.pending[0]
    village = state.village(top.village) if top.village else None
    return [i for i, is_open in enumerate(scenario.compiled[top.card].choices) if is_open(state, village)]


def _choice(scenario: Scenario, state: GameState, decision: CardChoice, rng: Rng) -> None:
    _require(state, Phase.events)
    top = state.pending[0]
    if decision.card != top.card:
        raise InvalidDecision(f"the card on the table is {top.card}, not {decision.card}")
    if decision.choice not in available_choices(scenario, state):
        raise InvalidDecision(f"choice {decision.choice} is not open on {top.card}")
    card = scenario.cards[top.card]
    choice = card.choices[decision.choice]
    village = state.village(top.village) if top.village else None
    label = month_name(state.month)
    text = fill(choice.label, village)
    if decision.reason:
        text += f" (reason given: {decision.reason})"
    state.log.append(LogEntry(turn=state.turn, month=label, kind="choice", text=text, card=card.id))
    state.log.append(LogEntry(turn=state.turn, month=label, kind="outcome",
                              text=fill(choice.outcome, village), card=card.id))
    state.log += apply(list(choice.effects), state, village, rng, label, card.id)
    state.seen[card.id] = state.seen.get(card.id, 0) + 1
    state.last_seen[card.id] = state.turn
    state.pending = state.pending[1:]
    if not state.pending:
        _resolve(scenario, state, rng)


def _flows_record(flows: dynamics.MonthFlows) -> dict:
    return {
        "joined": round(flows.joined, 1), "left": round(flows.left, 1),
        "deported": round(flows.deported, 1), "fled": round(flows.fled, 1),
        "deaths": round(flows.deaths, 1), "births": round(flows.births, 1),
        "delivered": round(flows.delivered, 1), "eaten": round(flows.eaten, 1),
        "sown": round(flows.sown, 1), "harvest": round(flows.harvest, 1),
        "disturbances": flows.disturbances, "unrest": round(flows.unrest, 3),
        "slaughtered": {a: round(n, 1) for a, n in flows.slaughtered.items()},
    }


def _resolve(scenario: Scenario, state: GameState, rng: Rng) -> None:
    """The outcome engine advances the district through the turn's months, one at a time.

    Each month leaves a row in the game's history: the district's stocks on the first of the
    month and what happened during it. Directives dated inside a turn of several months take
    effect in their own month, not at the turn's start."""
    level = scenario.level
    total = dynamics.MonthFlows()
    first = state.month
    for offset in range(level.turn_months):
        if offset:
            state.month += 1
            state.log += centre.apply_directives(state, scenario, months=1)
        start = state.turn_start if offset == 0 else snapshot(state)
        weather = _weather(scenario, state, rng)
        flows = dynamics.month(state, state.orders, rng, level.ration, level.sowing_months,
                               level.harvest_month, weather, tuple(level.winter_sowing_months),
                               level.winter_share)
        total.add(flows)
        state.history.append({"turn": state.turn, "date": month_name(state.month), **start,
                              "flows": _flows_record(flows)})
    state.month = first
    state.last_flows = _flows_record(total)
    state.phase = Phase.report


def _weather(scenario: Scenario, state: GameState, rng: Rng) -> float:
    """The year's yield factor in the harvest month: the level's record of the year, if it
    gives one (a drought), times the weather, a draw within PARAMS.weather_spread of 1."""
    level = scenario.level
    if state.month % 12 + 1 != level.harvest_month:
        return 1.0
    spread = PARAMS.weather_spread
    return level.harvests.get(state.month // 12, 1.0) * rng.uniform(1 - spread, 1 + spread)


def _report(scenario: Scenario, state: GameState, decision: Report, rng: Rng) -> None:
    _require(state, Phase.report)
    orders = state.orders
    state.log += centre.report(state, decision, orders, scenario, rng)
    state.log += _news(state)
    months = {month_name(m) for m in range(state.month, state.month + scenario.level.turn_months)}
    state.log += [LogEntry(turn=state.turn, month=n.date, kind="news", text=f"In the country: {n.text.strip()}")
                  for n in scenario.level.news if n.date in months]
    if state.standing < PARAMS.removal_standing:
        state.flags.add("removed")
    if "accused_of_concealment" in state.flags and state.standing < 20:
        state.flags.add("arrested")
    state.month += scenario.level.turn_months
    if {"removed", "arrested"} & state.flags or state.month > month_index(scenario.level.end):
        _end(scenario, state)
        return
    state.turn += 1
    _begin_turn(state, scenario)


def _news(state: GameState) -> list[LogEntry]:
    f = state.last_flows
    parts = [f"{f['joined']:.0f} households joined the kolkhozy and {f['left']:.0f} left."]
    if f["deported"]:
        parts.append(f"{f['deported']:.0f} households were deported as 'kulaks'.")
    if f["delivered"]:
        parts.append(f"{f['delivered']:,.0f} t of grain were delivered to the state.")
    lost = sum(f["slaughtered"].values())
    if lost >= 1:
        parts.append(f"{lost:,.0f} animals were slaughtered, sold off or died.")
    if f["disturbances"]:
        n = f["disturbances"]
        parts.append(f"The OGPU recorded {n} mass disturbance{'s' if n != 1 else ''}.")
    parts.append(f"{f['deaths']:.0f} people died and {f['fled']:.0f} households fled.")
    return [LogEntry(turn=state.turn, month=month_name(state.month), kind="news", text=" ".join(parts))]


def _end(scenario: Scenario, state: GameState) -> None:
    ending = choose_ending(state, scenario)
    state.ending = ending.id
    state.phase = Phase.ended
    state.log.append(LogEntry(turn=state.turn, month=month_name(state.month - 1), kind="ending",
                              text=ending.title))


def state_hash(state: GameState) -> str:
    """A hash of the whole state, equal for equal games on any machine."""
    data = STATE_ADAPTER.dump_python(state, mode="json")
    data["flags"] = sorted(data["flags"])
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()
