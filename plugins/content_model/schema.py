"""The content model: which fields each type has, and how each is read."""

from __future__ import annotations

from dataclasses import dataclass

from . import fields as f
from .vocabulary import (
    ACTIVITY_KINDS,
    DESTINATION_KINDS,
    DIFFICULTIES,
    EVENT_CATEGORIES,
    EVENT_STATUSES,
    MUNICIPALITIES,
    PAGE_ROLES,
)


@dataclass(frozen=True)
class FieldSpec:
    """`shared` fields are facts written once (source file); the others are per language."""

    name: str
    parse: f.Parser
    required: bool = False
    shared: bool = True
    is_list: bool = False


def text(name: str, required: bool = False) -> FieldSpec:
    return FieldSpec(name, f.text, required, shared=False)


REPEAT_FREQUENCIES = ("weekly", "monthly")
MUNICIPALITY = f.one_of(tuple(MUNICIPALITIES))
MUNICIPALITY_LIST = f.several_of(tuple(MUNICIPALITIES))
# Facts written as examples where the real ones are not known yet (shown on the page).
ILLUSTRATIVE = f.several_of(("date", "time", "price", "booking"))

COMMON = (
    FieldSpec("key", f.key, required=True),
    text("title", required=True),
    FieldSpec("summary", f.summary, required=True, shared=False),
    FieldSpec("image", f.text),
    text("image_alt"),
    # Publication (publication.py): a draft is never published; from a moment on.
    FieldSpec("draft", f.yes_no),
    FieldSpec("publish_from", f.date_or_datetime),
    # Says that an item with a new key in the place of an old one is really new.
    FieldSpec("new_item", f.yes_no),
    # A translation's record of its source's text (translations.py); per file.
    FieldSpec("translated_from", f.source_record, shared=False),
)

TYPES: dict[str, tuple[FieldSpec, ...]] = {
    "destinations": (
        FieldSpec("municipality", MUNICIPALITY, required=True),
        FieldSpec("kind", f.one_of(tuple(DESTINATION_KINDS)), required=True),
        FieldSpec("coordinates", f.coordinates, required=True),
        FieldSpec("address", f.address_or_withheld, required=True),
        FieldSpec("nearest_stop", f.text),
        text("season", required=True),
        text("opening_hours"),
        FieldSpec("website", f.url),
        text("accessibility", required=True),
        # Shown first where the home page has room for a few (plans.home).
        FieldSpec("featured", f.yes_no),
    ),
    "events": (
        FieldSpec("start", f.date_or_datetime, required=True),
        FieldSpec("end", f.date_or_datetime),
        FieldSpec("venue", f.text, required=True),
        # The destination where it happens, by key: its page lists the event.
        FieldSpec("destination", f.key),
        # Required unless the event has a `destination` (it takes that one's: venues.py).
        FieldSpec("address", f.address_or_withheld),
        FieldSpec("nearest_stop", f.text),
        FieldSpec("municipality", MUNICIPALITY, required=True),
        FieldSpec("coordinates", f.coordinates),
        FieldSpec("category", f.one_of(tuple(EVENT_CATEGORIES)), required=True),
        FieldSpec("price", f.price, required=True),
        text("price_note"),
        # The organizer's or venue's page about the event (or its home page).
        FieldSpec("website", f.url),
        FieldSpec("booking_url", f.booking_page),
        # Who sells the tickets, by id in content/sellers.toml (else the organizer).
        FieldSpec("seller", f.key),
        FieldSpec("organizer", f.text, required=True),
        FieldSpec("status", f.one_of(tuple(EVENT_STATUSES))),
        FieldSpec("previous_start", f.date_or_datetime),
        FieldSpec("timezone", f.timezone_name),
        FieldSpec("repeat", f.one_of(REPEAT_FREQUENCIES)),
        FieldSpec("repeat_until", f.calendar_date),
        FieldSpec("repeat_count", f.repeat_count),
        FieldSpec("repeat_except", f.date_list),
        FieldSpec("illustrative", ILLUSTRATIVE),
        # Written by `./dev import` (plugins/imports): where the event came from.
        FieldSpec("source", f.key),
        FieldSpec("source_uid", f.text),
        FieldSpec("source_recurrence", f.text),
        FieldSpec("import_digest", f.text),
    ),
    "activities": (
        FieldSpec("kind", f.one_of(tuple(ACTIVITY_KINDS)), required=True),
        FieldSpec("municipality", MUNICIPALITY_LIST, required=True),
        text("where", required=True),
        FieldSpec("coordinates", f.coordinates),
        text("season", required=True),
        text("duration", required=True),
        FieldSpec("difficulty", f.one_of(tuple(DIFFICULTIES)), required=True),
        FieldSpec("distance_km", f.decimal_number),
        # Shown first where the home page has room for a few (plans.home).
        FieldSpec("featured", f.yes_no),
    ),
    "packages": (
        # Shown first where the home page has room for a few (plans.home).
        FieldSpec("featured", f.yes_no),
        FieldSpec("includes", f.text, required=True, shared=False, is_list=True),
        FieldSpec("price_from", f.whole_kronor, required=True),
        text("price_note"),
        FieldSpec("valid_from", f.calendar_date, required=True),
        FieldSpec("valid_through", f.calendar_date, required=True),
        FieldSpec("booking_url", f.booking_page, required=True),
        # The business that sells and books it: an id in content/sellers.toml.
        FieldSpec("seller", f.key, required=True),
        FieldSpec("municipality", MUNICIPALITY, required=True),
        # The destinations it takes visitors to, by key: each lists the package.
        FieldSpec("destinations", f.key_list),
        text("duration"),
        FieldSpec("illustrative", ILLUSTRATIVE),
    ),
    "stories": (
        FieldSpec("date", f.calendar_date, required=True),
        FieldSpec("author", f.text),
        FieldSpec("municipality", MUNICIPALITY_LIST),
    ),
    "pages": (FieldSpec("role", f.one_of(PAGE_ROLES)),),
    "municipalities": (
        FieldSpec("coordinates", f.coordinates, required=True),
        FieldSpec("website", f.url),
    ),
}

# Types whose items have a page of their own under a per-language folder.
LISTED_TYPES = ("destinations", "events", "activities", "packages", "stories")


def specs_for(content_type: str) -> dict[str, FieldSpec]:
    return {spec.name: spec for spec in (*COMMON, *TYPES[content_type])}
