#!/usr/bin/env python3
"""Fuzz the content loader: broken, hostile and random packs must give diagnostics, never a crash.

    PYTHONPATH=. .venv/bin/python tools/fuzz.py --cases 10000 --seed 1 [--jobs 2]

Every case builds one or more pack folders (pack.yaml, cards/*.yaml, levels/*.yaml) in a temporary
folder and loads them the way `python -m game validate --mod PACK` does (packs.select, then
loader.load without the cache); some cases also go through loader.load_game, the way the game
starts. Kinds of case, mixed:

  mutate-card, mutate-level, mutate-manifest
          real files of the base game (cards re-namespaced for the mod, levels renamed), broken
          by a few text or byte mutations: lines deleted, duplicated, swapped, re-indented;
          characters flipped; truncation; random bytes, invalid UTF-8, NUL, BOM, other line
          endings; scalars replaced by other types (huge numbers, NaN, .inf, lists, maps, null,
          long and unicode strings); required keys dropped, unknown and duplicate keys added;
          deep nesting; anchors, aliases, merge keys and alias bombs; tags (!!python/object,
          !!int ...); YAML directives and several documents.
  tree    random trees of maps, lists and scalars, and real cards and levels changed as trees
          (a node replaced, a key dropped or added), written as YAML or JSON.
  manifest  manifests with odd ids, versions and formats, requires/after cycles and missing
          packs, replaces/disable/decks naming nonsense or real base cards; up to three packs.
  layout  odd pack folders: pack.yaml a folder, cards a file, links out of the pack, link
          loops, empty files, nested folders, a file over the size limit.
  zip     a pack of another kind as a .zip, now and then with a trick: ../ and absolute names,
          links, a member twice, a zip bomb, 2,001 members, a truncated or encrypted zip, garbage.
  pack-files  translations/<language>.yaml (mutated) and images/ (damaged PNG and JPEG headers,
          enormous sizes, wrong suffixes, links out of the pack).
  valid   an unchanged, re-namespaced sample of the base game (its cards joined to the base's
          levels, sometimes with a translation and a picture): it must load without a problem.

A case fails when the loader raises, when a diagnostic does not name a file of the pack (or the
pack's folder, or a file inside the pack's .zip), when a valid pack does not load clean, or when
`load_game` leaves an error standing (a broken pack must be left out, with warnings, so the base
game still plays). What the base game alone reports is not counted against a pack. Failing
packs are saved under --out (default /tmp/fuzz-failures/), the first of each kind of failure is
shrunk to a small reproducing file, and the exit status is 1.

Cases are deterministic: case i of seed s is built from random.Random(f"{s}:{i}"), whatever the
number of jobs. The base game's own files are parsed and validated once per process, and their
documents and models reused (they do not change, and the loader does not modify them), so that
a case costs about the parsing of the mod's files only; --no-memo turns that off. No installed
mods are discovered, and the cache folder (where .zip packs are unpacked) is a temporary one.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import json
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game import paths  # noqa: E402
from game.content import loader as content_loader  # noqa: E402
from game.content import packs as content_packs  # noqa: E402
from game.content.diagnostics import Diagnostic  # noqa: E402

KINDS = {  # kind: weight
    "mutate-card": 28, "mutate-level": 8, "mutate-manifest": 6,
    "tree": 22, "manifest": 15, "layout": 5, "zip": 6, "pack-files": 5, "valid": 5,
}
FAILURE_DIR = Path("/tmp/fuzz-failures")


# --------------------------------------------------------------------------------------------
# The harness: the loader as `validate --mod` calls it, with the base game parsed once.

_real_read = content_loader.read
_memo: dict = {}


def _memo_read(path, shown):
    """loader.read, reusing the parsed documents of the base game's own files."""
    try:
        resolved = Path(path).resolve()
        stat = resolved.stat()
    except (OSError, RuntimeError, ValueError):
        return _real_read(path, shown)
    if not resolved.is_relative_to(paths.ROOT) or not resolved.is_file():
        return _real_read(path, shown)
    key = (str(resolved), shown, stat.st_mtime_ns, stat.st_size)
    if key not in _memo:
        _memo[key] = _real_read(path, shown)
        doc = _memo[key][0]
        if doc is not None:   # the base's parsed cards and levels: validated once too
            _base_nodes.update({id(doc.data): doc.data})
            if isinstance(doc.data, dict) and isinstance(doc.data.get("cards"), list):
                _base_nodes.update({id(raw): raw for raw in doc.data["cards"]})
    doc, problems = _memo[key]
    # A new Document around the same data: the loader may set `doc.data` (migrating an old
    # format makes a new tree and leaves the old one as it was).
    return (dataclasses.replace(doc) if doc is not None else None), list(problems)


_base_nodes: dict = {}      # id -> a parsed card or level of the base game (kept alive, so ids stay theirs)


class _MemoModel:
    """Card or Level for the loader, remembering the models of the base game's own (unchanging,
    valid) cards and levels; anything else is validated as always."""

    def __init__(self, model):
        self.model, self.models = model, {}

    def model_validate(self, raw, *args, **kwargs):
        key = id(raw)
        if key in self.models and _base_nodes.get(key) is raw and not args and not kwargs:
            return self.models[key]
        result = self.model.model_validate(raw, *args, **kwargs)
        if _base_nodes.get(key) is raw:
            self.models[key] = result
        return result

    def __getattr__(self, name):
        return getattr(self.model, name)


@contextlib.contextmanager
def harness(memo: bool = True):
    """Within: the base game's files are parsed once, no installed mods are discovered, and the
    cache folder (where .zip packs are unpacked) is a temporary one."""
    saved = (content_loader.read, content_packs.mod_folders, content_loader.Card, content_loader.Level,
             os.environ.get("GREAT_BREAK_CACHE_DIR"))
    cache_dir = tempfile.mkdtemp(prefix="fuzz-cache-")
    os.environ["GREAT_BREAK_CACHE_DIR"] = cache_dir
    if memo and not isinstance(saved[2], _MemoModel):    # (not again, within another harness)
        content_loader.read = _memo_read
        content_loader.Card, content_loader.Level = _memo_models(saved[2], saved[3])
    content_packs.mod_folders = lambda: []
    try:
        yield
    finally:
        (content_loader.read, content_packs.mod_folders, content_loader.Card,
         content_loader.Level) = saved[:4]
        if saved[4] is None:
            os.environ.pop("GREAT_BREAK_CACHE_DIR", None)
        else:
            os.environ["GREAT_BREAK_CACHE_DIR"] = saved[4]
        shutil.rmtree(cache_dir, ignore_errors=True)


_memo_models_made: dict = {}


def _memo_models(card, level):
    if (card, level) not in _memo_models_made:
        _memo_models_made[(card, level)] = _MemoModel(card), _MemoModel(level)
    return _memo_models_made[(card, level)]


_baseline: dict = {}


def baseline() -> frozenset:
    """What the base game alone reports (nothing, when it is in order): not the packs' doing."""
    key = content_loader.read is _memo_read
    if key not in _baseline:
        _baseline[key] = frozenset(validate([])) | frozenset(load_game([]))
    return _baseline[key]


def game_format() -> int:
    """The content format this game reads."""
    return int(getattr(content_packs, "FORMAT", 1))


def validate(mods: list[str]) -> list[Diagnostic]:
    """What `python -m game validate --mod M ...` reports (without the glossary of the base)."""
    selected, problems = content_packs.select(list(mods), folders=[])
    _, found = content_loader.load(packs=selected, cache=False)
    return problems + found


def load_game(mods: list[str]) -> list[Diagnostic]:
    """What the game reports as it starts with these mods."""
    _, problems = content_loader.load_game(list(mods), cache=False)
    return problems


# --------------------------------------------------------------------------------------------
# The base game's files, as material.

@dataclass(frozen=True)
class CardBlock:
    source: str          # the file it comes from
    text: str            # "  - id: base.x\n ..." up to the next card
    name: str            # x, of base.x


@lru_cache(maxsize=1)
def corpus() -> dict:
    blocks: list[CardBlock] = []
    headers: list[str] = []
    for path in sorted((paths.CARDS / "base").glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        starts = [i for i, line in enumerate(lines) if line.startswith("  - id: ")]
        if not starts:
            continue
        headers.append("".join(lines[:starts[0]]))
        for a, b in zip(starts, starts[1:] + [len(lines)]):
            name = lines[a].split(":", 1)[1].strip().strip("'\"").partition(".")[2]
            blocks.append(CardBlock(path.name, "".join(lines[a:b]), name))
    levels = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(paths.LEVELS.glob("*.yaml"))]
    levels.sort(key=lambda item: len(item[1]))
    manifest = (paths.ASSETS / "pack.yaml").read_text(encoding="utf-8")
    level_ids = [re.search(r"^id:\s*(\S+)", text, re.M).group(1).strip("'\"") for _, text in levels]
    found = re.search(r"^format:\s*(\d+)", manifest, re.M)
    return {"blocks": blocks, "headers": headers, "levels": levels, "manifest": manifest,
            "card_ids": sorted("base." + b.name for b in blocks), "level_ids": level_ids,
            "format": int(found.group(1)) if found else 1}


CARD_MONTHS = re.compile(r"^    (from|until|to): *(.*?) *$")


def to_format1(text: str) -> str:
    """Cards written in format 2 or later (`from:` and `until:`) as format 1 wrote them
    (`window: [first, last]`), for packs that the loader must migrate."""
    out: list[str] = []
    window: list | None = None
    at = 0
    for line in text.splitlines(keepends=True) + ["  - end\n"]:
        if line.startswith("  - ") and window is not None:
            out.insert(at, f"    window: [{window[0]}, {window[1]}]\n")
            window = None
        m = CARD_MONTHS.match(line.rstrip("\r\n"))
        if m:
            if window is None:
                window, at = ["null", "null"], len(out)
            window[0 if m.group(1) == "from" else 1] = m.group(2) or "null"
            continue
        out.append(line)
    return "".join(out[:-1])


