"""Packs: the base game and every mod are folders with a manifest, loaded in a known order.

    # pack.yaml
    id: myclass                 # the namespace of the pack's cards: myclass.mill_fire
    name: Our district, 1930
    version: 1.0.0
    format: 2                   # the content-format version the files are written in
    authors: [Ms Kovalenko's class]
    licence: CC-BY-4.0
    requires: []                # packs that must be loaded, and before this one
    after: []                   # packs loaded before this one when present
    replaces: [base.barn_protest]             # this pack's card of that id takes its place
    disable: [base.church_bells]              # cards taken out of the game
    decks: {great-break: ["myclass.*"]}       # this pack's cards join a level's deck

Load order: the base game first, then the others so that each comes after what it requires
and names in `after` (cycles are reported), ties broken by the user's order, then by id.
Nothing in a pack runs: a manifest is data, read like every other content file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints

from game import paths
from game.content.archive import unpack
from game.content.diagnostics import Diagnostic, did_you_mean
from game.content.migrations import FORMAT
from game.model.common import ContentModel, DeckEntry, Identifier

MANIFEST = "pack.yaml"
IMAGES = "images"               # a pack's own pictures (game/content/images.py)
TRANSLATIONS = "translations"   # its translations (game/content/translations.py)
BASE = "base"

PackId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$", min_length=2, max_length=40),
                   Field(description="A pack's id: lower-case letters, digits and '_'; "
                                     "the first part of every card id in the pack.")]


class Manifest(ContentModel):
    """A pack's `pack.yaml`."""

    id: PackId
    name: str = Field(min_length=1, max_length=80, description="The pack's name, as players see it.")
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$", description="The pack's version, e.g. 1.0.0.")
    format: int = Field(ge=1, description="The content-format version of the pack's files.")
    authors: list[Annotated[str, StringConstraints(min_length=1, max_length=120)]] = Field(
        default_factory=list, max_length=50, description="Who wrote the pack.")
    description: str = Field("", max_length=2000, description="What the pack adds, in a few sentences.")
    licence: str = Field(min_length=1, max_length=80, description="The licence of the pack's text, "
                         "e.g. CC-BY-4.0.")
    requires: list[PackId] = Field(default_factory=list, description="Packs that must be present; "
                                   "they load first.")
    after: list[PackId] = Field(default_factory=list, description="Packs that load first when present.")
    replaces: list[Identifier] = Field(default_factory=list, description="Cards of packs loaded earlier "
                                       "that a card of this pack with the same id replaces.")
    disable: list[Identifier] = Field(default_factory=list, description="Cards of packs loaded earlier that "
                                      "this pack takes out of the game.")
    decks: dict[Identifier, list[DeckEntry]] = Field(default_factory=dict, description="Cards added to the "
                                                     "decks of levels of packs loaded earlier: level id, entries.")


@dataclass(frozen=True)
class Pack:
    manifest: Manifest
    folder: Path
    roots: tuple[Path, ...]         # where its card and level files are
    manifest_path: Path
    archive: Path | None = None     # the .zip it was unpacked from (folder is then in the cache)

    @property
    def id(self) -> str:
        return self.manifest.id


def base_pack() -> Pack:
    manifest, problems = read_manifest(paths.ASSETS / MANIFEST)
    assert manifest is not None, problems   # the game's own manifest; a test keeps it valid
    return Pack(manifest, paths.ROOT, (paths.CARDS, paths.LEVELS), paths.ASSETS / MANIFEST)


def read_manifest(path: Path) -> tuple[Manifest | None, list[Diagnostic]]:
    from game.content.loader import read_model   # the loader imports this module

    doc, manifest, problems = read_model(path, Manifest)
    if manifest is None:
        return None, problems
    if manifest.format > FORMAT:
        line, col = doc.position(("format",))
        return None, [Diagnostic(str(path), line, col, "error", "format-too-new", "format",
                                 f"the pack is written for content format {manifest.format}; this game "
                                 f"reads format {FORMAT} and older: update the game")]
    return manifest, []


