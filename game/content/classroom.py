"""The teacher's settings file: one level, one seed and the rules of the lesson, locked.

    # class.yaml
    level: great-break
    seed: 1930
    card_sets: ["base.*"]         # which cards are on (default: the level's whole deck)
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

from pydantic import Field

from game.content.diagnostics import Diagnostic, did_you_mean
from game.content.loader import read_model
from game.model.common import ContentModel, DeckEntry, Identifier, deck_matches


class ClassSettings(ContentModel):
    """The settings a teacher fixes for a lesson."""

    level: Identifier = Field(description="The level every student plays.")
    seed: int = Field(ge=0, le=2**63 - 1, description="The class seed: everyone faces the same draw.")
    card_sets: list[DeckEntry] = Field(default_factory=list, description="Cards that are on (ids, or "
                                       "'pack.*'); none listed means the level's whole deck.")
    intensity: Literal["full", "summarised"] = Field(
        "full", description="full: every card as written; summarised: testimony cards of 1932-33 are "
        "shown as a one-line summary, with the sources after the choice.")
    reasons_required: bool = Field(False, description="A reason must be typed at every key decision.")
    time_limit_minutes: int | None = Field(None, ge=5, le=300, description="Minutes for the lesson; "
                                           "the window shows the time left.")


def load_class_settings(path: Path, content=None) -> tuple[ClassSettings | None, list[Diagnostic]]:
    """Read a settings file; problems come back with their file, line and field.

    With `content`, the level and the card sets are checked against it too: a teacher learns
    of a misspelt card before the lesson, not from an empty deck during it.
    """
    doc, settings, problems = read_model(path, ClassSettings)
    if settings is None:
        return None, problems
    if content is None:
        return settings, []
    problems = _content_problems(settings, content, doc, str(path))
    return (None if problems else settings), problems


def _content_problems(settings: ClassSettings, content, doc, shown: str) -> list[Diagnostic]:
    def problem(loc: tuple, code: str, message: str) -> Diagnostic:
        line, col = doc.position(loc)
        return Diagnostic(shown, line, col, "error", code, ".".join(map(str, loc)), message)

    level = content.levels.get(settings.level)
    if level is None:
        return [problem(("level",), "unknown-level", f"no level '{settings.level}'; the levels are "
                        f"{', '.join(sorted(content.levels))}.{did_you_mean(settings.level, content.levels)}")]
    deck = content.scenario(settings.level).deck
    problems = []
    for i, entry in enumerate(settings.card_sets):
        if not any(deck_matches(entry, cid) for cid in deck):
            problems.append(problem(("card_sets", i), "unknown-card",
                                    f"'{entry}' matches no card in the deck of '{settings.level}'."
                                    f"{did_you_mean(entry, deck)}"))
    return problems


def settings_text(settings: ClassSettings) -> str:
    """The settings as a file a teacher can read and edit, with a comment on each line."""
    lines = [(f"level: {settings.level}", "the level everyone plays"),
             (f"seed: {settings.seed}", "the class seed: everyone faces the same draw"),
             (f"reasons_required: {'true' if settings.reasons_required else 'false'}",
              "a reason must be typed at every key decision"),
             (f"intensity: {settings.intensity}", "full, or summarised: famine testimony in one line")]
    if settings.time_limit_minutes:
        lines.append((f"time_limit_minutes: {settings.time_limit_minutes}", "the window shows the time left"))
    if settings.card_sets:
        lines.append(("card_sets:", "only these cards are drawn"))
    text = "".join(f"{line.ljust(28)}# {comment}\n" for line, comment in lines)
    return text + "".join(f"  - {entry}\n" for entry in settings.card_sets)
