"""Why a card does or does not come up: every check of the drawing rules, with its value now.

A pure function of the scenario and a state, for `python -m game validate --explain`: a
modder asks "why does my card not appear?" and reads each condition beside the value that
decided it.
"""

from __future__ import annotations

from game.engine.access import district_reader, village_reader
from game.engine.conditions import compile_condition
from game.engine.draw import certain, open_now
from game.engine.scenario import Scenario
from game.model.common import month_name
from game.model.conditions import All, Any_, Compare, Condition, DateWindow, FlagIs, Not, Seen, TraitIs
from game.model.state import GameState

YES, NO = "yes", "NO"


def explain(scenario: Scenario, state: GameState, card_id: str) -> list[str]:
    """Lines that say, check by check, whether the card may be drawn in this state."""
    compiled = scenario.compiled.get(card_id)
    if compiled is None:
        return [f"There is no card '{card_id}'."]
    card, level = compiled.card, scenario.level
    lines = [f"{card.id} in level '{level.id}', turn {state.turn} ({month_name(state.month)}):"]
    in_deck = card_id in scenario.deck
    lines.append(f"- in the level's deck {list(level.deck)}: {YES if in_deck else NO}")
    if compiled.fixed is not None:
        here = state.month <= compiled.fixed < state.month + level.turn_months
        lines.append(f"- a fixed-date card for {month_name(compiled.fixed)}: shown in the turn that holds "
                     f"that month, this turn: {YES if here else NO}")
    else:
        inside = compiled.first <= state.month <= compiled.last
        window = ("no limit" if not (card.first or card.last)
                  else f"from {card.first or '...'} to {card.last or '...'}")
        lines.append(f"- the month lies in the card's months ({window}): {YES if inside else NO}")
    times = state.seen.get(card.id, 0)
    if times:
        since = state.turn - state.last_seen.get(card.id, -99)
        ok = card.repeat and since > card.cooldown
        lines.append(f"- played {times} time{'s' if times != 1 else ''}, last {since} turn{'s' if since != 1 else ''} "
                     f"ago; repeat: {card.repeat}, "
                     f"cooldown: {card.cooldown} turns: {YES if ok else NO}")
    else:
        lines.append(f"- not played yet: {YES}")
    if card.when is None:
        lines.append(f"- no 'when' condition: {YES}")
    else:
        lines.append("- when:")
        lines += _condition(card.when, state, level.ration, "    ")
    if card.village is not None:
        select = compiled.village
        admitted = [v.id for v in state.villages if v.population > 0 and select(state, v)]
        lines.append(f"- a village the card may be about: {', '.join(admitted) if admitted else NO + ' (none)'}")
    may = in_deck and compiled.fixed is None and open_now(compiled, state) and \
        compiled.first <= state.month <= compiled.last
    sure = certain(state, scenario)
    slots = max(0, level.events_per_turn - len(sure))
    if any(c.card.id == card_id for c in sure) and compiled.fixed is None:
        lines.append("So it comes up this turn: it was queued by an earlier choice.")
    elif compiled.fixed is not None:
        lines.append(f"So it comes up in the turn that holds {month_name(compiled.fixed)} (a fixed-date card "
                     "comes whatever its 'when' says)." if in_deck else "So it does not come up in this level.")
    elif may and slots == 0:
        lines.append(f"So it may NOT be drawn this turn: the {len(sure)} fixed-date and queued cards fill all "
                     f"{level.events_per_turn} places of the turn.")
    else:
        taken = {c.card.id for c in sure}
        pool = [c for c in scenario.drawable(state.month) if c.card.id not in taken and open_now(c, state)]
        total = sum(c.card.weight for c in pool)
        lines.append(f"So it {'may' if may else 'may NOT'} be drawn this turn" + (
            f": weight {card.weight} of {total} in a pool of {len(pool)} cards, {slots} drawn "
            f"({level.events_per_turn} a turn, less {len(sure)} fixed-date or queued)." if may else "."))
    return lines


def _condition(cond: Condition, state: GameState, ration: float, indent: str) -> list[str]:
    ok = YES if compile_condition(cond, ration)(state, None) else NO
    if isinstance(cond, (All, Any_)):
        head = f"{indent}{'all' if isinstance(cond, All) else 'any'} of: {ok}"
        return [head] + [line for c in cond.of for line in _condition(c, state, ration, indent + "  ")]
    if isinstance(cond, Not):
        return [f"{indent}not: {ok}"] + _condition(cond.of, state, ration, indent + "  ")
    return [f"{indent}{_describe(cond, state, ration)}: {ok}"]


def _describe(cond: Condition, state: GameState, ration: float) -> str:
    if isinstance(cond, Compare):
        scope, _, key = cond.quantity.partition(".")
        if scope == "district":
            now = f"now {district_reader(key)(state):.4g}"
        else:
            get = village_reader(key, ration)
            now = "now " + ", ".join(f"{v.id} {get(v):.4g}" for v in state.villages)
        return f"{cond.quantity} {cond.op} {cond.value:g} ({now})"
    if isinstance(cond, FlagIs):
        return f"flag '{cond.flag}' is {'set' if cond.is_ else 'not set'} (it is {'set' if cond.flag in state.flags else 'not set'})"
    if isinstance(cond, DateWindow):
        return f"date from {cond.from_ or '...'} to {cond.to or '...'} (now {month_name(state.month)})"
    if isinstance(cond, TraitIs):
        having = [v.id for v in state.villages if v.traits.get(cond.trait) == cond.equals]
        return f"a village with {cond.trait} = {cond.equals} ({', '.join(having) or 'none'})"
    if isinstance(cond, Seen):
        most = "" if cond.at_most is None else f" and at most {cond.at_most}"
        return f"'{cond.card}' played at least {cond.at_least}{most} times (played {state.seen.get(cond.card, 0)})"
    return repr(cond)
