"""Events from JSON: our own events.json (another site built by this generator, or a
partner who writes our schema) and JSON Feed 1.1 with event times in an extension.

JSON Feed has no event times of its own; its items carry them in an extension object
whose name ends in `event` (`_kronoberg_event`, as our feeds write, or `_event`):
`start`, optional `end`, `all_day`, `location`. Items without one are reported.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from .safe_text import html_to_markdown, text_to_markdown
from .upstream import Read, Upstream, local, rule_for


class JsonError(ValueError):
    pass


def read_events_json(data: bytes) -> Read:
    document = _load(data)
    events = document.get("events") if isinstance(document, dict) else None
    if not isinstance(events, list):
        raise JsonError("has no 'events' list (is it an events.json file?)")
    read = Read()
    for number, record in enumerate(events, 1):
        uid = str(record.get("id", "")) if isinstance(record, dict) else ""
        try:
            read.events += _from_record(record)
        except Exception as error:  # one broken record never stops the others
            read.skip(uid, f"event {number}", _reason(error))
    return read


def read_json_feed(data: bytes) -> Read:
    document = _load(data)
    if not isinstance(document, dict) or "jsonfeed.org/version" not in str(
        document.get("version", "")
    ):
        raise JsonError(
            "is not a JSON Feed (no 'version': 'https://jsonfeed.org/version/1.1')"
        )
    read = Read()
    for number, item in enumerate(document.get("items") or [], 1):
        if not isinstance(item, dict):
            continue
        uid = str(item.get("id") or item.get("url") or "")
        label = repr(item.get("title") or item.get("id") or f"item {number}")
        try:
            read.events.append(_from_item(item, uid or label))
        except Exception as error:  # one broken item never stops the others
            read.skip(uid, label, _reason(error))
    return read


def _from_item(item: dict, uid: str) -> Upstream:
    times = next(
        (v for k, v in item.items() if k.startswith("_") and k.endswith("event")),
        None,
    )
    if not isinstance(times, dict) or not isinstance(times.get("start"), str):
        raise ValueError("has no event times (_event.start)")
    start = _moment(times["start"], times.get("all_day"))
    end = _moment(times["end"], times.get("all_day")) if times.get("end") else None
    return Upstream(
        uid=uid,
        title=" ".join(str(item.get("title", "")).split()),
        start=start,
        end=end if end != start else None,
        description=_body(item),
        location=" ".join(str(times.get("location", "")).split()),
        url=str(item.get("url") or ""),
        categories=tuple(str(t) for t in item.get("tags") or ()),
        cancelled=str(times.get("status", "")).lower() == "cancelled",
    )


def _from_record(record: dict) -> list[Upstream]:
    all_day = bool(record.get("all_day"))
    runs = [
        (_moment(o["start"], all_day), _moment(o["end"], all_day))
        for o in record.get("occurrences")
        or [{"start": record["start"], "end": record["end"]}]
    ]
    point = record.get("coordinates") or None
    place = ", ".join(x for x in (record.get("venue"), record.get("address")) if x)
    base = dict(
        uid=str(record["id"]),
        title=" ".join(str(record["title"]).split()),
        description=text_to_markdown(str(record.get("summary") or "")),
        location=place,
        geo=(float(point["lat"]), float(point["lon"])) if point else None,
        url=str(record.get("booking_url") or record.get("url") or ""),
        categories=tuple(c for c in ((record.get("category") or {}).get("id"),) if c),
        cancelled=record.get("status") == "cancelled",
        organizer=str(record.get("organizer") or ""),
        price=_price(record.get("price")),
        municipality=str((record.get("municipality") or {}).get("id") or ""),
    )
    rule = rule_for(runs)
    if len(runs) == 1 or rule is not None:
        start, end = runs[0]
        return [
            Upstream(
                start=start, end=end if end != start else None, repeat=rule, **base
            )
        ]
    return [
        Upstream(start=s, end=e if e != s else None, recurrence=_shown(s), **base)
        for s, e in runs
    ]


def _body(item: dict) -> str:
    if "content_html" in item:
        return html_to_markdown(str(item["content_html"]))
    return text_to_markdown(str(item.get("content_text") or item.get("summary") or ""))


def _price(price: dict | None) -> str:
    if not isinstance(price, dict):
        return ""
    if price.get("free"):
        return "free"
    low, high = price.get("min"), price.get("max")
    if isinstance(low, int):
        return f"{low}-{high}" if isinstance(high, int) and high != low else str(low)
    return ""


def _moment(value: str, all_day: bool | None) -> datetime | date:
    if all_day or len(value) == 10:
        return date.fromisoformat(value[:10])
    return local(datetime.fromisoformat(value))


def _shown(value: datetime | date) -> str:
    return (
        value.isoformat(timespec="minutes")
        if isinstance(value, datetime)
        else value.isoformat()
    )


def _load(data: bytes):
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise JsonError(f"is not JSON ({error})") from None


def _reason(error: Exception) -> str:
    return f"missing {error}" if isinstance(error, KeyError) else str(error)
