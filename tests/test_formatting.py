"""Dates, prices and language names in each locale, through Babel."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from content_model.presentation import when
from i18n import formatting

NBSP = "\u00a0"
DAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "28 november 2026"),
        ("en", "28 November 2026"),
        ("de", "28. November 2026"),
        ("da", "28. november 2026"),
        ("nl", "28 november 2026"),
    ],
)
def test_long_date(lang, expected):
    assert formatting.long_date(DAY, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", f"1{NBSP}295{NBSP}kr"),
        ("en", f"SEK{NBSP}1,295"),
        ("de", f"1.295{NBSP}SEK"),
        ("da", f"1.295{NBSP}SEK"),
        ("nl", f"SEK{NBSP}1.295"),
    ],
)
def test_kronor(lang, expected):
    assert formatting.kronor(1295, lang) == expected


def test_price_range_shows_the_currency_once():
    assert formatting.kronor_range(150, 250, "sv") == f"150–250{NBSP}kr"
    assert formatting.kronor_range(150, 250, "en") == f"SEK{NBSP}150–250"


@pytest.mark.parametrize(
    ("lang", "name", "swedish_in"),
    [
        ("sv", "Svenska", "svenska"),
        ("en", "English", "Swedish"),
        ("de", "Deutsch", "Schwedisch"),
        ("da", "Dansk", "svensk"),
        ("nl", "Nederlands", "Zweeds"),
    ],
)
def test_language_names(lang, name, swedish_in):
    assert formatting.language_name(lang) == name
    assert formatting.language_in("sv", lang) == swedish_in


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        (date(2027, 6, 5), None, "sv", "5 juni 2027"),
        (date(2027, 6, 5), date(2027, 6, 7), "sv", "5–7 juni 2027"),
        (date(2027, 6, 5), date(2027, 6, 7), "de", "5.–7. Juni 2027"),
        (date(2027, 6, 5), date(2027, 6, 7), "en", "5–7 June 2027"),
        (date(2027, 6, 28), date(2027, 7, 2), "en", "28 June – 2 July 2027"),
        # Months in full in every language, as in every other date on the site.
        (date(2027, 6, 5), date(2027, 8, 7), "sv", "5 juni – 7 augusti 2027"),
        (date(2027, 6, 5), date(2027, 6, 7), "da", "5.–7. juni 2027"),
        (
            date(2026, 12, 8),
            date(2027, 2, 27),
            "de",
            "8. Dezember 2026 – 27. Februar 2027",
        ),
        (
            datetime(2027, 6, 5, 18),
            datetime(2027, 6, 5, 20),
            "sv",
            "lördag 5 juni 2027, 18:00–20:00",
        ),
        (
            datetime(2027, 6, 5, 18),
            datetime(2027, 6, 6, 2),
            "sv",
            "5 juni 2027, 18:00 – 6 juni 2027, 02:00",
        ),
        (
            datetime(2027, 2, 6, 18),
            datetime(2027, 2, 6, 19, 45),
            "en",
            "Saturday, 6 February 2027, 18:00–19:45",
        ),
    ],
)
def test_event_time_in_words(start, end, lang, expected):
    assert when(start, end, lang) == expected
