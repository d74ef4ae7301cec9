"""Packs shipped as .zip files: loaded like folders, and refused with a reason when unsafe."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

from game.content import archive
from game.content.loader import load, load_game
from game.content.packs import base_pack, open_pack, select
from tests.content.test_packs import make_pack


def zip_folder(folder: Path, target: Path, wrap: bool = False) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = path.relative_to(folder.parent if wrap else folder).as_posix()
                zf.write(path, name)
    return target


def test_a_zipped_pack_loads_like_its_folder_and_problems_name_the_file_in_the_zip(tmp_path):
    folder = make_pack(tmp_path / "src" / "ours", "test", cards=True)
    flat = zip_folder(folder, tmp_path / "flat.zip")
    wrapped = zip_folder(folder, tmp_path / "wrapped.zip", wrap=True)
    for z in (flat, wrapped):
        pack, problems = open_pack(z)
        assert problems == [] and pack.id == "test" and pack.archive == z
        content, problems = load(packs=[base_pack(), pack])
        assert problems == [] and "test.dizzy" in content.cards
    cards = folder / "cards" / "cards.yaml"
    cards.write_text(cards.read_text(encoding="utf-8").replace("title: Dizzy", "titel: Dizzy"), encoding="utf-8")
    broken = zip_folder(folder, tmp_path / "broken.zip")
    packs, problems = select([str(broken)], [])
    content, problems = load(packs=packs)
    bad = [d for d in problems if d.severity == "error"]
    assert bad and all(d.path.startswith(f"{broken}/cards/cards.yaml") for d in bad), bad


def test_zips_in_the_mod_folder_are_found_and_a_broken_one_is_left_out(tmp_path, monkeypatch):
    from game.content import packs as packs_mod
    mods = tmp_path / "mods"
    mods.mkdir()
    zip_folder(make_pack(tmp_path / "src" / "ours", "test", cards=True), mods / "ours.zip")
    (mods / "junk.zip").write_bytes(b"this is not a zip")
    monkeypatch.setattr(packs_mod, "mod_folders", lambda: [mods])
    content, problems = load_game(cache=False)
    assert ("test", "1.0.0") in content.packs
    assert any(d.code == "bad-zip" and d.path.endswith("junk.zip") for d in problems)


def refused(tmp_path: Path, name: str, write) -> str:
    target = tmp_path / name
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("pack.yaml", "id: bomb\nname: B\nversion: 1.0.0\nformat: 2\nlicence: none\n")
        write(zf)
    pack, problems = open_pack(target)
    assert pack is None and len(problems) == 1 and problems[0].path == str(target)
    return f"{problems[0].code}: {problems[0].message}"


def test_a_zip_bomb_is_refused_before_it_fills_the_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 3 * 1024 * 1024)
    zeros = b"\0" * (archive.MAX_MEMBER_BYTES + 1)
    assert refused(tmp_path, "one.zip", lambda zf: zf.writestr("cards/a.yaml", zeros)).startswith("zip-bomb")
    many = lambda zf: [zf.writestr(f"cards/{i}.yaml", b"\0" * 1024 * 1024) for i in range(4)]  # noqa: E731
    assert "unpacks to more than" in refused(tmp_path, "many.zip", many)
    assert not list((archive.cache.folder() / "packs").glob("*many*"))   # nothing half-unpacked kept


def test_names_that_leave_the_folder_and_links_are_refused(tmp_path):
    assert refused(tmp_path, "up.zip", lambda zf: zf.writestr("../evil.yaml", "x")).startswith("unsafe-path")
    assert refused(tmp_path, "abs.zip", lambda zf: zf.writestr("/etc/evil.yaml", "x")).startswith("unsafe-path")

    def link(zf):
        info = zipfile.ZipInfo("cards/link.yaml")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    assert "is a link" in refused(tmp_path, "link.zip", link)


def test_too_many_members_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_MEMBERS", 5)
    assert refused(tmp_path, "lots.zip", lambda zf: [zf.writestr(f"f{i}.txt", "x") for i in range(6)]
                   ).startswith("zip-too-large")
