"""Nearby and related: each item page lists the nearest destinations, activities and
events on (with the distance in km), a destination its own events and the packages that
include it, a package its destinations; in real builds, and the nearest-point search
against the plain search of every point."""

from __future__ import annotations

import json
import random
import shutil

import pytest
from conftest import ROOT, build, edit, project_settings, write_files
from content_model.errors import ContentValidationError
from content_model.related import Grid, distance_km
from pages import page
from test_booking import PACKAGE, SELLERS

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
DESTINATION = """\
key: {key}
title: {title}
summary: Ett ställe.
municipality: {municipality}
kind: heritage
coordinates: {coordinates}
address: none
season: Året runt
accessibility: Grusvägar.

Text.
"""
EVENT = """\
key: {key}
title: {title}
summary: Något som händer.
start: {start}
venue: Platsen
address: none
{extra}municipality: lessebo
coordinates: {coordinates}
category: culture
price: free
organizer: Föreningen

Text.
"""


def files(**changes) -> dict[str, str]:
    found = {
        "sellers.toml": SELLERS,
        # 4.5 km from Kosta glasbruk (56.8436, 15.3932), in the base content.
        "destinations/sv/bergdala.md": DESTINATION.format(
            key="bergdala",
            title="Bergdala glasbruk",
            municipality="lessebo",
            coordinates="56.8150, 15.3400",
        ),
        # Far away in Markaryd: not nearby.
        "destinations/sv/markaryd.md": DESTINATION.format(
            key="markaryd",
            title="Markaryd",
            municipality="markaryd",
            coordinates="56.4600, 13.5960",
        ),
        "events/sv/hyttsill.md": EVENT.format(
            key="hyttsill",
            title="Hyttsill i Kosta",
            start="2027-08-14 18:00",
            extra="destination: kosta-glasbruk\n",
            coordinates="56.8433, 15.3962",
        ),
        "events/sv/over.md": EVENT.format(
            key="over",
            title="Redan över",
            start="2027-01-10",
            extra="",
            coordinates="56.8300, 15.3700",
        ),
        "events/sv/installt.md": EVENT.format(
            key="installt",
            title="Inställt",
            start="2027-06-10",
            extra="status: cancelled\n",
            coordinates="56.8300, 15.3700",
        ),
        "events/sv/snart.md": EVENT.format(
            key="snart",
            title="Snart i Bergdala",
            start="2027-04-10",
            extra="",
            coordinates="56.8150, 15.3400",
        ),
        "packages/sv/korrohelg.md": PACKAGE.format(seller="korro").replace(
            "municipality: tingsryd\n",
            "municipality: tingsryd\ndestinations: kosta-glasbruk, bergdala\n",
        ),
    }
    found.update(changes)
    return found


def make(tmp_path, changes=None):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    write_files(content, files(**(changes or {})))
    return content


def test_a_destination_lists_its_events_its_packages_and_what_is_near(tmp_path):
    site = build(make(tmp_path), tmp_path / "out")
    kosta = page(site, "/destinationer/kosta-glasbruk/")
    related = kosta.select_one(".related")
    assert (
        related["data-pagefind-ignore"] == "all"
    )  # not found by its neighbours' names
    here = [a.get_text() for a in related.select("#related-events + ul .card-title a")]
    assert here == ["Hyttsill i Kosta"]
    packages = related.select("#related-packages + ul .card-title a")
    assert [a["href"] for a in packages] == ["/paket/korrohelg/"]
    nearby = {
        h3.get_text(): [
            (li.a.get_text(), li.select_one(".nearby-km").get_text())
            for li in h3.find_next("ul").select("li")
        ]
        for h3 in related.select(".nearby h3")
    }
    # Bergdala, not Markaryd (160 km); the event on at Bergdala, not the one over,
    # not the cancelled one, not Kosta's own (listed above).
    assert nearby == {
        "Besöksmål": [("Bergdala glasbruk", "4,5 km")],
        "Evenemang": [("Snart i Bergdala", "4,5 km")],
    }
    assert kosta.select_one(".nearby-when time")["datetime"] == "2027-04-10"


