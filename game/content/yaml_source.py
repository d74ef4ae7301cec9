"""Reading YAML 1.2 with positions: every node can say where it stands in its file.

ruamel.yaml's round-trip loader keeps the line and column of every key and item, rejects
duplicate keys, and reads `no` as a string, not False. Nothing in a file is ever executed:
the round-trip loader builds only plain mappings, lists and scalars (no tags, no objects).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from game.content.diagnostics import Diagnostic


@dataclass
class Document:
    path: str
    data: Any

    def position(self, loc: tuple) -> tuple[int, int]:
        """1-based (line, col) of the node at `loc`, or of its nearest existing parent."""
        node, line, col = self.data, 1, 1
        if isinstance(node, (CommentedMap, CommentedSeq)):
            line, col = node.lc.line + 1, node.lc.col + 1
        for part in loc:
            if isinstance(node, CommentedMap):
                if part in node:
                    try:
                        kl, kc = node.lc.key(part)
                        line, col = kl + 1, kc + 1
                        vl, vc = node.lc.value(part)
                        if isinstance(node[part], (CommentedMap, CommentedSeq)):
                            pass
                        else:
                            line, col = vl + 1, vc + 1
                    except (KeyError, TypeError):
                        pass
                    node = node[part]
                    continue
                if node.get("kind") == part:  # a tag pydantic adds for discriminated unions
                    continue
                return line, col
            if isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                try:
                    il, ic = node.lc.item(part)
                    line, col = il + 1, ic + 1
                except (KeyError, TypeError):
                    pass
                node = node[part]
                continue
            return line, col
        return line, col


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def read(path: Path, shown: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse one file; a syntax problem becomes a diagnostic, never an exception."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Diagnostic(shown, 0, 0, "error", "unreadable", "", f"cannot read the file: {exc}")]
    try:
        data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        if "duplicate key" in str(exc):
            code, problem = "duplicate-key", problem or "duplicate key"
        else:
            code = "yaml-syntax"
        return None, [Diagnostic(shown, line, col, "error", code, "", problem.replace("\n", " "))]
    except YAMLError as exc:
        return None, [Diagnostic(shown, 0, 0, "error", "yaml-syntax", "", str(exc).replace("\n", " "))]
    return Document(shown, data), []
