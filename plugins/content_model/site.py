"""Load and link all content with URLs: shared by the build, `check` and the gates."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from i18n.catalogs import load_translations

from .errors import ContentError
from .loader import find_images, find_sources, image_errors
from .model import Entry
from .related import relation_errors
from .rootlinks import root_link_errors
from .sellers import SELLERS_FILE, Seller, read_sellers
from .sources import SOURCES_FILE, Source, read_sources
from .urls import URL_CONTEXT, Router
from .validate import build_entries
from .venues import place_events


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
    more += credit_sources(entries, content_dir)
    more += name_sellers(entries, content_dir)
    more += relation_errors(entries)
    place_events(entries)
    router = translated_router(languages[0], translations_dir)
    for entry in entries.values():
        for item in entry.items.values():
            item.url = router.item(item)
    recorded = recorded_urls(content_dir)
    # A changed key first: the unknown-key links it causes are its consequences.
    changed = changed_key_errors(entries, recorded)
    if changed:
        more = [e for e in more if not any(f"key {k!r}" in e.problem for k in changed)]
    more += changed.values()
    if not errors + more:
        more += root_link_errors(entries, frozenset(recorded))
    return entries, errors + more, router


def credit_sources(entries: dict[str, Entry], content_dir: Path) -> list[ContentError]:
    """An imported event's `source` becomes its partner calendar (name, link, licence),
    which its page and every feed credit; an unknown id is an error."""
    sources, errors = read_sources(content_dir)
    for entry in entries.values():
        named = entry.source.get("source")
        if isinstance(named, Source):  # already credited (a livereload run)
            named = named.id
        if not isinstance(named, str):
            continue
        found = sources.get(named)
        if found is None:
            errors.append(
                ContentError(
                    entry.source.path,
                    entry.source.line_of("source"),
                    "source",
                    f"{named!r} is not a source in content/{SOURCES_FILE}",
                    "add it there, or remove the field if the event is not imported",
                )
            )
            continue
        for item in entry.items.values():
            item.fields["source"] = found
    return errors


def name_sellers(entries: dict[str, Entry], content_dir: Path) -> list[ContentError]:
    """An item's `seller` id becomes the business (name, website, phone, e-mail) that
    its page and its offer for search engines name; an unknown id is an error."""
    sellers, errors = read_sellers(content_dir)
    for entry in entries.values():
        named = entry.source.get("seller")
        if isinstance(named, Seller):  # already named (a livereload run)
            named = named.id
        if not isinstance(named, str):
            continue
        found = sellers.get(named)
        if found is None:
            known = ", ".join(sorted(sellers)) or "none yet"
            errors.append(
                ContentError(
                    entry.source.path,
                    entry.source.line_of("seller"),
                    "seller",
                    f"{named!r} is not a seller in content/{SELLERS_FILE} (known: {known})",
                    "use one of its ids, or add the business there as a [[seller]] block",
                )
            )
            continue
        for item in entry.items.values():
            item.fields["seller"] = found
    return errors


def recorded_urls(content_dir: Path) -> dict[str, str]:
    """Every address the site has published, with what it showed ("lang type:key");
    the redirects plugin keeps the record."""
    try:
        record = json.loads((content_dir / "urls.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def changed_key_errors(
    entries: dict[str, Entry], recorded: dict[str, str]
) -> dict[str, ContentError]:
    """A key changed in every file of an item: links, feeds and partners' calendars
    know the old one. Refused unless the editor says the item is new (`new_item: yes`).
    By the old key."""
    errors: dict[str, ContentError] = {}
    for entry in entries.values():
        if entry.source.get("new_item"):
            continue
        source_first = sorted(entry.items.values(), key=lambda i: i is not entry.source)
        for item in source_first:
            was = recorded.get(item.url, "").partition(" ")[2]
            kind, _, old_key = was.partition(":")
            if kind != entry.type or not old_key or old_key == entry.key:
                continue
            if old_key in entries:
                continue  # the old item lives on (it moved): not a changed key
            errors[old_key] = ContentError(
                entry.source.path,
                entry.source.line_of("key"),
                "key",
                f"was {old_key!r} when {item.url} was published; a key never "
                "changes (links, feeds and calendars use it)",
                f"write 'key: {old_key}' again; if this is a new item in place of "
                "the old one, add 'new_item: yes' to its source file",
            )
            break  # one message per item
    return errors
