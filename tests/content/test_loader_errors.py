"""Content errors are reported with the exact file, line, column, code and field.

Each test copies the valid fixtures (tests/content/fixtures/valid) to a temporary folder,
breaks one thing, loads the folder and checks the one diagnostic that results. The expected
line and column numbers are written out by hand from the fixture text; `text_at` then
re-reads the file at that position, so a test also says what the position points at.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.diagnostics import Diagnostic
from game.content.loader import load, load_scenario

# --------------------------------------------------------------------------- helpers


def copy_valid(fixture_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(fixture_dir, target)
    return target


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur exactly once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def broken(fixture_dir: Path, tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the valid content with `old` replaced by `new` in one file."""
    folder = copy_valid(fixture_dir, tmp_path)
    replace_once(folder / file, old, new)
    return folder


# Line 13 of cards.yaml; the same effect text recurs in test.meeting, so edits anchor on line 14.
LINE_13 = "{kind: add, quantity: district.standing, value: 2}\n          - {kind: flag"


def line_13(quantity: str) -> str:
    return LINE_13.replace("district.standing", quantity)


def problems(folder: Path) -> list[Diagnostic]:
    return load([folder])[1]


def only(found: list[Diagnostic], code: str | None = None) -> Diagnostic:
    """The single diagnostic (of that code), with the whole list in the failure message."""
    chosen = [d for d in found if code is None or d.code == code]
    assert len(chosen) == 1, "\n".join(str(d) for d in found) or "no diagnostics"
    return chosen[0]


def same_file(shown: str, path: Path) -> bool:
    return Path(shown).resolve() == path.resolve()


def text_at(path: Path, line: int, col: int) -> str:
    """The rest of the line from (1-based) line and column."""
    return path.read_text(encoding="utf-8").splitlines()[line - 1][col - 1:]


# --------------------------------------------------------------------------- the fixtures


def test_the_valid_fixtures_load_without_a_single_problem(fixture_dir):
    content, found = load([fixture_dir])
    assert found == []
    assert sorted(content.cards) == ["test.bells", "test.dizzy", "test.meeting"]
    assert sorted(content.levels) == ["test-level"]
    assert content.files == 2


def test_the_valid_fixtures_make_a_scenario_whose_deck_is_the_test_pack(fixture_dir):
    scenario, found = load_scenario("test-level", [fixture_dir])
    assert found == [] and scenario is not None
    assert scenario.deck == ("test.bells", "test.dizzy", "test.meeting")


# --------------------------------------------------------------------------- names


def test_unknown_quantity_names_file_line_and_suggests_the_closest(fixture_dir, tmp_path):
    # cards.yaml line 13: "          - {kind: add, quantity: district.standing, value: 2}"
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    LINE_13, line_13("district.standng"))
    d = only(problems(folder))
    assert same_file(d.path, folder / "cards.yaml")
    assert (d.line, d.col) == (13, 35)
    assert text_at(folder / "cards.yaml", 13, 35).startswith("district.standng")
    assert d.severity == "error"
    assert d.code == "unknown-quantity"
    assert d.field == "cards.0.choices.0.effects.0.quantity"
    assert d.message == "unknown quantity 'district.standng'. Did you mean 'district.standing'?"


def test_unknown_quantity_far_from_any_name_gets_no_suggestion(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    LINE_13, line_13("morale"))
    d = only(problems(folder))
    assert (d.line, d.col, d.code) == (13, 35, "unknown-quantity")
    assert d.message == "unknown quantity 'morale'."


def test_writing_a_read_only_quantity_is_refused_where_the_quantity_is_named(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    LINE_13, line_13("district.population"))
    d = only(problems(folder))
    assert (d.line, d.col) == (13, 35)
    assert text_at(folder / "cards.yaml", d.line, d.col).startswith("district.population")
    assert d.code == "read-only-quantity"
    assert d.field == "cards.0.choices.0.effects.0.quantity"
    assert d.message.startswith("'district.population' cannot be changed by a card")
    assert "households" in d.message  # says what to use instead


