"""Event pages beyond the item pages: per municipality, per category, month by month."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from content_model.listings import card_for, split_upcoming
from content_model.plans import PagePlan, SitePlanner
from content_model.rules import schedule_of
from content_model.urls import url_segment
from content_model.vocabulary import EVENT_CATEGORIES, MUNICIPALITIES
from pelican.utils import slugify

from .calendar import month_grid, months_between, place
from .describe import month_name, month_title

SEGMENT_MUNICIPALITIES = "municipalities"
SEGMENT_CATEGORIES = url_segment("URL path", "categories")
SEGMENT_CALENDAR = url_segment("URL path", "calendar")


LONG_RUN_DAYS = 7


def is_long(occurrence) -> bool:
    return (occurrence.last_day - occurrence.first_day).days >= LONG_RUN_DAYS


# Letters as each language spells them without diacritics, as editors name files
# (content/README.md): German "Märkte" → maerkte, like /de/gemeinden/aelmhult/.
SPELLED_OUT = {
    "de": {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"},
    "da": {"æ": "ae", "ø": "oe", "å": "aa"},
}


def transliterated(label: str, lang: str) -> str:
    table = SPELLED_OUT.get(lang, {})
    return "".join(table.get(c, table.get(c.lower(), c)) for c in label)


@dataclass
class EventPages:
    planner: SitePlanner
    languages: tuple[str, ...]
    translate: object  # (lang, message) -> str
    today: date
    _filters: dict = field(default_factory=dict, repr=False)
    _timed: dict = field(default_factory=dict, repr=False)

    @property
    def router(self):
        return self.planner.router

    def base(self, lang: str, segment: str) -> str:
        return f"{self.router.listing(lang, 'events')}{self.router.segment(lang, segment)}/"

    def category_slug(self, lang: str, category: str) -> str:
        label = transliterated(self.translate(lang, EVENT_CATEGORIES[category]), lang)
        return slugify(label, regex_subs=[(r"[^\w\s-]", ""), (r"[-\s]+", "-")])

    def municipality_url(self, lang: str, municipality: str) -> str:
        return self.planner.municipality_listing(lang, "events", municipality)

    def category_url(self, lang: str, category: str) -> str:
        return f"{self.base(lang, SEGMENT_CATEGORIES)}{self.category_slug(lang, category)}/"

    def month_url(self, lang: str, month: date) -> str:
        return f"{self.base(lang, SEGMENT_CALENDAR)}{month:%Y-%m}/"

    def reserved_slugs(self, lang: str) -> set[str]:
        return {
            self.router.segment(lang, s)
            for s in (SEGMENT_MUNICIPALITIES, SEGMENT_CATEGORIES, SEGMENT_CALENDAR)
        }

    @cached_property
    def months(self) -> list[date]:
        """Every month from the first to the last occurrence of any event."""
        days = [
            d
            for entry in self.planner.of_type("events")
            for o in schedule_of(entry.source).occurrences()
            for d in (o.first_day, o.last_day)
        ]
        return months_between(min(days), max(days)) if days else []

    def filters(self, lang: str) -> dict:
        """Links from every events page to the other ways of browsing events.

        One dict per language, shared by its pages (templates only read it).
        """
        if lang not in self._filters:
            self._filters[lang] = self._make_filters(lang)
        return self._filters[lang]

    def _make_filters(self, lang: str) -> dict:
        months = self.months
        current = date(self.today.year, self.today.month, 1)
        start = current if current in months else (months[0] if months else None)
        return {
            "municipalities": [
                (MUNICIPALITIES[m], self.municipality_url(lang, m))
                for m in MUNICIPALITIES
            ],
            "categories": [
                (self.translate(lang, EVENT_CATEGORIES[c]), self.category_url(lang, c))
                for c in EVENT_CATEGORIES
            ],
            "calendar_url": self.month_url(lang, start) if start else None,
        }

    def plan(self, template: str, url_for, lang: str, context: dict) -> PagePlan:
        alternates = {x: url_for(x) for x in self.languages}
        return PagePlan(
            template,
            alternates[lang],
            lang,
            alternates,
            alternates[self.languages[0]],
            section="events",
            context=context,
        )

    def filtered(self, lang: str, kind: str, value: str) -> PagePlan:
        entries = [
            e for e in self.planner.of_type("events") if self.matches(e, kind, value)
        ]
        upcoming, _past = split_upcoming(
            self.planner.cards("events", lang, entries), self.today
        )
        url_for = (
            (lambda x: self.municipality_url(x, value))
            if kind == "municipality"
            else (lambda x: self.category_url(x, value))
        )
        label = (
            MUNICIPALITIES[value]
            if kind == "municipality"
            else self.translate(lang, EVENT_CATEGORIES[value])
        )
        context = {
            "filter_kind": kind,
            "filter_value": value,
            "filter_label": label,
            "upcoming": upcoming,
            "event_filters": self.filters(lang),
        }
        return self.plan("events_filtered", url_for, lang, context)

    @staticmethod
    def matches(entry, kind: str, value: str) -> bool:
        field = "municipality" if kind == "municipality" else "category"
        return entry.source.get(field) == value

    def timed_cards(self, lang: str) -> tuple[list, dict]:
        """A language's events with their occurrences, and the short ones by day."""
        if lang not in self._timed:
            cards = self.planner.cards("events", lang)
            timed = [(c, schedule_of(c.item).occurrences()) for c in cards]
            # Exhibitions and other long runs would fill every cell: listed once instead.
            short = [(c, [o for o in occ if not is_long(o)]) for c, occ in timed]
            self._timed[lang] = (timed, place(short))
        return self._timed[lang]

    def month(self, lang: str, first: date, months: list[date]) -> PagePlan:
        timed, placed = self.timed_cards(lang)
        last = month_grid(first, {}).weeks[-1][-1].day
        ongoing = [
            c
            for c, occ in timed
            if any(
                is_long(o) and o.first_day <= last and o.last_day >= first for o in occ
            )
        ]
        grid = month_grid(first, placed)
        index = months.index(first)
        context = {
            "month": grid,
            "ongoing": ongoing,
            "month_title": month_title(first, lang),
            "month_name": month_name(first, lang),
            "previous_month": (
                (
                    month_title(months[index - 1], lang),
                    self.month_url(lang, months[index - 1]),
                )
                if index > 0
                else None
            ),
            "next_month": (
                (
                    month_title(months[index + 1], lang),
                    self.month_url(lang, months[index + 1]),
                )
                if index + 1 < len(months)
                else None
            ),
            "event_filters": self.filters(lang),
        }
        return self.plan(
            "events_month", lambda x: self.month_url(x, first), lang, context
        )

    def index(self, lang: str, segment: str, months: list[date]) -> PagePlan:
        """The folder pages (/evenemang/kalender/ …), so no URL up the path is a 404."""
        filters = self.filters(lang)
        if segment == SEGMENT_CALENDAR:
            links = [(month_title(m, lang), self.month_url(lang, m)) for m in months]
        elif segment == SEGMENT_MUNICIPALITIES:
            links = filters["municipalities"]
        else:
            links = filters["categories"]
        context = {"index_kind": segment, "links": links, "event_filters": filters}
        return self.plan("events_index", lambda x: self.base(x, segment), lang, context)

    def plans(self) -> list[PagePlan]:
        return [plan for lang in self.languages for plan in self.plans_for(lang)]

    def state(self, lang: str) -> tuple:
        """What a language's event pages are planned from besides catalogs and frames:
        its events as cards show them, the months, the date."""
        modes = self.planner.fallback_modes
        cards = (
            card_for(entry, lang, modes["events"])
            for entry in self.planner.of_type("events")
        )
        return (
            tuple(card.fingerprint for card in cards if card is not None),
            tuple(self.months),
            self.today,
            self.languages,
        )

    def plans_for(self, lang: str) -> list[PagePlan]:
        months = self.months
        segments = (SEGMENT_MUNICIPALITIES, SEGMENT_CATEGORIES, SEGMENT_CALENDAR)
        return [
            *(self.index(lang, segment, months) for segment in segments),
            *(self.filtered(lang, "municipality", m) for m in MUNICIPALITIES),
            *(self.filtered(lang, "category", c) for c in EVENT_CATEGORIES),
            *(self.month(lang, m, months) for m in months),
        ]