def renamespace(text: str, names: list[str], pack: str) -> str:
    """The base's card ids `base.NAME` for the given names become `PACK.NAME`; other references
    stay, and name the base game's cards (which are loaded first)."""
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z0-9_.])base\.{re.escape(name)}(?![A-Za-z0-9_])", f"{pack}.{name}", text)
    return text


def card_file(rng: random.Random, pack: str, count: int, used: set | None = None) -> str:
    """A card file of `count` base cards (none of the names in `used`, which it adds to)."""
    c = corpus()
    pool = [b for b in c["blocks"] if used is None or b.name not in used]
    chosen = rng.sample(pool, min(count, len(pool)))
    if used is not None:
        used.update(b.name for b in chosen)
    text = rng.choice(c["headers"]) + "".join(b.text for b in chosen)
    return renamespace(text, [b.name for b in chosen], pack)


def level_file(rng: random.Random, pack: str) -> str:
    c = corpus()
    # The smaller levels more often: a case stays small.
    levels = c["levels"]
    name, text = rng.choices(levels, [0.7 ** k for k in range(len(levels))])[0]
    return re.sub(r"^id:\s*(\S+)", lambda m: f"id: {pack}.{m.group(1).strip(chr(39) + chr(34))}", text,
                  count=1, flags=re.M)


def manifest_text(pack: str, format: int | None = None, **fields) -> str:
    format = corpus()["format"] if format is None else format
    lines = [f"id: {pack}", f"name: Fuzz pack {pack}", "version: 1.0.0", f"format: {format}",
             "authors: [The fuzzer]", "licence: CC-BY-4.0"]
    lines += [f"{k}: {json.dumps(v)}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# Pieces of hostile YAML.

SCALARS = [
    "0", "-1", "1", "3.5", "-0.0", "1e309", "-1e309", "1e-400", "123456789012345678901234567890",
    "-99999999999999999999999999999999999999", "0x1F", "0o17", "0b101", "1_000", "0x_", "0o_", "0b_",
    "0x", "+.inf", ".inf", "-.inf", ".nan", ".NaN", ".NAN", "NaN", "inf", "1.", ".5", "+1", "1e3",
    "true", "false", "True", "yes", "no", "on", "off", "y", "n", "~", "null", "Null", "",
    "''", '""', "[]", "{}", "[1, 2, 3]", "{a: 1}", "[[]]", "[{}]", "{kind: add}", "[base.x, null]",
    "2001-12-14", "2001-12-14t21:59:43.10-05:00", "1930-13", "1930-00", "0000-01", "9999-12",
    "12:30:45", "190:20:30", "1_2:3", '"1930-03"', "1930-3", "-1930-03",
    "!!int abc", "!!int ''", "!!int 0x", "!!float abc", "!!float ''", "!!bool maybe", "!!bool ''",
    "!!null x", "!!str 3", "!!str [1]", "!!binary aGVsbG8=", "!!binary '@@@'", "!!timestamp xx",
    "!!timestamp 2001-13-45", "!!omap [a: 1, a: 2]", "!!omap [a: 1]", "!!omap [1, 2]", "!!pairs [a: 1]",
    "!!set {a, b}", "!!set {a, a}", "!!map [1]", "!!seq {a: 1}", "!!python/object:os.system {}",
    "!!python/name:os.system ''", "!!python/object/apply:os.system [ls]", "!!python/tuple [1, 2]",
    "!!python/bytes aGk=", "!local x", "!<tag:yaml.org,2002:int> 12", "!<tag:yaml.org,2002:int> x",
    "!<!> x", "! x", "!!merge x", "!!value x", "!!yaml x", "!e!x y", "!!float .nan", "!!int 1_0",
    "*undefined", "&anchor 3", "&a [*a]", "& x", "* x", "'unterminated", '"unterminated',
    "{unclosed", "[unclosed", "]", "}", "{a: 1, a: 2}", "{? a}", "[a: 1, b: 2]", "{[1]: 2}",
    "{{a: 1}: 2}", "? x", "- a", ": x", "a: b", "a:b", "#comment", "'it''s'", '"esc \\x00 \\0 \\a \\e"',
    '"\\ud800"', '"\\U0010FFFF"', '"\\N\\_\\L\\P"', '"bad \\q escape"', "|", ">", "|-", ">+", "|9",
    "|0", "|-1", "x" * 300, "y" * 5000, "Ω≈ç√∫˜µ≤≥÷", "日本語のテキスト", "مرحبا", "🌾🚜💀",
    "\u200b", "\u00a0x", "\u202eevil", "e\u0301", "\ufeffx", "\u2028", "\u0085", "@", "`", "%",
    "a # b", "- - -", "--- x", "... x", "<<", "<<: *a", "=", "'\t'", "\t",
]

KEYS = [
    "zzz", "unknown", "<<", "?", "Id", "ID", "id ", " id", "kind", "cards", "choices", "effects",
    "when", "of", "from", "from_", "is", "is_", "value", "quantity", "history", "sources", "readings",
    "deck", "villages", "directives", "endings", "replaces", "disable", "decks", "requires", "after",
    "1", "0", "-1", "1.5", "true", "null", "~", "''", '""', "'a b'", "é", "🌾", "x" * 200,
    "[a, b]", "{a: 1}", "!!int 3", "&k key", "*k",
]

SPECIAL_TEXT = [
    ": ", "- ", "#", "&", "*", "!", "{", "}", "[", "]", "'", '"', "\t", "\\", "%", "@", "`", "|",
    ">", "? ", ",", "\u00a0", "\u200b", "\u2028", "\u0085", "\ufeff", "🌾", "\r", "\n", "\n---\n",
    "\n...\n", " ", "  ", "\x0b", "\x0c", "\x7f", "\x1b", "\x00", "\x01", "~", "<<: ", "&a ", "*a",
]

BAD_BYTES = [
    b"\x00", b"\xff", b"\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xc2\x85", b"\xc2\x80",
    b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"\x1b[31m", b"\x7f", b"\r", b"\r\n", b"\x0b",
]

TAGS = ["!!int", "!!float", "!!bool", "!!null", "!!str", "!!binary", "!!timestamp", "!!omap", "!!set",
        "!!map", "!!seq", "!!python/object:os.system", "!!python/name:os.system", "!local",
        "!<tag:yaml.org,2002:str>", "!!pairs", "!!merge", "!!value"]

DIRECTIVES = ["%YAML 1.1\n---\n", "%YAML 1.2\n---\n", "%YAML 1.3\n---\n", "%YAML 2.0\n---\n",
              "%YAML 1.2\n%YAML 1.2\n---\n", "%TAG !e! tag:example.com,2000:\n---\n", "%FOO bar\n---\n",
              "%TAG ! !foo\n---\n", "%YAML\n---\n", "---\n", "--- !!map\n", "--- |\n", "...\n"]


def deep(rng: random.Random) -> str:
    # Deep flow nesting costs ruamel's scanner time that grows with the square of the depth
    # (until Python's recursion limit stops it, ~3 s): the deepest are kept rare.
    depth = rng.choice([3, 10, 28, 29, 30, 31, 32, 60, 120]) if rng.random() < 0.97 else rng.choice([500, 3000])
    style = rng.randrange(3)
    if style == 0:
        return "[" * depth + "]" * depth
    if style == 1:
        return "{a: " * depth + "1" + "}" * depth
    return "[{a: " * (depth // 2) + "1" + "}]" * (depth // 2)


def random_scalar_text(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.7:
        return rng.choice(SCALARS)
    if r < 0.8:
        return deep(rng)
    if r < 0.9:
        return f"{rng.choice(TAGS)} {rng.choice(SCALARS)}"
    return json.dumps("".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000),
                                               rng.randrange(0x1F300, 0x1F6FF)]))
                              for _ in range(rng.randrange(1, 40))))


# --------------------------------------------------------------------------------------------
# Text and byte mutations: each takes and gives a str (or bytes, for the byte mutations).

KEY_LINE = re.compile(r"^(?P<indent>\s*(?:- )*)(?P<key>[A-Za-z_][\w.-]*|\"[^\"]*\"|'[^']*'):(?P<sep>\s+|$)(?P<value>.*)$")
FLOW_PAIR = re.compile(r"(?P<key>[A-Za-z_]\w*): (?P<value>[^,{}\[\]\n]+)")


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True) or [""]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_end(lines: list[str], i: int) -> int:
    """The index after line i and the lines indented under it."""
    base = _indent(lines[i]) + (2 if lines[i].lstrip().startswith("- ") else 0)
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or _indent(lines[j]) > base):
        j += 1
    return j


def _key_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if KEY_LINE.match(line.rstrip("\r\n"))]


def m_delete_line(rng, text):
    lines = _lines(text)
    del lines[rng.randrange(len(lines))]
    return "".join(lines)


def m_duplicate_line(rng, text):
    lines = _lines(text)
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i] if lines[i].endswith("\n") else lines[i] + "\n")
    return "".join(lines)


def m_swap_lines(rng, text):
    lines = _lines(text)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def m_move_block(rng, text):
    lines = _lines(text)
    i = rng.randrange(len(lines))
    j = _block_end(lines, i)
    block, rest = lines[i:j], lines[:i] + lines[j:]
    k = rng.randrange(len(rest) + 1)
    return "".join(rest[:k] + block + rest[k:])


def m_flip_char(rng, text):
    if not text:
        return rng.choice(SPECIAL_TEXT)
    i = rng.randrange(len(text))
    return text[:i] + rng.choice(SPECIAL_TEXT) + text[i + 1:]


def m_insert_text(rng, text):
    i = rng.randrange(len(text) + 1)
    return text[:i] + rng.choice(SPECIAL_TEXT + SCALARS[:40]) + text[i:]


def m_truncate(rng, text):
    return text[:rng.randrange(len(text) + 1)]


