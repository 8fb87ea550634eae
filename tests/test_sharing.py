"""Sharing previews: Open Graph and Twitter tags on every page, with the item's own
1200×630 card (made once per image) or the site's card; real JPEGs with Pillow."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT, build
from images.cards import SIZE, card_for
from pages import page
from PIL import Image

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
LOCALES = {"sv": "sv_SE", "en": "en_GB", "de": "de_DE", "da": "da_DK", "nl": "nl_NL"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("sharing") / "content"
    shutil.copytree(BASE, content)
    return build(content, tmp_path_factory.mktemp("out") / "output")


def tags(soup) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in soup.find_all("meta"):
        key = meta.get("property") or meta.get("name")
        if key and (key.startswith("og:") or key.startswith("twitter:")):
            found.setdefault(key, []).append(meta["content"])
    return found


def test_an_item_shares_its_own_picture_title_and_languages(site):
    soup = page(site, "/destinationer/kosta-glasbruk/")
    og = tags(soup)
    assert og["og:title"] == ["Kosta glasbruk"]
    assert og["og:description"] == [
        soup.find("meta", attrs={"name": "description"})["content"]
    ]
    assert og["og:url"] == [soup.find("link", rel="canonical")["href"]]
    assert og["og:locale"] == ["sv_SE"]
    assert og["og:locale:alternate"] == ["de_DE", "en_GB"]  # the item's translations
    assert og["og:image"][0].endswith("/images/og-glass.jpg")
    assert og["og:image:width"] == ["1200"] and og["og:image:height"] == ["630"]
    assert og["og:image:alt"] == ["Tecknad glasblåsare"]
    assert og["twitter:card"] == ["summary_large_image"]
    with Image.open(site / "images" / "og-glass.jpg") as card:
        assert card.size == SIZE and card.format == "JPEG"


def test_every_page_of_every_language_has_the_tags_and_an_existing_picture(site):
    pages = [p for p in site.rglob("index.html") if "widgets" not in p.parts]
    assert len(pages) > 20
    for path in pages:
        og = tags(page(site, "/" + path.relative_to(site).parent.as_posix() + "/"))
        assert {
            "og:title",
            "og:description",
            "og:url",
            "og:image",
            "og:locale",
            "twitter:card",
        } <= set(og), path
        image = site / og["og:image"][0].split("/", 3)[3]
        assert image.is_file(), (path, image)
        lang = og["og:locale"][0]
        assert lang in LOCALES.values()


def test_pages_without_a_picture_share_the_site_card(site):
    og = tags(page(site, "/en/"))
    assert og["og:image"][0].endswith("/images/og-site.jpg")
    with Image.open(site / "images" / "og-site.jpg") as card:
        assert card.size == SIZE


def test_a_card_is_made_once_per_image_not_per_language(site):
    cards = sorted(p.name for p in (site / "images").glob("og-*.jpg"))
    images = sorted(
        p for p in (site / "images").iterdir() if not p.name.startswith("og-")
    )
    sources = {
        p.stem for p in (BASE / "images").iterdir() if p.suffix in (".svg", ".jpg")
    }
    assert cards == sorted([*(f"og-{s}.jpg" for s in sources), "og-site.jpg"])
    assert images  # the images themselves are still there
    assert len(LANGUAGES) > 1


def test_a_photo_is_turned_upright_and_cropped_to_fill_the_card(tmp_path):
    """A camera JPEG stored sideways (EXIF orientation 6), taller than wide."""
    photo = Image.new("RGB", (400, 300), (200, 30, 30))
    photo.paste((30, 30, 200), (0, 0, 200, 300))  # left half blue, as stored
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to show
    source = tmp_path / "sideways.jpg"
    photo.save(source, "JPEG", exif=exif)
    card = card_for(source, tmp_path / "cache")
    with Image.open(card) as made:
        assert made.size == SIZE
        assert "exif" not in made.info
        # Shown upright the blue half is on top: the card (a crop of the middle) is
        # blue above and red below.
        top = made.getpixel((600, 5))
        bottom = made.getpixel((600, 625))
        assert top[2] > 150 and top[0] < 100
        assert bottom[0] > 150 and bottom[2] < 100
    assert card_for(source, tmp_path / "cache") == card  # cached: made once
