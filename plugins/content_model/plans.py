"""Every page the site has, per language, as plain plans the generator renders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any

from render.fingerprint import Fingerprinter
from render.jobs import KeptGroups

from .listings import (
    Card,
    by_municipality,
    card_for,
    cards,
    happening,
    split_upcoming,
    weekend,
)
from .model import Entry, Item
from .publication import listed
from .related_plans import RelatedLists
from .schema import LISTED_TYPES
from .urls import Router, save_as
from .vocabulary import (
    ACTIVITY_KINDS,
    DESTINATION_KINDS,
    EVENT_CATEGORIES,
    MUNICIPALITIES,
    PAGE_ROLES,
)

ITEM_TEMPLATES = {
    "destinations": "destination",
    "events": "event",
    "activities": "activity",
    "packages": "package",
    "stories": "story",
    "pages": "page",
    "municipalities": "municipality",
}
FINGERPRINT = attrgetter("fingerprint")
FOOTER_ROLES = tuple(r for r in PAGE_ROLES if r != "home")
NAV_TYPES = (*LISTED_TYPES, "municipalities")
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


@dataclass
class PagePlan:
    """One output page: what to render, where, and which languages it exists in."""

    template: str
    url: str
    lang: str
    alternates: dict[str, str]  # every language this page exists in -> its URL
    x_default: str
    section: str = ""
    in_sitemap: bool = True
    context: dict[str, Any] = field(default_factory=dict)
    # Where the language switcher sends readers of a language this page is not in
    # (default: that language's home page).
    elsewhere: dict[str, str] = field(default_factory=dict)

    @property
    def save_as(self) -> str:
        return save_as(self.url)


@dataclass
class SitePlanner(RelatedLists):
    entries: dict[str, Entry]
    router: Router
    languages: tuple[str, ...]
    fallback_modes: dict[str, str]
    today: date
    page_size: int = 48  # cards on one page of a listing

    def __post_init__(self) -> None:
        self._by_type: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            if listed(entry):  # an expired package keeps its page, not its place
                self._by_type.setdefault(entry.type, []).append(entry)
        self._shared: dict[tuple, Any] = {}

    def of_type(self, content_type: str) -> list[Entry]:
        return list(self._by_type.get(content_type, ()))

    def cards(self, content_type: str, lang: str, entries: list[Entry] | None = None):
        mode = self.fallback_modes[content_type]
        if entries is not None:
            return cards(entries, lang, mode)
        # Every listing, feed and widget of the language asks: sorted once a build.
        every = self.shared(
            ("cards", content_type, lang),
            lambda: cards(self.of_type(content_type), lang, mode),
        )
        return list(every)

    def everywhere(self, url_for) -> dict[str, str]:
        return {lang: url_for(lang) for lang in self.languages}

    def plans(self) -> list[PagePlan]:
        plans: list[PagePlan] = []
        for lang in self.languages:
            plans += [self.framed(self.home(lang)), self.framed(self.not_found(lang))]
            for content_type in NAV_TYPES:
                plans += self.listing_pages(content_type, lang)
        frame = self.frame_state()
        for entry in self.entries.values():
            for item in entry.items.values():
                if item.type == "pages" and item.get("role") == "home":
                    continue
                # A long-lived process (livereload) keeps the very same plan while the
                # item is the same object (its files unchanged: validate.Unchanged),
                # its entry's fingerprint (URLs, HTML) and its frame are the same; a
                # municipality's page while what it lists is, too.
                state = (item, entry.fingerprint, frame, self.related_state())
                if item.type == "municipalities":
                    state += (self.municipality_state(item.key),)
                plans += _kept_item_pages.get(
                    id(item),
                    state,
                    lambda item=item, entry=entry: [self.framed_item_page(item, entry)],
                )
        _kept_item_pages.build_done()
        _kept_listing_pages.build_done()
        return plans

    def framed(self, plan: PagePlan) -> PagePlan:
        plan.context.update(self.frame(plan))
        return plan

    def framed_item_page(self, item: Item, entry: Entry) -> PagePlan:
        return self.framed(self.item_page(item, entry))

    def frame_state(self) -> str:
        """A digest of what frames show besides the page's own entry: navigation,
        footer, home links, the date (see `frame`)."""
        return self.shared(("frame state",), self._frame_state)

    def _frame_state(self) -> str:
        sections = sorted({t if t != "pages" else "" for t in ITEM_TEMPLATES})
        return Fingerprinter()(
            (
                self.languages,
                [self.router.home(lang) for lang in self.languages],
                [self.nav(lang, s) for lang in self.languages for s in sections],
                [self.footer_links(lang) for lang in self.languages],
                self.today,
            )
        )

    def item_page(self, item: Item, entry: Entry) -> PagePlan:
        alternates = self.shared(
            ("alternates", entry.key),
            lambda: {lang: other.url for lang, other in entry.items.items()},
        )
        default = entry.in_lang(self.languages[0]) or entry.source
        section = item.type if item.type != "pages" else ""
        plan = PagePlan(
            ITEM_TEMPLATES[item.type],
            item.url,
            item.lang,
            alternates,
            default.url,
            section,
            context={"item": item, "entry": entry},
        )
        if item.type == "municipalities":
            plan.context["sections"] = self.municipality_sections(item.key, item.lang)
        related = self.related(entry, item.lang)
        if related:
            plan.context["related"] = related
        if entry.state:
            listing = self.router.listing(item.lang, item.type)
            plan.context["publication"] = (entry.state, entry.state_since, listing)
            plan.in_sitemap = False  # drafts and scheduled: previews only; expired
        return plan

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

    def home(self, lang: str) -> PagePlan:
        url = self.everywhere(self.router.home)
        home_entries = [
            e for e in self.of_type("pages") if e.source.get("role") == "home"
        ]
        intro = card_for(home_entries[0], lang, "show") if home_entries else None
        events = self.cards("events", lang)
        upcoming, _past = split_upcoming(events, self.today)
        saturday, sunday = weekend(self.today)
        context = {
            "intro": intro,
            # As of the build; the browser works it out again (theme/static/js/whats-on.js).
            "weekend": happening(upcoming, max(saturday, self.today), sunday),
            "weekend_days": (saturday, sunday),
            # What is on, never led by what is off: cancelled events are left out here.
            "events": [c for c in upcoming if c.item.get("status") != "cancelled"][:6],
            # A row of four each on a wide screen (the grid's columns), what the
            # editors feature (`featured: yes`) first.
            "destinations": featured_first(self.cards("destinations", lang))[:4],
            "activities": featured_first(self.cards("activities", lang))[:4],
            "packages": featured_first(self.cards("packages", lang))[:4],
            "stories": self.cards("stories", lang)[:4],
            "municipalities": self.cards("municipalities", lang),
        }
        return PagePlan(
            "home", url[lang], lang, url, url[self.languages[0]], context=context
        )

    def not_found(self, lang: str) -> PagePlan:
        url = self.everywhere(self.router.not_found)
        return PagePlan(
            "404", url[lang], lang, url, url[self.languages[0]], in_sitemap=False
        )

    def frame(self, plan: PagePlan) -> dict[str, Any]:
        """What every page shows around its content: navigation, switcher, footer."""
        lang = plan.lang
        # The languages of a page's translations are the same on each of them: one
        # switcher per set of alternates (the template marks the current language).
        switcher = self.shared(
            ("switcher", id(plan.alternates)),
            lambda: [
                {
                    "lang": other,
                    "url": (
                        plan.alternates[other]
                        if other in plan.alternates
                        else plan.elsewhere.get(other) or self.router.home(other)
                    ),
                    "translated": other in plan.alternates,
                }
                for other in self.languages
            ],
        )
        return {
            "lang": lang,
            "page_url": plan.url,
            "alternates": self.shared(
                ("sorted", id(plan.alternates)), lambda: sorted(plan.alternates.items())
            ),
            "x_default": plan.x_default,
            "switcher": switcher,
            "nav": self.nav(lang, plan.section),
            "home_url": self.router.home(lang),
            "footer_links": self.footer_links(lang),
            "today": self.today,
        }

    def shared(self, key: tuple, make: Callable[[], Any]) -> Any:
        """One object for what many pages show alike, so it is fingerprinted once.

        Keys by id() stay valid: the planner keeps every object it hands out.
        """
        if key not in self._shared:
            self._shared[key] = make()
        return self._shared[key]

    def nav(self, lang: str, section: str) -> list[dict]:
        """One list per language and section, shared by its pages (fingerprinted once)."""
        return self.shared(
            ("nav", lang, section),
            lambda: [
                {
                    "type": t,
                    "url": self.router.listing(lang, t),
                    "current": t == section,
                }
                for t in NAV_TYPES
            ],
        )

    def footer_links(self, lang: str) -> list[Card]:
        """The same list object for every page of a language (fingerprinted once)."""
        return self.shared(("footer", lang), lambda: self._footer_links(lang))

    def _footer_links(self, lang: str) -> list[Card]:
        found: list[Card] = []
        for role in FOOTER_ROLES:
            for entry in self.of_type("pages"):
                if entry.source.get("role") == role:
                    card = card_for(entry, lang, "show")
                    if card:
                        found.append(card)
        return found


_kept_item_pages = KeptGroups()
_kept_listing_pages = KeptGroups()


def featured_first(found: list) -> list:
    """Featured cards first, each group in its listing order (a stable sort)."""
    return sorted(found, key=lambda card: not card.item.get("featured"))
