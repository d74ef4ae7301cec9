"""Procedural pictures in the manner of a 1930s woodcut or linocut print.

Every picture is cut, not painted: a PAPER_LIGHT ground, bold flat INK forms, parallel
hatching for shade and the thin paper-coloured "white lines" a carver leaves inside a black
mass to separate one form from another. At most one element of a picture is RED, as if
printed from a second block (a table cloth, a stamp, a masthead). There is no text in the
pictures, no faces, and nothing violent: the subject is sober and so is the drawing.

All coordinates are computed from the target rect. Each picture is laid out on a 4:3 "plate"
centred in the rect (so shapes keep their proportions), while skies, grounds and the frame run
to the rect's edges. Drawing is clipped to the rect and deterministic for the same
(key, rect, seed); any variation comes from a local `random.Random`, never the global one.

Public functions:
    draw_illustration(surface, key, rect, seed=0)      one card picture (see ILLUSTRATIONS)
    draw_picture_file(surface, path, rect)             a pack's own picture, scaled to fit
    draw_village_marker(surface, center, size, ...)    a village on the district map
    draw_paper_background(surface, rect, seed=0)       the page's paper texture (cached)
"""

from __future__ import annotations

import math
import random
import zlib
from collections import OrderedDict
from collections.abc import Callable, Sequence

import pygame

from game.ui.theme import INK, INK_SOFT, PAPER, PAPER_DARK, PAPER_LIGHT, RED

Point = tuple[float, float]

__all__ = ["ILLUSTRATIONS", "draw_illustration", "draw_picture_file", "draw_village_marker",
           "draw_paper_background"]


# --------------------------------------------------------------------------------------------
# The plate: mapping a picture's own coordinates onto the rect
# --------------------------------------------------------------------------------------------


class _Plate:
    """One picture being cut: the surface, the rect, a 4:3 stage inside it and a local RNG.

    `p(u, v)` maps stage coordinates (0..1 across, 0..1 down) to pixels; `L(k)` is a length
    of k stage-heights. `u0, u1` are the rect's own left and right edges in stage units (they
    lie outside 0..1 when the rect is wider than 4:3), so backgrounds can run edge to edge.
    """

    def __init__(self, surface: pygame.Surface, rect: pygame.Rect, key: str, seed: int) -> None:
        self.surf = surface
        self.rect = rect
        w, h = rect.size
        if w * 3 >= h * 4:
            self.sh = float(h)
            self.sw = h * 4 / 3
        else:
            self.sw = float(w)
            self.sh = w * 3 / 4
        self.ox = rect.x + (w - self.sw) / 2
        self.oy = rect.y + (h - self.sh) / 2
        self.u0 = (rect.left - self.ox) / self.sw
        self.u1 = (rect.right - self.ox) / self.sw
        self.v0 = (rect.top - self.oy) / self.sh
        self.v1 = (rect.bottom - self.oy) / self.sh
        self.lw = max(1, round(self.sh / 120))          # the ordinary cut line
        self.gap = max(3.0, self.sh / 42)               # hatching pitch
        self.rng = random.Random(zlib.crc32(key.encode()) ^ (seed * 2654435761 & 0xFFFFFFFF))

    # coordinates
    def p(self, u: float, v: float) -> Point:
        return (self.ox + u * self.sw, self.oy + v * self.sh)

    def pts(self, uvs: Sequence[Point]) -> list[Point]:
        return [self.p(u, v) for u, v in uvs]

    def L(self, k: float) -> float:
        return k * self.sh

    # drawing in stage coordinates
    def poly(self, uvs: Sequence[Point], colour=INK, halo: bool = False) -> list[Point]:
        pts = self.pts(uvs)
        fill(self.surf, pts, colour, halo=self.lw * 2 if halo else 0)
        return pts

    def line(self, a: Point, b: Point, colour=INK, width: int | None = None) -> None:
        pygame.draw.line(self.surf, colour, self.p(*a), self.p(*b), width or self.lw)

    def hatch(self, uvs: Sequence[Point], angle: float = 45.0, gap: float | None = None,
              colour=INK, width: int | None = None) -> None:
        hatch(self.surf, self.pts(uvs), gap or self.gap, angle, colour, width or 1)


# --------------------------------------------------------------------------------------------
# Shared helpers: fills, hatching, skies, grounds, figures
# --------------------------------------------------------------------------------------------


def fill(surface: pygame.Surface, pts: Sequence[Point], colour=INK, halo: int = 0) -> None:
    """A flat filled polygon; `halo` first cuts a paper-coloured border round it."""
    if halo:
        pygame.draw.lines(surface, PAPER_LIGHT, True, pts, halo)
    pygame.draw.polygon(surface, colour, pts)


def hatch(surface: pygame.Surface, pts: Sequence[Point], gap: float, angle: float = 45.0,
          colour=INK, width: int = 1) -> None:
    """Parallel lines at `angle` degrees, `gap` pixels apart, inside the polygon `pts`.

    A scan-line fill in rotated coordinates: for each line, the crossings with the polygon's
    edges are sorted along the line and joined in pairs, so concave shapes hatch correctly.
    Lines are anchored to the surface's origin, so neighbouring hatches line up.
    """
    if len(pts) < 3 or gap <= 0:
        return
    a = math.radians(angle)
    dx, dy = math.cos(a), math.sin(a)
    proj = [(-dy * x + dx * y) for x, y in pts]
    lo, hi = min(proj), max(proj)
    n = len(pts)
    edges = [(pts[i], pts[(i + 1) % n], proj[i], proj[(i + 1) % n]) for i in range(n)]
    t = math.floor(lo / gap) * gap + gap
    draw_line = pygame.draw.line
    while t < hi:
        hits: list[tuple[float, Point]] = []
        for (x1, y1), (x2, y2), p1, p2 in edges:
            if (p1 <= t < p2) or (p2 <= t < p1):
                f = (t - p1) / (p2 - p1)
                x, y = x1 + f * (x2 - x1), y1 + f * (y2 - y1)
                hits.append((dx * x + dy * y, (x, y)))
        hits.sort()
        for i in range(0, len(hits) - 1, 2):
            draw_line(surface, colour, hits[i][1], hits[i + 1][1], width)
        t += gap


def ellipse_pts(cx: float, cy: float, rx: float, ry: float, n: int = 24,
                a0: float = 0.0, a1: float = 2 * math.pi) -> list[Point]:
    """Points round an ellipse (or an arc of it, from angle a0 to a1, y down)."""
    return [(cx + rx * math.cos(a0 + (a1 - a0) * i / n), cy + ry * math.sin(a0 + (a1 - a0) * i / n))
            for i in range(n + 1 if a1 - a0 < 2 * math.pi else n)]


def sky_lines(pl: _Plate, v_top: float, v_bottom: float, count: int = 6) -> None:
    """Woodcut sky: broken horizontal cuts, closer together towards the horizon."""
    rng = pl.rng
    for i in range(count):
        f = (i + 1) / (count + 1)
        v = v_bottom - (v_bottom - v_top) * (1 - f) ** 1.6
        u = pl.u0 + rng.uniform(0.0, 0.15)
        while u < pl.u1:
            seg = rng.uniform(0.12, 0.45)
            pl.line((u, v), (min(u + seg, pl.u1), v), INK, 1)
            u += seg + rng.uniform(0.04, 0.16)


def ground(pl: _Plate, v: float, shade: bool = True) -> None:
    """The ground line across the rect, with a band of hatching below it."""
    pl.line((pl.u0, v), (pl.u1, v), INK, pl.lw + 1)
    if shade:
        pl.hatch([(pl.u0, v), (pl.u1, v), (pl.u1, pl.v1), (pl.u0, pl.v1)], angle=-20, gap=pl.gap * 1.3)


def frame(pl: _Plate) -> None:
    """The edge of the block, as on a proof."""
    pygame.draw.rect(pl.surf, INK, pl.rect, max(2, pl.lw + 1))


def figure_back(pl: _Plate, cx: float, top: float, h: float, bottom: float, kind: int) -> None:
    """A seated or standing person seen from behind (pixels): head, shoulders, headwear.

    kind 0: bare head, 1: a cap, 2: a kerchief falling in a triangle down the back.
    Seen from behind, nobody has a face to draw.
    """
    s = pl.surf
    r = h * 0.2
    hy = top + r
    halo = max(2, round(pl.lw * 1.5))
    cut = max(1, pl.lw)
    body = [(cx - 0.6 * r, hy + 0.8 * r), (cx + 0.6 * r, hy + 0.8 * r), (cx + 1.9 * r, hy + 1.5 * r),
            (cx + 2.25 * r, hy + 2.3 * r), (cx + 2.35 * r, bottom), (cx - 2.35 * r, bottom),
            (cx - 2.25 * r, hy + 2.3 * r), (cx - 1.9 * r, hy + 1.5 * r)]
    fill(s, body, INK, halo)
    if kind == 1:
        # a cap: a crown a little wider and flatter than the head
        pygame.draw.circle(s, PAPER_LIGHT, (cx, hy), r + halo)
        pygame.draw.circle(s, INK, (cx, hy), r)
        cap = ellipse_pts(cx, hy - 0.1 * r, 1.2 * r, 0.95 * r, 14, math.pi, 2 * math.pi)
        fill(s, cap, INK, halo)
        pygame.draw.circle(s, INK, (cx, hy + 0.1 * r), r * 0.95)
    else:
        rr = r * (1.08 if kind == 2 else 1.0)
        pygame.draw.circle(s, PAPER_LIGHT, (cx, hy), rr + halo)
        pygame.draw.circle(s, INK, (cx, hy), rr)
    if kind == 2:
        # the kerchief's point hangs between the shoulder blades; its edges cut in white
        tri = [(cx - 1.12 * r, hy + 0.2 * r), (cx + 1.12 * r, hy + 0.2 * r), (cx + 0.08 * r, hy + 2.7 * r)]
        fill(s, tri, INK)
        pygame.draw.lines(s, PAPER_LIGHT, False, tri, cut)
        pygame.draw.line(s, INK, (cx - 1.0 * r, hy + 0.2 * r), (cx + 1.0 * r, hy + 0.2 * r), cut)


