"""The IMAGES settings block."""

from __future__ import annotations

from typing import Any

from content_model.settings import resolve_block

DEFAULTS: dict[str, Any] = {
    # Processed variants, by content hash; relative paths are relative to the project.
    "cache": "cache/images",
}


class ImagesSettingsError(ValueError):
    """An IMAGES block that cannot work; the message names the key."""


def resolve(block: dict[str, Any] | None) -> dict[str, Any]:
    return resolve_block("IMAGES", block, DEFAULTS, ImagesSettingsError)
