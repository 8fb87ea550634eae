"""iCalendar (RFC 5545 + RFC 7986) for calendar subscriptions, with the icalendar library."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
    vRecur,
)

from .views import EventView

STOCKHOLM = "Europe/Stockholm"
PRODID = "-//AB Destination Smaland//Kronoberg events//EN"
STATUS = {
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}
REFRESH = timedelta(hours=12)


def calendar(
    events: list[EventView],
    *,
    name: str,
    description: str,
    url: str,
    uid_domain: str,
    cache: dict[tuple[str, str], bytes] | None = None,
) -> bytes:
    """A subscribable calendar: one VEVENT per event, VTIMEZONEs for the zones used.

    An event sits in many calendars (all, its municipality, its category): `cache` keeps
    each VEVENT's bytes so it is serialised once per language.
    """
    cache = {} if cache is None else cache
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("description", description)
    cal.add("x-wr-caldesc", description)
    cal.add("url", url)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    cal.add("x-wr-timezone", "Europe/Stockholm")
    zones = sorted({e.schedule.timezone for e in events} | {STOCKHOLM})
    first, last = years_covered(events)
    wrapper = cal.to_ical()
    body = b"".join(timezone_bytes(zone, first, last) for zone in zones)
    body += b"".join(event_bytes(event, uid_domain, cache) for event in events)
    end = b"END:VCALENDAR\r\n"
    return wrapper[: -len(end)] + body + end


@lru_cache(maxsize=64)
def timezone_bytes(zone: str, first: date, last: date) -> bytes:
    if zone == STOCKHOLM:
        return stockholm().to_ical()
    # Other zones: transitions for the years the events span only.
    component = Timezone.from_tzinfo(
        ZoneInfo(zone), zone, first_date=first, last_date=last
    )
    return component.to_ical()


def event_bytes(
    event: EventView, uid_domain: str, cache: dict[tuple[str, str], bytes]
) -> bytes:
    key = (event.key, event.lang)
    if key not in cache:
        cache[key] = vevent(event, uid_domain).to_ical()
    return cache[key]


def stockholm() -> Timezone:
    """Europe/Stockholm by its rule (EU summer time since 1996), as calendar apps write it.

    Each onset is in the local time before the change: 02:00 CET in March, 03:00 CEST
    in October.
    """
    zone = Timezone()
    zone.add("tzid", STOCKHOLM)
    zone.add("x-lic-location", STOCKHOLM)
    for kind, month, hour, offset_from, offset_to, name in (
        (TimezoneDaylight, 3, 2, 1, 2, "CEST"),
        (TimezoneStandard, 10, 3, 2, 1, "CET"),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("tzoffsetfrom", timedelta(hours=offset_from))
        part.add("tzoffsetto", timedelta(hours=offset_to))
        part.add("dtstart", datetime(1996, month, 31 if month == 3 else 27, hour))
        part.add("rrule", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": "-1SU"})
        zone.add_component(part)
    return zone


def years_covered(events: list[EventView]) -> tuple[date, date]:
    days = [d for e in events for o in e.occurrences for d in (o.first_day, o.last_day)]
    if not days:
        return date(2026, 1, 1), date(2027, 1, 1)
    return date(min(days).year - 1, 1, 1), date(max(days).year + 2, 1, 1)


def uid(event: EventView, uid_domain: str) -> str:
    """Stable across builds, edits and languages: the key never changes."""
    return f"{event.key}@{uid_domain}"


def vevent(event: EventView, uid_domain: str) -> Event:
    schedule = event.schedule
    item = Event()
    item.add("uid", uid(event, uid_domain))
    item.add("dtstamp", event.updated.astimezone(UTC))
    item.add("created", event.created.astimezone(UTC))
    item.add("last-modified", event.updated.astimezone(UTC))
    item.add("sequence", event.sequence)
    item.add("summary", event.title, parameters={"LANGUAGE": event.lang})
    item.add(
        "description",
        "\n\n".join(x for x in (event.summary, event.url, event.credit) if x),
        parameters={"LANGUAGE": event.lang},
    )
    item.add("url", event.url)
    item.add("status", STATUS[event.status])
    item.add("categories", [event.category_label])
    item.add("class", "PUBLIC")
    item.add("transp", "TRANSPARENT" if schedule.all_day else "OPAQUE")
    if event.location:
        item.add("location", event.location)
    if event.coordinates:
        item.add("geo", (event.coordinates.latitude, event.coordinates.longitude))
    # DTSTART is the rule's first instance even when an exception removes it.
    start, end = first_instance(event)
    item.add("dtstart", start)
    item.add("dtend", exclusive_end(end))
    if schedule.repeat is not None:
        item.add("rrule", rule(event))
        for day in schedule.repeat.exceptions:
            item.add("exdate", exception_start(event, day))
    return item


def first_instance(event: EventView) -> tuple[datetime | date, datetime | date]:
    """Start and end of the first instance; timed values are aware (TZID in output)."""
    schedule = event.schedule
    start = schedule.start
    end = start + schedule.duration
    if isinstance(start, datetime):
        zone = ZoneInfo(schedule.timezone)
        return start.replace(tzinfo=zone), end.replace(tzinfo=zone)
    return start, end


def exclusive_end(end: datetime | date) -> datetime | date:
    """iCalendar all-day ends are exclusive: the day after the last day."""
    return end if isinstance(end, datetime) else end + timedelta(days=1)


def rule(event: EventView) -> vRecur:
    repeat = event.schedule.repeat
    assert repeat is not None
    parts: dict = {"FREQ": repeat.frequency.upper()}
    if repeat.count is not None:
        parts["COUNT"] = repeat.count
    if repeat.until is not None:
        if event.schedule.all_day:
            parts["UNTIL"] = repeat.until
        else:
            # With a TZID start, UNTIL must be UTC (RFC 5545 3.3.10).
            local = datetime.combine(repeat.until, time(23, 59, 59))
            zone = ZoneInfo(event.schedule.timezone)
            parts["UNTIL"] = local.replace(tzinfo=zone).astimezone(UTC)
    return vRecur(parts)


def exception_start(event: EventView, day: date) -> datetime | date:
    """EXDATE names the excluded occurrence's start, in the same form as DTSTART."""
    start = event.schedule.start
    if not isinstance(start, datetime):
        return day
    local = datetime.combine(day, start.time())
    return local.replace(tzinfo=ZoneInfo(event.schedule.timezone))