def test_reading_a_read_only_quantity_in_a_condition_is_allowed(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "    weight: 5\n",
                    "    weight: 5\n    when: {kind: compare, quantity: district.population, op: '>', value: 0}\n")
    assert problems(folder) == []


def test_unknown_field_points_at_the_key_and_suggests_the_real_field(fixture_dir, tmp_path):
    # cards.yaml line 29: "    title: The church bells"
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "    title: The church bells", "    titel: The church bells")
    found = problems(folder)
    d = only(found, "unknown-field")
    assert (d.line, d.col) == (29, 5)  # the key, not its value
    assert text_at(folder / "cards.yaml", 29, 5).startswith("titel:")
    assert d.field == "cards.1.titel"
    assert d.message == "unknown field 'titel'. Did you mean 'title'?"
    # Without 'title' the card also lacks a required field: reported at the card (line 28).
    missing = only(found, "missing-field")
    assert (missing.line, missing.col, missing.field) == (28, 5, "cards.1.title")
    assert len(found) == 2


def test_unknown_field_in_an_effect_has_no_union_tag_in_its_field_path(fixture_dir, tmp_path):
    # cards.yaml line 45: "          - {kind: add, quantity: village.trust, value: 3}"
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "{kind: add, quantity: village.trust, value: 3}",
                    "{kind: add, quantity: village.trust, value: 3, valeu: 4}")
    d = only(problems(folder))
    assert (d.line, d.col) == (45, 60)
    assert text_at(folder / "cards.yaml", 45, 60).startswith("valeu:")
    assert d.code == "unknown-field"
    assert d.field == "cards.1.choices.1.effects.0.valeu"
    assert d.message == "unknown field 'valeu'. Did you mean 'value'?"


def test_unknown_field_in_a_level_points_at_the_key(fixture_dir, tmp_path):
    # level.yaml line 8: "minutes: 10"
    folder = broken(fixture_dir, tmp_path, "level.yaml", "minutes: 10", "minuts: 10")
    found = problems(folder)
    d = only(found, "unknown-field")
    assert same_file(d.path, folder / "level.yaml")
    assert (d.line, d.col, d.field) == (8, 1, "minuts")
    assert d.message == "unknown field 'minuts'. Did you mean 'minutes'?"
    missing = only(found, "missing-field")
    assert (missing.line, missing.col, missing.field) == (2, 1, "minutes")  # the level's first key


def test_missing_required_field_points_at_the_card_that_lacks_it(fixture_dir, tmp_path):
    # The third card starts at line 55 ("  - id: test.meeting"); its text is on line 61.
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "    text: The brigade calls a general meeting to vote the whole district into the kolkhoz.\n",
                    "")
    found = problems(folder)
    d = only(found, "missing-field")
    assert (d.line, d.col) == (55, 5)
    assert text_at(folder / "cards.yaml", 55, 5).startswith("id: test.meeting")
    assert d.field == "cards.2.text"
    assert d.message == "'text' is required"
    # The card is not loaded, so the queue effect pointing at it is reported too (line 40).
    assert only(found, "unknown-card").line == 40


# --------------------------------------------------------------------------- kinds and values


def test_unknown_effect_kind_points_at_the_kind_and_lists_the_kinds(fixture_dir, tmp_path):
    # cards.yaml line 45: "          - {kind: add, quantity: village.trust, value: 3}"
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "{kind: add, quantity: village.trust, value: 3}",
                    "{kind: ad, quantity: village.trust, value: 3}")
    d = only(problems(folder))
    assert (d.line, d.col) == (45, 20)
    assert text_at(folder / "cards.yaml", 45, 20).startswith("ad,")
    assert d.code == "unknown-kind"
    assert d.field == "cards.1.choices.1.effects.0.kind"
    assert d.message.startswith("unknown kind 'ad'; expected one of 'add', 'set', 'multiply',")
    assert d.message.endswith("Did you mean 'add'?")


