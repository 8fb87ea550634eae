"""Event schedules: repeats, exceptions and time zones, across DST changes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from content_model.schedule import Repeat, Schedule

STOCKHOLM = "Europe/Stockholm"


def test_weekly_summer_market_skips_midsummer():
    market = Schedule(
        datetime(2027, 6, 5, 9, 0),
        datetime(2027, 6, 5, 14, 0),
        repeat=Repeat(
            "weekly", until=date(2027, 8, 28), exceptions=(date(2027, 6, 26),)
        ),
    )
    days = [o.first_day for o in market.occurrences()]
    assert date(2027, 6, 26) not in days
    assert days[0] == date(2027, 6, 5) and days[-1] == date(2027, 8, 28)
    assert len(days) == 12  # 13 Saturdays from 5 June to 28 August, less Midsummer Day
    assert all(d.weekday() == 5 for d in days)


def test_wall_clock_time_survives_the_dst_change():
    # Weekly on Saturdays at 10:00 from 20 March; DST starts on Sunday 28 March 2027.
    walk = Schedule(
        datetime(2027, 3, 20, 10, 0), None, STOCKHOLM, Repeat("weekly", count=3)
    )
    starts = [o.start for o in walk.occurrences()]
    assert [s.hour for s in starts] == [10, 10, 10]
    assert [s.utcoffset() for s in starts] == [
        timedelta(hours=1),  # 20 March, CET
        timedelta(hours=1),  # 27 March, CET
        timedelta(hours=2),  # 3 April, CEST
    ]


def test_monthly_count_and_all_day():
    fair = Schedule(
        date(2027, 1, 15), date(2027, 1, 16), repeat=Repeat("monthly", count=3)
    )
    assert [(o.start, o.end) for o in fair.occurrences()] == [
        (date(2027, 1, 15), date(2027, 1, 16)),
        (date(2027, 2, 15), date(2027, 2, 16)),
        (date(2027, 3, 15), date(2027, 3, 16)),
    ]


def test_next_occurrence_follows_today():
    market = Schedule(datetime(2027, 6, 5, 9), None, repeat=Repeat("weekly", count=4))
    assert market.next_occurrence(date(2027, 6, 13)).first_day == date(2027, 6, 19)
    assert market.next_occurrence(date(2027, 7, 1)) is None


def test_other_time_zone_is_kept():
    event = Schedule(datetime(2027, 7, 1, 12), None, "Europe/Helsinki")
    assert event.occurrences()[0].start.utcoffset() == timedelta(hours=3)