def m_reindent(rng, text):
    lines = _lines(text)
    i = rng.randrange(len(lines))
    j = _block_end(lines, i) if rng.random() < 0.5 else i + 1
    shift = rng.choice([-4, -2, -1, 1, 2, 3, 8])
    tab = rng.random() < 0.15
    for k in range(i, j):
        line = lines[k]
        if tab:
            lines[k] = "\t" + line.lstrip(" ") if line.startswith(" ") else "\t" + line
        elif shift > 0:
            lines[k] = " " * shift + line
        else:
            lines[k] = line[min(-shift, _indent(line)):]
    return "".join(lines)


def m_replace_value(rng, text):
    lines = _lines(text)
    flows = [i for i, line in enumerate(lines) if FLOW_PAIR.search(line)]
    keyed = _key_lines(lines)
    if flows and (not keyed or rng.random() < 0.35):
        i = rng.choice(flows)
        pairs = list(FLOW_PAIR.finditer(lines[i]))
        m = rng.choice(pairs)
        new = random_scalar_text(rng).replace("\n", " ")
        lines[i] = lines[i][:m.start("value")] + new + lines[i][m.end("value"):]
        return "".join(lines)
    if not keyed:
        return m_insert_text(rng, text)
    i = rng.choice(keyed)
    m = KEY_LINE.match(lines[i].rstrip("\r\n"))
    new = random_scalar_text(rng)
    end = _block_end(lines, i) if rng.random() < 0.5 else i + 1   # the value's own block too
    if new in ("|", ">", "|-", ">+", "|9", "|0", "|-1"):
        child = " " * (len(m.group("indent")) + 2)
        new += "\n" + child + "a block\n" + child + "of text"
    lines[i:end] = [f"{m.group('indent')}{m.group('key')}: {new}\n"]
    return "".join(lines)


def m_replace_item(rng, text):
    """A list item replaced by another type of value."""
    lines = _lines(text)
    items = [i for i, line in enumerate(lines) if line.lstrip().startswith("- ")]
    if not items:
        return m_replace_value(rng, text)
    i = rng.choice(items)
    indent = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
    end = _block_end(lines, i)
    lines[i:end] = [f"{indent}- {random_scalar_text(rng)}\n"]
    return "".join(lines)


def m_rename_key(rng, text):
    lines = _lines(text)
    keyed = _key_lines(lines)
    if not keyed:
        return m_insert_text(rng, text)
    i = rng.choice(keyed)
    m = KEY_LINE.match(lines[i].rstrip("\r\n"))
    key = m.group("key")
    r = rng.random()
    if r < 0.3 and len(key) > 1:
        j = rng.randrange(len(key) - 1)
        new = key[:j] + key[j + 1] + key[j] + key[j + 2:]           # a typo
    elif r < 0.4:
        new = key.upper()
    else:
        new = rng.choice(KEYS)
    lines[i] = f"{m.group('indent')}{new}:{m.group('sep') or ' '}{m.group('value')}\n"
    return "".join(lines)


def m_drop_key(rng, text):
    """A key and what is under it taken out (often a required one)."""
    lines = _lines(text)
    keyed = _key_lines(lines)
    if not keyed:
        return m_delete_line(rng, text)
    i = rng.choice(keyed)
    m = KEY_LINE.match(lines[i].rstrip("\r\n"))
    end = _block_end(lines, i)
    if m.group("indent").endswith("- "):       # the first key of a list item: keep the item
        rest = lines[i + 1:end]
        lines[i:end] = [m.group("indent") + (rest[0].lstrip() if rest else "{}\n")] + rest[1:]
    else:
        del lines[i:end]
    return "".join(lines)


def m_add_key(rng, text):
    lines = _lines(text)
    keyed = _key_lines(lines)
    if not keyed:
        return text + f"{rng.choice(KEYS)}: {random_scalar_text(rng)}\n"
    i = rng.choice(keyed)
    m = KEY_LINE.match(lines[i].rstrip("\r\n"))
    indent = " " * len(m.group("indent"))
    lines.insert(_block_end(lines, i), f"{indent}{rng.choice(KEYS)}: {random_scalar_text(rng)}\n")
    return "".join(lines)


def m_duplicate_key(rng, text):
    lines = _lines(text)
    keyed = [i for i in _key_lines(lines) if not lines[i].lstrip().startswith("- ")]
    if not keyed:
        return m_duplicate_line(rng, text)
    i = rng.choice(keyed)
    end = _block_end(lines, i)
    block = lines[i:end]
    if rng.random() < 0.5:   # with another value
        m = KEY_LINE.match(block[0].rstrip("\r\n"))
        block = [f"{m.group('indent')}{m.group('key')}: {rng.choice(SCALARS[:60])}\n"]
    lines[end:end] = block
    return "".join(lines)


def m_nest(rng, text):
    lines = _lines(text)
    keyed = _key_lines(lines)
    if not keyed or rng.random() < 0.2:
        depth = rng.choice([5, 29, 31, 100, 400])
        return text + "".join(" " * (2 * d) + "n:\n" for d in range(depth)) + " " * (2 * depth) + "x: 1\n"
    i = rng.choice(keyed)
    m = KEY_LINE.match(lines[i].rstrip("\r\n"))
    lines[i:_block_end(lines, i)] = [f"{m.group('indent')}{m.group('key')}: {deep(rng)}\n"]
    return "".join(lines)


def m_anchor_alias(rng, text):
    """Anchors and aliases, merge keys, and small alias bombs."""
    lines = _lines(text)
    keyed = [i for i in _key_lines(lines) if KEY_LINE.match(lines[i].rstrip("\r\n")).group("value").strip()]
    r = rng.random()
    if r < 0.25 or len(keyed) < 2:      # a bomb at the top, used somewhere
        width, height = rng.choice([(3, 3), (9, 4), (9, 5), (9, 6), (10, 6), (3, 12), (2, 18)])
        bomb = [f"_b0: &b0 [{', '.join(['x'] * width)}]\n"]
        bomb += [f"_b{k}: &b{k} [{', '.join([f'*b{k - 1}'] * width)}]\n" for k in range(1, height)]
        if keyed and rng.random() < 0.7:
            i = rng.choice(keyed)
            m = KEY_LINE.match(lines[i].rstrip("\r\n"))
            lines[i:_block_end(lines, i)] = [f"{m.group('indent')}{m.group('key')}: *b{height - 1}\n"]
        return "".join(bomb + lines) if rng.random() < 0.5 else "".join(lines + bomb)
    i, j = sorted(rng.sample(keyed, 2))
    mi, mj = (KEY_LINE.match(lines[k].rstrip("\r\n")) for k in (i, j))
    name = rng.choice(["a", "x1", "anchor", "é", "a" * 100])
    if r < 0.5:       # a value used again
        lines[i] = f"{mi.group('indent')}{mi.group('key')}: &{name} {mi.group('value')}\n"
        lines[j:_block_end(lines, j)] = [f"{mj.group('indent')}{mj.group('key')}: *{name}\n"]
    elif r < 0.7:     # a merge key
        target = rng.choice([f"*{name}", f"[*{name}, *{name}]", "{a: 1}", "[1, 2]", "1", "*nowhere", "~"])
        lines[i] = f"{mi.group('indent')}{mi.group('key')}: &{name} {mi.group('value')}\n"
        indent = " " * len(mj.group("indent"))
        lines.insert(j + 1, f"{indent}<<: {target}\n")
    elif r < 0.85:    # an alias to a mapping that holds it (a cycle), or a map merged into itself
        lines.insert(i, f"{' ' * len(mi.group('indent'))}self: &loop {{a: [*loop]}}\n".replace("*loop", "1"))
        lines.insert(i + 1, f"{' ' * len(mi.group('indent'))}_: &cyc [*cyc]\n")
    else:             # an alias used before its anchor
        lines[j] = f"{mj.group('indent')}{mj.group('key')}: &{name} {mj.group('value')}\n"
        lines[i:min(_block_end(lines, i), j)] = [f"{mi.group('indent')}{mi.group('key')}: *{name}\n"]
    return "".join(lines)


def m_tag(rng, text):
    lines = _lines(text)
    keyed = [i for i in _key_lines(lines)]
    if not keyed:
        return f"{rng.choice(TAGS)}\n" + text
    i = rng.choice(keyed)
    m = KEY_LINE.match(lines[i].rstrip("\r\n"))
    value = m.group("value") or ""
    lines[i] = f"{m.group('indent')}{m.group('key')}: {rng.choice(TAGS)} {value}\n"
    return "".join(lines)


def m_documents(rng, text):
    r = rng.random()
    if r < 0.3:
        return rng.choice(DIRECTIVES) + text
    if r < 0.6:
        lines = _lines(text)
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(["---\n", "...\n", "--- \n", "---x\n", "... #\n"]))
        return "".join(lines)
    return text + rng.choice(["---\n", "...\n---\n", "--- ~\n", "---\n"]) + text


def m_line_endings(rng, text):
    r = rng.random()
    if r < 0.35:
        return text.replace("\n", "\r\n")
    if r < 0.6:
        return text.replace("\n", "\r")
    if r < 0.8:
        return "".join(line.replace("\n", rng.choice(["\n", "\r\n", "\r", "\u2028", "\u0085"]))
                       for line in _lines(text))
    return text.replace("\n", "\n" + rng.choice(["\t", " ", "  #", "\u00a0"]), rng.randrange(1, 5))


def m_whole(rng, text):
    return rng.choice([
        "", " ", "\n\n", "# only a comment\n", "~\n", "null\n", "[]\n", "{}\n", "cards:\n", "cards: ~\n",
        "cards: {}\n", "cards: []\n", "cards: [1, 'a', ~, []]\n", "cards: [{}]\n", "- a\n- b\n", "'a string'\n",
        "123\n", ".nan\n", "!!binary aGVsbG8=\n", "cards: *a\n", "&a cards: 1\n", "? cards\n", "...\n", "---\n",
        "--- !!python/object:os.system\n", "cards:\n- {id: x.y}\n", "id: x\n", "deck: [base.*]\n",
        "cards:\n  - " + deep(rng) + "\n", "x: " + "y" * 200_000 + "\n",
        "&a [*a]\n", "&a {b: *a}\n", "- &a [1, *a]\n", "cards: &a [*a]\n", "a: &a\n  <<: *a\n",
    ]) + (text if rng.random() < 0.2 else "")


