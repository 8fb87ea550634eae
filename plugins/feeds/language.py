"""One language's feeds: every feed file of a language as render jobs."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from content_model.listings import card_for
from events.calendar import months_between
from events.describe import month_name
from i18n.catalogs import load_translations
from images import image_source
from render import OutputJob, Shared

from . import changes, ical, jsonfeed, licence, syndication, texts
from .catalog import (
    ACTIVITIES_SCHEMA_PATH,
    CHANGES_SCHEMA_PATH,
    DESTINATIONS_SCHEMA_PATH,
    SCHEMA_PATH,
    Scope,
    month_path,
    scopes,
    single_event_path,
    story_path,
)
from .pieces import EVENT_FORMATS, STORY_FORMATS, Serialiser, pieces, wanted
from .syndication import FeedMeta
from .views import EventView, Site, View, upcoming, views

if TYPE_CHECKING:
    from .generator import FeedsGenerator


class LanguageFeeds:
    """Every feed of one language, as jobs: each file is made only if it changed."""

    def __init__(self, owner: FeedsGenerator, lang: str):
        self.owner = owner
        self.lang = lang
        self.tr = load_translations(owner.translations_dir, lang)
        self.domain = owner.options["uid_domain"]
        self.vevents: dict[tuple[str, str], bytes] = {}
        self.site = Site(
            url=owner.site_url,
            lang=lang,
            translate=self.tr.gettext,
            image=lambda name: image_source(owner.context["image_sets"], name),
            ledger=owner.ledger,
            credits=owner.context.get("image_credits", {}),
        )
        self.build_date = owner.settings["BUILD_DATE"]
        modes = owner.planner.fallback_modes
        self.every = views(
            owner.planner.of_type("events"), lang, modes["events"], self.site
        )
        self.serialiser = Serialiser(
            lang,
            self.domain,
            self.site.url + SCHEMA_PATH,
            self.build_date,
            self.translations,
            owner.languages,
        )
        # The pieces (pieces.py) this language's planned files are joined from.
        self.wanted: list = []

    def state(self) -> tuple:
        """All this language's feeds are made from (code and settings aside). Equal
        views are the same objects (views.view_of) and compare at once.

        Kept jobs are made by the closures of the build that planned them, so this
        covers everything those read, the image sets included (destination records
        take sizes and addresses from them)."""
        planner = self.owner.planner
        modes = planner.fallback_modes
        # destinations.json and activities.json: each record shows its item and the
        # entry's other languages.
        cards = (
            card_for(entry, self.lang, modes[content_type])
            for content_type in ("destinations", "activities")
            for entry in planner.of_type(content_type)
        )
        return (
            tuple(self.every),
            tuple(
                views(
                    planner.of_type("stories"), self.lang, modes["stories"], self.site
                )
            ),
            tuple(
                (card.fingerprint, card.item.entry.fingerprint)
                for card in cards
                if card is not None
            ),
            self.site.url,
            self.domain,
            self.build_date,
            self.owner.since,
            tuple(
                id(load_translations(self.owner.translations_dir, lang))
                for lang in self.owner.languages
            ),
            self.owner.context["image_sets"],
            tuple(sorted(self.site.credits.items())),
            # changes.json lists events removed lately (the ledger dates removals)
            tuple(self.owner.removed),
        )

    def translations(self, lang: str):
        """A status before a title is in the entry's own language, like the title."""
        return load_translations(self.owner.translations_dir, lang)

    def meta(self, title: str, subtitle: str, path: str, page: str) -> FeedMeta:
        return FeedMeta(
            self.lang,
            title,
            subtitle,
            self.site.url + path,
            self.site.url + page,
            self.owner.since,
        )

    def inputs(self, *parts) -> tuple:
        """What a feed file is made from (besides code and catalogs)."""
        return (
            self.lang,
            self.site.url,
            self.domain,
            self.build_date,
            self.owner.since,
            *parts,
        )

    def jobs(self) -> list[OutputJob]:
        planner = self.owner.planner
        modes = planner.fallback_modes
        every = self.every
        soon = upcoming(every, self.build_date)
        self.wanted += wanted(soon, EVENT_FORMATS, self.serialiser)
        jobs = []
        for scope in scopes():
            jobs += self.event_jobs(
                scope,
                [e for e in every if scope.includes(e)],
                [e for e in soon if scope.includes(e)],
            )
        jobs += self.month_jobs(every)
        jobs += self.single_event_jobs(every)
        jobs.append(self.changes_job(every))
        jobs.append(self.destinations_job())
        jobs.append(self.activities_job())
        stories = views(
            planner.of_type("stories"), self.lang, modes["stories"], self.site
        )
        stories.sort(key=lambda s: (s.published, s.key), reverse=True)
        self.wanted += wanted(stories, STORY_FORMATS, self.serialiser)
        jobs += self.story_jobs(stories)
        for job in jobs:
            if job.path.endswith(".ics"):  # one worker: they share the VEVENT cache
                job.group = f"calendars-{self.lang}"
            job.kept_inputs = True  # kept whole while `state` is equal
        return jobs

    def event_jobs(
        self, scope: Scope, every: list[EventView], soon: list[EventView]
    ) -> list[OutputJob]:
        """ICS keeps past events (calendars keep them); the others list upcoming ones."""
        title = texts.scope_title(scope, self.tr)
        subtitle = self.tr.gettext(texts.EVENTS_SUBTITLE)
        page = self.listing_of(scope)
        schema = self.site.url + SCHEMA_PATH

        def meta(fmt: str) -> FeedMeta:
            return self.meta(title, subtitle, scope.path(self.lang, fmt), page)

        def of(fmt: str) -> list[str]:
            return pieces(soon, fmt, self.serialiser)

        makers = {
            "ics": lambda: ical.calendar(
                every,
                name=title,
                description=subtitle,
                url=self.site.url + page,
                uid_domain=self.domain,
                cache=self.vevents,
            ),
            "atom": lambda: syndication.atom(meta("atom"), soon, of("atom")),
            "rss": lambda: syndication.rss(meta("rss"), soon, of("rss")),
            "jsonfeed": lambda: jsonfeed.json_feed(
                meta("jsonfeed"), of("jsonfeed")
            ).encode(),
            "json": lambda: jsonfeed.events_json(
                meta("json"), soon, of("json"), schema
            ).encode(),
        }
        shared = Shared(self.inputs(scope, every, soon))
        return [
            OutputJob(scope.path(self.lang, fmt).lstrip("/"), (fmt, shared), make)
            for fmt, make in makers.items()
        ]

    def month_jobs(self, every: list[EventView]) -> list[OutputJob]:
        """A municipality's events of one month (any occurrence in it, Stockholm time):
        calendar and events JSON, for partners who show a month at a time."""
        jobs = []
        schema = self.site.url + SCHEMA_PATH
        for (municipality, month), chosen in sorted(by_month(every).items()):
            scope = Scope("municipality", municipality)
            title = (
                f"{texts.scope_title(scope, self.tr)}, {month_name(month, self.lang)}"
            )
            page = self.listing_of(scope)
            path = month_path(self.lang, municipality, month)
            meta = self.meta(title, "", path + ".json", page)
            shared = Shared(self.inputs("month", municipality, month, chosen))
            jobs += [
                OutputJob(
                    path.lstrip("/") + ".ics",
                    ("month-ics", shared),
                    lambda chosen=chosen, title=title, page=page: ical.calendar(
                        chosen,
                        name=title,
                        description=title,
                        url=self.site.url + page,
                        uid_domain=self.domain,
                        cache=self.vevents,
                    ),
                ),
                OutputJob(
                    path.lstrip("/") + ".json",
                    ("month-json", shared),
                    lambda chosen=chosen, meta=meta: jsonfeed.events_json(
                        meta, chosen, pieces(chosen, "json", self.serialiser), schema
                    ).encode(),
                ),
            ]
        return jobs

    def listing_of(self, scope: Scope) -> str:
        """The page a feed stands for: a filtered feed's is its filtered listing."""
        pages = self.owner.context.get("event_pages")  # the events plugin's
        if pages is not None and scope.kind == "municipality":
            return pages.municipality_url(self.lang, scope.value)
        if pages is not None and scope.kind == "category":
            return pages.category_url(self.lang, scope.value)
        return self.owner.planner.router.listing(self.lang, "events")

    def single_event_jobs(self, events: list[EventView]) -> list[OutputJob]:
        """One calendar file per event page, for its "Add to my calendar" button."""

        def job(event: EventView) -> OutputJob:
            return OutputJob(
                single_event_path(self.lang, event.key).lstrip("/"),
                ("single-ics", self.inputs(event)),
                lambda: ical.calendar(
                    [event],
                    name=event.title,
                    description=event.summary,
                    url=event.url,
                    uid_domain=self.domain,
                    cache=self.vevents,
                ),
            )

        return [job(e) for e in events if e.lang == self.lang]

    def changes_job(self, every: list[EventView]) -> OutputJob:
        """What changed, for partners who mirror our events (changes.py)."""
        removed = self.owner.removed
        head = {
            "$schema": self.site.url + CHANGES_SCHEMA_PATH,
            "url": self.site.url + Scope("all").path(self.lang, "json"),
            "license": licence.record(self.site.url),
            "since": self.owner.since.isoformat(),
        }

        def make() -> bytes:
            data = changes.changes(self.lang, every, removed, self.domain, head)
            return jsonfeed.dumps(data).encode()

        path = f"feeds/{self.lang}/changes.json"
        return OutputJob(path, ("changes", self.inputs(every, removed)), make)

    def destinations_job(self) -> OutputJob:
        """Destinations for the destinations widget and partners (like events.json)."""
        return self.places_job(
            "destinations", jsonfeed.destination_record, DESTINATIONS_SCHEMA_PATH
        )

    def activities_job(self) -> OutputJob:
        """Activities for the listing's filters and for partners (like destinations.json)."""
        return self.places_job(
            "activities", jsonfeed.activity_record, ACTIVITIES_SCHEMA_PATH
        )

    def places_job(self, content_type: str, record, schema_path: str) -> OutputJob:
        """A type's items in this language as one JSON file with its schema and licence."""
        planner = self.owner.planner
        cards = planner.cards(content_type, self.lang)

        def make() -> bytes:
            data = {
                "$schema": self.site.url + schema_path,
                "version": 1,
                "language": self.lang,
                "url": self.site.url + planner.router.listing(self.lang, content_type),
                "license": licence.record(self.site.url),
                content_type: [
                    record(card.item, card.item.entry, self.site) for card in cards
                ],
            }
            return jsonfeed.dumps(data).encode()

        path = f"feeds/{self.lang}/{content_type}.json"
        # A record lists its translations too: the entries, not only the cards. Cards
        # and entries compare by identity (an item may change in place: its seller, its
        # destination's place), their fingerprints by what they show.
        entries = [card.item.entry for card in cards]
        shown = tuple((card.fingerprint, card.item.entry.fingerprint) for card in cards)
        return OutputJob(path, (content_type, self.inputs(cards, entries, shown)), make)

    def story_jobs(self, stories: list[View]) -> list[OutputJob]:
        title = self.tr.gettext(texts.STORIES_TITLE)
        subtitle = self.tr.gettext(texts.STORIES_SUBTITLE)
        page = self.owner.planner.router.listing(self.lang, "stories")

        def meta(fmt: str) -> FeedMeta:
            return self.meta(title, subtitle, story_path(self.lang, fmt), page)

        def of(fmt: str) -> list[str]:
            return pieces(stories, fmt, self.serialiser)

        makers = {
            "atom": lambda: syndication.atom(meta("atom"), stories, of("atom")),
            "rss": lambda: syndication.rss(meta("rss"), stories, of("rss")),
            "jsonfeed": lambda: jsonfeed.json_feed(
                meta("jsonfeed"), of("jsonfeed")
            ).encode(),
        }
        shared = Shared(self.inputs("stories", stories))
        return [
            OutputJob(story_path(self.lang, fmt).lstrip("/"), (fmt, shared), make)
            for fmt, make in makers.items()
        ]


def by_month(events: list[EventView]) -> dict[tuple[str, date], list[EventView]]:
    """Events by municipality and each month one of their occurrences touches."""
    found: dict[tuple[str, date], list[EventView]] = {}
    for event in events:
        months = set()
        for occurrence in event.occurrences:
            months.update(months_between(occurrence.first_day, occurrence.last_day))
        for month in sorted(months):
            found.setdefault((event.municipality, month), []).append(event)
    return found
