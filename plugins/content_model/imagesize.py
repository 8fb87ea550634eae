"""Intrinsic size of an image file, for width/height attributes and feeds."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from PIL import Image

SVG_SIZE = re.compile(rb'<svg\b[^>]*?\bwidth="(\d+)"[^>]*?\bheight="(\d+)"', re.S)
SVG_VIEWBOX = re.compile(
    rb'<svg\b[^>]*?\bviewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"', re.S
)


@cache
def image_size(path: Path) -> tuple[int, int]:
    """(width, height) in pixels; an SVG's from its width/height or viewBox."""
    if path.suffix.lower() == ".svg":
        head = path.read_bytes()[:4096]
        match = SVG_SIZE.search(head) or SVG_VIEWBOX.search(head)
        if match is None:
            raise ValueError(f"{path}: an SVG needs width and height, or a viewBox")
        return round(float(match[1])), round(float(match[2]))
    with Image.open(path) as image:
        return image.size
