"""An event as a partner's calendar gives it, before it becomes one of our content files."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from content_model.schedule import Repeat as ScheduleRepeat
from content_model.schedule import Schedule

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class Repeat:
    """A rule our content model can say (`repeat`, `repeat_until`, `repeat_except`)."""

    frequency: str
    until: date
    exceptions: tuple[date, ...] = ()


@dataclass
class Read:
    """What a reader got from one calendar: its events, and for what it could not
    read, a line each and the UIDs (whose files must not be taken for gone)."""

    events: list[Upstream] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)

    def skip(self, uid: str, label: str, reason: object) -> None:
        self.problems.append(f"{label}: {reason}; skipped")
        if uid:
            self.unreadable.add(" ".join(uid.split()))


@dataclass(frozen=True)
class Upstream:
    """One event, or one run of a series that our model cannot say as a rule.

    `recurrence` is "" for a whole event or series, else the run's original start
    (RECURRENCE-ID): with the UID it finds the same file again on the next import.
    Times are naive wall-clock times in Europe/Stockholm; an all-day `end` is the
    last day (inclusive), as in our content model."""

    uid: str
    title: str
    start: datetime | date
    end: datetime | date | None = None
    recurrence: str = ""
    description: str = ""  # Markdown, already made safe
    location: str = ""
    geo: tuple[float, float] | None = None
    url: str = ""
    categories: tuple[str, ...] = ()
    cancelled: bool = False
    organizer: str = ""
    price: str = ""
    municipality: str = ""  # when the source says it in our terms (events.json)
    repeat: Repeat | None = None
    problems: tuple[str, ...] = field(default=())


def local(value: datetime | date) -> datetime | date:
    """A calendar's time as our wall-clock time: aware times (UTC `Z`, a TZID, a
    Windows zone name) converted to Swedish time; floating times are Swedish already."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(STOCKHOLM).replace(tzinfo=None)
        return value.replace(second=0, microsecond=0)
    return value


def rule_for(runs: list[tuple[datetime | date, datetime | date]]) -> Repeat | None:
    """Our weekly or monthly rule that gives exactly these runs (local start, end), with
    the dates it would add as exceptions; None when no rule of ours gives them."""
    if len(runs) < 2:
        return None
    starts = [start for start, _end in runs]
    if len({end - start for start, end in runs}) != 1:
        return None
    first, last = starts[0], starts[-1]
    end = runs[0][1] if runs[0][1] != first else None
    until = last.date() if isinstance(last, datetime) else last
    for frequency in ("weekly", "monthly"):
        given = Schedule(
            first, end, repeat=ScheduleRepeat(frequency, until)
        ).local_starts()
        if not set(starts) <= set(given):
            continue
        skipped = {
            s.date() if isinstance(s, datetime) else s for s in set(given) - set(starts)
        }
        return Repeat(frequency, until, tuple(sorted(skipped)))
    return None
