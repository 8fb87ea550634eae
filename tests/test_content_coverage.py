"""The real content covers what the site promises: every municipality, type and language."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import LANGUAGES, ROOT
from content_model.site import load_site
from content_model.vocabulary import MUNICIPALITIES, PAGE_ROLES

# The issue promises pages in these five; other content in the first three.
PAGE_LANGUAGES = {"sv", "en", "de", "da", "nl"}


@pytest.fixture(scope="module")
def entries():
    # As the build loads them: sellers and partners' calendars named in the fields.
    found, errors, _router = load_site(
        ROOT / "content", LANGUAGES, ROOT / "translations"
    )
    assert errors == []
    return found


def of_type(entries, content_type):
    return [e for e in entries.values() if e.type == content_type]


@pytest.mark.parametrize(
    ("content_type", "minimum"),
    [
        ("destinations", 16),
        ("events", 20),
        ("activities", 6),
        ("packages", 4),
        ("stories", 4),
        ("municipalities", 8),
    ],
)
def test_each_type_is_there_in_swedish_english_and_german(
    entries, content_type, minimum
):
    found = of_type(entries, content_type)
    assert len(found) >= minimum
    for entry in found:
        assert {"sv", "en", "de"} <= set(entry.items), entry.key


def test_every_municipality_has_two_destinations_and_a_page(entries):
    per = Counter(e.source.municipality for e in of_type(entries, "destinations"))
    assert {m: per[m] >= 2 for m in MUNICIPALITIES} == dict.fromkeys(
        MUNICIPALITIES, True
    )
    assert {e.key for e in of_type(entries, "municipalities")} == set(MUNICIPALITIES)


def test_something_is_always_on_across_municipalities_and_categories(entries):
    """Built on any day of the year from 6 December 2026, the events listing has at
    least five events in the next 30 days; every municipality has events."""
    from datetime import date, timedelta

    from content_model.rules import schedule_of

    events = of_type(entries, "events")
    assert len({e.source.municipality for e in events}) == 8
    assert len({e.source.category for e in events}) >= 6
    runs = [
        (o.first_day, o.last_day, e.key)
        for e in events
        if e.source.get("status") != "cancelled"
        for o in schedule_of(e.source).occurrences()
    ]
    first = date(2026, 12, 6)
    thin = {}
    for n in range(366):
        day = first + timedelta(days=n)
        on = {
            key
            for start, end, key in runs
            if end >= day and start <= day + timedelta(days=30)
        }
        if len(on) < 5:
            thin[day.isoformat()] = len(on)
    assert not thin, thin


def test_pages_exist_for_every_role_in_all_five_languages(entries):
    roles = {
        e.source.get("role"): set(e.items)
        for e in of_type(entries, "pages")
        if e.source.get("role")
    }
    assert roles == {role: PAGE_LANGUAGES for role in PAGE_ROLES}


def test_committed_ledger_is_current(entries):
    """Builds record content changes in content/ledger.json; it must be committed."""
    from datetime import UTC, datetime

    from content_model.publication import publish
    from feeds.ledger import advance, loads

    ledger = loads((ROOT / "content" / "ledger.json").read_text(encoding="utf-8"))
    now = datetime.now(UTC)
    published = publish(dict(entries), now, preview=False)  # as a build does
    assert advance(ledger, published, now) == ledger, (
        "content/ledger.json is out of date: run ./dev build and commit it"
    )