def test_a_package_lists_its_places_and_the_english_page_its_english_ones(tmp_path):
    site = build(make(tmp_path), tmp_path / "out")
    package = page(site, "/paket/korrohelg/")
    places = [
        a["href"] for a in package.select("#related-destinations + ul .card-title a")
    ]
    assert places == ["/destinationer/kosta-glasbruk/", "/destinationer/bergdala/"]
    english = page(site, "/en/destinations/kosta-glassworks/")
    # Untranslated items are shown in Swedish and say so.
    item = english.select_one(".nearby-list li")
    assert item["lang"] == "sv" and item.a["hreflang"] == "sv"
    assert item.select_one(".nearby-km")["lang"] == "en"
    assert item.select_one(".nearby-km").get_text() == "4.5 km"


def test_a_destination_key_that_is_no_destination_is_refused(tmp_path):
    content = make(
        tmp_path,
        {
            "events/sv/hyttsill.md": EVENT.format(
                key="hyttsill",
                title="Hyttsill i Kosta",
                start="2027-08-14 18:00",
                extra="destination: kosta-glasbrk\n",
                coordinates="56.8433, 15.3962",
            ),
            "packages/sv/korrohelg.md": PACKAGE.format(seller="korro").replace(
                "municipality: tingsryd\n",
                "municipality: tingsryd\ndestinations: bergdala, hyttsill\n",
            ),
        },
    )
    with pytest.raises(ContentValidationError) as failure:
        build(content, tmp_path / "out")
    assert [str(e) for e in failure.value.errors] == [
        "content/events/sv/hyttsill.md:7: destination: no destination has the key "
        "'kosta-glasbrk' (perhaps kosta-glasbruk) — write the key of a file in "
        "content/destinations/ (its 'key:' line)",
        "content/packages/sv/korrohelg.md:13: destinations: no destination has the key "
        "'hyttsill' — write the key of a file in content/destinations/ (its "
        "'key:' line)",
    ]
    assert not (tmp_path / "out").exists()


def test_an_event_at_a_destination_is_where_the_destination_is(tmp_path):
    """Without its own coordinates, address or stop an event takes its destination's:
    its page says where it is and how to get there, and so do the feeds."""
    bergdala = DESTINATION.format(
        key="bergdala",
        title="Bergdala glasbruk",
        municipality="lessebo",
        coordinates="56.8150, 15.3400",
    ).replace(
        "address: none\n",
        "address: Exempelvägen 1, 360 52 Kosta\nnearest_stop: Bergdala vägskäl, 1 km\n",
    )
    evening = EVENT.format(
        key="glaskvall",
        title="Glaskväll i Bergdala",
        start="2027-08-20 18:00",
        extra="destination: bergdala\n",
        coordinates="",
    ).replace("coordinates: \n", "")
    content = make(
        tmp_path,
        {"destinations/sv/bergdala.md": bergdala, "events/sv/glaskvall.md": evening},
    )
    site = build(content, tmp_path / "out")
    evening_page = page(site, "/evenemang/glaskvall/")
    # Its place as a card of its own, not again among what is near.
    held = evening_page.select_one("#related-destinations")
    assert held.get_text() == "Här hålls det"
    cards = held.find_parent("section").select(".card-title a")
    assert [a["href"] for a in cards] == ["/destinationer/bergdala/"]
    near = [a.get_text() for a in evening_page.select(".nearby-list a")]
    assert "Bergdala glasbruk" not in near and "Kosta glasbruk" in near
    where = evening_page.select_one(".where")
    assert (
        where.select_one(".where-address").get_text() == "Exempelvägen 1, 360 52 Kosta"
    )
    assert "Bergdala vägskäl, 1 km" in where.get_text()
    directions = where.find("a", string="Vägbeskrivning")["href"]
    assert "56.815" in directions and "15.34" in directions
    events = json.loads((site / "feeds" / "sv" / "events.json").read_text("utf-8"))
    record = next(e for e in events["events"] if e["key"] == "glaskvall")
    assert record["coordinates"] == {"lat": 56.815, "lon": 15.34}
    assert record["address"] == "Exempelvägen 1, 360 52 Kosta"
    # An event with its own point keeps it (the hyttsill evening is at Kosta).
    own = next(e for e in events["events"] if e["key"] == "hyttsill")
    assert own["coordinates"] == {"lat": 56.8433, "lon": 15.3962}


