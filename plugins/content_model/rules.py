"""Rules that span several fields of one item; each returns errors, never raises."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from .model import Item, kept
from .schedule import Repeat, Schedule
from .vocabulary import MUNICIPALITIES

Report = Callable[[str, str, str], None]  # (field, problem, fix)

# Longest span a rule may cover: keeps feeds and calendars finite.
MAX_REPEAT_SPAN = timedelta(days=3 * 366)


def schedule_of(item: Item) -> Schedule:
    """The event's schedule from its (already validated) fields."""
    return kept(item, ("schedule",), lambda: _schedule(item))


def _schedule(item: Item) -> Schedule:
    repeat = None
    if item.get("repeat"):
        repeat = Repeat(
            item.repeat,
            item.get("repeat_until"),
            item.get("repeat_count"),
            tuple(item.get("repeat_except") or ()),
        )
    return Schedule(
        item.start, item.get("end"), item.get("timezone") or "Europe/Stockholm", repeat
    )


def shown(value: date | datetime) -> str:
    """A date or time as editors write it: 2027-06-05 or 2027-06-05 18:00."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def check_dates(item: Item, err: Report) -> None:
    start, end = item.get("start"), item.get("end")
    if start is not None and end is not None:
        if type(start) is not type(end):
            err(
                "end",
                "mixes an all-day date with a time",
                "give both start and end with a time, or both as dates",
            )
        elif end < start:
            err(
                "end",
                f"{shown(end)} is before the start {shown(start)}",
                "correct the end, or the start",
            )
    if item.get("status") == "rescheduled" and "previous_start" not in item.lines:
        err(
            "status",
            "is 'rescheduled' but there is no previous_start",
            "add 'previous_start: …' with the date the event had before",
        )
    valid_from, valid_through = item.get("valid_from"), item.get("valid_through")
    if valid_from and valid_through and valid_through < valid_from:
        err(
            "valid_through",
            f"{valid_through} is before valid_from {valid_from}",
            "correct one of the two dates",
        )


def missing_in_zone(local: datetime, zone: ZoneInfo) -> bool:
    """A wall-clock time skipped when the clocks go forward (02:30 on the last Sunday of
    March in Sweden)."""
    aware = local.replace(tzinfo=zone)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local


def check_clock_times(item: Item, err: Report, repeats: bool) -> None:
    zone_name = item.get("timezone") or "Europe/Stockholm"
    zone = ZoneInfo(zone_name)
    for name in ("start", "end", "previous_start"):
        value = item.get(name)
        if isinstance(value, datetime) and missing_in_zone(value, zone):
            err(
                name,
                f"{shown(value)} does not exist in {zone_name}: the clocks go forward "
                "that night",
                "choose a time outside the skipped hour",
            )
            return
    if repeats and isinstance(item.get("start"), datetime):
        for local in schedule_of(item).local_starts():
            if missing_in_zone(local, zone):
                err(
                    "repeat",
                    f"falls on {shown(local)}, which does not exist in {zone_name}",
                    "move the start time, or add the date to repeat_except",
                )
                return


def check_repeat(item: Item, err: Report) -> bool:
    """True when the event repeats by a rule that can be expanded safely."""
    repeat_fields = ("repeat_until", "repeat_count", "repeat_except")
    if not item.get("repeat"):
        for name in repeat_fields:
            if name in item.fields:
                err(
                    name,
                    "is given but the event does not repeat",
                    "add 'repeat: weekly' or 'repeat: monthly', or remove this line",
                )
        return False
    until, count = item.get("repeat_until"), item.get("repeat_count")
    if until is None and count is None:
        err(
            "repeat",
            "has neither repeat_until nor repeat_count",
            "add 'repeat_until: YYYY-MM-DD' (the last date) or 'repeat_count: N'",
        )
        return False
    if until is not None and count is not None:
        err(
            "repeat_count",
            "is given together with repeat_until",
            "keep one of the two: a last date or a number of times",
        )
        return False
    first_day = item.start if not hasattr(item.start, "date") else item.start.date()
    if until is not None and until < first_day:
        err(
            "repeat_until",
            f"{until} is before the start",
            "give the last date it repeats",
        )
        return False
    if until is not None and until - first_day > MAX_REPEAT_SPAN:
        err(
            "repeat_until",
            "is more than three years after the start",
            "split the event, or give an earlier last date",
        )
        return False
    if item.get("end") is not None and type(item.end) is not type(item.start):
        return False  # reported by check_dates
    if item.get("end") is not None and item.get("end") != item.start:
        span = item.end - item.start
        if span.days >= (7 if item.repeat == "weekly" else 28):
            err(
                "end",
                "makes each occurrence last as long as the repeat interval",
                "give the end of the first occurrence only",
            )
            return False
    rule_dates = schedule_of(item).rule_dates()
    for day in item.get("repeat_except") or ():
        if day not in rule_dates:
            err(
                "repeat_except",
                f"{day} is not a date the event repeats on",
                "list only dates the rule produces, e.g. a Saturday for a weekly "
                "Saturday event",
            )
    return True


def check_source_item(item: Item, err: Report) -> None:
    """Rules on shared facts: checked once, on the source file."""
    check_dates(item, err)
    if item.type == "events" and item.get("start") is not None:
        repeats = check_repeat(item, err)
        if item.get("timezone") is not None or "timezone" not in item.lines:
            check_clock_times(item, err, repeats)
    if (
        item.type == "events"
        and "address" not in item.lines
        and not item.get("destination")
    ):
        err(
            "address",
            "is required for an event that has no destination",
            "add 'address: street, postcode town' ('none' for a square, a park or a "
            "lake; 'unconfirmed' until you have it), or 'destination: …' to hold it "
            "at a destination and take that one's",
        )
    if item.type == "municipalities" and item.key not in MUNICIPALITIES:
        err(
            "key",
            f"{item.key!r} is not a municipality id",
            f"use one of: {', '.join(MUNICIPALITIES)}",
        )
