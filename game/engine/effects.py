"""Applying effects (game/model/effects.py) to a state. Nothing is executed."""

from __future__ import annotations

from game.engine.access import write
from game.engine.flows import deport, flee, join_forced, leave
from game.engine.rng import Rng
from game.model.effects import Add, Chance, Effect, Households, Log, Multiply, Queue, Set, SetFlag
from game.model.state import GameState, LogEntry, VillageState

_FLOWS = {"join": join_forced, "leave": leave, "flee": flee, "deport": deport}


def fill(text: str, village: VillageState | None) -> str:
    """Replace the one token content text may contain. No other formatting is done."""
    return text.replace("{village}", village.name if village is not None else "the district")


def apply(effects: list[Effect], state: GameState, village: VillageState | None, rng: Rng,
          month_label: str, card_id: str | None = None) -> list[LogEntry]:
    """Apply effects in order; return the log lines they produced."""
    lines: list[LogEntry] = []
    for effect in effects:
        if isinstance(effect, (Add, Set, Multiply)):
            write(state, village, effect.quantity, effect.kind, effect.value)
        elif isinstance(effect, SetFlag):
            (state.flags.add if effect.value else state.flags.discard)(effect.flag)
        elif isinstance(effect, Households):
            targets = state.villages if effect.scope == "villages" else [village]
            for v in targets:
                moved = _FLOWS[effect.flow](v, effect.share)
                if effect.flow == "deport":
                    state.kulaks_removed += moved
        elif isinstance(effect, Queue):
            state.queued.append((state.turn + effect.after, effect.card))
        elif isinstance(effect, Chance):
            branch = effect.outcomes[rng.weighted_index([o.weight for o in effect.outcomes])]
            if branch.text:
                lines.append(LogEntry(turn=state.turn, month=month_label, kind="outcome",
                                      text=fill(branch.text, village), card=card_id))
            lines += apply(branch.effects, state, village, rng, month_label, card_id)
        elif isinstance(effect, Log):
            lines.append(LogEntry(turn=state.turn, month=month_label, kind="log",
                                  text=fill(effect.text, village), card=card_id))
        else:
            raise TypeError(f"unknown effect {effect!r}")
    return lines
