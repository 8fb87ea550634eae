"""Partner widgets in real Chromium, embedded in a hostile partner page on another origin."""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import shutil
import socket
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from checks.accessibility import AXE, CHROMIUM_FLAGS, chromium_path
from conftest import ROOT, build
from playwright.sync_api import sync_playwright

BUDGET = 5 * 1024
HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
PARTNER_CSS = """<style>
* { font-family: "Comic Sans MS", cursive !important; color: rgb(255, 0, 0) !important;
    background: yellow !important; letter-spacing: 3px !important; }
ul, li { display: inline !important; list-style: square !important; }
a { font-size: 40px !important; text-decoration: none !important; }
ds-events, ds-destinations { border: 5px solid hotpink; }
</style>"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CorsHandler(http.server.SimpleHTTPRequestHandler):
    """As our server must: cross-origin reads allowed for feeds and widgets only."""

    def end_headers(self) -> None:
        if self.path.startswith(("/feeds/", "/widgets/")):
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(directory: Path, port: int, handler=CorsHandler):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Our site (real content plus a hostile event) and a partner's, on two ports."""
    root = tmp_path_factory.mktemp("widgets")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "events/sv/fientlig.md").write_text(
        f"key: fientlig\ntitle: {HOSTILE_TITLE}\nsummary: Test.\nstart: 2027-06-12\n"
        "venue: Torget\naddress: none\nmunicipality: markaryd\ncategory: market\nprice: free\n"
        "organizer: Test\n\nText.\n"
    )
    ours, partner_port = free_port(), free_port()
    out = build(content, root / "output", SITEURL=f"http://127.0.0.1:{ours}")
    partner = root / "partner"
    partner.mkdir()
    with serve(out, ours) as our_url, serve(partner, partner_port) as partner_url:
        yield {
            "out": out,
            "ours": our_url,
            "partner": partner,
            "partner_url": partner_url,
        }


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        # chromium_path() raises when Chromium is missing: these tests fail, never skip.
        launched = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


def current_script(out: Path) -> Path:
    """The script this build made (older released versions sit beside it)."""
    frame = (out / "widgets" / "frame.html").read_text()
    return out / "widgets" / re.search(r'src="(widgets-[0-9a-f]+\.js)"', frame)[1]


def script_tag(sites) -> str:
    name = current_script(sites["out"]).name
    return f'<script type="module" src="{sites["ours"]}/widgets/{name}"></script>'


def partner_page(sites, name: str, body: str) -> str:
    html = f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Partner</title>{PARTNER_CSS}</head><body><main>{body}</main></body></html>"
    (sites["partner"] / name).write_text(html)
    return f"{sites['partner_url']}/{name}"


@pytest.fixture
def page(browser, sites):
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.clock.set_fixed_time("2027-06-10T10:00:00+02:00")  # "view time"
    page.requests = []
    page.dialogs = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def shadow(page, selector: str, script: str):
    page.wait_for_function(
        f"document.querySelector('{selector}')?.shadowRoot?.querySelector('.w')"
    )
    return page.evaluate(
        f"(() => {{ const root = document.querySelector('{selector}').shadowRoot; {script} }})()"
    )


def test_events_in_language_filter_and_view_time(page, sites):
    url = partner_page(
        sites,
        "events.html",
        script_tag(sites)
        + '<ds-events lang="de" municipality="ljungby" limit="3"></ds-events>',
    )
    page.goto(url)
    items = shadow(
        page,
        "ds-events",
        """return [...root.querySelectorAll('li')].map(li => ({
        lang: li.lang, title: li.querySelector('a').textContent, href: li.querySelector('a').href,
        when: li.querySelector('time').textContent, at: li.querySelector('time').dateTime,
        meta: li.querySelector('.m').textContent}))""",
    )
    assert 1 <= len(items) <= 3
    assert all("Ljungby" in i["meta"] for i in items)
    assert all(
        i["at"] >= "2027-06-10" for i in items
    )  # earlier ones are over at view time
    market = next(
        i for i in items if "Samstagsmarkt" in i["title"] or "Sommartorg" in i["title"]
    )
    assert market["at"] == "2027-06-12T09:00:00+02:00"  # the next Saturday, not 5 June
    assert "Samstag" in market["when"] and "Juni" in market["when"]
    assert shadow(page, "ds-events", "return root.querySelector('.w').lang") == "de"
    assert market["href"].startswith(sites["ours"] + "/de/")


