"""Which file of the current output was made from which inputs.

Each file is recorded with its fingerprint and its inode, size and mtime. A file is kept
only if the output still holds that very file: when a build was discarded or output/ was
changed by hand, the stat no longer matches and the page is made again.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

from . import stored

Stamp = tuple[str, int, int, int]  # fingerprint, inode, size, mtime_ns


def name_for(output: Path) -> str:
    """One manifest per output folder (tests and benchmarks build several)."""
    digest = hashlib.blake2b(str(output).encode(), digest_size=6).hexdigest()
    return f"manifest-{output.name}-{digest}.json"


# What this process last saved, with the manifest file's stat once written (None while
# the write waits for the build to finish): a long-lived process (livereload) reads its
# own manifest from memory, unless another build has written the file since.
_saved: dict[Path, tuple[dict[str, Stamp], tuple | None]] = {}
_saving = threading.Lock()


def load(path: Path) -> dict[str, Stamp]:
    known = _saved.get(path)
    if known is not None and known[1] in (None, file_state(path)):
        return known[0]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {name: tuple(stamp) for name, stamp in data.get("files", {}).items()}


def save(path: Path, files: dict[str, Stamp], output: Path | None = None) -> None:
    """Written once the build has finished in a long-lived process (stored.py)."""
    with _saving:
        _saved[path] = (files, None)
    stored.after_build(_save_now, path, files, output)


def _save_now(path: Path, files: dict[str, Stamp], output: Path | None) -> None:
    with _saving:
        if _saved.get(path, (None,))[0] is not files:
            return  # a later build saved newer records (and writes them itself)
        _write(path, json.dumps({"version": 1, "files": files}, sort_keys=True))
        _saved[path] = (files, file_state(path))
    if output is not None:
        forget_gone_outputs(path, output)


def file_state(path: Path) -> tuple:
    """What tells the file this process wrote from another's (empty: no file)."""
    try:
        info = path.stat()
    except OSError:
        return ()
    return info.st_ino, info.st_size, info.st_mtime_ns


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


OUTPUTS = "outputs.json"  # manifest name → the output folder it describes


def forget_gone_outputs(path: Path, output: Path) -> None:
    """Drop the manifests of output folders that no longer exist (each test or
    benchmark build into a temporary folder would otherwise leave one for good)."""
    index_path = path.parent / OUTPUTS
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        index = {}
    index[path.name] = str(output)
    for manifest in path.parent.glob("manifest-*.json"):
        folder = index.get(manifest.name)
        if (folder is None or not Path(folder).is_dir()) and manifest != path:
            manifest.unlink(missing_ok=True)
            index.pop(manifest.name, None)
    index = {
        name: folder for name, folder in index.items() if (path.parent / name).exists()
    }
    _write(index_path, json.dumps(index, sort_keys=True, indent=1))


def stamp(fingerprint: str, file: Path) -> Stamp:
    info = file.stat()
    return fingerprint, info.st_ino, info.st_size, info.st_mtime_ns


def still_there(previous: Stamp, file: str | Path) -> bool:
    """The output holds the very file the manifest recorded."""
    try:
        info = os.stat(file)
    except OSError:
        return False
    return (
        info.st_ino == previous[1]
        and info.st_size == previous[2]
        and info.st_mtime_ns == previous[3]
    )