def woman(pl: _Plate, cx: float, base: float, h: float, variant: int) -> None:
    """A village woman in a shawl and long skirt, seen from behind, as a silhouette.

    The dark shawl covers the head and falls over the shoulders in a triangle whose point
    reaches the waist; `variant` changes the shawl's border (stripe, fringe, spots) and the
    blouse and skirt (light hatched or dark, plain, banded or with an apron's bow).
    """
    s = pl.surf
    halo = max(2, round(pl.lw * 1.5))
    cut = max(1, pl.lw)
    top = base - h
    r = h * 0.07
    hy = top + r * 1.15
    waist = top + 0.46 * h
    torso = [(cx - 0.5 * r, hy + 0.8 * r), (cx + 0.5 * r, hy + 0.8 * r), (cx + 1.9 * r, hy + 1.5 * r),
             (cx + 2.2 * r, hy + 2.4 * r), (cx + 2.0 * r, waist - 0.1 * h), (cx + 1.75 * r, waist),
             (cx - 1.75 * r, waist), (cx - 2.0 * r, waist - 0.1 * h), (cx - 2.2 * r, hy + 2.4 * r),
             (cx - 1.9 * r, hy + 1.5 * r)]
    skirt = [(cx - 1.75 * r, waist), (cx + 1.75 * r, waist), (cx + 2.1 * r, waist + 0.08 * h),
             (cx + 2.9 * r, base - 0.05 * h), (cx + 2.8 * r, base), (cx - 2.8 * r, base),
             (cx - 2.9 * r, base - 0.05 * h), (cx - 2.1 * r, waist + 0.08 * h)]
    fill(s, torso + skirt[2:], INK, halo)
    light_blouse = variant % 2 == 0
    if light_blouse:
        fill(s, torso, PAPER_LIGHT)
        hatch(s, torso, max(2.5, r * 0.38), 90, INK, 1)
        pygame.draw.polygon(s, INK, torso, cut)
    else:
        for side in (-1, 1):
            pygame.draw.line(s, PAPER_LIGHT, (cx + side * 1.7 * r, hy + 2.0 * r),
                             (cx + side * 1.55 * r, waist - 0.01 * h), cut)
    # the skirt: a white hem, and an apron's bow, a band or folds
    pygame.draw.line(s, PAPER_LIGHT, (cx - 2.75 * r, base - 0.07 * h), (cx + 2.75 * r, base - 0.07 * h), cut)
    kind = variant % 3
    if kind == 0:
        for side in (-1, 1):
            pygame.draw.lines(s, PAPER_LIGHT, True, [(cx, waist + 0.4 * r), (cx + side * 0.7 * r, waist),
                                                     (cx + side * 0.7 * r, waist + 0.8 * r)], cut)
            pygame.draw.line(s, PAPER_LIGHT, (cx, waist + 0.4 * r), (cx + side * 0.4 * r, waist + 1.8 * r), cut)
    elif kind == 1:
        band = [(cx - 2.6 * r, base - 0.2 * h), (cx + 2.6 * r, base - 0.2 * h),
                (cx + 2.7 * r, base - 0.13 * h), (cx - 2.7 * r, base - 0.13 * h)]
        hatch(s, band, max(2.0, r * 0.3), 0, PAPER_LIGHT, 1)
    else:
        for k in (-1, 0, 1):
            pygame.draw.line(s, PAPER_LIGHT, (cx + k * 0.9 * r, waist + 0.1 * h),
                             (cx + k * 1.5 * r, base - 0.1 * h), 1)
    # the shawl: over the head, round on top, falling in a broad triangle to the waist
    shawl = (ellipse_pts(cx, hy, 1.12 * r, 1.12 * r, 14, math.pi * 0.75, math.pi * 2.25)
             + [(cx + 2.25 * r, hy + 1.7 * r), (cx + 0.1 * r, waist - 0.02 * h), (cx - 2.25 * r, hy + 1.7 * r)])
    fill(s, shawl, INK, halo if light_blouse else 0)
    left, tip, right = (cx - 2.25 * r, hy + 1.7 * r), (cx + 0.1 * r, waist - 0.02 * h), (cx + 2.25 * r, hy + 1.7 * r)
    border = variant % 4
    if border in (0, 2):
        # a woven border: a white stripe just inside the two lower edges (and spots above it)
        inner = [(left[0] + r * 0.5, left[1] + r * 0.1), (tip[0], tip[1] - r * 0.8),
                 (right[0] - r * 0.5, right[1] + r * 0.1)]
        pygame.draw.lines(s, PAPER_LIGHT, False, inner, cut)
        if border == 2:
            for t in (0.25, 0.5, 0.75):
                for a, b in ((inner[0], inner[1]), (inner[1], inner[2])):
                    pygame.draw.circle(s, PAPER_LIGHT, (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t - 0.22 * r),
                                       max(1.0, r * 0.14))
    else:
        # a fringe along the lower edges
        for a, b in ((left, tip), (tip, right)):
            for j in range(1, 8):
                t = j / 8
                x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
                pygame.draw.line(s, INK, (x, y), (x, y + r * 0.45), 1)
    pygame.draw.lines(s, PAPER_LIGHT, False, [left, tip, right], 1)


def hut(pl: _Plate, cx: float, base: float, w: float, h: float, window: bool = True) -> None:
    """A village hut (izba): log walls, a steep thatched roof, one small window (pixels)."""
    s = pl.surf
    wall_top = base - h * 0.5
    roof = [(cx - 0.62 * w, wall_top + 0.04 * h), (cx, base - h), (cx + 0.62 * w, wall_top + 0.04 * h)]
    walls = [(cx - 0.5 * w, wall_top), (cx + 0.5 * w, wall_top), (cx + 0.5 * w, base), (cx - 0.5 * w, base)]
    fill(s, walls, PAPER_LIGHT)
    hatch(s, walls, max(3.0, h * 0.09), 0, INK, 1)             # the logs
    pygame.draw.polygon(s, INK, walls, max(1, pl.lw))
    fill(s, roof, INK)
    hatch(s, roof, max(3.0, w * 0.09), 100, PAPER_LIGHT, 1)    # thatch
    if window and w > 10:
        win = pygame.Rect(0, 0, max(3, w * 0.22), max(3, h * 0.18))
        win.center = (round(cx), round(wall_top + h * 0.24))
        pygame.draw.rect(s, INK, win)
        pygame.draw.line(s, PAPER_LIGHT, (win.centerx, win.top), (win.centerx, win.bottom - 1), 1)


def wavy(pl: _Plate, x0: float, x1: float, y: float, amp: float, colour=INK) -> None:
    """A line of handwriting: a small irregular wave (pixels)."""
    rng = pl.rng
    pts = []
    x = x0
    step = max(2.0, amp * 0.9)
    phase = rng.uniform(0, 6.28)
    while x < x1:
        pts.append((x, y + amp * math.sin(phase + (x - x0) / (amp * 0.7 + 0.01))
                    * rng.uniform(0.5, 1.0)))
        x += step
    if len(pts) > 1:
        pygame.draw.lines(pl.surf, colour, False, pts, 1)


def typed_lines(pl: _Plate, x0: float, x1: float, y0: float, y1: float, pitch: float,
                colour=INK, thick: int = 1) -> None:
    """Lines of typescript: rows of word-length dashes with ragged ends (pixels)."""
    rng = pl.rng
    y = y0
    width = x1 - x0
    while y < y1:
        end = x1 - rng.uniform(0.0, 0.35) * width if rng.random() < 0.25 else x1
        x = x0
        while x < end:
            word = rng.uniform(0.04, 0.16) * width
            pygame.draw.line(pl.surf, colour, (x, y), (min(x + word, end), y), thick)
            x += word + max(2.0, 0.025 * width)
        y += pitch


# --------------------------------------------------------------------------------------------
# The pictures, one function each
# --------------------------------------------------------------------------------------------


def _assembly(pl: _Plate) -> None:
    """A village meeting: rows of people seen from behind, a table with a red cloth."""
    wall = [(pl.u0, pl.v0), (pl.u1, pl.v0), (pl.u1, 0.48), (pl.u0, 0.48)]
    pl.hatch(wall, angle=90, gap=pl.gap * 1.6)                    # a log wall
    # floorboards in perspective, then the floor line
    for k in range(-6, 7):
        pl.line((0.5 + k * 0.06, 0.48), (0.5 + k * 0.22, pl.v1), INK, 1)
    pl.line((pl.u0, 0.48), (pl.u1, 0.48), INK, pl.lw + 1)
    # two windows, cut out of the wall
    for u in (0.08, 0.82):
        win = [(u, 0.08), (u + 0.1, 0.08), (u + 0.1, 0.3), (u, 0.3)]
        pl.poly(win, PAPER_LIGHT)
        pygame.draw.polygon(pl.surf, INK, pl.pts(win), pl.lw + 1)
        pl.line((u + 0.05, 0.08), (u + 0.05, 0.3))
        pl.line((u, 0.17), (u + 0.1, 0.17))
    # a hanging lamp
    pl.line((0.5, pl.v0), (0.5, 0.1))
    pl.poly([(0.47, 0.1), (0.53, 0.1), (0.56, 0.14), (0.44, 0.14)])
    # the presidium: three people behind the table
    for u in (0.38, 0.5, 0.62):
        x, y = pl.p(u, 0.25)
        figure_back(pl, x, y, pl.L(0.12), pl.p(0, 0.42)[1], 1 if u != 0.5 else 0)
    # the table with its red cloth
    pl.poly([(0.27, 0.38), (0.73, 0.38), (0.75, 0.52), (0.25, 0.52)], RED)
    for u in (0.33, 0.41, 0.5, 0.59, 0.67):
        pl.line((u, 0.395), (u + (u - 0.5) * 0.05, 0.515), PAPER_LIGHT, 1)
    pl.line((0.27, 0.38), (0.73, 0.38), INK, pl.lw + 1)
    pl.line((0.25, 0.52), (0.75, 0.52), INK, pl.lw)
    # three rows of the audience seen from behind, the back row first
    rng = pl.rng
    rows = [(0.58, 0.14, 7, 1.0), (0.7, 0.2, 6, 1.08), (0.84, 0.28, 4, 1.1)]
    for v_top, height, count, span in rows:
        for i in range(count):
            u = 0.5 + (i - (count - 1) / 2) * span / count + rng.uniform(-0.012, 0.012)
            x, y = pl.p(u, v_top + rng.uniform(-0.012, 0.012))
            figure_back(pl, x, y, pl.L(height * rng.uniform(0.94, 1.04)),
                        pl.rect.bottom + 2, rng.choice((0, 1, 1, 2, 2)))