def open_pack(folder: Path) -> tuple[Pack | None, list[Diagnostic]]:
    """A pack folder, or a `.zip` of one: its manifest, and its `cards/` and `levels/` folders."""
    archive = None
    if is_archive(folder):
        archive, (folder, problems) = folder, unpack(folder)
        if folder is None:
            return None, problems
    path = folder / MANIFEST
    if not path.is_file():
        where = " at the top of the zip, or in its one top-level folder" if archive else ""
        return None, [Diagnostic(str(archive or folder), 0, 0, "error", "no-manifest", "",
                                 f"a pack needs a {MANIFEST}{where} (id, name, version, format, licence)")]
    manifest, problems = read_manifest(path)
    if manifest is None:
        return None, [in_archive(d, archive, folder) for d in problems]
    roots = tuple(folder / name for name in ("cards", "levels") if (folder / name).is_dir())
    return Pack(manifest, folder, roots, path, archive), []


def is_pack(path: Path) -> bool:
    """A pack's folder (it holds a manifest) or a .zip."""
    return (path / MANIFEST).is_file() or is_archive(path)


def is_archive(path: Path) -> bool:
    return path.suffix.lower() == ".zip" and path.is_file()


def in_archive(d: Diagnostic, archive: Path | None, folder: Path) -> Diagnostic:
    """A problem in a zipped pack names the file inside the zip, not the unpacked copy."""
    path, folder = Path(os.path.abspath(d.path)), Path(os.path.abspath(folder))
    if archive is None or not path.is_relative_to(folder):
        return d
    inside = path.relative_to(folder)
    return replace(d, path=f"{archive}/{inside.as_posix()}")


def mod_folders() -> list[Path]:
    """Where mods are found: `mods/` beside a checkout, and the user's data folder."""
    import platformdirs

    data = os.environ.get("GREAT_BREAK_DATA_DIR") or platformdirs.user_data_dir("the-great-break")
    return [paths.ROOT / "mods", Path(data) / "mods"]


def discover(folders: list[Path]) -> tuple[list[Pack], list[Diagnostic]]:
    """Every pack in the given folders (each subfolder or .zip with a manifest), sorted by name."""
    packs, problems = [], []
    for folder in folders:
        if not folder.is_dir():
            continue
        for sub in sorted(p for p in folder.iterdir()
                          if (p.is_dir() or is_archive(p)) and not p.name.startswith(".")):
            pack, found = open_pack(sub)
            problems += found
            if pack is not None:
                packs.append(pack)
    return packs, problems


def order(base: Pack, packs: list[Pack]) -> tuple[list[Pack], list[Diagnostic]]:
    """The load order: base first, each pack after what it requires and names in `after`.

    `packs` come in the user's order, which breaks ties. A pack with a missing requirement,
    a duplicate id or a place in a cycle is left out, with the reason."""
    problems: list[Diagnostic] = []
    chosen: dict[str, Pack] = {base.id: base}
    rank: dict[str, int] = {}
    for i, pack in enumerate(packs):
        if pack.id in chosen:
            problems.append(_problem(pack, "id", "duplicate-pack", f"the pack id '{pack.id}' is also used by "
                                     f"{chosen[pack.id].folder}"))
            continue
        chosen[pack.id] = pack
        rank[pack.id] = i
    # Drop packs whose requirements are missing, until nothing more drops.
    changed = True
    while changed:
        changed = False
        for pid, pack in list(chosen.items()):
            missing = [r for r in pack.manifest.requires if r not in chosen]
            if pid != BASE and missing:
                problems.append(_problem(pack, "requires", "missing-pack", f"requires '{missing[0]}', which is "
                                         f"not installed or not loaded.{did_you_mean(missing[0], chosen)}"))
                del chosen[pid]
                changed = True
    before = {pid: {d for d in (*p.manifest.requires, *p.manifest.after, BASE) if d in chosen and d != pid}
              for pid, p in chosen.items() if pid != BASE}
    ordered = [base]
    done = {BASE}
    while before:
        ready = sorted((pid for pid, deps in before.items() if deps <= done), key=lambda p: (rank[p], p))
        if not ready:
            cycle = sorted(before)
            for pid in cycle:
                problems.append(_problem(chosen[pid], "after", "pack-cycle", "the packs "
                                         f"{', '.join(cycle)} each wait for another: they are not loaded"))
            break
        ordered.append(chosen[ready[0]])
        done.add(ready[0])
        del before[ready[0]]
    return ordered, problems


