"""Translations of cards: a pack's `translations/<language>.yaml`, checked, and used when the
player chooses the language; the rules and the saves do not change."""

from __future__ import annotations

from pathlib import Path

from game.content.loader import load, load_game
from game.content.packs import base_pack, open_pack
from tests.content.test_packs import make_pack

UK = """\
language: uk
name: Українська
cards:
  test.dizzy:
    title: Запаморочення від успіхів
    text: «Правда» друкує статтю Сталіна, який звинувачує місцевих працівників у перегинах.
    choices:
      - {label: Прочитати статтю вголос на районних зборах., outcome: Активісти замовкають; селяни уважно слухають.}
      - {label: Тримати газету в шухляді тиждень., outcome: Новини доходять до сіл без вас.}
"""


def translated_pack(tmp_path: Path, text: str = UK, name: str = "uk.yaml") -> Path:
    folder = make_pack(tmp_path / "p", "test", cards=True)
    (folder / "translations").mkdir()
    (folder / "translations" / name).write_text(text, encoding="utf-8")
    return folder


def loaded(folder: Path):
    pack, problems = open_pack(folder)
    assert problems == []
    return load(packs=[base_pack(), pack])


def test_a_translation_is_read_and_the_untranslated_cards_are_one_warning(tmp_path):
    content, problems = loaded(translated_pack(tmp_path))
    assert content.languages == {"uk": "Українська"}
    missing = [d for d in problems if d.code == "missing-translation"]
    assert len(missing) == 1 and missing[0].severity == "warning"
    assert "2 cards of test have no Українська translation: test.bells, test.meeting" in missing[0].message
    assert missing[0].path.endswith("uk.yaml") and missing[0].line == 3


def test_the_game_in_another_language_changes_the_words_and_nothing_else(tmp_path, monkeypatch):
    from game.content import packs as packs_mod
    mods = tmp_path / "mods"
    mods.mkdir()
    translated_pack(tmp_path).rename(mods / "p")
    monkeypatch.setattr(packs_mod, "mod_folders", lambda: [mods])
    english, _ = load_game(cache=False)
    ukrainian, _ = load_game(cache=False, language="uk")
    card, original = ukrainian.cards["test.dizzy"], english.cards["test.dizzy"]
    assert card.title == "Запаморочення від успіхів" and card.choices[1].outcome.startswith("Новини")
    assert card.choices[0].effects == original.choices[0].effects and card.history == original.history
    assert ukrainian.fingerprint == english.fingerprint           # a save is valid in either language
    assert load_game(cache=False, language="de")[0].cards["test.dizzy"].title == original.title


def test_broken_translations_are_errors_with_their_lines(tmp_path):
    bad = UK.replace("  test.dizzy:", "  test.dizy:") + """\
  test.bells:
    title: Дзвони
    text: Бригада хоче зняти дзвони з церкви для фонду індустріалізації.
    choices:
      - {label: a, outcome: b}
      - {label: c, outcome: d}
      - {label: e, outcome: f}
"""
    content, problems = loaded(translated_pack(tmp_path, bad))
    codes = {d.code: d for d in problems}
    assert "Did you mean 'test.dizzy'?" in codes["unknown-card"].message and codes["unknown-card"].line == 4
    assert "has 2 choices; the translation gives 3" in codes["translation-choices"].message
    assert "{village}" in codes["translation-placeholder"].message
    _, wrong = loaded(translated_pack(tmp_path / "x", UK, name="ru.yaml"))
    assert any(d.code == "wrong-language" and "name it uk.yaml" in d.message for d in wrong)


def test_the_settings_screen_offers_the_languages_of_the_packs(tmp_path, monkeypatch):
    from game.ui.automation import Driver
    data = tmp_path / "data"
    monkeypatch.setenv("GREAT_BREAK_DATA_DIR", str(data))
    (data / "mods").mkdir(parents=True)
    translated_pack(tmp_path).rename(data / "mods" / "p")
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path / "settings")
    driver.action("settings")
    button = driver.button("language")
    assert button is not None and "English" in button.label
    driver.action("language", button.value)
    assert driver.app.settings.language == "uk"
    assert driver.app.game.content.cards["test.dizzy"].title == "Запаморочення від успіхів"
    assert "Українська" in driver.button("language").label
    assert driver.layout_problems() == []


def test_a_translation_of_a_card_another_pack_takes_out_is_skipped_not_fatal(tmp_path, monkeypatch):
    from game.content import packs as packs_mod
    mods = tmp_path / "mods"
    mods.mkdir()
    translated_pack(tmp_path).rename(mods / "p")
    make_pack(mods / "q", "later", requires=["test"], disable='["test.dizzy"]')
    monkeypatch.setattr(packs_mod, "mod_folders", lambda: [mods])
    content, problems = load_game(cache=False, language="uk")
    assert ("test", "1.0.0") in content.packs and "test.dizzy" not in content.cards
    skipped = [d for d in problems if d.code == "unknown-card" and d.path.endswith("uk.yaml")]
    assert skipped and skipped[0].severity == "warning" and "not used" in skipped[0].message
