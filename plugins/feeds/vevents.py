"""Each event's VEVENT serialised once, on every core, and kept for the next build.

An event sits in a dozen calendars per language (all events, its municipality, its
category, its own .ics). icalendar takes about a millisecond an event, so the bytes are
made up front, in parallel, keyed by a digest of everything the VEVENT is made from, and
kept in memory (livereload) and on disk (the next build re-serialises only edits).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from render import stored
from render.parallel import fork_map

from .ical import vevent
from .views import EventView

CACHE_FILE = "vevents.marshal"


def digest(event: EventView, uid_domain: str) -> str:
    """Views are frozen dataclasses of plain values: their repr is their content.

    Kept on the view (livereload keeps views of unchanged items: feeds/views.py)."""
    known = event.__dict__.get("_vevent_digest")
    if known is None or known[0] != uid_domain:
        value = hashlib.blake2b(f"{uid_domain}|{event!r}".encode()).hexdigest()
        known = event.__dict__["_vevent_digest"] = (uid_domain, value)
    return known[1]


def serialised(
    views: list[EventView], uid_domain: str, folder: Path | None, workers: int = 1
) -> list[bytes]:
    """The VEVENT bytes of each view, in order; made only where not known yet."""
    known = stored.load(folder / CACHE_FILE) if folder else {}
    digests = [digest(v, uid_domain) for v in views]
    missing = {d: v for d, v in zip(digests, views, strict=True) if d not in known}
    order = sorted(missing)
    made = fork_map(
        lambda d: vevent(missing[d], uid_domain).to_ical().decode("utf-8"),
        order,
        workers,
    )
    fresh = dict(zip(order, made, strict=True))
    used = {d: known.get(d) or fresh[d] for d in digests}
    if folder and (fresh or len(used) != len(known)):
        stored.save(folder / CACHE_FILE, used)  # only this build's events
    return [used[d].encode("utf-8") for d in digests]
