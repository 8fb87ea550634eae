"""An event's schedule in words, in the reader's language."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, get_day_names
from content_model.presentation import when
from content_model.schedule import Schedule
from content_model.vocabulary import N_
from i18n import formatting

WEEKLY = N_("Every %(weekday)s from %(first)s to %(last)s")
WEEKLY_TIMES = N_("Every %(weekday)s, %(count)s times from %(first)s")
MONTHLY = N_("Monthly on day %(day)s from %(first)s to %(last)s")
MONTHLY_TIMES = N_("Monthly on day %(day)s, %(count)s times from %(first)s")
EXCEPT = N_("not on %(dates)s")


def weekday_name(day: date, lang: str) -> str:
    return get_day_names("wide", locale=formatting.locale_of(lang))[day.weekday()]


def schedule_text(schedule: Schedule, lang: str, gettext) -> str:
    """'Every Saturday from 5 June to 28 August 2027, 09:00–14:00; not on 26 June 2027'."""
    if schedule.repeat is None:
        return when(schedule.start, schedule.end, lang)
    repeat = schedule.repeat
    start = schedule.start
    first_day = start.date() if isinstance(start, datetime) else start
    values = {
        "weekday": weekday_name(first_day, lang),
        "day": first_day.day,
        "first": formatting.long_date(first_day, lang),
        "last": formatting.long_date(repeat.until, lang) if repeat.until else "",
        "count": repeat.count,
    }
    if repeat.frequency == "weekly":
        pattern = WEEKLY if repeat.until else WEEKLY_TIMES
    else:
        pattern = MONTHLY if repeat.until else MONTHLY_TIMES
    text = gettext(pattern) % values
    if isinstance(start, datetime):
        end = schedule.end if isinstance(schedule.end, datetime) else start
        span = formatting.clock(start, lang)
        if end != start:
            span += f"–{formatting.clock(end, lang)}"
        text += f", {span}"
    if repeat.exceptions:
        dates = ", ".join(formatting.long_date(d, lang) for d in repeat.exceptions)
        text += f"; {gettext(EXCEPT) % {'dates': dates}}"
    return text


def month_name(month: date, lang: str) -> str:
    """'juni 2027', 'Juni 2027' — as the locale writes it inside a sentence."""
    return format_date(month, "LLLL y", locale=formatting.locale_of(lang))


def month_title(month: date, lang: str) -> str:
    """The same, capitalised, for a heading or caption on its own."""
    text = month_name(month, lang)
    return text[:1].upper() + text[1:]
