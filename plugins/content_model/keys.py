"""A key typo, reported in the file that has it.

When the Swedish file of an item says `key: kosta-glasbrk` and its four translations say
`kosta-glasbruk`, the translations form an item without a source file, and validation
would send the editor to them ("coordinates: is required but missing"). This pass finds
such pairs, names the odd one out (the key in fewer files) as the typo, and replaces the
consequences with one error in that file. Pure.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from .errors import ContentError
from .model import Entry

SIMILAR = 0.85  # a typo: a letter or two in a key of a dozen


def key_typos(
    entries: dict[str, Entry], languages: tuple[str, ...]
) -> tuple[list[ContentError], set[str]]:
    """(the typo errors, the paths whose other errors they explain)."""
    default = languages[0]
    orphans = [e for e in entries.values() if default not in e.items]
    found: list[ContentError] = []
    explained: set[str] = set()
    for orphan in orphans:
        twin = best_twin(orphan, entries, default)
        if twin is None:
            continue
        typo, right = (
            (twin, orphan) if len(twin.items) < len(orphan.items) else (orphan, twin)
        )
        shown = ", ".join(sorted(i.path for i in right.items.values())[:2])
        for item in typo.items.values():
            found.append(
                ContentError(
                    item.path,
                    item.line_of("key"),
                    "key",
                    f"{typo.key!r} looks like a typo: the other files of this item "
                    f"({shown}) say {right.key!r}",
                    f"write 'key: {right.key}' here (a key never changes once published)",
                )
            )
        explained |= {i.path for e in (typo, right) for i in e.items.values()}
    return found, explained


def best_twin(orphan: Entry, entries: dict[str, Entry], default: str) -> Entry | None:
    """The entry of the same type, in other languages, whose key is nearly the same."""
    best, score = None, SIMILAR
    for other in entries.values():
        if other is orphan or other.type != orphan.type or default not in other.items:
            continue
        if set(other.items) & set(orphan.items):
            continue  # both have a language: two items, not one split in two
        ratio = SequenceMatcher(None, orphan.key, other.key).ratio()
        if ratio >= score:
            best, score = other, ratio
    return best
