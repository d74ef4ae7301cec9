"""Small line charts: the player's district beside the documented record.

The player's series is a solid ink line with round points; the record is drawn as red crosses
with a dashed range bar where the record is a range, so the two differ in shape, not only in
colour.
A second series (`other`, e.g. a branched game) is drawn as a dashed line with hollow square
points, and a legend line under the title names the two.
"""

from __future__ import annotations

import pygame

from game.ui import fonts
from game.ui.text import Painter, measure
from game.ui.theme import INK, INK_SOFT, PAPER_LIGHT, RED, Theme


def line_chart(painter: Painter, theme: Theme, rect: pygame.Rect, title: str, values: list[float],
               labels: list[str], top: float | None = None,
               record: dict[int, tuple[float | None, float | None]] | None = None,
               other: list[float] | None = None, legend: str = "solid: as played; dashed: the branch") -> None:
    """Draw `values` (one per label) in `rect`; `record` maps an index to a (low, high) range;
    `other`, if given, is a second series over the same labels (it may be shorter or longer)."""
    s = painter.surface
    small = fonts.font("sans", theme.small)
    bold = fonts.font("sans_bold", theme.small)
    pygame.draw.rect(s, PAPER_LIGHT, rect)
    pygame.draw.rect(s, INK_SOFT, rect, 1)
    inner = rect.inflate(-12, -8)
    title_h = measure(bold, title, inner.width)
    line = small.get_linesize()
    if other is not None:
        legend_h = measure(small, legend, inner.width)
        if inner.height >= title_h + legend_h + 2 * line + 24 and values:
            painter.text(legend, small, INK_SOFT, pygame.Rect(inner.left, inner.top + title_h, inner.width, legend_h))
            title_h += legend_h
    if inner.height < title_h + 2 * line + 24 or not values:
        if inner.height >= title_h:
            painter.text(title, bold, INK, pygame.Rect(inner.left, inner.top, inner.width, measure(bold, title, inner.width)))
        return
    painter.text(title, bold, INK, pygame.Rect(inner.left, inner.top, inner.width, measure(bold, title, inner.width)))
    both = values + (other or [])
    highest = top if top is not None else max(max(both), *(h for _, h in (record or {}).values() if h is not None), 1e-9)
    plot = pygame.Rect(inner.left + 6, inner.top + title_h + 10, inner.width - 12, inner.height - title_h - line - 16)
    pygame.draw.line(s, INK_SOFT, plot.bottomleft, plot.bottomright, 1)
    pygame.draw.line(s, INK_SOFT, plot.bottomleft, plot.topleft, 1)
    top_label = f"{highest:,.0f}" if highest >= 10 else f"{highest:.1f}"
    painter.text(top_label, small, INK_SOFT, pygame.Rect(plot.left + 4, plot.top - 2, plot.width // 3, line))
    n = max(len(values), len(other or []))

    def xy(i: int, v: float) -> tuple[int, int]:
        x = plot.left + (plot.width * i // max(1, n - 1) if n > 1 else plot.width // 2)
        y = plot.bottom - int(plot.height * min(1.0, max(0.0, v / highest)))
        return x, y

    for i, (low, high) in (record or {}).items():
        if i >= n:
            continue
        lo = low if low is not None else 0.0
        hi = high if high is not None else lo
        x, y_lo = xy(i, lo)
        _, y_hi = xy(i, hi)
        for y in range(y_hi, y_lo, 6):  # a dashed bar over the documented range
            pygame.draw.line(s, RED, (x, y), (x, min(y + 3, y_lo)), 3)
        for y in (y_lo, y_hi):
            pygame.draw.line(s, RED, (x - 6, y - 6), (x + 6, y + 6), 3)
            pygame.draw.line(s, RED, (x - 6, y + 6), (x + 6, y - 6), 3)
    if other:
        dashed = [xy(i, v) for i, v in enumerate(other)]
        for a, b in zip(dashed, dashed[1:]):  # dashes of 8 px with gaps of 6
            length = max(1.0, ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5)
            t = 0.0
            while t < length:
                u, w = t / length, min(length, t + 8) / length
                pygame.draw.line(s, INK_SOFT, (a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u),
                                 (a[0] + (b[0] - a[0]) * w, a[1] + (b[1] - a[1]) * w), 3)
                t += 14
        for p in dashed:
            pygame.draw.rect(s, INK_SOFT, pygame.Rect(p[0] - 4, p[1] - 4, 9, 9), 2)
    points = [xy(i, v) for i, v in enumerate(values)]
    if len(points) > 1:
        pygame.draw.lines(s, INK, False, points, 3)
    for p in points:
        pygame.draw.circle(s, INK, p, 4)
    half = plot.width // 2
    painter.text(labels[0], small, INK_SOFT, pygame.Rect(plot.left, plot.bottom + 4, half, line))
    painter.text(labels[-1], small, INK_SOFT, pygame.Rect(plot.left + half, plot.bottom + 4, plot.width - half, line),
                 align="right")


def chart_grid(area: pygame.Rect, theme: Theme, count: int = 6, extra_lines: int = 0) -> tuple[int, int, int]:
    """(columns, charts per page, pages) for `count` charts in `area`, so that every chart has
    room for a two-line title, `extra_lines` more (a legend), its axis labels and its plot."""
    line = fonts.font("sans", theme.small).get_linesize()
    least_h = 2 * fonts.font("sans_bold", theme.small).get_linesize() + (1 + extra_lines) * line + 110
    columns = max(1, min(3, area.width // max(280, int(300 * theme.scale))))
    rows = max(1, (area.height + theme.pad) // (least_h + theme.pad))
    per_page = min(count, columns * rows)
    return columns, per_page, -(-count // per_page)


def chart_cells(area: pygame.Rect, theme: Theme, columns: int, count: int) -> list[pygame.Rect]:
    """The rectangles of `count` charts laid out in `columns` across `area`, row by row."""
    rows = max(1, -(-count // columns))
    cw = (area.width - (columns - 1) * theme.pad) // columns
    ch = (area.height - (rows - 1) * theme.pad) // rows
    return [pygame.Rect(area.left + (i % columns) * (cw + theme.pad), area.top + (i // columns) * (ch + theme.pad),
                        cw, ch) for i in range(count)]
