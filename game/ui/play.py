"""The game side of the window: content, the session, saves, and which screen comes next.

Scenes hand decisions to `GameContext.decide`; `GameContext.screen` says which screen shows the
current moment of the game, so the order of screens lives in one place.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import time

from game import paths, saves
from game.content.classroom import ClassSettings
from game.content.diagnostics import Diagnostic
from game.content.glossary import Glossary, load_glossary
from game.content.loader import NOT_LOADED, Content, load_game
from game.content.packs import Pack, owns, select
from game.content.watch import changed_files, stamp
from game.engine.turn import InvalidDecision
from game.model.decision import Decision, Report
from game.model.state import LogEntry, Phase
from game.session import Session

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.scene import Scene


class GameContext:
    def __init__(self, app: "App", class_settings: ClassSettings | None = None,
                 mods: list[str] | tuple[str, ...] = (), watch: bool = False) -> None:
        self.app = app
        self.mods = tuple(mods)                # packs named on the command line (--mod)
        self.watch = watch                     # reload changed content between turns (play --watch)
        self.stamp: tuple = ()                 # the content files as last loaded (for watch)
        self.turn_ended = False                # a report was just filed: time to look for changes
        self.class_settings = class_settings   # the teacher's locked settings, if any
        self.started_at: float | None = None   # when the present game began (for a time limit)
        self.content: Content | None = None
        self.glossary: Glossary | None = None
        self.problems: list[Diagnostic] = []
        self.session: Session | None = None
        self.autosave: Path = paths.AUTOSAVE
        self.shown_directives_turn = 0     # the directives of this turn have been read
        self.last_entries: list[LogEntry] = []
        self.news: list[LogEntry] | None = None   # the last report's news, until read
        self.message = ""                  # a line for the title screen (e.g. why a load failed)

    # -- content ---------------------------------------------------------------------------
    def load_content(self) -> None:
        self.content, self.problems = self._load()
        self.glossary, glossary_problems = load_glossary()
        self.problems += glossary_problems

    def _load(self, packs: list[Pack] | None = None) -> tuple[Content, list[Diagnostic]]:
        settings = self.app.settings
        if self.watch:
            self.stamp = stamp(packs if packs is not None else self._packs())
        return load_game(self.mods, cache=not self.watch, disabled=settings.disabled_packs,
                         preferred=settings.pack_order, language=settings.language)

    def _packs(self) -> list[Pack]:
        settings = self.app.settings
        return select(list(self.mods), disabled=settings.disabled_packs, preferred=settings.pack_order)[0]

    def reload_if_changed(self) -> tuple[str, str] | None:
        """With --watch, between turns: load the content again if a file changed. The game goes
        on with the new content, replayed from its first decision, or, if the new content has
        errors or no longer fits the game, with the last good content. (heading, message) to
        show, or None when nothing changed."""
        packs = self._packs()
        now = stamp(packs)
        changed = changed_files(self.stamp, now)
        if not changed:
            return None
        content, problems = self._load(packs)
        files = "\n".join(f"- {p}" for p in changed[:8]) + (f"\n- and {len(changed) - 8} more" if len(changed) > 8 else "")
        # Errors of the packs that changed, or new errors of no pack; not those of a pack left out
        # long before. load_game demotes a pack's errors to warnings (the base game plays on);
        # here they are errors.
        touched = [p for p in packs if any(owns(p, f) for f in changed)]
        before = {str(d) for d in self.problems}
        bad = [replace(d, severity="error", message=d.message.removesuffix(NOT_LOADED)) for d in problems
               if (d.severity == "error" or d.message.endswith(NOT_LOADED))
               and (any(owns(p, d.path) for p in touched)
                    or (not any(owns(p, d.path) for p in packs) and str(d) not in before))]
        if bad:
            return ("The changed content has errors", "The game goes on with the last good content until "
                    f"they are mended.\n\nChanged:\n{files}\n\n" + "\n".join(f"- {d}" for d in bad))
        if self.session is not None:
            old = self.session.scenario
            if old.level.id not in content.levels:
                return ("The level is gone", f"The new content has no level '{old.level.id}'; the game "
                        f"goes on with the last good content.\n\nChanged:\n{files}")
            try:
                session = Session.replayed(content.scenario(old.level.id, old.card_sets), self.session.seed,
                                           self.session.decisions)
            except (InvalidDecision, KeyError, IndexError, ValueError) as exc:
                return ("The new content does not fit this game", "Its earlier decisions cannot be replayed "
                        f"with the new content ({exc}); the game goes on with the last good content. Start "
                        f"a new game to play the new content.\n\nChanged:\n{files}")
            self.session = session
        self.content, self.problems = content, problems
        return ("Content reloaded", "The game goes on with the new content, replayed from its first "
                f"decision.\n\nChanged:\n{files}")

    @property
    def ready(self) -> bool:
        return self.content is not None

    def playable_levels(self) -> list[str]:
        """Levels whose content has no errors (the others are listed with their problems)."""
        if self.content is None:
            return []
        broken = {d.path for d in self.problems if d.severity == "error"}
        if broken:
            return []
        return sorted(self.content.levels, key=lambda lid: (self.content.levels[lid].order, lid))

    # -- games -----------------------------------------------------------------------------
    def new_game(self, level_id: str, seed: int) -> None:
        cs = self.class_settings
        card_sets = cs.card_sets if cs is not None and cs.level == level_id else ()
        self.session = Session.start(self.content.scenario(level_id, card_sets), seed)
        self.started_at = time.monotonic()
        self.shown_directives_turn = 0
        self.news = None
        self.app.sound.start_ambient()
        self.app.stack.reset(self.screen())

    def has_autosave(self) -> bool:
        return self.autosave.exists()

    def load_game(self, path: Path) -> str | None:
        """Continue a saved game; return the reason if it cannot be used."""
        if self.content is None:
            return "The game's content is still loading."
        try:
            save = saves.read(path)
            if save.level not in self.content.levels:
                return f"{path.name}: the save is for a level this game does not have ({save.level})."
            session = saves.resume(save, self.content.scenario(save.level, save.card_sets), path.name)
        except saves.SaveError as exc:
            return str(exc)
        self.session = session
        self.shown_directives_turn = 0
        self.news = None
        self.app.sound.start_ambient()
        self.app.stack.reset(self.screen())
        return None

    def save_game(self, path: Path) -> str | None:
        if self.session is None:
            return "There is no game to save."
        try:
            saves.write(path, self.session)
        except OSError as exc:
            return f"The game could not be saved to {path}: {exc}"
        return None

    def export_debrief(self) -> tuple[list[Path], str | None]:
        """Write the debrief (HTML) and the result file (JSON) beside the saves."""
        from game.debrief.data import build
        from game.debrief.html import render
        from game.debrief.result import make_result
        from game.storage import atomic_write

        s = self.session.state
        stem = paths.SAVES / f"{s.level}-seed{self.session.seed}-debrief"
        html, result = stem.with_suffix(".html"), stem.with_suffix(".json")
        try:
            atomic_write(html, render(build(self.session)).encode("utf-8"))
            atomic_write(result, make_result(self.session).model_dump_json(indent=1).encode("utf-8"))
        except OSError as exc:
            return [], f"The debrief could not be written: {exc}"
        return [html, result], None

    @property
    def intensity(self) -> str:
        return self.class_settings.intensity if self.class_settings else "full"

    @property
    def reasons_required(self) -> bool:
        return bool(self.class_settings and self.class_settings.reasons_required)

    def minutes_left(self) -> int | None:
        """Minutes left of the teacher's time limit, if there is one."""
        if not (self.class_settings and self.class_settings.time_limit_minutes and self.started_at):
            return None
        used = (time.monotonic() - self.started_at) / 60
        return max(0, round(self.class_settings.time_limit_minutes - used))

    def unsaved_progress(self) -> bool:
        """True when quitting now would lose decisions made since the last autosave."""
        s = self.session
        return s is not None and not s.ended and s.state.phase != Phase.orders

    def decide(self, decision: Decision) -> list[LogEntry]:
        """Hand a decision to the engine; autosave when a month ends."""
        try:
            entries = self.session.decide(decision)
        except InvalidDecision as exc:
            self.message = f"That cannot be done: {exc}"
            return []
        self.last_entries = entries
        if isinstance(decision, Report):
            self.news = entries
            self.save_game(self.autosave)
            self.turn_ended = self.watch
        return entries

    # -- which screen ----------------------------------------------------------------------
    def screen(self) -> "Scene":
        """The screen for the current moment of the game."""
        from game.ui.scenes import card, directives, ending, map as map_scene, report

        s = self.session.state
        if self.news is not None:
            return report.NewsScene()
        if self.session.ended:
            return ending.EndingScene()
        if s.phase == Phase.orders:
            if self.shown_directives_turn < s.turn:
                return directives.DirectivesScene()
            return map_scene.MapScene()
        if s.phase == Phase.events:
            return card.CardScene()
        return report.ReportScene()

    def advance(self) -> None:
        """Show whatever comes next (with --watch, after a turn, what reloading found)."""
        self.app.stack.replace(self.screen())
        if self.turn_ended:
            self.turn_ended = False
            note = self.reload_if_changed()
            if note is not None:
                from game.ui.scenes.overlays import NoticeScene
                self.app.stack.push(NoticeScene(*note))
