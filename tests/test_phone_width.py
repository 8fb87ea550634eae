"""Nothing scrolls sideways on a 390 px phone: the home page, every listing and site
page of every language, and pages with the longest words, in real Chromium."""

from __future__ import annotations

import pytest
from checks.accessibility import CHROMIUM_FLAGS, chromium_path, serve
from conftest import LANGUAGES
from playwright.sync_api import sync_playwright

# Long compound words and wide tables that once widened the page.
KNOWN = (
    "/tillganglighet/",
    "/da/tilgaengelighed/",
    "/nl/toegankelijkheid/",
    "/nl/privacy/",
    "/floden/",
    "/de/feeds/",
)


def pages(site) -> list[str]:
    found = set(KNOWN)
    for lang in LANGUAGES:
        home = site if lang == LANGUAGES[0] else site / lang
        found.add("/" if lang == LANGUAGES[0] else f"/{lang}/")
        for folder in sorted(home.iterdir()):
            if (folder / "index.html").is_file() and folder.name not in LANGUAGES:
                found.add("/" + folder.relative_to(site).as_posix() + "/")
    return sorted(found)


@pytest.fixture(scope="module")
def phone(real_site):
    with serve(real_site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        yield base, tab
        browser.close()


def test_no_page_is_wider_than_a_phone(phone, real_site):
    base, tab = phone
    wide = {}
    urls = pages(real_site)
    assert len(urls) > 60
    for url in urls:
        tab.goto(base + url)
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[url] = width
    assert not wide, wide


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
