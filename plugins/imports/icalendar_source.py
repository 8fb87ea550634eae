"""Events from an iCalendar feed (RFC 5545): Google, Outlook/Exchange, CMS exports.

The libraries do the hard parts: `icalendar` reads the file (folded lines, escapes,
TZID with VTIMEZONE or a Windows zone name), `x_wr_timezone` gives Google's
X-WR-TIMEZONE calendars real zones, `recurring_ical_events` expands RRULE, RDATE,
EXDATE and overridden runs (RECURRENCE-ID). Here: a series becomes one file with our
`repeat` rule when that rule gives exactly the same runs; otherwise each run is a file.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

import icalendar
import recurring_ical_events
import x_wr_timezone

from .safe_text import TextTooLong, html_to_markdown, text_to_markdown
from .upstream import Read, Repeat, Upstream, local, rule_for

# How far back runs are still imported. Ahead, an endless series is read to the end of
# next year: a fixed day, so that imports on different days write the same files.
LOOKBACK = timedelta(days=31)


class CalendarError(ValueError):
    """The data is not an iCalendar file we can read."""


def read_icalendar(data: bytes, today: date) -> Read:
    try:
        calendar = icalendar.Calendar.from_ical(data)
        if calendar.name != "VCALENDAR":
            raise CalendarError("is not iCalendar (no VCALENDAR)")
        calendar = x_wr_timezone.to_standard(calendar)
    except CalendarError:
        raise
    except Exception as error:  # the libraries raise many kinds for bad input
        raise CalendarError(f"is not iCalendar we can read ({error})") from None
    read = Read()
    by_uid: dict[str, list[icalendar.Event]] = defaultdict(list)
    for number, component in enumerate(calendar.walk("VEVENT"), 1):
        uid = " ".join(str(component.get("UID", "")).split())
        if not uid:
            read.problems.append(
                f"event {number}: has no UID, so it cannot be kept up to date; skipped"
            )
        elif component.get("DTSTART") is None:
            read.skip(uid, f"{uid!r}", "has no start (DTSTART)")
        else:
            by_uid[uid].append(component)
    for uid in sorted(by_uid):
        try:
            read.events += _series(uid, by_uid[uid], calendar, today)
        except Exception as error:  # one broken event never stops the others
            title = str(by_uid[uid][0].get("SUMMARY", "")) or uid
            read.skip(uid, f"{' '.join(title.split())!r}", f"cannot be read ({error})")
    return read


def _series(
    uid: str, components: list[icalendar.Event], calendar, today: date
) -> list[Upstream]:
    master = next((c for c in components if "RECURRENCE-ID" not in c), components[0])
    repeating = any(c.get("RRULE") or c.get("RDATE") for c in components)
    if not repeating and len(components) == 1:
        single = _upstream(uid, master)
        return [single] if _last_day(single) >= today - LOOKBACK else []
    only = icalendar.Calendar()
    for sub in calendar.walk("VTIMEZONE"):
        only.add_component(sub)
    for component in components:
        only.add_component(component)
    start = _day(master["DTSTART"].dt)
    runs = recurring_ical_events.of(only).between(
        min(start, today - LOOKBACK), date(today.year + 2, 1, 1)
    )
    runs = sorted(runs, key=lambda c: _sort_key(c["DTSTART"].dt))
    overridden = {_recurrence_id(c) for c in components if "RECURRENCE-ID" in c}
    # A cancelled series stays one series (cancelled); a cancelled run is its own file.
    series_cancelled = _cancelled(master)
    plain = [
        r
        for r in runs
        if _recurrence_id(r) not in overridden
        and (series_cancelled or not _cancelled(r))
    ]
    chosen = {id(r) for r in plain}
    special = [r for r in runs if id(r) not in chosen]
    rule = _as_rule(plain) if plain else None
    recent = [r for r in runs if _day(r["DTSTART"].dt) >= today - LOOKBACK]
    if rule is None:
        # One file per run: the coming year's, and those of the last weeks.
        return [_upstream(uid, run, _recurrence_id(run)) for run in recent]
    base = _upstream(uid, plain[0])
    series = Upstream(**{**base.__dict__, "repeat": rule})
    moved = [r for r in special if _day(r["DTSTART"].dt) >= today - LOOKBACK]
    return [series] + [_upstream(uid, run, _recurrence_id(run)) for run in moved]


def _as_rule(plain: list) -> Repeat | None:
    return rule_for([(local(r["DTSTART"].dt), local(_end(r))) for r in plain])


def _upstream(uid: str, component, recurrence: str = "") -> Upstream:
    start = local(component["DTSTART"].dt)
    end = local(_end(component))
    if not isinstance(start, datetime):
        end = end - timedelta(days=1) if end > start else start  # exclusive → last day
    try:
        description, problems = _description(component), ()
    except TextTooLong as error:
        description, problems = "", (str(error),)
    geo = component.get("GEO")
    return Upstream(
        uid=uid,
        recurrence=recurrence,
        title=" ".join(str(component.get("SUMMARY", "")).split()),
        start=start,
        end=end if end != start else None,
        description=description,
        location=" ".join(str(component.get("LOCATION", "")).split()),
        geo=(float(geo.latitude), float(geo.longitude)) if geo else None,
        url=str(component.get("URL", "")).strip(),
        categories=_categories(component),
        cancelled=_cancelled(component),
        organizer=_organizer(component),
        problems=problems,
    )


def _end(component) -> datetime | date:
    if component.get("DTEND") is not None:
        return component["DTEND"].dt
    start = component["DTSTART"].dt
    if component.get("DURATION") is not None:
        return start + component["DURATION"].dt
    return start + timedelta(days=1) if not isinstance(start, datetime) else start


def _description(component) -> str:
    html = component.get("X-ALT-DESC")
    if html is not None and "html" in str(html.params.get("FMTTYPE", "")):
        return html_to_markdown(str(html))
    text = str(component.get("DESCRIPTION", ""))
    if "<" in text and ">" in text:  # Google writes HTML into DESCRIPTION
        return html_to_markdown(text)
    return text_to_markdown(text)


def _categories(component) -> tuple[str, ...]:
    found: list[str] = []
    values = component.get("CATEGORIES")
    for value in values if isinstance(values, list) else [values] if values else []:
        found += [
            str(c).strip() for c in getattr(value, "cats", [value]) if str(c).strip()
        ]
    return tuple(found)


def _organizer(component) -> str:
    organizer = component.get("ORGANIZER")
    if organizer is None:
        return ""
    name = organizer.params.get("CN", "")
    return " ".join(str(name).split())


def _cancelled(component) -> bool:
    return str(component.get("STATUS", "")).upper() == "CANCELLED"


def _recurrence_id(component) -> str:
    value = component.get("RECURRENCE-ID")
    if value is None:
        value = component.get("DTSTART")
    moment = local(value.dt)
    return (
        moment.isoformat(timespec="minutes")
        if isinstance(moment, datetime)
        else moment.isoformat()
    )


def _last_day(event: Upstream) -> date:
    return _day(event.end or event.start)


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _sort_key(value: datetime | date) -> datetime:
    moment = local(value)
    if isinstance(moment, datetime):
        return moment
    return datetime(moment.year, moment.month, moment.day)
