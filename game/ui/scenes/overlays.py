"""Overlays laid on top of a screen: the pause menu, confirmations, messages."""

from __future__ import annotations

import time

import pygame

from game import paths
from game.ui import fonts
from game.ui.events import UI_ACTION, post_action
from game.ui.scene import Scene
from game.ui.scenes.base import menu_buttons, stack_widgets
from game.ui.text import Painter, measure
from game.ui.theme import INK, PAPER_LIGHT, SHADOW
from game.ui.widgets import Button, ScrollArea, ScrollText


class Dialog(Scene):
    """A panel in the middle of the window over a dimmed screen."""

    overlay = True
    heading = ""
    message = ""

    def buttons(self) -> list[Button]:
        return []

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        w, h = size
        width = min(w - 4 * theme.pad, max(480, w // 2))
        inner = width - 4 * theme.pad
        self.widgets = self.buttons()
        head = measure(fonts.font("serif_bold", theme.heading), self.heading, inner)
        body = measure(fonts.font("sans", theme.body), self.message, inner) if self.message else 0
        probe = pygame.Rect(0, 0, inner, 0)
        buttons_height = stack_widgets(self.widgets, probe, theme, theme.pad // 2) if self.widgets else 0
        height = min(h - 2 * theme.pad, head + body + buttons_height + 6 * theme.pad)
        self.panel = pygame.Rect(0, 0, width, height)
        self.panel.center = (w // 2, h // 2)
        top = self.panel.top + 2 * theme.pad + head + (body + theme.pad if body else 0)
        viewport = pygame.Rect(self.panel.left + 2 * theme.pad, top, inner, self.panel.bottom - 2 * theme.pad - top)
        self.areas = [ScrollArea(viewport, [[b] for b in self.widgets], theme, gap=theme.pad // 2)]
        self.focus.set(self.widgets, keep=False)

    def draw(self, painter: Painter) -> None:
        theme = self.theme
        shade = pygame.Surface(painter.surface.get_size(), pygame.SRCALPHA)
        shade.fill((31, 27, 24, 140))
        painter.surface.blit(shade, (0, 0))
        pygame.draw.rect(painter.surface, SHADOW, self.panel.move(5, 5))
        pygame.draw.rect(painter.surface, PAPER_LIGHT, self.panel)
        pygame.draw.rect(painter.surface, INK, self.panel, 2)
        inner = self.panel.inflate(-4 * theme.pad, -2 * theme.pad)
        used = painter.text(self.heading, fonts.font("serif_bold", theme.heading), INK, inner)
        if self.message:
            painter.text(self.message, fonts.font("sans", theme.body), INK,
                         pygame.Rect(inner.left, inner.top + used + theme.pad // 2, inner.width,
                                     inner.height - used))
        self.draw_widgets(painter, self.widgets)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.stack.pop()
            return True
        return super().handle(event)


class ConfirmScene(Dialog):
    """Ask before anything is lost. 'Yes' closes the dialog and posts `action`."""

    def __init__(self, heading: str, message: str, action: str, value=None) -> None:
        super().__init__()
        self.heading, self.message, self.action, self.value = heading, message, action, value

    def buttons(self) -> list[Button]:
        return menu_buttons([("No, go back", "no", None), ("Yes", "yes", None)])

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION and event.action in ("yes", "no"):
            self.app.stack.pop()
            if event.action == "yes":
                post_action(self.action, self.value)
            return True
        return super().handle(event)


class MessageScene(Dialog):
    def __init__(self, heading: str, message: str) -> None:
        super().__init__()
        self.heading, self.message = heading, message

    def buttons(self) -> list[Button]:
        return menu_buttons([("Close", "close", None)])

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == UI_ACTION and event.action == "close":
            self.app.stack.pop()
            return True
        return super().handle(event)


class NoticeScene(MessageScene):
    """A message that may be long (a list of problems): the body scrolls inside the panel."""

    def layout(self, size: tuple[int, int]) -> None:
        theme = self.theme
        w, h = size
        inner = min(w - 8 * theme.pad, 900)
        self.panel = pygame.Rect(0, 0, inner + 4 * theme.pad, h - 4 * theme.pad)
        self.panel.center = (w // 2, h // 2)
        head = measure(fonts.font("serif_bold", theme.heading), self.heading, inner)
        self.widgets = self.buttons()
        probe = pygame.Rect(0, 0, inner, 0)
        buttons_height = stack_widgets(self.widgets, probe, theme, theme.pad // 2)
        left, top = self.panel.left + 2 * theme.pad, self.panel.top + theme.pad + head + theme.pad
        bottom = self.panel.bottom - 2 * theme.pad - buttons_height
        self.body = ScrollText(text=self.message, role="sans", rect=pygame.Rect(left, top, inner, bottom - top))
        self.body.reflow(theme)
        self.areas = [ScrollArea(pygame.Rect(left, bottom + theme.pad, inner, buttons_height),
                                 [[b] for b in self.widgets], theme)]
        self.focus.set([*self.widgets, self.body], keep=False)

    def draw(self, painter: Painter) -> None:
        message, self.message = self.message, ""    # the body draws it, scrolled
        super().draw(painter)
        self.message = message
        self.draw_widgets(painter, [self.body])


class PauseScene(Dialog):
    heading = "Paused"

    def buttons(self) -> list[Button]:
        return menu_buttons([
            ("Resume", "resume", None),
            ("Save the game", "save", None),
            ("Load a game", "load", None),
            ("Settings", "settings", None),
            ("Quit to the title screen", "title", None),
            ("Quit the game", "quit", None),
            ("Glossary (also F1)", "glossary", None),
        ])

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type != UI_ACTION:
            return super().handle(event)
        stack, game = self.app.stack, self.app.game
        if event.action == "resume":
            stack.pop()
        elif event.action == "save":
            s = game.session.state
            path = paths.SAVES / f"{s.level}-turn{s.turn:02d}-{time.strftime('%Y%m%d-%H%M%S')}.json"
            error = game.save_game(path)
            stack.pop()
            stack.push(MessageScene("Saved" if error is None else "Not saved",
                                    error or f"The game is saved as {path.name}."))
        elif event.action == "load":
            from game.ui.scenes.saves import LoadScene
            stack.push(LoadScene())
        elif event.action == "settings":
            from game.ui.scenes.settings import SettingsScene
            stack.push(SettingsScene())
        elif event.action == "glossary":
            from game.ui.scenes.glossary import GlossaryScene
            stack.push(GlossaryScene())
        elif event.action == "title":
            if game.unsaved_progress():
                stack.push(ConfirmScene("Leave this game?", "The game is saved at the end of every "
                                        "month; the choices made this month will be lost.", "to_title"))
            else:
                post_action("to_title")
        elif event.action == "to_title":
            from game.ui.scenes.title import TitleScene
            stack.reset(TitleScene())
        elif event.action == "quit":
            self.app.request_quit()
        else:
            return False
        return True
