"""Driving the window from code: synthetic keys and clicks, for tests, screenshots, benchmarks.

    driver = Driver.start(size=(1280, 720))
    driver.key("1")                 # press a key (a digit, a letter, or a pygame key name)
    driver.click(button.rect.center)
    driver.click_widget(driver.button("submit"))   # find a button on the screen, click its centre
    driver.save("title.png")

Every call posts real pygame events and runs one pass of the app's loop, exactly as a player
would; nothing reaches into a scene from the side.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.ui.app import App  # noqa: E402
from game.ui.events import UI_ACTION  # noqa: E402
from game.ui.widgets import Button  # noqa: E402

_ANY = object()   # `button(action)` without a value matches any value

KEYS = {"enter": pygame.K_RETURN, "escape": pygame.K_ESCAPE, "tab": pygame.K_TAB, "up": pygame.K_UP,
        "down": pygame.K_DOWN, "left": pygame.K_LEFT, "right": pygame.K_RIGHT, "space": pygame.K_SPACE,
        "pagedown": pygame.K_PAGEDOWN, "pageup": pygame.K_PAGEUP, "f11": pygame.K_F11, "f1": pygame.K_F1}


@dataclass
class Driver:
    app: App

    @classmethod
    def start(cls, size: tuple[int, int] = (1280, 720), settings_dir: Path | None = None,
              text_scale: float | None = None, class_settings=None, mods=(), watch: bool = False) -> "Driver":
        folder = settings_dir or Path(tempfile.mkdtemp(prefix="great-break-settings-"))
        path = folder / "settings.json"
        if text_scale is not None:
            path.write_text(f'{{"text_scale": {text_scale}, "content_note_seen": false}}', encoding="utf-8")
        app = App(size=size, settings_path=path, background_load=False, class_settings=class_settings,
                  mods=mods, watch=watch)
        driver = cls(app)
        driver.pump()
        return driver

    def pump(self) -> None:
        self.app.pump(wait=False)
        if self.app.dirty:
            self.app.draw()

    def settle(self, passes: int = 8) -> None:
        """Run passes of the loop until no event is waiting: a key posts a UI_ACTION, which a
        scene may answer with another (the pause menu's "to_title"), each handled a pass later."""
        self.pump()
        for _ in range(passes):
            if not pygame.event.peek():
                break
            self.pump()

    def key(self, name: str, mod: int = 0) -> None:
        if name in KEYS:
            key, text = KEYS[name], " " if name == "space" else ""
        else:
            key, text = pygame.key.key_code(name), name
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=text, scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=text, scancode=0))
        self.settle()  # the UI_ACTION a key posts is handled on the next pass

    def click(self, pos: tuple[int, int]) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.settle()

    def resize(self, size: tuple[int, int]) -> None:
        self.app.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
        self.pump()

    def action(self, action: str, value=None) -> None:
        pygame.event.post(pygame.event.Event(UI_ACTION, action=action, value=value))
        self.settle()

    def hover(self, pos: tuple[int, int]) -> None:
        """Move the mouse to `pos` (a MOUSEMOTION event), as a player pointing at something."""
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        self.pump()

    def wheel(self, y: int, pos: tuple[int, int] | None = None) -> None:
        """Turn the mouse wheel (y > 0: up, away from the reader), over `pos` if given."""
        if pos is not None:
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0,
                                             precise_y=float(y)))
        self.pump()

    # -- finding widgets on the screen ---------------------------------------------------------
    @property
    def scene(self):
        return self.app.stack.top

    def widgets(self) -> list:
        """The focusable widgets of the top scene, in Tab order."""
        return list(self.scene.focus.widgets) if self.scene is not None else []

    def button(self, action: str, value=_ANY) -> "Button | None":
        """The first focusable button of the top scene with this action (and value, if given)."""
        for w in self.widgets():
            if isinstance(w, Button) and w.action == action and (value is _ANY or w.value == value):
                return w
        return None

    def click_widget(self, widget) -> None:
        """Click the centre of `widget`. A widget scrolled out of its area is first reached with
        Tab, as a player would (the focus scrolls it into view); then the mouse clicks it."""
        if widget.hidden:
            for _ in range(len(self.widgets()) + 1):
                if not widget.hidden or widget not in self.widgets():
                    break
                self.key("tab")
        if widget.hidden:
            raise AssertionError(f"{widget!r} stays hidden on {type(self.scene).__name__}")
        self.click(widget.rect.center)

    # -- setting up a moment of the game (tests, screenshots, benchmarks) ----------------------
    def new_game(self, level: str = "great-break", seed: int = 1) -> None:
        """Start a game of `level` with `seed` on this app (as the level choice does)."""
        self.app.game.new_game(level, seed)
        self.pump()

    MOMENTS = ("directives", "map", "orders", "card", "report", "news", "ending")

    def fast_forward(self, moment: str, level: str = "great-break", seed: int = 1, turn: int = 1,
                     policy: str = "historical") -> None:
        """Start a game and let the engine's `policy` decide until `moment` of turn `turn` (or
        later), then show its screen. FOR LAYOUT TESTS, SCREENSHOTS AND BENCHMARKS: the screens
        in between are skipped, not played. `moment` is one of MOMENTS; "ending" plays on to
        the end of the game."""
        from game.engine.policies import decide
        from game.engine.rng import Rng
        from game.model.decision import Report
        from game.model.state import Phase
        from game.ui.scenes.map import MapScene
        from game.ui.scenes.orders import OrdersScene

        if moment not in self.MOMENTS:
            raise ValueError(f"moment must be one of {self.MOMENTS}, not {moment!r}")
        game = self.app.game
        game.new_game(level, seed)
        session, policy_rng = game.session, Rng(seed ^ 0x5EED)
        phase = {"directives": Phase.orders, "map": Phase.orders, "orders": Phase.orders,
                 "card": Phase.events, "report": Phase.report, "news": Phase.orders,
                 "ending": Phase.ended}[moment]
        last = None
        for _ in range(10_000):
            state = session.state
            if state.phase == Phase.ended:
                break
            if moment != "ending" and state.turn >= turn and state.phase == phase and \
                    (moment != "news" or isinstance(last, Report)):
                break
            last = decide(policy, session.scenario, state, policy_rng)
            game.decide(last)
        if moment != "news":
            game.news = None
        game.shown_directives_turn = session.state.turn - (1 if moment == "directives" else 0)
        if moment == "map" and session.state.phase == Phase.orders:
            self.app.stack.reset(MapScene())
        elif moment == "orders" and session.state.phase == Phase.orders:
            self.app.stack.reset(OrdersScene())
        else:
            self.app.stack.reset(game.screen())
        self.pump()

    def show_card(self, card_id: str, level: str = "great-break", seed: int = 1) -> None:
        """Show any card of the content on the card screen. FOR LAYOUT TESTS ONLY.

        Starts a new game of `level`, then puts the session into the events phase with only
        `card_id` pending (for the first village its selector admits, else the first village;
        no village for a district card) and orders for every village, and replaces the top
        scene with the card screen. The state is forced, not played: the card may be out of
        its window or its conditions, so choosing on it tests the layout, not the game."""
        from game.engine.draw import village_candidates
        from game.engine.policies import spread_cadres
        from game.model.decision import Orders, VillageOrder
        from game.model.state import Pending, Phase
        from game.ui.scenes.card import CardScene

        game = self.app.game
        game.new_game(level, seed)
        session = game.session
        state = session.state
        compiled = session.scenario.compiled[card_id]
        village = None
        if compiled.village is not None:
            admitted = village_candidates(compiled, state)
            village = admitted[0] if admitted else state.villages[0].id
        cadres = spread_cadres(state)
        state.orders = Orders(villages={v.id: VillageOrder(stance="persuade", cadres=cadres[v.id])
                                        for v in state.villages})
        state.pending = [Pending(card=card_id, village=village)]
        state.phase = Phase.events
        game.shown_directives_turn = state.turn
        game.news = None
        self.app.stack.replace(CardScene())
        self.pump()

    def save(self, path: Path) -> None:
        self.app.finish_transition()
        self.app.draw()
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.app.window, str(path))

    def layout_problems(self) -> list[str]:
        self.app.finish_transition()
        self.app.draw()
        return self.app.painter.problems() if self.app.painter else []
