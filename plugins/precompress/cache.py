"""Compressed results kept by content hash, so a rebuild compresses only changed files.

cache/precompress/ab/ab12….gz and ab12….q11.br; an empty entry means "compression
saves nothing here", which no real compressed stream can be.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

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