STR_MUTATIONS = [  # (function, weight)
    (m_delete_line, 6), (m_duplicate_line, 5), (m_swap_lines, 3), (m_move_block, 2), (m_flip_char, 6),
    (m_insert_text, 4), (m_truncate, 3), (m_reindent, 4), (m_replace_value, 14), (m_replace_item, 5),
    (m_rename_key, 6), (m_drop_key, 7), (m_add_key, 5), (m_duplicate_key, 3), (m_nest, 3),
    (m_anchor_alias, 5), (m_tag, 5), (m_documents, 3), (m_line_endings, 2), (m_whole, 1),
]


def b_insert(rng, data: bytes) -> bytes:
    i = rng.randrange(len(data) + 1)
    chunk = rng.choice(BAD_BYTES) if rng.random() < 0.7 else bytes(rng.randrange(256) for _ in range(rng.randrange(1, 9)))
    return data[:i] + chunk + data[i:]


def b_flip(rng, data: bytes) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    i = rng.randrange(len(data))
    return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]


def b_encoding(rng, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    r = rng.random()
    if r < 0.25:
        return text.encode("utf-16")
    if r < 0.4:
        return text.encode("utf-16-le")
    if r < 0.55:
        return text.encode("utf-32")
    if r < 0.75:
        return text.encode("latin-1", "replace") + b"\xe9\n"
    if r < 0.9:
        return b"\xef\xbb\xbf" + data
    return data + b"\xef\xbb\xbf" + data[:40]


BYTE_MUTATIONS = [(b_insert, 6), (b_flip, 3), (b_encoding, 2)]


def mutate_text(rng: random.Random, text: str, count: int | None = None) -> tuple[bytes, list[str]]:
    """The text with 1-4 mutations (mostly 1), as bytes; and the names of the mutations."""
    count = count or rng.choices([1, 2, 3, 4], [60, 25, 10, 5])[0]
    names = []
    data = None
    for _ in range(count):
        if rng.random() < 0.12:
            fn = rng.choices([f for f, _ in BYTE_MUTATIONS], [w for _, w in BYTE_MUTATIONS])[0]
            data = fn(rng, data if data is not None else text.encode("utf-8", "surrogateescape"))
        else:
            fn = rng.choices([f for f, _ in STR_MUTATIONS], [w for _, w in STR_MUTATIONS])[0]
            if data is not None:
                text, data = data.decode("utf-8", "surrogateescape"), None
            text = fn(rng, text)
        names.append(fn.__name__)
    if data is None:
        data = text.encode("utf-8", "surrogateescape")
    return data, names


# --------------------------------------------------------------------------------------------
# Random trees.

TREE_KEYS = None


def tree_keys() -> list:
    global TREE_KEYS
    if TREE_KEYS is None:
        from game.content.schema import field_names
        TREE_KEYS = sorted(set(field_names()) | {"kind", "of", "from", "is", "cards", "<<", "outcomes"})
    return TREE_KEYS


KIND_VALUES = ["add", "set", "multiply", "flag", "households", "queue", "chance", "log", "date", "compare",
               "trait", "seen", "all", "any", "not", "directive", "testimony", "situation", "news",
               "scholarship", "document", "bogus", ""]


def random_scalar(rng: random.Random):
    r = rng.random()
    choices = [
        lambda: rng.randrange(-5, 100), lambda: 10 ** rng.randrange(10, 400) * rng.choice([1, -1]),
        lambda: rng.choice([0.5, -0.0, 1e308, float("inf"), float("-inf"), float("nan"), 1e-320]),
        lambda: rng.choice([True, False]), lambda: None, lambda: rng.choice(KIND_VALUES),
        lambda: rng.choice(["1930-03", "1930-13", "base.womens_riot", "fz.x", "base.*", "district.standing",
                            "village.trust", "villages.grain", "historical", "nowhere.x", "1.0.0"]),
        lambda: "".join(chr(rng.randrange(0x20, 0x2FFF)) for _ in range(rng.randrange(0, 30))),
        lambda: "x" * rng.choice([20, 81, 161, 2001, 20000]),
        lambda: rng.choice(["\x00", "\x85", "\u2028", "\ufeff", "'", '"', ": ", "- ", "#", "*a", "&a", "!!int x"]),
    ]
    return choices[min(int(r * len(choices)), len(choices) - 1)]()


def random_tree(rng: random.Random, depth: int = 0, max_depth: int = 5):
    if depth >= max_depth or rng.random() < 0.3 + 0.1 * depth:
        return random_scalar(rng)
    if rng.random() < 0.5:
        out = {}
        for _ in range(rng.randrange(0, 6)):
            key = rng.choice(tree_keys()) if rng.random() < 0.8 else random_scalar(rng)
            if isinstance(key, float) and key != key:
                key = "nan"
            out[key] = random_tree(rng, depth + 1, max_depth)
        return out
    return [random_tree(rng, depth + 1, max_depth) for _ in range(rng.randrange(0, 5))]


def _paths_in(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths_in(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths_in(v, prefix + (i,))


def mutate_tree(rng: random.Random, tree, count: int = 1):
    """A real card or level, changed as a tree: a node replaced, a key dropped or added, a type changed."""
    for _ in range(count):
        where = rng.choice(list(_paths_in(tree)))
        if not where:
            tree = random_tree(rng)
            continue
        parent = tree
        for part in where[:-1]:
            parent = parent[part]
        last = where[-1]
        r = rng.random()
        if r < 0.4:
            parent[last] = random_scalar(rng) if rng.random() < 0.6 else random_tree(rng, 2)
        elif r < 0.6 and isinstance(parent, dict):
            del parent[last]
        elif r < 0.6:
            parent.pop(last)
        elif r < 0.75 and isinstance(parent, dict):
            parent[rng.choice(tree_keys())] = random_tree(rng, 3)
        elif r < 0.85:
            parent[last] = [parent[last]] if rng.random() < 0.5 else {"kind": parent[last]}
        else:
            nest = parent[last]
            for _ in range(rng.choice([5, 28, 40])):
                nest = {"of": nest} if rng.random() < 0.5 else [nest]
            parent[last] = nest
    return tree


def dump(rng: random.Random, tree) -> bytes:
    """A tree as YAML (block or flow) or JSON."""
    r = rng.random()
    if r < 0.3:
        try:
            return json.dumps(tree, indent=rng.choice([None, 1, 2]), ensure_ascii=rng.random() < 0.5).encode()
        except (TypeError, ValueError):
            pass
    from ruamel.yaml import YAML
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = rng.choice([False, None, True])
    yaml.allow_unicode = rng.random() < 0.7
    out = io.StringIO()
    try:
        yaml.dump(tree, out)
    except Exception:   # something the dumper cannot write: JSON, with its own escapes
        return json.dumps(tree, default=str).encode()
    return out.getvalue().encode("utf-8", "surrogateescape")


def real_tree(rng: random.Random, pack: str, what: str):
    """A real card file (one card) or level as plain data."""
    from ruamel.yaml import YAML
    text = card_file(rng, pack, 1) if what == "cards" else level_file(rng, pack)
    return YAML(typ="safe", pure=True).load(text)


# --------------------------------------------------------------------------------------------
# Cases.

@dataclass
class PackSpec:
    folder: str                           # its folder's name inside the case folder
    files: dict = field(default_factory=dict)   # relative path -> content (see materialize)


@dataclass
class Case:
    index: int
    kind: str
    packs: list[PackSpec]
    mods: list[str]                       # the --mod arguments: names in the case folder, or other words
    focus: str = ""                       # the file the case is about: folder/relative path
    notes: list[str] = field(default_factory=list)
    expect_clean: bool = False
    game: bool = False                    # also start the game with these mods (load_game)
    extra: dict = field(default_factory=dict)   # files beside the pack folders (a .zip pack)

    def files(self) -> dict:
        """Every file of the case: path in the case folder -> content."""
        out = {f"{spec.folder}/{rel}": content for spec in self.packs for rel, content in spec.files.items()}
        out.update(self.extra)
        return out


PACK_IDS = ["fz", "mod_a", "mod_b", "class_1930", "zz"]


def _valid_pack(rng: random.Random, pid: str, folder: str, cards: int = 1, level: bool = False,
                manifest: str | None = None) -> PackSpec:
    """A pack of the base game's files, re-namespaced: in the base game's format, or now and
    then in format 1 (that the loader migrates)."""
    old = corpus()["format"] >= 2 and rng.random() < 0.2
    # The pack's cards join the base game's levels, so that each can come up in one.
    decks = {"decks": {level: [f"{pid}.*"] for level in corpus()["level_ids"]}} if cards else {}
    spec = PackSpec(folder, {"pack.yaml": (manifest or manifest_text(pid, 1 if old else None, **decks)).encode()})
    used: set = set()
    for n in range(cards):
        text = card_file(rng, pid, rng.choice([1, 1, 2, 3]), used)
        spec.files[f"cards/{['events', 'more', 'extra'][n % 3]}{n // 3 or ''}.yaml"] = \
            (to_format1(text) if old else text).encode()
    if level:
        spec.files["levels/level.yaml"] = level_file(rng, pid).encode()
    return spec


def make_case(kind: str, rng: random.Random, index: int = 0) -> Case:
    pid = rng.choice(PACK_IDS)
    folder = rng.choice(["pack", "pack", "pack", "my mod", "ünïcode", "pack.yaml.d", "-x"])
    game = rng.random() < 0.15
    if kind == "valid":
        spec = _valid_pack(rng, pid, folder, cards=rng.choice([0, 1, 1, 2]), level=rng.random() < 0.3)
        cards = [v.decode() for k, v in spec.files.items() if k.startswith("cards/")]
        if cards and rng.random() < 0.3:   # its cards in Ukrainian, with a picture of its own
            spec.files["translations/uk.yaml"] = translation_text(random.Random(0), "".join(
                text if n == 0 else text.split("\ncards:\n", 1)[-1] for n, text in enumerate(cards))).encode()
            import struct
            import zlib
            ihdr = struct.pack(">IIBBBBB", 64, 48, 8, 2, 0, 0, 0)
            spec.files["images/own_picture.png"] = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr
                                                    + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)))
            first = next(k for k in spec.files if k.startswith("cards/"))
            spec.files[first] = re.sub(rb"illustration: \S+", b"illustration: own_picture", spec.files[first], count=1)
        return Case(index, kind, [spec], [folder], expect_clean=True, game=game)
    if kind in ("mutate-card", "mutate-level", "mutate-manifest"):
        spec = _valid_pack(rng, pid, folder, cards=rng.choice([1, 1, 2]) if kind == "mutate-card" else rng.choice([0, 1]),
                           level=kind == "mutate-level" or rng.random() < 0.05)
        target = {"mutate-card": "cards/events.yaml", "mutate-level": "levels/level.yaml",
                  "mutate-manifest": "pack.yaml"}[kind]
        if kind == "mutate-manifest" and rng.random() < 0.5:
            spec.files["pack.yaml"] = manifest_text(pid, **random_manifest_fields(rng, pid)).encode()
        data, notes = mutate_text(rng, spec.files[target].decode("utf-8"))
        spec.files[target] = data
        return Case(index, kind, [spec], [folder], focus=f"{folder}/{target}", notes=notes, game=game)
    if kind == "tree":
        return tree_case(rng, index, pid, folder, game)
    if kind == "manifest":
        return manifest_case(rng, index, game)
    if kind == "layout":
        return layout_case(rng, index, pid, folder, game)
    if kind == "zip":
        return zip_case(rng, index, game)
    if kind == "pack-files":
        return pack_files_case(rng, index, pid, folder, game)
    raise ValueError(kind)


