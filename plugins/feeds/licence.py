"""The data licence every feed states: CC BY 4.0, as national tourism open data uses.

Partners may reuse, change and republish our events and destinations, also commercially,
if they credit us with the attribution text. Photos keep their own credit (`credit` on
each image, from content/images/CREDITS.md).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

NAME = "CC BY 4.0"
URL = "https://creativecommons.org/licenses/by/4.0/"
HOLDER = "AB Destination Småland"


def attribution(site_url: str) -> str:
    """The credit a partner shows: who, and where the data comes from."""
    host = urlsplit(site_url).netloc or site_url
    return f"{HOLDER}, {host}"


def record(site_url: str) -> dict[str, Any]:
    """For the JSON files (`license` of events.json, destinations.json, changes.json)."""
    return {"name": NAME, "url": URL, "attribution": attribution(site_url)}


def rights(site_url: str) -> str:
    """Atom <rights>, RSS <copyright>."""
    return f"{NAME} ({URL}): {attribution(site_url)}"