def test_unknown_effect_kind_in_block_style_points_at_the_kind(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "          - {kind: add, quantity: village.trust, value: 3}",
                    "          - kind: ad\n            quantity: village.trust\n            value: 3")
    d = only(problems(folder))
    assert (d.line, d.col, d.code) == (45, 19, "unknown-kind")
    assert text_at(folder / "cards.yaml", 45, 19) == "ad"


def test_effect_without_a_kind_says_kind_is_required_and_lists_the_kinds(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "{kind: add, quantity: village.trust, value: 3}",
                    "{quantity: village.trust, value: 3}")
    d = only(problems(folder))
    assert (d.line, d.col) == (45, 13)  # the effect's "{"
    assert d.code == "missing-field"
    assert d.field == "cards.1.choices.1.effects.0.kind"
    assert d.message.startswith("'kind' is required: one of 'add', 'set', 'multiply', 'flag'")


def test_condition_without_a_kind_lists_the_condition_kinds(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "village: {kind: trait, trait: religious, equals: true}",
                    "village: {trait: religious, equals: true}")
    d = only(problems(folder))
    assert d.code == "missing-field"
    assert d.field == "cards.1.village.kind"
    assert "'compare'" in d.message and "'households'" not in d.message


def test_wrong_value_inside_an_effect_points_at_the_value(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "{kind: add, quantity: village.trust, value: 3}",
                    "{kind: add, quantity: village.trust, value: lots}")
    d = only(problems(folder))
    assert (d.line, d.col) == (45, 57)
    assert text_at(folder / "cards.yaml", 45, 57).startswith("lots}")
    assert d.code == "invalid-value"
    assert d.field == "cards.1.choices.1.effects.0.value"  # no pydantic tag ("add") in it
    assert "valid number" in d.message


def test_wrong_value_in_a_field_named_like_its_kind_points_at_the_value(fixture_dir, tmp_path):
    # {kind: flag, flag: ...}: pydantic's location is "...effects.1.flag.flag" (tag, field).
    # cards.yaml line 14: "          - {kind: flag, flag: excesses_condemned}"
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "{kind: flag, flag: excesses_condemned}", "{kind: flag, flag: Excesses Condemned}")
    d = only(problems(folder))
    assert (d.line, d.col) == (14, 32)
    assert d.field == "cards.0.choices.0.effects.1.flag"


def test_out_of_range_number_points_at_the_number(fixture_dir, tmp_path):
    # cards.yaml line 33: "    cooldown: 0" (of test.bells; the most is 48)
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "    cooldown: 0\n    text: The brigade in", "    cooldown: 99\n    text: The brigade in")
    d = only(problems(folder))
    assert (d.line, d.col, d.code, d.field) == (33, 15, "invalid-value", "cards.1.cooldown")
    assert d.message == "Input should be less than or equal to 48"


def test_a_card_that_fails_to_load_is_also_missing_for_the_cards_that_refer_to_it(fixture_dir, tmp_path):
    # test.meeting (weight on line 60) is invalid, so the queue effect on line 40 names no card.
    folder = broken(fixture_dir, tmp_path, "cards.yaml", "    weight: 5\n", "    weight: -5\n")
    found = problems(folder)
    assert [(d.line, d.col, d.code) for d in found] == [(40, 33, "unknown-card"), (60, 13, "invalid-value")]
    assert found[1].message == "Input should be greater than 0"


# --------------------------------------------------------------------------- YAML itself


def test_yaml_syntax_error_gives_line_and_column(fixture_dir, tmp_path):
    # cards.yaml line 29: "    title: The church: bells" -- the second ':' is at column 22.
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "    title: The church bells", "    title: The church: bells")
    d = only(problems(folder), "yaml-syntax")
    assert same_file(d.path, folder / "cards.yaml")
    assert (d.line, d.col) == (29, 22)
    assert d.field == ""
    assert d.message.startswith("mapping values are not allowed here (a text that holds")


