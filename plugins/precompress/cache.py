"""Compressed results kept by content hash, so a rebuild compresses only changed files.

cache/precompress/ab/ab12….gz and ab12….q11.br; an empty entry means "compression
saves nothing here", which no real compressed stream can be.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
from dataclasses import dataclass
from pathlib import Path

from atomic_output.swap import running

from .compress import brotli_bytes, gzip_bytes, smaller


@dataclass(frozen=True)
class Entry:
    """Where one content hash's gzip and brotli results are kept."""

    gz: Path
    br: Path

    def complete(self) -> bool:
        return self.gz.exists() and self.br.exists()


def entry(cache: Path, data: bytes, quality: int) -> Entry:
    digest = hashlib.sha256(data).hexdigest()
    folder = cache / digest[:2]
    return Entry(folder / f"{digest}.gz", folder / f"{digest}.q{quality}.br")


def _store(path: Path, data: bytes | None) -> None:
    """Write via a temporary name: two builds at once never see half a result."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data or b"")
    temporary.replace(path)


def fill(job: tuple[str, str, str, int]) -> int:
    """Compress one source file into its cache entry; returns its size (for the log)."""
    source, gz, br, quality = job
    data = Path(source).read_bytes()
    if not Path(gz).exists():
        _store(Path(gz), smaller(data, gzip_bytes(data)))
    if not Path(br).exists():
        _store(Path(br), smaller(data, brotli_bytes(data, quality)))
    return len(data)


RECENT = "recent.marshal"  # digests used by the last builds, newest first
KEEP_BUILDS = 2  # `./dev check` and `./dev publish` alternate: keep both sites' results
ENTRY = re.compile(r"([0-9a-f]{64})\.(?:gz|q\d+\.br)")
TEMPORARY = re.compile(r"[0-9a-f]{64}\.(?:gz|q\d+\.br)\.(\d+)\.tmp")


def prune(cache: Path, used: set[str]) -> int:
    """Remove results no recent build used (the cache would grow with every edit);
    the count removed. Only our own entry names are touched."""
    record = cache / RECENT
    try:
        recent = marshal.loads(record.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        recent = []
    recent = [sorted(used), *(r for r in recent if isinstance(r, list))][:KEEP_BUILDS]
    _store(record, marshal.dumps(recent))
    keep = {digest for build in recent for digest in build}
    removed = 0
    for folder in (f for f in cache.iterdir() if len(f.name) == 2 and f.is_dir()):
        for path in folder.iterdir():
            if _stale(path.name, keep):
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def _stale(name: str, keep: set[str]) -> bool:
    entry = ENTRY.fullmatch(name)
    if entry:
        return entry.group(1) not in keep
    temporary = TEMPORARY.fullmatch(name)  # left by a killed build
    return bool(temporary) and not running(int(temporary.group(1)))
