"""An event at a destination (`destination: kosta-glasbruk`) is where that destination
is: without its own coordinates, address or nearest stop it takes the destination's,
so its page shows the map, the directions and the way there without the editor
copying them into every event (one fact in one place: a corrected address corrects
every event held there).

Pure: entries in, fields set. Run each build: a long-lived process keeps unchanged
entries, so what was taken last time is put back first (the destination may have moved).
"""

from __future__ import annotations

from .model import Entry

TAKEN_FROM_DESTINATION = ("coordinates", "address", "nearest_stop")


def place_events(entries: dict[str, Entry]) -> None:
    for entry in entries.values():
        if entry.type != "events":
            continue
        for item in entry.items.values():
            # Back as its files have it: absent, or written as none (None).
            for name in item.taken:
                item.fields.pop(name, None)
            item.fields.update(item.__dict__.pop("_own_nones", {}))
            item.taken = ()
        place = entries.get(entry.source.get("destination") or "")
        if place is None or place.type != "destinations":
            continue  # an unknown key is a content error (related.relation_errors)
        facts = place.source.fields
        for item in entry.items.values():
            item.taken = tuple(
                name
                for name in TAKEN_FROM_DESTINATION
                # Its own wins; `address: none` or `unconfirmed` gives none of its own.
                if item.fields.get(name) is None and facts.get(name) is not None
            )
            item.__dict__["_own_nones"] = {
                name: None for name in item.taken if name in item.fields
            }
            item.fields.update({name: facts[name] for name in item.taken})
