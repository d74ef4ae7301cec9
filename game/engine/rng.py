"""A small seeded generator (SplitMix64) whose whole state is one integer.

The engine never touches the global `random` module. A game's generator is created from the
seed, travels beside the state and is saved in snapshots, so a game replays exactly on any
Python version and platform.
"""

from __future__ import annotations

from collections.abc import Sequence

_MASK = (1 << 64) - 1


class Rng:
    __slots__ = ("state",)

    def __init__(self, seed: int) -> None:
        self.state = seed & _MASK

    def next_u64(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & _MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def random(self) -> float:
        """A float in [0, 1) with 53 random bits."""
        return (self.next_u64() >> 11) * (1.0 / (1 << 53))

    def chance(self, p: float) -> bool:
        return self.random() < p

    def below(self, n: int) -> int:
        """An integer in [0, n)."""
        if n <= 0:
            raise ValueError("n must be positive")
        return int(self.random() * n)

    def weighted_index(self, weights: Sequence[float]) -> int:
        """Index i with probability weights[i] / sum(weights)."""
        total = sum(weights)
        if total <= 0:
            raise ValueError("weights must sum to more than zero")
        point = self.random() * total
        running = 0.0
        for i, w in enumerate(weights):
            running += w
            if point < running:
                return i
        return len(weights) - 1

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()
