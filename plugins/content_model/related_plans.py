"""What item pages list besides themselves, planned for each language: cards of a
destination's events and packages and a package's places, and nearby links with their
distance (content_model/related.py finds them). A part of SitePlanner."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from .listings import Card, card_for, last_day, split_upcoming
from .model import Entry
from .related import NEARBY_TYPES, Grid, grids_of, links_between, nearest_to
from .rules import schedule_of


@dataclass(frozen=True)
class NearbyLink:
    """An item in a page's nearby list (components/related.html)."""

    title: str
    url: str
    lang: str
    fallback: bool
    km: float
    start: Any = None  # an event's next start (date or datetime)


class RelatedLists:
    """Mixed into SitePlanner: uses its entries, listed types, date and `shared`."""

    def related_state(self) -> str:
        """A digest of what the related lists are made from: where each listed item
        is, when an event is over, which destination an event or package names. A
        title edited elsewhere shows in a long-lived process's pages after a restart."""
        return self.shared(("related state",), self._related_state)

    def _related_state(self) -> str:
        facts = [
            (
                e.key,
                e.type,
                e.source.get("coordinates"),
                e.source.get("status"),
                e.source.get("destination"),
                e.source.get("destinations"),
                last_day(e.source) >= self.today if e.type == "events" else None,
            )
            for t in sorted(self._by_type)
            for e in self._by_type[t]
        ]
        # Compared within this process only: plain values, so their repr will do (a
        # walk of 10,000 entries' facts would take as long as the rest of planning).
        text = repr((facts, self.today))
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()

    def related(self, entry: Entry, lang: str) -> dict[str, list]:
        """What the item's page lists besides itself (content_model/related.py), as
        cards in `lang`: nearby ones with their distance in km."""
        near = self.shared(  # once per entry, not per language
            ("near", entry.key), lambda: nearest_to(entry, self.nearby_grids())
        )
        links = self.shared(("links",), lambda: links_between(self._by_type)).get(
            entry.key, {}
        )
        found: dict[str, list] = {}
        for content_type, keyed in links.items():
            cards = self.cards_of(content_type, keyed, lang)
            if content_type == "events":
                cards, _past = split_upcoming(cards, self.today)
            if cards:
                found[content_type] = cards
        for content_type in NEARBY_TYPES:
            pairs = near.get(content_type, ())
            shown = set(links.get(content_type, ()))
            near_links = [
                self.nearby_link(card, km)
                for km, key in pairs
                if key not in shown
                for card in self.cards_of(content_type, [key], lang)
            ]
            if near_links:
                found[f"nearby_{content_type}"] = near_links
        return found

    def nearby_grids(self) -> dict[str, Grid]:
        """The grids of this build; a long-lived process keeps them while where the
        items are has not changed (related_state)."""
        state = self.related_state()
        if _grids.get("state") != state:
            _grids.update(state=state, grids=grids_of(self._by_type, self.today))
        return _grids["grids"]

    def nearby_link(self, card: Card, km: float) -> NearbyLink:
        """What a nearby list shows of an item, and only that: an edit of its text
        elsewhere does not make every page near it again."""
        item = card.item
        start = None
        if item.type == "events":
            schedule = schedule_of(item)
            occurrence = (
                schedule.next_occurrence(self.today) or schedule.occurrences()[-1]
            )
            start = occurrence.start
        return NearbyLink(item.title, item.url, item.lang, card.fallback, km, start)

    def cards_of(self, content_type: str, keys: list[str], lang: str) -> list[Card]:
        """Cards of listed entries only: a draft or an expired package is not linked."""
        listed_keys = self.shared(
            ("listed keys", content_type),
            lambda: {e.key for e in self.of_type(content_type)},
        )
        mode = self.fallback_modes[content_type]
        found = (
            card_for(self.entries[k], lang, mode) for k in keys if k in listed_keys
        )
        return [c for c in found if c is not None]


# The last build's grids, by the state they were made from (one slot).
_grids: dict[str, Any] = {}
