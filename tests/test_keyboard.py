"""Keyboard and screen-reader basics in real headless Chromium, on the real site."""

from __future__ import annotations

import pytest
from checks.accessibility import CHROMIUM_FLAGS, chromium_path, serve
from playwright.sync_api import sync_playwright


@pytest.fixture(scope="module")
def browser_page(real_site):
    # chromium_path() raises when Chromium is missing: these tests fail, never skip.
    with serve(real_site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.base = base
        yield page
        browser.close()


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName, id: e.id, text: e.textContent.trim(), href: e.getAttribute('href'),
                outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow}; }"""
    )


@pytest.mark.parametrize("url", ["/", "/en/events/", "/de/reiseziele/"])
def test_first_tab_reaches_skip_link_which_moves_focus_to_main(browser_page, url):
    page = browser_page
    page.goto(page.base + url)
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["href"] == "#main-content"
    assert first["outline"] != "none" and first["width"] != "0px"  # focus is visible
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main-content"


def test_every_focusable_link_shows_focus(browser_page):
    page = browser_page
    page.goto(page.base + "/")
    seen = 0
    for _ in range(25):
        page.keyboard.press("Tab")
        state = focused(page)
        assert state["outline"] != "none" or state["shadow"] != "none", state
        seen += 1
    assert seen == 25


def test_language_switcher_names_languages_in_their_own_language(browser_page):
    page = browser_page
    page.goto(page.base + "/en/")
    links = page.locator("nav.languages a").evaluate_all(
        "els => els.map(a => [a.lang, a.hreflang, a.textContent.trim(), a.getAttribute('aria-current')])"
    )
    assert links == [
        ["sv", "sv", "Svenska", None],
        ["en", "en", "English", "true"],
        ["de", "de", "Deutsch", None],
        ["da", "da", "Dansk", None],
        ["nl", "nl", "Nederlands", None],
    ]
    assert page.get_by_role("navigation", name="Language").count() == 1


def tab_to(page, href: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page)["href"] == href:
            return
    raise AssertionError(f"{href} cannot be reached with the Tab key")


def test_calendar_and_filters_work_with_the_keyboard_alone(browser_page):
    page = browser_page
    page.goto(page.base + "/en/events/")
    calendar = page.locator(".event-filters a").first.get_attribute("href")
    tab_to(page, calendar)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/events/calendar/**")
    table = page.get_by_role("table")
    assert table.locator("caption").inner_text()
    headers = page.locator("table.calendar thead th").count()
    assert headers == 7
    event_link = page.locator("table.calendar td a").first.get_attribute("href")
    tab_to(page, event_link)
    page.keyboard.press("Enter")
    page.wait_for_url("**" + event_link)
    assert page.locator("h1").inner_text()
    page.goto(page.base + "/en/events/")
    ljungby = page.get_by_role("link", name="Ljungby", exact=True).first.get_attribute(
        "href"
    )
    tab_to(page, ljungby)
    page.keyboard.press("Enter")
    page.wait_for_url("**/municipalities/ljungby/")
    assert page.locator("h1").inner_text() == "Events in Ljungby"


def test_phone_header_folds_languages_and_menu_behind_disclosure_buttons(browser_page):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.goto(page.base + "/de/")
        menu = page.get_by_role("button", name="Menü")
        language = page.get_by_role("button", name="Sprache: Deutsch")
        assert menu.get_attribute("aria-expanded") == "false"
        assert not page.locator("#site-menu").is_visible()
        assert not page.locator("#site-languages").is_visible()
        # Content starts near the top: the header is one row of brand and buttons
        # plus the search field, not ~300 px of lists.
        header = page.locator(".site-header").bounding_box()
        assert header["height"] < 180, header
        # Keyboard: Tab to the button, Enter opens, the links are reachable, Escape
        # closes and gives the focus back.
        menu.focus()
        page.keyboard.press("Enter")
        assert menu.get_attribute("aria-expanded") == "true"
        assert page.locator("#site-menu").is_visible()
        assert page.locator("#site-menu a").first.is_visible()
        page.keyboard.press("Tab")
        page.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false"
        assert not page.locator("#site-menu").is_visible()
        assert focused(page)["text"] == "Menü"
        # Opening the languages closes the menu: one panel at a time.
        menu.click()
        language.click()
        assert language.get_attribute("aria-expanded") == "true"
        assert menu.get_attribute("aria-expanded") == "false"
        assert page.locator("#site-languages a[lang='sv']").is_visible()
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})
    # On a desktop both lists are shown and the buttons are not.
    page.goto(page.base + "/de/")
    assert page.locator("#site-menu a").first.is_visible()
    assert page.locator("#site-languages a").first.is_visible()
    assert not page.get_by_role("button", name="Menü").is_visible()


def test_without_javascript_the_phone_header_shows_both_lists(browser_page):
    context = browser_page.context.browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(browser_page.base + "/")
    assert page.locator("#site-menu a").first.is_visible()
    assert page.locator("#site-languages a").first.is_visible()
    assert page.locator(".header-toggle").first.is_hidden()
    context.close()
