"""The widget script with its texts in every language, and its Subresource Integrity hash."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from content_model.vocabulary import (
    DESTINATION_KINDS,
    EVENT_CATEGORIES,
    EVENT_STATUSES,
    MUNICIPALITIES,
    N_,
)

STATIC = Path(__file__).with_name("static")
# Published versions of the script, kept byte for byte (./dev widgets-release adds one).
RELEASED = Path(__file__).with_name("released")
PLACEHOLDER = "/*TEXT*/ {}"
VALUES_PLACEHOLDER = "/*VALUES*/ {}"
# Texts the widgets show, by key; the catalogs translate them (most already exist).
TEXTS = {
    "none": N_("No upcoming events right now."),
    "noDestinations": N_("No destinations to show."),
    "allEvents": N_("All events"),
    "allDestinations": N_("All destinations"),
    # A failure is never shown as "no events": it says so, with a link to the site.
    "failed": N_("The events could not be loaded just now."),
    "failedDestinations": N_("The destinations could not be loaded just now."),
    "bad": N_("This widget has a setting it does not know (see the browser console)."),
    **{
        status: label
        for status, label in EVENT_STATUSES.items()
        if status != "scheduled"
    },
}


@dataclass(frozen=True)
class Script:
    data: bytes
    name: str  # content-addressed file name, safe to cache forever
    integrity: str  # sha384-…, for the snippet's integrity attribute


def widget_script(
    languages: tuple[str, ...], gettext_for, pages: dict[str, dict[str, str]]
) -> Script:
    """widgets.js with its texts in every language of the site, the site's listing
    pages per language (`pages`: eventsPage, destinationsPage; the links of a failed
    widget) and the attribute values it accepts."""
    texts = {
        lang: {
            **{key: gettext_for(lang)(message) for key, message in TEXTS.items()},
            **pages[lang],
        }
        for lang in languages
    }
    values = {
        "lang": list(languages),
        "municipality": list(MUNICIPALITIES),
        "category": list(EVENT_CATEGORIES),
        "kind": list(DESTINATION_KINDS),
    }
    source = shipped((STATIC / "widgets.js").read_text(encoding="utf-8"))
    data = (
        source.replace(PLACEHOLDER, compact(texts))
        .replace(VALUES_PLACEHOLDER, compact(values))
        .encode("utf-8")
    )
    digest = hashlib.sha384(data).digest()
    name = f"widgets-{hashlib.sha256(data).hexdigest()[:12]}.js"
    return Script(data, name, "sha384-" + base64.b64encode(digest).decode())


def listing_pages(router, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Where a widget that cannot show its list sends the reader, per language."""
    return {
        lang: {
            "eventsPage": router.listing(lang, "events"),
            "destinationsPage": router.listing(lang, "destinations"),
        }
        for lang in languages
    }


def shipped(source: str) -> str:
    """The script as partners load it: its first line (what it is), without the other
    whole-line comments and indentation, which are for us (bytes count: 5 KB budget)."""
    first, *rest = source.splitlines()
    kept = [line.strip() for line in rest if not line.strip().startswith("//")]
    return "\n".join([first, *(line for line in kept if line)]) + "\n"


def compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def frame_html(script_name: str) -> bytes:
    """The iframe page: no text of its own, the widget comes from the query string."""
    return (
        '<!doctype html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Destination Småland</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<script type="module" src="{script_name}"></script>\n'
        '<script type="module" src="frame.js"></script>\n'
        "</head>\n<body>\n"
        # Without JavaScript this older frame has no list: it links to the site.
        '<noscript><p><a href="/" target="_top">Destination Småland</a></p></noscript>\n'
        "</body>\n</html>\n"
    ).encode()