def test_host_css_does_not_reach_into_the_widget(page, sites):
    url = partner_page(
        sites,
        "style.html",
        script_tag(sites) + '<ds-events lang="en" limit="2"></ds-events>',
    )
    page.goto(url)
    style = shadow(
        page,
        "ds-events",
        """const a = root.querySelector('a'), p = root.querySelector('p'),
        li = root.querySelector('li'), s = getComputedStyle;
        return {font: s(a).fontFamily, size: s(a).fontSize, colour: s(p).color,
                display: s(li).display, spacing: s(p).letterSpacing}""",
    )
    assert "Comic" not in style["font"]
    assert style["size"] == "16px" and style["colour"] == "rgb(27, 31, 35)"
    assert style["display"] == "list-item" and style["spacing"] == "normal"


def test_no_foreign_requests_no_cookies_no_storage(page, sites):
    url = partner_page(
        sites,
        "privacy.html",
        script_tag(sites) + '<ds-events lang="sv"></ds-events>'
        '<ds-destinations lang="en" layout="cards" limit="2"></ds-destinations>',
    )
    page.goto(url)
    shadow(page, "ds-destinations", "return 1")
    origins = {"/".join(u.split("/")[:3]) for u in page.requests}
    assert origins <= {sites["ours"], sites["partner_url"]}
    assert sites["ours"] in origins
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("indexedDB.databases().then(d => d.length)") == 0


def test_hostile_title_is_text_and_runs_nothing(page, sites):
    url = partner_page(
        sites,
        "hostile.html",
        script_tag(sites)
        + '<ds-events lang="sv" category="market" limit="20"></ds-events>',
    )
    page.goto(url)
    titles = shadow(
        page,
        "ds-events",
        "return [...root.querySelectorAll('a')].map(a => a.textContent)",
    )
    assert HOSTILE_TITLE in titles
    assert (
        shadow(page, "ds-events", "return root.querySelectorAll('img[src=x]').length")
        == 0
    )
    page.wait_for_timeout(300)
    assert page.dialogs == []


def test_axe_finds_nothing_in_the_widgets(page, sites):
    url = partner_page(
        sites,
        "axe.html",
        script_tag(sites) + '<ds-events lang="en" layout="cards"></ds-events>'
        '<ds-destinations lang="de"></ds-destinations>',
    )
    page.goto(url)
    shadow(page, "ds-destinations", "return 1")
    shadow(page, "ds-events", "return 1")
    page.add_script_tag(path=str(ROOT / AXE))
    violations = page.evaluate("""() => axe.run({include: [['ds-events'], ['ds-destinations']]},
        {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})
        .then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' ')))""")
    assert violations == []


def test_iframe_variant_takes_its_content_height(page, sites):
    frame = (
        f"{sites['ours']}/widgets/frame.html?widget=events&lang=en&limit=4&layout=cards"
    )
    url = partner_page(
        sites,
        "iframe.html",
        f'<iframe src="{frame}" title="Events" style="width:100%;height:600px;border:0"></iframe>'
        f'<noscript><a href="{sites["ours"]}/en/events/">Events</a></noscript>'
        f'<script type="module" src="{sites["ours"]}/widgets/embed.js"></script>',
    )
    page.goto(url)
    page.wait_for_function("document.querySelector('iframe').style.height !== '600px'")
    inner = (
        page.frame_locator("iframe")
        .locator("body")
        .evaluate("() => document.documentElement.scrollHeight")
    )
    outer = page.evaluate(
        "document.querySelector('iframe').getBoundingClientRect().height"
    )
    assert abs(outer - inner) <= 2 and outer > 200


def test_script_stays_within_its_budget(sites):
    script = current_script(sites["out"]).read_bytes()
    size = len(gzip.compress(script, compresslevel=9))
    assert size <= BUDGET, (
        f"widgets.js is {size} bytes gzipped, over the {BUDGET} budget"
    )
    forbidden = (
        b"innerHTML",
        b"outerHTML",
        b"insertAdjacentHTML",
        b"document.cookie",
        b"localStorage",
        b"sessionStorage",
        b"indexedDB",
        b"eval(",
    )
    assert [word for word in forbidden if word in script] == []


