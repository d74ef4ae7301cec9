"""The teacher's settings file: one level, one seed and the rules of the lesson, locked.

    # class.yaml
    level: great-break
    seed: 1930
    intensity: full               # or: summarised (testimony of the famine years in a line)
    reasons_required: true        # a reason must be typed at every key decision
    time_limit_minutes: 30        # the window shows the time left

`python -m game play --class-settings class.yaml` (or `text --class-settings ...`) opens the
game with these settings and shows that they are locked. Every student then faces the same
draw, and their result files can be compared in the class summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from game.content.diagnostics import Diagnostic
from game.content.loader import pydantic_problems
from game.content.yaml_source import read
from game.model.common import ContentModel, Identifier


class ClassSettings(ContentModel):
    """The settings a teacher fixes for a lesson."""

    level: Identifier = Field(description="The level every student plays.")
    seed: int = Field(ge=0, le=2**63 - 1, description="The class seed: everyone faces the same draw.")
    intensity: Literal["full", "summarised"] = Field(
        "full", description="full: every card as written; summarised: testimony cards of 1932-33 are "
        "shown as a one-line summary, with the sources after the choice.")
    reasons_required: bool = Field(False, description="A reason must be typed at every key decision.")
    time_limit_minutes: int | None = Field(None, ge=5, le=300, description="Minutes for the lesson; "
                                           "the window shows the time left.")


def load_class_settings(path: Path) -> tuple[ClassSettings | None, list[Diagnostic]]:
    """Read a settings file; problems come back with their file, line and field."""
    doc, problems = read(path, str(path))
    if doc is None:
        return None, problems
    try:
        return ClassSettings.model_validate(doc.data), []
    except ValidationError as exc:
        return None, pydantic_problems(doc, exc, (), tuple(ClassSettings.model_fields))
