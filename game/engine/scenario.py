"""What the engine needs from the content: one level, its cards, compiled once.

Compiling turns each card's window into month numbers and its conditions into predicates
(game/engine/conditions.py), so that the draw of every turn does no parsing and no lookups.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.conditions import Predicate, compile_condition
from game.model.card import Card
from game.model.common import deck_matches, month_index
from game.model.level import Level


@dataclass(frozen=True)
class CompiledCard:
    card: Card
    fixed: int | None                 # month of a fixed-date card
    first: int                        # window, as month numbers (open ends far away)
    last: int
    when: Predicate
    village: Predicate | None         # None for a district card
    choices: tuple[Predicate, ...]    # when each choice is open


def compile_card(card: Card, ration: float) -> CompiledCard:
    first, last = card.first, card.last
    return CompiledCard(
        card=card,
        fixed=month_index(card.date) if card.date else None,
        first=month_index(first) if first else -1,
        last=month_index(last) if last else 1 << 30,
        when=compile_condition(card.when, ration),
        village=compile_condition(card.village, ration) if card.village is not None else None,
        choices=tuple(compile_condition(c.when, ration) for c in card.choices),
    )


@dataclass(frozen=True)
class Scenario:
    level: Level
    cards: dict[str, Card]
    fingerprint: str = ""
    deck: tuple[str, ...] = field(default=())       # drawable card ids, sorted
    card_sets: tuple[str, ...] = ()                 # a teacher's choice of cards ('pack.*' or ids)
    packs: tuple[tuple[str, str], ...] = ()         # (id, version) of the content's packs
    card_packs: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # card id -> its pack
    compiled: dict[str, CompiledCard] = field(default_factory=dict, compare=False, repr=False)
    _by_month: dict[int, tuple[CompiledCard, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.deck:
            # Sorted by id, so that drawing never depends on file order.
            deck = tuple(sorted(cid for cid in self.cards
                                if any(deck_matches(entry, cid) for entry in self.level.deck)
                                and (not self.card_sets
                                     or any(deck_matches(entry, cid) for entry in self.card_sets))))
            object.__setattr__(self, "deck", deck)
        ration = self.level.ration
        object.__setattr__(self, "compiled", {cid: compile_card(card, ration)
                                              for cid, card in self.cards.items()})

    def drawable(self, month: int) -> tuple[CompiledCard, ...]:
        """The deck's cards without a fixed date whose window contains `month`, in id order
        (worked out once a month and kept: the other checks depend on the state)."""
        cards = self._by_month.get(month)
        if cards is None:
            cards = tuple(c for c in (self.compiled[cid] for cid in self.deck)
                          if c.fixed is None and c.first <= month <= c.last)
            self._by_month[month] = cards
        return cards

    def fixed_in(self, first: int, end: int) -> list[CompiledCard]:
        """The deck's fixed-date cards dated from month `first` up to (not including) `end`."""
        return [c for c in (self.compiled[cid] for cid in self.deck) if c.fixed is not None and first <= c.fixed < end]