def _barn(pl: _Plate) -> None:
    """A log granary on the village street, its double door shut with a padlock."""
    sky_lines(pl, 0.04, 0.5, 5)
    ground(pl, 0.84)
    # the barn seen a little from the side: the side wall and the far slope of the roof
    side = [(0.8, 0.44), (0.9, 0.4), (0.9, 0.8), (0.8, 0.84)]
    pl.poly(side, PAPER_LIGHT)
    pl.hatch(side, angle=60, gap=pl.gap * 0.55)
    pygame.draw.polygon(pl.surf, INK, pl.pts(side), pl.lw)
    pl.poly([(0.5, 0.12), (0.6, 0.08), (0.96, 0.41), (0.88, 0.46)])
    pl.hatch([(0.5, 0.12), (0.6, 0.08), (0.96, 0.41), (0.88, 0.46)], angle=-42, gap=pl.gap * 0.9,
             colour=PAPER_LIGHT)
    # the front: plank wall, boarded gable, the roof's edge
    wall = [(0.2, 0.42), (0.8, 0.42), (0.8, 0.84), (0.2, 0.84)]
    pl.poly(wall, PAPER_LIGHT)
    pl.hatch(wall, angle=90, gap=pl.gap * 1.1)                       # vertical planks
    pygame.draw.polygon(pl.surf, INK, pl.pts(wall), pl.lw + 1)
    gable = [(0.2, 0.46), (0.5, 0.2), (0.8, 0.46)]
    pl.poly(gable, PAPER_LIGHT)
    pl.hatch(gable, angle=0, gap=pl.gap * 0.9)                       # boards of the gable
    pygame.draw.polygon(pl.surf, INK, pl.pts(gable), pl.lw)
    pl.poly([(0.12, 0.46), (0.5, 0.12), (0.88, 0.46), (0.8, 0.46), (0.5, 0.2), (0.2, 0.46)])
    pl.poly([(0.47, 0.3), (0.53, 0.3), (0.53, 0.38), (0.47, 0.38)])  # the loft hatch
    # the double door: planked leaves, Z-braced, a strap across both, and the padlock
    door = [(0.36, 0.52), (0.64, 0.52), (0.64, 0.84), (0.36, 0.84)]
    pl.poly(door, PAPER_LIGHT)
    pl.hatch(door, angle=90, gap=pl.gap * 0.55)
    for a, b in (((0.37, 0.81), (0.49, 0.545)), ((0.51, 0.81), (0.63, 0.545))):
        pl.line(a, b, INK, pl.lw * 2 + 1)
    for v in (0.545, 0.81):
        pl.line((0.36, v), (0.64, v), INK, pl.lw * 2 + 1)
    pl.line((0.5, 0.52), (0.5, 0.84), INK, pl.lw + 1)
    pygame.draw.polygon(pl.surf, INK, pl.pts(door), pl.lw + 1)
    strap = [(0.33, 0.635), (0.67, 0.635), (0.67, 0.665), (0.33, 0.665)]
    pl.poly(strap)
    pl.poly([(0.485, 0.625), (0.515, 0.625), (0.515, 0.675), (0.485, 0.675)])          # the staple
    cx, top = pl.p(0.5, 0.66)
    r = pl.L(0.032)
    thick = max(2, round(r * 0.45))
    shackle = pygame.Rect(0, 0, r * 2, r * 2.4)
    shackle.midtop = (round(cx), round(top - r * 0.2))
    pygame.draw.ellipse(pl.surf, PAPER_LIGHT, shackle.inflate(thick * 2, thick * 2), thick)
    pygame.draw.ellipse(pl.surf, INK, shackle, thick)
    body = pygame.Rect(0, 0, r * 3.0, r * 2.6)
    body.midtop = (round(cx), round(top + r * 1.2))
    pygame.draw.rect(pl.surf, PAPER_LIGHT, body.inflate(pl.lw * 3, pl.lw * 3), border_radius=max(1, round(r * 0.5)))
    pygame.draw.rect(pl.surf, INK, body, border_radius=max(1, round(r * 0.4)))
    kx, ky = body.centerx, body.centery - r * 0.2
    pygame.draw.circle(pl.surf, PAPER_LIGHT, (kx, ky), max(1.0, r * 0.3))
    pygame.draw.polygon(pl.surf, PAPER_LIGHT, [(kx - r * 0.15, ky), (kx + r * 0.15, ky), (kx + r * 0.22, ky + r * 0.75),
                                              (kx - r * 0.22, ky + r * 0.75)])
    # a step of stones before the door
    pl.poly([(0.33, 0.84), (0.67, 0.84), (0.7, 0.88), (0.3, 0.88)], PAPER_LIGHT)
    pygame.draw.polygon(pl.surf, INK, pl.pts([(0.33, 0.84), (0.67, 0.84), (0.7, 0.88), (0.3, 0.88)]), pl.lw)


def _onion(pl: _Plate, cu: float, base_v: float, width: float, height: float) -> None:
    """An onion dome with a slim cross, ribs cut in white."""
    prof = [(0.36, 0.0), (0.46, 0.1), (0.52, 0.25), (0.5, 0.4), (0.42, 0.55), (0.28, 0.7),
            (0.14, 0.82), (0.05, 0.92), (0.0, 1.0)]
    right = [(cu + x * width, base_v - y * height) for x, y in prof]
    left = [(cu - x * width, base_v - y * height) for x, y in reversed(prof[:-1])]
    pl.poly(right + left)
    for k in (-0.5, 0.5):                       # two ribs following the dome's swell
        rib = [(cu + k * x * width, base_v - y * height) for x, y in prof[1:-1]]
        pygame.draw.lines(pl.surf, PAPER_LIGHT, False, pl.pts(rib), 1)
    # the cross
    tip = base_v - height
    pl.line((cu, tip), (cu, tip - height * 0.55), INK, pl.lw)
    pl.line((cu - width * 0.22, tip - height * 0.38), (cu + width * 0.22, tip - height * 0.38), INK, pl.lw)
    pl.line((cu - width * 0.14, tip - height * 0.18), (cu + width * 0.14, tip - height * 0.24), INK, pl.lw)


def _church(pl: _Plate) -> None:
    """A village church: a nave and drum under an onion dome, a bell tower, a fence."""
    sky_lines(pl, 0.04, 0.7, 6)
    ground(pl, 0.86)

    def block(uvs, shade_angle=None, gap=1.0):
        pl.poly(uvs, PAPER_LIGHT)
        if shade_angle is not None:
            pl.hatch(uvs, angle=shade_angle, gap=pl.gap * gap)
        pygame.draw.polygon(pl.surf, INK, pl.pts(uvs), pl.lw + 1)

    # the apse behind, in shade
    block([(0.64, 0.6), (0.74, 0.62), (0.74, 0.86), (0.64, 0.86)], 70, 0.6)
    # refectory linking the tower to the church
    block([(0.26, 0.6), (0.38, 0.6), (0.38, 0.86), (0.26, 0.86)], 90, 1.2)
    pl.poly([(0.25, 0.61), (0.32, 0.55), (0.39, 0.61)])
    # the main block, its roof, the drum, the dome
    block([(0.38, 0.5), (0.64, 0.5), (0.64, 0.86), (0.38, 0.86)])
    pl.hatch([(0.55, 0.5), (0.64, 0.5), (0.64, 0.86), (0.55, 0.86)], angle=80, gap=pl.gap * 0.7)
    pl.poly([(0.36, 0.51), (0.51, 0.42), (0.66, 0.51)])
    block([(0.45, 0.3), (0.57, 0.3), (0.57, 0.46), (0.45, 0.46)])
    pl.hatch([(0.53, 0.3), (0.57, 0.3), (0.57, 0.46), (0.53, 0.46)], angle=80, gap=pl.gap * 0.6)
    _onion(pl, 0.51, 0.31, 0.085, 0.14)
    # the bell tower: two stages, an open belfry, a small dome
    block([(0.17, 0.46), (0.27, 0.46), (0.27, 0.86), (0.17, 0.86)])
    pl.hatch([(0.24, 0.46), (0.27, 0.46), (0.27, 0.86), (0.24, 0.86)], angle=80, gap=pl.gap * 0.6)
    block([(0.18, 0.32), (0.26, 0.32), (0.26, 0.46), (0.18, 0.46)])
    pl.poly([(0.195, 0.35), (0.245, 0.35), (0.245, 0.43), (0.195, 0.43)])   # the belfry's opening
    pl.poly([(0.17, 0.33), (0.22, 0.27), (0.27, 0.33)])
    _onion(pl, 0.22, 0.28, 0.045, 0.08)
    # windows: narrow arched slits
    for u, v0, v1 in ((0.43, 0.6, 0.72), (0.51, 0.6, 0.72), (0.59, 0.6, 0.72), (0.22, 0.56, 0.66),
                      (0.32, 0.68, 0.76), (0.5, 0.35, 0.42)):
        x0, y0 = pl.p(u - 0.012, v0)
        x1, y1 = pl.p(u + 0.012, v1)
        rad = (x1 - x0) / 2
        pygame.draw.rect(pl.surf, INK, pygame.Rect(x0, y0, max(2, x1 - x0), max(2, y1 - y0)))
        pygame.draw.circle(pl.surf, INK, ((x0 + x1) / 2, y0), rad)
    # the door
    pl.poly([(0.48, 0.77), (0.54, 0.77), (0.54, 0.86), (0.48, 0.86)])
    # a paling fence in front
    for i in range(46):
        u = pl.u0 + (pl.u1 - pl.u0) * i / 45
        pl.line((u, 0.86), (u, 0.9 + 0.012 * (i % 2)), INK, pl.lw)
    pl.line((pl.u0, 0.885), (pl.u1, 0.885), INK, pl.lw)


