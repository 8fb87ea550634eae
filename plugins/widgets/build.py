"""The widget script with its texts in every language, and its Subresource Integrity hash."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from content_model.vocabulary import EVENT_STATUSES, N_

STATIC = Path(__file__).with_name("static")
# Published versions of the script, kept byte for byte (./dev widgets-release adds one).
RELEASED = Path(__file__).with_name("released")
PLACEHOLDER = "/*TEXT*/ {}"
# Texts the widgets show, by key; the catalogs translate them (most already exist).
TEXTS = {
    "none": N_("No upcoming events right now."),
    "allEvents": N_("All events"),
    "allDestinations": N_("All destinations"),
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


def widget_script(languages: tuple[str, ...], gettext_for) -> Script:
    """widgets.js with a dictionary of its texts in every language of the site."""
    texts = {
        lang: {key: gettext_for(lang)(message) for key, message in TEXTS.items()}
        for lang in languages
    }
    source = (STATIC / "widgets.js").read_text(encoding="utf-8")
    table = json.dumps(texts, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    data = source.replace(PLACEHOLDER, table).encode("utf-8")
    digest = hashlib.sha384(data).digest()
    name = f"widgets-{hashlib.sha256(data).hexdigest()[:12]}.js"
    return Script(data, name, "sha384-" + base64.b64encode(digest).decode())


def frame_html(script_name: str) -> bytes:
    """The iframe page: no text of its own, the widget comes from the query string."""
    return (
        '<!doctype html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Destination Småland</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<script type="module" src="{script_name}"></script>\n'
        '<script type="module" src="frame.js"></script>\n'
        "</head>\n<body>\n</body>\n</html>\n"
    ).encode()
