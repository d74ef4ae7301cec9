"""The JSON Schemas editors read: draft-07, self-contained, described, and true to the models.

`python -m game schema --out DIR` writes card-file.schema.json and level.schema.json. Editors
(the YAML language server) read draft-07, so the schemas must not use what later drafts added
(const, prefixItems, $defs), and every property needs a description for the hover text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from game.cli import main
from game.content.loader import load

SCHEMAS = ("card-file.schema.json", "level.schema.json", "pack.schema.json", "translation.schema.json")
DRAFT_07 = "http://json-schema.org/draft-07/schema#"
SCHEMA_CODES = {"unknown-field", "missing-field", "invalid-value", "unknown-kind", "yaml-syntax",
                "duplicate-key", "empty-file", "not-utf8", "unreadable", "not-a-card-file"}


@pytest.fixture(scope="module")
def schema_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("schemas")
    assert main(["schema", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def schemas(schema_dir) -> dict[str, dict]:
    return {name: json.loads((schema_dir / name).read_text(encoding="utf-8")) for name in SCHEMAS}


def walk(node, path=()):
    """Every (path, mapping) in a JSON document."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, path + (i,))


def plain(path: Path):
    """A YAML file as plain JSON data (what a YAML language server validates)."""
    return json.loads(json.dumps(YAML(typ="safe").load(path.read_text(encoding="utf-8"))))


def test_schema_command_writes_both_files_and_prints_their_paths(tmp_path, capsys):
    out = tmp_path / "new" / "folder"  # created if missing
    assert main(["schema", "--out", str(out)]) == 0
    printed = capsys.readouterr().out.split()
    assert sorted(Path(p).name for p in printed) == sorted(SCHEMAS)
    for name in SCHEMAS:
        assert (out / name).is_file()
        assert (out / name).read_text(encoding="utf-8").endswith("}\n")


def test_schemas_are_the_same_bytes_every_time(schema_dir, tmp_path):
    assert main(["schema", "--out", str(tmp_path)]) == 0
    for name in SCHEMAS:
        assert (tmp_path / name).read_bytes() == (schema_dir / name).read_bytes()


@pytest.mark.parametrize("name", SCHEMAS)
def test_schemas_declare_draft_07(schemas, name):
    assert schemas[name]["$schema"] == DRAFT_07
    assert schemas[name]["title"]
    assert schemas[name]["type"] == "object"


@pytest.mark.parametrize("name", SCHEMAS)
def test_schemas_contain_no_const_prefix_items_or_defs_anywhere(schemas, name):
    found = [(path, key) for path, node in walk(schemas[name])
             for key in ("const", "prefixItems", "$defs", "discriminator") if key in node]
    assert found == []


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_ref_points_at_an_existing_definition_and_stands_alone(schemas, name):
    schema = schemas[name]
    definitions = schema.get("definitions", {})
    refs = [(path, node) for path, node in walk(schema) if "$ref" in node]
    assert refs or not definitions, "the schemas share their models through definitions"
    for path, node in refs:
        assert node["$ref"].startswith("#/definitions/"), path
        assert node["$ref"].removeprefix("#/definitions/") in definitions, path
        # draft-07 ignores every keyword beside $ref, so a description there would be lost.
        assert set(node) == {"$ref"}, (path, sorted(node))


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_property_in_every_definition_has_a_description(schemas, name):
    schema = schemas[name]
    definitions = schema.get("definitions", {})
    owners = [("(root)", schema)] + sorted(definitions.items())
    missing = []
    for owner, definition in owners:
        for prop, spec in definition.get("properties", {}).items():
            if "description" in spec:
                continue
            # A bare reference shows the referenced definition's own description.
            target = spec.get("$ref", "").removeprefix("#/definitions/")
            if target and definitions.get(target, {}).get("description"):
                continue
            missing.append(f"{owner}.{prop}")
    assert missing == []


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_definition_has_a_description(schemas, name):
    definitions = schemas[name].get("definitions", {})
    assert [n for n, d in definitions.items() if not d.get("description")] == []


def test_every_kind_is_offered_as_a_single_value_enum(schemas):
    kinds = {}
    for path, node in walk(schemas["card-file.schema.json"]):
        kind = node.get("properties", {}).get("kind")
        if kind and len(kind.get("enum", [])) == 1:
            kinds[kind["enum"][0]] = path[-1]
    for k in ("add", "set", "multiply", "flag", "households", "queue", "chance", "log",
              "date", "compare", "trait", "seen", "all", "any", "not"):
        assert k in kinds


# --------------------------------------------------------------------------- validation


def validator(schemas, name):
    jsonschema = pytest.importorskip("jsonschema")
    cls = jsonschema.Draft7Validator
    cls.check_schema(schemas[name])
    return cls(schemas[name])


def test_the_valid_fixture_files_validate_against_the_schemas(schemas, fixture_dir):
    cards = validator(schemas, "card-file.schema.json")
    level = validator(schemas, "level.schema.json")
    assert [e.message for e in cards.iter_errors(plain(fixture_dir / "cards.yaml"))] == []
    assert [e.message for e in level.iter_errors(plain(fixture_dir / "level.yaml"))] == []


@pytest.mark.parametrize("old, new, where", [
    ("    title: The church bells", "    titel: The church bells", "additionalProperties"),
    ("{kind: add, quantity: village.trust, value: 3}", "{kind: ad, quantity: village.trust, value: 3}", "oneOf"),
    ('    date: "1930-03"', '    date: "March 1930"', "pattern"),
    ("    weight: 5\n", "    weight: -5\n", "exclusiveMinimum"),
    ("          year: 1996", "          year: nineteen", "type"),
])
def test_the_schema_rejects_what_the_loader_rejects(schemas, fixture_dir, old, new, where):
    cards = validator(schemas, "card-file.schema.json")
    text = (fixture_dir / "cards.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    data = json.loads(json.dumps(YAML(typ="safe").load(text.replace(old, new))))
    errors = list(cards.iter_errors(data))
    assert errors, f"the schema accepts {new.strip()!r}"


def test_content_files_the_loader_accepts_also_pass_the_schema(schemas, repo_root):
    """Every base content file without schema-type errors validates (the schema and the
    models agree). Files with such errors are left to `validate` while content is written."""
    cards = validator(schemas, "card-file.schema.json")
    level = validator(schemas, "level.schema.json")
    files = sorted((repo_root / "assets" / "cards").rglob("*.yaml")) + sorted((repo_root / "levels").glob("*.yaml"))
    checked = 0
    for path in files:
        _, found = load([path])
        if any(d.code in SCHEMA_CODES and d.severity == "error" for d in found):
            continue
        data = plain(path)
        check = cards if isinstance(data, dict) and "cards" in data else level
        assert [e.message for e in check.iter_errors(data)] == [], path
        checked += 1
    if not checked:
        pytest.skip("no base content file loads cleanly yet")


def test_the_modders_format_reference_is_written_from_the_models_and_current():
    from game.content.reference import reference
    path = Path(__file__).resolve().parents[2] / "docs" / "modding" / "reference.md"
    assert path.read_text(encoding="utf-8") == reference(), \
        "run: python -m game schema --reference docs/modding/reference.md"
    text = reference()
    for field in ("`replaces`", "`from`", "`to`", "`illustration`", "`outcomes`", "`district.standing`",
                  "`flight_blocked`", "### compare", "### households", "### TranslationFile"):
        assert field in text
