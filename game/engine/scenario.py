"""What the engine needs from the content: one level and the cards it can draw."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.model.card import Card
from game.model.common import deck_matches, month_index
from game.model.level import Level


@dataclass(frozen=True)
class Scenario:
    level: Level
    cards: dict[str, Card]
    fingerprint: str = ""
    deck: tuple[str, ...] = field(default=())
    windows: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.deck:
            # The drawable deck in id order, so that drawing does not depend on file order.
            deck = tuple(sorted(cid for cid in self.cards
                                if any(deck_matches(entry, cid) for entry in self.level.deck)))
            object.__setattr__(self, "deck", deck)
        # Each drawable card's window as month numbers, worked out once rather than every turn.
        windows = {}
        for cid in self.deck:
            card = self.cards[cid]
            first, last = card.window or (None, None)
            windows[cid] = (month_index(first) if first else -1, month_index(last) if last else 1 << 30)
        object.__setattr__(self, "windows", windows)
