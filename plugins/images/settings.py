"""The IMAGES settings block."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Processed variants, by content hash; relative paths are relative to the project.
    "cache": "cache/images",
}


class ImagesSettingsError(ValueError):
    """An IMAGES block that cannot work; the message names the key."""


def resolve(block: dict[str, Any] | None) -> dict[str, Any]:
    block = dict(block or {})
    unknown = sorted(set(block) - set(DEFAULTS))
    if unknown:
        raise ImagesSettingsError(
            f"IMAGES: unknown key(s) {', '.join(unknown)}; known: {', '.join(DEFAULTS)}"
        )
    return {**DEFAULTS, **block}
