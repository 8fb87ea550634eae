"""Nothing scrolls sideways: every page of the real site (every language, every item,
listing, site page and widget frame) at 320 px and at 1280 px, in real Chromium."""

from __future__ import annotations

import time

import pytest
from checks.accessibility import CHROMIUM_FLAGS, chromium_path, serve
from playwright.sync_api import sync_playwright

WIDTHS = (320, 1280)
# Pages measured at once, each in its own frame of the width measured: one browser
# tab loads them side by side (about 1,300 pages in a minute or two).
AT_ONCE = 16
MEASURE = """async ([urls, widths]) => Promise.all(urls.map(url => new Promise(done => {
  const frame = document.createElement("iframe");
  frame.style.cssText = `width:${widths[0]}px;height:900px;border:0;display:block`;
  const timer = setTimeout(() => done([url, "did not load"]), 20000);
  frame.onload = async () => {
    clearTimeout(timer);
    const page = frame.contentDocument;
    await page.fonts.ready;
    const found = [];
    for (const width of widths) {
      frame.style.width = width + "px";
      const root = page.documentElement;
      // clientWidth leaves out a vertical scrollbar: content that fits is no wider.
      if (root.scrollWidth > root.clientWidth) found.push(`${width}: ${root.scrollWidth}`);
    }
    frame.remove();
    done([url, found.join(", ")]);
  };
  frame.src = url;
  document.body.append(frame);
})))"""


def every_page(site) -> list[str]:
    """Every HTML file but the small pages of moved addresses (they forward at once)."""
    found = []
    for path in sorted(site.rglob("*.html")):
        if 'http-equiv="refresh"' in path.read_text("utf-8")[:2000]:
            continue
        url = "/" + path.relative_to(site).as_posix()
        found.append(url.removesuffix("index.html"))
    return found


@pytest.fixture(scope="module")
def phone(real_site):
    with serve(real_site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        yield base, tab
        browser.close()


def test_no_page_scrolls_sideways_at_320_or_1280_px(phone, real_site):
    base, tab = phone
    urls = every_page(real_site)
    assert len(urls) > 1000  # every page, not a sample
    assert {"/", "/en/", "/destinationer/kosta-glasbruk/", "/floden/"} <= set(urls)
    tab.set_viewport_size({"width": 1400, "height": 900})
    tab.goto(base + "/404.html")  # frames of the same origin can be measured
    wide = {}
    started = time.perf_counter()
    for first in range(0, len(urls), AT_ONCE):
        share = [base + url for url in urls[first : first + AT_ONCE]]
        for url, problem in tab.evaluate(MEASURE, [share, list(WIDTHS)]):
            if problem:
                wide[url.removeprefix(base)] = problem
    print(f"{len(urls)} pages at {WIDTHS} px in {time.perf_counter() - started:.0f} s")
    tab.set_viewport_size({"width": 390, "height": 844})
    assert not wide, "\n".join(
        f"{url} {problem}" for url, problem in sorted(wide.items())
    )


def test_header_menu_and_content_share_one_left_edge(phone):
    base, tab = phone
    for width in (390, 1280):
        tab.set_viewport_size({"width": width, "height": 900})
        tab.goto(base + "/en/")
        if width < 768:  # the phone header folds the menu behind its button
            tab.get_by_role("button", name="Menu").click()
        edges = tab.evaluate(
            "() => ['.brand', '.main-nav li:first-child a', 'main h1']"
            ".map(s => Math.round(document.querySelector(s).getBoundingClientRect().left))"
        )
        assert len(set(edges)) == 1, (width, edges)
    tab.set_viewport_size({"width": 390, "height": 844})
