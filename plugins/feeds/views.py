"""What a feed says about an item, in one language: plain records built from entries."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from content_model.fields import Coordinates, Price
from content_model.listings import card_for
from content_model.model import Entry, Item
from content_model.rules import schedule_of
from content_model.schedule import Occurrence, Schedule
from content_model.sources import Source
from content_model.vocabulary import EVENT_CATEGORIES, MUNICIPALITIES, N_

from .ledger import Record

Translate = Callable[[str], str]
ROOT_RELATIVE = re.compile(r'(href|src)="/(?!/)')


@dataclass(frozen=True)
class Image:
    url: str
    width: int
    height: int
    alt: str
    credit: str | None = None  # who made it, under which licence (CREDITS.md)


@dataclass(frozen=True)
class View:
    """Fields every feed entry has."""

    key: str
    type: str
    lang: str
    title: str
    summary: str
    html: str
    url: str
    translations: dict[str, str]
    created: datetime
    updated: datetime
    image: Image | None
    # Digested instead of the fields (feeds hold thousands of views); see `views`.
    fingerprint: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class EventView(View):
    schedule: Schedule = field(default=None)  # type: ignore[assignment]
    status: str = "scheduled"
    previous_start: datetime | date | None = None
    venue: str = ""
    address: str | None = None
    municipality: str = ""
    coordinates: Coordinates | None = None
    category: str = ""
    category_label: str = ""
    price: Price = field(default_factory=lambda: Price(None))
    price_note: str | None = None
    booking_url: str | None = None
    organizer: str = ""
    sequence: int = 0
    # An imported event's partner calendar, and the line that credits it.
    source: Source | None = None
    credit: str | None = None

    @property
    def municipality_name(self) -> str:
        return MUNICIPALITIES[self.municipality]

    @property
    def occurrences(self) -> list[Occurrence]:
        return self.schedule.occurrences()

    @property
    def location(self) -> str:
        """Venue and address, or venue and municipality when there is no address."""
        return ", ".join(
            x for x in (self.venue, self.address or self.municipality_name) if x
        )

    def aware_previous_start(self) -> datetime | date | None:
        value = self.previous_start
        if isinstance(value, datetime):
            return value.replace(tzinfo=ZoneInfo(self.schedule.timezone))
        return value


@dataclass(frozen=True)
class StoryView(View):
    published: datetime = field(default=None)  # type: ignore[assignment]
    author: str | None = None


@dataclass(frozen=True)
class Site:
    """What views need from the build: absolute URLs, images, the reader's language."""

    url: str  # SITEURL, no trailing slash
    lang: str  # the reader's
    translate: Translate
    image: Callable[[str], tuple[str, int, int]]  # name -> (url path, width, height)
    ledger: dict[str, Record]
    credits: dict[str, str] = field(default_factory=dict)  # image file → credit

    def absolute(self, path: str) -> str:
        return self.url + path

    def absolute_html(self, html: str) -> str:
        return ROOT_RELATIVE.sub(lambda m: f'{m[1]}="{self.url}/', html)


def common(item: Item, entry: Entry, site: Site) -> dict:
    record = site.ledger[entry.key]
    image = None
    if item.get("image"):
        path, width, height = site.image(item.image)
        image = Image(
            site.absolute(path),
            width,
            height,
            item.image_alt,
            site.credits.get(item.image),
        )
    return {
        "key": entry.key,
        "type": entry.type,
        "lang": item.lang,
        "title": item.title,
        "summary": item.summary,
        "html": site.absolute_html(item.html),
        "url": site.absolute(item.url),
        "translations": {
            lang: site.absolute(other.url)
            for lang, other in sorted(entry.items.items())
        },
        "created": datetime.fromisoformat(record.created),
        "updated": datetime.fromisoformat(record.updated),
        "image": image,
        # A view is made from its item (whose digest covers all of its facts), its
        # translations' addresses, its ledger record, the site's address and the
        # reader's language (catalogs, images and code are in every file's salt).
        "fingerprint": item.digest
        and ":".join(
            (
                item.digest,
                *(other.url for _, other in sorted(entry.items.items())),
                f"{record.created}|{record.updated}|{record.sequence}",
                site.lang,
                site.url,
            )
        ),
    }


def event_view(item: Item, entry: Entry, site: Site) -> EventView:
    record = site.ledger[entry.key]
    return EventView(
        **common(item, entry, site),
        schedule=schedule_of(item),
        status=item.get("status") or "scheduled",
        previous_start=item.get("previous_start"),
        venue=item.venue,
        address=item.get("address"),
        municipality=item.municipality,
        coordinates=item.get("coordinates"),
        category=item.category,
        category_label=site.translate(EVENT_CATEGORIES[item.category]),
        price=item.price,
        price_note=item.get("price_note"),
        booking_url=item.get("booking_url"),
        organizer=item.organizer,
        sequence=record.sequence,
        source=item.get("source"),
        credit=source_credit(item.get("source"), site.translate),
    )


def source_credit(source: Source | None, translate: Translate) -> str | None:
    """'From the calendar of Växjö stadsbibliotek — Växjö kommun, CC0: https://…'."""
    if source is None:
        return None
    line = translate(N_("From the calendar of %(name)s")) % {"name": source.name}
    line += f" — {source.attribution}, {source.licence}"
    return f"{line}: {source.link}" if source.link else line


def source_record(source: Source | None) -> dict | None:
    """The partner calendar an event came from, for feeds that carry data."""
    if source is None:
        return None
    return {
        "id": source.id,
        "name": source.name,
        "url": source.link or None,
        "attribution": source.attribution,
        "licence": source.licence,
        "licence_url": source.licence_url or None,
    }


def story_view(item: Item, entry: Entry, site: Site) -> StoryView:
    published = item.date
    return StoryView(
        **common(item, entry, site),
        published=datetime(
            published.year,
            published.month,
            published.day,
            12,
            tzinfo=ZoneInfo("Europe/Stockholm"),
        ),
        author=item.get("author"),
    )


def views(entries: list[Entry], lang: str, mode: str, site: Site) -> list[View]:
    """One view per entry as a reader of `lang` gets it (fallback per `mode`)."""
    found = []
    for entry in entries:
        card = card_for(entry, lang, mode)
        if card is None:
            continue
        found.append(view_of(card.item, entry, site))
    return found


def view_of(item: Item, entry: Entry, site: Site) -> View:
    """Kept on the item, per reader's language, while all it is made from stays the same
    (livereload keeps the items of unchanged files: only edited ones get new views)."""
    events = entry.type == "events"
    made_from = (
        item.digest,
        item.html,  # with the site's images
        tuple(other.url for other in entry.items.values()),
        site.ledger[entry.key],
        site.url,
        site.translate(EVENT_CATEGORIES[item.category]) if events else "",
        site.image(item.image) if item.get("image") else None,
    )
    memo = item.__dict__.setdefault("_views", {})
    known = memo.get(site.lang)
    if known is None or known[0] != made_from:
        view = (event_view if events else story_view)(item, entry, site)
        known = memo[site.lang] = (made_from, view)
    return known[1]


def upcoming(events: list[EventView], today: date) -> list[EventView]:
    """Events with an occurrence still running on `today`, by their next start."""
    running = [e for e in events if e.schedule.last_day() >= today]
    return sorted(running, key=lambda e: (sort_moment(e, today), e.key))


def sort_moment(event: EventView, today: date) -> datetime:
    occurrence = event.schedule.next_occurrence(today) or event.occurrences[0]
    start = occurrence.start
    if isinstance(start, datetime):
        return start.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
    return datetime(start.year, start.month, start.day)