def _document(pl: _Plate) -> None:
    """A typed order on a desk: heading, paragraphs, a signature and a round red stamp."""
    desk = [(pl.u0, pl.v0), (pl.u1, pl.v0), (pl.u1, pl.v1), (pl.u0, pl.v1)]
    pl.hatch(desk, angle=-35, gap=pl.gap * 1.4)
    sheet = [(0.29, 0.07), (0.73, 0.07), (0.73, 0.95), (0.29, 0.95)]
    shadow = [(u + 0.018, v + 0.02) for u, v in sheet]
    pl.poly(shadow, INK)
    pl.poly(sheet, PAPER_LIGHT)
    pygame.draw.polygon(pl.surf, INK, pl.pts(sheet), pl.lw)
    x0, y0 = pl.p(0.34, 0.0)
    x1, _ = pl.p(0.68, 0.0)
    w = x1 - x0
    thick = max(1, pl.lw)
    # a letterhead block top-left, a centred heading, a reference line
    pl.line((0.34, 0.12), (0.47, 0.12), INK, thick + 1)
    pl.line((0.34, 0.145), (0.45, 0.145), INK, 1)
    pl.line((0.34, 0.165), (0.46, 0.165), INK, 1)
    pl.line((0.43, 0.23), (0.59, 0.23), INK, thick + 2)
    pl.line((0.46, 0.265), (0.56, 0.265), INK, thick)
    pitch = max(3.0, pl.L(0.032))
    typed_lines(pl, x0, x1, pl.p(0, 0.32)[1], pl.p(0, 0.52)[1], pitch, INK, thick)
    typed_lines(pl, x0 + w * 0.06, x1, pl.p(0, 0.56)[1], pl.p(0, 0.7)[1], pitch, INK, thick)
    # signature, and the line under it
    sx, sy = pl.p(0.55, 0.82)
    wavy(pl, sx, sx + w * 0.3, sy, max(2.0, pl.L(0.014)))
    pl.line((0.54, 0.85), (0.69, 0.85), INK, 1)
    # the stamp: a double ring, a star, and marks for the lettering round it
    cx, cy = pl.p(0.44, 0.8)
    r = pl.L(0.085)
    ring = max(1, round(r * 0.07))
    pygame.draw.circle(pl.surf, RED, (cx, cy), r, ring + 1)
    pygame.draw.circle(pl.surf, RED, (cx, cy), r * 0.66, ring)
    for i in range(28):
        a = 2 * math.pi * i / 28
        if 1.2 < a % (2 * math.pi) < 1.95:       # a gap in the lettering, as on real stamps
            continue
        ca, sa = math.cos(a), math.sin(a)
        pygame.draw.line(pl.surf, RED, (cx + ca * r * 0.74, cy + sa * r * 0.74),
                         (cx + ca * r * 0.9, cy + sa * r * 0.9), max(1, ring))
    star = []
    for i in range(10):
        a = -math.pi / 2 + math.pi * i / 5
        rr = r * (0.48 if i % 2 == 0 else 0.2)
        star.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    pygame.draw.polygon(pl.surf, RED, star)


def _field(pl: _Plate) -> None:
    """A ploughed field running to the horizon under a low sun."""
    hz = 0.5
    # the low sun, half set, cut across by bands of cloud
    cx, cy = pl.p(0.68, hz)
    r = pl.L(0.17)
    pygame.draw.circle(pl.surf, RED, (cx, cy), r, draw_top_left=True, draw_top_right=True)
    k = 0
    y = cy - r * 0.22
    while y > cy - r:
        pygame.draw.line(pl.surf, PAPER_LIGHT, (cx - r, y), (cx + r, y), max(1, round(r * 0.04 + k * 0.4)))
        y -= r * (0.2 + 0.05 * k)
        k += 1
    sky_lines(pl, 0.05, hz - 0.04, 5)
    # a far line of trees and roofs on the horizon
    pts = [(pl.u0, hz)]
    u = pl.u0
    rng = pl.rng
    while u < 0.5:
        pts.append((u, hz - rng.uniform(0.01, 0.035)))
        u += rng.uniform(0.015, 0.04)
    pts += [(0.5, hz)]
    pl.poly(pts + [(pl.u0, hz)])
    pl.line((pl.u0, hz), (pl.u1, hz), INK, pl.lw + 1)
    # furrows: gouged wedges converging on a vanishing point beyond the horizon
    vx = 0.42
    n = 24
    for i in range(-n, n + 1):
        bx = vx + i * 0.09
        half = 0.014 + 0.002 * abs(i) ** 0.5
        tri = [(vx + i * 0.002, hz), (bx - half, pl.v1 + 0.02), (bx + half, pl.v1 + 0.02)]
        pl.poly(tri)
    # the near headland: a band of rough grass
    pl.poly([(pl.u0, 0.9), (pl.u1, 0.86), (pl.u1, pl.v1), (pl.u0, pl.v1)], PAPER_LIGHT)
    pl.hatch([(pl.u0, 0.9), (pl.u1, 0.86), (pl.u1, pl.v1), (pl.u0, pl.v1)], angle=75, gap=pl.gap * 0.7)
    pl.line((pl.u0, 0.9), (pl.u1, 0.86), INK, pl.lw)


def _sack(pl: _Plate, cu: float, base_v: float, w: float, h: float, shade_left: bool) -> None:
    """A full sack of grain: a squat, lumpy body with corner ears, gathered and tied at the top."""
    # the right half of the outline, bottom to top, as (across, up) in units of w and h,
    # then the gathered cloth above the cord, which is not symmetric
    body = [(0.0, -0.01), (0.4, 0.0), (0.56, 0.06), (0.5, 0.12), (0.54, 0.35), (0.52, 0.58),
            (0.44, 0.7), (0.26, 0.78), (0.12, 0.8), (0.11, 0.84)]
    tuft = [(0.2, 0.9), (0.15, 0.93), (0.21, 0.99), (0.09, 0.96), (0.04, 1.02), (-0.06, 0.97),
            (-0.17, 0.99), (-0.13, 0.92), (-0.19, 0.89)]
    outline = body + tuft + [(-x, y) for x, y in reversed(body)]
    pts = pl.poly([(cu + x * w, base_v - y * h) for x, y in outline], PAPER_LIGHT)
    # shade: one side of the body hatched, following its curve
    sign = -1 if shade_left else 1
    shade = [(cu + sign * x * w, base_v - y * h) for x, y in body[:8]] + [(cu + sign * 0.05 * w, base_v - 0.74 * h)]
    pl.hatch(shade, angle=70 if shade_left else 110, gap=pl.gap * 0.55)
    pygame.draw.polygon(pl.surf, INK, pts, pl.lw + 1)
    # the cord round the neck, its end hanging
    pl.line((cu - 0.14 * w, base_v - 0.84 * h), (cu + 0.14 * w, base_v - 0.84 * h), INK, pl.lw + 2)
    pl.line((cu + 0.12 * w, base_v - 0.84 * h), (cu + 0.2 * w, base_v - 0.68 * h), INK, pl.lw)
    # a sagging fold across the body, and the seam down the side
    pygame.draw.lines(pl.surf, INK, False, pl.pts([(cu - 0.36 * w, base_v - 0.55 * h), (cu - 0.05 * w, base_v - 0.5 * h),
                                                   (cu + 0.3 * w, base_v - 0.56 * h)]), 1)
    pl.line((cu - sign * 0.3 * w, base_v - 0.08 * h), (cu - sign * 0.32 * w, base_v - 0.45 * h), INK, 1)


def _grain(pl: _Plate) -> None:
    """Sacks of grain stacked on a threshing floor, and a bound sheaf."""
    pl.line((pl.u0, 0.58), (pl.u1, 0.58), INK, pl.lw)             # the barn wall's foot, far
    pl.hatch([(pl.u0, pl.v0), (pl.u1, pl.v0), (pl.u1, 0.58), (pl.u0, 0.58)], angle=90, gap=pl.gap * 2.2)
    ground(pl, 0.88)
    _sack(pl, 0.22, 0.8, 0.2, 0.34, True)
    _sack(pl, 0.46, 0.79, 0.2, 0.37, False)
    _sack(pl, 0.34, 0.91, 0.22, 0.33, True)
    # scattered grain on the floor
    rng = pl.rng
    for _ in range(18):
        x, y = pl.p(rng.uniform(0.12, 0.62), rng.uniform(0.91, 0.97))
        pygame.draw.ellipse(pl.surf, INK, pygame.Rect(x, y, max(2, pl.L(0.012)), max(1, pl.L(0.007))))
    # the sheaf: stalks fanned above and below a red band
    cu, band_v = 0.75, 0.6
    stalks = 17
    for i in range(stalks):
        f = (i - (stalks - 1) / 2) / ((stalks - 1) / 2)
        top = (cu + f * 0.11, 0.2 + 0.05 * f * f)
        low = (cu + f * 0.075, 0.88)
        mid = (cu + f * 0.018, band_v)
        pl.line(low, mid, INK, pl.lw)
        pl.line(mid, top, INK, pl.lw)
        # an ear of grain at the top
        x, y = pl.p(*top)
        ear = pygame.Rect(0, 0, max(2, pl.L(0.022)), max(4, pl.L(0.075)))
        ear.midbottom = (round(x), round(y + pl.L(0.01)))
        pygame.draw.ellipse(pl.surf, INK, ear)
        pygame.draw.line(pl.surf, PAPER_LIGHT, (ear.centerx, ear.top + 1), (ear.centerx, ear.bottom - 2), 1)
        pygame.draw.line(pl.surf, INK, (ear.centerx, ear.top), (ear.centerx + f * pl.L(0.02), ear.top - pl.L(0.04)), 1)
    band = [(0.69, band_v - 0.03), (0.81, band_v - 0.03), (0.81, band_v + 0.025), (0.69, band_v + 0.025)]
    pl.poly(band, RED)
    pygame.draw.polygon(pl.surf, INK, pl.pts(band), 1)


# The horse, facing right, in its own units: x along the body (0..1.22), y up from the ground.
_HORSE_BODY = [(0.1, 0.62), (0.18, 0.7), (0.3, 0.71), (0.45, 0.68), (0.6, 0.68), (0.72, 0.74),
               (0.86, 0.68), (0.95, 0.56), (0.95, 0.44), (0.88, 0.36), (0.7, 0.31), (0.45, 0.3),
               (0.28, 0.35), (0.14, 0.42), (0.07, 0.52)]
