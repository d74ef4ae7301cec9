"""The look: a 1930s print — paper, ink and a single red — and the type scale.

The palette is safe for colour-blind players: paper and ink carry the contrast, the red is an
accent, and no meaning is given by colour alone (every state also has a shape, a pattern or
a word). Sizes are in pixels at text size 100%; `Theme.scaled` applies the player's setting.
"""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]

PAPER: Colour = (238, 229, 208)        # the page
PAPER_DARK: Colour = (221, 209, 182)   # panels, cards laid on the page
PAPER_LIGHT: Colour = (247, 241, 226)  # a document, a focused field
INK: Colour = (31, 27, 24)             # text and lines
INK_SOFT: Colour = (92, 84, 74)        # secondary text (contrast 6.5:1 on PAPER)
RED: Colour = (168, 32, 26)            # the one accent: the centre, warnings, focus
BLUE: Colour = (0, 94, 150)            # a second, colour-blind-safe hue for charts (Okabe-Ito blue, darkened)
SHADOW: Colour = (120, 108, 90)

MIN_TEXT_PX = 16                       # nothing smaller at 1280x720, text size 100%


@dataclass(frozen=True)
class Theme:
    """Type sizes and spacing for one text-size setting (1.0 to 1.75)."""

    scale: float = 1.0

    def px(self, size: float) -> int:
        return max(MIN_TEXT_PX, round(size * self.scale))

    @property
    def body(self) -> int:
        return self.px(20)

    @property
    def small(self) -> int:
        return self.px(16)

    @property
    def heading(self) -> int:
        # Headings are large already: they grow at half the rate of the body text.
        return max(MIN_TEXT_PX, round(30 * (1 + (self.scale - 1) / 2)))

    @property
    def title(self) -> int:
        return max(MIN_TEXT_PX, round(54 * (1 + (self.scale - 1) / 2)))

    @property
    def pad(self) -> int:
        return round(12 * min(self.scale, 1.4))

    @property
    def line_gap(self) -> int:
        return round(4 * self.scale)
