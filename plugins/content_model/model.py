"""Plain records for content items; nothing here knows about Pelican."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def kept(owner: Item | Entry, key: tuple, make: Callable[[], Any]) -> Any:
    """A value derived from an item's or entry's own files, made once and kept with it
    (a long-lived process keeps items and entries while their files are unchanged).
    Not for what a build sets from elsewhere: a destination's place, a seller."""
    memo = owner.__dict__.setdefault("_kept", {})
    if key not in memo:
        memo[key] = make()
    return memo[key]


@dataclass(eq=False)
class Item:
    """One content file in one language, with shared facts merged in from its source file."""

    type: str
    key: str
    lang: str
    slug: str
    path: str
    fields: dict[str, Any]
    body: str
    body_line: int
    lines: dict[str, int] = field(default_factory=dict)
    url: str = ""
    save_as: str = ""
    html: str = ""
    entry: Entry | None = field(default=None, repr=False)
    # A digest of this language's fields, URL and HTML (set with the entry's).
    digest: str = field(default="", repr=False)
    # Fields an event took from its destination this build (venues.py).
    taken: tuple[str, ...] = field(default=(), repr=False)

    def __getattr__(self, name: str) -> Any:
        # Templates read fields as attributes: item.title, item.season.
        fields = self.__dict__.get("fields", {})
        if name in fields:
            return fields[name]
        raise AttributeError(name)

    @property
    def fingerprint(self) -> str:
        """A page showing this item may show its other languages too: the entry's."""
        return self.entry.fingerprint if self.entry else ""

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, 1)


@dataclass(eq=False)
class Entry:
    """All language versions of one item, linked by their key."""

    type: str
    key: str
    items: dict[str, Item]
    source_lang: str
    # A digest of every language's fields, URL and HTML (set once the bodies are HTML).
    fingerprint: str = ""
    # Set by each build (publication.py): "", "draft", "scheduled" or "expired", and
    # the date that goes with it.
    state: str = ""
    state_since: object = None

    @property
    def source(self) -> Item:
        return self.items[self.source_lang]

    def in_lang(self, lang: str) -> Item | None:
        return self.items.get(lang)

    def best_for(self, lang: str) -> Item:
        """The item in `lang`, else in the language it was written in."""
        return self.items.get(lang) or self.source