_HORSE_HEAD = [(0.66, 0.72), (0.74, 0.85), (0.86, 0.96), (0.95, 1.0), (0.96, 1.07), (0.99, 1.01),
               (1.01, 1.06), (1.03, 0.99), (1.09, 0.94), (1.2, 0.75), (1.22, 0.68), (1.19, 0.64),
               (1.13, 0.64), (1.05, 0.71), (0.99, 0.74), (0.96, 0.64), (0.95, 0.5), (0.84, 0.5)]
_HORSE_TAIL = [(0.1, 0.65), (0.04, 0.6), (0.015, 0.45), (0.0, 0.3), (0.025, 0.24), (0.06, 0.27),
               (0.06, 0.42), (0.09, 0.52)]
_HORSE_HIND = [(0.08, 0.56), (0.31, 0.5), (0.31, 0.36), (0.27, 0.25), (0.26, 0.1), (0.28, 0.05),
               (0.31, 0.0), (0.13, 0.0), (0.15, 0.05), (0.16, 0.12), (0.15, 0.26), (0.11, 0.31),
               (0.08, 0.42)]
_HORSE_FORE = [(0.78, 0.5), (0.94, 0.5), (0.91, 0.32), (0.9, 0.12), (0.91, 0.05), (0.95, 0.0),
               (0.78, 0.0), (0.81, 0.05), (0.815, 0.12), (0.8, 0.32)]


def _horse(pl: _Plate) -> None:
    """A heavy draught horse in its collar, side view, standing in a field."""
    sky_lines(pl, 0.04, 0.52, 5)
    hz = 0.58
    pl.line((pl.u0, hz), (pl.u1, hz), INK, pl.lw)
    ground(pl, 0.88)
    k = pl.L(0.66)
    ox = pl.p(0.5, 0)[0] - 0.61 * k                # centre the horse's 1.22 units of length
    oy = pl.p(0, 0.88)[1]

    def tx(pts, dx=0.0):
        return [(ox + (x + dx) * k, oy - y * k) for x, y in pts]

    s = pl.surf
    halo = max(2, round(pl.lw * 1.5))
    lw = max(1, pl.lw)
    # far legs, set a little apart; near legs cut free of them; then tail, body, neck and head
    fill(s, tx(_HORSE_HIND, 0.08), INK)
    fill(s, tx(_HORSE_FORE, -0.07), INK)
    fill(s, tx(_HORSE_HIND), INK, halo)
    fill(s, tx(_HORSE_FORE), INK, halo)
    fill(s, tx(_HORSE_TAIL), INK)
    fill(s, tx(_HORSE_BODY), INK)
    fill(s, tx(_HORSE_HEAD), INK)
    # the collar: a thick white ring round the base of the neck, with the hames inside it
    pygame.draw.lines(s, PAPER_LIGHT, False, tx([(0.75, 0.8), (0.8, 0.7), (0.86, 0.6), (0.9, 0.5)]), lw * 3)
    pygame.draw.lines(s, INK, False, tx([(0.76, 0.78), (0.81, 0.69), (0.87, 0.59)]), lw)
    # the trace running back along the flank, and the girth
    pygame.draw.line(s, PAPER_LIGHT, tx([(0.86, 0.55)])[0], tx([(0.22, 0.5)])[0], lw)
    pygame.draw.line(s, PAPER_LIGHT, tx([(0.5, 0.68)])[0], tx([(0.5, 0.31)])[0], lw)
    # the mane: short white cuts along the crest
    for i in range(7):
        f = i / 7
        a = tx([(0.72 + 0.22 * f, 0.8 + 0.17 * f)])[0]
        pygame.draw.line(s, PAPER_LIGHT, a, (a[0] + k * 0.015, a[1] + k * 0.06), 1)
    # the bridle: a headstall and noseband, no features drawn
    pygame.draw.lines(s, PAPER_LIGHT, False, tx([(0.99, 0.96), (1.03, 0.8), (1.12, 0.71)]), 1)
    pygame.draw.line(s, PAPER_LIGHT, tx([(1.12, 0.79)])[0], tx([(1.16, 0.66)])[0], 1)
    # feathering: white strokes over the heavy hooves
    for base in (0.15, 0.8):
        for j in range(5):
            a = tx([(base + 0.028 * j, 0.1)])[0]
            pygame.draw.line(s, PAPER_LIGHT, a, (a[0] + k * 0.01, a[1] + k * 0.06), 1)


def _letter(pl: _Plate) -> None:
    """A letter folded in three, and in front of it an envelope with a red postage stamp."""
    pl.hatch([(pl.u0, pl.v0), (pl.u1, pl.v0), (pl.u1, pl.v1), (pl.u0, pl.v1)], angle=-35, gap=pl.gap * 1.4)
    amp = max(1.5, pl.L(0.01))
    # the letter, behind: three panels, the lowest turned up and in shade, handwriting on the rest
    u0, u1, top, bottom = 0.42, 0.86, 0.06, 0.78
    folds = [top + (bottom - top) * f for f in (1 / 3, 2 / 3)]
    sheet = [(u0, top), (u1, top), (u1, bottom), (u0, bottom)]
    pl.poly([(u + 0.015, v + 0.02) for u, v in sheet])
    pl.poly(sheet, PAPER_LIGHT)
    pl.hatch([(u0, folds[1]), (u1, folds[1]), (u1, bottom), (u0, bottom)], angle=20, gap=pl.gap * 0.8)
    for v in folds:
        pl.line((u0, v), (u1, v), INK, pl.lw)
    pygame.draw.polygon(pl.surf, INK, pl.pts(sheet), pl.lw)
    lx0, _ = pl.p(u0 + 0.04, 0)
    lx1, _ = pl.p(u1 - 0.04, 0)
    v = top + 0.05
    while v < folds[1] - 0.03:
        if abs(v - folds[0]) > 0.025:
            wavy(pl, lx0, lx1 - pl.rng.uniform(0, 0.3) * (lx1 - lx0), pl.p(0, v)[1], amp)
        v += 0.05
    # the envelope, in front: address in handwriting, sender's lines, stamp and postmark
    env = [(0.1, 0.4), (0.64, 0.4), (0.64, 0.88), (0.1, 0.88)]
    pl.poly([(u + 0.015, v + 0.02) for u, v in env])
    pl.poly(env, PAPER_LIGHT)
    pygame.draw.polygon(pl.surf, INK, pl.pts(env), pl.lw)
    x0, y0 = pl.p(0.24, 0.66)
    x1, _ = pl.p(0.58, 0.66)
    for i in range(3):
        wavy(pl, x0 + i * (x1 - x0) * 0.08, x1 - (x1 - x0) * 0.12 * (i == 2), y0 + i * pl.L(0.06), amp)
    pl.line((0.14, 0.47), (0.28, 0.47), INK, 1)
    pl.line((0.14, 0.5), (0.24, 0.5), INK, 1)
    stamp = [(0.52, 0.44), (0.6, 0.44), (0.6, 0.56), (0.52, 0.56)]
    pl.poly(stamp, RED)
    pts = pl.pts(stamp)
    n = 6
    for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1]):
        for j in range(n + 1):
            pygame.draw.circle(pl.surf, PAPER_LIGHT, (ax + (bx - ax) * j / n, ay + (by - ay) * j / n),
                               max(1.0, pl.L(0.006)))
    pl.hatch([(0.535, 0.46), (0.585, 0.46), (0.585, 0.54), (0.535, 0.54)], angle=0,
             gap=max(2.0, pl.gap * 0.5), colour=PAPER_LIGHT)
    cx, cy = pl.p(0.5, 0.54)
    pygame.draw.circle(pl.surf, INK, (cx, cy), pl.L(0.05), 1)
    pygame.draw.circle(pl.surf, INK, (cx, cy), pl.L(0.032), 1)
    for j in (-1, 0, 1):
        pygame.draw.line(pl.surf, INK, (cx - pl.L(0.05), cy + j * pl.L(0.018)),
                         (cx - pl.L(0.17), cy + j * pl.L(0.018)), 1)


def _newspaper(pl: _Plate) -> None:
    """A newspaper folded in half on a desk: red masthead bar, headline, columns, a picture."""
    pl.hatch([(pl.u0, pl.v0), (pl.u1, pl.v0), (pl.u1, pl.v1), (pl.u0, pl.v1)], angle=-35, gap=pl.gap * 1.4)
    L, R, top, fold = 0.12, 0.86, 0.08, 0.86
    # the folded sheets under the front page: edges stepping out to the right and the bottom
    pl.poly([(L + 0.02, top + 0.03), (R + 0.03, top + 0.03), (R + 0.03, fold + 0.04), (L + 0.02, fold + 0.04)])
    for k in (2, 1):
        d = 0.009 * k
        page = [(L + d, top + d), (R + d, top + d), (R + d, fold + d), (L + d, fold + d)]
        pl.poly(page, PAPER_LIGHT)
        pygame.draw.polygon(pl.surf, INK, pl.pts(page), 1)
    sheet = [(L, top), (R, top), (R, fold), (L, fold)]
    pl.poly(sheet, PAPER_LIGHT)
    # masthead: a red bar between two rules
    pl.poly([(L + 0.03, top + 0.03), (R - 0.03, top + 0.03), (R - 0.03, top + 0.12), (L + 0.03, top + 0.12)], RED)
    pl.line((L + 0.03, top + 0.145), (R - 0.03, top + 0.145), INK, pl.lw)
    pl.line((L + 0.03, top + 0.16), (R - 0.03, top + 0.16), INK, 1)
    # five columns with rules between; a headline over two, a picture over two
    cols = 5
    gutter = 0.014
    cw = (R - L - 0.06 - gutter * (cols - 1)) / cols
    pitch = max(3.0, pl.L(0.024))
    thick = max(1, pl.lw)
    body_top = top + 0.19
    for c in range(cols):
        cu0 = L + 0.03 + c * (cw + gutter)
        cu1 = cu0 + cw
        if c:
            pl.line((cu0 - gutter / 2, body_top), (cu0 - gutter / 2, fold - 0.03), INK, 1)
        v = body_top + 0.01
        if c in (0, 1):
            if c == 0:
                pl.line((cu0, v + 0.01), (cu0 + 2 * cw + gutter, v + 0.01), INK, thick + 3)
                pl.line((cu0, v + 0.05), (cu0 + 1.5 * cw, v + 0.05), INK, thick + 1)
            v += 0.09
        if c in (3, 4):
            if c == 3:
                block = [(cu0, v), (cu1 + cw + gutter, v), (cu1 + cw + gutter, v + 0.2), (cu0, v + 0.2)]
                pl.hatch(block, angle=45, gap=max(2.5, pl.gap * 0.5))
                pl.hatch(block, angle=-45, gap=max(3.0, pl.gap * 0.9))
                pygame.draw.polygon(pl.surf, INK, pl.pts(block), pl.lw)
                pl.line((cu0, v + 0.235), (cu0 + 1.7 * cw, v + 0.235), INK, thick + 1)
            v += 0.27
        x0, y0 = pl.p(cu0, v)
        x1, y1 = pl.p(cu1, fold - 0.03)
        typed_lines(pl, x0, x1, y0, y1, pitch, INK, 1)
    # the fold along the bottom edge: a heavier line
    pygame.draw.polygon(pl.surf, INK, pl.pts(sheet), pl.lw)
    pl.line((L, fold), (R, fold), INK, pl.lw + 2)


