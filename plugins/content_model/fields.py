"""Parsers for header values: each returns the typed value or raises `FieldProblem`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from difflib import get_close_matches
from typing import Any
from urllib.parse import urlsplit

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_TIME = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[ T](?P<hour>\d{1,2}):(?P<minute>\d{2}))?$"
)
# Kronoberg county with a margin; catches swapped latitude/longitude.
UNSAFE_IN_URL = re.compile(r"[\s<>\"{}|\\^`]")
KRONOBERG_BOUNDS = (56.3, 57.3, 13.3, 15.7)


class FieldProblem(ValueError):
    """A value that does not fit its field; carries the editor's fix."""

    def __init__(self, problem: str, fix: str):
        super().__init__(problem)
        self.problem = problem
        self.fix = fix


@dataclass(frozen=True)
class Coordinates:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Price:
    """A price in whole kronor; `low` is None for a free item, or when the price is
    not known (an imported event whose calendar does not say: "ask the organiser")."""

    low: int | None
    high: int | None = None
    known: bool = True

    @property
    def free(self) -> bool:
        return self.low is None and self.known


Parser = Callable[[str], Any]


def text(value: str) -> str:
    if not value.strip():
        raise FieldProblem("is empty", "write the text after the colon")
    return value.strip()


def summary(value: str) -> str:
    value = text(value)
    if len(value) > 300:
        raise FieldProblem(
            f"has {len(value)} characters, more than 300",
            "shorten it to one or two sentences; put the rest in the body",
        )
    return value


def key(value: str) -> str:
    value = value.strip()
    if not KEY_PATTERN.match(value):
        raise FieldProblem(
            f"{value!r} is not a valid key",
            "use lower-case letters a-z, digits and single hyphens, e.g. kosta-glasbruk",
        )
    return value


def key_list(value: str) -> tuple[str, ...]:
    """'huseby-bruk, asnens-nationalpark': keys on one line, in the order written."""
    keys = tuple(key(part) for part in value.replace(",", " ").split())
    if not keys:
        raise FieldProblem(
            "is empty", "write keys separated by commas, or remove the line"
        )
    return keys


def impossible_date(value: str) -> FieldProblem:
    return FieldProblem(
        f"{value!r} is not a real date", "check the month (01–12) and the day"
    )


