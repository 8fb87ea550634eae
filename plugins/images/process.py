"""Responsive variants of raster images with Pillow: oriented, stripped, cached by content.

Pure of Pelican: give it a source file and a cache folder, get back the variants.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps

RASTER = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
WIDTHS = (480, 800, 1200)
QUALITY = {"JPEG": 82, "WEBP": 80}
MIME = {"JPEG": "image/jpeg", "PNG": "image/png"}


@dataclass(frozen=True)
class Variant:
    url: str
    width: int
    height: int
    mime: str


@dataclass
class ImageSet:
    """One image as pages show it: intrinsic size, and variants per format."""

    name: str
    width: int
    height: int
    fallback: list[Variant] = field(default_factory=list)  # JPEG/PNG (or the SVG)
    webp: list[Variant] = field(default_factory=list)

    @property
    def src(self) -> Variant:
        """The default <img src>: the variant closest to 800 px wide."""
        return min(self.fallback, key=lambda v: abs(v.width - 800))

    def srcset(self, variants: list[Variant]) -> str:
        return ", ".join(f"{v.url} {v.width}w" for v in variants)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:20]


def target_widths(width: int) -> list[int]:
    """The standard widths below the original, plus the original when it is smaller."""
    widths = [w for w in WIDTHS if w < width]
    return [*widths, min(width, WIDTHS[-1])]


def variants_folder(source: Path, cache: Path) -> Path:
    """Where the variants of `source` are cached: named by a digest of its bytes."""
    return cache / digest(source.read_bytes())


def process(
    source: Path, cache: Path, url_prefix: str = "/images/", folder: Path | None = None
) -> tuple[ImageSet, dict[str, Path], int]:
    """Variants of `source`: (the set, {output name: cached file}, images processed now).

    `folder`: its variants_folder, when the caller has read the photo already."""
    folder = folder or variants_folder(source, cache)
    fmt = RASTER[source.suffix.lower()]
    if fmt == "WEBP":
        fmt = "PNG"  # a WebP source still gets a broadly supported fallback
    ext = "jpg" if fmt == "JPEG" else "png"
    done = folder / "done"
    processed = 0
    if not done.is_file():
        make_variants(source, folder, fmt, ext)
        processed = 1
    sizes = dict(
        line.split(" ", 1) for line in (folder / "sizes").read_text().splitlines()
    )
    width, height = (int(x) for x in sizes["original"].split("x"))
    files: dict[str, Path] = {}
    image = ImageSet(source.name, width, height)
    for name, size in sorted(sizes.items()):
        if name == "original":
            continue
        w, h = (int(x) for x in size.split("x"))
        out_name = f"{source.stem}-{name}"
        files[out_name] = folder / name
        mime = "image/webp" if name.endswith(".webp") else MIME[fmt]
        variant = Variant(url_prefix + out_name, w, h, mime)
        (image.webp if name.endswith(".webp") else image.fallback).append(variant)
    image.fallback.sort(key=lambda v: v.width)
    image.webp.sort(key=lambda v: v.width)
    return image, files, processed


def make_variants(source: Path, folder: Path, fmt: str, ext: str) -> None:
    """Write every variant into a fresh folder, then mark it done (safe if killed)."""
    work = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    with Image.open(source) as opened:
        # Apply the camera's orientation, then drop EXIF, GPS and every other metadata.
        upright = ImageOps.exif_transpose(opened)
        if fmt == "JPEG":
            upright = upright.convert("RGB")
        sizes = [f"original {upright.width}x{upright.height}"]
        larger = upright
        # Largest first, each from the one before: as sharp, and a fraction of the work.
        for width in sorted(target_widths(upright.width), reverse=True):
            height = round(upright.height * width / upright.width)
            resized = larger.resize((width, height), Image.Resampling.LANCZOS)
            larger = resized
            save(resized, work / f"{width}.{ext}", fmt)
            save(resized, work / f"{width}.webp", "WEBP")
            sizes += [
                f"{width}.{ext} {width}x{height}",
                f"{width}.webp {width}x{height}",
            ]
    (work / "sizes").write_text("\n".join(sizes) + "\n")
    (work / "done").write_text("")
    shutil.rmtree(folder, ignore_errors=True)
    work.rename(folder)


def save(image: Image.Image, path: Path, fmt: str) -> None:
    """Save without metadata: Pillow writes EXIF/ICC only when asked to."""
    options = {"optimize": True}
    if fmt in QUALITY:
        options["quality"] = QUALITY[fmt]
    if fmt == "JPEG":
        options["progressive"] = True
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "dpi"):
        image.info.pop(key, None)
    image.save(path, fmt, **options)
