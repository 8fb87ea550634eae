"""Links from the root (`[Glasbruket](/destinationer/kosta-glasbruk/)`) checked against
the site's own addresses, so a typo is found by the fast check, not by the full one.

The addresses are the items' own and every address the site has published
(`content/urls.json`, which the build keeps: listings, the Feeds page, event filters …;
an old address still works, it redirects). Files (/feeds/, /images/ …) are not pages and
are left to the full check. Without a record (a new site) nothing is checked. Pure.
"""

from __future__ import annotations

import re
from difflib import get_close_matches

from .errors import ContentError
from .model import Entry

ROOT_LINK = re.compile(r"\]\(\s*<?(/[^)\s>]*)")
FILES = ("/feeds/", "/widgets/", "/images/", "/assets/", "/_")


def root_link_errors(
    entries: dict[str, Entry], recorded: frozenset[str]
) -> list[ContentError]:
    if not recorded:
        return []
    known = set(recorded) | {
        item.url for entry in entries.values() for item in entry.items.values()
    }
    errors = []
    for entry in entries.values():
        for item in entry.items.values():
            if "](/" not in item.body:
                continue
            for offset, line in enumerate(item.body.split("\n")):
                for match in ROOT_LINK.finditer(line):
                    target = match[1].split("#", 1)[0].split("?", 1)[0]
                    if not target or target.startswith(FILES) or target in known:
                        continue
                    if not target.endswith("/") and f"{target}/" in known:
                        continue
                    errors.append(problem(item, offset, target, known, entries))
    return errors


def problem(item, offset: int, target: str, known: set[str], entries) -> ContentError:
    guess = get_close_matches(target, sorted(known), n=1, cutoff=0.75)
    key = next(
        (
            entry.key
            for entry in entries.values()
            for other in entry.items.values()
            if guess and other.url == guess[0]
        ),
        None,
    )
    fix = f"did you mean {guess[0]}?" if guess else "check the address on the site"
    if key:
        fix += f" Links to our items are safest as {{key}}{key}"
    return ContentError(
        item.path,
        item.body_line + offset,
        "body",
        f"links to {target}, which is no page of this site",
        fix,
    )