def translation_text(rng: random.Random, cards_text: str, language: str = "uk") -> str:
    """A translation file for the cards of a card file (and now and then a base card)."""
    from ruamel.yaml import YAML
    try:
        cards = YAML(typ="safe", pure=True).load(cards_text)["cards"]
    except Exception:  # noqa: BLE001
        cards = []
    if rng.random() < 0.3:
        cards = cards + YAML(typ="safe", pure=True).load(card_file(rng, "base", 1))["cards"]
    words = {}
    for card in cards:
        if not isinstance(card, dict) or not isinstance(card.get("id"), str):
            continue
        words[card["id"]] = {"title": "Переклад: " + str(card.get("title", ""))[:60],
                             "text": "Текст українською. " + str(card.get("text", "")),
                             "choices": [{"label": "Вибір " + str(c.get("label", ""))[:100],
                                          "outcome": "Наслідок " + str(c.get("outcome", ""))[:500]}
                                         for c in card.get("choices", []) if isinstance(c, dict)]}
        if rng.random() < 0.5:
            words[card["id"]]["note"] = "Історична примітка до картки, перекладена."
    return dump_yaml({"language": language, "name": "Українська", "cards": words})


def dump_yaml(tree) -> str:
    from ruamel.yaml import YAML
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def image_bytes(rng: random.Random) -> tuple[str, bytes]:
    """(suffix, bytes) of a picture, a damaged one, or something else under a picture's name."""
    import struct
    import zlib
    side = lambda: rng.choice([1, 64, 2048, 2049, 0, 65535, 2 ** 31, 2 ** 32 - 1])  # noqa: E731
    r = rng.random()
    if r < 0.35:
        ihdr = struct.pack(">IIBBBBB", side(), side(), 8, 2, 0, 0, 0)
        data = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
        return rng.choice([".png", ".png", ".PNG", ".jpg"]), data[:rng.choice([len(data), len(data), 20, 12, 8])]
    if r < 0.7:
        segments = b""
        for _ in range(rng.randrange(0, 4)):
            segments += b"\xff" + bytes([rng.choice([0xE0, 0xE1, 0xDB, 0xC4, 0x00, 0xFF])]) + \
                struct.pack(">H", rng.choice([0, 1, 2, 16, 65535])) + bytes(rng.randrange(0, 20))
        sof = b"\xff\xc0" + struct.pack(">HBHH", 17, 8, side() % 65536, side() % 65536) + bytes(10)
        data = b"\xff\xd8" + segments + (sof if rng.random() < 0.7 else b"")
        return rng.choice([".jpg", ".jpeg", ".JPG", ".png"]), data[:rng.choice([len(data), len(data), 3, 11])]
    if r < 0.85:
        return rng.choice([".png", ".jpg", ".gif", ".svg", ""]), bytes(rng.randrange(256) for _ in range(rng.randrange(0, 64)))
    return ".png", b"\x89PNG\r\n\x1a\n" + b"\0" * rng.choice([0, 1, 100, 1_000_001])


def pack_files_case(rng: random.Random, index: int, pid: str, folder: str, game: bool) -> Case:
    """A pack with translations (translations/<language>.yaml) and pictures (images/), broken."""
    spec = _valid_pack(rng, pid, folder, cards=1)
    cards_text = spec.files["cards/events.yaml"].decode("utf-8")
    notes = []
    if rng.random() < 0.7:
        language = rng.choice(["uk", "uk", "ru", "pt-BR", "xx-toolongtag", "UK", "u", ""])
        name = rng.choice([language, language, "uk", "de"]) or "none"
        text = translation_text(rng, cards_text, language)
        if rng.random() < 0.8:
            data, notes = mutate_text(rng, text)
        else:
            data, notes = dump(rng, mutate_tree(rng, json.loads(json.dumps(
                __import__("ruamel.yaml", fromlist=["YAML"]).YAML(typ="safe", pure=True).load(text))))), ["tree"]
        spec.files[f"translations/{name}.yaml"] = data
        if rng.random() < 0.1:
            spec.files["translations/link.yaml"] = ("link", rng.choice(["/etc/hostname", str(paths.ASSETS / "pack.yaml")]))
        if rng.random() < 0.1:
            spec.files["translations/dir.yaml"] = ("dir",)
        focus = f"{folder}/translations/{name}.yaml"
    else:
        focus = ""
    for n in range(rng.choice([0, 1, 1, 2])):
        suffix, data = image_bytes(rng)
        name = rng.choice(["field", "own", "own_picture", "grain", ".hidden", "ünï"]) + (str(n) if n else "")
        spec.files[f"images/{name}{suffix}"] = data
        if rng.random() < 0.5:   # a card of the pack shows it
            cards_text = re.sub(r"illustration: \S+", f"illustration: {name}", cards_text, count=1)
            spec.files["cards/events.yaml"] = cards_text.encode()
        focus = focus or f"{folder}/images/{name}{suffix}"
        notes.append(f"image {suffix}")
    if rng.random() < 0.1:
        spec.files["images/link.png"] = ("link", rng.choice(["/etc/hostname", "../pack.yaml", "nowhere.png"]))
    if rng.random() < 0.05:
        spec.files["images/sub/deep.png"] = image_bytes(rng)[1]
    return Case(index, "pack-files", [spec], [folder], focus=focus, notes=notes, game=game)


def tree_case(rng, index, pid, folder, game) -> Case:
    spec = _valid_pack(rng, pid, folder, cards=0)
    r = rng.random()
    if r < 0.45:
        what = rng.choice(["cards", "cards", "levels"])
        tree = mutate_tree(rng, real_tree(rng, pid, what), rng.choice([1, 1, 2, 3]))
        note = f"real {what} as a tree"
    elif r < 0.8:
        what = rng.choice(["cards", "levels"])
        tree = random_tree(rng, max_depth=rng.choice([3, 5, 7]))
        if what == "cards" and rng.random() < 0.6:
            tree = {"cards": [tree if isinstance(tree, dict) else {"id": tree} for _ in range(rng.randrange(1, 3))]}
        note = "random tree"
    else:
        what = "pack.yaml"
        tree = random_tree(rng, max_depth=4)
        if isinstance(tree, dict) and rng.random() < 0.7:
            base = {"id": pid, "name": "x", "version": "1.0.0", "format": 1, "licence": "CC"}
            base.update(tree)
            tree = base
        note = "random manifest tree"
    target = what if what == "pack.yaml" else f"{what}/tree{rng.choice(['.yaml', '.yml'])}"
    spec.files[target] = dump(rng, tree)
    return Case(index, "tree", [spec], [folder], focus=f"{folder}/{target}", notes=[note], game=game)


def _weird_id(rng: random.Random) -> object:
    return rng.choice(["base", "", "a", "A", "Mod", "mod-a", "mod.a", "x" * 41, "x" * 40, "ünï", "0", "_",
                       "__", 12, 1.5, None, True, [], {}, "fz fz", "fz\n", "../x", "mod_a", "mod_b", "fz"])


def random_manifest_fields(rng: random.Random, pid: str, others: list[str] = ()) -> dict:
    c = corpus()
    own = [f"{pid}.{b.name}" for b in rng.sample(c["blocks"], 3)]
    fields: dict = {}
    ids = list(others) + ["base", pid, "nowhere", "basee", "mod_b", "x" * 41]

    def pick_list(pool, n=3):
        return [rng.choice(pool) for _ in range(rng.randrange(0, n + 1))]

    if rng.random() < 0.5:
        fields["requires"] = pick_list(ids) if rng.random() < 0.9 else _weird_id(rng)
    if rng.random() < 0.5:
        fields["after"] = pick_list(ids) if rng.random() < 0.9 else _weird_id(rng)
    card_pool = c["card_ids"] + own + ["base.nothing", "nothing", "base.*", "", "BASE.X", "a..b", 3, None]
    if rng.random() < 0.5:
        fields["replaces"] = pick_list(card_pool)
    if rng.random() < 0.5:
        fields["disable"] = pick_list(card_pool)
    if rng.random() < 0.5:
        levels = c["level_ids"] + ["nowhere", f"{pid}.tutorial", "Great Break", ""]
        entries = card_pool + [f"{pid}.*", "base.*", "x.*", "*", "base.**"]
        fields["decks"] = {rng.choice(levels): pick_list(entries) if rng.random() < 0.9 else rng.choice(entries)
                           for _ in range(rng.randrange(0, 3))}
    return fields