def _tractor(pl: _Plate) -> None:
    """An early wheeled tractor, side view: great lugged rear wheel, small front wheel."""
    sky_lines(pl, 0.04, 0.52, 5)
    pl.line((pl.u0, 0.56), (pl.u1, 0.56), INK, pl.lw)
    gnd = 0.86
    ground(pl, gnd)
    s = pl.surf
    lw = max(1, pl.lw)
    # the engine: bonnet, radiator, fuel tank, exhaust stack
    pl.poly([(0.16, 0.4), (0.56, 0.4), (0.56, 0.66), (0.16, 0.66)])
    pl.hatch([(0.19, 0.43), (0.53, 0.43), (0.53, 0.5), (0.19, 0.5)], angle=90, gap=pl.gap * 0.6,
             colour=PAPER_LIGHT)                                                       # louvres
    pl.line((0.16, 0.52), (0.56, 0.52), PAPER_LIGHT, lw)
    pl.poly([(0.11, 0.36), (0.18, 0.36), (0.18, 0.68), (0.11, 0.68)])                  # radiator
    pl.hatch([(0.12, 0.38), (0.17, 0.38), (0.17, 0.66), (0.12, 0.66)], angle=0, gap=max(2.5, pl.gap * 0.5),
             colour=PAPER_LIGHT)
    pl.poly([(0.3, 0.34), (0.52, 0.34), (0.52, 0.4), (0.3, 0.4)])                      # fuel tank
    pl.poly([(0.26, 0.18), (0.285, 0.18), (0.285, 0.34), (0.26, 0.34)])                # exhaust stack
    pl.poly([(0.255, 0.16), (0.29, 0.16), (0.29, 0.19), (0.255, 0.19)])
    # the gearbox and the axle housing under the seat
    pl.poly([(0.52, 0.5), (0.7, 0.5), (0.72, 0.64), (0.52, 0.68)])
    # the steering column and wheel (seen edge-on), the seat on its sprung arm
    pl.line((0.5, 0.4), (0.6, 0.27), INK, lw + 2)
    pl.line((0.56, 0.235), (0.65, 0.29), INK, lw * 2 + 2)
    pl.line((0.7, 0.5), (0.86, 0.31), INK, lw + 2)
    pl.poly([(0.8, 0.29), (0.91, 0.29), (0.9, 0.33), (0.81, 0.33)])
    pl.poly([(0.89, 0.22), (0.92, 0.22), (0.915, 0.3), (0.885, 0.3)])
    # the rear wheel: iron rim with lugs, spokes, hub; a mudguard over it
    rx, ry = pl.p(0.76, gnd - 0.25)
    R = pl.L(0.25)
    lug = pl.L(0.028)
    for i in range(20):
        a = 2 * math.pi * i / 20
        ca, sa = math.cos(a), math.sin(a)
        px, py = -sa, ca
        w2 = pl.L(0.018)
        fill(s, [(rx + ca * (R - 1) + px * w2, ry + sa * (R - 1) + py * w2),
                 (rx + ca * (R + lug) + px * w2 * 0.6, ry + sa * (R + lug) + py * w2 * 0.6),
                 (rx + ca * (R + lug) - px * w2 * 0.6, ry + sa * (R + lug) - py * w2 * 0.6),
                 (rx + ca * (R - 1) - px * w2, ry + sa * (R - 1) - py * w2)], INK)
    pygame.draw.circle(s, PAPER_LIGHT, (rx, ry), R)
    pl_ring = max(3, round(R * 0.13))
    pygame.draw.circle(s, INK, (rx, ry), R, pl_ring)
    for i in range(12):
        a = 2 * math.pi * i / 12 + 0.1
        pygame.draw.line(s, INK, (rx + math.cos(a) * R * 0.2, ry + math.sin(a) * R * 0.2),
                         (rx + math.cos(a) * (R - pl_ring), ry + math.sin(a) * (R - pl_ring)), lw + 1)
    pygame.draw.circle(s, INK, (rx, ry), R * 0.22)
    pygame.draw.circle(s, PAPER_LIGHT, (rx, ry), R * 0.08)
    guard = ellipse_pts(rx, ry, R * 1.18, R * 1.18, 14, math.pi * 1.02, math.pi * 1.75)
    pygame.draw.lines(s, INK, False, guard, lw * 3)
    # the front wheel
    fx, fy = pl.p(0.22, gnd - 0.12)
    r = pl.L(0.12)
    pygame.draw.circle(s, PAPER_LIGHT, (fx, fy), r + lw * 2)
    pygame.draw.circle(s, INK, (fx, fy), r, max(3, round(r * 0.2)))
    for i in range(8):
        a = 2 * math.pi * i / 8
        pygame.draw.line(s, INK, (fx, fy), (fx + math.cos(a) * r * 0.85, fy + math.sin(a) * r * 0.85), lw)
    pygame.draw.circle(s, INK, (fx, fy), r * 0.22)


def _train(pl: _Plate) -> None:
    """A steam locomotive with its tender and a line of goods wagons on an open plain."""
    sky_lines(pl, 0.04, 0.5, 4)
    hz = 0.62
    pl.line((pl.u0, hz), (pl.u1, hz), INK, pl.lw)
    s = pl.surf
    lw = max(1, pl.lw)
    rail = 0.8
    # telegraph poles along the line
    for u in (0.02, 0.36, 0.7, 1.04):
        pl.line((u, 0.3), (u, hz + 0.02), INK, lw)
        pl.line((u - 0.025, 0.33), (u + 0.025, 0.33), INK, lw)
    pl.line((pl.u0, 0.335), (pl.u1, 0.335), INK, 1)
    # the embankment, sleepers and rail
    pl.poly([(pl.u0, rail + 0.01), (pl.u1, rail + 0.01), (pl.u1, pl.v1), (pl.u0, pl.v1)], PAPER_LIGHT)
    pl.hatch([(pl.u0, rail + 0.04), (pl.u1, rail + 0.04), (pl.u1, pl.v1), (pl.u0, pl.v1)], angle=-25,
             gap=pl.gap * 0.9)
    u = pl.u0
    while u < pl.u1:
        pl.poly([(u, rail), (u + 0.035, rail), (u + 0.04, rail + 0.03), (u - 0.005, rail + 0.03)])
        u += 0.06
    pl.line((pl.u0, rail), (pl.u1, rail), INK, lw + 1)

    def wheel(u: float, r: float) -> None:
        x, y = pl.p(u, rail - r)
        rr = pl.L(r)
        pygame.draw.circle(s, PAPER_LIGHT, (x, y), rr + lw)
        pygame.draw.circle(s, INK, (x, y), rr, max(2, round(rr * 0.25)))
        for i in range(6):
            a = math.pi * i / 3
            pygame.draw.line(s, INK, (x, y), (x + math.cos(a) * rr, y + math.sin(a) * rr), 1)
        pygame.draw.circle(s, INK, (x, y), max(1.5, rr * 0.25))

    # goods wagons, running off to the right
    for w0 in (0.61, 0.86):
        car = [(w0, 0.46), (w0 + 0.23, 0.46), (w0 + 0.23, 0.72), (w0, 0.72)]
        pl.poly([(w0 - 0.005, 0.44), (w0 + 0.115, 0.42), (w0 + 0.235, 0.44), (w0 + 0.235, 0.47),
                 (w0 - 0.005, 0.47)])
        pl.poly(car, PAPER_LIGHT)
        pl.hatch(car, angle=90, gap=pl.gap * 0.8)
        pygame.draw.polygon(s, INK, pl.pts(car), lw + 1)
        door = [(w0 + 0.08, 0.5), (w0 + 0.15, 0.5), (w0 + 0.15, 0.72), (w0 + 0.08, 0.72)]
        pl.poly(door)
        pl.line((w0 + 0.08, 0.5), (w0 + 0.15, 0.72), PAPER_LIGHT, lw)
        pl.line((w0 + 0.15, 0.5), (w0 + 0.08, 0.72), PAPER_LIGHT, lw)
        pl.poly([(w0 + 0.02, 0.5), (w0 + 0.05, 0.5), (w0 + 0.05, 0.54), (w0 + 0.02, 0.54)])   # small window
        pl.line((w0 - 0.02, 0.72), (w0 + 0.25, 0.72), INK, lw + 1)
        wheel(w0 + 0.045, 0.045)
        wheel(w0 + 0.185, 0.045)
    # the tender
    tender = [(0.47, 0.5), (0.6, 0.5), (0.6, 0.72), (0.47, 0.72)]
    pl.poly(tender)
    pl.line((0.48, 0.56), (0.59, 0.56), PAPER_LIGHT, lw)
    wheel(0.5, 0.04)
    wheel(0.57, 0.04)
    # the locomotive: boiler, smokebox, chimney, dome, cab
    pl.poly([(0.1, 0.5), (0.38, 0.5), (0.38, 0.66), (0.1, 0.66)])
    pl.poly([(0.1, 0.5), (0.075, 0.515), (0.062, 0.58), (0.075, 0.645), (0.1, 0.66)])        # smokebox door
    for u in (0.18, 0.26, 0.34):
        pl.line((u, 0.5), (u, 0.66), PAPER_LIGHT, 1)                                  # boiler bands
    pl.poly([(0.12, 0.4), (0.16, 0.4), (0.155, 0.5), (0.125, 0.5)])                    # chimney
    pl.poly([(0.11, 0.38), (0.17, 0.38), (0.17, 0.41), (0.11, 0.41)])
    pl.poly(ellipse_pts(*pl.p(0.25, 0.5), pl.L(0.035), pl.L(0.035), 10, math.pi, 2 * math.pi))  # dome
    cab = [(0.36, 0.4), (0.48, 0.4), (0.48, 0.72), (0.36, 0.72)]
    pl.poly([(0.345, 0.38), (0.495, 0.38), (0.495, 0.41), (0.345, 0.41)])
    pl.poly(cab)
    pl.poly([(0.39, 0.45), (0.45, 0.45), (0.45, 0.53), (0.39, 0.53)], PAPER_LIGHT)     # cab window
    pl.poly([(0.06, 0.68), (0.47, 0.68), (0.47, 0.72), (0.06, 0.72)])                  # running plate
    pl.poly([(0.04, 0.72), (0.09, 0.72), (0.09, 0.77), (0.04, 0.77)])                  # buffer beam
    for u in (0.16, 0.25, 0.34):
        wheel(u, 0.055)
    pl.line((0.16, rail - 0.055), (0.34, rail - 0.055), INK, lw + 2)                   # coupling rod
    # smoke: one billowing dark cloud trailing back from the chimney, drawn as overlapping puffs
    # merged into a single silhouette, with white cuts curling over their tops
    rng = pl.rng
    puffs = [(0.14, 0.33, 0.035), (0.18, 0.27, 0.05), (0.24, 0.22, 0.06), (0.31, 0.18, 0.065),
             (0.39, 0.15, 0.07), (0.47, 0.15, 0.065), (0.44, 0.2, 0.05), (0.55, 0.13, 0.065),
             (0.62, 0.16, 0.05), (0.68, 0.12, 0.055), (0.76, 0.13, 0.045), (0.83, 0.12, 0.035),
             (0.89, 0.13, 0.025)]
    circles = [(*pl.p(u + rng.uniform(-0.006, 0.006), v + rng.uniform(-0.006, 0.006)), pl.L(r)) for u, v, r in puffs]
    for x, y, rr in circles:
        pygame.draw.circle(s, PAPER_LIGHT, (x, y), rr + lw + 1)
    for x, y, rr in circles:
        pygame.draw.circle(s, INK, (x, y), rr)
    for x, y, rr in circles:
        if rr > 3:
            arc = ellipse_pts(x, y, rr * 0.7, rr * 0.7, 8, math.pi * 1.1, math.pi * 1.6)
            pygame.draw.lines(s, PAPER_LIGHT, False, arc, 1)


