"""The format reference for modders (docs/modding/reference.md), written from the models.

Every field, type, limit and description comes from the pydantic models' JSON Schemas and from
the quantity registry, so the reference says what the loader checks; a test keeps the file
current (`python -m game schema --reference docs/modding/reference.md` rewrites it).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from game.content.packs import Manifest
from game.content.translations import TranslationFile
from game.engine.quantities import DISTRICT, ENGINE_FLAGS, VILLAGE
from game.model.card import Card
from game.model.conditions import Condition
from game.model.effects import Effect
from game.model.level import Level

HEADER = """\
# Format reference

<!-- Written by `python -m game schema --reference docs/modding/reference.md` from the game's
models: do not edit by hand. -->

Every field of every file a pack may hold: its type, whether it is required, its limits and
what it means. The same descriptions appear on hover in an editor that uses the JSON Schemas
(`python -m game schema --out schemas/`). For what the fields do together, read the
[tutorial](tutorial.md), the [vocabulary](vocabulary.md) and [how cards are drawn](drawing.md).
"""


def _schema(model_or_type) -> dict:
    if isinstance(model_or_type, type):
        return model_or_type.model_json_schema(by_alias=True)
    return TypeAdapter(model_or_type).json_schema(by_alias=True)


def _anchor(name: str) -> str:
    return name.lower().replace("_", "-")


_ENUMS: dict[str, list] = {}   # the named lists of words (CardKind...), written out where used


def _type(prop: dict) -> str:
    """A property's type in words, with links to the parts it is made of."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[1]
        if name in _ENUMS:
            return "one of " + ", ".join(f"`{v}`" for v in _ENUMS[name])
        return f"[{name}](#{_anchor(name)})"
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "oneOf" in prop and "discriminator" in prop:
        kinds = sorted(prop["discriminator"]["mapping"])
        what = "condition" if "compare" in kinds else "effect"
        return f"a {what} ([{what}s](#{what}s))"
    for key in ("anyOf", "oneOf"):
        if key in prop:
            parts = [_type(p) for p in prop[key]]
            return " or ".join(dict.fromkeys(parts))
    kind = prop.get("type")
    if kind == "array":
        if "prefixItems" in prop:
            return "[" + ", ".join(_type(p) for p in prop["prefixItems"]) + "]"
        return "list of " + _type(prop.get("items", {}))
    if kind == "object":
        values = [prop["additionalProperties"]] if isinstance(prop.get("additionalProperties"), dict) else \
            list(prop.get("patternProperties", {}).values())
        return "map of text to " + _type(values[0]) if values else "map"
    words = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true or false",
             "null": "null"}
    return words.get(kind, "any value")


def _limits(prop: dict) -> str:
    out = []
    for sub in [prop, *prop.get("anyOf", [])]:
        for key, word in (("minimum", "at least"), ("exclusiveMinimum", "more than"), ("maximum", "at most"),
                          ("minLength", "at least {} character"), ("maxLength", "at most {} character"),
                          ("minItems", "at least {} item"), ("maxItems", "at most {} item"),
                          ("pattern", "written as `{}`")):
            if key in sub:
                value = sub[key]
                text = word.format(value) if "{}" in word else f"{word} {value}"
                out.append(text + ("s" if "{} " in word and value != 1 else ""))
    return "; ".join(dict.fromkeys(out))


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _model(name: str, schema: dict) -> list[str]:
    kind = schema.get("properties", {}).get("kind", {}).get("const")
    lines = [f"### {kind if kind else name}", ""]   # a condition or effect goes by its kind
    if schema.get("description"):
        lines += [" ".join(schema["description"].split()), ""]
    required = set(schema.get("required", []))
    lines += ["| field | type | required / default | limits | meaning |", "|---|---|---|---|---|"]
    for field, prop in schema.get("properties", {}).items():
        default = "required" if field in required or (field == "kind" and kind) else (
            f"default `{json.dumps(prop['default'])}`" if "default" in prop and prop["default"] not in (None, [], {}, "")
            else "optional")
        lines.append(f"| `{field}` | {_cell(_type(prop))} | {default} | {_cell(_limits(prop))} | "
                     f"{_cell(prop.get('description', ''))} |")
    return lines + [""]


def _section(title: str, intro: str, top: tuple[str, dict] | None, parts: dict[str, dict],
             done: set[str]) -> list[str]:
    lines = [f"## {title}", "", intro, ""]
    if top is not None:
        lines += _model(*top)
    for name, schema in parts.items():
        if name not in done:
            done.add(name)
            lines += _model(name, schema)
    return lines


def reference() -> str:
    done: set[str] = set()
    for root in (Manifest, Card, Level, TranslationFile, Condition, Effect):
        for name, part in _schema(root).get("$defs", {}).items():
            if "enum" in part:
                _ENUMS[name] = part["enum"]
                done.add(name)
    lines = [HEADER]
    for title, intro, root in (
        ("Pack manifest", "`pack.yaml` at the top of a pack's folder.", Manifest),
        ("Card files", "`cards/*.yaml`: one key, `cards:`, holding a list of cards.", Card),
        ("Levels", "`levels/*.yaml`: one level per file.", Level),
        ("Translation files", "`translations/<language>.yaml`: the words of cards in another language.",
         TranslationFile),
    ):
        schema = _schema(root)
        defs = {k: v for k, v in schema.get("$defs", {}).items() if not _is_vocabulary(k)}
        lines += _section(title, intro, (root.__name__, schema), defs, done)
    for title, union in (("Conditions", Condition), ("Effects", Effect)):
        schema = _schema(union)
        members = {k: v for k, v in schema.get("$defs", {}).items() if k not in done}
        intro = ("Each is a mapping with a `kind`; " + ", ".join(
            f"`{v['properties']['kind']['const']}`" for v in members.values() if "kind" in v.get("properties", {}))
            + ".")
        lines += _section(title, intro, None, members, done)
    lines += _quantities()
    return "\n".join(lines).rstrip() + "\n"


def _is_vocabulary(name: str) -> bool:
    """Parts that belong to the conditions and effects sections."""
    members = {*_schema(Condition).get("$defs", {}), *_schema(Effect).get("$defs", {})}
    return name in members


def _quantities() -> list[str]:
    lines = ["## Quantities", "",
             "Named numbers that conditions test and effects change: `district.NAME`, `village.NAME` (the "
             "card's village) or `villages.NAME` (in a condition: true if it holds in at least one village; "
             "in an effect: every village). Only the writable ones can be changed by a card; the others "
             "are derived or conserved, and change through the `households` effect.", ""]
    for scope, table in (("district", DISTRICT), ("village", VILLAGE)):
        lines += [f"### {scope}.", "", "| name | unit | writable | meaning |", "|---|---|---|---|"]
        for q in table.values():
            lines.append(f"| `{scope}.{q.name}` | {q.unit} | {'yes' if q.writable else 'no'} | {_cell(q.description)} |")
        lines.append("")
    lines += ["## Flags the game itself sets", "", "| flag | meaning |", "|---|---|"]
    lines += [f"| `{flag}` | {_cell(text)} |" for flag, text in ENGINE_FLAGS.items()]
    return lines + [""]
