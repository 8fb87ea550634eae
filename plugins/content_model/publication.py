"""Which entries a build publishes, and how: drafts, scheduled items, future stories,
expired packages. Pure: entries and the build's moment in, a decision per entry out.

- `draft: yes` — never published; a preview (livereload) shows it with a band.
- `publish_from: 2027-05-01` (or `… 08:00`, Europe/Stockholm) — published from then on.
- a story dated in the future — published from its date.
- a package past `valid_through` — its page stays a year, marked "no longer available",
  `noindex`, without an offer, and out of listings, feeds, the sitemap and widgets;
  then it is not published at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .model import Entry

STOCKHOLM = ZoneInfo("Europe/Stockholm")
EXPIRED_PAGE_DAYS = 365

DRAFT, SCHEDULED, EXPIRED = "draft", "scheduled", "expired"


@dataclass(frozen=True)
class Decision:
    published: bool  # a page is made (in a preview: drafts and scheduled items too)
    state: str = ""  # "", DRAFT, SCHEDULED, EXPIRED
    since: datetime | date | None = None  # publish_from, a story's date, valid_through


def moment(value: date | datetime) -> datetime:
    """A date means its first minute in Stockholm."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=STOCKHOLM)
    return datetime.combine(value, time(), tzinfo=STOCKHOLM)


def decide(entry: Entry, now: datetime, preview: bool) -> Decision:
    fields = entry.source.fields
    if fields.get("draft"):
        return Decision(preview, DRAFT)
    start = fields.get("publish_from")
    if entry.type == "stories" and fields.get("date") and not start:
        start = fields["date"]
    if start is not None and moment(start) > now:
        return Decision(preview, SCHEDULED, start)
    through = fields.get("valid_through")
    if entry.type == "packages" and through is not None:
        today = now.astimezone(STOCKHOLM).date()
        if today > through + timedelta(days=EXPIRED_PAGE_DAYS):
            return Decision(False, EXPIRED, through)
        if today > through:
            return Decision(True, EXPIRED, through)
    return Decision(True)


def publish(
    entries: dict[str, Entry], now: datetime, preview: bool
) -> dict[str, Entry]:
    """The entries a build makes pages for; each one's decision is on the entry
    (`entry.state`, `entry.state_since`)."""
    shown = {}
    for key, entry in entries.items():
        decision = decide(entry, now, preview)
        entry.state = decision.state
        entry.state_since = decision.since
        if decision.published:
            shown[key] = entry
    return shown


def listed(entry: Entry) -> bool:
    """In listings, feeds, the sitemap and widgets (an expired package's page is not)."""
    return entry.state != EXPIRED
