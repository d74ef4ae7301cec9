"""The window and its loop: poll input, update, draw — and sleep when nothing changes.

Run with `python -m game play`. The loop redraws only when something changed (an event was
handled, the window was resized, a scene is animating); otherwise it sleeps between short looks
at the event queue, so a menu left open in a classroom costs almost no processor time. Content
is loaded in a background thread after the first frame, so the window appears at once.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pygame

from game.ui import settings as settings_mod
from game.ui.events import UI_ACTION
from game.ui.text import Painter
from game.ui.theme import PAPER, Theme

CONTENT_READY = pygame.event.custom_type()
MIN_SIZE = (1024, 600)
FRAME_SECONDS = 1 / 60
FADE_SECONDS = 0.18          # screens cross-fade when they change
IDLE_SLEEP = 0.02            # seconds between looks at the event queue when nothing changes


class App:
    def __init__(self, size: tuple[int, int] | None = None, settings_path: Path | None = None,
                 background_load: bool = True, class_settings: Path | None = None,
                 mods: list[str] | tuple[str, ...] = (), watch: bool = False) -> None:
        from game.ui.play import GameContext  # the game side of the window
        from game.ui.sound import Sound

        self.started = time.perf_counter()
        pygame.display.init()
        pygame.font.init()
        self.settings_path = settings_path
        self.settings = settings_mod.load_settings(settings_path)
        pygame.display.set_caption("The Great Break")
        self.window = self._open_window(size or self.settings.window, self.settings.fullscreen)
        self.theme = Theme(self.settings.text_scale)
        self.sound = Sound(self.settings.sound, self.settings.volume)
        from game.ui.scene import SceneStack
        self.stack = SceneStack(self)
        self.game = GameContext(self, class_settings, mods, watch)
        self.dirty = True
        self.running = True
        self.painter: Painter | None = None
        self.frames = 0
        self.first_frame_seconds: float | None = None
        self.fade_from: pygame.Surface | None = None   # the last frame of the screen we left
        self.fade_left = 0.0

        from game.ui.scenes.title import TitleScene
        self.stack.push(TitleScene())
        # Content loads in the background, started after the first frame so that the window
        # appears at once; in tests it loads here, before anything is shown.
        self.load_pending = background_load
        if not background_load:
            self.game.load_content()
            self.stack.relayout()

    # -- window --------------------------------------------------------------------------
    def _open_window(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        if fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        return pygame.display.set_mode(size, pygame.RESIZABLE)

    @property
    def size(self) -> tuple[int, int]:
        return self.window.get_size()

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        self.window = self._open_window(self.settings.window, self.settings.fullscreen)
        self.save_settings()
        self.stack.relayout()

    def set_text_scale(self, scale: float) -> None:
        self.settings.text_scale = scale
        self.theme = Theme(scale)
        self.save_settings()
        self.stack.relayout()

    def save_settings(self) -> None:
        if not self.settings.fullscreen:
            self.settings.window = self.size
        settings_mod.save_settings(self.settings, self.settings_path)

    # -- content ---------------------------------------------------------------------------
    def _load_content(self) -> None:
        self.game.load_content()
        pygame.event.post(pygame.event.Event(CONTENT_READY))

    # -- the loop ----------------------------------------------------------------------------
    def run(self) -> None:
        while self.running:
            self.pump(wait=True)
        self.save_settings()
        pygame.quit()

    def pump(self, wait: bool = False) -> None:
        """One pass of the loop. With `wait`, sleep until an event comes when nothing moves."""
        busy = self.dirty or self.animating
        events = pygame.event.get()
        if wait and not busy and not events:
            # Nothing moves: sleep between looks at the queue. (SDL's own timed wait spins on
            # some video drivers; a short sleep costs next to nothing on all of them.)
            time.sleep(IDLE_SLEEP)
            return
        for event in events:
            self.dispatch(event)
        top = self.stack.top
        if top is not None:
            top.update(FRAME_SECONDS)
            if top.animating:
                self.dirty = True
        if self.fade_left > 0:
            self.fade_left = max(0.0, self.fade_left - FRAME_SECONDS)
            self.dirty = True
        if self.dirty and self.running:
            self.draw()
            if self.load_pending:
                self.load_pending = False
                threading.Thread(target=self._load_content, daemon=True).start()
            if wait:
                time.sleep(max(0.0, FRAME_SECONDS - 0.004))  # cap animation at about 60 frames a second

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.NOEVENT:
            return
        if event.type == pygame.QUIT:
            self.request_quit()
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if not self.settings.fullscreen:
                w, h = self.size
                if w < MIN_SIZE[0] or h < MIN_SIZE[1]:
                    self.window = self._open_window((w, h), False)
            self.stack.relayout()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.dirty = True
            return
        if event.type == CONTENT_READY:
            self.stack.relayout()
            return
        if event.type == UI_ACTION and event.action == "quit_confirmed":
            self.running = False
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F1 and self.game.ready:
            from game.ui.scenes.glossary import GlossaryScene
            if not isinstance(self.stack.top, GlossaryScene):
                self.stack.push(GlossaryScene())
                return
        top = self.stack.top
        if top is not None and top.handle(event):
            self.dirty = True
            if event.type == UI_ACTION:
                self.sound.play("select")
        elif event.type == pygame.MOUSEMOTION:
            pass

    def request_quit(self) -> None:
        """Quit, after asking if a game in progress would lose anything."""
        if self.game.unsaved_progress():
            from game.ui.scenes.overlays import ConfirmScene
            self.stack.push(ConfirmScene(
                "Quit the game?", "Your game is saved at the end of every month; the choices "
                "made in this month so far will be lost.", "quit_confirmed"))
        else:
            self.running = False

    @property
    def animating(self) -> bool:
        top = self.stack.top
        return self.fade_left > 0 or (top is not None and top.animating)

    def begin_transition(self) -> None:
        """Remember the screen being left, to fade it out over the next one."""
        if self.frames:
            self.fade_from = self.window.copy()
            self.fade_left = FADE_SECONDS

    def finish_transition(self) -> None:
        self.fade_left = 0.0
        self.fade_from = None

    def draw(self) -> None:
        self.window.fill(PAPER)
        painter = Painter(self.window)
        self.stack.draw(painter)
        if self.fade_left > 0 and self.fade_from is not None:
            self.fade_from.set_alpha(round(255 * self.fade_left / FADE_SECONDS))
            self.window.blit(self.fade_from, (0, 0))
        elif self.fade_from is not None:
            self.fade_from = None
        pygame.display.flip()
        self.painter = painter
        self.dirty = False
        self.frames += 1
        if self.first_frame_seconds is None:
            self.first_frame_seconds = time.perf_counter() - self.started


def main(class_settings: Path | None = None) -> int:
    App(class_settings=class_settings).run()
    return 0
