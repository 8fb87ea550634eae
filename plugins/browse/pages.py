"""Destinations and activities by municipality and by kind: one static page for each,
so the listings' filters work without scripts (and have addresses to share)."""

from __future__ import annotations

from dataclasses import dataclass

from content_model.listings import by_municipality, card_for
from content_model.plans import PagePlan, SitePlanner
from content_model.urls import url_segment
from content_model.vocabulary import (
    ACTIVITY_KINDS,
    DESTINATION_KINDS,
    MUNICIPALITIES,
)
from events.pages import transliterated
from pelican.utils import slugify

SEGMENT_MUNICIPALITIES = "municipalities"
SEGMENT_KINDS = url_segment("URL path", "kinds")
KINDS = {"destinations": DESTINATION_KINDS, "activities": ACTIVITY_KINDS}
BROWSED_TYPES = tuple(KINDS)


@dataclass
class BrowsePages:
    planner: SitePlanner
    languages: tuple[str, ...]
    translate: object  # (lang, message) -> str

    @property
    def router(self):
        return self.planner.router

    def base(self, lang: str, content_type: str, segment: str) -> str:
        listing = self.router.listing(lang, content_type)
        return f"{listing}{self.router.segment(lang, segment)}/"

    def kind_slug(self, lang: str, content_type: str, kind: str) -> str:
        label = transliterated(self.translate(lang, KINDS[content_type][kind]), lang)
        return slugify(label, regex_subs=[(r"[^\w\s-]", ""), (r"[-\s]+", "-")])

    def url(self, lang: str, content_type: str, by: str, value: str) -> str:
        if by == "municipality":
            return self.planner.municipality_listing(lang, content_type, value)
        slug = self.kind_slug(lang, content_type, value)
        return f"{self.base(lang, content_type, SEGMENT_KINDS)}{slug}/"

    def groups(self, content_type: str) -> dict[str, dict[str, list]]:
        """Entries by municipality and by kind, in the site's order of each; only
        groups that have entries get a page. Once per build (every page asks)."""
        return self.planner.shared(
            ("browse groups", content_type), lambda: self._groups(content_type)
        )

    def _groups(self, content_type: str) -> dict[str, dict[str, list]]:
        entries = self.planner.of_type(content_type)
        municipalities = by_municipality(entries)
        kinds: dict[str, list] = {}
        for entry in entries:
            kinds.setdefault(entry.source.get("kind"), []).append(entry)
        return {
            "municipality": {
                m: municipalities[m] for m in MUNICIPALITIES if m in municipalities
            },
            "kind": {k: kinds[k] for k in KINDS[content_type] if k in kinds},
        }

    def links(self, lang: str, content_type: str) -> dict[str, list[tuple[str, str]]]:
        """(name, URL) of every page, for the listing's and the pages' own chips."""
        groups = self.groups(content_type)
        return {
            "municipality": [
                (MUNICIPALITIES[m], self.url(lang, content_type, "municipality", m))
                for m in groups["municipality"]
            ],
            "kind": [
                (
                    self.translate(lang, KINDS[content_type][k]),
                    self.url(lang, content_type, "kind", k),
                )
                for k in groups["kind"]
            ],
        }

    def state(self, lang: str) -> tuple:
        """What a language's pages are planned from besides catalogs and frames: its
        destinations and activities as cards show them."""
        modes = self.planner.fallback_modes
        return tuple(
            card.fingerprint
            for content_type in BROWSED_TYPES
            for entry in self.planner.of_type(content_type)
            if (card := card_for(entry, lang, modes[content_type])) is not None
        )

    def reserved_slugs(self, lang: str) -> set[str]:
        return {
            self.router.segment(lang, s)
            for s in (SEGMENT_MUNICIPALITIES, SEGMENT_KINDS)
        }

    def plan(self, url_for, lang: str, content_type: str, context: dict) -> PagePlan:
        alternates = {x: url_for(x) for x in self.languages}
        return PagePlan(
            "listing_browse",
            alternates[lang],
            lang,
            alternates,
            alternates[self.languages[0]],
            section=content_type,
            context={"content_type": content_type, **context},
        )

    def plans_for(self, lang: str) -> list[PagePlan]:
        plans = []
        for content_type in BROWSED_TYPES:
            groups = self.groups(content_type)
            links = self.links(lang, content_type)
            for by, segment in (
                ("municipality", SEGMENT_MUNICIPALITIES),
                ("kind", SEGMENT_KINDS),
            ):
                plans.append(  # the folder itself, so no URL up the path is a 404
                    self.plan(
                        lambda x, t=content_type, s=segment: self.base(x, t, s),
                        lang,
                        content_type,
                        {"browse_by": by, "browse_links": links},
                    )
                )
                for value, entries in groups[by].items():
                    label = (
                        MUNICIPALITIES[value]
                        if by == "municipality"
                        else self.translate(lang, KINDS[content_type][value])
                    )
                    plans.append(
                        self.plan(
                            lambda x, t=content_type, b=by, v=value: self.url(
                                x, t, b, v
                            ),
                            lang,
                            content_type,
                            {
                                "browse_by": by,
                                "browse_value": value,
                                "browse_label": label,
                                "browse_links": links,
                                "cards": self.planner.cards(
                                    content_type, lang, entries
                                ),
                            },
                        )
                    )
        return plans
