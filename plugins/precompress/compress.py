"""gzip and brotli copies of one file's bytes, reproducible to the byte."""

from __future__ import annotations

import gzip

import brotli

GZIP_LEVEL = 9


def gzip_bytes(data: bytes) -> bytes:
    """gzip at level 9 with mtime 0 and no file name: the same bytes every build."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def brotli_bytes(data: bytes, quality: int) -> bytes:
    return brotli.compress(data, quality=quality)


def smaller(original: bytes, compressed: bytes) -> bytes | None:
    """The compressed bytes if they save something, else None (serve the original)."""
    return compressed if len(compressed) < len(original) else None
