"""Template helpers that turn item facts into text in the reader's language."""

from __future__ import annotations

from datetime import date, datetime

from i18n import formatting
from i18n.jinja import translate

from .vocabulary import LABELS, MUNICIPALITIES


def label(value: str, field: str) -> str:
    """A controlled value's translated label: label('music', 'category') -> 'Musik'."""
    return translate(LABELS[field][value])


def municipality_name(value: str) -> str:
    return MUNICIPALITIES[value]


def when(start: date | datetime, end: date | datetime | None, lang: str) -> str:
    """An event's time in words: '5–7 juni 2027', 'lördag 5 juni 2027, 18:00–22:00'
    (a comma between day and time, so they do not run together)."""
    end = end or start
    if not isinstance(start, datetime):
        return formatting.date_range(start, end, lang)
    if isinstance(end, datetime) and end.date() == start.date():
        span = formatting.clock(start, lang)
        if end != start:
            span += f"–{formatting.clock(end, lang)}"
        return f"{formatting.weekday_date(start.date(), lang)}, {span}"
    first = (
        f"{formatting.long_date(start.date(), lang)}, {formatting.clock(start, lang)}"
    )
    last = formatting.long_date(
        end if not isinstance(end, datetime) else end.date(), lang
    )
    if isinstance(end, datetime):
        last += f", {formatting.clock(end, lang)}"
    return f"{first} – {last}"


def iso(value: date | datetime) -> str:
    """The `datetime` attribute of <time>."""
    return (
        value.isoformat(timespec="minutes")
        if isinstance(value, datetime)
        else value.isoformat()
    )


FILTERS = {
    "label": label,
    "municipality_name": municipality_name,
    "iso": iso,
}
GLOBALS = {"when": when}
