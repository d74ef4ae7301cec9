"""The UI's own event type. Widgets post these into pygame's queue; scenes read them back.

Widgets never call game code: a button posts UI_ACTION with its `action` (and `value`), and the
scene that owns it turns that into a decision for the engine.
"""

from __future__ import annotations

import pygame

UI_ACTION = pygame.event.custom_type()


def post_action(action: str, value=None) -> None:
    pygame.event.post(pygame.event.Event(UI_ACTION, action=action, value=value))
