"""Month grids for the event calendar: pure, so the layout is tested without Pelican."""

from __future__ import annotations

import calendar as stdlib_calendar
from dataclasses import dataclass, field
from datetime import date

from content_model.schedule import Occurrence


@dataclass
class Day:
    day: date
    in_month: bool
    events: list = field(default_factory=list)  # (entry/card, occurrence) pairs


@dataclass
class Month:
    first: date
    weeks: list[list[Day]]

    @property
    def days_with_events(self) -> list[Day]:
        return [d for week in self.weeks for d in week if d.in_month and d.events]


def months_between(first: date, last: date) -> list[date]:
    """The first day of every month from `first`'s month to `last`'s month."""
    months, current = [], date(first.year, first.month, 1)
    while current <= last:
        months.append(current)
        year, month = divmod(current.month, 12)
        current = date(current.year + year, month + 1, 1)
    return months


def month_grid(first: date, placed: dict[date, list]) -> Month:
    """Weeks Monday to Sunday (as in Sweden); days outside the month are marked."""
    weeks = []
    for week in stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(
        first.year, first.month
    ):
        weeks.append(
            [Day(d, d.month == first.month, list(placed.get(d, []))) for d in week]
        )
    return Month(first, weeks)


def place(items: list[tuple[object, list[Occurrence]]]) -> dict[date, list]:
    """Each item on every day each of its occurrences covers, in start order."""
    placed: dict[date, list] = {}
    for item, occurrences in items:
        for occurrence in occurrences:
            for day in occurrence.days():
                placed.setdefault(day, []).append((item, occurrence))
    for day_items in placed.values():
        day_items.sort(key=lambda pair: sort_key(pair[1]))
    return placed


def sort_key(occurrence: Occurrence) -> tuple:
    start = occurrence.start
    return (0, "") if not hasattr(start, "hour") else (1, start.isoformat())
