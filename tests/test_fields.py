"""Header value parsers, table-driven."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from content_model import fields as f

GOOD = [
    (f.calendar_date, "2027-06-05", date(2027, 6, 5)),
    (f.date_or_datetime, "2027-06-05", date(2027, 6, 5)),
    (f.date_or_datetime, "2027-06-05 18:00", datetime(2027, 6, 5, 18, 0)),
    (f.date_or_datetime, "2027-06-05T09:30", datetime(2027, 6, 5, 9, 30)),
    (f.coordinates, "56.8790, 14.8059", f.Coordinates(56.879, 14.8059)),
    (f.coordinates, " 56.5,13.6 ", f.Coordinates(56.5, 13.6)),
    (f.price, "free", f.Price(None)),
    (f.price, "Free", f.Price(None)),
    (f.price, "150", f.Price(150)),
    (f.price, "150-250", f.Price(150, 250)),
    (f.price, "150–250", f.Price(150, 250)),
    (f.whole_kronor, "1 995", 1995),
    (f.url, "https://www.vaxjo.se", "https://www.vaxjo.se"),
    (f.key, "kosta-glasbruk", "kosta-glasbruk"),
    (f.decimal_number, "12,5", Decimal("12.5")),
    (f.several_of(("a", "b")), "a, b", ("a", "b")),
]

BAD = [
    (f.calendar_date, "5 juni 2027", "'5 juni 2027' is not a date"),
    (f.calendar_date, "2027-02-30", "'2027-02-30' is not a real date"),
    (
        f.date_or_datetime,
        "2027-06-05 25:00",
        "'2027-06-05 25:00' is not a real time of day",
    ),
    (f.date_or_datetime, "5/6 2027", "'5/6 2027' is not a date or a date and time"),
    (f.one_of(("vaxjo",)), "Åseda", "'Åseda' is not a known value"),
    (f.coordinates, "56.8790", "'56.8790' is not two numbers"),
    (f.coordinates, "59.3293, 18.0686", "59.3293, 18.0686 is outside Kronoberg"),
    (
        f.coordinates,
        "14.8, 56.9",
        "14.8, 56.9 is outside Kronoberg (latitude and longitude swapped?)",
    ),
    (f.price, "150 kr", "'150 kr' is not a price"),
    (f.price, "250-150", "the range '250-150' ends below where it starts"),
    (f.whole_kronor, "19.95", "'19.95' is not a whole number of kronor"),
    (f.url, "http://example.org", "'http://example.org' is not a web address"),
    (f.url, "www.vaxjo.se", "'www.vaxjo.se' is not a web address"),
    (f.key, "Kosta Glasbruk", "'Kosta Glasbruk' is not a valid key"),
    (f.key, "kosta--glas", "'kosta--glas' is not a valid key"),
    (f.text, "   ", "is empty"),
    (f.summary, "x" * 301, "has 301 characters, more than 300"),
    (f.one_of(("a", "b")), "c", "'c' is not a known value"),
    (f.one_of(("a", "b")), "", "is empty"),
    (f.decimal_number, "-3", "'-3' is not a distance"),
]


@pytest.mark.parametrize(("parse", "raw", "expected"), GOOD)
def test_parses(parse, raw, expected):
    assert parse(raw) == expected


@pytest.mark.parametrize(("parse", "raw", "problem"), BAD)
def test_rejects_with_problem_and_fix(parse, raw, problem):
    with pytest.raises(f.FieldProblem) as failure:
        parse(raw)
    assert failure.value.problem == problem
    assert failure.value.fix
