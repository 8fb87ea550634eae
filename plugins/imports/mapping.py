"""An upstream event as the header and body of one of our event files.

What cannot be mapped (no category for the partner's words, no municipality for the
place) is a problem for the editor, never a guess.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime

from content_model import fields as f
from content_model.sources import Source
from content_model.vocabulary import MUNICIPALITIES

from .safe_text import escape
from .upstream import Upstream

COUNTRY = re.compile(
    r",\s*(Sverige|Sweden|Schweden|Sverige \(SE\)|SE)\s*$", re.IGNORECASE
)
# Places of the county by their own names (from addresses and LOCATION text).
LOCALITIES = {
    "alvesta": "alvesta",
    "moheda": "alvesta",
    "vislanda": "alvesta",
    "grimslöv": "alvesta",
    "lessebo": "lessebo",
    "kosta": "lessebo",
    "hovmantorp": "lessebo",
    "skruv": "lessebo",
    "ljungby": "ljungby",
    "lagan": "ljungby",
    "lidhult": "ljungby",
    "ryssby": "ljungby",
    "markaryd": "markaryd",
    "strömsnäsbruk": "markaryd",
    "traryd": "markaryd",
    "tingsryd": "tingsryd",
    "ryd": "tingsryd",
    "urshult": "tingsryd",
    "konga": "tingsryd",
    "åseda": "uppvidinge",
    "lenhovda": "uppvidinge",
    "alstermo": "uppvidinge",
    "norrhult": "uppvidinge",
    "älghult": "uppvidinge",
    "växjö": "vaxjo",
    "lammhult": "vaxjo",
    "rottne": "vaxjo",
    "braås": "vaxjo",
    "ingelstad": "vaxjo",
    "gemla": "vaxjo",
    "älmhult": "almhult",
    "diö": "almhult",
    "liatorp": "almhult",
    "eneryda": "almhult",
}
SUMMARY_LIMIT = 280


class Unmappable(ValueError):
    """The event lacks something our model requires; the message says what."""


def header_and_body(event: Upstream, source: Source) -> tuple[dict[str, str], str]:
    """Our fields (in file order, as text) and the body, for one upstream event."""
    if event.problems:
        raise Unmappable("; ".join(event.problems))
    if not event.title:
        raise Unmappable("has no title (SUMMARY)")
    venue, address = split_location(event.location)
    outside = outside_the_county(event.location, event.geo)
    if outside:
        raise Unmappable(
            f"the place {event.location!r} is {outside}: not one of our events"
        )
    municipality = (
        event.municipality
        if event.municipality in MUNICIPALITIES
        else municipality_for(address, event.location, source)
    )
    if municipality is None:
        raise Unmappable(
            f"no municipality for the place {event.location or '(none)'!r}: set "
            f"`municipality` for the source, or ask the partner to give the town"
        )
    category = source.category_for(list(event.categories))
    if category is None:
        words = ", ".join(event.categories) or "(none)"
        raise Unmappable(
            f"no category for the partner's categories {words}: add them to "
            f"[source.categories] in content/sources.toml, or give the source a `category`"
        )
    fields: dict[str, str] = {
        "title": event.title,
        "summary": summary_of(event),
        "start": shown(event.start),
    }
    if event.end is not None:
        fields["end"] = shown(event.end)
    if event.repeat is not None:
        fields["repeat"] = event.repeat.frequency
        fields["repeat_until"] = event.repeat.until.isoformat()
        if event.repeat.exceptions:
            fields["repeat_except"] = ", ".join(
                d.isoformat() for d in event.repeat.exceptions
            )
    fields["venue"] = venue or source.name
    # A source without an address says nothing we could confirm: the editor finds it
    # (`./dev unconfirmed` lists it).
    fields["address"] = address or "unconfirmed"
    fields["municipality"] = municipality
    if event.geo is not None:
        try:
            point = f.coordinates(f"{event.geo[0]}, {event.geo[1]}")
            fields["coordinates"] = f"{point.latitude}, {point.longitude}"
        except f.FieldProblem:
            pass  # a point outside the county: the municipality still says where
    fields["category"] = category
    fields["price"] = event.price or source.price or "unknown"
    fields["organizer"] = event.organizer or source.name
    # No link, or not one our pages may carry (http://, odd characters, a home page):
    # left out.
    with contextlib.suppress(f.FieldProblem):
        fields["booking_url"] = f.booking_page(event.url)
    if event.cancelled:
        fields["status"] = "cancelled"
    body = event.description or escape(event.title)
    return fields, body


def split_location(location: str) -> tuple[str, str]:
    """'Stadsbiblioteket, Västra Esplanaden 7, 352 31 Växjö, Sverige' → venue and our
    address form; a location that holds no address is all venue."""
    location = COUNTRY.sub("", location.strip())
    parts = [p.strip() for p in location.split(",") if p.strip()]
    for cut in range(len(parts) - 1, 0, -1):
        try:
            address = f.postal_address(", ".join(parts[cut - 1 :]) if cut else "")
        except f.FieldProblem:
            continue
        # A place given only as an address: its street names it.
        venue = ", ".join(parts[: cut - 1]) or f.split_address(address)[0]
        return venue, address
    return location, ""


SWEDISH_POSTCODE = re.compile(r"\b(\d{3}) ?\d{2}\b")


def outside_the_county(location: str, geo: tuple[float, float] | None) -> str:
    """Why a place is not in Kronoberg, when it clearly is not ('' otherwise)."""
    if geo is not None:
        try:
            f.coordinates(f"{geo[0]}, {geo[1]}")
        except f.FieldProblem:
            return f"at {geo[0]}, {geo[1]}, outside Kronoberg"
    for match in SWEDISH_POSTCODE.finditer(location):
        if not "280" <= match[1] <= "369":
            return f"at postcode {match[0]}, outside Kronoberg"
    return ""


def municipality_for(address: str, location: str, source: Source) -> str | None:
    if address:
        town = f.split_address(address)[2].casefold()
        if town in LOCALITIES:
            return LOCALITIES[town]
    words = re.findall(r"[\wåäöÅÄÖ]+", location.casefold())
    for word in words:
        if word in LOCALITIES and word != "ryd":  # "Ryd" is too common a word alone
            return LOCALITIES[word]
    return source.municipality or None


def summary_of(event: Upstream) -> str:
    """The description's first sentence(s), up to our limit; else the title."""
    plain = re.sub(
        r"(?<![.!?:])  \n", ". ", event.description
    )  # a line break ends a phrase
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", plain)
    plain = re.sub(r"\\(.)", r"\1", plain).replace("&lt;", "<").replace("&gt;", ">")
    plain = " ".join(re.sub(r"[*#]", "", plain).split())
    if not plain:
        return event.title[:SUMMARY_LIMIT]
    if len(plain) <= SUMMARY_LIMIT:
        return plain
    cut = plain[:SUMMARY_LIMIT]
    sentence = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if sentence > 60:
        return cut[: sentence + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…"


def shown(value: datetime | date) -> str:
    return (
        value.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, datetime)
        else value.isoformat()
    )