def test_unclosed_flow_sequence_is_reported_where_the_parser_stops(fixture_dir, tmp_path):
    # "[" opens a list on line 29 that never closes; the parser notices at the ':' after
    # 'kind' on line 30 (column 9).
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "    title: The church bells", "    title: [The church bells")
    d = only(problems(folder), "yaml-syntax")
    assert (d.line, d.col) == (30, 9)
    assert "expected ',' or ']'" in d.message


def test_a_tab_used_for_indentation_is_a_syntax_error_on_its_line(tmp_path):
    (tmp_path / "tabs.yaml").write_text("cards:\n\t- id: test.x\n", encoding="utf-8")
    d = only(problems(tmp_path))
    assert (d.line, d.col, d.code) == (2, 1, "yaml-syntax")


def test_a_control_character_is_reported_at_its_line_and_column(tmp_path):
    (tmp_path / "bell.yaml").write_bytes(b"cards:\n  - id: test.x\x07\n")
    d = only(problems(tmp_path))
    assert (d.line, d.col, d.code) == (2, 15, "yaml-syntax")
    assert "U+0007" in d.message


def test_duplicate_key_in_a_mapping_points_at_the_second_key(fixture_dir, tmp_path):
    # After the edit: line 59 "    cooldown: 0", line 60 "    weight: 5", line 61 "    cooldown: 1".
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "    cooldown: 0\n    weight: 5\n", "    cooldown: 0\n    weight: 5\n    cooldown: 1\n")
    d = only(problems(folder), "duplicate-key")
    assert (d.line, d.col) == (61, 5)
    assert text_at(folder / "cards.yaml", 61, 5) == "cooldown: 1"
    assert 'duplicate key "cooldown"' in d.message


def test_empty_file_is_an_error_at_its_first_line(tmp_path):
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    d = only(problems(tmp_path))
    assert same_file(d.path, tmp_path / "empty.yaml")
    assert (d.line, d.col, d.code, d.field) == (1, 1, "empty-file", "")
    assert d.message == "the file is empty"


def test_file_of_only_comments_counts_as_empty(tmp_path):
    (tmp_path / "comments.yaml").write_text("# nothing yet\n# still nothing\n", encoding="utf-8")
    assert only(problems(tmp_path)).code == "empty-file"


def test_non_utf8_file_names_the_line_and_column_of_the_first_bad_byte(tmp_path):
    # Line 3 is "    title: Caf\xe9": the Latin-1 e-acute is the 15th character.
    (tmp_path / "latin1.yaml").write_bytes("cards:\n  - id: test.x\n    title: Caf\xe9\n".encode("latin-1"))
    d = only(problems(tmp_path))
    assert same_file(d.path, tmp_path / "latin1.yaml")
    assert (d.line, d.col, d.code) == (3, 15, "not-utf8")
    assert "UTF-8" in d.message and "e9" in d.message


def test_a_non_utf8_byte_after_non_ascii_text_is_counted_in_characters(tmp_path):
    # "Ёлкино" is 6 characters but 12 bytes: the column counts characters.
    data = "cards:\n  - title: Ёлкино \xff\n".encode("utf-8").replace(b"\xc3\xbf", b"\xff")
    (tmp_path / "mixed.yaml").write_bytes(data)
    d = only(problems(tmp_path))
    assert (d.line, d.col, d.code) == (2, 19, "not-utf8")


def test_a_file_that_is_not_a_card_file_or_a_level_says_what_a_card_file_needs(tmp_path):
    (tmp_path / "list.yaml").write_text("- one\n- two\n", encoding="utf-8")
    d = only(problems(tmp_path))
    assert (d.line, d.col, d.code) == (1, 1, "not-a-card-file")


# --------------------------------------------------------------------------- references and rules


