"""changes.json: what changed in the events, so a partner who mirrors them can sync.

One small file per language instead of diffing whole feeds: each event with its last
change (added, updated, cancelled) and its time from the ledger, and events removed in
the last REMOVED_DAYS days. Pure: views and ledger records in, a dict out.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from .ledger import Record
from .views import EventView

FORMAT_VERSION = 1
REMOVED_DAYS = 90


def change_of(view: EventView) -> str:
    if view.status == "cancelled":
        return "cancelled"
    return "added" if view.created == view.updated else "updated"


def removed_events(
    ledger: dict[str, Record], now: datetime, days: int = REMOVED_DAYS
) -> list[tuple[str, datetime]]:
    """Events (the records with a schedule) whose files were deleted recently."""
    since = now - timedelta(days=days)
    found = []
    for key, record in ledger.items():
        if record.removed and record.schedule is not None:
            at = datetime.fromisoformat(record.removed)
            if at >= since:
                found.append((key, at))
    return found


def changes(
    lang: str,
    events: list[EventView],
    removed: list[tuple[str, datetime]],
    uid_domain: str,
    head: dict[str, Any],
) -> dict[str, Any]:
    """The file's data; `removed` comes from `removed_events`, `head` carries
    $schema, url and license."""
    rows = [
        {
            "id": f"{v.key}@{uid_domain}",
            "key": v.key,
            "change": change_of(v),
            "at": v.updated.isoformat(),
            "url": v.url,
        }
        for v in events
    ]
    rows += [
        {
            "id": f"{key}@{uid_domain}",
            "key": key,
            "change": "removed",
            "at": at.isoformat(),
            "url": None,
        }
        for key, at in removed
    ]
    rows.sort(key=lambda r: (datetime.fromisoformat(r["at"]), r["key"]), reverse=True)
    return {
        "$schema": head["$schema"],
        "version": FORMAT_VERSION,
        "language": lang,
        "url": head["url"],
        "updated": rows[0]["at"] if rows else head["since"],
        "removed_days": REMOVED_DAYS,
        "license": head["license"],
        "changes": rows,
    }
