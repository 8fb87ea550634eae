"""Which content file each page comes from, so a finding names the file to fix."""

from __future__ import annotations

from pathlib import Path

from content_model.site import load_site


def source_map(
    content_dir: Path, languages: tuple[str, ...], translations_dir: Path
) -> dict[str, str]:
    entries, errors, _router = load_site(content_dir, languages, translations_dir)
    if errors:
        return {}
    return {
        item.url: item.path
        for entry in entries.values()
        for item in entry.items.values()
    }
