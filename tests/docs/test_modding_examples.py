"""Every YAML example in the modding guide (docs/modding/*.md) is checked by the game's own loader.

A ```yaml block is recognised by its shape:
- a card file (`cards:`), a level (`villages:`) or a pack manifest (`id` with `format`/`licence`);
- a condition or an effect (a mapping with a `kind` of the vocabulary), or a list of effects;
- part of a card, a choice, a history note or a source (only their fields), set into a small card;
- some fields of a manifest, set into a small manifest, or of a level, each checked on its own.

A marker on the line before a block changes what is asked of it:
- `<!-- invalid -->`: it must fail with an error (`<!-- invalid: CODE -->`: with a problem of that code);
- `<!-- file: PATH -->`: a file of the tutorial's pack, assembled and checked as a whole; the
  tutorial's shown `--explain` output and error line are compared with what the game prints;
- `<!-- yaml-only -->`: a shape shown for its own sake, which need only be YAML.

Examples are loaded with the base game, as a pack, so the checks a schema cannot make (quantity
names, flags, village selectors, the historical choice) are made too; a valid example must load
with no error and no warning.
"""

from __future__ import annotations

import functools
import json
import re
import typing
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError
from ruamel.yaml import YAML

from game.content.loader import load
from game.content.packs import FORMAT, Manifest, read_manifest, select
from game.model.card import Card, Choice
from game.model.common import History, Source
from game.model.conditions import Condition
from game.model.effects import Effect
from game.model.level import Level

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "modding"
PAGES = sorted(GUIDE.glob("*.md"))

