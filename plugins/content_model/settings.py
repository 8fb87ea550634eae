"""The CONTENT settings block."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .schema import TYPES

DEFAULTS: dict[str, Any] = {
    # Per type: "show" an untranslated item in its source language with a notice,
    # or "hide" it from the listings of languages it lacks.
    "fallback": {
        "destinations": "show",
        "events": "show",
        "activities": "show",
        "packages": "show",
        "stories": "hide",
        "pages": "show",
        "municipalities": "show",
    },
    # Python-Markdown extensions for item bodies. Not "extra": its attr_list lets a
    # body set any attribute (`## Title {: onclick="…" }`), and its footnotes add
    # English-only link titles; it is also a quarter slower.
    "markdown_extensions": ("tables", "fenced_code", "sane_lists"),
    # Bodies converted by earlier builds, by a digest of their Markdown (relative paths
    # are relative to the project); off: every build converts every body.
    "cache": "cache/content",
    "cache_bodies": True,
    # Cards on one page of a listing (/evenemang/, /evenemang/2/ …): a phone should not
    # have to lay out a thousand cards.
    "listing_page_size": 48,
}


class ContentSettingsError(ValueError):
    """A CONTENT block that cannot work; the message names the key."""


def project_path(settings: dict[str, Any], value: str) -> Path:
    """A path from a settings block: as it is when absolute, else relative to the
    project (the folder that holds PATH), like the caches beside content/."""
    path = Path(value)
    return path if path.is_absolute() else Path(settings["PATH"]).parent / path


def resolve_block(
    name: str,
    block: dict[str, Any] | None,
    defaults: dict[str, Any],
    error: type[ValueError],
) -> dict[str, Any]:
    """A plugin's settings block over its defaults; an unknown key fails by name."""
    block = dict(block or {})
    unknown = sorted(set(block) - set(defaults))
    if unknown:
        raise error(
            f"{name}: unknown key(s) {', '.join(unknown)}; known: {', '.join(defaults)}"
        )
    return {**defaults, **block}


def resolve(block: dict[str, Any] | None) -> dict[str, Any]:
    merged = resolve_block("CONTENT", block, DEFAULTS, ContentSettingsError)
    block = block or {}
    fallback = {**DEFAULTS["fallback"], **block.get("fallback", {})}
    for content_type, mode in fallback.items():
        if content_type not in TYPES:
            raise ContentSettingsError(
                f"CONTENT: fallback: {content_type!r} is not a content type"
            )
        if mode not in ("show", "hide"):
            raise ContentSettingsError(
                f"CONTENT: fallback: {content_type}: {mode!r} must be 'show' or 'hide'"
            )
    merged["fallback"] = fallback
    size = merged["listing_page_size"]
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise ContentSettingsError(
            f"CONTENT: listing_page_size: {size!r} must be a whole number of at least 1"
        )
    return merged
