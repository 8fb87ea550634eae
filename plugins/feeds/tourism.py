"""Destinations and events as schema.org JSON-LD for the national tourism data hub.

Follows the shape of Visit Sweden's Swedish Application Profile for Tourism (schema.org
based): one node per place or event, texts as language-tagged values in every language the
item has, our page as landing page, the key as external reference. The mapping is
documented in plugins/feeds/TOURISM.md.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from content_model.model import Entry
from events import jsonld

KIND_TYPES = {
    "museum": "Museum",
    "castle": "LandmarksOrHistoricalBuildings",
    "heritage": "LandmarksOrHistoricalBuildings",
    "nature": "Park",
    "water": "BodyOfWater",
    "town": "City",
    "glass": "TouristAttraction",
    "family": "TouristAttraction",
    "stay": "LodgingBusiness",
    "eat": "FoodEstablishment",
}


def texts(entry: Entry, field: str) -> list[dict[str, str]]:
    """A field in every language: [{"@value": …, "@language": "sv"}, …]."""
    return [
        {"@value": item.fields[field], "@language": lang}
        for lang, item in sorted(entry.items.items())
        if item.get(field)
    ]


def pages(entry: Entry, site_url: str) -> list[str]:
    return [site_url + item.url for _lang, item in sorted(entry.items.items())]


def image(entry: Entry, site_url: str, size) -> dict[str, Any] | None:
    source = entry.source
    if not source.get("image"):
        return None
    path, width, height = size(source.image)
    return {
        "@type": "ImageObject",
        "contentUrl": f"{site_url}{path}",
        "width": width,
        "height": height,
        "caption": texts(entry, "image_alt"),
    }


def common(entry: Entry, site_url: str, size, suffix: str) -> dict[str, Any]:
    source = entry.source
    return jsonld.drop_empty(
        {
            "@id": f"{site_url}{source.url}#{suffix}",
            "identifier": entry.key,
            "name": texts(entry, "title"),
            "description": texts(entry, "summary"),
            "url": pages(entry, site_url),
            "image": image(entry, site_url, size),
            "containedInPlace": {
                "@type": "AdministrativeArea",
                "name": f"{jsonld.MUNICIPALITIES[source.municipality]} kommun",
            },
        }
    )


def place(entry: Entry, site_url: str, size) -> dict[str, Any]:
    source = entry.source
    kind = KIND_TYPES[source.kind]
    node = {
        "@type": sorted({"TouristAttraction", kind}),
        **common(entry, site_url, size, "place"),
        "address": jsonld.postal_address(source.get("address"), source.municipality),
        "geo": jsonld.geo(source),
        "sameAs": source.get("website"),
    }
    return jsonld.drop_empty(node)


def event(entry: Entry, site_url: str, size, today: date) -> dict[str, Any]:
    described = jsonld.event(entry.source, site_url, today)
    keep = (
        "startDate",
        "endDate",
        "eventStatus",
        "eventAttendanceMode",
        "location",
        "offers",
        "isAccessibleForFree",
        "organizer",
        "previousStartDate",
        "eventSchedule",
    )
    node = {
        "@type": "Event",
        **common(entry, site_url, size, "event"),
        **{k: described[k] for k in keep if k in described},
    }
    return jsonld.drop_empty(node)


def node_lines(
    entries: dict[str, Entry], site_url: str, size, today: date, ledger: dict
) -> list[str]:
    """Each destination's and event's node as one line of JSON. A line is kept with
    its entry while all it is made from is the same (a long-lived process, livereload,
    then writes the file of ten thousand nodes from lines it already has)."""
    lines = []
    for entry in sorted(entries.values(), key=lambda e: (e.type, e.key)):
        if entry.type not in ("destinations", "events"):
            continue
        source = entry.source
        made_from = (
            entry.fingerprint,
            site_url,
            size(source.image) if source.get("image") else None,
            today,
            ledger[entry.key],
        )
        known = entry.__dict__.get("_tourism_line")
        if known is None or known[0] != made_from:
            known = made_from, compact(node(entry, site_url, size, today, ledger))
            entry.__dict__["_tourism_line"] = known
        lines.append(known[1])
    return lines


def node(
    entry: Entry, site_url: str, size, today: date, ledger: dict
) -> dict[str, Any]:
    if entry.type == "destinations":
        found = place(entry, site_url, size)
    else:
        found = event(entry, site_url, size, today)
    record = ledger[entry.key]
    found["dateCreated"] = record.created
    found["dateModified"] = record.updated
    return found


def document(lines: list[str]) -> str:
    # One node per line: readable and diffable, and written by the C encoder (Python's
    # encoder with an indent is pure Python: a fifth of a second on a large site).
    nodes = ",\n".join(lines)
    context = compact({"@vocab": "https://schema.org/"})
    return f'{{"@context":{context},\n"@graph":[\n{nodes}\n]}}\n'


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