FENCE = re.compile(r"^```(?P<lang>[\w-]*)[ \t]*\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
MARKER = re.compile(r"<!--\s*(?P<marker>[^>]*?)\s*-->\s*$")


@dataclass(frozen=True)
class Block:
    page: str
    line: int
    lang: str
    marker: str          # "", "invalid", "invalid: CODE" or "file: PATH"
    body: str

    @property
    def name(self) -> str:
        return f"{self.page}:{self.line}"

    @property
    def invalid(self) -> bool:
        return self.marker.startswith("invalid")

    @property
    def expected_code(self) -> str | None:
        if not self.invalid:
            return None
        return self.marker.partition(":")[2].strip() or None


def blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    found = []
    for m in FENCE.finditer(text):
        before = text[:m.start()].rstrip("\n").rpartition("\n")[2]
        marker = MARKER.search(before)
        found.append(Block(page.name, text.count("\n", 0, m.start()) + 1, m.group("lang"),
                           marker.group("marker") if marker else "", m.group("body")))
    return found


ALL = [b for page in PAGES for b in blocks(page)]
YAML_BLOCKS = [b for b in ALL if b.lang == "yaml"]
EXAMPLES = [b for b in YAML_BLOCKS if not b.marker.startswith("file:")]


# ------------------------------------------------------------------------------ shapes

def _kinds(union) -> set[str]:
    members = typing.get_args(typing.get_args(union)[0])
    return {m.model_fields["kind"].default for m in members}


CONDITION_KINDS, EFFECT_KINDS = _kinds(Condition), _kinds(Effect)


def _fields(model) -> set[str]:
    return {f.alias or name for name, f in model.model_fields.items()}


def plain(node):
    """ruamel's round-trip values as plain Python values (for writing as JSON, which is YAML)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node if node is None else bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


def parse(block: Block):
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml.load(block.body)


SOURCE = {"author": "Test author", "title": "Test title", "year": 2000, "kind": "reference"}
HISTORY = {"note": "A placeholder note, written only by the test of the guide.", "sources": [SOURCE]}
FIRST = {"label": "First", "outcome": "A placeholder outcome.", "policies": ["historical"]}
SECOND = {"label": "Second", "outcome": "A placeholder outcome."}


def small_card(n: int, **fields) -> dict:
    """A valid village card for an example to be set into (a village card, so that `village.`
    quantities in an example have their village)."""
    card = {"id": f"docs.example_{n}", "title": "Example", "kind": "situation",
            "village": {"kind": "compare", "quantity": "village.population", "op": ">", "value": 0},
            "text": "A placeholder text, written only by the test of the guide.",
            "choices": [FIRST, SECOND], "history": HISTORY}
    card.update(fields)
    return card


def shape(data) -> str:
    if isinstance(data, list):
        return "effects" if data and all(isinstance(d, dict) and "kind" in d for d in data) else "unknown"
    if not isinstance(data, dict):
        return "unknown"
    keys = set(data)
    if "cards" in keys:
        return "card-file"
    if "villages" in keys or "district" in keys:
        return "level"
    if "id" in keys and keys & {"format", "licence"}:
        return "manifest"
    if data.get("kind") in CONDITION_KINDS | EFFECT_KINDS:
        is_effect = data["kind"] not in CONDITION_KINDS or (data["kind"] == "flag" and "value" in keys)
        return "effect" if is_effect else "condition"
    for name, model in (("card-part", Card), ("choice", Choice), ("history-part", History),
                        ("source", Source), ("manifest-part", Manifest), ("level-part", Level)):
        if keys <= _fields(model):
            return name
    return "unknown"


def as_card(n: int, data, kind: str) -> dict:
    """The example set into a small card."""
    if kind == "card-part":
        return small_card(n, **data)
    if kind == "choice":
        historical = "historical" in (data.get("policies") or [])
        return small_card(n, choices=[data, SECOND] if historical else [FIRST, data])
    if kind == "history-part":
        return small_card(n, history={**HISTORY, **data})
    if kind == "source":
        return small_card(n, history={**HISTORY, "sources": [data]})
    if kind == "condition":
        return small_card(n, choices=[FIRST, {**SECOND, "when": data}])
    if kind == "effect":
        data = [data]
    return small_card(n, choices=[FIRST, {**SECOND, "effects": data}])


def level_field_problems(data: dict) -> list[str]:
    """Some fields of a level, each checked against its field of the level model."""
    fields = {(f.alias or name): f for name, f in Level.model_fields.items()}
    problems = []
    for key, value in data.items():
        try:
            TypeAdapter(typing.Annotated[fields[key].annotation, fields[key]]).validate_python(value)
        except ValidationError as exc:
            problems.append(f"{key}: {exc}")
    return problems


@functools.lru_cache(maxsize=1)
def base_levels() -> tuple[str, ...]:
    return tuple(sorted(load()[0].levels))


def write_pack(folder: Path, pid: str, files: dict[str, str]) -> Path:
    """A pack of examples; its cards join every base level's deck, as a pack's cards would."""
    folder.mkdir(parents=True)
    decks = json.dumps({level: [f"{pid}.*"] for level in base_levels()})
    (folder / "pack.yaml").write_text(f"id: {pid}\nname: Examples of the guide\nversion: 1.0.0\n"
                                      f"format: {FORMAT}\nlicence: CC-BY-4.0\ndecks: {decks}\n",
                                      encoding="utf-8")
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def load_packs(*folders: Path):
    packs, problems = select([str(f) for f in folders], folders=[])
    assert not problems, "\n".join(map(str, problems))
    assert [p.id for p in packs][1:] == [read_manifest(f / "pack.yaml")[0].id for f in folders]
    return load(packs=packs)


# ------------------------------------------------------------------------------ the checks

@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict[str, list]:
    """Every example, checked by the loader: block name -> its problems (or a reason string)."""
    root = tmp_path_factory.mktemp("guide-examples")
    results: dict[str, list] = {}
    parts: dict[str, str] = {}      # file in the shared pack -> block name
    files: dict[str, str] = {}
    for n, block in enumerate(EXAMPLES):
        try:
            data = parse(block)
        except Exception as exc:     # a YAML error in the guide
            results[block.name] = [f"not YAML: {exc}"]
            continue
        kind = shape(data)
        if block.marker == "yaml-only":
            results[block.name] = []
        elif kind == "unknown":
            results[block.name] = ["the test does not recognise this example's shape: make it a card "
                                   "file, a level, a manifest, a condition, an effect or part of a card"]
        elif kind == "card-file":
            ids = [c.get("id", "") for c in data["cards"] if isinstance(c, dict)]
            pid = (ids[0].partition(".")[0] if ids else "") or "docs"
            folder = write_pack(root / f"file{n}", pid, {"cards/example.yaml": block.body})
            results[block.name] = load_packs(folder)[1]
        elif kind == "level-part":
            results[block.name] = level_field_problems(plain(data))
        elif kind == "level":
            folder = write_pack(root / f"level{n}", "docs", {"levels/example.yaml": block.body})
            results[block.name] = load_packs(folder)[1]
        elif kind in ("manifest", "manifest-part"):
            manifest = {"id": "docs", "name": "Examples", "version": "1.0.0", "format": FORMAT,
                        "licence": "CC-BY-4.0", **plain(data)} if kind == "manifest-part" else None
            folder = root / f"manifest{n}"
            folder.mkdir()
            (folder / "pack.yaml").write_text(block.body if manifest is None else json.dumps(manifest),
                                              encoding="utf-8")
            results[block.name] = read_manifest(folder / "pack.yaml")[1]
        else:
            card = as_card(n, plain(data), kind)
            name = f"cards/example_{n}.yaml"
            files[name] = json.dumps({"cards": [card]}, ensure_ascii=False, indent=1)
            parts[name] = block.name
    if files:
        folder = write_pack(root / "parts", "docs", files)
        content, problems = load_packs(folder)
        for name, block_name in parts.items():
            results[block_name] = [d for d in problems if d.path.endswith(name)]
        stray = [d for d in problems if not any(d.path.endswith(name) for name in parts)]
        assert not stray, "\n".join(map(str, stray))
    return results


def test_the_guide_has_its_pages_and_examples():
    assert {p.name for p in PAGES} >= {"README.md", "tutorial.md", "vocabulary.md", "drawing.md",
                                       "primary-sources.md"}
    assert len(EXAMPLES) >= 20
    known = r"(invalid(:.*)?|file: .+|yaml-only)$"
    assert not [b.name for b in YAML_BLOCKS if b.marker and not re.match(known, b.marker)]


@pytest.mark.parametrize("block", [b for b in EXAMPLES if not b.invalid], ids=lambda b: b.name)
def test_an_example_loads_with_no_error_and_no_warning(block, checked):
    problems = checked[block.name]
    assert problems == [], f"{block.name}:\n" + "\n".join(map(str, problems))


@pytest.mark.parametrize("block", [b for b in EXAMPLES if b.invalid], ids=lambda b: b.name)
def test_an_example_marked_invalid_fails_as_it_says(block, checked):
    problems = checked[block.name]
    if block.expected_code:     # an error, or a warning, with that code
        codes = {getattr(d, "code", None) for d in problems}
        assert block.expected_code in codes, f"{block.name}: no [{block.expected_code}] among:\n" + \
            "\n".join(map(str, problems))
    else:
        errors = [d for d in problems if isinstance(d, str) or d.severity == "error"]
        assert errors, f"{block.name} is marked invalid, but the game accepts it"


def test_every_condition_and_effect_has_an_example():
    shown: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("kind"), str):
                shown.add(node["kind"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for block in (b for b in EXAMPLES if b.page == "vocabulary.md"):
        walk(plain(parse(block)))
    assert CONDITION_KINDS | EFFECT_KINDS <= shown, sorted((CONDITION_KINDS | EFFECT_KINDS) - shown)


# ------------------------------------------------------------------------------ the tutorial

TUTORIAL = GUIDE / "tutorial.md"
PACK_PREFIX = "mods/myclass/"


def tutorial_pack(tmp_path: Path) -> Path:
    """The tutorial's pack, file by file as the tutorial gives it."""
    files = [b for b in blocks(TUTORIAL) if b.marker.startswith("file:")]
    assert {b.marker for b in files} == {f"file: {PACK_PREFIX}pack.yaml", f"file: {PACK_PREFIX}cards/first.yaml"}
    folder = tmp_path / "myclass"
    for block in files:
        path = folder / block.marker.partition(":")[2].strip().removeprefix(PACK_PREFIX)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block.body, encoding="utf-8")
    return folder


