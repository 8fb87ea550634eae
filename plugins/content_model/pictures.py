"""One picture, at most two items: a visitor who meets the same drawing on a lake, a
glassworks and a concert stops trusting the pictures. `./dev check` refuses the third
item (the build does not, so a preview and the benchmarks' corpora still build)."""

from __future__ import annotations

from collections import defaultdict

from .errors import ContentError
from .model import Entry

ITEMS_PER_PICTURE = 2


def shared_picture_errors(
    entries: dict[str, Entry], most: int = ITEMS_PER_PICTURE
) -> list[ContentError]:
    """Every item past the `most`-th that shows the same image, named by file."""
    users: dict[str, list[Entry]] = defaultdict(list)
    for entry in sorted(entries.values(), key=lambda e: (e.type, e.key)):
        image = entry.source.get("image")
        if image:
            users[image].append(entry)
    errors: list[ContentError] = []
    for image, sharing in users.items():
        first = ", ".join(f"{e.type}/{e.key}" for e in sharing[:most])
        for entry in sharing[most:]:
            errors.append(
                ContentError(
                    entry.source.path,
                    entry.source.line_of("image"),
                    "image",
                    f"{image!r} is already the picture of {most} items ({first}); "
                    f"one picture shows at most {most}",
                    "give this item a picture of its own (content/images/CREDITS.md "
                    "says how to add one)",
                )
            )
    return errors