def manifest_case(rng, index, game) -> Case:
    count = rng.choice([1, 1, 2, 3])
    pids = [rng.choice(PACK_IDS) for _ in range(count)]
    specs, mods = [], []
    for n, pid in enumerate(pids):
        folder = f"pack{n}"
        fields = random_manifest_fields(rng, pid, pids)
        top = {"id": pid, "name": f"Pack {pid}", "version": "1.0.0", "format": 1, "licence": "CC-BY-4.0"}
        for key in list(top):
            r = rng.random()
            if r < 0.08:
                del top[key]
            elif r < 0.25:
                top[key] = {
                    "id": _weird_id(rng),
                    "name": rng.choice(["", "x" * 81, 3, None, ["a"], "Ωmega"]),
                    "version": rng.choice(["1", "1.0", 1.0, "1.0.0.0", "v1", "", "1.0.0-beta", 2, "１.０"]),
                    "format": rng.choice([0, -1, 2, 999, "1", "one", 1.0, 1.5, True, None, 10 ** 30, float("inf"),
                                          float("nan"), []]),
                    "licence": rng.choice(["", None, "x" * 81, 0]),
                }[key]
        if rng.random() < 0.1:
            fields[rng.choice(["unknown", "Id", "depends", "mods"])] = rng.choice([1, "x", [], None])
        if rng.random() < 0.1:
            fields["authors"] = rng.choice([[], [""], ["x"] * 51, "one author", [None], [["a"]]])
        top.update(fields)
        spec = PackSpec(folder, {})
        spec.files["pack.yaml"] = dump(rng, top) if rng.random() < 0.85 else mutate_text(rng, dump(rng, top).decode())[0]
        if rng.random() < 0.6:
            spec.files["cards/cards.yaml"] = card_file(rng, pid if isinstance(pid, str) else "fz", rng.choice([1, 2])).encode()
        if rng.random() < 0.1:
            spec.files["levels/level.yaml"] = level_file(rng, pid).encode()
        specs.append(spec)
        mods.append(folder)
    rng.shuffle(mods)
    if rng.random() < 0.1:
        mods.append(rng.choice(["nowhere", "fz", "base", "pack0/pack.yaml", "", "."]))
    if rng.random() < 0.1:
        mods.append(mods[0])         # the same pack twice
    return Case(index, "manifest", specs, mods, focus=f"{specs[0].folder}/pack.yaml", game=game)


def layout_case(rng, index, pid, folder, game) -> Case:
    spec = _valid_pack(rng, pid, folder, cards=1)
    choice = rng.randrange(14)
    files = spec.files
    note = ""
    if choice == 0:
        files["pack.yaml"] = ("dir",)
        files["pack.yaml/inner.yaml"] = b"id: x\n"
        note = "pack.yaml is a folder"
    elif choice == 1:
        del files["cards/events.yaml"]
        files["cards"] = card_file(rng, pid, 1).encode()
        note = "cards is a file"
    elif choice == 2:
        files["cards/folder.yaml"] = ("dir",)
        files["cards/folder.yaml/inner.yaml"] = card_file(rng, pid, 1).encode()
        note = "a folder named .yaml"
    elif choice == 3:
        files["cards/outside.yaml"] = ("link", str(paths.CARDS / "base" / "recurring.yaml"))
        note = "a link to a base file"
    elif choice == 4:
        files["cards/etc.yaml"] = ("link", "/etc/hostname")
        note = "a link out of the pack"
    elif choice == 5:
        files["cards/loop"] = ("link", ".")
        note = "a link loop"
    elif choice == 6:
        files["cards/dangling.yaml"] = ("link", "nowhere.yaml")
        note = "a dangling link"
    elif choice == 7:
        files["cards/empty.yaml"] = b""
        files["levels/empty.yml"] = b"# nothing\n"
        note = "empty files"
    elif choice == 8:
        files["cards/a/b/c/deep.yaml"] = card_file(rng, pid, 1).encode()
        files["cards/notes.txt"] = b"\xff\xfe not yaml"
        files["cards/.hidden.yaml"] = b"cards: [1]\n"
        note = "nested and hidden files"
    elif choice == 9:
        files["cards/huge.yaml"] = b"# " + b"x" * 1_000_001 + b"\n"
        note = "a file over the size limit"
    elif choice == 10:
        del files["pack.yaml"]
        note = "no manifest"
    elif choice == 11:
        files["pack.yaml"] = ("link", str(paths.ASSETS / "pack.yaml"))
        note = "the manifest is a link to the base game's"
    elif choice == 12:
        files["levels/cards.yaml"] = files.pop("cards/events.yaml")
        files["cards/level.yaml"] = level_file(rng, pid).encode()
        note = "cards in levels/ and a level in cards/"
    else:
        files["cards/dup.yaml"] = files["cards/events.yaml"]
        note = "the same cards twice"
    return Case(index, "layout", [spec], [folder], focus=f"{folder}/pack.yaml", notes=[note], game=game)


ZIP_TRICKS = ["none", "none", "none", "top-folder", "dotdot", "absolute", "drive", "backslash", "duplicate",
              "duplicate-case", "link", "bomb", "many", "not-a-zip", "truncated", "empty", "two-tops",
              "nested-zip", "unicode-names", "encrypted", "directory-entries"]


def zip_case(rng: random.Random, index: int, game: bool) -> Case:
    """A pack as a .zip (made from another kind of case), now and then with a trick in it."""
    inner = make_case(rng.choice(["valid", "valid", "mutate-card", "mutate-level", "mutate-manifest", "tree",
                                  "manifest", "pack-files"]), rng, index)
    spec = inner.packs[0]
    trick = rng.choice(ZIP_TRICKS)
    prefix = f"{spec.folder}/" if trick == "top-folder" else ""
    members = [[prefix + rel, content, None] for rel, content in sorted(spec.files.items()) if isinstance(content, bytes)]
    post = ""
    if trick == "dotdot":
        members.append(["../" * rng.randrange(1, 4) + "evil.yaml", b"cards: []\n", None])
    elif trick == "absolute":
        members.append(["/tmp/evil.yaml", b"cards: []\n", None])
    elif trick == "drive":
        members.append(["C:/evil.yaml", b"cards: []\n", None])
    elif trick == "backslash":
        members.append(["cards\\..\\..\\evil.yaml", b"cards: []\n", None])
    elif trick == "duplicate" and members:
        members.append(list(members[-1]))
    elif trick == "duplicate-case" and members:
        members.append([members[-1][0].upper(), members[-1][1], None])
    elif trick == "link":
        members.append(["cards/link.yaml", b"/etc/hostname", 0o120777])
    elif trick == "bomb":
        members.append([rng.choice(["cards/bomb.yaml", "bomb.bin"]), b"\0" * (4 * 1024 * 1024 + rng.randrange(1, 9)), None])
    elif trick == "many":
        members += [[f"cards/n{k}.txt", b"", None] for k in range(2001)]
    elif trick == "not-a-zip":
        members, post = [], "garbage"
    elif trick == "truncated":
        post = f"truncate:{rng.random():.3f}"
    elif trick == "empty":
        members = []
    elif trick == "two-tops":
        members = [[f"{top}/{name}", data, attr] for top in ("one", "two") for name, data, attr in members]
    elif trick == "nested-zip":
        members = [["inner.zip", ("zip", tuple(tuple(m) for m in members), ""), None]]
    elif trick == "unicode-names":
        members = [[name.replace("cards/", "cards/ünï cödé ").replace(".yaml", " 🌾.yaml") if name.startswith("cards/")
                    else name, data, attr] for name, data, attr in members]
    elif trick == "encrypted":
        post = "encrypted"
    elif trick == "directory-entries":
        members = [["cards/", b"", 0o40755], ["levels/", b"", 0o40755]] + members
    name = rng.choice(["pack.zip", "pack.zip", "Pack.ZIP", "my mod.zip", "pack.zip.zip"])
    extra = {name: ("zip", tuple(tuple(m) for m in members), post)}
    return Case(index, "zip", [], [name], focus=name, notes=[inner.kind, trick] + inner.notes, game=game,
                expect_clean=inner.expect_clean and trick in ("none", "top-folder", "unicode-names"),
                extra=extra)


def zip_bytes(members, post: str = "") -> bytes:
    """A zip of (name, content, mode or None) members, the same bytes every time."""
    import zipfile
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # a duplicate name is what some cases want
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, content, mode in members:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (mode if mode is not None else 0o100644) << 16
                if post == "encrypted":
                    info.flag_bits |= 0x1
                data = zip_bytes(content[1], content[2]) if isinstance(content, tuple) else content
                zf.writestr(info, data)
    data = out.getvalue()
    if post == "garbage":
        return bytes(random.Random(len(members)).randrange(256) for _ in range(300))
    if post.startswith("truncate:"):
        return data[:int(len(data) * float(post.partition(":")[2]))]
    return data


def choose_kind(rng: random.Random) -> str:
    return rng.choices(list(KINDS), list(KINDS.values()))[0]


def build_case(seed: int, index: int) -> Case:
    rng = random.Random(f"{seed}:{index}")
    return make_case(choose_kind(rng), rng, index)


def materialize(files: dict, where: Path) -> None:
    """Write a case's files: content is bytes, ("dir",), ("link", target) or
    ("zip", members, post) (see zip_bytes)."""
    where.mkdir(parents=True, exist_ok=True)
    for rel, content in sorted(files.items(), key=lambda item: (not (isinstance(item[1], tuple) and item[1][0] == "dir"),
                                                                  item[0])):
        path = where / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif content[0] == "dir":
            path.mkdir(exist_ok=True)
        elif content[0] == "link":
            os.symlink(content[1], path)
        elif content[0] == "zip":
            path.write_bytes(zip_bytes(content[1], content[2]))