def calendar_date(value: str) -> date:
    value = value.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise FieldProblem(
            f"{value!r} is not a date", "write it as YYYY-MM-DD, e.g. 2027-06-05"
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise impossible_date(value) from None


def date_or_datetime(value: str) -> date | datetime:
    """`2027-06-05` (all day) or `2027-06-05 18:00` (naive local time)."""
    value = value.strip()
    match = DATE_TIME.match(value)
    problem = FieldProblem(
        f"{value!r} is not a date or a date and time",
        "write YYYY-MM-DD for all day or YYYY-MM-DD HH:MM, e.g. 2027-06-05 18:00",
    )
    if not match:
        raise problem
    try:
        day = date.fromisoformat(match["date"])
    except ValueError:
        raise impossible_date(value) from None
    if match["hour"] is None:
        return day
    try:
        return datetime(
            day.year, day.month, day.day, int(match["hour"]), int(match["minute"])
        )
    except ValueError:
        raise FieldProblem(
            f"{value!r} is not a real time of day",
            "write the time as HH:MM, 00:00–23:59",
        ) from None


def coordinates(value: str) -> Coordinates:
    parts = [p.strip() for p in value.split(",")]
    fix = "write 'latitude, longitude' in decimal degrees, e.g. 56.8790, 14.8059"
    if len(parts) != 2:
        raise FieldProblem(f"{value.strip()!r} is not two numbers", fix)
    try:
        lat, lon = (float(p) for p in parts)
    except ValueError:
        raise FieldProblem(f"{value.strip()!r} is not two numbers", fix) from None
    south, north, west, east = KRONOBERG_BOUNDS
    if not (south <= lat <= north and west <= lon <= east):
        hint = " (latitude and longitude swapped?)" if south <= lon <= north else ""
        raise FieldProblem(
            f"{lat}, {lon} is outside Kronoberg{hint}",
            "check the point on a map; Kronoberg lies near 56.9, 14.5",
        )
    return Coordinates(round(lat, 6), round(lon, 6))


POSTAL_ADDRESS = re.compile(
    r"^(?P<street>[^,]+(?:,[^,]+)*?),\s*(?P<code>\d{3}) ?(?P<code2>\d{2})\s+(?P<town>\S.*)$"
)


def postal_address(value: str) -> str:
    """'Storgatan 1, 35231 Växjö' → 'Storgatan 1, 352 31 Växjö': street, postcode, town,
    so that pages, maps and JSON-LD can tell them apart (`split_address`)."""
    fix = (
        "write 'street, postcode town', e.g. 'Södra Järnvägsgatan 2, 352 31 Växjö'; "
        "in the countryside the farm or village stands for the street: "
        "'Stenbrohult, 343 71 Diö'"
    )
    match = POSTAL_ADDRESS.match(" ".join(value.split()))
    if not match:
        raise FieldProblem(f"{value.strip()!r} is not street, postcode and town", fix)
    code = f"{match['code']} {match['code2']}"
    if not "280" <= match["code"] <= "369":
        raise FieldProblem(f"postcode {code} is not in Kronoberg (280 00–369 99)", fix)
    return f"{match['street'].strip()}, {code} {match['town'].strip()}"


# What an editor writes where a place has no postal address to give (`address: none`:
# a lake, a trail, a whole town; its coordinates lead the way) or has one that nobody has
# confirmed yet (`address: unconfirmed`: listed by `./dev unconfirmed`, never guessed).
ADDRESS_WITHHELD = ("none", "unconfirmed")


def address_or_withheld(value: str) -> str | None:
    """A `postal_address`, or None for a place whose address is not given (the reason
    stays in the file for `./dev unconfirmed`)."""
    if value.strip().lower() in ADDRESS_WITHHELD:
        return None
    try:
        return postal_address(value)
    except FieldProblem as problem:
        raise FieldProblem(
            problem.problem if value.strip() else "is empty",
            f"{problem.fix}; or 'none' for a place without a postal address (a lake, "
            "a trail, a whole town), or 'unconfirmed' until you have the real one",
        ) from None


def split_address(address: str) -> tuple[str, str, str]:
    """A `postal_address` value as (street, postcode, town)."""
    street, _, rest = address.rpartition(",")
    code, town = rest.strip()[:6], rest.strip()[6:].strip()
    return street.strip(), code, town


def url(value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or UNSAFE_IN_URL.search(value):
        raise FieldProblem(
            f"{value!r} is not a web address", "write the full address, https://…"
        )
    return value


def booking_page(value: str) -> str:
    """Where one product is booked: a site's home page leaves the visitor to search."""
    value = url(value)
    parts = urlsplit(value)
    if parts.path.strip("/") == "" and not parts.query and not parts.fragment:
        raise FieldProblem(
            f"{value!r} is a site's home page, not the page where this is booked",
            "link the seller's page for this product, e.g. https://seller.se/boka/weekend",
        )
    return value


def whole_kronor(value: str) -> int:
    value = value.strip().replace(" ", "")
    if not value.isdigit():
        raise FieldProblem(
            f"{value!r} is not a whole number of kronor",
            "write digits only, without 'kr' or spaces, e.g. 1995",
        )
    return int(value)


def price(value: str) -> Price:
    value = value.strip().lower()
    if value == "free":
        return Price(None)
    if value == "unknown":
        return Price(None, known=False)
    low, sep, high = value.replace("–", "-").partition("-")
    try:
        low_kr = whole_kronor(low)
        high_kr = whole_kronor(high) if sep else None
    except FieldProblem:
        raise FieldProblem(
            f"{value!r} is not a price",
            "write 'free', a whole number of kronor (150), a range (150-250) or "
            "'unknown' (the page says to ask the organiser)",
        ) from None
    if high_kr is not None and high_kr < low_kr:
        raise FieldProblem(
            f"the range {value!r} ends below where it starts", "write it low-high"
        )
    return Price(low_kr, high_kr)


def decimal_number(value: str) -> Decimal:
    try:
        number = Decimal(value.strip().replace(",", "."))
    except InvalidOperation:
        raise FieldProblem(
            f"{value.strip()!r} is not a number", "write a number, e.g. 12 or 12.5"
        ) from None
    if not number.is_finite() or number < 0:
        raise FieldProblem(f"{value.strip()!r} is not a distance", "write e.g. 12.5")
    return number


def timezone_name(value: str) -> str:
    """An IANA time zone name such as Europe/Stockholm."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    value = value.strip()
    try:
        if not value or value.startswith(("/", ".")):
            raise ValueError
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise FieldProblem(
            f"{value!r} is not a known time zone",
            "leave the field out for Swedish time, or write an IANA name such as "
            "Europe/Stockholm",
        ) from None
    return value


def repeat_count(value: str) -> int:
    value = value.strip()
    if not value.isdigit() or not 1 <= int(value) <= 500:
        raise FieldProblem(
            f"{value!r} is not a number of times between 1 and 500",
            "write how many times the event takes place, e.g. 10",
        )
    return int(value)


def date_list(value: str) -> tuple[date, ...]:
    return tuple(calendar_date(part) for part in value.split(",") if part.strip())


def closest(written: str, choices: Sequence[str]) -> str | None:
    """The id an editor meant: 'Växjö' → 'vaxjo', 'Älmhult' → 'almhult', 'musik' → 'music'."""
    plain = unicodedata.normalize("NFKD", written).encode("ascii", "ignore").decode()
    plain = "-".join(plain.lower().split())
    if plain in choices:
        return plain
    found = get_close_matches(plain, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


SOURCE_RECORD = re.compile(r"[a-z]{2}:[0-9a-f]{12}")


def source_record(value: str) -> str:
    """translated_from: the source's language and a digest of its text."""
    written = value.strip()
    if not SOURCE_RECORD.fullmatch(written):
        raise FieldProblem(
            f"{written!r} is not a record of a source",
            "let ./dev translated <file> write it (it looks like sv:1a2b3c4d5e6f)",
        )
    return written


def yes_no(value: str) -> bool:
    written = value.strip().lower()
    if written not in ("yes", "no"):
        raise FieldProblem(f"{value.strip()!r} is not yes or no", "write yes or no")
    return written == "yes"


def one_of(choices: Sequence[str]) -> Parser:
    def parse(value: str) -> str:
        written = value.strip()
        if not written:
            raise FieldProblem("is empty", f"use one of: {', '.join(choices)}")
        if written.lower() not in choices:
            guess = closest(written, choices)
            hint = f"did you mean {guess!r}? " if guess else ""
            raise FieldProblem(
                f"{written!r} is not a known value",
                f"{hint}use one of: {', '.join(choices)}",
            )
        return written.lower()

    return parse


def several_of(choices: Sequence[str]) -> Parser:
    single = one_of(choices)

    def parse(value: str) -> tuple[str, ...]:
        values = tuple(single(v) for v in value.split(",") if v.strip())
        if not values:
            raise FieldProblem("is empty", f"use one or more of: {', '.join(choices)}")
        return values

    return parse
