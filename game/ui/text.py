"""Text: wrapping, rendering with a cache, and a record of where every line went.

Every line drawn through `Painter.text` is recorded with the box it belongs to, so the layout
can be checked — no line outside its box, no two lines overlapping — by tests at every window
size and text size, rather than by eye.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pygame

from game.ui.theme import Colour


@lru_cache(maxsize=4096)
def _wrap(font: pygame.font.Font, text: str, width: int) -> tuple[str, ...]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
            while font.size(line)[0] > width and len(line) > 1:  # a word wider than the box
                cut = len(line) - 1
                while cut > 1 and font.size(line[:cut] + "-")[0] > width:
                    cut -= 1
                lines.append(line[:cut] + "-")
                line = line[cut:]
        lines.append(line)
    return tuple(lines)


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines of `text` that each fit in `width` pixels (newlines start new paragraphs)."""
    return list(_wrap(font, text, max(1, width)))


def line_height(font: pygame.font.Font, gap: int = 0) -> int:
    return font.get_linesize() + gap


def measure(font: pygame.font.Font, text: str, width: int, gap: int = 0) -> int:
    """Height in pixels of `text` wrapped to `width`."""
    return len(wrap(font, text, width)) * line_height(font, gap)


@lru_cache(maxsize=2048)
def render(font: pygame.font.Font, text: str, colour: Colour) -> pygame.Surface:
    return font.render(text, True, colour)


@dataclass
class Placed:
    box: pygame.Rect       # the box the text was given
    line: pygame.Rect      # where one line was drawn
    text: str
    layer: int = 0         # an overlay draws on a new layer over the dimmed screen below


@dataclass
class Painter:
    """Draws on a surface and remembers where text went (for the layout checks)."""

    surface: pygame.Surface
    placed: list[Placed] = field(default_factory=list)
    overflows: list[tuple[pygame.Rect, str]] = field(default_factory=list)
    layer: int = 0

    def new_layer(self) -> None:
        self.layer += 1

    def text(self, text: str, font: pygame.font.Font, colour: Colour, box: pygame.Rect,
             align: str = "left", gap: int = 0, first_line: int = 0) -> int:
        """Draw `text` wrapped into `box`, from line `first_line`; return the height used.

        Lines that would not fit are not drawn and are recorded as an overflow, so a box too
        small for its text is found by the checks instead of showing cut letters."""
        lines = wrap(font, text, box.width)[first_line:]
        step = line_height(font, gap)
        y = box.top
        for line in lines:
            if y + font.get_linesize() > box.bottom:
                self.overflows.append((pygame.Rect(box), text))
                break
            image = render(font, line, colour)
            x = box.left if align == "left" else box.centerx - image.get_width() // 2 \
                if align == "center" else box.right - image.get_width()
            where = self.surface.blit(image, (x, y))
            self.placed.append(Placed(pygame.Rect(box), where, line, self.layer))
            y += step
        return y - box.top

    def problems(self) -> list[str]:
        """Text outside its box, text cut off, or lines of different boxes overlapping."""
        out = [f"text does not fit in {box}: {text[:40]!r}" for box, text in self.overflows]
        for p in self.placed:
            if not p.box.contains(p.line):
                out.append(f"line {p.text[:30]!r} at {p.line} leaves its box {p.box}")
        lines = sorted(self.placed, key=lambda p: (p.line.top, p.line.left))
        for i, a in enumerate(lines):
            for b in lines[i + 1:]:
                if b.line.top >= a.line.bottom:
                    break
                if a.layer == b.layer and a.line.colliderect(b.line) and a.line.width and b.line.width:
                    out.append(f"{a.text[:30]!r} overlaps {b.text[:30]!r} at {a.line.clip(b.line)}")
        return out
