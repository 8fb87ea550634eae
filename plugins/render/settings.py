"""The RENDER settings block."""

from __future__ import annotations

from typing import Any

from content_model.settings import resolve_block

DEFAULTS: dict[str, Any] = {
    # Processes that render pages and feeds; 0 = one per core.
    "workers": 0,
    # The manifest of the last build (relative paths are relative to the project).
    "cache": "cache/render",
    # Keep files whose inputs are unchanged since the last build instead of remaking them.
    "reuse": True,
}


class RenderSettingsError(ValueError):
    """A RENDER block that cannot work; the message names the key."""


def resolve(block: dict[str, Any] | None) -> dict[str, Any]:
    return resolve_block("RENDER", block, DEFAULTS, RenderSettingsError)
