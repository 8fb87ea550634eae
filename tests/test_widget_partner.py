"""The widgets as a partner's developer meets them: our site behind the real nginx with
deploy/nginx.conf, the snippet in a page of another origin with a strict CSP, in real
Chromium. Every failure says so (never "no events"), and the fallbacks work without
JavaScript in the chosen language and filter."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from checks.accessibility import CHROMIUM_FLAGS, chromium_path
from conftest import ROOT, build
from playwright.sync_api import sync_playwright
from sitetools.nginx import NginxMissing, free_port, serving

VIEW_TIME = "2027-06-10T10:00:00+02:00"
NO_EVENTS = (
    "No upcoming events right now.",
    "Derzeit stehen keine Veranstaltungen an.",
)


def partner_csp(ours: str) -> str:
    """What a partner with a strict policy adds for us (plugins/widgets/README.md)."""
    return (
        "default-src 'self'; style-src 'self'; "
        f"script-src 'self' {ours}; connect-src 'self' {ours}; "
        f"img-src 'self' {ours}; frame-src {ours}"
    )


class PartnerHandler(http.server.SimpleHTTPRequestHandler):
    csp = ""

    def end_headers(self) -> None:
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


@contextmanager
def partner_server(directory: Path, csp: str):
    handler = type("Handler", (PartnerHandler,), {"csp": csp})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("partner")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    port = free_port()
    out = build(content, root / "output", SITEURL=f"http://127.0.0.1:{port}")
    script = re.search(
        r'src="(widgets-[0-9a-f]+\.js)"', (out / "widgets/frame.html").read_text()
    )[1]
    # The same script one folder down: its data URLs then lead to nginx's 404s.
    (out / "widgets/broken").mkdir()
    shutil.copyfile(out / "widgets" / script, out / "widgets/broken/widgets.js")
    pages = root / "pages"
    pages.mkdir()
    (pages / "favicon.ico").write_bytes(b"")  # the browser asks for it
    try:
        with (
            serving(out, root / "nginx", port) as ours,
            partner_server(pages, partner_csp(ours)) as strict,
            partner_server(
                # Our script allowed, its requests not (connect-src falls back to
                # default-src): a partner's policy that blocks the widget's fetch.
                pages,
                f"default-src 'self'; script-src 'self' {ours}",
            ) as closed,
        ):
            yield {
                "out": out,
                "ours": ours,
                "script": f"{ours}/widgets/{script}",
                "pages": pages,
                "strict": strict,
                "closed": closed,
            }
    except NginxMissing as missing:  # fail, never skip: ./dev test installs nginx
        pytest.fail(str(missing))


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


def open_page(browser, sites, body: str, *, origin="strict", lang="en", **options):
    name = f"p{abs(hash((body, lang)))}.html"
    (sites["pages"] / name).write_text(
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>Partner</title></head><body><main>{body}</main></body></html>"
    )
    context = browser.new_context(viewport={"width": 390, "height": 900}, **options)
    page = context.new_page()
    page.console = []
    page.on("console", lambda m: page.console.append((m.type, m.text)))
    if options.get("java_script_enabled", True):
        page.clock.set_fixed_time(VIEW_TIME)
    page.goto(f"{sites[origin]}/{name}")
    return page


def script(sites, src: str | None = None) -> str:
    return f'<script type="module" src="{src or sites["script"]}" crossorigin="anonymous"></script>'


def until(page, expression: str, seconds: float = 10) -> None:
    """Poll from here: wait_for_function evaluates strings, which a partner CSP forbids."""
    for _ in range(int(seconds * 20)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"never true: {expression}")


def rendered(page, selector: str = "ds-events") -> dict:
    until(
        page, f"!!document.querySelector('{selector}')?.shadowRoot?.querySelector('.w')"
    )
    return page.evaluate(
        f"""() => {{ const root = document.querySelector('{selector}').shadowRoot;
        const w = root.querySelector('.w');
        return {{ text: w.textContent, items: root.querySelectorAll('li').length,
          starts: [...root.querySelectorAll('time')].map(t => t.dateTime),
          link: root.querySelector('a.all')?.href, lang: w.lang,
          status: root.querySelector('[role=status]')?.textContent || null,
          background: getComputedStyle(w).backgroundColor,
          accent: root.querySelector('a') && getComputedStyle(root.querySelector('a')).color }}; }}"""
    )


def test_english_widget_dates_are_british(browser, sites):
    shown = rendered(open_page(browser, sites, script(sites) + '<ds-events lang="en">'))
    assert shown["items"] >= 1
    assert " PM" not in shown["text"] and " AM" not in shown["text"]
    assert re.search(
        r"\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}",
        shown["text"],
    ), shown["text"]


def test_the_strict_documented_csp_lets_the_widget_work(browser, sites):
    page = open_page(
        browser, sites, script(sites) + '<ds-events lang="de" municipality="ljungby">'
    )
    shown = rendered(page)
    assert shown["items"] >= 1 and shown["status"] is None
    assert shown["link"] == f"{sites['ours']}/de/veranstaltungen/gemeinden/ljungby/"
    assert not [m for m in page.console if m[0] == "error"], page.console


@pytest.mark.parametrize(
    ("attributes", "named"),
    [
        ('municipality="Ljungby"', 'municipality="Ljungby": use one of alvesta,'),
        ('category="concerts"', 'category="concerts": use one of music,'),
        ('days="a month"', 'days="a month": use a whole number above 0'),
    ],
)
def test_an_unknown_attribute_value_says_so(browser, sites, attributes, named):
    page = open_page(
        browser, sites, script(sites) + f'<ds-events lang="de" {attributes}>'
    )
    shown = rendered(page)
    assert shown["status"] == (
        "Dieses Widget hat eine Einstellung, die es nicht kennt (siehe Browser-Konsole)."
    )
    assert not any(text in shown["text"] for text in NO_EVENTS)
    assert shown["link"] == f"{sites['ours']}/de/veranstaltungen/"
    warnings = [text for kind, text in page.console if kind == "warning"]
    assert any(named in text for text in warnings), warnings


@pytest.mark.parametrize(
    ("origin", "src", "cause"),
    [
        ("strict", "{ours}/widgets/broken/widgets.js", "HTTP 404"),  # a 404 from nginx
        ("closed", None, "could not load"),  # a partner CSP that blocks the request
    ],
)
def test_a_failed_request_says_so_and_links_to_the_site(
    browser, sites, origin, src, cause
):
    tag = script(sites, src and src.format(ours=sites["ours"]))
    page = open_page(browser, sites, tag + '<ds-events lang="en">', origin=origin)
    shown = rendered(page)
    assert shown["status"] == "The events could not be loaded just now."
    assert not any(text in shown["text"] for text in NO_EVENTS)
    # The events page of the origin the script came from (one folder down for the
    # copied script, whose whole idea of our site is wrong).
    assert shown["link"].endswith("/en/events/")
    assert shown["link"].startswith(sites["ours"])
    assert any(cause in text for _, text in page.console), page.console


def test_days_limits_the_list(browser, sites):
    page = open_page(
        browser, sites, script(sites) + '<ds-events lang="en" days="30" limit="20">'
    )
    within = rendered(page)["starts"]
    page = open_page(browser, sites, script(sites) + '<ds-events lang="en" limit="20">')
    every = rendered(page)["starts"]
    assert within and len(within) < len(every)
    assert all(start < "2027-07-10T10:00" for start in within)


def test_from_and_days_choose_a_month(browser, sites):
    page = open_page(
        browser,
        sites,
        script(sites) + '<ds-events lang="en" from="2027-12-01" days="31" limit="20">',
    )
    starts = rendered(page)["starts"]
    assert starts and all(s[:10] <= "2027-12-31" for s in starts)
    assert any(s[:10] >= "2027-12-01" for s in starts)
    # Earlier starts are seasons still running in December (all-day, weeks long),
    # never a one-day event that is over (the market of 27 November).
    earlier = [s for s in starts if s[:10] < "2027-12-01"]
    assert all(len(s) == 10 for s in earlier) and "2027-11-27" not in earlier


def test_theme_is_light_by_default_and_as_set(browser, sites):
    dark_reader = {"color_scheme": "dark"}
    light = rendered(
        open_page(browser, sites, script(sites) + "<ds-events>", **dark_reader)
    )
    assert light["background"] == "rgb(255, 255, 255)"
    dark = rendered(
        open_page(browser, sites, script(sites) + '<ds-events theme="dark">')
    )
    assert dark["background"] == "rgb(22, 32, 42)"
    auto = rendered(
        open_page(
            browser, sites, script(sites) + '<ds-events theme="auto">', **dark_reader
        )
    )
    assert auto["background"] == "rgb(22, 32, 42)"


def test_colours_by_attribute_language_by_host_and_changes_after_load(browser, sites):
    page = open_page(
        browser, sites, script(sites) + '<ds-events accent="#aa0000">', lang="nl"
    )
    shown = rendered(page)
    assert shown["lang"] == "nl" and shown["accent"] == "rgb(170, 0, 0)"
    assert shown["link"] == f"{sites['ours']}/nl/evenementen/"
    page.evaluate(
        "document.querySelector('ds-events').setAttribute('municipality', 'ljungby')"
    )
    link = "document.querySelector('ds-events').shadowRoot.querySelector('a.all').href"
    until(page, f"{link}.includes('ljungby')")
    assert page.evaluate(link).endswith("/nl/evenementen/gemeenten/ljungby/")


def test_without_javascript_iframe_and_noscript_show_language_and_filter(
    browser, sites
):
    ours = sites["ours"]
    body = (
        f'<iframe src="{ours}/widgets/frame/de/events/municipality/ljungby/" '
        'title="Veranstaltungen in Ljungby" width="600" height="600"></iframe>'
        f'<noscript><a href="{ours}/de/veranstaltungen/gemeinden/ljungby/">'
        "Veranstaltungen in Ljungby</a></noscript>"
    )
    page = open_page(browser, sites, body, java_script_enabled=False)
    frame = page.frame_locator("iframe")
    assert frame.locator("html").get_attribute("lang") == "de"
    assert frame.locator("h1").inner_text() == "Veranstaltungen in Ljungby"
    links = frame.locator("li a").all()
    assert links and all(
        "/de/veranstaltungen/" in a.get_attribute("href") for a in links
    )
    assert page.locator("noscript a").inner_text() == "Veranstaltungen in Ljungby"


def test_the_frame_page_becomes_the_live_widget_with_javascript(browser, sites):
    ours = sites["ours"]
    page = open_page(
        browser,
        sites,
        f'<iframe src="{ours}/widgets/frame/nl/destinations/kind/glass/?layout=cards" '
        'title="Glas" width="600" height="600"></iframe>'
        f'<script type="module" src="{ours}/widgets/embed.js"></script>',
    )
    until(page, "document.querySelector('iframe').style.height !== ''")
    inner = page.frame_locator("iframe").locator("ds-destinations")
    assert (
        inner.get_attribute("kind") == "glass" and inner.get_attribute("lang") == "nl"
    )
    assert page.frame_locator("iframe").locator("main").count() == 0


def test_builder_snippet_carries_language_and_filter_in_its_fallbacks(browser, sites):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{sites['ours']}/en/widgets/")
    page.select_option("#w-lang", "de")
    page.select_option("#w-municipality", "ljungby")
    until(
        page,
        "document.querySelector('#widget-snippet').value.includes('<noscript>')"
        " && document.querySelector('#widget-snippet').value.includes('ljungby/')",
    )
    snippet = page.input_value("#widget-snippet")
    assert 'lang="de"' in snippet and 'municipality="ljungby"' in snippet
    assert (
        f'<noscript><a href="{sites["ours"]}/de/veranstaltungen/gemeinden/ljungby/">'
        "Veranstaltungen in Ljungby</a></noscript>" in snippet
    )
    assert "style=" not in snippet
    page.check("input[name=variant][value=iframe]")
    page.check("input[name=theme][value=dark]")
    until(page, "document.querySelector('#widget-snippet').value.includes('<iframe')")
    until(
        page, "document.querySelector('#widget-snippet').value.includes('theme=dark')"
    )
    snippet = page.input_value("#widget-snippet")
    assert (
        f'src="{sites["ours"]}/widgets/frame/de/events/municipality/ljungby/?theme=dark"'
        in snippet
    )
    assert 'title="Veranstaltungen in Ljungby"' in snippet and "style=" not in snippet
    context.close()
