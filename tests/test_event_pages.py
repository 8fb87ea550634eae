"""Event listings, the month calendar and JSON-LD, on the real site and tiny ones."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build
from content_model.errors import ContentValidationError
from events.calendar import month_grid, months_between
from pages import page

BASE = ROOT / "tests" / "fixtures" / "base" / "content"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(ROOT / "content", content)
    return build(
        content,
        tmp_path_factory.mktemp("events") / "output",
        BUILD_DATE=date(2027, 5, 1),
    )


def json_ld(soup: BeautifulSoup) -> list[dict]:
    return [
        json.loads(s.string)
        for s in soup.find_all("script", type="application/ld+json")
    ]


def test_months_and_grid_are_monday_first():
    assert months_between(date(2027, 11, 20), date(2028, 1, 2)) == [
        date(2027, 11, 1),
        date(2027, 12, 1),
        date(2028, 1, 1),
    ]
    june = month_grid(date(2027, 6, 1), {})
    assert june.weeks[0][0].day == date(2027, 5, 31)  # a Monday, outside June
    assert not june.weeks[0][0].in_month and june.weeks[0][1].day == date(2027, 6, 1)
    assert all(len(week) == 7 for week in june.weeks)


def test_every_event_page_has_event_json_ld_for_rich_results(site):
    pages = sorted((site / "evenemang").glob("*/index.html"))
    checked = 0
    for path in pages:
        blocks = json_ld(BeautifulSoup(path.read_text(), "lxml"))
        if not blocks:
            continue  # listing pages under /evenemang/
        (event,) = blocks
        assert event["@type"] == "Event"
        assert event["name"] and event["startDate"]
        assert event["location"]["@type"] == "Place" and event["location"]["name"]
        assert event["location"]["address"]["addressCountry"] == "SE"
        assert event["eventStatus"].startswith("https://schema.org/Event")
        checked += 1
    assert checked >= 20


def test_rescheduled_event_keeps_its_previous_start(site):
    (event,) = json_ld(page(site, "/evenemang/vinterkonsert-vaxjo-konserthus/"))
    assert event["eventStatus"] == "https://schema.org/EventRescheduled"
    assert event["previousStartDate"] == "2027-01-30T18:00:00+01:00"


def test_destination_and_package_json_ld(site):
    (place,) = json_ld(page(site, "/destinationer/kosta-glasbruk/"))
    assert place["@type"] == "TouristAttraction"
    assert place["geo"]["latitude"] == pytest.approx(56.843, abs=0.01)
    package_page = next((site / "paket").glob("*/index.html"))
    (product,) = json_ld(BeautifulSoup(package_page.read_text(), "lxml"))
    assert product["@type"] == "Product"
    assert product["offers"]["priceCurrency"] == "SEK"
    assert product["offers"]["validFrom"] <= product["offers"]["validThrough"]


def test_month_calendar_shows_repeats_but_not_exceptions(site):
    june = page(site, "/evenemang/kalender/2027-06/")
    assert june.find("caption").get_text(strip=True) == "Juni 2027"
    cells = {}
    for td in june.select("table.calendar td"):
        number = td.select_one(".day-number")
        if number:
            cells[int(number.get_text())] = [a.get_text() for a in td.select("a")]
    market = "Sommartorg i Ljungby – lördagsmarknad på torget"
    assert [d for d, titles in cells.items() if market in titles] == [5, 12, 19]
    assert market not in cells[26]  # Midsummer Day
    july = page(site, "/evenemang/kalender/2027-07/")
    assert july.select_one('a[rel="prev"]')["href"] == "/evenemang/kalender/2027-06/"
    headers = [abbr["title"] for abbr in june.select("thead abbr")]
    assert headers[0] == "måndag" and headers[-1] == "söndag"


def test_municipality_and_category_listings_filter(site):
    ljungby = page(site, "/en/events/municipalities/ljungby/")
    assert ljungby.h1.get_text() == "Events in Ljungby"
    metas = [p.get_text() for p in ljungby.select(".card-meta")]
    assert metas and all("Ljungby" in m for m in metas)
    markets = page(site, "/evenemang/kategorier/marknader/")
    titles = [a.get_text() for a in markets.select(".card-title a")]
    assert "Sommartorg i Ljungby – lördagsmarknad på torget" in titles
    assert markets.select_one(".feed-links a")["href"].endswith(
        "/feeds/sv/category/market/events.ics"
    )


def test_json_ld_cannot_be_broken_out_of(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    event = content / "events/sv/konsert.md"
    event.write_text(
        event.read_text().replace(
            "title: Sommarkonsert", "title: </script><script>alert(1)</script>"
        )
    )
    out = build(content, tmp_path / "output")
    html = (out / "evenemang/konsert/index.html").read_text()
    block = html.split('<script type="application/ld+json">', 1)[1].split(
        "</script>", 1
    )[0]
    assert "alert" in block and "<" not in block
    data = json.loads(block)
    assert data["name"] == "</script><script>alert(1)</script>"
    # The JSON-LD block is the page's only inline script (the other is js/header.js).
    assert html.count('<script type="application/ld+json">') == 1
    assert html.count("<script") == 2


def test_event_file_may_not_take_a_calendar_folder_name(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    shutil.move(content / "events/sv/konsert.md", content / "events/sv/kalender.md")
    with pytest.raises(ContentValidationError) as failure:
        build(content, tmp_path / "output")
    assert [str(e) for e in failure.value.errors] == [
        "content/events/sv/kalender.md:1: file: the name 'kalender' is taken by the "
        "events pages — rename the file (the file name is the URL)"
    ]


def test_tourism_export_is_json_ld_with_every_destination_and_event(site):
    document = json.loads((site / "feeds/tourism.jsonld").read_text())
    assert document["@context"] == {"@vocab": "https://schema.org/"}
    nodes = document["@graph"]
    events = [n for n in nodes if n["@type"] == "Event"]
    places = [n for n in nodes if "TouristAttraction" in n["@type"]]
    assert len(events) >= 20 and len(places) >= 16
    for node in nodes:
        assert node["@id"].startswith("http") and node["identifier"]
        assert {v["@language"] for v in node["name"]} >= {"sv", "en", "de"}
        assert node["dateModified"] >= node["dateCreated"]
        assert node["url"] and all(u.startswith("http") for u in node["url"])
    for node in events:
        assert node["startDate"] and node["location"]["@type"] == "Place"
    for node in places:
        assert node["geo"]["@type"] == "GeoCoordinates"


def test_repeating_event_shows_its_next_date_mid_series(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = build(content, tmp_path / "output", BUILD_DATE=date(2027, 7, 10))
    card = next(
        c
        for c in page(out, "/evenemang/").select("article.card")
        if "Sommartorg" in c.select_one(".card-title").get_text()
    )
    moment = card.select_one("time")
    assert moment["datetime"] == "2027-07-10T09:00+02:00"
    assert moment.get_text().startswith(
        "Varje lördag från 5 juni 2027 till 28 augusti 2027"
    )
    data = json.loads((out / "feeds/sv/events.json").read_text())
    market = next(e for e in data["events"] if e["key"] == "sommartorg-ljungby")
    assert market["next"] == {
        "start": "2027-07-10T09:00:00+02:00",
        "end": "2027-07-10T14:00:00+02:00",
    }
    assert market["start"] == "2027-06-05T09:00:00+02:00"


def test_a_cancelled_event_never_leads_the_home_page(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    concert = (content / "events" / "sv" / "konsert.md").read_text("utf-8")
    (content / "events" / "sv" / "installt.md").write_text(
        concert.replace("key: konsert", "key: installt")
        .replace("title: Sommarkonsert", "title: Inställd vårkonsert")
        .replace("start: 2027-06-05 18:00", "start: 2027-04-05 18:00")
        .replace("end: 2027-06-05 20:00", "end: 2027-04-05 20:00\nstatus: cancelled"),
        "utf-8",
    )
    output = build(content, tmp_path / "output", BUILD_DATE=date(2027, 3, 1))
    home = page(output, "/")
    titles = [h.get_text(strip=True) for h in home.select(".card h3, .card h2")]
    assert "Sommarkonsert" in titles
    assert "Inställd vårkonsert" not in titles
    # It is still listed, marked, on the events page.
    listing = page(output, "/evenemang/").get_text(" ")
    assert "Inställd vårkonsert" in listing
