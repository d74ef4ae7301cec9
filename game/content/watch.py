"""`play --watch`: notice that a pack's files changed, so the game can reload between turns.

Polling the files' sizes and modification times is enough here: it runs once a turn, over a
few hundred files at most, and needs no extra library or background thread.
"""

from __future__ import annotations

from pathlib import Path

from game.content.loader import content_files
from game.content.packs import IMAGES, TRANSLATIONS, Pack


def stamp(packs: list[Pack]) -> tuple:
    """What the packs' files look like now: content files, manifests, pictures and translations,
    each with its size and time."""
    files: list[Path] = []
    for pack in packs:
        if pack.archive:
            files.append(pack.archive)
            continue
        files += [*content_files(list(pack.roots)), pack.manifest_path]
        for extra in (IMAGES, TRANSLATIONS):
            if (pack.folder / extra).is_dir():
                files += [p for p in (pack.folder / extra).rglob("*") if p.is_file()]
    out = []
    for path in sorted(files):
        try:
            st = path.stat()
            out.append((str(path), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(path), None, None))
    return tuple(out)


def changed_files(before: tuple, after: tuple) -> list[str]:
    """The files added, removed or changed between two stamps."""
    old, new = dict((p, rest) for p, *rest in before), dict((p, rest) for p, *rest in after)
    return sorted(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))