def _women(pl: _Plate) -> None:
    """A group of village women in kerchiefs, standing together, looking towards the village."""
    sky_lines(pl, 0.04, 0.5, 6)
    hz = 0.6
    pl.line((pl.u0, hz), (pl.u1, hz), INK, pl.lw)
    # the village they look towards: huts and a wattle fence
    for u, w in ((0.1, 0.16), (0.3, 0.13), (0.68, 0.15), (0.9, 0.18)):
        x, y = pl.p(u, hz)
        hut(pl, x, y, pl.L(w), pl.L(w * 0.95), window=False)
    fence = [(pl.u0, hz - 0.05), (pl.u1, hz - 0.05), (pl.u1, hz + 0.01), (pl.u0, hz + 0.01)]
    pl.hatch(fence, angle=80, gap=pl.gap * 0.7)
    pl.hatch(fence, angle=100, gap=pl.gap * 0.7)
    base = 0.94
    ground(pl, base)
    rng = pl.rng
    # back row, then front row; a little jitter in height and place
    back = [0.22, 0.41, 0.6, 0.79]
    front = [0.31, 0.5, 0.7]
    for i, u in enumerate(back):
        x, y = pl.p(u + rng.uniform(-0.012, 0.012), base - 0.05)
        woman(pl, x, y, pl.L(0.58 * rng.uniform(0.94, 1.03)), i + 1)
    for i, u in enumerate(front):
        x, y = pl.p(u + rng.uniform(-0.012, 0.012), base + 0.02)
        woman(pl, x, y, pl.L(0.6 * rng.uniform(0.95, 1.02)), i)


def _village(pl: _Plate) -> None:
    """The fallback: a village skyline of huts and a sweep well (shadoof)."""
    sky_lines(pl, 0.04, 0.6, 6)
    base = 0.8
    ground(pl, base)
    rng = pl.rng
    pl.line((pl.u0, base - 0.16), (pl.u1, base - 0.16), INK, 1)
    for u in (0.0, 0.22, 0.44):
        x, y = pl.p(u + rng.uniform(-0.02, 0.02), base - 0.14)
        hut(pl, x, y, pl.L(0.14), pl.L(0.13), window=False)
    for u, w in ((0.12, 0.26), (0.38, 0.3), (0.62, 0.24)):
        x, y = pl.p(u, base)
        hut(pl, x, y, pl.L(w), pl.L(w * 0.95))
    # the sweep well: a post, a long pole on a pivot, a bucket on a rod, the well-head
    s = pl.surf
    lw = max(1, pl.lw)
    pl.poly([(0.83, 0.68), (0.95, 0.68), (0.95, base), (0.83, base)], PAPER_LIGHT)
    pl.hatch([(0.83, 0.68), (0.95, 0.68), (0.95, base), (0.83, base)], angle=0, gap=pl.gap * 0.8)
    pygame.draw.polygon(s, INK, pl.pts([(0.83, 0.68), (0.95, 0.68), (0.95, base), (0.83, base)]), lw + 1)
    pl.line((0.74, base), (0.74, 0.34), INK, lw * 3)
    pl.line((0.72, 0.36), (0.74, 0.34), INK, lw * 2)
    pl.line((0.76, 0.36), (0.74, 0.34), INK, lw * 2)
    pl.line((0.58, 0.62), (1.02, 0.12), INK, lw * 2)
    pl.poly([(0.57, 0.6), (0.6, 0.6), (0.61, 0.66), (0.56, 0.66)])                     # counterweight
    pl.line((0.89, 0.27), (0.89, 0.6), INK, lw)
    pl.poly([(0.87, 0.6), (0.91, 0.6), (0.905, 0.65), (0.875, 0.65)])                  # bucket


ILLUSTRATIONS: dict[str, Callable[[_Plate], None]] = {
    "assembly": _assembly,
    "barn": _barn,
    "church": _church,
    "document": _document,
    "field": _field,
    "grain": _grain,
    "horse": _horse,
    "letter": _letter,
    "newspaper": _newspaper,
    "tractor": _tractor,
    "train": _train,
    "women": _women,
}
FALLBACK = _village


def draw_illustration(surface: pygame.Surface, key: str, rect: pygame.Rect, seed: int = 0) -> None:
    """Draw the picture for `key` inside `rect` (and nowhere else); unknown keys get a village."""
    rect = pygame.Rect(rect)
    if rect.w <= 0 or rect.h <= 0:
        return
    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip))
    try:
        picture = ILLUSTRATIONS.get(key)
        if picture is None:
            picture, key = FALLBACK, "village"        # every unknown key gets the same village
        pl = _Plate(surface, rect, key, seed)
        surface.fill(PAPER_LIGHT, rect)
        picture(pl)
        frame(pl)
    finally:
        surface.set_clip(old_clip)


_PICTURES: OrderedDict[tuple, pygame.Surface | None] = OrderedDict()


def draw_picture_file(surface: pygame.Surface, path: str, rect: pygame.Rect) -> None:
    """A pack's own picture (checked by game/content/images.py), scaled to fit `rect` on paper;
    a file that will not decode gets the village picture instead. Scaled once per size."""
    rect = pygame.Rect(rect)
    if rect.w <= 0 or rect.h <= 0:
        return
    key = (path, rect.size)
    if key not in _PICTURES:
        try:
            image = pygame.image.load(path)
            scale = min(rect.w / image.get_width(), rect.h / image.get_height())
            size = (max(1, round(image.get_width() * scale)), max(1, round(image.get_height() * scale)))
            _PICTURES[key] = pygame.transform.smoothscale(image.convert_alpha() if pygame.display.get_surface()
                                                          else image, size)
        except (pygame.error, OSError, ValueError):
            _PICTURES[key] = None
        if len(_PICTURES) > 8:
            _PICTURES.popitem(last=False)
    picture = _PICTURES[key]
    if picture is None:
        draw_illustration(surface, "", rect)
        return
    surface.fill(PAPER_LIGHT, rect)
    surface.blit(picture, picture.get_rect(center=rect.center))


# --------------------------------------------------------------------------------------------
# The village marker for the district map
# --------------------------------------------------------------------------------------------


def draw_village_marker(surface: pygame.Surface, center: tuple[int, int], size: int,
                        collectivized_share: float, hunger: float, resistance: float) -> pygame.Rect:
    """A village on the map: huts, a hatched collectivization bar, a bowl and a flame.

    The marker is `size` pixels square around `center` (huts in the top half, then the bar,
    then the two icons), and reads by shape and pattern alone, so it survives greyscale:
    - huts: one to four, more for a larger `size`;
    - collectivized share (0..1; values above 1 are taken as a percentage): a framed bar
      whose collective part is cross-hatched, with quarter ticks;
    - hunger (0..100): a bowl, drawn in section, whose contents sink as hunger rises: heaped
      at 0, empty at 100;
    - resistance (0..100): a three-tongued flame whose size grows with resistance, a small
      ember at 0 (RED, outlined in INK, so its shape carries the meaning).
    Returns the bounding rect of everything drawn.
    """
    share = collectivized_share / 100.0 if collectivized_share > 1.0 else collectivized_share
    share = min(1.0, max(0.0, share))
    hunger = min(100.0, max(0.0, hunger))
    resistance = min(100.0, max(0.0, resistance))
    size = max(24, int(size))
    s = surface
    lw = max(1, round(size / 60))
    box = pygame.Rect(0, 0, size, size)
    box.center = (round(center[0]), round(center[1]))
    drawn: list[pygame.Rect] = []
    old_clip = s.get_clip()
    s.set_clip(box.clip(old_clip))
    try:
        _draw_marker(s, box, lw, share, hunger, resistance, drawn)
    finally:
        s.set_clip(old_clip)
    return drawn[0].unionall(drawn[1:]).clip(box)