def mod_args(mods: list[str], files: dict, where: Path) -> list[str]:
    """The --mod arguments: names of the case's packs as paths, other words as they are."""
    tops = {rel.partition("/")[0] for rel in files}
    return [str(where / m) if m in tops else m for m in mods]


# --------------------------------------------------------------------------------------------
# Checks.

class CaseTimeout(BaseException):
    """A case that took too long (raised by an alarm; a BaseException so nothing swallows it)."""


@dataclass
class Finding:
    category: str        # exception, bad-diagnostic, not-clean, game-error, timeout
    signature: str       # what makes two findings the same bug
    detail: str          # the traceback, or the diagnostic and why it is wrong


CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def diagnostic_findings(diags, where: Path, mods: list[str], origin: str) -> list[Finding]:
    """Whether every diagnostic is well formed and names an existing file of the case's packs
    (or a pack's folder, or the --mod argument it is about)."""
    out = []
    inside = os.path.normpath(os.path.abspath(where))
    known = baseline()
    for d in diags:
        if d in known or (isinstance(d, Diagnostic) and d.severity == "warning"
                          and dataclasses.replace(d, severity="error",
                                                  message=d.message.removesuffix(" (the pack is not loaded)")) in known):
            continue     # the base game's own problem, not the pack's
        if not isinstance(d, Diagnostic):
            out.append(Finding("bad-diagnostic", "not a Diagnostic", repr(d)))
            continue
        shape = []
        if d.severity not in ("error", "warning"):
            shape.append(f"severity {d.severity!r}")
        if not isinstance(d.line, int) or not isinstance(d.col, int) or d.line < 0 or d.col < 0:
            shape.append(f"position {d.line!r}:{d.col!r}")
        if not isinstance(d.code, str) or not CODE.match(d.code):
            shape.append(f"code {d.code!r}")
        if not isinstance(d.message, str) or not d.message:
            shape.append("no message")
        try:
            str(d)
        except Exception as exc:  # noqa: BLE001
            shape.append(f"str() raises {exc!r}")
        if shape:
            out.append(Finding("bad-diagnostic", f"malformed [{d.code}] ({shape[0].split()[0]})",
                               f"{d!r}: {', '.join(shape)}"))
            continue
        if d.path in mods or d.path in {str(Path(m)) for m in mods}:
            continue     # it names the --mod argument as given (a word, or a folder with no manifest)
        named = os.path.normpath(os.path.abspath(d.path))
        if named != inside and not named.startswith(inside + os.sep):
            shown = "a file of the base game" if Path(named).is_relative_to(paths.ROOT) else "outside the packs"
            out.append(Finding("bad-diagnostic", f"[{d.code}] names a file outside the pack ({shown})",
                               str(d)))
        elif not os.path.lexists(named):
            archive = next((a for a in _parents(named, inside) if a.lower().endswith(".zip") and os.path.isfile(a)), None)
            if archive is None:
                out.append(Finding("bad-diagnostic", f"[{d.code}] names a file that does not exist", str(d)))
            elif not _in_zip(archive, named[len(archive) + 1:]):
                out.append(Finding("bad-diagnostic", f"[{d.code}] names a file the zip does not hold", str(d)))
        elif d.line and os.path.isfile(named) and not os.path.islink(named):
            try:   # an upper bound: splitlines() breaks at more characters than YAML does
                lines = len(Path(named).read_bytes().decode("utf-8", "replace").splitlines()) + 1
            except OSError:
                lines = 0
            if lines and d.line > lines + 1:
                out.append(Finding("bad-diagnostic", f"[{d.code}] line beyond the end of the file",
                                   f"{d} (the file has {lines} lines)"))
    return out


def _parents(named: str, inside: str) -> list[str]:
    out = []
    while named.startswith(inside + os.sep):
        named = os.path.dirname(named)
        out.append(named)
    return out


def _in_zip(archive: str, member: str) -> bool:
    import zipfile
    try:
        with zipfile.ZipFile(archive) as zf:
            names = zf.namelist()
    except Exception:  # noqa: BLE001
        return False
    return any(n == member or n.endswith("/" + member) for n in names)