@pytest.fixture
def cli(monkeypatch, capsys):
    """`python -m game ...` in this process, with no packs from the user's data folder."""
    from game.cli import main

    monkeypatch.setenv("GREAT_BREAK_DATA_DIR", str(REPO / "tests" / "docs" / "no-such-folder"))

    def run(*args: str) -> tuple[int, str]:
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out + out.err
    return run


def test_the_tutorials_pack_loads_clean_and_adds_its_card_to_the_level(tmp_path):
    folder = tutorial_pack(tmp_path)
    content, problems = load_packs(folder)
    assert problems == [], "\n".join(map(str, problems))
    ids = [cid for cid, origin in content.origins.items() if origin.pack == "myclass"]
    assert ids == ["myclass.leaving_lists"]
    assert "myclass.leaving_lists" in content.scenario("great-break").deck


def test_validate_with_the_tutorials_pack_says_no_errors_no_warnings(tmp_path, cli):
    code, out = cli("validate", "--mod", str(tutorial_pack(tmp_path)))
    assert code == 0, out
    assert out.startswith("Load order: base ") and ", myclass 0.1.0\n" in out, out
    assert ": 0 errors, 0 warnings" in out, out


def _shown_output_after(text: str, command: str) -> list[str]:
    """The lines of the output block that follows the ```sh block holding `command` (but "…")."""
    fences = list(FENCE.finditer(text))
    at = next(i for i, m in enumerate(fences) if m.group("lang") == "sh" and command in m.group("body"))
    output = fences[at + 1].group("body")
    return [line for line in output.splitlines() if line.strip() and line.strip() != "…"]


