"""deploy/nginx.conf in a real nginx on 127.0.0.1: types, CORS, caching, CSP, languages."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, build


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site_for(tmp_path_factory):
    def make(port: int) -> Path:
        """The real content built for the origin nginx serves it from (absolute URLs)."""
        content = tmp_path_factory.mktemp("nginx-content") / "content"
        shutil.copytree(ROOT / "content", content)
        output = tmp_path_factory.mktemp("nginx-site") / "output"
        return build(content, output, SITEURL=f"http://127.0.0.1:{port}")

    return make


@pytest.fixture(scope="module")
def server(site_for, tmp_path_factory):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():  # fail, never skip: ./dev test installs nginx
        pytest.fail("nginx is not installed — apt-get install nginx (./dev test does)")
    prefix = tmp_path_factory.mktemp("nginx")
    (prefix / "tmp").mkdir()
    port = free_port()
    real_site = site_for(port)
    conf = (ROOT / "deploy/nginx.conf").read_text()
    conf = conf.replace("__ROOT__", str(real_site)).replace(
        "__LISTEN__", f"127.0.0.1:{port}"
    )
    if os.geteuid() == 0:
        # pytest's folders are private to root; production keeps nginx's own worker user.
        conf = "user root root;\n" + conf
    (prefix / "nginx.conf").write_text(conf)
    args = [nginx, "-p", str(prefix), "-c", "nginx.conf", "-e", "stderr"]
    subprocess.run([*args, "-t"], check=True, capture_output=True)
    log = (prefix / "error.log").open("w")
    process = subprocess.Popen(args, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.05)
    yield base, real_site
    process.send_signal(signal.SIGQUIT)
    process.wait(timeout=10)
    log.close()


def get(url: str):
    try:
        response = urllib.request.urlopen(url, timeout=5)
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
        ("/assets/css/site.css", "text/css"),
        ("/images/glass.svg", "image/svg+xml"),
    ],
)
def test_types(server, path, mime):
    server, _site = server
    status, headers, _ = get(server + path)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == mime


def test_cors_only_for_feeds_and_widgets(server):
    server, _site = server
    assert (
        get(server + "/feeds/en/events.json")[1]["Access-Control-Allow-Origin"] == "*"
    )
    assert get(server + "/widgets/embed.js")[1]["Access-Control-Allow-Origin"] == "*"
    assert get(server + "/en/")[1]["Access-Control-Allow-Origin"] is None
    assert (
        get(server + "/assets/css/site.css")[1]["Access-Control-Allow-Origin"] is None
    )


def test_caching_long_for_hashed_files_short_for_pages_and_feeds(server):
    server, real_site = server
    frame = (real_site / "widgets/frame.html").read_text()
    script = re.search(r'src="(widgets-[0-9a-f]{12}\.js)"', frame)[1]
    hashed = get(f"{server}/widgets/{script}")[1]["Cache-Control"]
    assert hashed == "public, max-age=31536000, immutable"
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
