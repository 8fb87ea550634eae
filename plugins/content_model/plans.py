"""Every page the site has, per language, as plain plans the generator renders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from render.fingerprint import Fingerprinter
from render.jobs import KeptGroups

from .listing_plans import ListingPlans, listings_planned
from .listings import (
    Card,
    card_for,
    cards,
    happening,
    split_upcoming,
    weekend,
)
from .model import Entry, Item
from .page_plan import PagePlan
from .publication import listed
from .related_plans import RelatedLists
from .schema import LISTED_TYPES
from .urls import Router
from .vocabulary import PAGE_ROLES

ITEM_TEMPLATES = {
    "destinations": "destination",
    "events": "event",
    "activities": "activity",
    "packages": "package",
    "stories": "story",
    "pages": "page",
    "municipalities": "municipality",
}
FOOTER_ROLES = tuple(r for r in PAGE_ROLES if r != "home")
NAV_TYPES = (*LISTED_TYPES, "municipalities")


@dataclass
class SitePlanner(ListingPlans, RelatedLists):
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
        listings_planned()
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
            # Two rows of four (js/whats-on.js shows as many).
            "events": [c for c in upcoming if c.item.get("status") != "cancelled"][:8],
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


def featured_first(found: list) -> list:
    """Featured cards first, each group in its listing order (a stable sort)."""
    return sorted(found, key=lambda card: not card.item.get("featured"))
