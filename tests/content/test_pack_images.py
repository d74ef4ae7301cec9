"""A pack's own pictures: checked before anything decodes them, and shown on its cards."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from game.content import images
from game.content.loader import load
from game.content.packs import base_pack, open_pack
from game.presentation import ILLUSTRATIONS
from tests.content.test_packs import make_pack


def png(width: int, height: int, rgb=(200, 30, 30), claim: tuple[int, int] | None = None) -> bytes:
    """A real PNG of one colour; `claim` writes another size into its header (a lie)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    w, h = claim or (width, height)
    rows = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def jpeg_header(width: int, height: int) -> bytes:
    return b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0" + b"\0" * 9 + \
        b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"


def pack_with(tmp_path: Path, files: dict[str, bytes], illustration: str = "mill") -> Path:
    folder = make_pack(tmp_path / "p", "test", cards=True)
    cards = folder / "cards" / "cards.yaml"
    cards.write_text(cards.read_text(encoding="utf-8").replace("illustration: newspaper",
                                                               f"illustration: {illustration}"), encoding="utf-8")
    (folder / "images").mkdir()
    for name, data in files.items():
        (folder / "images" / name).write_bytes(data)
    return folder


def loaded(folder: Path):
    pack, problems = open_pack(folder)
    assert problems == []
    return load(packs=[base_pack(), pack])


def test_the_header_gives_format_and_size():
    assert images.picture_size(png(3, 2)) == ("PNG", 3, 2)
    assert images.picture_size(jpeg_header(640, 480)) == ("JPEG", 640, 480)


def test_a_cards_own_picture_is_found_and_checked_pictures_load_clean(tmp_path):
    content, problems = loaded(pack_with(tmp_path, {"mill.png": png(40, 30)}))
    assert problems == []
    assert content.images == {"test.dizzy": str(tmp_path / "p" / "images" / "mill.png")}


def test_bad_pictures_are_refused_each_with_its_file_and_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 5000)
    content, problems = loaded(pack_with(tmp_path, {
        "huge.png": png(2, 2, claim=(50_000, 50_000)),     # a small file that claims a vast picture
        "text.png": b"not a picture at all",
        "anim.gif": b"GIF89a",
        "named.jpg": png(2, 2),
        "big.png": png(2, 2) + b"\0" * 6000,
        "mill.png": png(4, 4),
    }))
    bad = {Path(d.path).name: d.message for d in problems if d.code == "bad-image"}
    assert set(bad) == {"huge.png", "text.png", "anim.gif", "named.jpg", "big.png"}
    assert "50000x50000 pixels" in bad["huge.png"] and "neither a PNG nor a JPEG" in bad["text.png"]
    assert ".png, .jpg or .jpeg" in bad["anim.gif"] and "holds a PNG picture" in bad["named.jpg"]
    assert "at most 5,000" in bad["big.png"]
    assert "test.dizzy" in content.images                  # the good picture is still used


def test_a_picture_that_is_nowhere_is_a_warning_with_a_did_you_mean(tmp_path):
    content, problems = loaded(pack_with(tmp_path, {"mill.png": png(4, 4)}, illustration="mil"))
    assert [d.code for d in problems] == ["unknown-illustration"]
    assert "Did you mean 'mill'?" in problems[0].message and problems[0].path.endswith("cards.yaml")
    assert problems[0].line == 3


def test_the_games_own_picture_names_are_the_ones_it_draws():
    from game.ui import art
    assert set(ILLUSTRATIONS) == set(art.ILLUSTRATIONS)


def test_the_card_screen_shows_the_packs_picture(tmp_path):
    from game.ui.automation import Driver
    folder = pack_with(tmp_path, {"mill.png": png(40, 30, rgb=(10, 160, 40))})
    driver = Driver.start(size=(1280, 720), settings_dir=tmp_path / "settings", mods=[str(folder)])
    driver.show_card("test.dizzy", level="test-level")
    driver.app.fade_left = 0            # past the page turn
    driver.app.dirty = True
    driver.pump()
    picture = driver.scene.picture
    assert driver.app.window.get_at(picture.center)[:3] == (10, 160, 40)
    assert driver.layout_problems() == []
