"""The glossary file validates, is complete and consistent, and its problems are positioned."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.glossary import GLOSSARY_PATH, Glossary, Term, load_glossary, lookup

REQUIRED = [
    "kolkhoz", "sovkhoz", "artel", "TOZ", "commune", "kulak", "kurkul", "podkulachnik",
    "serednyak", "middle peasant", "bednyak", "poor peasant", "batrak", "raion", "okrug", "oblast",
    "krai", "obkom", "raikom", "MTS", "politotdel", "MTS political department", "25,000ers",
    "plenipotentiary", "upolnomochennyi", "trudoden'", "labour-day", "pood", "centner", "hectare",
    "Torgsin", "bab'i bunty", "blacklist", "chorna doshka", "OGPU", "GPU", "special settlers",
    "spetspereselentsy", "dekulakization", "the three categories", "Ural-Siberian method",
    "piatikratka", "contracting", "kontraktatsiia", "compulsory deliveries", "procurement",
    "zagotovki", "counter-plan", "law of 7 August 1932", "law of spikelets", "internal passport",
    "propiska", "Holodomor", "Asharshylyk", "Dizzy with Success", "Model Statute", "NEP",
    "Five-Year Plan", "village soviet", "skhod", "village assembly", "troika",
]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    loaded, problems = load_glossary()
    assert loaded is not None, "\n".join(str(p) for p in problems)
    return loaded


def _key(word: str) -> str:
    return " ".join(word.replace("\u2019", "'").split()).casefold()


def test_the_glossary_file_validates_without_a_single_problem():
    loaded, problems = load_glossary()
    assert problems == []
    assert loaded is not None


def test_at_least_45_terms_each_with_a_published_source(glossary):
    assert len(glossary.terms) >= 45
    for term in glossary.terms:
        assert term.sources, term.term
        for source in term.sources:
            for text in (source.author, source.title, source.publication or ""):
                assert "http" not in text and "www." not in text, f"{term.term}: cite the work, not a web page"


def test_no_term_or_other_spelling_appears_twice(glossary):
    seen: dict[str, str] = {}
    for term in glossary.terms:
        for name in term.names():
            assert _key(name) not in seen, f"'{name}' names both '{seen.get(_key(name))}' and '{term.term}'"
            seen[_key(name)] = term.term


def test_every_required_term_can_be_looked_up(glossary):
    missing = [word for word in REQUIRED if lookup(glossary, word) is None]
    assert missing == []


def test_lookup_by_another_spelling_in_any_case(glossary):
    assert lookup(glossary, "KOLKHOZY").term == "kolkhoz"
    assert lookup(glossary, "collective farm").term == "kolkhoz"
    assert lookup(glossary, "Labour-Days").term == "trudoden'"
    assert lookup(glossary, "sub-kulak").term == "podkulachnik"
    assert lookup(glossary, "  law   of spikelets ").term == "law of 7 August 1932"
    assert lookup(glossary, "trudoden\u2019").term == "trudoden'"  # a typographic apostrophe
    assert lookup(glossary, "tractor brigade") is None
    assert lookup(glossary, "") is None


def test_terms_are_listed_alphabetically(glossary):
    listed = [t.term.casefold() for t in glossary.ordered()]
    assert listed == sorted(listed)
    assert len(listed) == len(glossary.terms)


def test_definitions_are_short(glossary):
    for term in glossary.terms:
        sentences = [s for s in term.definition.replace("? ", ". ").split(". ") if s.strip()]
        assert len(sentences) <= 3, f"{term.term}: a definition has one to three sentences"


def test_the_models_describe_every_field():
    for model in (Term, Glossary):
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} needs a description"
        assert model.model_config.get("extra") == "forbid"


# --------------------------------------------------------------------------- broken files


@pytest.fixture
def copy(tmp_path) -> Path:
    target = tmp_path / "glossary.yaml"
    shutil.copy(GLOSSARY_PATH, target)
    return target


def _line_of(path: Path, text: str) -> int:
    """1-based number of the only line that contains `text`."""
    found = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    assert len(found) == 1, f"{text!r} occurs on lines {found}"
    return found[0]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_misspelt_field_is_reported_at_its_key_with_a_suggestion(copy):
    _replace(copy, '"radhosp", "radhospy"]\n    definition: >-', '"radhosp", "radhospy"]\n    defintion: >-')
    glossary, problems = load_glossary(copy)
    assert glossary is None
    line = _line_of(copy, "defintion: >-")
    unknown = [p for p in problems if p.code == "unknown-field"]
    assert [(p.line, p.col, p.field) for p in unknown] == [(line, 5, "terms.1.defintion")]
    assert "Did you mean 'definition'?" in unknown[0].message
    assert unknown[0].path.endswith("glossary.yaml")
    missing = [p for p in problems if p.code == "missing-field"]
    assert [(p.line, p.field, p.message) for p in missing] == [(line - 2, "terms.1.definition", "'definition' is required")]


def test_empty_sources_are_an_error_with_a_position(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text('terms:\n  - term: "pood"\n    definition: "An old Russian measure of weight."\n'
                    '    sources: []\n', encoding="utf-8")
    glossary, problems = load_glossary(path)
    assert glossary is None
    assert [(p.line, p.col, p.code, p.field) for p in problems] == [(4, 5, "invalid-value", "terms.0.sources")]


def test_a_spelling_used_twice_is_reported_where_it_is_repeated(copy):
    _replace(copy, '  - term: "sovkhoz"\n    also: ["sovkhozy", ', '  - term: "sovkhoz"\n    also: ["Kolkhozy", ')
    glossary, problems = load_glossary(copy)
    assert glossary is None
    assert len(problems) == 1
    problem = problems[0]
    assert problem.code == "duplicate-term"
    assert problem.line == _line_of(copy, 'also: ["Kolkhozy", ') and problem.col == 12
    assert problem.field.endswith(".also.0")
    assert "'kolkhoz'" in problem.message


def test_a_yaml_syntax_error_is_a_positioned_diagnostic_not_an_exception(copy):
    _replace(copy, '  - term: "TOZ"\n', '  - term: "TOZ\n')
    glossary, problems = load_glossary(copy)
    assert glossary is None
    assert len(problems) == 1 and problems[0].code == "yaml-syntax" and problems[0].line > 0


def test_a_file_without_terms_is_refused(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text("cards: []\n", encoding="utf-8")
    glossary, problems = load_glossary(path)
    assert glossary is None
    assert [p.code for p in problems] == ["not-a-glossary"]
    missing, problems = load_glossary(tmp_path / "nowhere.yaml")
    assert missing is None and [p.code for p in problems] == ["unreadable"]
