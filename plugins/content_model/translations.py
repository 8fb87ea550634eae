"""Whether a translation is up to date with its source.

A translation records what it was translated from: `translated_from: sv:1a2b3c4d5e6f`,
the source's language and a digest of its text fields and body (`./dev new --lang …` and
`./dev translated <file>` write it). When the source's text changes, the digest no longer
matches and the translation is stale. Facts (shared fields) are not part of the digest:
they live in the source only and every language shows the new value at once. Pure.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .model import Entry, Item, kept
from .schema import specs_for

FIELD = "translated_from"
UP_TO_DATE, STALE, UNKNOWN, MISSING = "up to date", "stale", "not recorded", "missing"


def text_of(item: Item) -> dict[str, str]:
    """The source's words a translator translates: text fields and body."""
    words = {
        name: str(item.fields[name])
        for name, spec in specs_for(item.type).items()
        if not spec.shared and name != FIELD and name in item.fields
    }
    words["body"] = item.body.strip()
    return words


def digest(item: Item) -> str:
    """Kept with the item: its own file's words (the fields set from elsewhere are
    shared facts, not words to translate)."""
    return kept(item, ("translation digest",), lambda: _digest(item))


def _digest(item: Item) -> str:
    text = "\0".join(f"{k}\0{v}" for k, v in sorted(text_of(item).items()))
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def record_for(source: Item) -> str:
    return f"{source.lang}:{digest(source)}"


@dataclass(frozen=True)
class Status:
    key: str
    type: str
    lang: str
    state: str
    path: str  # the translation's file ("" when missing)
    source_path: str


def status(entry: Entry, lang: str) -> Status:
    source = entry.source
    item = entry.in_lang(lang)
    if item is None:
        return Status(entry.key, entry.type, lang, MISSING, "", source.path)
    recorded = item.get(FIELD)
    if not recorded:
        state = UNKNOWN
    elif recorded == record_for(source):
        state = UP_TO_DATE
    else:
        state = STALE
    return Status(entry.key, entry.type, lang, state, item.path, source.path)


def statuses(entries: dict[str, Entry], languages: tuple[str, ...]) -> list[Status]:
    """Every translation of every item, in the order the site lists languages."""
    return [
        found
        for entry in sorted(entries.values(), key=lambda e: (e.type, e.key))
        for found in kept(
            entry,
            ("translation statuses", languages),
            lambda entry=entry: [
                status(entry, lang) for lang in languages if lang != entry.source_lang
            ],
        )
    ]
