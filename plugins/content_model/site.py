"""Load and link all content with URLs: shared by the build, `check` and the gates."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from i18n.catalogs import load_translations

from .errors import ContentError
from .loader import find_images, find_sources, image_errors
from .model import Entry
from .rootlinks import root_link_errors
from .urls import URL_CONTEXT, Router
from .validate import build_entries


def translated_router(default_lang: str, translations_dir: Path) -> Router:
    """URL folders come from each language's catalog (msgctxt "URL path")."""

    @cache
    def segment_for(lang: str, name: str) -> str:
        return load_translations(translations_dir, lang).pgettext(URL_CONTEXT, name)

    return Router(default_lang, segment_for)


def load_site(
    content_dir: Path,
    languages: tuple[str, ...],
    translations_dir: Path,
    cache_dir: Path | None = None,
) -> tuple[dict[str, Entry], list[ContentError], Router]:
    """Every entry, validated and given its URLs; errors instead of exceptions.
    `cache_dir`: where bodies that passed their checks are remembered."""
    sources, errors = find_sources(content_dir, languages)
    entries, more = build_entries(
        sources, languages, find_images(content_dir), cache_dir
    )
    more += image_errors(content_dir)
    router = translated_router(languages[0], translations_dir)
    if not errors + more:
        for entry in entries.values():
            for item in entry.items.values():
                item.url = router.item(item)
        more += root_link_errors(entries, recorded_urls(content_dir))
    return entries, errors + more, router


def recorded_urls(content_dir: Path) -> frozenset[str]:
    """Every address the site has published (the redirects plugin keeps the record)."""
    try:
        return frozenset(json.loads((content_dir / "urls.json").read_text("utf-8")))
    except (OSError, ValueError):
        return frozenset()
