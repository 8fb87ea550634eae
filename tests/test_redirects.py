"""URLs that never break: a renamed file's old address leads to the new one, as a 301
through the real nginx and as an HTML redirect page without it; a removed item's leads
to its listing."""

from __future__ import annotations

import functools
import http.client
import http.server
import json
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from checks.accessibility import CHROMIUM_FLAGS, chromium_path
from conftest import ROOT, build
from playwright.sync_api import sync_playwright
from redirects.record import redirects
from sitetools.nginx import NginxMissing, serving

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
OLD = "/en/destinations/kosta-glassworks/"
NEW = "/en/destinations/kosta-glass-works/"


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("moved")
    content = root / "content"
    shutil.copytree(BASE, content)
    out = build(content, root / "output")
    assert (out / OLD.lstrip("/") / "index.html").is_file()
    english = content / "destinations/en/kosta-glassworks.md"
    english.rename(english.with_name("kosta-glass-works.md"))  # a renamed file
    (content / "stories/sv/berattelse.md").unlink()  # a removed item
    build(content, out)
    return content, out


def status_and_location(base: str, path: str) -> tuple[int, str | None]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    connection.request("GET", path)
    response = connection.getresponse()
    connection.close()
    return response.status, response.getheader("Location")


def test_the_record_keeps_every_address(moved_site):
    content, out = moved_site
    record = json.loads((content / "urls.json").read_text())
    assert record[OLD] == record[NEW] == "en destinations:kosta-glasbruk"
    assert f"{OLD} {NEW};" in (out / "_redirects.map").read_text()


def test_nginx_answers_301_to_the_new_address(moved_site, tmp_path):
    _content, out = moved_site
    try:
        with serving(out, tmp_path / "nginx") as base:
            status, location = status_and_location(base, OLD)
            assert status == 301 and location.endswith(NEW)
            gone = next(
                line.split()
                for line in (out / "_redirects.map").read_text().splitlines()
                if line.startswith("/berattelser/")
            )
            status, location = status_and_location(base, gone[0])
            assert status == 301 and location.endswith("/berattelser/")
            assert status_and_location(base, NEW)[0] == 200
    except NginxMissing as missing:  # fail, never skip: ./dev test installs nginx
        pytest.fail(str(missing))


def test_without_nginx_the_html_page_takes_the_reader_there(moved_site):
    _content, out = moved_site
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0),
        functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out)),
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_FLAGS
            )
            page = browser.new_page()
            page.goto(base + OLD)
            page.wait_for_url(base + NEW)
            assert page.locator("h1").first.inner_text() == "Kosta Glassworks"
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def test_gone_items_lead_to_their_listing_and_others_home():
    record = {
        "/x/old/": "sv destinations:gone",
        "/en/y/": "en listing:events:1",
        "/de/feeds-alt/": "de feeds",
    }
    now = {"/en/events/": "en listing:events:1", "/de/feeds/": "de feeds"}
    homes = {"sv": "/", "en": "/en/", "de": "/de/"}
    listings = {("sv", "destinations"): "/destinationer/"}
    assert redirects(record, now, homes, listings) == {
        "/de/feeds-alt/": "/de/feeds/",
        "/en/y/": "/en/events/",
        "/x/old/": "/destinationer/",
    }


def test_the_gates_leave_pages_that_only_redirect_to_nginx(tmp_path):
    """A moved address's small HTML page is not a page of the site: the gates (links,
    hreflang, sitemap, HTML, accessibility) judge the page it points to."""
    from checks.pages import html_pages

    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "index.html").write_text("<!doctype html><title>x</title>")
    (tmp_path / "new" / "index.html").write_text("<!doctype html><title>y</title>")
    (tmp_path / "_redirects.map").write_text("# record\n/old/ /new/;\n")
    assert list(html_pages(tmp_path)) == ["/new/"]
