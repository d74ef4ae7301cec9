"""A pack shipped as a `.zip`: checked member by member, then unpacked once into the cache.

A zip is untrusted twice over: its names may try to leave the folder (`../`, absolute paths,
links) and its sizes may lie (a zip bomb says 1 KB and inflates to gigabytes). Every name is
checked before anything is written, and every member is read with a hard cap on the bytes
that come out, whatever its header claims. The unpacked folder is named after the zip's hash,
so an unchanged zip is unpacked once, and a half-unpacked one is never used (it is built
beside and renamed into place).
"""

from __future__ import annotations

import hashlib
import io
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from game.content import cache
from game.content.diagnostics import Diagnostic

MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 4 * 1024 * 1024     # larger than any content file or image may be
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_ZIP_BYTES = 64 * 1024 * 1024


def unpack(archive: Path) -> tuple[Path | None, list[Diagnostic]]:
    """The folder holding the pack in `archive` (its `pack.yaml` at the top), or the reasons not."""
    def refused(code: str, message: str) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(str(archive), 0, 0, "error", code, "", message)]

    try:
        size = archive.stat().st_size
        if size > MAX_ZIP_BYTES:
            return refused("zip-too-large", f"the zip is {size:,} bytes; a pack may be at most "
                           f"{MAX_ZIP_BYTES:,}")
        data = archive.read_bytes()     # read once: the bytes hashed are the bytes unpacked
        target = cache.folder() / "packs" / f"{archive.stem}-{hashlib.sha256(data).hexdigest()[:16]}"
        if target.is_dir():
            return _top(target), []
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            # Folders, and the resource forks macOS adds to a zip it makes, are not the pack's.
            members = [m for m in zf.infolist() if not m.is_dir() and not m.filename.startswith("__MACOSX/")
                       and not PurePosixPath(m.filename).name.startswith("._")]
            problem = _check_names(members)
            if problem:
                return refused(*problem)
            folder = _extract(zf, members, target)
        for old in target.parent.glob(f"{archive.stem}-*"):   # earlier versions of the same zip
            if old != target and len(old.name) == len(target.name):
                shutil.rmtree(old, ignore_errors=True)
        return folder, []
    except _TooLarge as exc:
        return refused("zip-bomb", str(exc))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        return refused("bad-zip", f"not a readable zip file ({exc})")
    except (OSError, RuntimeError, ValueError) as exc:   # RuntimeError: an encrypted member
        return refused("bad-zip", f"the zip cannot be unpacked ({exc})")


class _TooLarge(Exception):
    pass


def _check_names(members: list[zipfile.ZipInfo]) -> tuple[str, str] | None:
    if len(members) > MAX_MEMBERS:
        return "zip-too-large", f"the zip holds {len(members):,} files; a pack may hold at most {MAX_MEMBERS:,}"
    seen = set()
    for m in members:
        name = m.filename
        parts = PurePosixPath(name).parts
        if "\\" in name or name.startswith("/") or ".." in parts or (parts and ":" in parts[0]) or "\0" in name:
            return "unsafe-path", f"'{name}' would be written outside the pack's folder"
        if stat.S_ISLNK(m.external_attr >> 16):
            return "unsafe-path", f"'{name}' is a link; a pack may only hold plain files"
        if name.lower() in seen:
            return "unsafe-path", f"'{name}' is in the zip twice"
        seen.add(name.lower())
    return None


def _extract(zf: zipfile.ZipFile, members: list[zipfile.ZipInfo], target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        total = 0
        for m in members:
            out = building.joinpath(*PurePosixPath(m.filename).parts)
            out.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(m) as src:
                data = src.read(MAX_MEMBER_BYTES + 1)   # never trust the header's size
            if len(data) > MAX_MEMBER_BYTES:
                raise _TooLarge(f"'{m.filename}' unpacks to more than {MAX_MEMBER_BYTES:,} bytes")
            total += len(data)
            if total > MAX_TOTAL_BYTES:
                raise _TooLarge(f"the zip unpacks to more than {MAX_TOTAL_BYTES:,} bytes")
            out.write_bytes(data)
        try:
            building.rename(target)
        except OSError:        # another process unpacked the same zip first
            if not target.is_dir():
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return _top(target)


def _top(folder: Path) -> Path:
    """Where the manifest is: the zip's top, or its one top-level folder (a zipped pack folder)."""
    if not (folder / "pack.yaml").exists():
        entries = [p for p in folder.iterdir() if not p.name.startswith(".")]
        if len(entries) == 1 and entries[0].is_dir():
            return entries[0]
    return folder
