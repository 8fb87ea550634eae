"""Where it is: the locator drawn among the municipality seats, its words, and the links
for getting there — on tiny sites and the real one, with nothing from other origins."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build
from content_model.generator import municipality_seats
from pages import page
from places.locator import Seat, project, relation

BASE = ROOT / "tests" / "fixtures" / "base" / "content"

# The seats as the real municipality files give them (read, not copied: see below).
SEATS = (
    Seat("tingsryd", "Tingsryd", 56.5306, 14.9769),
    Seat("vaxjo", "Växjö", 56.8790, 14.8059),
    Seat("uppvidinge", "Åseda", 57.1677, 15.3469),
)


def test_a_place_is_said_from_its_nearest_seat():
    kyrko_mosse = relation(56.4666, 14.6507, SEATS)
    assert (kyrko_mosse.seat.name, kyrko_mosse.km, kyrko_mosse.direction) == (
        "Tingsryd",
        21,
        "west",
    )
    cathedral = relation(56.8775, 14.8119, SEATS)
    assert (cathedral.seat.name, cathedral.direction) == ("Växjö", "")
    north = relation(57.30 - 0.1, 15.3469, SEATS)
    assert north.direction == "north"


def test_the_drawing_keeps_north_up_and_west_left():
    west_x, _ = project(56.8, 13.6)
    east_x, _ = project(56.8, 15.5)
    _, north_y = project(57.2, 14.5)
    _, south_y = project(56.4, 14.5)
    assert west_x < east_x and north_y < south_y


def test_the_real_seats_come_from_the_municipality_files():
    from sitetools.content_status import load

    _languages, entries, errors, _files = load(ROOT)
    assert not errors
    seats = municipality_seats(entries)
    assert len(seats) == 8
    names = {seat[1] for seat in seats}
    assert "Åseda" in names and "Uppvidinge" not in names
    vaxjo = next(s for s in seats if s[0] == "vaxjo")
    source = (ROOT / "content" / "municipalities" / "sv" / "vaxjo.md").read_text()
    assert f"coordinates: {vaxjo[2]:.4f}, {vaxjo[3]:.4f}" in source


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("places") / "content"
    shutil.copytree(BASE, content)
    kosta = content / "destinations" / "sv" / "kosta-glasbruk.md"
    kosta.write_text(
        kosta.read_text("utf-8").replace(
            "address: unconfirmed\n",
            "address: Stora vägen 96, 36543 Kosta\n"
            "nearest_stop: Kosta busshållplats, 300 m\n",
        ),
        "utf-8",
    )
    return build(content, tmp_path_factory.mktemp("out") / "output")


def test_an_item_page_says_where_it_is_and_how_to_get_there(tiny):
    soup = page(tiny, "/destinationer/kosta-glasbruk/")
    where = soup.select_one("section.where")
    assert where is not None
    assert where.h2.get_text() == "Här ligger det"
    svg = where.select_one("figure svg.locator")
    assert svg["aria-hidden"] == "true"
    # The only seat in this tiny site is Lessebo's: the place is drawn among it.
    assert [t.get_text() for t in svg.find_all("text")] == ["Lessebo"]
    caption = where.figcaption.get_text()
    assert caption == "Kosta glasbruk ligger cirka 13 km nordost om Lessebo."
    links = {a.get_text(): a["href"] for a in where.find_all("a")}
    assert links["Vägbeskrivning"] == (
        "https://www.openstreetmap.org/directions?route=%3B56.8436%2C15.3932"
    )
    assert links["Öppna i kartappen i mobilen"].startswith("geo:56.8436,15.3932?q=")
    assert (
        "Utan bil: närmaste hållplats är Kosta busshållplats, 300 m."
        in where.get_text()
    )
    # The address is normalised (postcode 365 43) and shown with the facts.
    facts = soup.select_one(".facts").get_text(" ")
    assert "Stora vägen 96, 365 43 Kosta" in facts
    assert "Kosta busshållplats, 300 m" in facts
    # Nothing on the page is fetched from another origin (links are only links).
    fetched = [
        tag.get("src") or tag.get("href")
        for tag in soup.find_all(["img", "script", "link", "iframe", "source"])
        if tag.name != "link"
        or "stylesheet" in tag.get("rel", [])
        or "preload" in tag.get("rel", [])
    ]
    assert all(url and url.startswith("/") for url in fetched if url), fetched


def test_the_german_page_says_it_in_german(tiny):
    soup = page(tiny, "/de/reiseziele/glashuette-kosta/")
    assert (
        soup.select_one("section.where figcaption").get_text()
        == "Glashütte Kosta liegt etwa 13 km nordöstlich von Lessebo."
    )


def test_an_item_without_coordinates_has_no_map(tiny):
    soup = page(tiny, "/evenemang/konsert/")
    assert soup.select_one("section.where") is None


def test_a_municipality_page_names_its_seat_and_the_ring_covers_no_name(tiny):
    where = page(tiny, "/kommuner/lessebo/").select_one("section.where")
    assert where.figcaption.get_text() == "Lessebo kommun, med centralorten Lessebo."
    # The seat's name starts beyond the ring drawn on the place (radius 9).
    ring = where.select_one("svg circle[r='9']")
    name = next(t for t in where.select("svg text") if t.get_text() == "Lessebo")
    assert abs(float(name["x"]) - float(ring["cx"])) > 9 + 2


def test_an_activity_says_where_it_is_done_not_that_it_lies_there(real_site):
    where = page(real_site, "/aktiviteter/vandring-i-asnens-nationalpark/")
    caption = where.select_one("section.where figcaption").get_text()
    assert (
        caption == "Vandring i Åsnens nationalpark – cirka 21 km nordväst om Tingsryd."
    )
