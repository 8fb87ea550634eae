"""Item bodies from Markdown to HTML: one reused converter per process, every core, and a
cache of what earlier builds converted, so a rebuild converts only what was edited."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

import markdown
from render import stored
from render.parallel import fork_map

from .body import resolve_links, safe_urls
from .model import Entry, Item

CACHE_FILE = "markdown.marshal"


class BodyConverter:
    """python-markdown as we configure it: raw HTML is shown as text."""

    def __init__(self, extensions: tuple[str, ...]):
        self.extensions = tuple(extensions)
        self._converter: markdown.Markdown | None = None

    def convert(self, source: str) -> str:
        if self._converter is None:  # made in the worker that uses it
            converter = markdown.Markdown(
                extensions=list(self.extensions), output_format="html"
            )
            converter.preprocessors.deregister("html_block")
            converter.inlinePatterns.deregister("html")
            self._converter = converter
        return safe_urls(self._converter.reset().convert(source))

    def key(self, source: str) -> str:
        digest = hashlib.blake2b(repr(self.extensions).encode(), digest_size=16)
        digest.update(markdown.__version__.encode() + b"\0" + source.encode())
        return digest.hexdigest()


@cache
def converter_for(extensions: tuple[str, ...]) -> BodyConverter:
    """One per process: setting python-markdown up takes longer than converting the
    body a livereload edit changed."""
    return BodyConverter(extensions)


def linked_source(item: Item, entries: dict[str, Entry]) -> str:
    """The body with `{key}` and `{image}` links made into this language's URLs; a
    link to an item this build does not publish (a draft, a scheduled item) is left
    as its text until that item is published."""

    def key_url(key: str) -> str:
        return entries[key].best_for(item.lang).url

    body = LINK_TO_KEY.sub(lambda m: m[0] if m[2] in entries else m[1], item.body)
    return resolve_links(body, key_url, lambda name: f"/images/{name}")


LINK_TO_KEY = re.compile(r"\[([^\]]*)\]\(\{key\}([^\s)]*)\)")


def render_bodies(
    entries: dict[str, Entry],
    extensions: tuple[str, ...],
    cache_dir: Path | None = None,
    workers: int = 1,
) -> int:
    """Set `item.html` for every item; returns how many bodies were converted."""
    converter = converter_for(tuple(extensions))
    known = stored.load(cache_dir / CACHE_FILE) if cache_dir else {}
    items = [item for entry in entries.values() for item in entry.items.values()]
    sources, keys = _linked.sources(items, entries, converter)
    missing = sorted(
        {k: s for k, s in zip(keys, sources, strict=True) if k not in known}.items()
    )
    converted = fork_map(lambda pair: converter.convert(pair[1]), missing, workers)
    fresh = {key: html for (key, _), html in zip(missing, converted, strict=True)}
    used = {key: known.get(key) or fresh[key] for key in keys}
    for item, key in zip(items, keys, strict=True):
        item.html = used[key]
    if cache_dir and (fresh or len(used) != len(known)):
        stored.save(cache_dir / CACHE_FILE, used)  # only this build's bodies
    return len(missing)


class LinkedSources:
    """Each item's linked body and its cache key, kept for an item that is the same
    object as in the last build (content/validate.py: Unchanged) while no URL on the
    site changed: a long-lived process (livereload) links and digests only edited
    bodies."""

    def __init__(self) -> None:
        self._urls: tuple = ()
        self._items: dict[int, tuple[Item, str, str]] = {}

    def sources(
        self, items: list[Item], entries: dict[str, Entry], converter: BodyConverter
    ) -> tuple[list[str], list[str]]:
        urls = tuple((item.key, item.lang, item.url) for item in items)
        known = self._items if urls == self._urls else {}
        kept: dict[int, tuple[Item, str, str]] = {}
        for item in items:
            found = known.get(id(item))
            if found is None or found[0] is not item:
                source = linked_source(item, entries)
                found = (item, source, converter.key(source))
            kept[id(item)] = found
        self._urls, self._items = urls, kept
        return [kept[id(i)][1] for i in items], [kept[id(i)][2] for i in items]


_linked = LinkedSources()