def _signature(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/game/" in f.filename.replace(os.sep, "/")]
    last = frames[-1] if frames else None
    where = ""
    if ours:
        f = ours[-1]
        where = f"{Path(f.filename).relative_to(paths.ROOT) if Path(f.filename).is_relative_to(paths.ROOT) else f.filename}:{f.name}"
    lib = f"{Path(last.filename).name}:{last.name}" if last else ""
    return f"{type(exc).__name__} in {where} <- {lib}"


def run_checks(case: Case, where: Path, timeout: float = 0) -> tuple[list[Diagnostic], list[Finding]]:
    """Load the case's packs (written in `where`); (the diagnostics of `validate`, what is wrong)."""
    mods = mod_args(case.mods, case.files(), where)
    findings: list[Finding] = []
    diags: list[Diagnostic] = []
    steps = [("validate", validate)] + ([("load_game", load_game)] if case.game or case.expect_clean else [])
    for name, step in steps:
        alarm = timeout > 0 and hasattr(signal, "SIGALRM")
        if alarm:
            def on_alarm(signum, frame):
                raise CaseTimeout()
            previous = signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            found = step(mods)
        except CaseTimeout:
            findings.append(Finding("timeout", f"{name}: slower than {timeout:g} s", ""))
            break
        except RecursionError as exc:
            findings.append(Finding("exception", _signature(exc),
                                    f"({name})\n" + "".join(traceback.format_exception(exc, limit=-15))))
            break
        except Exception as exc:  # noqa: BLE001  - anything the loader lets out is the finding
            findings.append(Finding("exception", _signature(exc),
                                    f"({name})\n" + "".join(traceback.format_exception(exc, limit=-12))))
            break      # the game would raise the same
        finally:
            if alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        for f in diagnostic_findings(found, where, mods, name):    # each kind of finding once a case
            same = next((g for g in findings if (g.category, g.signature) == (f.category, f.signature)), None)
            if same is None:
                findings.append(f)
            elif f.detail not in same.detail and same.detail.count("\n") < 5:
                same.detail += "\n" + f.detail
        known = baseline()
        found = [d for d in found if d not in known]
        if name == "validate":
            diags = found
            # A valid pack loads clean; one in an older format says so (and nothing else).
            unclean = [d for d in found if not (d.code == "old-format" and d.severity == "warning"
                                                and _pack_format(case) < game_format())]
            if case.expect_clean and unclean:
                findings.append(Finding("not-clean", f"valid pack: [{unclean[0].code}]",
                                        "\n".join(map(str, unclean[:20]))))
        elif any(d.severity == "error" for d in found):
            first = next(d for d in found if d.severity == "error")
            findings.append(Finding("game-error", f"load_game leaves an error standing: [{first.code}]",
                                    "the base game cannot start: a broken pack must be left out with warnings.\n"
                                    + "\n".join(str(d) for d in found if d.severity == "error")))
    return diags, findings


def _pack_format(case: Case) -> int:
    texts = [spec.files.get("pack.yaml") for spec in case.packs]
    texts += [m[1] for c in case.extra.values() if isinstance(c, tuple) and c[0] == "zip"
              for m in c[1] if m[0].endswith("pack.yaml")]
    for text in texts:
        if isinstance(text, bytes):
            m = re.search(rb"^format:\s*(\d+)", text, re.M)
            if m:
                return int(m.group(1))
    return game_format()


# --------------------------------------------------------------------------------------------
# Running cases.

@dataclass
class Result:
    index: int
    kind: str
    outcome: str                   # clean, errors, warnings, failed
    seconds: float
    codes: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: dict = field(default_factory=dict)      # for a failed case: relative path -> bytes | tuple
    focus: str = ""
    notes: list[str] = field(default_factory=list)
    mods: list[str] = field(default_factory=list)  # the case's --mod arguments (folder names)
    warned: list[str] = field(default_factory=list)  # Python warnings the loader let out (printed on stderr)


def run_one(seed: int, index: int, workdir: Path, timeout: float) -> Result:
    start = time.perf_counter()
    try:
        case = build_case(seed, index)
    except Exception as exc:  # noqa: BLE001 - a bug of this script, reported as such
        return Result(index, "?", "failed", time.perf_counter() - start,
                      findings=[Finding("harness-error", "building the case: " + _signature(exc),
                                        "".join(traceback.format_exception(exc)))])
    where = workdir / f"case-{index}"
    caught: list = []
    try:
        materialize(case.files(), where)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            diags, findings = run_checks(case, where, timeout)
    except Exception as exc:  # noqa: BLE001
        diags, findings = [], [Finding("harness-error", "running the case: " + _signature(exc),
                                       "".join(traceback.format_exception(exc)))]
    finally:
        shutil.rmtree(where, ignore_errors=True)
    if findings:
        outcome = "failed"
    elif any(d.severity == "error" for d in diags):
        outcome = "errors"
    elif diags:
        outcome = "warnings"
    else:
        outcome = "clean"
    result = Result(index, case.kind, outcome, time.perf_counter() - start,
                    codes=sorted({d.code for d in diags}), findings=findings, focus=case.focus, notes=case.notes,
                    mods=case.mods, warned=sorted({w.category.__name__ for w in caught}))
    if findings:
        result.files = case.files()
    return result


_worker: dict = {}


def _init_worker(memo: bool) -> None:
    from multiprocessing import util
    _worker["harness"] = harness(memo)
    _worker["harness"].__enter__()
    _worker["dir"] = Path(tempfile.mkdtemp(prefix="fuzz-"))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    util.Finalize(None, _end_worker, exitpriority=10)     # run as the worker process ends


def _end_worker() -> None:
    shutil.rmtree(_worker.pop("dir", ""), ignore_errors=True)
    if "harness" in _worker:
        _worker.pop("harness").__exit__(None, None, None)    # removes its cache folder


def _run_batch(seed: int, indices: list[int], timeout: float) -> list[Result]:
    return [run_one(seed, i, _worker["dir"], timeout) for i in indices]


def save_case(result: Result, seed: int, out: Path) -> Path:
    folder = out / f"seed{seed}-case{result.index}"
    shutil.rmtree(folder, ignore_errors=True)
    materialize(result.files, folder)
    (folder / "FINDINGS.txt").write_text(
        f"seed {seed}, case {result.index} ({result.kind}; {', '.join(result.notes)})\n"
        f"rerun: python tools/fuzz.py --seed {seed} --case {result.index}\n\n"
        + "\n\n".join(f"{f.category}: {f.signature}\n{f.detail}" for f in result.findings), encoding="utf-8")
    return folder


def shown_bytes(data, limit: int = 2500) -> str:
    if isinstance(data, tuple) and data[0] == "zip":
        return "<a zip of " + ", ".join(repr(m[0]) for m in data[1][:20]) + (f"; {data[2]}>" if data[2] else ">")
    if isinstance(data, tuple):
        return f"<{' '.join(map(str, data))}>"
    text = data.decode("utf-8", "backslashreplace")
    if len(text) > limit:
        text = text[:limit] + f"\n... ({len(text) - limit} more characters)"
    return text


# --------------------------------------------------------------------------------------------
# Shrinking a failure to a small reproducing file.

def _fails_same(files: dict, signature: str, mods: list[str], workdir: Path) -> bool:
    where = Path(tempfile.mkdtemp(dir=workdir))
    try:
        case = Case(0, "shrink", [], mods, game="load_game" in signature.split(":")[0], extra=dict(files))
        try:
            materialize(files, where)
        except OSError:
            return False
        _, findings = run_checks(case, where, timeout=10)
        return any(f.signature == signature for f in findings)
    finally:
        shutil.rmtree(where, ignore_errors=True)


def shrink(result: Result, signature: str, mods: list[str], workdir: Path, budget: int = 300) -> dict:
    """The failing case's files, made smaller while the same failure stays: whole files left
    out, then lines, then characters of what is left."""
    files = dict(result.files)
    tries = 0

    def still(candidate) -> bool:
        nonlocal tries
        tries += 1
        return _fails_same(candidate, signature, mods, workdir)

    for rel in sorted(files, key=lambda r: (r.endswith("pack.yaml"), r)):
        if tries >= budget:
            break
        candidate = {k: v for k, v in files.items() if k != rel}
        if still(candidate):
            files = candidate
    for rel in sorted(files):
        if not isinstance(files[rel], bytes):
            continue
        for unit in (b"\n", None):       # lines, then single bytes
            parts = files[rel].split(b"\n") if unit else [bytes([b]) for b in files[rel]]
            joiner = b"\n" if unit else b""
            chunk = max(1, len(parts) // 2)
            while chunk >= 1 and tries < budget and len(parts) > 1:
                i, changed = 0, False
                while i < len(parts) and tries < budget:
                    candidate_parts = parts[:i] + parts[i + chunk:]
                    candidate = dict(files, **{rel: joiner.join(candidate_parts)})
                    if still(candidate):
                        parts, files, changed = candidate_parts, candidate, True
                    else:
                        i += chunk
                if not changed:
                    chunk //= 2
            if unit is None or len(files[rel]) > 2000:
                break
            if len(files[rel]) > 400:      # characters only for what is already small
                break
    return files


# --------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1000, help="how many cases (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=1, help="the run's seed (default: %(default)s)")
    parser.add_argument("--start", type=int, default=0, help="the first case's index (default: 0)")
    parser.add_argument("--case", type=int, action="append", metavar="INDEX", help="run only this case (again)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="processes (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds a case may take (default: %(default)s)")
    parser.add_argument("--out", default=str(FAILURE_DIR), help="where failing packs are saved (default: %(default)s)")
    parser.add_argument("--save-limit", type=int, default=20, help="failing packs saved of each kind of failure "
                        "(0: all; default: %(default)s)")
    parser.add_argument("--show", type=int, default=2, help="failures printed in full of each kind (default: %(default)s)")
    parser.add_argument("--no-shrink", action="store_true", help="do not shrink the first failure of each kind")
    parser.add_argument("--no-memo", action="store_true", help="parse the base game's files again for every case")
    parser.add_argument("--quiet", action="store_true", help="no progress line")
    args = parser.parse_args(argv)

    indices = args.case or list(range(args.start, args.start + args.cases))
    out = Path(args.out)
    started = time.perf_counter()
    print(f"fuzz: {len(indices)} cases, seed {args.seed}, {args.jobs} job(s); failing packs go to {out}/", flush=True)
    results: list[Result] = []
    progress_every = max(1, len(indices) // 20)

    def progress():
        if not args.quiet and (len(results) % progress_every == 0 or len(results) == len(indices)):
            failed = sum(r.outcome == "failed" for r in results)
            print(f"  {len(results)}/{len(indices)} cases, {failed} failed, {time.perf_counter() - started:.0f} s",
                  file=sys.stderr, flush=True)

    with harness(not args.no_memo):
        workdir = Path(tempfile.mkdtemp(prefix="fuzz-"))
        try:
            if args.jobs <= 1 or len(indices) < 40:
                for i in indices:
                    results.append(run_one(args.seed, i, workdir, args.timeout))
                    progress()
            else:
                import concurrent.futures as cf
                import multiprocessing
                size = 25
                batches = [indices[k:k + size] for k in range(0, len(indices), size)]
                context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
                with cf.ProcessPoolExecutor(args.jobs, mp_context=context, initializer=_init_worker,
                                            initargs=(not args.no_memo,)) as pool:
                    futures = {pool.submit(_run_batch, args.seed, b, args.timeout): b for b in batches}
                    for future in cf.as_completed(futures):
                        try:
                            results += future.result()
                        except Exception as exc:  # noqa: BLE001 - a worker died (a crash in C code?)
                            for i in futures[future]:
                                results.append(Result(i, "?", "failed", 0, findings=[Finding(
                                    "crash", f"worker died: {type(exc).__name__}", str(exc))]))
                        progress()
            elapsed = time.perf_counter() - started
            results.sort(key=lambda r: r.index)
            report(results, args, out, workdir, elapsed)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    failed = [r for r in results if r.outcome == "failed"]
    return 1 if failed else 0


def report(results: list[Result], args, out: Path, workdir: Path, elapsed: float) -> None:
    by_signature: dict[str, list[tuple[Result, Finding]]] = {}
    for r in results:
        for f in r.findings:
            by_signature.setdefault(f"{f.category}: {f.signature}", []).append((r, f))
    saved: dict[str, Path] = {}
    for signature, found in by_signature.items():
        print(f"\n==== FAILURE {signature}  ({len(found)} case{'s' * (len(found) != 1)})")
        for n, (r, f) in enumerate(found):
            folder = None
            if r.files and (args.save_limit == 0 or n < args.save_limit):
                folder = saved.get(r.index) or save_case(r, args.seed, out)
                saved[r.index] = folder
            if n < args.show:
                print(f"-- seed {args.seed} case {r.index} ({r.kind}; {', '.join(r.notes) or '-'}) saved in {folder}")
                if r.focus and r.focus in r.files:
                    print(f"-- {r.focus}:\n{shown_bytes(r.files[r.focus])}")
                print(f.detail.rstrip())
            else:
                print(f"-- seed {args.seed} case {r.index} ({r.kind})" + (f" saved in {folder}" if folder else ""))
                if n >= args.show + 10:
                    print(f"-- ... and {len(found) - n - 1} more")
                    break
        r, f = found[0]
        if not args.no_shrink and r.files and f.category in ("exception", "bad-diagnostic", "game-error", "not-clean"):
            mods = r.mods
            small = shrink(r, f.signature, mods, workdir)
            print(f"-- shrunk (case {r.index}), still failing the same way:")
            for rel, content in sorted(small.items()):
                print(f"--- {rel}:\n{shown_bytes(content, 1500)}")
            if f.category == "exception":
                detail = _detail_for(small, f.signature, mods, workdir)
                if detail:
                    print(detail.rstrip())

    kinds = Counter(r.kind for r in results)
    outcomes = Counter(r.outcome for r in results)
    categories = Counter(f.category for r in results for f in r.findings)
    codes = Counter(c for r in results for c in r.codes)
    slowest = max(results, key=lambda r: r.seconds, default=None)
    n = len(results)
    print("\n==== SUMMARY")
    print(f"cases: {n} (seed {args.seed}); " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"loaded clean: {outcomes['clean']}, with errors: {outcomes['errors']}, with warnings only: "
          f"{outcomes['warnings']}, failed: {outcomes['failed']}")
    if categories:
        print("failures: " + ", ".join(f"{k} {v}" for k, v in categories.most_common())
              + f"; {len(by_signature)} distinct")
    print(f"time: {elapsed:.1f} s, {n / elapsed if elapsed else 0:.1f} cases/s"
          + (f"; slowest case {slowest.index} ({slowest.kind}) {slowest.seconds:.2f} s" if slowest else ""))
    print("diagnostic codes: " + ", ".join(f"{c} {k}" for c, k in codes.most_common()))
    warned = Counter(w for r in results for w in r.warned)
    if warned:
        print("Python warnings the loader let out (on stderr; not failures): "
              + ", ".join(f"{w} in {k} cases" for w, k in warned.most_common()))
    slow = sorted((r for r in results if r.seconds > 2), key=lambda r: -r.seconds)
    if slow:
        print(f"cases slower than 2 s: {len(slow)} (" + ", ".join(f"{r.index} {r.seconds:.1f} s" for r in slow[:8]) + ")")
    if saved:
        print(f"saved {len(saved)} failing packs under {out}/")


def _detail_for(files: dict, signature: str, mods: list[str], workdir: Path) -> str:
    where = Path(tempfile.mkdtemp(dir=workdir))
    try:
        case = Case(0, "shrink", [], mods, game="load_game" in signature.split(":")[0], extra=dict(files))
        materialize(files, where)
        _, findings = run_checks(case, where, timeout=10)
        return next((f.detail for f in findings if f.signature == signature), "")
    finally:
        shutil.rmtree(where, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
