"""Folders of output/ that one generator writes whole: what it did not write is stale.

A plain build moves only its changed files into output/ ("commit"), so a file a
generator stopped making (a stylesheet under its old hashed name, a replaced photo's
variants) would stay there for good. The generator names what it wrote; the rest of its
folder is removed, now when building in place (livereload), or when the build's files
are committed (atomic_output). A complete site ("swap", "staging") has no stale files.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

PRECOMPRESSED = (".gz", ".br")  # go with their file


def remove_unwritten(
    settings: dict,
    built: Path,
    folder: str,
    written: Iterable[str],
    deep: bool = True,
) -> None:
    """Remove files of output/<folder> not in `written` (paths relative to it); with
    `deep=False` only files directly in it (its subfolders belong to others)."""
    final = Path(settings["OUTPUT_PATH"]) / folder
    if not final.is_dir():
        return
    keep = set(written)
    stale = sorted(
        path.relative_to(final).as_posix()
        for path in (final.rglob("*") if deep else final.iterdir())
        if not path.name.endswith(PRECOMPRESSED)
        and path.relative_to(final).as_posix() not in keep
        and path.is_file()
    )
    if final.resolve() == (built / folder).resolve():
        for name in stale:
            for suffix in ("", *PRECOMPRESSED):
                (final / f"{name}{suffix}").unlink(missing_ok=True)
    else:
        removed = settings.setdefault("ATOMIC_OUTPUT_REMOVE", [])
        removed.extend(f"{folder}/{name}" for name in stale)
