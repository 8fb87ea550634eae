"""JSON Feed 1.1, and the events JSON that partners and our widgets render from."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from content_model.vocabulary import (
    ACTIVITY_KINDS,
    DESTINATION_KINDS,
    DIFFICULTIES,
    MUNICIPALITIES,
)

from . import licence
from .syndication import FeedItem, FeedMeta, entry_id, feed_updated
from .views import EventView, source_record

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# Raised only for incompatible changes; added fields are compatible (consumers ignore
# fields they do not know: the schemas allow them).
EVENTS_FORMAT_VERSION = 1


def dumps(value: Any) -> str:
    """Compact and stable: the same data always gives the same bytes."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def iso(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()


def json_feed(meta: FeedMeta, items: list[str]) -> str:
    """JSON Feed 1.1 from its items (`json_feed_item` of each view, in order)."""
    head = {
        "version": JSON_FEED_VERSION,
        "title": meta.title,
        "description": meta.subtitle,
        "home_page_url": meta.page_url,
        "feed_url": meta.self_url,
        "language": meta.lang,
    }
    return with_list(head, "items", items)


def json_feed_item(feed_item: FeedItem, uid_domain: str, schema_url: str) -> str:
    view = feed_item.view
    item: dict[str, Any] = {
        "id": entry_id(view, uid_domain),
        "url": view.url,
        "title": feed_item.title,
        "summary": feed_item.text,
        "content_html": view.html,
        "date_published": iso(view.created),
        "date_modified": iso(view.updated),
        "language": view.lang,
    }
    if view.image:
        item["image"] = view.image.url
    if isinstance(view, EventView):
        item["tags"] = [view.category_label, view.municipality_name]
        item["_kronoberg_event"] = {"about": schema_url, **event_times(view)}
        if view.source is not None:
            item["_kronoberg_event"]["source"] = source_record(view.source)
    return dumps(item)[:-1]


def with_list(head: dict[str, Any], name: str, parts: list[str]) -> str:
    """`dumps` of `head` with a last member `name`: the list of serialised `parts`
    (the same bytes as serialising it whole)."""
    opened = dumps(head)[:-2]  # without its closing "}\n"
    return f"{opened},{json.dumps(name)}:[{','.join(parts)}]}}\n"


def event_times(view: EventView) -> dict[str, Any]:
    first = view.occurrences[0] if view.occurrences else None
    return {
        "start": iso(first.start) if first else None,
        "end": iso(first.end) if first else None,
        "all_day": view.schedule.all_day,
        "timezone": view.schedule.timezone,
    }


def event_record(view: EventView, uid_domain: str, today: date) -> dict[str, Any]:
    """One event with everything a partner needs to show it themselves."""
    price = view.price
    return {
        "id": f"{view.key}@{uid_domain}",
        "key": view.key,
        "language": view.lang,
        "title": view.title,
        "summary": view.summary,
        **event_times(view),
        "next": next_occurrence(view, today),
        "occurrences": [
            {"start": iso(o.start), "end": iso(o.end)} for o in view.occurrences
        ],
        "status": view.status,
        "previous_start": iso(view.aware_previous_start()),
        "venue": view.venue,
        "address": view.address,
        "municipality": {"id": view.municipality, "name": view.municipality_name},
        "coordinates": (
            {"lat": view.coordinates.latitude, "lon": view.coordinates.longitude}
            if view.coordinates
            else None
        ),
        "category": {"id": view.category, "label": view.category_label},
        "price": {
            "free": price.free,
            "min": price.low,
            "max": price.high if price.high is not None else price.low,
            "currency": "SEK",
            "note": view.price_note,
        },
        "booking_url": view.booking_url,
        "organizer": view.organizer,
        "source": source_record(view.source),
        "image": (
            {
                "url": view.image.url,
                "width": view.image.width,
                "height": view.image.height,
                "alt": view.image.alt,
                "credit": view.image.credit,
            }
            if view.image
            else None
        ),
        "url": view.url,
        "translations": view.translations,
        "updated": iso(view.updated),
        "sequence": view.sequence,
    }


def next_occurrence(view: EventView, today: date) -> dict[str, Any] | None:
    """The occurrence still running on the build date, or None when all are over."""
    found = view.schedule.next_occurrence(today)
    return {"start": iso(found.start), "end": iso(found.end)} if found else None


def item_record(item, entry, site) -> dict[str, Any]:
    """What every place record (destinations.json, activities.json) starts with."""
    return {
        "key": entry.key,
        "language": item.lang,
        "title": item.title,
        "summary": item.summary,
        "url": site.absolute(item.url),
    }


def coordinates_record(item) -> dict[str, float] | None:
    point = item.get("coordinates")
    return {"lat": point.latitude, "lon": point.longitude} if point else None


def translations_record(entry, site) -> dict[str, str]:
    return {
        lang: site.absolute(other.url) for lang, other in sorted(entry.items.items())
    }


def image_record(item, site) -> dict[str, Any] | None:
    if not item.get("image"):
        return None
    path, width, height = site.image(item.image)
    return {
        "url": site.absolute(path),
        "width": width,
        "height": height,
        "alt": item.image_alt,
        "credit": site.credits.get(item.image),
    }


def destination_record(item, entry, site) -> dict[str, Any]:
    """A destination as the destinations widget and partners need it."""
    return {
        **item_record(item, entry, site),
        "kind": {
            "id": item.kind,
            "label": site.translate(DESTINATION_KINDS[item.kind]),
        },
        "municipality": {
            "id": item.municipality,
            "name": MUNICIPALITIES[item.municipality],
        },
        "coordinates": coordinates_record(item),
        "image": image_record(item, site),
        "address": item.get("address") or None,
        "opening_hours": item.get("opening_hours") or None,
        "season": item.get("season") or None,
        "accessibility": item.get("accessibility") or None,
        "website": item.get("website") or None,
        "translations": translations_record(entry, site),
    }


def events_json(
    meta: FeedMeta, views: list[EventView], records: list[str], schema_url: str
) -> str:
    """The events JSON from its records (`event_piece` of each view, in order)."""
    head = {
        "$schema": schema_url,
        "version": EVENTS_FORMAT_VERSION,
        "language": meta.lang,
        "title": meta.title,
        "url": meta.page_url,
        "updated": iso(feed_updated(views, meta)),
        "license": licence.record(meta.self_url),
    }
    return with_list(head, "events", records)


def event_piece(view: EventView, uid_domain: str, today: date) -> str:
    return dumps(event_record(view, uid_domain, today))[:-1]


def activity_record(item, entry, site) -> dict[str, Any]:
    """An activity as the activities listing's filters and partners need it."""
    return {
        **item_record(item, entry, site),
        "kind": {"id": item.kind, "label": site.translate(ACTIVITY_KINDS[item.kind])},
        "municipalities": [
            {"id": m, "name": MUNICIPALITIES[m]} for m in item.municipality
        ],
        "coordinates": coordinates_record(item),
        "image": image_record(item, site),
        "where": item.where,
        "season": item.season,
        "duration": item.duration,
        "difficulty": {
            "id": item.difficulty,
            "label": site.translate(DIFFICULTIES[item.difficulty]),
        },
        "distance_km": float(item.distance_km) if item.get("distance_km") else None,
        "translations": translations_record(entry, site),
    }
