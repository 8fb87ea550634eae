"""“Add to calendar” links for web calendars: plain links, nothing loads until followed.

Google Calendar and Outlook.com take an event in the link itself. A repeating event is
added as its next occurrence (the iCalendar file carries the whole series).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/action/compose"


def _google_dates(start, end) -> str:
    if isinstance(start, datetime):
        fmt = "%Y%m%dT%H%M%SZ"
        return f"{start.astimezone(UTC):{fmt}}/{end.astimezone(UTC):{fmt}}"
    # all-day: the end is the day after the last (exclusive)
    return f"{start:%Y%m%d}/{end + timedelta(days=1):%Y%m%d}"


def _outlook_times(start, end) -> dict[str, str]:
    if isinstance(start, datetime):
        return {"startdt": start.isoformat(), "enddt": end.isoformat()}
    return {
        "startdt": start.isoformat(),
        "enddt": (end + timedelta(days=1)).isoformat(),
        "allday": "true",
    }


def links(
    title: str, details: str, location: str, start: datetime | date, end
) -> dict[str, str]:
    google = {
        "action": "TEMPLATE",
        "text": title,
        "dates": _google_dates(start, end),
        "details": details,
        "location": location,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "body": details,
        "location": location,
        **_outlook_times(start, end),
    }
    return {
        "google": f"{GOOGLE}?{urlencode(google)}",
        "outlook": f"{OUTLOOK}?{urlencode(outlook)}",
    }
