"""What listings list, page by page, and what a municipality's page lists: a part of
SitePlanner (plans.py), using its entries, router, languages, frame and `shared`."""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from render.jobs import KeptGroups

from .listings import Card, by_municipality, split_upcoming
from .model import Entry
from .page_plan import PagePlan
from .schema import LISTED_TYPES
from .vocabulary import (
    ACTIVITY_KINDS,
    DESTINATION_KINDS,
    EVENT_CATEGORIES,
    MUNICIPALITIES,
)

# Listings a visitor can filter in place (js/whats-on.js), and by what.
FILTER_OPTIONS = {
    "events": {
        "municipalities": tuple(MUNICIPALITIES),
        "categories": tuple(EVENT_CATEGORIES),
    },
    "destinations": {
        "municipalities": tuple(MUNICIPALITIES),
        "kinds": tuple(DESTINATION_KINDS),
    },
    "activities": {
        "municipalities": tuple(MUNICIPALITIES),
        "kinds": tuple(ACTIVITY_KINDS),
    },
}
FINGERPRINT = attrgetter("fingerprint")


class ListingPlans:
    """Mixed into SitePlanner: uses its entries, cards, router, frame and `shared`."""

    def in_municipality(self, content_type: str, municipality: str) -> list[Entry]:
        """Entries of a type in a municipality (indexed once: each municipality's page
        in each language asks)."""
        index = self.shared(
            ("municipalities", content_type),
            lambda: by_municipality(self.of_type(content_type)),
        )
        return index.get(municipality, [])

    def municipality_state(self, municipality: str) -> tuple:
        """What a municipality's pages list: its entries, by their fingerprints (every
        language's; the order follows from what they show and the date, in the frame)."""
        return self.shared(
            ("municipality state", municipality),
            lambda: tuple(
                tuple(e.fingerprint for e in self.in_municipality(t, municipality))
                for t in LISTED_TYPES
            ),
        )

    def municipality_sections(self, municipality: str, lang: str) -> list[tuple]:
        sections = []
        for content_type in LISTED_TYPES:
            here = self.in_municipality(content_type, municipality)
            found = self.cards(content_type, lang, here)
            if content_type == "events":
                found, _past = split_upcoming(found, self.today)
            if found:
                sections.append(
                    (
                        content_type,
                        self.municipality_listing(lang, content_type, municipality),
                        found,
                    )
                )
        return sections

    def municipality_listing(
        self, lang: str, content_type: str, municipality: str
    ) -> str | None:
        """The page listing a type in one municipality (plugins/events, plugins/browse);
        None for packages and stories, which have none."""
        if content_type not in ("events", "destinations", "activities"):
            return None
        folder = self.router.segment(lang, "municipalities")
        return f"{self.router.listing(lang, content_type)}{folder}/{municipality}/"

    def listing_pages(self, content_type: str, lang: str) -> list[PagePlan]:
        """A listing, `page_size` cards a page: /evenemang/, /evenemang/2/ … (events:
        upcoming ones first, then past ones, newest first)."""
        pages = self.shared(
            ("listing", content_type), lambda: self._pages(content_type)
        )
        page_urls = [
            self.router.listing_page(lang, content_type, n)
            for n in range(1, len(pages[lang]) + 1)
        ]
        plans = []
        frame = self.frame_state()
        for number, (upcoming, past) in enumerate(pages[lang], start=1):
            # The languages that have this page too (their lists may be shorter).
            url = {
                x: self.router.listing_page(x, content_type, number)
                for x in self.languages
                if len(pages[x]) >= number
            }
            # A long-lived process keeps the plan while its cards show the same, and
            # its frame and the pages of its listing are the same (one edited event
            # plans one page of its listing again, not all).
            state = (
                frame,
                tuple(url.items()),
                tuple(page_urls),
                tuple(map(FINGERPRINT, upcoming)),
                tuple(map(FINGERPRINT, past)),
            )
            plans += _kept_listing_pages.get(
                (content_type, lang, number),
                state,
                lambda number=number, upcoming=upcoming, past=past, url=url: [
                    self.framed(
                        self.listing_page(
                            content_type, lang, number, upcoming, past, url, page_urls
                        )
                    )
                ],
            )
        return plans

    def listing_page(
        self,
        content_type: str,
        lang: str,
        number: int,
        upcoming: list[Card],
        past: list[Card],
        url: dict[str, str],
        page_urls: list[str],
    ) -> PagePlan:
        """One page of a listing (`page_urls`: all of them, for the pagination)."""
        context: dict[str, Any] = {
            "content_type": content_type,
            "cards": upcoming,
            "page_number": number,
            "page_urls": page_urls,
        }
        if content_type == "events":
            context["upcoming"], context["past"] = upcoming, past
        if number == 1 and content_type in FILTER_OPTIONS:
            context["filter_options"] = FILTER_OPTIONS[content_type]
        return PagePlan(
            "listing",
            url[lang],
            lang,
            url,
            # The same for every language's copy of this page: the first
            # language (in the site's order) that has it.
            next(iter(url.values())),
            content_type,
            context=context,
            # A language with fewer pages: its first page of this listing.
            elsewhere={
                x: self.router.listing(x, content_type)
                for x in self.languages
                if x not in url
            },
        )

    def _pages(self, content_type: str) -> dict[str, list[tuple[list, list]]]:
        """Each language's pages of a listing as (cards, past events) pairs; one
        page, perhaps empty, at least."""
        size = self.page_size
        found: dict[str, list[tuple[list, list]]] = {}
        for lang in self.languages:
            cards = self.cards(content_type, lang)
            upcoming, past = cards, []
            if content_type == "events":
                upcoming, past = split_upcoming(cards, self.today)
            both = [(c, True) for c in upcoming] + [(c, False) for c in past]
            chunks = [both[n : n + size] for n in range(0, len(both), size)] or [[]]
            found[lang] = [
                ([c for c, new in chunk if new], [c for c, new in chunk if not new])
                for chunk in chunks
            ]
        return found


_kept_listing_pages = KeptGroups()


def listings_planned() -> None:
    """Forget the listing pages this build did not plan (a long-lived process)."""
    _kept_listing_pages.build_done()
