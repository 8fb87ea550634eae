"""Translations linked by key, each language with its own slug, hreflang and switcher."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT
from pages import hreflangs, page, switcher

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
SITE = "http://127.0.0.1:8000"


@pytest.fixture
def base_site(tmp_path: Path, tiny_site):
    shutil.copytree(BASE, tmp_path / "content")
    return tiny_site({})


def test_each_language_keeps_its_own_slug(base_site: Path) -> None:
    assert (base_site / "destinationer/kosta-glasbruk/index.html").is_file()
    assert (base_site / "en/destinations/kosta-glassworks/index.html").is_file()
    assert (base_site / "de/reiseziele/glashuette-kosta/index.html").is_file()


def test_hreflang_is_reciprocal_with_x_default(base_site: Path) -> None:
    urls = {
        "sv": "/destinationer/kosta-glasbruk/",
        "en": "/en/destinations/kosta-glassworks/",
        "de": "/de/reiseziele/glashuette-kosta/",
    }
    expected = {lang: SITE + url for lang, url in urls.items()}
    expected["x-default"] = SITE + urls["sv"]
    for lang, url in urls.items():
        soup = page(base_site, url)
        assert soup.html["lang"] == lang
        assert soup.select_one('link[rel="canonical"]')["href"] == SITE + url
        assert hreflangs(soup) == expected


def test_switcher_names_languages_in_their_own_language(base_site: Path) -> None:
    links = switcher(page(base_site, "/en/destinations/kosta-glassworks/"))
    assert set(links) == set(LANGUAGES)
    names = {lang: link["text"] for lang, link in links.items()}
    assert (
        names.items()
        >= {
            "sv": "Svenska",
            "en": "English",
            "de": "Deutsch",
            "da": "Dansk",
            "nl": "Nederlands",
        }.items()
    )
    assert links["de"]["href"] == "/de/reiseziele/glashuette-kosta/"
    # No Danish or Dutch version: the switcher goes to that language's home page.
    assert links["da"]["href"] == "/da/"
    assert links["nl"]["href"] == "/nl/"


def test_untranslated_item_claims_no_translation(base_site: Path) -> None:
    soup = page(base_site, "/destinationer/bara-svensk/")
    assert hreflangs(soup) == {
        "sv": SITE + "/destinationer/bara-svensk/",
        "x-default": SITE + "/destinationer/bara-svensk/",
    }
    assert switcher(soup)["en"]["href"] == "/en/"
    assert not (base_site / "en/destinations/bara-svensk").exists()


def test_key_links_follow_the_reader_language(base_site: Path) -> None:
    soup = page(base_site, "/en/destinations/kosta-glassworks/")
    link = soup.select_one(".prose a")
    # The target has no English version, so the link goes to its Swedish page.
    assert link["href"] == "/destinationer/bara-svensk/"


def test_static_assets_are_written_once(base_site: Path) -> None:
    # The widget frame pages have their own small stylesheet, in /widgets/.
    css = sorted(
        p.relative_to(base_site).as_posix()
        for p in base_site.rglob("*.css")
        # Leaflet's own, loaded only with the map a visitor opens (plugins/places).
        if p.parent.name != "widgets" and not p.parent.name.startswith("leaflet-")
    )
    assert len(css) == 1 and re.fullmatch(r"assets/css/site\.[0-9a-f]{12}\.css", css[0])
    images = sorted(
        p.relative_to(base_site).as_posix() for p in base_site.rglob("glass.svg")
    )
    assert images == ["images/glass.svg"]


def test_home_pages_use_each_language_intro(base_site: Path) -> None:
    assert page(base_site, "/").h1.get_text() == "Välkommen till testsajten"
    assert page(base_site, "/de/").h1.get_text() == "Willkommen auf der Testseite"
    # Danish has no home text: the Swedish one is shown, marked as Swedish.
    hero = page(base_site, "/da/").select_one(".hero")
    assert hero["lang"] == "sv"
    assert page(base_site, "/da/").html["lang"] == "da"


def test_accessibility_statement_shows_the_last_check(tmp_path, tiny_site):
    shutil.copytree(BASE, tmp_path / "content")
    (tmp_path / "content/pages/sv/tillganglighet.md").write_text(
        "key: tillganglighet\ntitle: Tillgänglighet\nsummary: Redogörelse.\n"
        "role: accessibility\n\nText.\n"
    )
    (tmp_path / "content/accessibility-check.json").write_text(
        '{"date": "2026-11-28", "tools": {"Nu Html Checker": "26.9.27", '
        '"axe-core": "4.14.1"}, "gates": [{"gate": "html", "pages": 444, '
        '"problems": 0}, {"gate": "accessibility", "pages": 101, "problems": 0}]}'
    )
    out = tiny_site({})
    record = page(out, "/tillganglighet/").select_one(".check-record")
    items = [li.get_text(strip=True) for li in record.select("li")]
    assert "28 november 2026" in record.get_text()
    assert items[0] == "Giltig HTML (Nu Html Checker 26.9.27): 444 sidor, 0 fel"
    assert items[1].startswith("WCAG 2.1 nivå A och AA (axe-core 4.14.1")


def test_feedback_address_is_on_contact_and_statement_pages(tmp_path, tiny_site):
    shutil.copytree(BASE, tmp_path / "content")
    (tmp_path / "content/pages/sv/kontakt.md").write_text(
        "key: kontakt\ntitle: Kontakt\nsummary: Så når du oss.\nrole: contact\n\nText.\n"
    )
    out = tiny_site({}, CONTACT_EMAIL="redaktion@example.org")
    contact = page(out, "/kontakt/").select_one(".contact-ways")
    assert contact.select_one("a[href^='mailto:']")["href"] == (
        "mailto:redaktion@example.org"
    )
    # The preview's made-up phone and address are there, and said to be examples.
    assert contact.select_one("a[href^='tel:']")["href"] == "tel:+46470000000"
    assert "Exempelgatan 1, 352 30 Växjö" in contact.text
    assert "Exempel:" in contact.select_one(".illustrative-note").text


def test_published_contact_details_come_from_settings_unmarked(tmp_path, tiny_site):
    shutil.copytree(BASE, tmp_path / "content")
    (tmp_path / "content/pages/sv/kontakt.md").write_text(
        "key: kontakt\ntitle: Kontakt\nsummary: Så når du oss.\nrole: contact\n\nText.\n"
    )
    out = tiny_site(
        {},
        CONTACT_EMAIL="info@destinationsmaland.example",
        CONTACT_PHONE="+46 470 12 34 56",
        CONTACT_ADDRESS="Box 1, 351 03 Växjö",
        CONTACT_EXAMPLE=False,
    )
    contact = page(out, "/kontakt/").select_one(".contact-ways")
    assert contact.select_one("a[href^='tel:']")["href"] == "tel:+46470123456"
    assert "Box 1, 351 03 Växjö" in contact.text
    assert contact.select_one(".illustrative-note") is None
