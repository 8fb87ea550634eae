"""deploy/nginx.conf in a real nginx on 127.0.0.1: types, encodings, CORS, caching, CSP, languages."""

from __future__ import annotations

import gzip
import http.client
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest


@pytest.fixture(scope="module")
def server(published):
    """The real content, built as published (precompressed) for nginx's own origin."""
    return published


def stylesheet(site: Path) -> str:
    """The hashed stylesheet URL the home page links."""
    html = (site / "index.html").read_text()
    return re.search(r'<link rel="stylesheet" href="([^"]+)"', html)[1]


def get(url: str, encoding: str | None = None):
    request = urllib.request.Request(url)
    if encoding is not None:
        request.add_header("Accept-Encoding", encoding)
    try:
        response = urllib.request.urlopen(request, timeout=5)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers, response.read()


@pytest.mark.parametrize(
    ("path", "mime"),
    [
        ("/", "text/html"),
        ("/feeds/sv/events.ics", "text/calendar"),
        ("/feeds/sv/events.atom", "application/atom+xml"),
        ("/feeds/sv/events.rss", "application/rss+xml"),
        ("/feeds/sv/events.feed.json", "application/feed+json"),
        ("/feeds/sv/events.json", "application/json"),
        ("/feeds/tourism.jsonld", "application/ld+json"),
        ("/widgets/embed.js", "application/javascript"),
        ("{stylesheet}", "text/css"),
        ("/images/kosta-glasbruk.svg", "image/svg+xml"),
    ],
)
def test_types(server, path, mime):
    server, site = server
    path = path.replace("{stylesheet}", stylesheet(site))
    status, headers, _ = get(server + path)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == mime


def test_cors_only_for_feeds_and_widgets(server):
    server, site = server
    assert (
        get(server + "/feeds/en/events.json")[1]["Access-Control-Allow-Origin"] == "*"
    )
    assert get(server + "/widgets/embed.js")[1]["Access-Control-Allow-Origin"] == "*"
    assert get(server + "/en/")[1]["Access-Control-Allow-Origin"] is None
    css = server + stylesheet(site)
    assert get(css)[1]["Access-Control-Allow-Origin"] is None


def test_caching_long_for_hashed_files_short_for_pages_and_feeds(server):
    server, real_site = server
    frame = (real_site / "widgets/frame.html").read_text()
    script = re.search(r'src="(widgets-[0-9a-f]{12}\.js)"', frame)[1]
    hashed = get(f"{server}/widgets/{script}")[1]["Cache-Control"]
    assert hashed == "public, max-age=31536000, immutable"
    css = get(server + stylesheet(real_site))[1]["Cache-Control"]
    assert css == "public, max-age=31536000, immutable"
    assert get(server + "/en/events/")[1]["Cache-Control"] == "public, max-age=300"
    assert (
        get(server + "/feeds/sv/events.ics")[1]["Cache-Control"]
        == "public, max-age=300"
    )


def test_strict_csp_and_framing(server):
    server, _site = server
    page = get(server + "/")[1]["Content-Security-Policy"]
    assert "script-src 'self'" in page and "frame-ancestors 'none'" in page
    assert "unsafe-inline" not in page
    assert (
        "frame-ancestors *"
        in get(server + "/widgets/frame.html")[1]["Content-Security-Policy"]
    )


def test_content_language_and_404_per_language(server):
    server, _site = server
    assert get(server + "/")[1]["Content-Language"] == "sv"
    assert get(server + "/de/reiseziele/")[1]["Content-Language"] == "de"
    status, _, body = get(server + "/en/no-such-page/")
    assert status == 404 and b'<html lang="en">' in body
    status, _, body = get(server + "/finns-inte/")
    assert status == 404 and b'<html lang="sv">' in body
    status, _, body = get(server + "/nl/bestaat-niet/")
    assert status == 404 and b'<html lang="nl">' in body