def _draw_marker(s: pygame.Surface, box: pygame.Rect, lw: int, share: float, hunger: float,
                 resistance: float, drawn: list[pygame.Rect]) -> None:
    """The body of `draw_village_marker`, drawing inside `box` and noting each part's rect."""
    size = box.w
    cx = box.centerx
    left, top = box.left, box.top
    # the huts, on a ground line
    n = max(1, min(4, size // 24))
    base = top + size * 0.42
    hut_w = size * 0.92 / (n + (n - 1) * 0.12) if n > 1 else size * 0.5
    hut_w = min(hut_w, size * 0.5)
    hut_h = size * 0.38
    step = hut_w * 1.12
    x0 = cx - step * (n - 1) / 2
    for i in range(n):
        drawn.append(_marker_hut(s, x0 + i * step, base - (size * 0.03 if i % 2 else 0.0), hut_w, hut_h, lw))
    pygame.draw.line(s, INK, (left, base), (left + size, base), lw)
    drawn.append(pygame.Rect(round(left), round(base) - lw, size + 1, 2 * lw + 1))
    # the collectivization bar
    bar = pygame.Rect(round(left), round(top + size * 0.48), size, max(6, round(size * 0.13)))
    pygame.draw.rect(s, PAPER_LIGHT, bar)
    filled = pygame.Rect(bar.x, bar.y, round(bar.w * share), bar.h)
    if filled.w > 0:
        pts = [(filled.left, filled.top), (filled.right - 1, filled.top), (filled.right - 1, filled.bottom - 1),
               (filled.left, filled.bottom - 1)]
        step_px = max(3.0, bar.h / 3)
        hatch(s, pts, step_px, 45, INK, 1)
        hatch(s, pts, step_px, -45, INK, 1)
        edge = min(filled.right, bar.right - 1)
        pygame.draw.line(s, INK, (edge, bar.top), (edge, bar.bottom - 1), lw + 1)
    for q in (0.25, 0.5, 0.75):
        x = bar.x + round(bar.w * q)
        pygame.draw.line(s, INK, (x, bar.top), (x, bar.top + max(2, bar.h // 3)), 1)
    pygame.draw.rect(s, INK, bar, lw)
    drawn.append(bar)
    # the bowl, in section: the food's level sinks as hunger rises
    icon_top, icon_bottom = top + size * 0.68, top + size
    br = size * 0.18
    bx, rim = cx - size * 0.24, icon_top + (icon_bottom - icon_top) * 0.38
    bowl = ellipse_pts(bx, rim, br, br * 0.95, 16, 0.0, math.pi)          # the bowl's inside
    fullness = 1.0 - hunger / 100.0
    if fullness > 0.8:                                    # heaped above the rim
        heap_h = br * 0.55 * (fullness - 0.8) / 0.2
        pygame.draw.polygon(s, INK, ellipse_pts(bx, rim, br * 0.85, heap_h, 10, math.pi, 2 * math.pi) + bowl)
    elif fullness > 0.0:                                  # a level inside the bowl
        depth = br * 0.95
        level = rim + depth * (1.0 - fullness / 0.8)
        half = br * math.sqrt(max(0.0, 1.0 - ((level - rim) / depth) ** 2))
        food = [(bx + half, level)] + [p for p in bowl if p[1] > level] + [(bx - half, level)]
        if len(food) >= 3:
            pygame.draw.polygon(s, INK, food)
    pygame.draw.lines(s, INK, False, bowl, lw + 1)
    pygame.draw.line(s, INK, (bx - br * 1.1, rim), (bx + br * 1.1, rim), lw + 1)          # the rim
    if fullness > 0.8:                                    # a cut between the heap and the rim
        pygame.draw.line(s, PAPER_LIGHT, (bx - br * 0.8, rim - lw - 1), (bx + br * 0.8, rim - lw - 1), 1)
    foot = pygame.Rect(0, 0, br, max(2, lw * 2))
    foot.midtop = (round(bx), round(rim + br * 0.95))
    pygame.draw.rect(s, INK, foot)
    heap_top = rim - br * 0.6
    drawn.append(pygame.Rect(round(bx - br * 1.1) - lw, round(heap_top) - lw,
                             round(br * 2.2) + 2 * lw + 2, round(foot.bottom - heap_top) + 2 * lw + 1))
    # the flame: three tongues, growing with resistance
    fx, fb = cx + size * 0.24, icon_bottom
    grow = 0.3 + 0.7 * resistance / 100.0
    fh = (icon_bottom - icon_top) * 1.0 * grow
    fw = size * 0.3 * (0.55 + 0.45 * grow)
    flame = [(fx - fw * 0.32, fb), (fx - fw * 0.5, fb - fh * 0.35), (fx - fw * 0.36, fb - fh * 0.72),
             (fx - fw * 0.22, fb - fh * 0.45), (fx - fw * 0.02, fb - fh), (fx + fw * 0.16, fb - fh * 0.5),
             (fx + fw * 0.34, fb - fh * 0.78), (fx + fw * 0.5, fb - fh * 0.36), (fx + fw * 0.34, fb)]
    pygame.draw.polygon(s, RED, flame)
    pygame.draw.polygon(s, INK, flame, lw)
    if fh > 9:
        core = [(fx - fw * 0.14, fb - lw), (fx - fw * 0.2, fb - fh * 0.25), (fx - fw * 0.03, fb - fh * 0.55),
                (fx + fw * 0.14, fb - fh * 0.28), (fx + fw * 0.1, fb - lw)]
        pygame.draw.polygon(s, INK, core)
    pygame.draw.line(s, INK, (fx - fw * 0.55, fb), (fx + fw * 0.55, fb), lw)            # the hearth line
    drawn.append(pygame.Rect(round(fx - fw * 0.55) - lw, round(fb - fh) - lw,
                             round(fw * 1.1) + 2 * lw + 2, round(fh) + 2 * lw + 1))


def _marker_hut(surface: pygame.Surface, cx: float, base: float, w: float, h: float, lw: int) -> pygame.Rect:
    """A plain hut for the map: light log walls, a dark roof, a dark window."""
    wall_top = base - h * 0.48
    walls = [(cx - 0.42 * w, wall_top), (cx + 0.42 * w, wall_top), (cx + 0.42 * w, base), (cx - 0.42 * w, base)]
    pygame.draw.polygon(surface, PAPER_LIGHT, walls)
    if h >= 16:
        hatch(surface, walls, max(3.0, h * 0.12), 0, INK_SOFT, 1)
    pygame.draw.polygon(surface, INK, walls, lw)
    roof = [(cx - 0.5 * w, wall_top + lw), (cx, base - h), (cx + 0.5 * w, wall_top + lw)]
    pygame.draw.polygon(surface, PAPER_LIGHT, roof, lw + 1)
    pygame.draw.polygon(surface, INK, roof)
    win = pygame.Rect(0, 0, max(2, round(w * 0.22)), max(2, round(h * 0.18)))
    win.center = (round(cx), round(wall_top + h * 0.25))
    pygame.draw.rect(surface, INK, win)
    return pygame.Rect(round(cx - 0.5 * w) - lw - 1, round(base - h) - lw - 1, round(w) + 2 * lw + 3,
                       round(h) + 2 * lw + 2)


# --------------------------------------------------------------------------------------------
# The paper
# --------------------------------------------------------------------------------------------

_PAPER_CACHE: OrderedDict[tuple, pygame.Surface] = OrderedDict()
_PAPER_CACHE_MAX = 6


def _mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def _render_paper(w: int, h: int, seed: int, like: pygame.Surface) -> pygame.Surface:
    paper = pygame.Surface((w, h), 0, like)
    paper.fill(PAPER)
    rng = random.Random(0x9A9E5 ^ seed)
    fibre_col = _mix(PAPER, PAPER_DARK, 0.55)
    fibre_light = _mix(PAPER, PAPER_LIGHT, 0.7)
    speck = _mix(PAPER, INK_SOFT, 0.28)
    area = w * h
    # fibres: short, gently bent strokes in every direction
    for i in range(area // 2600):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        a = rng.uniform(0, math.pi)
        length = rng.uniform(4, 16)
        bend = rng.uniform(-0.5, 0.5)
        mx, my = x + math.cos(a) * length / 2, y + math.sin(a) * length / 2
        ex, ey = x + math.cos(a + bend) * length, y + math.sin(a + bend) * length
        pygame.draw.lines(paper, fibre_light if i % 3 == 0 else fibre_col, False, [(x, y), (mx, my), (ex, ey)])
    # specks
    for _ in range(area // 9000):
        x, y = rng.randrange(w), rng.randrange(h)
        paper.fill(speck, (x, y, 1 + (rng.random() < 0.25), 1))
    return paper


def draw_paper_background(surface: pygame.Surface, rect: pygame.Rect, seed: int = 0) -> None:
    """Fill `rect` with the page's paper: PAPER with faint fibres and specks.

    The texture for a (width, height, seed) is rendered once and kept (a few sizes at most),
    so each later call is a single blit.
    """
    rect = pygame.Rect(rect)
    if rect.w <= 0 or rect.h <= 0:
        return
    key = (rect.w, rect.h, seed, surface.get_bitsize(), surface.get_masks())
    paper = _PAPER_CACHE.get(key)
    if paper is None:
        paper = _render_paper(rect.w, rect.h, seed, surface)
        _PAPER_CACHE[key] = paper
        if len(_PAPER_CACHE) > _PAPER_CACHE_MAX:
            _PAPER_CACHE.popitem(last=False)
    else:
        _PAPER_CACHE.move_to_end(key)
    surface.blit(paper, rect.topleft)
