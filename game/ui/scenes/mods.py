"""The mods screen: every installed pack with its description and status, turned on or off,
and its problems as a readable list. The base game plays whatever a pack holds."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.content.loader import NOT_LOADED
from game.content.packs import Pack, base_pack, discover, in_preferred_order, mod_folders, order, owns
from game.ui.events import UI_ACTION
from game.ui.scenes.base import Screen
from game.ui.text import Painter
from game.ui.theme import PAPER_LIGHT
from game.ui.widgets import Button, ScrollText


class ModsScene(Screen):
    title = "Mods"
    scan: tuple | None = None      # the installed packs, read from disk once and after each change

    def status(self) -> str:
        return ("Packs of cards and levels written by teachers, students and players. Enter turns the "
                "chosen pack on or off, [ and ] move it earlier or later in the load order; a pack "
                "with errors is left out and the base game plays on.")

    def layout(self, size: tuple[int, int]) -> None:
        game = self.app.game
        if self.scan is None:
            self.scan = discover(mod_folders())
        found, manifest_problems = self.scan
        self.packs = in_preferred_order(found, self.app.settings.pack_order)
        self.current = getattr(self, "current", None) or (self.packs[0].id if self.packs else None)
        loaded = dict(game.content.packs) if game.content else {}
        disabled = set(self.app.settings.disabled_packs)
        load_order = [p.id for p in order(base_pack(), [p for p in self.packs if p.id not in disabled])[0]]
        self.details: dict[str, str] = {}
        self.widgets = []
        for i, pack in enumerate(self.packs, 1):
            problems = [d for d in game.problems if owns(pack, d.path)]
            state = ("off" if pack.id in disabled else "on" if pack.id in loaded
                     else f"not loaded: {len(problems)} problem{'s' if len(problems) != 1 else ''}" if problems else "not loaded")
            m = pack.manifest
            self.widgets.append(Button(label=f"{m.name} {m.version}: {state}", action="toggle", value=pack.id,
                                       hotkey=str(i) if i < 10 else None))
            self.details[pack.id] = _describe(pack, problems, load_order)
        if len(self.packs) > 1:
            name = next((p.manifest.name for p in self.packs if p.id == self.current), "the chosen pack")
            self.widgets += [Button(label=f"Move {name} earlier", action="move", value=-1, hotkey="["),
                             Button(label=f"Move {name} later", action="move", value=1, hotkey="]")]
        broken = manifest_problems
        if broken:
            self.widgets.append(Button(label=f"Folders that are not packs: {len(broken)}", action="broken",
                                       value="broken"))
            self.details["broken"] = "These folders could not be read as packs:\n\n" + "\n".join(map(str, broken))
        if not self.packs and not broken:
            self.widgets.append(Button(label="No mods are installed.", action="none", enabled=False))
        self.widgets.append(Button(label="Back", action="back", hotkey="0"))
        area, text_rect = self.list_beside_text(self.widgets)
        self.areas = [area]
        self.text = ScrollText(role="serif", rect=text_rect)
        self.focus.set([w for w in self.widgets if w.enabled] + [self.text])
        self._describe_focused()

    def _describe_folders(self) -> str:
        return ("Put a pack's folder (with its pack.yaml) into one of these folders:\n"
                + "\n".join(f"- {f}" for f in mod_folders()))

    def _describe_focused(self) -> None:
        chosen = getattr(self.focus.focused, "value", None)
        if isinstance(chosen, str) and any(p.id == chosen for p in self.packs):
            self.current = chosen       # the pack the move buttons act on: chosen, not pointed at
        value = getattr(self.focus.hover or self.focus.focused, "value", None)
        self.text.text = self.details.get(value if isinstance(value, str) else self.current,
                                          self._describe_folders())
        self.text.first = 0
        self.text.reflow(self.theme)

    def handle(self, event: pygame.event.Event) -> bool:
        if self.went_back(event):
            return True
        if event.type == UI_ACTION:
            if event.action == "toggle":
                self.current = event.value
                s = self.app.settings
                s.disabled_packs = ([p for p in s.disabled_packs if p != event.value]
                                    if event.value in s.disabled_packs else [*s.disabled_packs, event.value])
                self._reload()
            elif event.action == "move" and self.current:
                ids = [p.id for p in self.packs]
                i = ids.index(self.current)
                j = min(max(i + event.value, 0), len(ids) - 1)
                ids[i], ids[j] = ids[j], ids[i]
                self.app.settings.pack_order = ids
                self._reload()
            return True
        chosen = self.current
        used = super().handle(event)
        if used:
            self._describe_focused()
            if self.current != chosen:
                self.app.stack.relayout()   # the move buttons name the chosen pack
        return used

    def _reload(self) -> None:
        self.scan = None
        self.app.save_settings()
        self.app.game.load_content()   # from the cache when the files are unchanged
        self.app.stack.relayout()

    def draw(self, painter: Painter) -> None:
        self.draw_frame(painter)
        pygame.draw.rect(painter.surface, PAPER_LIGHT, self.text.rect)
        self.draw_widgets(painter, [*self.widgets, self.text])


def _describe(pack: Pack, problems, load_order: list[str]) -> str:
    m = pack.manifest
    lines = [m.name, "", m.description or "(no description)", "",
             f"Id: {m.id}   Version: {m.version}   Licence: {m.licence}",
             f"Authors: {', '.join(m.authors) or 'not given'}", f"From: {pack.archive or pack.folder}"]
    if m.requires:
        lines.append(f"Requires: {', '.join(m.requires)}")
    lines.append(f"Load order of the packs turned on: {', '.join(load_order)}")
    if problems:
        lines += ["", f"Problems ({len(problems)}): the pack is left out until they are mended."]
        lines += [f"- {_problem(d, pack)}" for d in problems]
    return "\n".join(lines)


def _problem(d, pack: Pack) -> str:
    """A problem as the pack's author reads it: the file within the pack, its line, what is wrong."""
    where = Path(d.path)
    for root in (pack.archive, pack.folder):
        if root is not None and str(d.path).startswith(str(root)):
            where = Path(str(d.path)[len(str(root)):].lstrip("/\\") or Path(d.path).name)
            break
    at = f"{where}:{d.line}:{d.col}" if d.line else str(where)
    field = f" {d.field}:" if d.field else ""
    return f"{at} [{d.code}]{field} {d.message.removesuffix(NOT_LOADED)}"
