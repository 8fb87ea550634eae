"""When each item last changed, and each event's SEQUENCE, kept in a committed file.

Feeds need facts that a static build cannot see in the content alone: when an item was
first published and last changed (Atom `updated`, iCalendar DTSTAMP), and how often an
event's time, place or status changed (iCalendar SEQUENCE, so calendar apps replace the old
version). The ledger remembers a fingerprint of each item; a build that finds a different
fingerprint moves the record on, dated by the build time (SOURCE_DATE_EPOCH when set).
Pure: the caller reads and writes the file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields, replace
from datetime import datetime
from json.encoder import encode_basestring
from typing import Any

# Facts whose change makes subscribers' calendars update the event (RFC 5545 SEQUENCE).
SCHEDULE_FIELDS = (
    "start",
    "end",
    "timezone",
    "repeat",
    "repeat_until",
    "repeat_count",
    "repeat_except",
    "venue",
    "address",
    "municipality",
    "coordinates",
    "status",
    "previous_start",
)


@dataclass(frozen=True)
class Record:
    created: str
    updated: str
    content: str
    schedule: str | None = None
    sequence: int = 0
    # When the item's files were deleted (partners' sync reads it: changes.json); a
    # record without it is of an item that exists. Not written while None.
    removed: str | None = None


def digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# Fields for editors, not readers: a change to them is not news for subscribers.
EDITORIAL_FIELDS = ("translated_from",)


def content_fingerprint(entry) -> str:
    """Everything a reader sees of the item, in every language."""
    return digest(
        {
            lang: [
                # A field written as nothing (`address: none`) shows nothing.
                {
                    k: v
                    for k, v in item.fields.items()
                    if k not in EDITORIAL_FIELDS and v is not None
                },
                item.body,
            ]
            for lang, item in sorted(entry.items.items())
        }
    )


def schedule_fingerprint(entry) -> str | None:
    if entry.type != "events":
        return None
    fields = entry.source.fields
    return digest({name: fields.get(name) for name in SCHEDULE_FIELDS})


def fingerprints(entry) -> tuple[str, str | None]:
    """Kept on the entry while its fingerprint is the same: livereload keeps an entry
    while its files are unchanged, yet its destination may move (content_model's
    entry_fingerprint covers that)."""
    known = entry.__dict__.get("_ledger_fingerprints")
    if known is None or not entry.fingerprint or known[0] != entry.fingerprint:
        known = (
            entry.fingerprint,
            (content_fingerprint(entry), schedule_fingerprint(entry)),
        )
        if entry.fingerprint:  # one not fingerprinted (a tool's) is not kept
            entry.__dict__["_ledger_fingerprints"] = known
    return known[1]


def advance(
    ledger: dict[str, Record], entries: dict, now: datetime
) -> dict[str, Record]:
    """The ledger after this build: new items recorded, changed ones moved on."""
    stamp = now.isoformat()
    # Records of deleted items stay, dated: a key that comes back continues its
    # SEQUENCE, and partners who mirror our events learn of the removal.
    result: dict[str, Record] = {
        k: v if v.removed else replace(v, removed=stamp)
        for k, v in ledger.items()
        if k not in entries
    }
    for key, entry in sorted(entries.items()):
        content, schedule = fingerprints(entry)
        old = ledger.get(key)
        if old is None:
            result[key] = Record(stamp, stamp, content, schedule, 0)
        elif old.content == content and old.schedule == schedule and not old.removed:
            result[key] = old
        else:
            moved = old.schedule is not None and old.schedule != schedule
            # Never backwards: an old commit rebuilt, or a clock behind the last build.
            updated = max(old.updated, stamp, key=datetime.fromisoformat)
            result[key] = Record(
                old.created, updated, content, schedule, old.sequence + int(moved)
            )  # a key that came back is no longer removed
    return result


def dumps(ledger: dict[str, Record]) -> str:
    """The text of json.dumps(…, indent=1, ensure_ascii=False), written directly:
    Python's JSON encoder is pure Python with an indent (a tenth of a second for ten
    thousand records, on every livereload edit)."""
    if not ledger:
        return "{}\n"
    names = [f.name for f in fields(Record)]
    records = []
    for key, record in sorted(ledger.items()):
        values = ",\n".join(
            f"  {encode_basestring(name)}: {_value(getattr(record, name))}"
            for name in names
            if name != "removed" or record.removed is not None
        )
        records.append(f" {encode_basestring(key)}: {{\n{values}\n }}")
    return "{\n" + ",\n".join(records) + "\n}\n"


def _value(value: str | int | None) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return encode_basestring(value)
    return str(int(value))


def loads(text: str) -> dict[str, Record]:
    return {key: Record(**value) for key, value in json.loads(text).items()}
