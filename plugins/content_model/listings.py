"""Which items a language's listings show, in what order, and where translations fall back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .model import Entry, Item, kept
from .rules import schedule_of

# Sort keys that put å ä ö where Swedish readers expect them (after z).
_NORDIC = str.maketrans({"å": "z{", "ä": "z|", "æ": "z|", "ö": "z}", "ø": "z}"})
_GERMAN = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def title_key(title: str, lang: str) -> str:
    text = title.casefold()
    return text.translate(_NORDIC if lang in ("sv", "da") else _GERMAN)


@dataclass(frozen=True)
class Card:
    """An item as a listing shows it; `fallback` means it is not in the reader's language."""

    item: Item
    fallback: bool

    @property
    def fingerprint(self) -> str:
        """A card shows one item: listings of thousands of cards are digested without
        walking each card, and an edit of one language leaves the others' alone."""
        digest = self.item.digest
        if not digest:
            return ""  # not digested yet: the walker reports it
        return digest + (":1" if self.fallback else ":0")


def card_for(entry: Entry, lang: str, mode: str) -> Card | None:
    item = entry.in_lang(lang)
    if item is not None:
        return card_of(item, False)
    if mode == "hide":
        return None
    return card_of(entry.best_for(lang), True)


def card_of(item: Item, fallback: bool) -> Card:
    """One card object per item and kind, kept with the item (and so across the builds
    of a long-lived process): listings compare and digest at once."""
    return kept(item, ("card", fallback), lambda: Card(item, fallback))


def cards(entries: Iterable[Entry], lang: str, mode: str) -> list[Card]:
    found = (card_for(e, lang, mode) for e in entries)
    return sort_cards([c for c in found if c is not None], lang)


def last_day(item: Item) -> date:
    """The last day an event runs, over all its repeats."""
    return kept(item, ("last day",), lambda: schedule_of(item).last_day())


def first_moment(item: Item, today: date | None = None) -> datetime:
    """When the event next starts (from `today`), as a naive local time for sorting.
    Remembered with the item: listings sort by it tens of thousands of times a build
    (an event's schedule is its own file's: a kept item has the same)."""
    return kept(item, ("first moment", today), lambda: _first_moment(item, today))


def _first_moment(item: Item, today: date | None) -> datetime:
    schedule = schedule_of(item)
    occurrence = (today and schedule.next_occurrence(today)) or schedule.occurrences()[
        0
    ]
    start = occurrence.start
    if isinstance(start, datetime):
        return start.replace(tzinfo=None)
    return datetime(start.year, start.month, start.day)


def sort_cards(found: list[Card], lang: str) -> list[Card]:
    if not found:
        return found
    content_type = found[0].item.type
    if content_type == "events":
        return sorted(found, key=lambda c: (first_moment(c.item), c.item.key))
    if content_type == "stories":
        return sorted(found, key=lambda c: (c.item.date, c.item.key), reverse=True)
    return sorted(found, key=lambda c: (item_title_key(c.item, lang), c.item.key))


def item_title_key(item: Item, lang: str) -> str:
    """`title_key` of the item's title, kept with the item (its own file's field)."""
    return kept(item, ("title key", lang), lambda: title_key(item.title, lang))


def split_upcoming(found: list[Card], today: date) -> tuple[list[Card], list[Card]]:
    """Events still running on `today` (by next start) and those over (newest first)."""
    upcoming = [c for c in found if last_day(c.item) >= today]
    upcoming.sort(key=lambda c: (first_moment(c.item, today), c.item.key))
    past = [c for c in found if last_day(c.item) < today]
    past.sort(key=lambda c: (last_day(c.item), c.item.key), reverse=True)
    return upcoming, past


def weekend(today: date) -> tuple[date, date]:
    """This weekend as visitors mean it: Saturday and Sunday of this week; on a
    Sunday, today alone (the same rule as the browser's, theme/static/js/whats-on.js)."""
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    if today.weekday() == 6:
        return today, today
    return saturday, saturday + timedelta(days=1)


def happening(found: list[Card], first: date, last: date) -> list[Card]:
    """Events with a day from `first` to `last` (both included), not cancelled, by
    their first start in that span."""
    chosen = []
    for card in found:
        if card.item.get("status") == "cancelled":
            continue
        days = [
            o
            for o in schedule_of(card.item).occurrences()
            if o.first_day <= last and o.last_day >= first
        ]
        if days:
            chosen.append((first_moment(card.item, first), card.item.key, card))
    return [card for *_order, card in sorted(chosen, key=lambda c: c[:2])]


def municipalities_of(entry: Entry) -> tuple[str, ...]:
    """Kept with the entry (its source file's field; asked for tens of thousands of
    times a build)."""
    return kept(entry, ("municipalities",), lambda: _municipalities(entry))


def _municipalities(entry: Entry) -> tuple[str, ...]:
    value = entry.source.get("municipality")
    if value is None:
        return ()
    return tuple(dict.fromkeys(value)) if isinstance(value, tuple) else (value,)


def by_municipality(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """Entries by municipality, each list in the order given."""
    found: dict[str, list[Entry]] = {}
    for entry in entries:
        for municipality in municipalities_of(entry):
            found.setdefault(municipality, []).append(entry)
    return found