def test_builder_snippet_works_when_pasted_into_a_fresh_page(page, sites, browser):
    page.goto(f"{sites['ours']}/en/widgets/")
    page.select_option("#w-municipality", "ljungby")
    page.check("input[name=layout][value=cards]")
    page.wait_for_function(
        "document.querySelector('#widget-snippet').value.includes('layout=\"cards\"')"
    )
    snippet = page.input_value("#widget-snippet")
    assert 'integrity="sha384-' in snippet and 'crossorigin="anonymous"' in snippet
    assert 'municipality="ljungby"' in snippet and 'layout="cards"' in snippet
    preview = page.evaluate(
        "document.querySelector('#widget-preview ds-events').getAttribute('municipality')"
    )
    assert preview == "ljungby"
    fresh = browser.new_page()
    fresh.clock.set_fixed_time("2027-06-10T10:00:00+02:00")
    fresh.goto(partner_page(sites, "pasted.html", snippet))
    count = shadow(fresh, "ds-events", "return root.querySelectorAll('li').length")
    assert count >= 1
    fresh.close()


def test_the_current_script_is_released_and_old_releases_stay_online(sites):
    from sitetools.widgets_release import current_script
    from widgets.build import RELEASED

    script = current_script(ROOT)
    released = RELEASED / script.name
    assert released.is_file(), "run ./dev widgets-release and commit the new file"
    assert released.read_bytes() == script.data
    for old in RELEASED.glob("widgets-*.js"):
        assert (sites["out"] / "widgets" / old.name).read_bytes() == old.read_bytes()


def test_both_variants_on_one_page_stay_private(page, sites):
    frame = f"{sites['ours']}/widgets/frame.html?widget=destinations&lang=sv&limit=3&accent=%23aa0000"
    url = partner_page(
        sites,
        "both.html",
        script_tag(sites) + '<ds-events lang="nl" limit="2"></ds-events>'
        f'<iframe src="{frame}" title="Besöksmål" style="width:100%;height:600px;border:0"></iframe>'
        f'<noscript><a href="{sites["ours"]}/destinationer/">Besöksmål</a></noscript>'
        f'<script type="module" src="{sites["ours"]}/widgets/embed.js"></script>',
    )
    page.goto(url)
    shadow(page, "ds-events", "return 1")
    page.wait_for_function("document.querySelector('iframe').style.height !== '600px'")
    inner = page.frame_locator("iframe").locator("ds-destinations")
    colour = inner.evaluate(
        "e => getComputedStyle(e.shadowRoot.querySelector('a')).color"
    )
    assert colour == "rgb(170, 0, 0)"
    origins = {"/".join(u.split("/")[:3]) for u in page.requests}
    assert origins <= {sites["ours"], sites["partner_url"]}
    assert page.context.cookies() == []
    frame_storage = page.frames[1].evaluate(
        "localStorage.length + sessionStorage.length"
    )
    assert frame_storage == 0


def test_all_day_events_end_at_midnight_swedish_summer_time(browser, sites):
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time("2027-08-14T00:30:00+02:00")  # after 13 August in Sweden
    page.goto(
        partner_page(
            sites,
            "midnight.html",
            script_tag(sites)
            + '<ds-events lang="sv" municipality="lessebo" limit="20"></ds-events>',
        )
    )
    titles = shadow(
        page,
        "ds-events",
        "return [...root.querySelectorAll('a')].map(a => a.textContent)",
    )
    assert not any("Glasblåsning för familjer" in t for t in titles)
    context.close()


def test_bad_attributes_say_so_and_still_link_to_the_site(page, sites):
    url = partner_page(
        sites,
        "bad.html",
        script_tag(sites) + '<ds-events lang="en-GB" limit="many"></ds-events>',
    )
    page.goto(url)
    status = shadow(
        page, "ds-events", "return root.querySelector('[role=status]').textContent"
    )
    assert status.startswith("This widget has a setting it does not know")
    link = shadow(page, "ds-events", "return root.querySelector('a.all').href")
    assert link == sites["ours"] + "/en/events/"  # English (en-GB), the events page
