"""The ASSETS settings block."""

from __future__ import annotations

from typing import Any

from content_model.settings import resolve_block

from .manifest import AssetsError

DEFAULTS: dict[str, Any] = {
    # The theme's folder whose files are published, relative to THEME.
    "source": "static",
    # The output folder they go to, which is also their URL path: /assets/…
    "target": "assets",
}


def resolve(settings: dict[str, Any]) -> dict[str, Any]:
    """The block over its defaults; Pelican must not also copy the files unhashed."""
    block = resolve_block("ASSETS", settings.get("ASSETS"), DEFAULTS, AssetsError)
    if block["source"] in settings.get("THEME_STATIC_PATHS", ["static"]):
        raise AssetsError(
            f"ASSETS: Pelican would also publish theme/{block['source']} under unhashed "
            "names; set THEME_STATIC_PATHS = [] (the assets plugin publishes it)"
        )
    return block
