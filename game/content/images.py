"""A pack's own pictures: `images/NAME.png` (or .jpg) shown for cards with `illustration: NAME`.

Image files come from anyone, so each is checked before the window ever decodes it: the name
ends in .png, .jpg or .jpeg, the bytes begin as that format does, the file is at most 1 MB and
the picture at most 2048 pixels a side (a small file can claim an enormous picture, and
decoding it would take all the memory). Only the header is read here; pygame decodes the
picture when a card shows it.
"""

from __future__ import annotations

import struct
from pathlib import Path

from game.content.diagnostics import Diagnostic
from game.content.packs import IMAGES, leads_out

MAX_BYTES = 1_000_000
MAX_SIDE = 2048
SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}


def picture_size(data: bytes) -> tuple[str, int, int]:
    """(format, width, height) read from the header; ValueError says why it is not a picture."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        if len(data) < 24 or data[12:16] != b"IHDR":
            raise ValueError("the PNG header is damaged")
        width, height = struct.unpack(">II", data[16:24])
        return "PNG", width, height
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                raise ValueError("the JPEG header is damaged")
            marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                height, width = struct.unpack(">HH", data[i + 5:i + 9])
                return "JPEG", width, height
            i += 2 + length
        raise ValueError("the JPEG file has no picture size in it")
    raise ValueError("it is neither a PNG nor a JPEG file")


def pack_images(folder: Path, shown) -> tuple[dict[str, str], list[Diagnostic]]:
    """The pictures in a pack's `images/` folder, by name (the file name without its suffix),
    and the problems of those that cannot be used. `shown(path)` is how a path is written."""
    found: dict[str, str] = {}
    problems: list[Diagnostic] = []
    root = folder / IMAGES
    if not root.is_dir():
        return found, problems
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")):
        def refuse(message: str) -> None:
            problems.append(Diagnostic(shown(path), 0, 0, "error", "bad-image", "", message))
        why = leads_out(path, folder)
        if why:
            refuse(why)
            continue
        kind = SUFFIXES.get(path.suffix.lower())
        if kind is None:
            refuse("an image must be a .png, .jpg or .jpeg file")
            continue
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                refuse(f"the image is {size:,} bytes; at most {MAX_BYTES:,} (make it smaller, e.g. 1200 pixels wide)")
                continue
            with path.open("rb") as f:
                fmt, width, height = picture_size(f.read(65536))
        except OSError as exc:
            refuse(f"the file cannot be read: {exc}")
            continue
        except (ValueError, struct.error) as exc:
            refuse(f"the file cannot be used as a picture: {exc}")
            continue
        if fmt != kind:
            refuse(f"the file is named {path.suffix} but holds a {fmt} picture")
        elif not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
            refuse(f"the picture is {width}x{height} pixels; at most {MAX_SIDE} a side")
        elif path.stem in found:
            refuse(f"a picture named '{path.stem}' is already at {found[path.stem]}")
        else:
            found[path.stem] = str(path)
    return found, problems
