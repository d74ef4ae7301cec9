"""Translations of cards: `translations/<language>.yaml` in a pack, for its own cards or for the
cards of packs loaded before it (a class can translate the base game into Ukrainian).

    # translations/uk.yaml
    language: uk
    name: Українська
    cards:
      myclass.mill_fire:
        title: Пожежа на млині
        text: ...
        choices:                 # in the card's order
          - {label: ..., outcome: ...}
        note: ...                # the history note (optional)

Only the words change: the rules, the sources and the save files stay the same, so a game can
be played in one language and its debrief read in another. The window's own words (menus,
reports) are English.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, StringConstraints
from typing import Annotated

from game.content.diagnostics import Diagnostic, did_you_mean
from game.content.packs import TRANSLATIONS
from game.model.card import Card
from game.model.common import CardId, ContentModel

ENGLISH = "en"

LanguageTag = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"),
                        Field(description="A language tag: 'uk', 'ru', 'de', 'pt-BR'.")]


class ChoiceWords(ContentModel):
    """One choice, translated."""

    label: str = Field(min_length=1, max_length=160, description="The choice's label, translated.")
    outcome: str = Field(min_length=1, max_length=600, description="What the player reads after choosing, translated.")


class CardWords(ContentModel):
    """A card's words in another language."""

    title: str = Field(min_length=1, max_length=80, description="The title, translated.")
    text: str = Field(min_length=20, max_length=1500, description="The card's text, translated; keep {village} where "
                      "the original has it.")
    choices: list[ChoiceWords] = Field(min_length=2, max_length=4, description="Every choice, in the "
                                       "card's order.")
    note: str | None = Field(None, min_length=20, description="The history note, translated (optional).")


class TranslationFile(ContentModel):
    """A pack's `translations/<language>.yaml`."""

    language: LanguageTag
    name: str = Field(min_length=1, max_length=40, description="The language's own name, e.g. 'Українська'.")
    cards: dict[CardId, CardWords] = Field(default_factory=dict, description="Card id: its words.")


def translation_files(folder: Path) -> list[Path]:
    root = folder / TRANSLATIONS
    return sorted(p for p in root.glob("*") if p.suffix in (".yaml", ".yml")) if root.is_dir() else []


def check(path: str, doc, words: TranslationFile, cards: dict[str, Card], origins: dict,
          own_pack: str) -> list[Diagnostic]:
    """Unknown cards, choices that do not match, a lost {village}; and the cards left untranslated
    (of this pack, and of every pack whose cards this file translates) as one warning. All are
    warnings: a translation that does not fit is not used, and the cards keep their own words
    (another pack may have taken out or replaced a card this file translates)."""
    out: list[Diagnostic] = []

    def report(loc: tuple, severity: str, code: str, message: str) -> None:
        line, col = doc.position(loc)
        out.append(Diagnostic(path, line, col, severity, code, ".".join(map(str, loc)), message))

    if Path(path).stem != words.language:
        report(("language",), "warning", "wrong-language", f"the file is named {Path(path).name} but says "
               f"language '{words.language}': name it {words.language}.yaml")
    for cid, w in words.cards.items():
        card = cards.get(cid)
        if card is None:
            report(("cards", cid), "warning", "unknown-card", f"no card '{cid}' to translate; the entry is not "
                   "used." + did_you_mean(cid, cards))
            continue
        if len(w.choices) != len(card.choices):
            report(("cards", cid, "choices"), "warning", "translation-choices",
                   f"'{cid}' has {len(card.choices)} choices; the translation gives {len(w.choices)}, and is "
                   "not used")
        if ("{village}" in card.text) != ("{village}" in w.text):
            report(("cards", cid, "text"), "warning", "translation-placeholder",
                   "the original text names {village} and the translation does not (or the other way "
                   "round): keep {village} as it is, where the village's name goes")
    packs = {own_pack} | {origins[cid].pack for cid in words.cards if cid in origins}
    missing = sorted(cid for cid in cards if cid in origins and origins[cid].pack in packs and cid not in words.cards)
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        report(("cards",), "warning", "missing-translation",
               f"{len(missing)} card{'s' if len(missing) != 1 else ''} of {', '.join(sorted(packs))} "
               f"{'have' if len(missing) != 1 else 'has'} no {words.name} translation: {shown}")
    return out


def translated(card: Card, w: CardWords) -> Card:
    """The card with its words in the other language; everything else as it was."""
    choices = [c.model_copy(update={"label": t.label, "outcome": t.outcome}) for c, t in zip(card.choices, w.choices)]
    history = card.history.model_copy(update={"note": w.note}) if w.note else card.history
    return card.model_copy(update={"title": w.title, "text": w.text, "choices": choices, "history": history})
