"""The PRECOMPRESS settings block."""

from __future__ import annotations

from typing import Any

from content_model.settings import resolve_block

DEFAULTS: dict[str, Any] = {
    # Off for the development preview (a faster rebuild); publishconf.py and
    # `./dev check` turn it on.
    "enabled": False,
    # Compressed results by content hash; relative paths are relative to the project.
    "cache": "cache/precompress",
    # 0-11; 10 chosen by measurement (plugins/precompress/README.md).
    "brotli_quality": 10,
    # Smaller files are left alone: headers and framing would eat the saving.
    "min_size": 256,
    # The text files that get .gz and .br copies.
    "extensions": [
        ".html",
        ".css",
        ".js",
        ".mjs",
        ".json",
        ".jsonld",
        ".xml",
        ".atom",
        ".rss",
        ".ics",
        ".svg",
        ".txt",
        ".map",
        ".webmanifest",
    ],
    # Processes for compressing what the cache does not have; 0 = one per core.
    "workers": 0,
}


class PrecompressSettingsError(ValueError):
    """A PRECOMPRESS block that cannot work; the message names the key."""


def resolve(block: dict[str, Any] | None) -> dict[str, Any]:
    merged = resolve_block("PRECOMPRESS", block, DEFAULTS, PrecompressSettingsError)
    quality = merged["brotli_quality"]
    if not isinstance(quality, int) or not 0 <= quality <= 11:
        raise PrecompressSettingsError(
            f"PRECOMPRESS: brotli_quality {quality!r} must be a whole number 0-11"
        )
    return merged
