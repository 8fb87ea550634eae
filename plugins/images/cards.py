"""Sharing cards: the 1200×630 picture a chat or social network shows with a shared
link (og:image). One per image, not per language or page, cached by content like the
other variants; and one branded card of the site for pages without a picture.

Pure of Pelican. Photos are cropped to fill the card (oriented, metadata dropped);
drawings (SVG) are rendered with resvg (no system fonts: the same bytes everywhere).
"""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import resvg_py
from PIL import Image, ImageDraw, ImageFont, ImageOps

from .process import RASTER, save

SIZE = (1200, 630)
# Bump when the way cards are made changes: the cached cards are made again.
VERSION = "2"
BRAND = {"lake": (31, 78, 105), "forest": (38, 70, 52), "light": (238, 244, 241)}


def card_name(source: Path) -> str:
    return f"{source.stem}.jpg"


def cached_card(source: Path, cache: Path) -> Path:
    """Where the card of `source` is kept: named by the image's bytes."""
    key = hashlib.sha256(VERSION.encode() + source.read_bytes()).hexdigest()[:20]
    return cache / "cards" / f"{key}.jpg"


def card_for(source: Path, cache: Path) -> Path:
    """The cached card of `source` (made now if it is not there yet)."""
    target = cached_card(source, cache)
    if not target.is_file():
        picture = picture_of(source)
        card = ImageOps.fit(
            picture, SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.5)
        )
        write(card, target)
    return target


def picture_of(source: Path) -> Image.Image:
    if source.suffix.lower() == ".svg":
        png = resvg_py.svg_to_bytes(
            svg_path=str(source), width=SIZE[0], skip_system_fonts=True
        )
        drawn = Image.open(io.BytesIO(bytes(png)))
        background = Image.new("RGB", drawn.size, BRAND["light"])
        background.paste(
            drawn, mask=drawn.getchannel("A") if "A" in drawn.getbands() else None
        )
        return background
    if source.suffix.lower() not in RASTER:
        raise ValueError(f"{source.name}: not an image a card can be made of")
    with Image.open(source) as opened:
        return ImageOps.exif_transpose(opened).convert("RGB")


def site_card(cache: Path, name: str, region: str) -> Path:
    """The site's own card: its name on the lake colour over a forest horizon."""
    key = hashlib.sha256(f"{VERSION}|{name}|{region}".encode()).hexdigest()[:20]
    target = cache / "cards" / f"site-{key}.jpg"
    if target.is_file():
        return target
    card = Image.new("RGB", SIZE, BRAND["lake"])
    draw = ImageDraw.Draw(card)
    width, height = SIZE
    # A forest horizon of triangles (spruce) and the lake below it.
    draw.rectangle((0, 470, width, height), fill=BRAND["forest"])
    for n, x in enumerate(range(-20, width + 40, 46)):
        top = 360 + (n * 37) % 70
        draw.polygon([(x, 480), (x + 23, top), (x + 46, 480)], fill=BRAND["forest"])
    draw.rectangle((0, 540, width, height), fill=(46, 104, 136))
    title = ImageFont.load_default(size=92)
    subtitle = ImageFont.load_default(size=44)
    lettering(draw, (80, 120), name, title, (255, 255, 255))
    lettering(draw, (84, 250), region, subtitle, BRAND["light"])
    write(card, target)
    return target


def lettering(
    draw: ImageDraw.ImageDraw, at: tuple[int, int], text: str, font, fill
) -> None:
    """Text in Pillow's own font, which has no å: an a with its ring drawn on, so the
    card needs no font from the system (the same bytes on every machine)."""
    x, y = at
    parts = text.split("å")
    for number, part in enumerate(parts):
        draw.text((x, y), part, font=font, fill=fill)
        x += font.getlength(part)
        if number == len(parts) - 1:
            break
        draw.text((x, y), "a", font=font, fill=fill)
        width = font.getlength("a")
        top = font.getbbox("a")[1]
        ring = width * 0.22
        centre = (x + width / 2, y + top - ring * 1.5)
        draw.ellipse(
            (centre[0] - ring, centre[1] - ring, centre[0] + ring, centre[1] + ring),
            outline=fill,
            width=max(2, round(ring / 2.5)),
        )
        x += width


def write(card: Image.Image, target: Path) -> None:
    """Written beside, then renamed: a killed build leaves no half card."""
    target.parent.mkdir(parents=True, exist_ok=True)
    work = target.with_suffix(".tmp")
    save(card, work, "JPEG")
    shutil.move(work, target)
