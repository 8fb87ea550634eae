"""Booking that reaches a seller: packages and tickets name the business that sells them
and link to its page for that product, in real builds."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build, write_files
from content_model.errors import ContentValidationError

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)

SELLERS = """\
# Sellers
[[seller]]
id = "korro"
name = "Korrö hantverksby"
website = "https://korro.example"
phone = "+46 470 000 00"
email = "bokning@korro.example"
example = true
"""
PACKAGE = """\
key: korrohelg
title: Helg i Korrö
summary: Två nätter i hantverksbyn.
includes: Två nätter
    Frukost
price_from: 1995
price_note: per person
valid_from: 2027-01-01
valid_through: 2027-12-31
booking_url: https://korro.example/paket/helg
seller: {seller}
municipality: tingsryd
illustrative: price, booking

Text.
"""
EVENT = """\
key: konsert-korro
title: Konsert i Korrö
summary: En konsert vid ån.
start: 2027-06-05 19:00
venue: Korrö
address: none
municipality: tingsryd
category: music
price: 200
booking_url: {booking}
seller: korro
organizer: Korrö kulturförening

Text.
"""


def make(tmp_path, files: dict[str, str]):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    write_files(content, files)
    return content


def page(out, path: str) -> BeautifulSoup:
    return BeautifulSoup((out / path).read_text("utf-8"), "html.parser")


def json_ld(soup: BeautifulSoup) -> dict:
    return json.loads(soup.select_one('script[type="application/ld+json"]').string)


def test_a_package_names_its_seller_and_links_to_its_booking_page(tmp_path):
    content = make(
        tmp_path,
        {
            "sellers.toml": SELLERS,
            "packages/sv/korrohelg.md": PACKAGE.format(seller="korro"),
            "events/sv/konsert-korro.md": EVENT.format(
                booking="https://korro.example/biljetter/konsert"
            ),
        },
    )
    out = build(content, tmp_path / "out", BUILD_TIME=NOW, BUILD_DATE=NOW.date())
    soup = page(out, "paket/korrohelg/index.html")
    box = soup.select_one("section.booking")
    button = box.select_one("a.button")
    assert button["href"] == "https://korro.example/paket/helg"
    assert button.text == "Boka hos Korrö hantverksby"
    assert "Destination Småland presenterar paketet men säljer inga resor" in box.text
    contacts = [a["href"] for a in box.select(".seller-contact a")]
    assert contacts == [
        "https://korro.example",
        "tel:+4647000000",
        "mailto:bokning@korro.example",
    ]
    # The booking page is an example, and the page says so beside the button.
    assert "Bokningssida" in box.select_one(".illustrative-note").text
    offer = json_ld(soup)["offers"]
    assert offer["url"] == "https://korro.example/paket/helg"
    assert offer["seller"] == {
        "@type": "Organization",
        "name": "Korrö hantverksby",
        "url": "https://korro.example",
        "telephone": "+46 470 000 00",
        "email": "bokning@korro.example",
    }
    # The listing says who sells, as the page does.
    listing = page(out, "paket/index.html")
    assert "Säljs av Korrö hantverksby" in listing.select_one(".card-meta").text
    assert "Destination Småland säljer inga resor" in listing.select_one(".lead").text
    # A paid event with a ticket page gets a button naming the seller.
    event = page(out, "evenemang/konsert-korro/index.html")
    tickets = event.select_one('a.button[rel="external"]')
    assert tickets["href"] == "https://korro.example/biljetter/konsert"
    assert tickets.text == "Köp biljetter hos Korrö hantverksby"
    assert json_ld(event)["offers"]["seller"]["name"] == "Korrö hantverksby"


def test_home_page_links_unknown_sellers_and_bad_seller_entries_are_refused(tmp_path):
    content = make(
        tmp_path,
        {
            "sellers.toml": SELLERS
            + '\n[[seller]]\nid = "Fel id"\nname = "X"\nwebsite = "http://x"\n',
            "packages/sv/korrohelg.md": PACKAGE.format(seller="okand"),
            "events/sv/konsert-korro.md": EVENT.format(
                booking="https://korro.example/"
            ),
        },
    )
    with pytest.raises(ContentValidationError) as failure:
        build(content, tmp_path / "out", BUILD_TIME=NOW, BUILD_DATE=NOW.date())
    assert [str(e) for e in failure.value.errors] == [
        "content/events/sv/konsert-korro.md:10: booking_url: 'https://korro.example/' "
        "is a site's home page, not the page where this is booked — link the seller's "
        "page for this product, e.g. https://seller.se/boka/weekend",
        "content/packages/sv/korrohelg.md:11: seller: 'okand' is not a seller in "
        "content/sellers.toml (known: korro) — use one of its ids, or add the business "
        "there as a [[seller]] block",
        "content/sellers.toml:10: id: 'Fel id' is not a-z, 0-9 and hyphens — write it "
        "like 'korro'",
        "content/sellers.toml:10: website: 'http://x' is not a web address — write "
        "https://…",
    ]
    assert not (tmp_path / "out").exists()
