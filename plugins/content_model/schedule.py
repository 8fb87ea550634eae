"""When an event happens: single, multi-day, all-day and repeating, in its local time zone.

Pure: nothing here knows about Pelican. Times in content are local wall-clock times; they
become aware datetimes here, so 18:00 stays 18:00 in Växjö on both sides of a DST change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule

FREQUENCIES = {"weekly": WEEKLY, "monthly": MONTHLY}
DEFAULT_TIMEZONE = "Europe/Stockholm"


@dataclass(frozen=True)
class Repeat:
    """A weekly or monthly rule, ended by a last date or a count, minus exception dates."""

    frequency: str
    until: date | None = None
    count: int | None = None
    exceptions: tuple[date, ...] = ()


@dataclass(frozen=True)
class Occurrence:
    """One run of an event. `start`/`end` are aware datetimes, or dates for all-day events;
    an all-day `end` is the last day (inclusive)."""

    start: datetime | date
    end: datetime | date

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def first_day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start

    @property
    def last_day(self) -> date:
        return self.end.date() if isinstance(self.end, datetime) else self.end

    def days(self) -> list[date]:
        span = (self.last_day - self.first_day).days
        return [self.first_day + timedelta(days=n) for n in range(span + 1)]


@dataclass(frozen=True)
class Schedule:
    """An event's time: its first occurrence, an optional rule, and its time zone."""

    start: datetime | date  # naive local wall-clock time, or a date
    end: datetime | date | None
    timezone: str = DEFAULT_TIMEZONE
    repeat: Repeat | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def duration(self) -> timedelta:
        return (self.end or self.start) - self.start

    def local_starts(self) -> list[datetime | date]:
        """Naive local starts of every occurrence, exceptions removed."""
        if self.repeat is None:
            return [self.start]
        first = (
            self.start
            if isinstance(self.start, datetime)
            else datetime.combine(self.start, time())
        )
        until = None
        if self.repeat.until is not None:
            until = datetime.combine(self.repeat.until, time(23, 59, 59))
        rule = rrule(
            FREQUENCIES[self.repeat.frequency],
            dtstart=first,
            until=until,
            count=self.repeat.count,
        )
        skipped = set(self.repeat.exceptions)
        starts = [s for s in rule if s.date() not in skipped]
        return (
            starts if isinstance(self.start, datetime) else [s.date() for s in starts]
        )

    def occurrences(self) -> list[Occurrence]:
        # Kept on the instance too: sorting listings asks tens of thousands of times,
        # and hashing the schedule for the process-wide cache is the slow part.
        known = self.__dict__.get("_occurrences")
        if known is None:
            known = self.__dict__["_occurrences"] = _occurrences(self)
        return list(known)

    def _expand(self) -> list[Occurrence]:
        found = []
        for local in self.local_starts():
            end = local + self.duration
            if isinstance(local, datetime):
                found.append(
                    Occurrence(
                        local.replace(tzinfo=self.zone), end.replace(tzinfo=self.zone)
                    )
                )
            else:
                found.append(Occurrence(local, end))
        return found

    def rule_dates(self) -> set[date]:
        """The dates the rule produces before exceptions: what an exception may name."""
        if self.repeat is None:
            return set()
        bare = Schedule(
            self.start,
            self.end,
            self.timezone,
            Repeat(self.repeat.frequency, self.repeat.until, self.repeat.count),
        )
        return {o.first_day for o in bare.occurrences()}

    def next_occurrence(self, today: date) -> Occurrence | None:
        """The first occurrence still running on `today` (None when all are over)."""
        return next((o for o in self.occurrences() if o.last_day >= today), None)

    def last_day(self) -> date:
        return self.occurrences()[-1].last_day


@cache
def _occurrences(schedule: Schedule) -> tuple[Occurrence, ...]:
    """Schedules are immutable, so each is expanded once per process."""
    return tuple(schedule._expand())
