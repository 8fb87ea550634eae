"""The ledger: created/updated dates and SEQUENCE over a series of builds."""

from __future__ import annotations

from datetime import UTC, datetime

from content_model.model import Entry, Item
from feeds.ledger import advance, dumps, loads

T1 = datetime(2027, 1, 1, tzinfo=UTC)
T2 = datetime(2027, 2, 1, tzinfo=UTC)
T0 = datetime(2026, 12, 1, tzinfo=UTC)  # a clock behind the last build


def event(**fields) -> dict[str, Entry]:
    base = {"start": "2027-06-05 18:00", "venue": "Parken", "title": "Konsert"}
    item = Item("events", "konsert", "sv", "konsert", "x.md", {**base, **fields}, "", 1)
    return {"konsert": Entry("events", "konsert", {"sv": item}, "sv")}


def test_new_item_then_unchanged_then_moved():
    first = advance({}, event(), T1)
    assert first["konsert"].sequence == 0 and first["konsert"].updated == T1.isoformat()
    assert advance(first, event(), T2) == first
    moved = advance(first, event(start="2027-06-05 19:00"), T2)
    assert (moved["konsert"].sequence, moved["konsert"].updated) == (1, T2.isoformat())
    assert moved["konsert"].created == T1.isoformat()


def test_text_change_updates_but_keeps_sequence():
    first = advance({}, event(), T1)
    edited = advance(first, event(title="Sommarkonsert"), T2)
    assert (edited["konsert"].sequence, edited["konsert"].updated) == (
        0,
        T2.isoformat(),
    )


def test_updated_never_goes_backwards():
    first = advance({}, event(), T1)
    edited = advance(first, event(title="Ny titel"), T0)
    assert edited["konsert"].updated == T1.isoformat()


def test_deleted_key_keeps_its_record_and_sequence():
    moved = advance(advance({}, event(), T1), event(venue="Torget"), T2)
    gone = advance(moved, {}, T2)
    assert gone["konsert"].sequence == 1
    back = advance(gone, event(venue="Kyrkan"), T2)
    assert back["konsert"].sequence == 2


def test_file_round_trip_is_stable():
    ledger = advance({}, event(), T1)
    assert loads(dumps(ledger)) == ledger
    assert dumps(loads(dumps(ledger))) == dumps(ledger)


def test_a_deleted_key_is_dated_once_and_revived_when_it_returns():
    first = advance({}, event(), T1)
    gone = advance(first, {}, T2)
    assert gone["konsert"].removed == T2.isoformat()
    later = advance(gone, {}, datetime(2027, 3, 1, tzinfo=UTC))
    assert later["konsert"].removed == T2.isoformat()  # the day it went, kept
    assert loads(dumps(later)) == later and '"removed"' in dumps(later)
    back = advance(later, event(), datetime(2027, 4, 1, tzinfo=UTC))
    assert back["konsert"].removed is None
    assert back["konsert"].updated == "2027-04-01T00:00:00+00:00"
    assert '"removed"' not in dumps(back)