def test_duplicate_card_id_across_two_files_names_the_first_file_and_line(fixture_dir, tmp_path):
    folder = copy_valid(fixture_dir, tmp_path)
    lines = (folder / "cards.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    bells = lines[27:54]  # lines 28-54: the card test.bells
    assert bells[0] == "  - id: test.bells\n"
    # "more.yaml" sorts after "cards.yaml", so cards.yaml holds the first definition.
    (folder / "more.yaml").write_text("cards:\n" + "".join(bells), encoding="utf-8")
    d = only(problems(folder))
    assert same_file(d.path, folder / "more.yaml")
    assert (d.line, d.col) == (2, 9)  # the id's value, "test.bells"
    assert d.code == "duplicate-id"
    assert d.field == "cards.0.id"
    first = folder / "cards.yaml"
    assert d.message == f"card id 'test.bells' is already defined at {first}:28"


def test_duplicate_level_id_names_the_first_file(fixture_dir, tmp_path):
    folder = copy_valid(fixture_dir, tmp_path)
    shutil.copy(folder / "level.yaml", folder / "zz-level.yaml")
    d = only(problems(folder))
    assert same_file(d.path, folder / "zz-level.yaml")
    assert (d.line, d.col, d.code, d.field) == (2, 5, "duplicate-id", "id")
    assert d.message == f"level id 'test-level' is already defined in {folder / 'level.yaml'}"


def test_village_quantity_in_an_effect_of_a_card_without_a_village_selector(fixture_dir, tmp_path):
    # test.dizzy (line 3) has no 'village:' selector.
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    LINE_13, line_13("village.trust"))
    d = only(problems(folder))
    assert (d.line, d.col) == (13, 35)
    assert d.code == "needs-village"
    assert d.field == "cards.0.choices.0.effects.0.quantity"
    assert d.message == "'village.trust' needs a village: add a 'village:' selector to the card"


def test_village_quantity_in_a_choice_condition_of_a_district_card_needs_a_village(fixture_dir, tmp_path):
    # Before the fix this passed validation and crashed the game when the card was drawn.
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "      - label: Let only those who signed up join.\n",
                    "      - label: Let only those who signed up join.\n"
                    "        when: {kind: compare, quantity: village.trust, op: '>', value: 0}\n")
    d = only(problems(folder))
    assert (d.line, d.col) == (70, 41)
    assert text_at(folder / "cards.yaml", 70, 41).startswith("village.trust")
    assert d.code == "needs-village"
    assert d.field == "cards.2.choices.1.when.quantity"


def test_village_quantity_in_a_choice_condition_of_a_village_card_is_fine(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "      - label: Leave the bells where they are.\n",
                    "      - label: Leave the bells where they are.\n"
                    "        when: {kind: compare, quantity: village.trust, op: '>', value: 0}\n")
    assert problems(folder) == []


def test_village_quantity_in_a_cards_own_when_is_refused_even_on_a_village_card(fixture_dir, tmp_path):
    # A card's `when` is tested before its village is drawn, so it can never read 'village.'.
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "    repeat: true\n    cooldown: 0\n    text: The brigade in",
                    "    when: {kind: compare, quantity: village.trust, op: '>', value: 0}\n"
                    "    repeat: true\n    cooldown: 0\n    text: The brigade in")
    d = only(problems(folder))
    assert (d.line, d.col) == (32, 37)
    assert d.code == "needs-village"
    assert d.field == "cards.1.when.quantity"
    assert "'village:' selector" in d.message


def test_village_quantity_in_a_level_ending_is_refused(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "level.yaml",
                    'when: {kind: compare, quantity: district.standing, op: "<", value: 10}',
                    'when: {kind: compare, quantity: village.trust, op: "<", value: 10}')
    d = only(problems(folder))
    assert same_file(d.path, folder / "level.yaml")
    assert d.code == "needs-village"
    assert d.field == "endings.0.when.quantity"
    assert text_at(folder / "level.yaml", d.line, d.col).startswith("village.trust")


