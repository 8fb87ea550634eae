"""Dates, numbers and prices in the reader's locale, always through Babel."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import wraps

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal

CURRENCY = "SEK"
# The site's English is British: "6 February 2027, 18:00", not "February 6, 6:00 PM".
FORMAT_LOCALES = {"en": "en_GB"}
MEMORY_SIZE = 50_000


def remembered(function: Callable[..., str]) -> Callable[..., str]:
    """Pages repeat the same dates, times and prices thousands of times (cards,
    listings, nearby lists): each is formatted once per language, not on every page.

    Keyed by type and, for a datetime, its wall time and zone: two equal instants in
    different zones read differently, and 1 == 1.0 == True must not share a text."""
    memory: dict[tuple, str] = {}

    @wraps(function)
    def formatted(*args):
        key = tuple(
            (type(a), a.replace(tzinfo=None), str(a.tzinfo))
            if isinstance(a, datetime)
            else (type(a), a)
            for a in args
        )
        text = memory.get(key)
        if text is None:
            if len(memory) >= MEMORY_SIZE:
                memory.clear()
            text = memory[key] = function(*args)
        return text

    return formatted


def locale_of(lang: str) -> str:
    """The Babel locale that formats dates, times and numbers for a language."""
    return FORMAT_LOCALES.get(lang, lang)


@remembered
def language_name(lang: str) -> str:
    """The language's name in itself: 'Svenska', 'Deutsch'."""
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


@remembered
def long_date(value: date, lang: str) -> str:
    """'28 november 2026', '28. November 2026'."""
    return format_date(value, "long", locale=locale_of(lang))


@remembered
def weekday_date(value: date, lang: str) -> str:
    return format_date(value, "full", locale=locale_of(lang))


@remembered
def clock(value: datetime, lang: str) -> str:
    return format_time(value, "short", locale=locale_of(lang))


# The day and the day with its month as each language writes them in a range; the month
# in full as in every other date on the site (Babel's intervals shorten it: "8 dec.").
RANGE_DAY = {"de": "d.", "da": "d."}
RANGE_DAY_MONTH = {"de": "d. MMMM", "da": "d. MMMM"}


@remembered
def date_range(start: date, end: date, lang: str) -> str:
    """'5–7 juni 2027', '28 June – 2 July 2027', '8 december 2026 – 27 februari 2027';
    a single day when start and end fall on one date."""
    if start == end:
        return long_date(start, lang)
    locale = locale_of(lang)
    if (start.year, start.month) == (end.year, end.month):
        first = format_date(start, RANGE_DAY.get(lang, "d"), locale=locale)
        return f"{first}–{long_date(end, lang)}"
    if start.year == end.year:
        first = format_date(start, RANGE_DAY_MONTH.get(lang, "d MMMM"), locale=locale)
        return f"{first} – {long_date(end, lang)}"
    return f"{long_date(start, lang)} – {long_date(end, lang)}"


@remembered
def kronor(amount: int, lang: str) -> str:
    """'1 295 kr', '1.295 SEK', 'SEK 1,295': whole kronor in the locale's pattern."""
    pattern = Locale.parse(lang).currency_formats["standard"].pattern
    pattern = pattern.split(";")[0].replace(".00", "").replace(",00", "")
    text = format_currency(
        amount, CURRENCY, format=pattern, currency_digits=False, locale=lang
    )
    # Some locales glue an alphabetic code to the digits ('SEK1,295').
    return re.sub(r"([A-Z]{3})(\d)", "\\1\u00a0\\2", text)


@remembered
def kronor_range(low: int, high: int, lang: str) -> str:
    """'150–300 kr', 'SEK 150–300': one currency sign for the whole range."""
    text = kronor(high, lang)
    high_text = format_decimal(high, locale=lang)
    return text.replace(high_text, f"{format_decimal(low, locale=lang)}–{high_text}", 1)


@remembered
def weekday_name(value: date, lang: str) -> str:
    return format_date(value, "EEEE", locale=locale_of(lang))


@remembered
def weekday_short(value: date, lang: str) -> str:
    return format_date(value, "EEE", locale=locale_of(lang))


def parse_date(value: str) -> date:
    return date.fromisoformat(value)


@remembered
def number(value: int | float | Decimal, lang: str) -> str:
    return format_decimal(value, locale=locale_of(lang))


@remembered
def language_in(lang: str, reader_lang: str) -> str:
    """A language's name as the reader says it: 'Swedish' for an English reader."""
    return Locale.parse(lang).get_display_name(reader_lang) or lang
