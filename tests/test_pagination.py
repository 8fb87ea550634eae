"""Long listings in pages: /evenemang/, /evenemang/2/ …, linked, translated, in the sitemap."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from checks import accessibility, html_validation, links
from conftest import ROOT, build
from content_model.errors import ContentValidationError
from content_model.settings import ContentSettingsError, resolve
from pages import hreflangs, page, switcher

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
CONTENT = resolve(None)


def event(key: str, day: str) -> str:
    return (
        f"key: {key}\ntitle: Konsert {key}\nsummary: En konsert.\n"
        f"start: {day} 18:00\nend: {day} 20:00\nvenue: Linnéparken\naddress: none\n"
        "municipality: vaxjo\ncategory: music\nprice: 100\norganizer: Växjö kommun\n"
        "\nText.\n"
    )


@pytest.fixture
def paged(tmp_path: Path) -> Path:
    """The base site with three more events (two of them over), one card a page."""
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    # The build's date is 2027-03-01 (conftest.BUILD_DATE).
    for key, day in (
        ("var", "2027-04-10"),
        ("host", "2026-10-03"),
        ("vinter", "2027-01-15"),
    ):
        (content / "events" / "sv" / f"{key}.md").write_text(event(key, day))
    # Stories are hidden where untranslated: two pages in English and German, one in
    # Swedish (the default language).
    for lang in ("en", "de"):
        for number in (1, 2):
            (content / "stories" / lang).mkdir(parents=True, exist_ok=True)
            (content / "stories" / lang / f"story-{number}.md").write_text(
                f"key: story-{number}\ntitle: Story {number} {lang}\n"
                f"summary: A story.\ndate: 2027-01-1{number}\n\nText.\n"
            )
    return build(
        content, tmp_path / "output", CONTENT={**CONTENT, "listing_page_size": 1}
    )


def titles(soup: BeautifulSoup, section: str) -> list[str]:
    heading = soup.find(id=f"{section}-heading")
    if heading is None:
        return []
    return [a.get_text(strip=True) for a in heading.parent.select(".card-title a")]


def test_a_long_listing_is_split_into_linked_pages(paged):
    first = page(paged, "/destinationer/")
    second = page(paged, "/destinationer/2/")
    assert len(first.select("article.card")) == len(second.select("article.card")) == 1
    assert not (paged / "destinationer" / "3").exists()
    # Each page says which it is, in its title and heading, and links the others.
    assert first.title.get_text().startswith("Besöksmål –")
    assert second.title.get_text().startswith("Besöksmål, sida 2 –")
    assert second.h1.get_text(strip=True) == "Besöksmål, sida 2"
    nav = second.select_one("nav.pagination")
    assert nav["aria-label"] == "Sidor i listan"
    assert nav.p.get_text(strip=True) == "Sida 2 av 2"
    current = nav.select_one("a[aria-current=page]")
    assert current["href"] == "/destinationer/2/" and current.get_text() == "2"
    assert nav.select_one("a[rel=prev]")["href"] == "/destinationer/"
    assert nav.select_one("a[rel=next]") is None
    assert first.select_one("nav.pagination a[rel=next]")["href"] == "/destinationer/2/"
    # A listing that fits on one page has no page links.
    assert page(paged, "/berattelser/").select_one("nav.pagination") is None


def test_pages_are_translated_and_point_at_each_other(paged):
    soup = page(paged, "/en/destinations/2/")
    assert soup.h1.get_text(strip=True) == "Destinations, page 2"
    assert soup.select_one("nav.pagination a[rel=prev]").get_text() == "Previous page"
    assert hreflangs(soup)["sv"].endswith("/destinationer/2/")
    assert hreflangs(page(paged, "/destinationer/2/"))["en"].endswith(
        "/en/destinations/2/"
    )
    # A page that the default language lacks: every copy names the same x-default.
    english, german = page(paged, "/en/stories/2/"), page(paged, "/de/geschichten/2/")
    assert not (paged / "berattelser" / "2").exists()
    assert hreflangs(english) == hreflangs(german)
    assert set(hreflangs(english)) == {"en", "de", "x-default"}
    assert hreflangs(english)["x-default"].endswith("/en/stories/2/")
    # Readers of Swedish are sent to the first page of the Swedish listing.
    assert switcher(english)["sv"]["href"] == "/berattelser/"
    sitemap = BeautifulSoup((paged / "sitemap.xml").read_bytes(), "xml")
    locs = {loc.get_text() for loc in sitemap.find_all("loc")}
    assert any(loc.endswith("/de/reiseziele/2/") for loc in locs)


def test_events_run_on_from_upcoming_to_past_pages(paged):
    pages = [page(paged, "/evenemang/")] + [
        page(paged, f"/evenemang/{n}/") for n in (2, 3, 4)
    ]
    assert not (paged / "evenemang" / "5").exists()
    upcoming = [titles(p, "upcoming") for p in pages]
    past = [titles(p, "past") for p in pages]
    # Soonest first, then the ones that are over, the latest first.
    assert upcoming == [["Konsert var"], ["Sommarkonsert"], [], []]
    assert past == [[], [], ["Konsert vinter"], ["Konsert host"]]
    # Every page of the events listing keeps the ways to browse them.
    assert all(p.select_one("nav.event-filters") for p in pages)


def test_paged_listings_pass_the_link_html_and_accessibility_gates(paged, tmp_path):
    assert [str(f) for f in links.check(paged, "http://127.0.0.1:8000").findings] == []
    assert [str(f) for f in html_validation.check(ROOT, paged).findings] == []
    # axe on the listings' later pages only (in a copy: the gate checks every page).
    only = tmp_path / "later-pages"
    shutil.copytree(paged, only)
    for html in only.rglob("*.html"):
        if not html.parent.name.isdigit():
            html.unlink()
    assert len(list(only.rglob("*.html"))) >= 10
    result = accessibility.check(ROOT, only, every_page=True)
    assert [str(f) for f in result.findings] == []
    assert result.pages >= 10


def test_a_file_named_by_a_number_would_take_a_listing_page(tmp_path, tiny_site):
    shutil.copytree(BASE, tmp_path / "content")
    text = (BASE / "destinations" / "sv" / "bara-svensk.md").read_text()
    (tmp_path / "content" / "destinations" / "sv" / "2.md").write_text(
        text.replace("key: bara-svensk", "key: tvaan")
    )
    with pytest.raises(ContentValidationError) as caught:
        tiny_site({})
    message = str(caught.value.errors[0])
    assert "content/destinations/sv/2.md:1: file:" in message
    assert "page 2" in message and "2-vaxjo.md" in message


@pytest.mark.parametrize("size", [0, -3, 2.5, "48", True])
def test_page_size_must_be_a_whole_number(size):
    with pytest.raises(ContentSettingsError, match="listing_page_size"):
        resolve({"listing_page_size": size})