def test_unknown_card_id_in_a_queue_effect_suggests_the_closest(fixture_dir, tmp_path):
    # cards.yaml line 40: "          - {kind: queue, card: test.meeting, after: 1}"
    folder = broken(fixture_dir, tmp_path, "cards.yaml", "card: test.meeting", "card: test.meting")
    d = only(problems(folder))
    assert (d.line, d.col) == (40, 33)
    assert text_at(folder / "cards.yaml", 40, 33).startswith("test.meting")
    assert d.code == "unknown-card"
    assert d.field == "cards.1.choices.0.effects.1.card"
    assert d.message == "no card 'test.meting' to queue. Did you mean 'test.meeting'?"


def test_a_card_with_no_historical_choice_is_an_error_at_its_choices(fixture_dir, tmp_path):
    # test.meeting's choices start at line 62; its historical policy line is removed.
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "scope: villages}\n          - {kind: add, quantity: district.standing, value: 2}\n"
                    "        policies: [historical]\n",
                    "scope: villages}\n          - {kind: add, quantity: district.standing, value: 2}\n")
    d = only(problems(folder))
    assert (d.line, d.col) == (62, 5)
    assert text_at(folder / "cards.yaml", 62, 5) == "choices:"
    assert d.code == "historical-choice"
    assert d.field == "cards.2.choices"
    assert d.message == "exactly one choice must carry 'policies: [historical]' (found 0)"


def test_a_card_with_two_historical_choices_is_an_error_too(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    "          - {kind: add, quantity: villages.trust, value: 1}\n",
                    "          - {kind: add, quantity: villages.trust, value: 1}\n        policies: [historical]\n")
    d = only(problems(folder))
    assert (d.line, d.code) == (62, "historical-choice")
    assert d.message.endswith("(found 2)")


def test_deck_entry_matching_no_card_points_at_the_entry(fixture_dir, tmp_path):
    # level.yaml line 11: 'deck: ["test.*", "tset.*"]' -- the second entry's quote is column 18.
    folder = broken(fixture_dir, tmp_path, "level.yaml", 'deck: ["test.*"]', 'deck: ["test.*", "tset.*"]')
    d = only(problems(folder))
    assert same_file(d.path, folder / "level.yaml")
    assert (d.line, d.col) == (11, 18)
    assert text_at(folder / "level.yaml", 11, 18).startswith('"tset.*"')
    assert d.code == "unknown-card"
    assert d.field == "deck.1"
    assert d.message.startswith("no card matches 'tset.*' for the deck.")


def test_deck_entry_with_a_misspelt_card_id_suggests_the_card(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "level.yaml", 'deck: ["test.*"]', 'deck: ["test.*", "test.dizy"]')
    d = only(problems(folder))
    assert d.message == "no card matches 'test.dizy' for the deck. Did you mean 'test.dizzy'?"


def test_unknown_level_is_named_with_the_levels_there_are(fixture_dir):
    scenario, found = load_scenario("test-levle", [fixture_dir])
    assert scenario is None
    d = only(found)
    assert d.code == "unknown-level"
    assert d.message == "no level 'test-levle'; levels are test-level. Did you mean 'test-level'?"


# --------------------------------------------------------------------------- collecting and printing


def test_all_problems_are_collected_not_just_the_first(fixture_dir, tmp_path):
    folder = copy_valid(fixture_dir, tmp_path)
    cards = folder / "cards.yaml"
    replace_once(cards, LINE_13, line_13("district.standng"))  # line 13
    replace_once(cards, "    repeat: true\n    cooldown: 0\n    text: The brigade in",
                 "    repaet: true\n    cooldown: 0\n    text: The brigade in")  # line 32
    replace_once(cards, "    weight: 5\n", "    weight: 5\n    pair: test.dizy\n")  # new line 61
    found = problems(folder)
    # One from the schema, two from the checks made after it: all three are reported.
    assert [(d.line, d.col, d.code, d.field) for d in found] == [
        (13, 35, "unknown-quantity", "cards.0.choices.0.effects.0.quantity"),
        (32, 5, "unknown-field", "cards.1.repaet"),
        (61, 11, "unknown-card", "cards.2.pair"),
    ]
    assert found[2].message == "no card 'test.dizy' to pair with. Did you mean 'test.dizzy'?"


