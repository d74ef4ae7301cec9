"""The documentation names every quantity and flag the engine knows, so it cannot drift."""

from __future__ import annotations

from pathlib import Path

from game.engine.quantities import DISTRICT, ENGINE_FLAGS, VILLAGE

DOC = (Path(__file__).resolve().parents[1] / "docs" / "content-format.md").read_text(encoding="utf-8")


def test_every_quantity_and_engine_flag_is_documented():
    for key in DISTRICT:
        assert f"`district.{key}`" in DOC
    for key in VILLAGE:
        assert f"`village.{key}`" in DOC
    for flag in ENGINE_FLAGS:
        assert f"`{flag}`" in DOC


def test_readme_opens_with_the_two_commands():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    commands = [line.split("#")[0].strip() for line in readme.splitlines()[:6] if line.startswith("make ")]
    assert commands == ["make play", "make test"]


def test_the_bibliography_in_docs_is_the_one_the_content_cites():
    from game.content.bibliography import markdown
    from game.content.glossary import load_glossary
    from game.content.loader import load
    content, _ = load()
    doc = (Path(__file__).resolve().parents[1] / "docs" / "bibliography.md").read_text(encoding="utf-8")
    assert doc == markdown(content, load_glossary()[0]), "run: python -m game bibliography --out docs/bibliography.md"
