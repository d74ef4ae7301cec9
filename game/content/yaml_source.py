"""Reading YAML 1.2 with positions: every node can say where it stands in its file.

ruamel.yaml's round-trip loader keeps the line and column of every key and item, rejects
duplicate keys, and reads `no` as a string, not False. Nothing in a file is ever executed:
the round-trip loader builds only plain mappings, lists and scalars (no tags, no objects).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from game.content.diagnostics import Diagnostic


@dataclass
class Document:
    path: str
    data: Any
    text: str = ""        # the file as written (the upgrade diffs against it)

    def position(self, loc: tuple, key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of the node at `loc`, or of its nearest existing parent.

        With key=True and a last part that is a key of a mapping, the key's own position
        (for an unknown field the key is what is wrong, not its value)."""
        line, col, _ = self.locate(loc, key)
        return line, col

    def locate(self, loc: tuple, key: bool = False) -> tuple[int, int, tuple]:
        """(line, col, loc as written in the file) of the node at `loc`.

        Pydantic puts the tag of a discriminated union into its error locations
        (`effects.0.add.value`); the file has no such key, so the tag is left out of the
        returned location and does not move the position. A tag is recognised as the part
        equal to the mapping's own `kind`, unless it is the last part and a real key
        (`{kind: flag, flag: ...}` has both)."""
        node, line, col = self.data, 1, 1
        written: list = []
        if isinstance(node, (CommentedMap, CommentedSeq)) and node.lc.line is not None:
            line, col = node.lc.line + 1, (node.lc.col or 0) + 1
        for i, part in enumerate(loc):
            last = i == len(loc) - 1
            if isinstance(node, CommentedMap):
                if node.get("kind") == part and isinstance(part, str) and (not last or part not in node):
                    continue  # a tag pydantic adds for discriminated unions
                if part in node:
                    written.append(part)
                    try:
                        kl, kc = node.lc.key(part)
                        line, col = kl + 1, kc + 1
                        if not (key and last) and not isinstance(node[part], (CommentedMap, CommentedSeq)):
                            vl, vc = node.lc.value(part)
                            line, col = vl + 1, vc + 1
                    except (KeyError, TypeError):
                        pass
                    node = node[part]
                    continue
                return line, col, tuple(written) + tuple(loc[i:])
            if isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                written.append(part)
                try:
                    il, ic = node.lc.item(part)
                    line, col = il + 1, ic + 1
                except (KeyError, TypeError):
                    pass
                node = node[part]
                continue
            return line, col, tuple(written) + tuple(loc[i:])
        return line, col, tuple(written)


def _yaml(keep_quotes: bool) -> YAML:
    # The round-trip loader builds only mappings, lists and scalars: a tag such as
    # !!python/object is an error, never an object, so no file can run code.
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.preserve_quotes = keep_quotes
    return yaml


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at `index` in `text`."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _code(character) -> int:
    return character if isinstance(character, int) else ord(character)


MAX_BYTES = 1_000_000     # the largest card file of the base game is under 100 kB
MAX_DEPTH = 30            # the deepest content nesting (a condition inside conditions) is far less
MAX_VALUES = 200_000      # values in one file, aliases expanded; the base game's largest has ~2,000


_BRACKETS = re.compile(r"[\[\]{}]")
MAX_FLOW_DEPTH = 4 * MAX_DEPTH   # brackets in prose ("[sic]") count too, so leave room


def _flow_depth(text: str) -> int:
    """The deepest nesting of [ and { in the text (quotes ignored: a cheap upper bound)."""
    depth = deepest = 0
    for ch in _BRACKETS.findall(text):
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    return deepest


