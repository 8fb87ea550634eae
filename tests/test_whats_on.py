"""What's on and the listings' filters: the home page's weekend and coming events worked
out in the visitor's browser (Europe/Stockholm) between builds, the events and
destinations listings filtered in place with shareable addresses, and the static pages by
municipality and kind that are the filters without scripts."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from checks.accessibility import CHROMIUM_FLAGS, chromium_path
from conftest import ROOT, build
from content_model.errors import ContentValidationError
from content_model.listings import weekend
from pages import page
from playwright.sync_api import sync_playwright

BASE = ROOT / "tests" / "fixtures" / "base" / "content"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2027, 6, 1), (date(2027, 6, 5), date(2027, 6, 6))),  # Tuesday
        (date(2027, 6, 4), (date(2027, 6, 5), date(2027, 6, 6))),  # Friday
        (date(2027, 6, 5), (date(2027, 6, 5), date(2027, 6, 6))),  # Saturday
        (date(2027, 6, 6), (date(2027, 6, 6), date(2027, 6, 6))),  # Sunday: today
        (date(2027, 6, 7), (date(2027, 6, 12), date(2027, 6, 13))),  # Monday
    ],
)
def test_this_weekend_is_saturday_and_sunday_and_on_a_sunday_today(today, expected):
    assert weekend(today) == expected


# The browser's answers are checked against the published JSON, read here on its own.


def days(occurrence: dict) -> tuple[str, str]:
    first = occurrence["start"][:10]
    return first, (occurrence.get("end") or occurrence["start"])[:10]


def expected(events: list[dict], first: str, last: str, **chosen) -> list[tuple]:
    """(title, start of its first occurrence in the days) of the matching events."""
    found = []
    for event in events:
        if chosen.get("no_cancelled") and event["status"] == "cancelled":
            continue
        if (
            chosen.get("municipality", event["municipality"]["id"])
            != (event["municipality"]["id"])
        ):
            continue
        if chosen.get("category", event["category"]["id"]) != event["category"]["id"]:
            continue
        if chosen.get("free") and not event["price"]["free"]:
            continue
        hits = [
            o
            for o in event["occurrences"]
            if days(o)[0] <= last and days(o)[1] >= first
        ]
        if hits:
            found.append((hits[0]["start"], event["key"], event["title"]))
    return [(title, start[:16]) for start, _key, title in sorted(found)]


def expected_events(events: list[dict], first: str, last: str, **chosen) -> list[str]:
    return [title for title, _start in expected(events, first, last, **chosen)]


@pytest.fixture(scope="module")
def browser(published):
    base, site = published
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        yield base, site, chromium
        chromium.close()


def events_of(site: Path, lang: str) -> list[dict]:
    return json.loads((site / "feeds" / lang / "events.json").read_text("utf-8"))[
        "events"
    ]


def titles(tab, selector: str) -> list[str]:
    return tab.locator(f"{selector} .card-title a").all_inner_texts()


def test_this_weekend_on_the_home_page_is_the_visitors_weekend_not_the_builds(browser):
    base, site, chromium = browser
    events = events_of(site, "en")
    # Built on 1 March 2027; the visitor comes on Friday 4 June, in the evening in
    # New York: already Saturday 5 June in Sweden.
    saturday = "2027-06-05"
    on_weekend = expected_events(events, saturday, "2027-06-06", no_cancelled=True)
    assert on_weekend, "the content has events on that weekend"
    built = page(site, "/en/")
    built_titles = [
        a.get_text() for a in built.select("#home-weekend-list .card-title a")
    ]
    assert built.select_one("#home-weekend-days").get_text() == "6–7 March 2027"
    assert built_titles != on_weekend

    context = chromium.new_context(timezone_id="America/New_York")
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.clock.set_fixed_time("2027-06-04T19:30:00-04:00")
    tab.goto(f"{base}/en/")
    tab.wait_for_function(
        "() => document.querySelector('#home-weekend-days').textContent.includes('June')"
    )
    assert tab.inner_text("#home-weekend-days") == "5–6 June 2027"
    assert titles(tab, "#home-weekend-list") == on_weekend
    # Coming up: the next eight that are not over on the visitor's day, none cancelled.
    coming = expected(events, saturday, "9999-12-31", no_cancelled=True)[:8]
    assert titles(tab, "#home-events-list") == [title for title, _ in coming]
    # Each card's time is its next occurrence from the visitor's day.
    times = tab.locator("#home-events-list time").evaluate_all(
        "ts => ts.map(t => t.dateTime)"
    )
    assert times == [start for _, start in coming]
    assert not problems, problems
    context.close()


def test_a_weekend_with_nothing_says_so_and_links_to_the_events(browser):
    base, site, chromium = browser
    events = events_of(site, "sv")
    # The first weekend after every event is over.
    last = max(days(o)[1] for e in events for o in e["occurrences"])
    day = date.fromisoformat(last) + timedelta(days=1)
    while day.weekday() != 0:
        day += timedelta(days=1)
    tab = chromium.new_page()
    tab.clock.set_fixed_time(f"{day.isoformat()}T12:00:00+01:00")
    tab.goto(f"{base}/")
    tab.wait_for_selector("#home-weekend-none:not([hidden])")
    assert tab.locator("#home-weekend-list").is_hidden()
    assert tab.locator("#home-events-list li").count() == 0
    tab.close()


def test_events_filter_in_place_combined_and_the_address_round_trips(browser):
    base, site, chromium = browser
    events = events_of(site, "en")
    tab = chromium.new_page(viewport={"width": 390, "height": 844})
    tab.clock.set_fixed_time("2027-03-02T09:00:00+01:00")  # a Tuesday after the build
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.goto(f"{base}/en/events/")
    assert tab.locator("#listing-filter").is_visible()
    tab.select_option("#filter-datum", "manaden")
    tab.wait_for_selector(".filter-status:not(:empty)")
    assert tab.url == f"{base}/en/events/?datum=manaden"
    month = expected_events(events, "2027-03-02", "2027-03-31")
    assert titles(tab, "#filter-results") == month
    assert tab.locator("[data-filtered-out]").is_hidden()

    tab.select_option("#filter-kommun", "vaxjo")
    tab.check("#filter-gratis")
    tab.wait_for_url("**gratis=1")
    chosen = expected_events(
        events, "2027-03-02", "2027-03-31", municipality="vaxjo", free=True
    )
    assert titles(tab, "#filter-results") == chosen
    status = tab.inner_text(".filter-status")
    assert status == (f"{len(chosen)} matches" if len(chosen) != 1 else "1 match") or (
        not chosen and status.startswith("Nothing matches")
    )

    # Shared: the same address gives the same form and the same list.
    shared = chromium.new_page()
    shared.clock.set_fixed_time("2027-03-02T09:00:00+01:00")
    shared.goto(tab.url)
    shared.wait_for_selector(".filter-status:not(:empty)")
    assert shared.input_value("#filter-datum") == "manaden"
    assert shared.input_value("#filter-kommun") == "vaxjo"
    assert shared.is_checked("#filter-gratis")
    assert titles(shared, "#filter-results") == chosen

    # A chosen date and a category; then clearing shows the list as built.
    target = next(
        e for e in events if e["category"]["id"] == "music" and e["start"] >= "2027-03"
    )
    day = target["start"][:10]
    shared.select_option("#filter-kommun", "")
    shared.uncheck("#filter-gratis")
    shared.select_option("#filter-datum", "dag")
    shared.fill("#filter-dag", day)
    shared.select_option("#filter-kategori", "music")
    shared.wait_for_url(f"**datum={day}&kategori=music")
    assert target["title"] in titles(shared, "#filter-results")
    assert titles(shared, "#filter-results") == expected_events(
        events, day, day, category="music"
    )
    shared.click("button[type=reset]")
    shared.wait_for_url(f"{base}/en/events/")
    assert shared.locator("[data-filtered-out]").is_visible()
    assert shared.locator("#filter-results").is_hidden()
    assert not problems, problems
    tab.close()
    shared.close()


def test_destinations_filter_by_municipality_and_kind(browser):
    base, site, chromium = browser
    records = json.loads((site / "feeds/de/destinations.json").read_text("utf-8"))
    expected = [
        d["title"]
        for d in records["destinations"]
        if d["municipality"]["id"] == "vaxjo" and d["kind"]["id"] == "heritage"
    ]
    assert expected
    tab = chromium.new_page()
    tab.goto(f"{base}/de/reiseziele/?kommun=vaxjo&typ=heritage")
    tab.wait_for_selector(".filter-status:not(:empty)")
    assert tab.input_value("#filter-typ") == "heritage"
    assert titles(tab, "#filter-results") == expected
    tab.close()


def test_activities_filter_by_a_municipality_among_several_and_kind(browser):
    base, site, chromium = browser
    records = json.loads((site / "feeds/en/activities.json").read_text("utf-8"))
    several = next(a for a in records["activities"] if len(a["municipalities"]) > 1)
    place = several["municipalities"][-1]["id"]
    expected = [
        a["title"]
        for a in records["activities"]
        if place in [m["id"] for m in a["municipalities"]]
        and a["kind"]["id"] == several["kind"]["id"]
    ]
    assert several["title"] in expected
    tab = chromium.new_page()
    tab.goto(f"{base}/en/activities/")
    tab.select_option("#filter-kommun", place)
    tab.select_option("#filter-typ", several["kind"]["id"])
    tab.wait_for_url(f"**?kommun={place}&typ={several['kind']['id']}")
    tab.wait_for_selector(".filter-status:not(:empty)")
    assert titles(tab, "#filter-results") == expected
    tab.close()


def test_without_scripts_the_form_is_gone_and_the_static_pages_filter(browser):
    base, _site, chromium = browser
    context = chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{base}/en/destinations/")
    assert tab.locator("#listing-filter").is_hidden()
    tab.click("nav.event-filters a:text('Museum')")
    assert tab.url == f"{base}/en/destinations/kinds/museum/"
    assert tab.locator("main .card").count() > 0
    metas = tab.locator("main .card-meta").all_inner_texts()
    assert all(m.startswith("Museum · ") for m in metas)
    context.close()


def test_static_pages_by_municipality_and_kind_are_linked_and_in_the_sitemap(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    site = build(content, tmp_path / "output")
    listing = page(site, "/destinationer/")
    links = [a["href"] for a in listing.select("nav.event-filters a")]
    assert "/destinationer/kommuner/lessebo/" in links
    kosta = page(site, "/destinationer/kommuner/lessebo/")
    assert kosta.h1.get_text() == "Besöksmål i Lessebo"
    assert "/destinationer/kosta-glasbruk/" in [
        a["href"] for a in kosta.select(".card-title a")
    ]
    glass = page(site, "/de/reiseziele/arten/glas-und-design/")
    assert glass.h1.get_text() == "Glas und Design"
    assert page(site, "/en/destinations/kinds/").h1.get_text() == (
        "Destinations by kind"
    )
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "/destinationer/typer/glas-och-design/</loc>" in sitemap
    # A kind nothing has gets no page.
    assert not (site / "destinationer" / "typer" / "slott-och-herrgardar").exists()


def test_an_item_named_like_a_browse_folder_is_refused(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    source = content / "destinations" / "sv" / "kosta-glasbruk.md"
    source.rename(source.with_name("typer.md"))
    with pytest.raises(ContentValidationError) as caught:
        build(content, tmp_path / "output")
    assert "typer.md:1: file: the name 'typer' is taken" in str(caught.value)
