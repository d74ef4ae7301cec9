"""JSON Schemas of the content formats, shaped for editors (YAML language server: draft-07)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from game.model.card import Card
from game.model.level import Level

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _models(root: type[BaseModel]) -> set[type[BaseModel]]:
    """Every content model reachable from `root` (through fields, unions and lists)."""
    seen: set[type[BaseModel]] = set()

    def walk(tp: Any) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp in seen:
                return
            seen.add(tp)
            for f in tp.model_fields.values():
                walk(f.annotation)
                for m in f.metadata:
                    walk(m)
        for arg in getattr(tp, "__args__", ()) or ():
            walk(arg)
        origin = getattr(tp, "__origin__", None)
        if origin is not None and origin is not tp:
            walk(origin)

    walk(root)
    return seen


@lru_cache(maxsize=1)
def field_names() -> tuple[str, ...]:
    """Every field name (as written in files) of every content model, for did-you-mean."""
    names: set[str] = set()
    for model in _models(Card) | _models(Level):
        for name, f in model.model_fields.items():
            names.add(f.alias or name)
    return tuple(sorted(names))


def _draft07(node: Any) -> Any:
    """Rewrite what draft-07 editors do not read: const -> enum, prefixItems -> items,
    $defs -> definitions, and $ref beside other keywords -> allOf."""
    if isinstance(node, dict):
        out = {k: _draft07(v) for k, v in node.items()}
        if "const" in out:
            out["enum"] = [out.pop("const")]
        if "prefixItems" in out:
            out["items"] = out.pop("prefixItems")
            out.pop("maxItems", None)
        if "$defs" in out:
            out["definitions"] = out.pop("$defs")
        if "$ref" in out and isinstance(out["$ref"], str):
            out["$ref"] = out["$ref"].replace("#/$defs/", "#/definitions/")
            if len(out) > 1:  # draft-07 ignores every keyword beside $ref (e.g. a description)
                out = {"allOf": [{"$ref": out.pop("$ref")}], **out}
        out.pop("discriminator", None)
        return out
    if isinstance(node, list):
        return [_draft07(v) for v in node]
    return node


def card_file_schema() -> dict:
    card = TypeAdapter(list[Card]).json_schema(by_alias=True)
    schema = {
        "$schema": DRAFT_07,
        "title": "The Great Break card file",
        "description": "A file of event cards: 'cards:' holding a list of cards.",
        "type": "object",
        "additionalProperties": False,
        "required": ["cards"],
        "properties": {"cards": {**{k: v for k, v in card.items() if k != "$defs"},
                                 "description": "The event cards of this file."}},
        "$defs": card.get("$defs", {}),
    }
    return _draft07(schema)


def _file_schema(model, title: str) -> dict:
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = DRAFT_07
    schema["title"] = title
    return _draft07(schema)


def level_schema() -> dict:
    return _file_schema(Level, "The Great Break level")


def pack_schema() -> dict:
    from game.content.packs import Manifest
    return _file_schema(Manifest, "The Great Break pack manifest (pack.yaml)")


def translation_schema() -> dict:
    from game.content.translations import TranslationFile
    return _file_schema(TranslationFile, "The Great Break translation file (translations/<language>.yaml)")


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in (("card-file.schema.json", card_file_schema()),
                         ("level.schema.json", level_schema()), ("pack.schema.json", pack_schema()),
                         ("translation.schema.json", translation_schema())):
        target = out_dir / name
        target.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
    return written