def test_pages_and_widget_builder_work_under_the_csp(server):
    server, _site = server
    from checks.accessibility import CHROMIUM_FLAGS, chromium_path
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        page = browser.new_page()
        page.clock.set_fixed_time("2027-06-10T10:00:00+02:00")
        refused = []
        page.on(
            "console",
            lambda m: refused.append(m.text) if "Content Security" in m.text else None,
        )
        for path in ("/", "/en/events/calendar/2027-06/", "/en/widgets/"):
            page.goto(server + path)
        # Locators pierce the open shadow root, and need no eval (which the CSP forbids).
        page.locator("#widget-preview ds-events li").first.wait_for()
        page.select_option("#w-municipality", "vaxjo")
        page.fill("input[name=accent]", "#aa0000")
        link = page.locator("#widget-preview ds-events a").first
        link.wait_for()
        colour = link.evaluate("a => getComputedStyle(a).color")
        browser.close()
    assert refused == []
    assert colour == "rgb(170, 0, 0)"


ENCODED = [
    ("/", "index.html", "text/html"),
    ("{stylesheet}", "{stylesheet}", "text/css"),
    ("/feeds/sv/events.ics", "feeds/sv/events.ics", "text/calendar"),
    ("/feeds/sv/events.json", "feeds/sv/events.json", "application/json"),
]


@pytest.mark.parametrize(("path", "file", "mime"), ENCODED)
@pytest.mark.parametrize(
    ("accept", "encoding", "suffix"),
    [("br", "br", ".br"), ("gzip", "gzip", ".gz"), ("br;q=0, gzip", "gzip", ".gz")],
)
def test_precompressed_copies_are_served_as_they_are(
    server, path, file, mime, accept, encoding, suffix
):
    server, site = server
    path = path.replace("{stylesheet}", stylesheet(site))
    file = file.replace("{stylesheet}", stylesheet(site).lstrip("/"))
    status, headers, body = get(server + path, accept)
    assert status == 200
    assert headers["Content-Encoding"] == encoding
    assert headers["Content-Type"].split(";")[0] == mime
    assert "Accept-Encoding" in headers["Vary"]
    assert body == (site / (file + suffix)).read_bytes()
    decode = brotli.decompress if encoding == "br" else gzip.decompress
    assert decode(body) == (site / file).read_bytes()


def get_without_accept_encoding(url: str):
    """A request with no Accept-Encoding header at all (urllib always sends one)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=5)
    connection.putrequest("GET", parts.path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.headers, body


@pytest.mark.parametrize(("path", "file", "mime"), ENCODED)
@pytest.mark.parametrize("accept", ["identity", None])
def test_without_accept_encoding_the_plain_file(server, path, file, mime, accept):
    server, site = server
    path = path.replace("{stylesheet}", stylesheet(site))
    file = file.replace("{stylesheet}", stylesheet(site).lstrip("/"))
    if accept is None:
        status, headers, body = get_without_accept_encoding(server + path)
    else:
        status, headers, body = get(server + path, accept)
    assert status == 200 and headers["Content-Encoding"] is None
    assert headers["Content-Type"].split(";")[0] == mime
    assert body == (site / file).read_bytes()


def test_feeds_say_their_language_and_multilingual_files_none(server):
    server, _site = server
    assert get(server + "/feeds/de/events.json")[1]["Content-Language"] == "de"
    assert get(server + "/feeds/nl/events.ics")[1]["Content-Language"] == "nl"
    assert get(server + "/feeds/sv/events.atom")[1]["Content-Language"] == "sv"
    assert get(server + "/feeds/tourism.jsonld")[1]["Content-Language"] is None
    assert get(server + "/widgets/embed.js")[1]["Content-Language"] is None


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/de/municipality/Ljungby/events.json",
        "/feeds/de/nope.ics",
        "/widgets/widgets-000000000000.js",
    ],
)
def test_a_missing_feed_is_a_404_with_cors(server, path):
    server, _site = server
    status, headers, body = get(server + path)
    assert status == 404
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert b"<html lang=" not in body  # a plain 404 for programs, not a page


def test_options_preflight_for_feeds_only(server):
    server, _site = server
    parts = urlsplit(server)
    for path, allowed in (("/feeds/en/events.json", True), ("/en/", False)):
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        connection.request(
            "OPTIONS",
            path,
            headers={
                "Origin": "https://partner.example",
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "if-none-match",
            },
        )
        response = connection.getresponse()
        assert response.status == 204, path
        if allowed:
            assert response.getheader("Access-Control-Allow-Origin") == "*"
            assert "GET" in response.getheader("Access-Control-Allow-Methods")
            assert "If-None-Match" in response.getheader("Access-Control-Allow-Headers")
        else:
            assert response.getheader("Access-Control-Allow-Origin") is None
        connection.close()
