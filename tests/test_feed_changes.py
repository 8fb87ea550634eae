"""Feeds over time: stable UIDs, SEQUENCE and updated that move, statuses in every format."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import feedparser
import icalendar
from conftest import ROOT, build
from dateutil.rrule import rrulestr

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
FIRST = datetime(2027, 1, 10, 12, tzinfo=UTC)
LATER = datetime(2027, 2, 20, 12, tzinfo=UTC)


def site(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    return content


def vevents(
    output: Path, path: str = "feeds/sv/events.ics"
) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical((output / path).read_bytes())
    return {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}


def test_edit_keeps_uid_and_moves_sequence_and_updated(tmp_path):
    content = site(tmp_path)
    out = build(content, tmp_path / "output", BUILD_TIME=FIRST)
    before = vevents(out)["konsert"]
    atom_before = feedparser.parse((out / "feeds/sv/events.atom").read_bytes())

    # Unchanged content, later build: nothing moves.
    out = build(content, tmp_path / "output", BUILD_TIME=LATER)
    assert vevents(out)["konsert"]["SEQUENCE"] == before["SEQUENCE"] == 0
    assert vevents(out)["konsert"]["DTSTAMP"].dt == FIRST

    event = content / "events/sv/konsert.md"
    event.write_text(event.read_text().replace("18:00", "19:00"))
    out = build(content, tmp_path / "output", BUILD_TIME=LATER)
    after = vevents(out)["konsert"]
    assert str(after["UID"]) == str(before["UID"])
    assert after["SEQUENCE"] == 1
    assert after["DTSTAMP"].dt == LATER
    atom_after = feedparser.parse((out / "feeds/sv/events.atom").read_bytes())
    assert atom_after.entries[0].id == atom_before.entries[0].id
    assert atom_after.entries[0].updated != atom_before.entries[0].updated

    # A text-only edit updates `updated` but is no reason for calendars to reschedule.
    event.write_text(event.read_text().replace("En konsert i parken.", "En konsert."))
    out = build(content, tmp_path / "output", BUILD_TIME=LATER + timedelta(days=1))
    assert vevents(out)["konsert"]["SEQUENCE"] == 1
    ledger = json.loads((content / "ledger.json").read_text())
    assert ledger["konsert"]["updated"] == (LATER + timedelta(days=1)).isoformat()


def test_cancelled_event_is_cancelled_in_every_format(tmp_path):
    content = site(tmp_path)
    event = content / "events/sv/konsert.md"
    event.write_text(
        event.read_text().replace("price: 1295", "price: 1295\nstatus: cancelled")
    )
    out = build(content, tmp_path / "output")
    assert vevents(out)["konsert"]["STATUS"] == "CANCELLED"
    # The status is written in the entry's own language (here Swedish, untranslated).
    for feed in ("atom", "rss"):
        parsed = feedparser.parse((out / f"feeds/en/events.{feed}").read_bytes())
        assert parsed.entries[0].title == "Inställt: Sommarkonsert"
    atom = feedparser.parse((out / "feeds/en/events.atom").read_bytes())
    assert atom.entries[0].title_detail.language == "sv"
    jf = json.loads((out / "feeds/de/events.feed.json").read_text())
    assert jf["items"][0]["title"] == "Inställt: Sommarkonsert"
    assert jf["items"][0]["language"] == "sv"
    data = json.loads((out / "feeds/sv/events.json").read_text())
    assert data["events"][0]["status"] == "cancelled"
    page = (out / "evenemang/konsert/index.html").read_text()
    ld = json.loads(page.split('type="application/ld+json">')[1].split("</script>")[0])
    assert ld["eventStatus"] == "https://schema.org/EventCancelled"
    assert '<strong class="status">Inställt</strong>' in page


def test_weekly_market_expands_across_dst_with_exceptions(tmp_path):
    content = site(tmp_path)
    (content / "events/sv/torg.md").write_text(
        "key: torg\ntitle: Lördagstorg\nsummary: Torghandel.\n"
        "start: 2027-03-20 09:00\nend: 2027-03-20 13:00\nrepeat: weekly\n"
        "repeat_until: 2027-04-10\nrepeat_except: 2027-04-03\nvenue: Torget\naddress: none\n"
        "municipality: ljungby\ncategory: market\nprice: free\norganizer: Kommunen\n\nText.\n"
    )
    out = build(content, tmp_path / "output")
    market = vevents(out)["torg"]
    start = market["DTSTART"].dt
    assert start.tzinfo is not None and start.hour == 9
    rule = rrulestr(market["RRULE"].to_ical().decode(), dtstart=start)
    excluded = {d.dt for ex in [market["EXDATE"]] for d in ex.dts}
    dates = [s for s in rule if s not in excluded]
    assert [d.date() for d in dates] == [
        date(2027, 3, 20),
        date(2027, 3, 27),
        date(2027, 4, 10),
    ]
    # 09:00 in Sweden on both sides of 28 March: 08:00 UTC, then 07:00 UTC.
    assert [d.astimezone(UTC).hour for d in dates] == [8, 8, 7]
    record = json.loads((out / "feeds/sv/events.json").read_text())["events"]
    torg = next(e for e in record if e["key"] == "torg")
    assert [o["start"] for o in torg["occurrences"]] == [
        "2027-03-20T09:00:00+01:00",
        "2027-03-27T09:00:00+01:00",
        "2027-04-10T09:00:00+02:00",
    ]


def test_changes_json_lists_changes_and_removals_for_ninety_days(tmp_path):
    """A partner mirroring our events syncs from changes.json."""
    content = site(tmp_path)
    out = build(content, tmp_path / "output", BUILD_TIME=FIRST)
    first = json.loads((out / "feeds/de/changes.json").read_text())
    assert [(c["key"], c["change"]) for c in first["changes"]] == [("konsert", "added")]
    assert first["changes"][0]["at"] == FIRST.isoformat()
    source = next((content / "events" / "sv").glob("*.md"))
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\n\n", "\n\nNytt stycke.\n\n", 1), encoding="utf-8")
    out = build(content, tmp_path / "output", BUILD_TIME=LATER)
    changed = json.loads((out / "feeds/de/changes.json").read_text())
    assert [(c["change"], c["at"]) for c in changed["changes"]] == [
        ("updated", LATER.isoformat())
    ]
    for path in (content / "events").rglob("*.md"):
        path.unlink()
    gone = LATER + timedelta(days=1)
    out = build(content, tmp_path / "output", BUILD_TIME=gone)
    removed = json.loads((out / "feeds/de/changes.json").read_text())
    assert removed["changes"] == [
        {
            "id": "konsert@127.0.0.1",
            "key": "konsert",
            "change": "removed",
            "at": gone.isoformat(),
            "url": None,
        }
    ]
    assert removed["updated"] == gone.isoformat()
    out = build(content, tmp_path / "output", BUILD_TIME=gone + timedelta(days=91))
    later = json.loads((out / "feeds/de/changes.json").read_text())
    assert later["changes"] == []
