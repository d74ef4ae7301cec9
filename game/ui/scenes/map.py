"""The district map: the villages at a glance, and the district's dashboard."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine.access import district_share, food_months
from game.presentation import tooltip
from game.ui import fonts
from game.ui.events import UI_ACTION
from game.ui.scenes.base import GameScreen
from game.ui.text import Painter
from game.ui.theme import INK, INK_SOFT, PAPER_DARK, Theme
from game.ui.widgets import Button, Stat, Widget


@dataclass
class VillageMarker(Widget):
    village_id: str = ""
    name: str = ""
    share: float = 0.0
    hunger: float = 0.0
    resistance: float = 0.0
    size: int = 40
    label: pygame.Rect | None = None

    def draw(self, painter: Painter, theme: Theme, focused: bool, hovered: bool) -> None:
        from game.ui import art
        center = (self.rect.centerx, self.rect.top + self.size)
        art.draw_village_marker(painter.surface, center, self.size, self.share, self.hunger, self.resistance)
        if focused or hovered:
            pygame.draw.rect(painter.surface, (168, 32, 26) if focused else INK_SOFT, self.rect, 2)
        if self.label is not None:
            painter.text(self.name, fonts.font("sans_bold", theme.small), INK, self.label, align="center")


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


def place_stats(stats: list[Stat], area: pygame.Rect, theme: Theme) -> int:
    """Stats in two columns where there is room, else one; return the bottom y."""
    columns = 2 if area.width >= 420 * min(theme.scale, 1.3) else 1
    width = (area.width - (columns - 1) * theme.pad) // columns
    y = area.top
    for i in range(0, len(stats), columns):
        row = stats[i:i + columns]
        height = max(s.height_for(theme, width) for s in row)
        for j, s in enumerate(row):
            s.rect = pygame.Rect(area.left + j * (width + theme.pad), y, width, height)
        y += height + theme.pad // 2
    return y


class MapScene(GameScreen):
    phase = 1

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
        place_stats(self.stats, pygame.Rect(side.left, side.top, side.width, side.height - button_h), theme)
        self.markers = self._markers(state, scenario.level, map_rect)
        self.focus.set([self.orders, *self.markers, *self.stats])

    def _markers(self, state, level, area: pygame.Rect) -> list[VillageMarker]:
        theme = self.theme
        font = fonts.font("sans_bold", theme.small)
        size = max(18, min(area.width, area.height) // 14)
        specs = {v.id: v for v in level.villages}
        markers, labels = [], []
        for v in state.villages:
            spec = specs[v.id]
            x = area.left + size * 2 + int(spec.x * (area.width - 4 * size))
            y = area.top + size + int(spec.y * (area.height - 3 * size - font.get_linesize()))
            label_w = font.size(v.name)[0] + 4
            label = pygame.Rect(0, 0, label_w, font.get_linesize())
            label.midtop = (x, y + size * 2 + 2)
            label.clamp_ip(area)
            for other in labels:  # keep names apart: move down, then up, until free
                if label.colliderect(other):
                    label.top = other.bottom + 1 if label.centery >= other.centery else other.top - label.height - 1
            label.clamp_ip(area)
            labels.append(label)
            box = pygame.Rect(0, 0, size * 3, size * 2).union(label)
            box.midtop = (x, y)
            box = box.union(label).clip(area)
            markers.append(VillageMarker(rect=box, village_id=v.id, name=v.name, share=v.collectivized_share,
                                         hunger=v.hunger, resistance=v.resistance, size=size, label=label,
                                         tooltip=village_tooltip(v, level.ration)))
        return markers

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION and event.action == "orders":
            from game.ui.scenes.orders import OrdersScene
            self.app.stack.replace(OrdersScene())
            return True
        return super().handle(event)

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter, self.app.game.session.scenario.level.district.name)
        pygame.draw.rect(painter.surface, PAPER_DARK, self.map_rect)
        pygame.draw.rect(painter.surface, INK, self.map_rect, 2)
        _river(painter.surface, self.map_rect)
        self.draw_widgets(painter, [*self.markers, *self.stats, self.orders])
        self.draw_tooltip(painter)


def _river(surface: pygame.Surface, area: pygame.Rect) -> None:
    """A river and two roads across the district, from the map's proportions only."""
    points = [(area.left + area.width * t // 10, area.top + area.height * (5 + (t % 3) - 1) // 10)
              for t in range(11)]
    pygame.draw.lines(surface, (120, 140, 150), False, points, 5)
    pygame.draw.line(surface, INK_SOFT, (area.left, area.top + area.height // 4),
                     (area.right - 1, area.bottom - area.height // 3), 1)
    pygame.draw.line(surface, INK_SOFT, (area.left + area.width // 3, area.bottom - 1),
                     (area.left + area.width * 2 // 3, area.top), 1)
