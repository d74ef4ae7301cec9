"""`validate --upgrade`: rewrite a pack's files in the present content format.

Each file is read with ruamel.yaml's round-trip loader and written back by it, so comments,
key order, quoting and flow style survive (the indentation of lists is the file's own first
one, used throughout); only files the migration changes are written
(atomically: a crash leaves the old file). The manifest's `format:` is raised last, so an
interrupted upgrade leaves a pack the loader still reads as the older format.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from game.content.migrations import FORMAT, migrate
from game.content.packs import Pack
from game.content.yaml_source import read
from game.storage import atomic_write


@dataclass(frozen=True)
class Change:
    path: Path
    before: str
    after: str

    def diff(self) -> str:
        return "".join(difflib.unified_diff(self.before.splitlines(True), self.after.splitlines(True),
                                            str(self.path), f"{self.path} (format {FORMAT})"))


def _writer(text: str) -> YAML:
    """A round-trip dumper shaped like the file `text` (the file is read by yaml_source.read)."""
    yaml = YAML(typ="rt")
    yaml.width = 4096                            # never re-wrap a long line
    # ruamel writes one indentation for the whole file: take the file's own, seen at its first
    # block list ("cards:\n  - id: ..." as the guide writes it, or "cards:\n- id: ...").
    first = re.search(r"^( *)- ", text, re.MULTILINE)
    if first is not None and first.group(1) == "":
        yaml.indent(mapping=2, sequence=2, offset=0)
    else:
        yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _dump(yaml: YAML, data) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def changes(pack: Pack) -> tuple[list[Change], list[str]]:
    """What upgrading the pack would change, and the files it cannot upgrade (with why)."""
    if pack.archive is not None:
        return [], [f"{pack.archive}: a .zip pack cannot be rewritten in place; unzip it, upgrade the "
                    "folder, and zip it again"]
    if pack.manifest.format >= FORMAT:
        return [], []
    from game.content.loader import content_files, is_level
    found, skipped = [], []
    for path in [*content_files(list(pack.roots)), pack.manifest_path]:
        doc, problems = read(path, str(path), keep_quotes=True)   # the loader's bounded, safe reader
        if doc is None:   # a file the loader refuses is left as it is
            skipped.append(f"{problems[0]} (not upgraded: mend it and run the upgrade again)")
            continue
        data, text, yaml = doc.data, doc.text, _writer(doc.text)
        kind = "manifest" if path == pack.manifest_path else "level" if is_level(data) else "cards"
        before = _dump(yaml, data)
        after = _dump(yaml, migrate(data, kind, pack.manifest.format))
        if kind == "manifest" and isinstance(data, CommentedMap) and "format" not in data:
            continue
        if after != before:
            found.append(Change(path, text, after))
    if skipped:   # a file left in the old format: the manifest must go on saying that format
        found = [c for c in found if c.path != pack.manifest_path]
    return found, skipped


def apply(found: list[Change]) -> None:
    """Write the changes; the manifest (which says the format) last."""
    for change in sorted(found, key=lambda c: c.path.name == "pack.yaml"):
        atomic_write(change.path, change.after.encode("utf-8"))
