"""Partners' calendars, as listed in `content/sources.toml`: what to fetch and how to read it.

Pure: reading and checking the list. The build reads it too, to credit an imported
event's source on its page and in every feed (`Source` goes into the event's fields).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .errors import ContentError
from .tomlblocks import read_blocks
from .vocabulary import EVENT_CATEGORIES, MUNICIPALITIES

SOURCES_FILE = "sources.toml"
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FORMATS = ("icalendar", "events-json", "json-feed")
LANGUAGES = ("sv", "en", "de", "da", "nl")
FIELDS = {
    "id",
    "name",
    "url",
    "path",
    "format",
    "language",
    "licence",
    "licence_url",
    "attribution",
    "website",
    "municipality",
    "category",
    "categories",
    "price",
    "approval",
}


@dataclass(frozen=True)
class Source:
    """One partner calendar. `categories` maps the partner's words to ours."""

    id: str
    name: str
    format: str
    language: str
    licence: str
    attribution: str
    url: str = ""
    path: str = ""
    licence_url: str = ""
    website: str = ""
    municipality: str = ""
    category: str = ""
    categories: tuple[tuple[str, str], ...] = field(default=())
    price: str = ""
    approval: bool = False

    @property
    def location(self) -> str:
        return self.url or self.path

    @property
    def link(self) -> str:
        """Where a reader finds the partner's own calendar."""
        return self.website or (self.url if self.url.startswith("https://") else "")

    def category_for(self, words: list[str]) -> str | None:
        """Our category for the partner's words: the first the table maps, else one
        that is already ours (a feed of our own schema), else the source's default."""
        table = dict(self.categories)
        for word in words:
            found = table.get(word.strip().casefold())
            if found:
                return found
        ours = next((w for w in words if w in EVENT_CATEGORIES), None)
        return ours or self.category or None


def read_sources(content_dir: Path) -> tuple[dict[str, Source], list[ContentError]]:
    """Every source by id, and every problem of the file (all of them, in one run)."""
    shown, blocks, errors = read_blocks(
        content_dir,
        SOURCES_FILE,
        "source",
        'fix the TOML syntax: `key = "value"`, one [[source]] block per source',
    )
    sources: dict[str, Source] = {}
    for line, block in blocks:
        source, problems = _source(block, line, shown)
        errors += problems
        if source is None:
            continue
        if source.id in sources:
            errors.append(
                ContentError(
                    shown,
                    line,
                    "id",
                    f"{source.id!r} is used twice",
                    "give it its own id",
                )
            )
            continue
        sources[source.id] = source
    return sources, errors


def _source(
    block: dict, line: int, shown: str
) -> tuple[Source | None, list[ContentError]]:
    def problem(name: str, what: str, fix: str) -> ContentError:
        return ContentError(shown, line, name, what, fix)

    errors = [
        problem(
            name,
            "is not a field of a source",
            f"use one of: {', '.join(sorted(FIELDS))}",
        )
        for name in block
        if name not in FIELDS
    ]
    for name in ("id", "name", "format", "language", "licence", "attribution"):
        if not str(block.get(name, "")).strip():
            errors.append(problem(name, "is missing", f'write `{name} = "…"`'))
    ident = str(block.get("id", ""))
    if ident and not KEY.fullmatch(ident):
        errors.append(
            problem(
                "id",
                f"{ident!r} is not a-z, 0-9 and hyphens",
                "write it like 'vaxjo-kommun'",
            )
        )
    if bool(block.get("url")) == bool(block.get("path")):
        errors.append(
            problem(
                "url",
                "give either `url` (https://…) or `path` (a file in the repository)",
                "write one of them",
            )
        )
    url = str(block.get("url", ""))
    if url and urlsplit(url).scheme not in ("https", "http"):
        errors.append(
            problem("url", f"{url!r} is not a web address", "write https://…")
        )
    checks = (
        ("format", FORMATS),
        ("language", LANGUAGES),
        ("municipality", tuple(MUNICIPALITIES)),
        ("category", tuple(EVENT_CATEGORIES)),
    )
    for name, allowed in checks:
        value = block.get(name)
        if value and value not in allowed:
            errors.append(
                problem(
                    name, f"{value!r} is not known", f"use one of: {', '.join(allowed)}"
                )
            )
    table = block.get("categories", {})
    for word, ours in table.items():
        if ours not in EVENT_CATEGORIES:
            errors.append(
                problem(
                    "categories",
                    f"{word!r} maps to {ours!r}, which is no category",
                    f"use one of: {', '.join(EVENT_CATEGORIES)}",
                )
            )
    price = str(block.get("price", ""))
    if price and price != "free" and price != "unknown" and not price.isdigit():
        errors.append(
            problem(
                "price",
                f"{price!r} is not a price",
                "write 'free', 'unknown' or kronor",
            )
        )
    if errors:
        return None, errors
    return (
        Source(
            id=str(block["id"]),
            name=str(block["name"]),
            format=block["format"],
            language=block["language"],
            licence=str(block["licence"]),
            attribution=str(block["attribution"]),
            url=url,
            path=str(block.get("path", "")),
            licence_url=str(block.get("licence_url", "")),
            website=str(block.get("website", "")),
            municipality=str(block.get("municipality", "")),
            category=str(block.get("category", "")),
            categories=tuple(
                sorted((word.casefold(), ours) for word, ours in table.items())
            ),
            price=price,
            approval=bool(block.get("approval", False)),
        ),
        [],
    )
