"""Search: a Pagefind index per language made with every build, a search page per
language, the header's form, and the search itself in real Chromium behind the real
nginx with the site's strict CSP."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from checks.accessibility import CHROMIUM_FLAGS, chromium_path
from conftest import LANGUAGES, ROOT, build, snapshot
from pages import page
from playwright.sync_api import sync_playwright

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
SEARCH_PAGES = {"sv": "/sok/", "en": "/en/search/", "de": "/de/suche/"}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("search") / "content"
    shutil.copytree(BASE, content)
    return build(content, tmp_path_factory.mktemp("out") / "output")


def test_every_build_has_an_index_per_language(tiny):
    entry = json.loads((tiny / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) <= set(LANGUAGES)
    assert {"sv", "en", "de"} <= set(entry["languages"])
    # Only item and site pages are indexed: not listings, feeds or the search page.
    assert entry["languages"]["sv"]["page_count"] < 15
    assert (tiny / "pagefind" / "pagefind.js").exists()
    assert not (tiny / "pagefind" / "pagefind-ui.js").exists()  # we have our own UI


def test_each_language_has_its_search_page_and_the_header_form_goes_there(tiny):
    for lang, url in SEARCH_PAGES.items():
        soup = page(tiny, url)
        assert soup.html["lang"] == lang
        form = soup.select_one("main form.search-form")
        assert form["action"] == url and form["method"] == "get"
        assert form.select_one("input[name=q]")["type"] == "search"
        scripts = [s["src"] for s in soup.find_all("script", src=True)]
        assert any("/js/search." in s for s in scripts)
    home = page(tiny, "/en/")
    header_form = home.select_one("header form.search-form")
    assert header_form["action"] == "/en/search/"
    # The search script is loaded on the search and 404 pages only.
    assert not any("/js/search." in s["src"] for s in home.find_all("script", src=True))


def test_items_carry_their_type_and_municipality_for_the_index(tiny):
    soup = page(tiny, "/destinationer/kosta-glasbruk/")
    body = soup.select_one("[data-pagefind-body]")
    assert body is not None
    filters = [s["data-pagefind-filter"] for s in body.select("[data-pagefind-filter]")]
    assert filters == ["type:Besöksmål", "municipality:Lessebo"]


def test_the_index_is_the_same_for_the_same_site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    first = snapshot(build(content, tmp_path / "one") / "pagefind")
    second = snapshot(build(content, tmp_path / "two") / "pagefind")
    assert first == second


@pytest.fixture(scope="module")
def browser(published):
    base, _site = published
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        yield base, chromium
        chromium.close()


def test_a_visitor_searches_filters_and_shares_the_address(browser):
    base, chromium = browser
    tab = chromium.new_page(viewport={"width": 390, "height": 844})
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.goto(f"{base}/")
    tab.fill("header input[name=q]", "glasbruk")
    tab.press("header input[name=q]", "Enter")
    tab.wait_for_selector(".search-results li")
    assert tab.url == f"{base}/sok/?q=glasbruk"
    status = tab.inner_text(".search-status")
    assert status.endswith("träffar för ”glasbruk”")
    first = tab.locator(".search-results li").first
    assert first.locator("h2 a").get_attribute("href").startswith("/")
    assert " · " in first.locator(".search-about").inner_text()
    total = int(status.split()[0])
    tab.select_option("#search-municipality", "Lessebo")
    # The new count, not "Söker …" in between (the old results are still listed then).
    tab.wait_for_function(
        "n => { const t = document.querySelector('.search-status').textContent;"
        " return t.includes('”glasbruk”') && !t.startsWith(n + ' '); }",
        arg=str(total),
    )
    assert "municipality=Lessebo" in tab.url
    about = tab.locator(".search-results .search-about").all_inner_texts()
    assert about and all("Lessebo" in a for a in about)
    # The address can be shared: opening it gives the same search, filter chosen.
    shared = chromium.new_page()
    shared.goto(tab.url)
    shared.wait_for_selector(".search-results li")
    assert shared.input_value("#search-municipality") == "Lessebo"
    assert shared.inner_text(".search-status") == tab.inner_text(".search-status")
    # Another language keeps the search and its filter (the phone folds the list).
    shared.set_viewport_size({"width": 1280, "height": 900})
    shared.click("#site-languages a[hreflang=en]")
    shared.wait_for_selector(".search-results li")
    assert shared.url == f"{base}/en/search/?q=glasbruk&municipality=Lessebo"
    assert not problems, problems  # the CSP allowed everything search needs


def test_each_language_searches_its_own_pages_with_its_stemming(browser):
    base, chromium = browser
    tab = chromium.new_page()
    tab.goto(f"{base}/de/suche/?q=Glashütten")  # plural; the pages say "Glashütte"
    tab.wait_for_selector(".search-results li")
    links = tab.locator(".search-results h2 a").evaluate_all(
        "as => as.map(a => a.href)"
    )
    assert links and all("/de/" in link for link in links)
    tab.goto(f"{base}/en/search/?q=glassworks")
    tab.wait_for_selector(".search-results li")
    links = tab.locator(".search-results h2 a").evaluate_all(
        "as => as.map(a => a.href)"
    )
    assert links and all("/en/" in link for link in links)


def test_a_missing_page_offers_the_search_with_its_words(browser):
    base, chromium = browser
    tab = chromium.new_page()
    response = tab.goto(f"{base}/evenemang/julmarknad-i-kosta/")
    assert response.status == 404
    assert tab.input_value("#not-found-query") == "evenemang julmarknad kosta"
    tab.press("#not-found-query", "Enter")
    tab.wait_for_selector(".search-status:not(:empty)")
    assert "/sok/?q=evenemang+julmarknad+kosta" in tab.url


def test_a_build_that_changed_no_page_keeps_the_index_and_an_edit_remakes_it(
    tmp_path,
):
    """Pagefind takes seconds on a large site and has no incremental mode: a build that
    changed no page keeps the index it has; any changed page makes it again."""
    import gzip

    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    output = build(content, tmp_path / "output")
    entry = output / "pagefind" / "pagefind-entry.json"
    first = entry.stat().st_mtime_ns

    def indexed(word: bytes) -> bool:
        files = (output / "pagefind" / "index").glob("*.pf_index")
        return any(word in gzip.decompress(f.read_bytes()) for f in files)

    build(content, output)
    assert entry.stat().st_mtime_ns == first  # kept
    assert not indexed(b"zyxq")
    kosta = content / "destinations" / "sv" / "kosta-glasbruk.md"
    text = kosta.read_text("utf-8")
    kosta.write_text(text.rstrip("\n") + "\n\nHär blåses zyxq.\n", "utf-8")
    build(content, output)
    assert entry.stat().st_mtime_ns != first
    assert indexed(b"zyxq")
