"""The district map: the villages at a glance, and the district's dashboard."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.engine.access import district_share, food_months
from game.presentation import tooltip
from game.ui import fonts
from game.ui.events import UI_ACTION
from game.ui.scenes.base import GameScreen
from game.ui.text import Painter
from game.ui.theme import INK, INK_SOFT, PAPER_DARK, RED, Theme
from game.ui.widgets import Button, Label, ScrollArea, Stat, Widget


@dataclass
class VillageMarker(Widget):
    """A village on the map: huts, a bar for the kolkhoz share, a bowl for food, a flame for
    resistance (game/ui/art.py), and its name beside it."""

    village_id: str = ""
    name: str = ""
    share: float = 0.0
    hunger: float = 0.0
    resistance: float = 0.0
    size: int = 40
    center: tuple[int, int] = (0, 0)
    label: pygame.Rect | None = None

    def draw(self, painter: Painter, theme: Theme, focused: bool, hovered: bool) -> None:
        from game.ui import art
        art.draw_village_marker(painter.surface, self.center, self.size, self.share, self.hunger, self.resistance)
        if focused or hovered:
            pygame.draw.rect(painter.surface, RED if focused else INK_SOFT, self.rect.inflate(6, 6), 2)
        if self.label is not None:  # on a clear ground, so roads and the river do not run through it
            pygame.draw.rect(painter.surface, PAPER_DARK, self.label)
            painter.text(self.name, fonts.font("sans_bold", theme.small), INK, self.label, align="center")


def place_labels(markers: list[pygame.Rect], sizes: list[tuple[int, int]], area: pygame.Rect) -> list[pygame.Rect] | None:
    """A place for each name beside its marker (below, above, right, left), touching no marker
    and no other name; None when some name finds no free place."""
    placed: list[pygame.Rect] = []
    for marker, (w, h) in zip(markers, sizes):
        for anchor in ("below", "above", "right", "left"):
            r = pygame.Rect(0, 0, w, h)
            if anchor == "below":
                r.midtop = (marker.centerx, marker.bottom + 2)
            elif anchor == "above":
                r.midbottom = (marker.centerx, marker.top - 2)
            elif anchor == "right":
                r.midleft = (marker.right + 4, marker.centery)
            else:
                r.midright = (marker.left - 4, marker.centery)
            if area.contains(r) and r.collidelist(markers) < 0 and r.collidelist(placed) < 0:
                placed.append(r)
                break
        else:
            return None
    return placed


def village_tooltip(v, ration: float) -> str:
    return (f"{v.name}: {v.households:.0f} households, {v.collectivized_share:.0%} in the kolkhoz; "
            f"{v.population:,.0f} people; grain {v.grain:,.0f} t ({food_months(v, ration):.1f} months of food); "
            f"seed {v.seed:,.0f} t; horses {v.horses:,.0f}, cattle {v.cattle:,.0f}; hunger {v.hunger:.0f}, "
            f"resistance {v.resistance:.0f}, trust {v.trust:.0f} (indexes 0-100). "
            "The bar shows the share in the kolkhoz, the bowl empties with hunger, the flame grows with resistance.")


def dashboard_stats(state, scenario) -> list[Stat]:
    delivered = sum(v.delivered for v in state.villages)
    quota = state.grain_quota * (1 + state.quota_raise)
    share = district_share(state)
    stats = [
        Stat(label="Standing with the centre", value=f"{state.standing:.0f} of 100",
             tooltip=tooltip("district.standing", f"{state.standing:.0f} points")),
        Stat(label="Grain delivered", value=f"{delivered:,.0f} of {quota:,.0f} t" if quota else "no plan now",
             tooltip=tooltip("district.grain_delivered", f"{delivered:,.0f}")),
        Stat(label="Households in kolkhozy",
             value=f"{share:.0%}" + (f", target {state.collectivization_target:.0%}" if state.collectivization_target else ""),
             tooltip=tooltip("district.collectivized_share", f"{share:.0%}")),
        Stat(label="Brigades of cadres", value=f"{state.cadres}", tooltip=tooltip("district.cadres", str(state.cadres))),
        Stat(label="Tractors", value=f"{state.tractors}", tooltip=tooltip("district.tractors", str(state.tractors))),
        Stat(label="District food reserve", value=f"{state.reserve:,.0f} t",
             tooltip=tooltip("district.reserve", f"{state.reserve:,.0f}")),
    ]
    if state.kulak_quota:
        stats.insert(3, Stat(label="'Kulak' households deported",
                             value=f"{state.kulaks_removed:.0f} of {state.kulak_quota:.0f} hh",
                             tooltip=tooltip("district.kulak_quota", f"{state.kulak_quota:.0f}")))
    return stats


class MapScene(GameScreen):
    phase = 1
    title = "The district"

    def layout(self, size: tuple[int, int]) -> None:
        game, theme = self.app.game, self.theme
        state, scenario = game.session.state, game.session.scenario
        body = self.body()
        wide = body.width >= 900
        map_rect = pygame.Rect(body.left, body.top, body.width * 3 // 5 if wide else body.width,
                               body.height if wide else body.height * 11 // 20)
        side = pygame.Rect(map_rect.right + theme.pad, body.top, body.right - map_rect.right - theme.pad,
                           body.height) if wide else \
            pygame.Rect(body.left, map_rect.bottom + theme.pad, body.width, body.bottom - map_rect.bottom - theme.pad)
        self.map_rect = map_rect
        self.orders = Button(label="Give this month's orders", action="orders", hotkey="1", primary=True)
        self.stats = dashboard_stats(state, scenario)
        button_h = self.orders.height_for(theme, side.width)
        self.orders.rect = pygame.Rect(side.left, side.bottom - button_h, side.width, button_h)
        columns = 2 if side.width >= 420 * min(theme.scale, 1.3) else 1
        rows = [self.stats[i:i + columns] for i in range(0, len(self.stats), columns)]
        self.markers = self._markers(state, scenario.level, map_rect)
        legend = ("On the map: the hatched bar is the share of households in the kolkhoz; the bowl "
                  "empties as hunger grows; the flame grows with resistance. Tab to a village, or point "
                  "at it, for its numbers.")
        if self.numbered:
            legend += " " + "; ".join(f"{i}: {v.name}" for i, v in enumerate(state.villages, 1)) + "."
        rows.append([Label(text=legend, size="small", colour=INK_SOFT)])
        viewport = pygame.Rect(side.left, side.top, side.width, side.height - button_h - theme.pad)
        self.areas = [ScrollArea(viewport, rows, theme)]
        self.focus.set([self.orders, *self.markers, *self.stats])

    def _markers(self, state, level, area: pygame.Rect) -> list[VillageMarker]:
        """Markers where the level puts the villages. Names go beside them; where the map is
        too small for that, the markers are numbered and the names listed in the legend."""
        theme = self.theme
        font = fonts.font("sans_bold", theme.small)
        size = max(36, min(96, min(area.width, area.height) // 6))
        specs = {v.id: v for v in level.villages}
        inner = area.inflate(-size - 8, -size - 8)
        centres = [(inner.left + int(specs[v.id].x * inner.width), inner.top + int(specs[v.id].y * inner.height))
                   for v in state.villages]
        rects = [pygame.Rect(cx - size // 2, cy - size // 2, size, size) for cx, cy in centres]
        labels = place_labels(rects, [(font.size(v.name)[0] + 4, font.get_linesize()) for v in state.villages],
                              area.inflate(-4, -4))
        self.numbered = labels is None
        if labels is None:
            labels = place_labels(rects, [(font.size(str(i))[0] + 6, font.get_linesize())
                                          for i in range(1, len(rects) + 1)], area.inflate(-4, -4)) or [None] * len(rects)
        markers = []
        for i, (v, centre, rect, label) in enumerate(zip(state.villages, centres, rects, labels), 1):
            markers.append(VillageMarker(rect=rect, village_id=v.id, name=str(i) if self.numbered else v.name,
                                         share=v.collectivized_share, hunger=v.hunger, resistance=v.resistance,
                                         size=size, center=centre, label=label,
                                         tooltip=village_tooltip(v, level.ration)))
        return markers

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION and event.action == "orders":
            from game.ui.scenes.orders import OrdersScene
            self.app.stack.replace(OrdersScene())
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        pygame.draw.rect(painter.surface, PAPER_DARK, self.map_rect)
        pygame.draw.rect(painter.surface, INK, self.map_rect, 2)
        _river(painter.surface, self.map_rect)
        self.draw_widgets(painter, [*self.markers, *self.areas[0].widgets, self.orders])
        self.draw_tooltip(painter)


def _river(surface: pygame.Surface, area: pygame.Rect) -> None:
    """A river winding across the district and two roads, drawn from the map's size alone."""
    points = [(area.left + area.width * i // 40,
               area.top + int(area.height * (0.55 + 0.12 * math.sin(i / 40 * 2 * math.pi * 1.5))))
              for i in range(41)]
    pygame.draw.lines(surface, (98, 120, 132), False, points, max(3, area.height // 90))
    pygame.draw.line(surface, INK_SOFT, (area.left, area.top + area.height // 4),
                     (area.right - 1, area.bottom - area.height // 3), 1)
    pygame.draw.line(surface, INK_SOFT, (area.left + area.width // 3, area.bottom - 1),
                     (area.left + area.width * 2 // 3, area.top), 1)
