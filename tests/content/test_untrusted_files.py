"""Files from anyone: a huge file, a deep nest or a YAML alias bomb is refused with a reason."""

from __future__ import annotations

from game.content.yaml_source import MAX_BYTES, read


def problem(tmp_path, text: str) -> str:
    path = tmp_path / "mod.yaml"
    path.write_text(text, encoding="utf-8")
    doc, problems = read(path, "mod.yaml")
    assert doc is None and len(problems) == 1
    return str(problems[0])


def test_an_alias_bomb_is_refused(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(20)]
    text = problem(tmp_path, "\n".join(lines) + "\n")
    assert "[too-large]" in text and "aliases" in text


def test_a_deep_nest_is_refused(tmp_path):
    assert "[too-deep]" in problem(tmp_path, "a: " + "[" * 100 + "]" * 100 + "\n")
    assert "[too-deep]" in problem(tmp_path, "a: " + "[" * 20000 + "]" * 20000 + "\n")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    assert "[file-too-large]" in problem(tmp_path, "# " + "x" * MAX_BYTES + "\n")


def test_an_overlong_text_is_refused_with_its_field_and_limit(tmp_path):
    from pathlib import Path

    from game.content.loader import load
    fixture = Path(__file__).parent / "fixtures" / "valid" / "cards.yaml"
    text = fixture.read_text(encoding="utf-8")
    long_line = "Pravda prints an article by Stalin blaming local officials for the excesses."
    (tmp_path / "cards.yaml").write_text(text.replace(long_line, long_line * 30), encoding="utf-8")
    (tmp_path / "outcome.yaml").write_text("cards: []\n", encoding="utf-8")
    _, problems = load([tmp_path])
    assert any(d.field == "cards.0.text" and "at most 1500 characters" in d.message and d.line == 8
               for d in problems), problems


def test_an_unquoted_colon_in_a_text_says_to_quote_it(tmp_path):
    message = problem(tmp_path, "cards:\n  - id: x.y\n    title: Order: take the grain\n")
    assert "quotation marks" in message
