"""The opt-in map, in real Chromium behind the real nginx with the site's CSP: nothing
from another origin and no cookie before the visitor presses "Show map"; then Leaflet from
our own origin and tiles from OpenStreetMap only; a listing's map has every item a pin."""

from __future__ import annotations

import base64
import json
from urllib.parse import urlsplit

import pytest
from checks.accessibility import CHROMIUM_FLAGS, chromium_path
from conftest import BUILD_DATE
from pages import page
from playwright.sync_api import sync_playwright

TILE_HOST = "tile.openstreetmap.org"
# The smallest PNG: the tests' stand-in for OpenStreetMap's tiles (no network here).
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture(scope="module")
def browser(published):
    base, site = published
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        yield base, site, chromium
        chromium.close()


def watched(chromium, base: str):
    """A new tab whose requests are recorded; tiles are answered with one pixel."""
    context = chromium.new_context()
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    context.route(
        f"https://{TILE_HOST}/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=PIXEL),
    )
    return context, tab, requests, problems


def origins(requests: list[str], base: str) -> set[str]:
    ours = urlsplit(base).netloc
    return {urlsplit(u).netloc for u in requests if urlsplit(u).netloc != ours}


def test_nothing_from_elsewhere_and_no_cookie_until_the_map_is_opened(browser):
    base, _site, chromium = browser
    context, tab, requests, problems = watched(chromium, base)
    response = tab.goto(f"{base}/en/destinations/kosta-glassworks/")
    policy = response.headers["content-security-policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split("; ") if part
    )
    # The tile host, for images only; everything else from our own origin.
    assert directives["img-src"] == ["'self'", "data:", f"https://{TILE_HOST}"]
    for name in ("default-src", "style-src", "connect-src", "font-src"):
        assert directives[name] == ["'self'"]
    assert TILE_HOST not in " ".join(directives["script-src"])
    tab.wait_for_load_state("networkidle")
    tab.mouse.wheel(0, 4000)
    tab.wait_for_timeout(300)
    assert origins(requests, base) == set()
    assert not any("leaflet" in u for u in requests)
    assert context.cookies() == [] and tab.evaluate("document.cookie") == ""

    button = tab.get_by_role(
        "button", name="Show map – loads map tiles from OpenStreetMap"
    )
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    tab.wait_for_selector(".map .leaflet-tile-loaded")
    tab.wait_for_selector(".map path.leaflet-interactive")
    assert origins(requests, base) == {TILE_HOST}
    assert all(
        u.startswith(f"https://{TILE_HOST}/") and u.endswith(".png")
        for u in requests
        if TILE_HOST in u
    )
    ours = [u for u in requests if "/maps/leaflet-" in u]
    assert any(u.endswith("/leaflet.js") for u in ours)
    assert any(u.endswith("/leaflet.css") for u in ours)
    credit = tab.locator(".map .leaflet-control-attribution a[href$='/copyright']")
    assert credit.inner_text() == "OpenStreetMap"  # the tiles' licence asks for it
    assert tab.inner_text(".map-status")  # said to screen readers
    assert context.cookies() == []
    assert not problems, problems  # the CSP allowed Leaflet and the tiles
    context.close()


def test_a_listing_map_has_a_pin_for_every_event_on(browser):
    base, site, chromium = browser
    records = json.loads((site / "feeds/sv/events.json").read_text("utf-8"))["events"]
    built = BUILD_DATE.isoformat()
    expected = [
        r
        for r in records
        if r["coordinates"]
        and r["status"] != "cancelled"
        and any((o.get("end") or o["start"])[:10] >= built for o in r["occurrences"])
    ]
    assert len(expected) > 5
    context, tab, requests, problems = watched(chromium, base)
    tab.clock.set_fixed_time(f"{built}T12:00:00+01:00")
    tab.goto(f"{base}/evenemang/")
    tab.get_by_role(
        "button", name="Visa karta – laddar kartbilder från OpenStreetMap"
    ).click()
    tab.wait_for_selector(".map path.leaflet-interactive")
    assert tab.locator(".map path.leaflet-interactive").count() == len(expected)
    # The map follows the filters: only Växjö's events once Växjö is chosen.
    vaxjo = [r for r in expected if r["municipality"]["id"] == "vaxjo"]
    assert 0 < len(vaxjo) < len(expected)
    tab.select_option("#filter-kommun", "vaxjo")
    tab.wait_for_function(
        "n => document.querySelectorAll('.map path.leaflet-interactive').length === n",
        arg=len(vaxjo),
    )
    tab.select_option("#filter-kommun", "")
    tab.wait_for_function(
        "n => document.querySelectorAll('.map path.leaflet-interactive').length === n",
        arg=len(expected),
    )
    assert origins(requests, base) == {TILE_HOST}
    assert not problems, problems
    context.close()


def test_without_scripts_there_is_no_map_button_and_the_links_remain(browser):
    base, site, chromium = browser
    url = "/de/reiseziele/glashuette-kosta/"
    soup = page(site, url)
    records = json.loads((site / "feeds/de/destinations.json").read_text("utf-8"))
    kosta = next(d for d in records["destinations"] if d["key"] == "kosta-glasbruk")
    where = kosta["coordinates"]
    button = soup.select_one("button[data-map]")
    assert json.loads(button["data-points"]) == [
        [where["lat"], where["lon"], kosta["title"], url]
    ]
    context = chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{base}{url}")
    assert tab.locator("button[data-map]").is_hidden()
    directions = tab.locator(".where-links a[href^='https://www.openstreetmap.org/']")
    assert directions.count() == 1
    context.close()