def test_the_grid_finds_what_looking_at_every_point_finds():
    rng = random.Random(7)
    points = [
        (rng.uniform(56.3, 57.3), rng.uniform(13.5, 16.0), f"p{n}") for n in range(600)
    ]
    grid = Grid.of(points)
    for lat, lon, key in points[:80]:
        plain = sorted(
            (max(0.1, round(distance_km(lat, lon, a, b), 1)), k)
            for a, b, k in points
            if k != key and distance_km(lat, lon, a, b) <= 40.05
        )
        plain = [p for p in plain if p[0] <= 40.0][:3]
        assert grid.nearest(lat, lon, 3, 40.0, key) == plain


def test_livereload_moves_a_place_into_the_neighbours_lists_and_leaves_text_edits(
    tmp_path,
):
    """A long-lived process plans pages again when where items are changes; an edit of
    a neighbour's text does not make every page near it again."""
    from sitetools.live import LiveSite

    content = make(tmp_path)
    output = tmp_path / "output"
    live = LiveSite(ROOT / "pelicanconf.py", project_settings(content, output))
    assert live.rebuild() == 0
    kosta = output / "destinationer" / "kosta-glasbruk" / "index.html"

    def near_kosta() -> list[str]:
        return [
            a.get_text()
            for a in page(output, "/destinationer/kosta-glasbruk/").select(
                ".nearby-list a"
            )
        ]

    assert "Markaryd" not in near_kosta()
    before = kosta.stat().st_mtime_ns
    edit(content / "destinations/sv/bergdala.md", "Text.", "Mer om glaset i Bergdala.")
    assert live.rebuild() == 0
    assert "Bergdala glasbruk" in near_kosta()
    # The neighbour's text changed, not what the list shows: not made again.
    assert kosta.stat().st_mtime_ns == before
    edit(
        content / "destinations/sv/markaryd.md", "56.4600, 13.5960", "56.8300, 15.3800"
    )
    assert live.rebuild() == 0
    assert "Markaryd" in near_kosta()


def test_the_home_page_shows_what_editors_feature_first(tmp_path):
    markaryd = DESTINATION.format(
        key="markaryd",
        title="Markaryd",
        municipality="markaryd",
        coordinates="56.4600, 13.5960",
    ).replace("accessibility:", "featured: yes\naccessibility:")
    site = build(
        make(tmp_path, {"destinations/sv/markaryd.md": markaryd}), tmp_path / "out"
    )
    section = page(site, "/").select_one("#home-destinations").find_parent("section")
    titles = [a.get_text() for a in section.select(".card-title a")]
    # Featured first; then the listing's (alphabetical) order, four at most.
    assert titles[0] == "Markaryd"
    assert titles[1:] == sorted(titles[1:]) and 2 <= len(titles) <= 4


def test_what_an_event_takes_from_its_destination_is_given_back_each_build():
    """A long-lived process places kept events again each build: what it took from a
    destination goes, and its own fields come back as its file has them (here an
    address written as `none`), as a clean build would have them."""
    from content_model.model import Entry, Item
    from content_model.venues import place_events

    def item(type_: str, key: str, **fields) -> Item:
        return Item(type_, key, "sv", key, f"{key}.md", fields, "", 1)

    event = item("events", "konsert", destination="kosta", address=None)
    own = dict(event.fields)

    def entries(address) -> dict[str, Entry]:
        place = item("destinations", "kosta", address=address, nearest_stop="Kosta")
        return {
            "konsert": Entry("events", "konsert", {"sv": event}, "sv"),
            "kosta": Entry("destinations", "kosta", {"sv": place}, "sv"),
        }

    place_events(entries("Stora vägen 96, 365 43 Kosta"))
    assert event.fields["address"] == "Stora vägen 96, 365 43 Kosta"
    assert event.fields["nearest_stop"] == "Kosta"
    place_events(entries(None))  # the destination's address is withdrawn
    assert event.fields == {**own, "nearest_stop": "Kosta"}
    place_events({"konsert": Entry("events", "konsert", {"sv": event}, "sv")})
    assert event.fields == own