def test_the_explain_commands_with_the_tutorials_pack_print_what_the_guide_shows(tmp_path, cli):
    folder = tutorial_pack(tmp_path)
    shown = 0
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for command in re.findall(r"^python -m game (validate --mod myclass --explain .+)$", text, re.M):
            args = command.split()
            args[args.index("--mod") + 1] = str(folder)
            code, out = cli(*args)
            assert code == 0, out
            printed = out.splitlines()
            for line in _shown_output_after(text, command):
                assert line in printed, f"{page.name} shows {line!r}; the game prints:\n{out}"
            shown += 1
    assert shown >= 3


def test_the_tutorials_error_is_the_one_the_game_prints(tmp_path):
    text = TUTORIAL.read_text(encoding="utf-8")
    folder = tutorial_pack(tmp_path)
    typo = next(b for b in blocks(TUTORIAL) if b.invalid).body.strip()       # the line with the typo
    right = typo.replace("trsut", "trust")
    card = folder / "cards" / "first.yaml"
    source = card.read_text(encoding="utf-8")
    assert source.count(right) == 1
    card.write_text(source.replace(right, typo), encoding="utf-8")
    _, problems = load_packs(folder)
    shown = [line for line in text.splitlines() if line.startswith(f"{PACK_PREFIX}cards/first.yaml:")
             and "[unknown-quantity]" in line]
    assert len(shown) == 1
    printed = [str(d).replace(str(folder) + "/", PACK_PREFIX) for d in problems]
    assert printed == shown, printed


# ------------------------------------------------------------------------------ commands and links

def test_every_command_the_guide_shows_is_one_the_game_understands():
    from game.cli import parser

    commands = [line.removeprefix("python -m game ").split()
                for b in ALL if b.lang == "sh" for line in b.body.splitlines()
                if line.startswith("python -m game ")]
    assert len(commands) >= 5
    for args in commands:
        parser().parse_args(args)      # argparse exits (status 2) on anything it does not know


LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
PENDING = {"reference.md"}   # the format reference, generated from the models by its own tool


def _anchors(page: Path) -> set[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    heads = re.findall(r"^#+ (.+)$", text, re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in heads}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_the_links_of_a_page_lead_somewhere(page):
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        where = (GUIDE / path).resolve() if path else page
        if path in PENDING and not where.exists():
            continue
        assert where.exists(), f"{page.name}: no {target}"
        if anchor and where.suffix == ".md":
            assert anchor in _anchors(where), f"{page.name}: no heading for #{anchor} in {where.name}"


def test_the_messages_the_guide_quotes_are_the_ones_the_game_writes():
    """Each `error [code] field: message` the pages quote: its longest stretch of fixed words
    (between the names and numbers that vary) must stand in the game's code, or be pydantic's."""
    import re
    code = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "game").rglob("*.py"))
    code = re.sub(r'"\s*\n\s*[fr]*"', "", code)          # "adjacent " "literals" joined
    quoted = []
    for page in sorted(GUIDE.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        quoted += re.findall(r"`(?:error|warning) \[[a-z-]+\] (?:[\w.…]+: )?([^`]+)`", text)
    assert len(quoted) >= 8
    for message in quoted:
        message = " ".join(message.split()).removeprefix("mapping values are not allowed here")   # ruamel's
        message = re.sub(r" Did you mean .*$", "", message)      # added by did_you_mean()
        if message.startswith(("Input should", "String should", "Field required")):
            continue
        chunks = sorted((c.strip(" :;,.()") for c in re.split(r"['\"{}…]|\d+", message)), key=len)
        if len(chunks[-1]) >= 12:
            assert chunks[-1] in code, f"the guide quotes a message the game no longer writes: {message!r}"
