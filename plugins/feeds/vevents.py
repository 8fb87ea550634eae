"""Each event's VEVENT serialised once, on every core, and kept for the next build.

An event sits in a dozen calendars per language (all events, its municipality, its
category, its own .ics). icalendar takes about a millisecond an event, so the bytes are
made up front, in parallel, keyed by a digest of everything the VEVENT is made from, and
kept in memory (livereload) and on disk (the next build re-serialises only edits).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from render.parallel import fork_map, worker_count

from .ical import vevent
from .views import EventView

CACHE_FILE = "vevents.json"
_memory: dict[Path, dict[str, str]] = {}


def digest(event: EventView, uid_domain: str) -> str:
    """Views are frozen dataclasses of plain values: their repr is their content."""
    return hashlib.blake2b(f"{uid_domain}|{event!r}".encode()).hexdigest()


def serialised(
    views: list[EventView], uid_domain: str, folder: Path | None, workers: int = 0
) -> list[bytes]:
    """The VEVENT bytes of each view, in order; made only where not known yet."""
    known = _load(folder) if folder else {}
    digests = [digest(v, uid_domain) for v in views]
    missing = {d: v for d, v in zip(digests, views, strict=True) if d not in known}
    order = sorted(missing)
    made = fork_map(
        lambda d: vevent(missing[d], uid_domain).to_ical().decode("utf-8"),
        order,
        worker_count(workers),
    )
    fresh = dict(zip(order, made, strict=True))
    used = {d: known.get(d) or fresh[d] for d in digests}
    if folder and (fresh or len(used) != len(known)):
        _save(folder, used)
    return [used[d].encode("utf-8") for d in digests]


def _load(folder: Path) -> dict[str, str]:
    if folder not in _memory:
        try:
            _memory[folder] = json.loads((folder / CACHE_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            _memory[folder] = {}
    return _memory[folder]


def _save(folder: Path, used: dict[str, str]) -> None:
    """Only this build's events are kept, so the cache never outgrows the content."""
    _memory[folder] = used
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f"{CACHE_FILE}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(used, sort_keys=True), encoding="utf-8")
    temporary.replace(folder / CACHE_FILE)