def owns(pack: Pack, path: str) -> bool:
    """Whether a file, as a problem or a watch stamp names it, is one of the pack's: in its zip,
    or its manifest, card and level folders, pictures or translations. (Not all of its folder:
    the base game's folder holds mods/ too.) A link in the pack counts as the pack's."""
    if pack.archive is not None:
        return path == str(pack.archive) or path.startswith(f"{pack.archive}/")
    here = Path(os.path.abspath(path))
    places = [Path(os.path.abspath(p)) for p in (*pack.roots, pack.folder / IMAGES, pack.folder / TRANSLATIONS)]
    return here in (Path(os.path.abspath(pack.manifest_path)), Path(os.path.abspath(pack.folder))) or \
        any(here.is_relative_to(p) for p in places)


def leads_out(path: Path, folder: Path) -> str | None:
    """Why a file found in a pack is not read: a link out of the pack's folder (None: it is not)."""
    if path.resolve().is_relative_to(folder.resolve()):
        return None
    return f"the file leads outside its pack's folder ({folder})"


def _problem(pack: Pack, field: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(str(pack.archive or pack.manifest_path), 0, 0, "error", code, field, message)


def select(mods: list[str], folders: list[Path] | None = None,
           disabled: list[str] | tuple[str, ...] = (),
           preferred: list[str] | tuple[str, ...] = ()) -> tuple[list[Pack], list[Diagnostic]]:
    """The base game, the packs found in the mod folders (but those the player `disabled`, in
    the player's `preferred` order), and each `--mod` (which, if it is an installed pack, moves
    to the end of the user's order), in load order."""
    found, problems = discover(mod_folders() if folders is None else folders)
    named, more = resolve(mods, found)
    chosen = [p for p in in_preferred_order(found, preferred) if p.id not in disabled and p not in named]
    ordered, late = order(base_pack(), chosen + named)
    return ordered, problems + more + late


def resolve(mods: list[str], found: list[Pack]) -> tuple[list[Pack], list[Diagnostic]]:
    """The pack each `--mod` names: a pack's folder or .zip (an installed one's is that pack), or
    the id of an installed pack."""
    by_id = {p.id: p for p in found}
    by_place = {os.path.realpath(p.archive or p.folder): p for p in found}
    named, problems = [], []
    for mod in mods:
        place = os.path.realpath(mod)
        if place in by_place or mod in by_id:
            named.append(by_place.get(place) or by_id[mod])
        elif Path(mod).is_dir() or is_archive(Path(mod)):
            pack, more = open_pack(Path(mod))
            named += [pack] if pack else []
            problems += more
        else:
            problems.append(Diagnostic(mod, 0, 0, "error", "unknown-pack", "", "neither a pack folder nor the "
                                       f"id of an installed pack.{did_you_mean(mod, by_id)}"))
    return named, problems


def in_preferred_order(packs: list[Pack], preferred: list[str] | tuple[str, ...]) -> list[Pack]:
    """The packs the player placed first, in that order; then the others as found."""
    place = {pid: i for i, pid in enumerate(preferred)}
    return sorted(packs, key=lambda p: place.get(p.id, len(place)))


def packs_differ(saved, present) -> str:
    """Why a game made with the packs `saved` cannot go on with `present`, or ''."""
    have = dict(present)
    missing = [f"{pid} {ver}" for pid, ver in saved if pid not in have]
    changed = [f"{pid} {ver} (this game has {have[pid]})" for pid, ver in saved if pid in have and have[pid] != ver]
    extra = [f"{pid} {ver}" for pid, ver in present if pid not in dict(saved)]
    parts = ([f"missing packs: {', '.join(missing)}"] if missing else []) + \
            ([f"changed packs: {', '.join(changed)}"] if changed else []) + \
            ([f"packs it was not made with: {', '.join(extra)}"] if extra else [])
    return ("the game was made with other packs: " + "; ".join(parts)) if parts else ""
