"""The bundled fonts (Noto Sans and Noto Serif, OFL: see assets/fonts/OFL.txt), cached by size."""

from __future__ import annotations

from functools import lru_cache

import pygame

from game import paths

FILES = {
    "sans": "NotoSans-Regular.ttf",
    "sans_bold": "NotoSans-Bold.ttf",
    "serif": "NotoSerif-Regular.ttf",
    "serif_bold": "NotoSerif-Bold.ttf",
}


@lru_cache(maxsize=128)
def font(role: str, px: int) -> pygame.font.Font:
    """The font for a role ('sans', 'sans_bold', 'serif', 'serif_bold') at a pixel size."""
    path = paths.ASSETS / "fonts" / FILES[role]
    try:
        return pygame.font.Font(path, px)
    except (FileNotFoundError, OSError, pygame.error):
        return pygame.font.Font(None, round(px * 1.3))  # pygame's own font, if ours is missing
