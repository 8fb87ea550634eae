"""Responsive images from real JPEGs: orientation, no metadata, sizes, cache by content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build
from pages import page
from PIL import Image

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
ORIENTATION = 0x0112
MAKE = 0x010F


def camera_jpeg(path: Path, size=(1600, 900), colour=(200, 40, 40)) -> None:
    """A landscape sensor image that the camera says to show rotated (EXIF 6)."""
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[MAKE] = "TestCam"
    image.save(path, "JPEG", exif=exif.tobytes(), quality=90)


@pytest.fixture
def photo_site(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    camera_jpeg(content / "images/photo.jpg")
    kosta = content / "destinations/sv/kosta-glasbruk.md"
    kosta.write_text(kosta.read_text().replace("image: glass.svg", "image: photo.jpg"))

    def make():
        return build(
            content, tmp_path / "output", IMAGES={"cache": str(tmp_path / "cache")}
        )

    return content, make


def test_variants_are_upright_stripped_and_sized(photo_site):
    _content, make = photo_site
    out = make()
    files = sorted(p.name for p in (out / "images").glob("photo*"))
    assert files == [
        "photo-480.jpg",
        "photo-480.webp",
        "photo-800.jpg",
        "photo-800.webp",
        "photo-900.jpg",
        "photo-900.webp",
    ]
    for name in files:
        with Image.open(out / "images" / name) as image:
            width = int(name.split("-")[1].split(".")[0])
            assert image.size == (width, round(1600 * width / 900))  # portrait now
            assert dict(image.getexif()) == {}
            assert "exif" not in image.info and "icc_profile" not in image.info
    assert not (
        out / "images/photo.jpg"
    ).exists()  # the original, with its EXIF, stays home


def test_pages_use_picture_with_webp_sizes_and_lazy_cards(photo_site):
    _content, make = photo_site
    out = make()
    hero = page(out, "/destinationer/kosta-glasbruk/").select_one(".item-image picture")
    assert hero.source["type"] == "image/webp"
    assert hero.source["srcset"].startswith("/images/photo-480.webp 480w")
    img = hero.img
    assert (img["src"], img["width"], img["height"]) == (
        "/images/photo-800.jpg",
        "800",
        "1422",
    )
    assert img["alt"] == "Tecknad glasblåsare" and not img.has_attr("loading")
    card = page(out, "/destinationer/").select_one(".card picture img")
    assert not card.has_attr("loading") and card["alt"] == ""  # first row: in view
    for soup in (page(out, "/"), page(out, "/destinationer/")):
        for image in soup.find_all("img"):
            assert image.has_attr("width") and image.has_attr("height")


def test_rebuild_processes_only_the_changed_image(photo_site, tmp_path):
    content, _make = photo_site
    camera_jpeg(content / "images/other.jpg", colour=(10, 120, 10))
    assert processed_in(content, tmp_path) == 2  # a cold cache
    assert processed_in(content, tmp_path) == 0  # nothing changed
    camera_jpeg(content / "images/other.jpg", colour=(10, 10, 200))
    assert processed_in(content, tmp_path) == 1  # only the changed one
    # The replaced photo's old variants are gone from the cache: one folder per photo.
    from images.generator import VARIANT_FOLDER

    folders = [
        p for p in (tmp_path / "cache").iterdir() if VARIANT_FOLDER.match(p.name)
    ]
    assert len(folders) == 2


def processed_in(content: Path, tmp_path: Path) -> int:
    from conftest import BUILD_DATE, BUILD_TIME
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "I18N_TRANSLATIONS_PATH": str(ROOT / "translations"),
            "BUILD_DATE": BUILD_DATE,
            "BUILD_TIME": BUILD_TIME,
            "IMAGES": {"cache": str(tmp_path / "cache")},
        },
    )
    site = Pelican(settings)
    site.run()
    return site.settings["IMAGES_PROCESSED"]


def test_cards_below_the_first_row_and_body_images_load_lazily(real_site):
    cards = page(real_site, "/destinationer/").select(".card")
    pictures = [
        (n, c.select_one("img")) for n, c in enumerate(cards) if c.select_one("img")
    ]
    assert len(pictures) > 6 and pictures[0][0] < 3
    for number, img in pictures:
        assert img.has_attr("loading") == (number >= 3), (number, img)


def test_body_image_with_a_title_becomes_responsive(photo_site):
    content, make = photo_site
    story = content / "stories/sv/berattelse.md"
    story.write_text(story.read_text() + '\n![Ett foto]({image}photo.jpg "Bildtext")\n')
    out = make()
    img = page(out, "/berattelser/berattelse/").select_one(".prose picture img")
    assert (
        img["alt"] == "Ett foto" and img["loading"] == "lazy" and img["width"] == "800"
    )