def test_problems_in_several_files_are_all_reported_sorted_by_file_and_line(fixture_dir, tmp_path):
    folder = copy_valid(fixture_dir, tmp_path)
    replace_once(folder / "level.yaml", "minutes: 10", "minutes: 1")  # below the minimum, line 8
    replace_once(folder / "cards.yaml", "card: test.meeting", "card: test.nothing")  # line 40
    (folder / "blank.yaml").write_text("", encoding="utf-8")
    found = problems(folder)
    assert [(Path(d.path).name, d.line, d.code) for d in found] == [
        ("blank.yaml", 1, "empty-file"),
        ("cards.yaml", 40, "unknown-card"),
        ("level.yaml", 8, "invalid-value"),
    ]


def test_str_of_a_diagnostic_has_the_shape_path_line_col_severity_code_field_message(fixture_dir, tmp_path):
    folder = broken(fixture_dir, tmp_path, "cards.yaml",
                    LINE_13, line_13("district.standng"))
    d = only(problems(folder))
    assert str(d) == (f"{d.path}:13:35: error [unknown-quantity] cards.0.choices.0.effects.0.quantity: "
                      "unknown quantity 'district.standng'. Did you mean 'district.standing'?")
    assert re.fullmatch(r"[^:]+:\d+:\d+: (error|warning) \[[a-z-]+\] [\w.]+: .+", str(d))


def test_str_of_a_diagnostic_without_position_or_field_leaves_them_out():
    d = Diagnostic("cards/x.yaml", 0, 0, "error", "unreadable", "", "cannot read the file")
    assert str(d) == "cards/x.yaml: error [unreadable] cannot read the file"
    d = Diagnostic("cards/x.yaml", 1, 1, "error", "empty-file", "", "the file is empty")
    assert str(d) == "cards/x.yaml:1:1: error [empty-file] the file is empty"


def test_diagnostic_to_json_keeps_every_part():
    d = Diagnostic("a.yaml", 3, 4, "warning", "unknown-flag", "cards.0.when.flag", "no card sets it")
    assert d.to_json() == {"path": "a.yaml", "line": 3, "col": 4, "severity": "warning",
                           "code": "unknown-flag", "field": "cards.0.when.flag", "message": "no card sets it"}


def test_paths_are_shown_relative_to_the_working_directory(fixture_dir, tmp_path, monkeypatch):
    broken(fixture_dir, tmp_path, "cards.yaml",
                    LINE_13, line_13("district.standng"))
    monkeypatch.chdir(tmp_path)
    d = only(problems(Path("content")))
    assert d.path == str(Path("content") / "cards.yaml")
    assert str(d).startswith("content/cards.yaml:13:35: error [unknown-quantity]")


# --------------------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True),
                                st.sampled_from(["flip", "cut", ":", "- ", "{", "[", "\n", "  ", "&a ",
                                                 "*a", "!!str ", "'", '"', "\t", "\x00", "\xff"])),
                      min_size=1, max_size=4))
def test_load_never_raises_on_mangled_files_it_only_reports(fixture_dir, tmp_path_factory, edits):
    data = bytearray((fixture_dir / "cards.yaml").read_bytes())
    for where, edit in edits:
        pos = int(where * len(data))
        if edit == "flip":
            data[pos] = (data[pos] + 77) % 256
        elif edit == "cut":
            del data[pos:pos + 15]
        else:
            data[pos:pos] = edit.encode("latin-1")
    folder = tmp_path_factory.mktemp("mangled")
    (folder / "cards.yaml").write_bytes(bytes(data))
    content, found = load([folder])  # must not raise
    for d in found:
        assert d.severity in ("error", "warning")
        assert d.line >= 0 and d.col >= 0
        assert str(d)