def read(path: Path, shown: str, keep_quotes: bool = False) -> tuple[Document | None, list[Diagnostic]]:
    """Parse one file; a syntax problem becomes a diagnostic, never an exception.

    Files may come from anyone (mods), so size, nesting and YAML aliases are bounded: an alias
    lets a few lines stand for billions of nodes. `keep_quotes` keeps each string's quoting, for
    writing the file back (validate --upgrade)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None, [Diagnostic(shown, 0, 0, "error", "file-too-large", "",
                                     f"the file is larger than {MAX_BYTES // 1000} kB; split it into several files")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic(shown, 0, 0, "error", "unreadable", "", f"cannot read the file: {exc}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The bytes before the bad one decode, so line and column count characters.
        line, col = _line_col(raw[:exc.start].decode("utf-8"), exc.start)
        bad = raw[exc.start:exc.end].hex(" ")
        return None, [Diagnostic(shown, line, col, "error", "not-utf8", "",
                                 f"the file is not UTF-8 text (byte {bad} cannot be read); "
                                 "save it as UTF-8")]
    if _flow_depth(text) > MAX_FLOW_DEPTH:   # refused before ruamel's scanner, which slows with the square of it
        return None, [Diagnostic(shown, 0, 0, "error", "too-deep", "", f"the file is nested more than "
                                 f"{MAX_DEPTH} levels deep")]
    try:
        with warnings.catch_warnings():   # ruamel warns on stderr (a reused anchor); problems are ours to say
            warnings.simplefilter("ignore")
            data = _yaml(keep_quotes).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        if "duplicate key" in str(exc):
            code, problem = "duplicate-key", problem or "duplicate key"
        else:
            code = "yaml-syntax"
            if "mapping values are not allowed" in problem:   # the commonest slip in a card's text
                problem += " (a text that holds ': ' must be put in quotation marks)"
        return None, [Diagnostic(shown, line, col, "error", code, "", problem.replace("\n", " "))]
    except ReaderError as exc:  # a character YAML does not allow, e.g. a control character
        line, col = _line_col(text, exc.position)
        return None, [Diagnostic(shown, line, col, "error", "yaml-syntax", "",
                                 f"the character U+{_code(exc.character):04X} is not allowed in a YAML file")]
    except YAMLError as exc:
        return None, [Diagnostic(shown, 0, 0, "error", "yaml-syntax", "", str(exc).replace("\n", " "))]
    except RecursionError:
        return None, [Diagnostic(shown, 0, 0, "error", "too-deep", "", f"the file is nested more than "
                                 f"{MAX_DEPTH} levels deep")]
    except Exception as exc:  # noqa: BLE001 - ruamel's constructors raise plain errors on odd input
        # (`!!int abc`, `!!timestamp 2020-13-01`, a `%YAML 1.3` directive...): still the file's fault.
        return None, [Diagnostic(shown, 0, 0, "error", "yaml-syntax", "",
                                 f"the file cannot be read as YAML ({type(exc).__name__}: {exc})"[:300])]
    problem = _shape_problem(data)
    if problem:
        return None, [Diagnostic(shown, *problem)]
    return Document(shown, data, text), []


def _shape_problem(data) -> tuple | None:
    """(line, col, severity, code, field, message) when the tree is too deep, or too large once
    its YAML aliases are expanded (a few lines of aliases can stand for billions of values)."""
    memo: dict[int, tuple[int, int]] = {}

    def measure(node) -> tuple[int, int]:          # (values with aliases expanded, depth)
        if not isinstance(node, (CommentedMap, CommentedSeq)):
            return 1, 0
        if id(node) not in memo:
            children = [measure(c) for c in (node.values() if isinstance(node, CommentedMap) else node)]
            memo[id(node)] = (1 + sum(n for n, _ in children), 1 + max((d for _, d in children), default=0))
        return memo[id(node)]

    try:
        size, depth = measure(data)
    except RecursionError:
        size, depth = 0, MAX_DEPTH + 1
    if depth > MAX_DEPTH:
        return (0, 0, "error", "too-deep", "", f"the file is nested more than {MAX_DEPTH} levels deep")
    if size > MAX_VALUES:
        return (0, 0, "error", "too-large", "", f"the file holds more than {MAX_VALUES:,} values once its "
                "YAML aliases (*name) are expanded")
    return None
