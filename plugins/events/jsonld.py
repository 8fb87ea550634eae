"""schema.org JSON-LD for item pages: Event, TouristAttraction, Product with Offer."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from content_model.model import Item
from content_model.rules import schedule_of
from content_model.sellers import Seller
from content_model.vocabulary import MUNICIPALITIES
from markupsafe import Markup

EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
}
POSTCODE_TOWN = re.compile(r"^(?P<code>\d{3} ?\d{2})\s+(?P<town>.+)$")
REGION = "Kronobergs län"


def script(data: dict[str, Any]) -> Markup:
    """A <script type=application/ld+json> block that no content can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def iso(value: date | datetime) -> str:
    return value.isoformat()


def postal_address(address: str | None, municipality: str) -> dict[str, Any]:
    """'Storgatan 1, 352 31 Växjö' split into street, postcode and town when it can be."""
    result: dict[str, Any] = {
        "@type": "PostalAddress",
        "addressLocality": MUNICIPALITIES[municipality],
        "addressRegion": REGION,
        "addressCountry": "SE",
    }
    if address:
        street, _, rest = address.rpartition(",")
        match = POSTCODE_TOWN.match(rest.strip())
        if street and match:
            result.update(
                streetAddress=street.strip(),
                postalCode=match["code"],
                addressLocality=match["town"],
            )
        else:
            result["streetAddress"] = address
    return result


def geo(item: Item) -> dict[str, Any] | None:
    point = item.get("coordinates")
    if point is None:
        return None
    return {
        "@type": "GeoCoordinates",
        "latitude": point.latitude,
        "longitude": point.longitude,
    }


def image(item: Item, site_url: str, sets: dict | None = None) -> list[str] | None:
    if not item.get("image"):
        return None
    path = sets[item.image].src.url if sets else f"/images/{item.image}"
    return [f"{site_url}{path}"]


def drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def event(
    item: Item, site_url: str, today: date, sets: dict | None = None
) -> dict[str, Any]:
    """Event with the properties Google's event rich results ask for."""
    schedule = schedule_of(item)
    occurrence = schedule.next_occurrence(today) or schedule.occurrences()[-1]
    place = drop_empty(
        {
            "@type": "Place",
            "name": item.venue,
            "address": postal_address(item.get("address"), item.municipality),
            "geo": geo(item),
        }
    )
    price = item.price
    offer = drop_empty(
        {
            "@type": "Offer",
            "price": 0 if price.free else price.low,
            "priceCurrency": "SEK",
            "url": item.get("booking_url") or f"{site_url}{item.url}",
            "seller": organization(item.get("seller")),
            # Only a scheduled event can be booked as announced.
            "availability": "https://schema.org/InStock"
            if (item.get("status") or "scheduled") in ("scheduled", "rescheduled")
            else None,
        }
    )
    if not price.known:
        offer = None  # the calendar it came from does not say: no offer to claim
    elif price.high is not None:
        offer = {
            "@type": "AggregateOffer",
            "lowPrice": price.low,
            "highPrice": price.high,
            "priceCurrency": "SEK",
            "url": offer["url"],
            **({"seller": offer["seller"]} if "seller" in offer else {}),
        }
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": f"{site_url}{item.url}#event",
        "name": item.title,
        "description": item.summary,
        "url": f"{site_url}{item.url}",
        "inLanguage": item.lang,
        "startDate": iso(occurrence.start),
        "endDate": iso(occurrence.end),
        "eventStatus": EVENT_STATUS[item.get("status") or "scheduled"],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "image": image(item, site_url, sets),
        "offers": offer,
        "isAccessibleForFree": price.free if price.known else None,
        "organizer": {"@type": "Organization", "name": item.organizer},
    }
    previous = item.get("previous_start")
    if previous is not None:
        if isinstance(previous, datetime):
            previous = previous.replace(tzinfo=schedule.zone)
        data["previousStartDate"] = iso(previous)
    if schedule.repeat is not None:
        data["eventSchedule"] = event_schedule(schedule)
    return drop_empty(data)


def event_schedule(schedule) -> dict[str, Any]:
    repeat = schedule.repeat
    start = schedule.start
    data: dict[str, Any] = {
        "@type": "Schedule",
        "repeatFrequency": "P1W" if repeat.frequency == "weekly" else "P1M",
        "startDate": (
            start.date() if isinstance(start, datetime) else start
        ).isoformat(),
        "scheduleTimezone": schedule.timezone,
    }
    if isinstance(start, datetime):
        data["startTime"] = start.strftime("%H:%M")
        end = schedule.end if isinstance(schedule.end, datetime) else start
        data["endTime"] = end.strftime("%H:%M")
    if repeat.until:
        data["endDate"] = repeat.until.isoformat()
    if repeat.count:
        data["repeatCount"] = repeat.count
    if repeat.exceptions:
        data["exceptDate"] = [d.isoformat() for d in repeat.exceptions]
    return data


def destination(item: Item, site_url: str, sets: dict | None = None) -> dict[str, Any]:
    return drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "TouristAttraction",
            "@id": f"{site_url}{item.url}#place",
            "name": item.title,
            "description": item.summary,
            "url": f"{site_url}{item.url}",
            "sameAs": item.get("website"),
            "address": postal_address(item.get("address"), item.municipality),
            "geo": geo(item),
            "image": image(item, site_url, sets),
            "containedInPlace": {
                "@type": "AdministrativeArea",
                "name": f"{MUNICIPALITIES[item.municipality]} kommun",
            },
        }
    )


def organization(seller: Seller | None) -> dict[str, Any] | None:
    """The business that sells an offer, with the ways to reach it we know."""
    if seller is None:
        return None
    return drop_empty(
        {
            "@type": "Organization",
            "name": seller.name,
            "url": seller.website,
            "telephone": seller.phone,
            "email": seller.email,
        }
    )


def package(item: Item, site_url: str, sets: dict | None = None) -> dict[str, Any]:
    """A bookable package as a Product with an Offer valid from/through its dates."""
    return drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "Product",
            "@id": f"{site_url}{item.url}#product",
            "name": item.title,
            "description": item.summary,
            "url": f"{site_url}{item.url}",
            "image": image(item, site_url, sets),
            "brand": organization(item.seller),
            "offers": {
                "@type": "Offer",
                "price": item.price_from,
                "priceCurrency": "SEK",
                "validFrom": item.valid_from.isoformat(),
                "validThrough": item.valid_through.isoformat(),
                "priceValidUntil": item.valid_through.isoformat(),
                "url": item.booking_url,
                "availability": "https://schema.org/InStock",
                "seller": organization(item.seller),
            },
        }
    )


def for_item(
    item: Item, site_url: str, today: date, sets: dict | None = None
) -> Markup:
    """The JSON-LD block for an item page, or nothing for types without one."""
    if item.type == "events":
        return script(event(item, site_url, today, sets))
    if item.type == "destinations":
        return script(destination(item, site_url, sets))
    if item.type == "packages":
        if item.entry.state == "expired":
            return Markup("")  # no offer: it cannot be booked any more
        return script(package(item, site_url, sets))
    return Markup("")
