"""Find content files on disk and read them into documents."""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache
from pathlib import Path

from PIL import Image

from .credits import read_credits
from .document import decode, parse_document
from .errors import ContentError
from .schema import TYPES
from .validate import Source

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif"}


def find_sources(
    content_dir: Path, languages: tuple[str, ...]
) -> tuple[list[Source], list[ContentError]]:
    """Every content/<type>/<lang>/<slug>.md, in a stable order."""
    sources: list[Source] = []
    errors: list[ContentError] = []
    root, name = str(content_dir), content_dir.name
    for parts in sorted(markdown_files(root)):
        if len(parts) == 1 or parts[0] == "images":
            continue  # README.md, CREDITS.md: documentation, not content
        path, shown, problem = placed(root, name, parts, languages)
        if problem:
            errors.append(ContentError(shown, 1, "file", *problem))
            continue
        sources.append(read_source(path, shown, parts[0], parts[1]))
    return sources, errors


@cache
def placed(
    root: str, name: str, parts: tuple[str, ...], languages: tuple[str, ...]
) -> tuple[str, str, tuple[str, str] | None]:
    """A file's path, its name in messages, and what is wrong with its place (once per
    file and process: livereload lists ten thousand files per build)."""
    shown = "/".join((name, *parts))
    return os.path.join(root, *parts), shown, place_problem(parts, languages)


def markdown_files(folder: str, parts: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every *.md below `folder` as path parts (os.scandir: ten thousand files are
    listed on every livereload build, and pathlib's rglob is several times slower)."""
    found: list[tuple[str, ...]] = []
    with os.scandir(folder) as listing:
        for item in listing:
            if item.is_dir():
                found += markdown_files(item.path, (*parts, item.name))
            elif item.name.endswith(".md") and item.is_file():
                found.append((*parts, item.name))
    return found


# path -> (mtime, size, source): a long-lived process (livereload) reads only what
# changed. Sources are never modified once read.
_read: dict[str, tuple[int, int, Source]] = {}


def read_source(path: str, shown: str, content_type: str, lang: str) -> Source:
    info = os.stat(path)
    known = _read.get(path)
    if known and known[:2] == (info.st_mtime_ns, info.st_size):
        return known[2]
    with open(path, "rb") as handle:
        text, decode_errors = decode(handle.read(), shown)
    document = parse_document(text, shown)
    document.errors.extend(decode_errors)
    source = Source(content_type, lang, Path(path).stem, document)
    _read[path] = (info.st_mtime_ns, info.st_size, source)
    return source


def place_problem(
    parts: tuple[str, ...], languages: tuple[str, ...]
) -> tuple[str, str] | None:
    """Why a file (its path parts below content/) is in the wrong place, as (problem,
    fix); None when it is right."""
    folder, file = parts[0], parts[-1]
    slug = file.removesuffix(".md")
    if folder not in TYPES:
        return (
            f"is in an unknown folder {folder!r}",
            f"move it to one of: {', '.join(TYPES)}",
        )
    if len(parts) != 3 or parts[1] not in languages:
        return (
            "is not in a language folder",
            f"put it at content/{folder}/<lang>/<slug>.md, <lang> one of "
            f"{', '.join(languages)}",
        )
    if not SLUG.match(slug):
        return (
            f"the file name {file!r} is not a valid slug",
            "use lower-case a-z, digits and hyphens: kosta-glasbruk.md",
        )
    if slug.isdigit() and folder != "pages":
        return (
            f"the file name {file!r} is a number: the listing's pages take those "
            f"addresses (…/{slug}/ is its page {slug})",
            f"add a word to the name, e.g. {slug}-vaxjo.md",
        )
    return None


RASTER = {".jpg", ".jpeg", ".png", ".webp"}


def image_errors(content_dir: Path) -> list[ContentError]:
    """Photos Pillow cannot read, and names whose published variants would collide."""
    folder = content_dir / "images"
    if not folder.is_dir():
        return []
    errors: list[ContentError] = []
    stems: dict[str, str] = {}
    credits = read_credits(folder / CREDITS)
    for path in sorted(folder.iterdir()):
        shown = f"{content_dir.name}/images/{path.name}"
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            continue
        errors += name_and_credit_errors(path.name, shown, credits)
        if path.suffix.lower() not in RASTER:
            continue
        try:
            with Image.open(path) as image:
                image.verify()
        except (OSError, SyntaxError, Image.DecompressionBombError):
            errors.append(
                ContentError(
                    shown,
                    1,
                    "file",
                    "is not an image that can be read",
                    "export it again as JPEG, PNG or WebP (at most about 90 megapixels)",
                )
            )
        other = stems.setdefault(path.stem.lower(), path.name)
        if other != path.name:
            errors.append(
                ContentError(
                    shown,
                    1,
                    "file",
                    f"has the same name as {other} but another ending",
                    "rename one of them: both would be published as the same files",
                )
            )
    return errors


# A published image's name is part of URLs and of srcset lists (where a space splits
# one candidate in two): lower-case letters, digits, hyphens and dots only.
SAFE_IMAGE_NAME = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*\.[a-z0-9]+")
CREDITS = "CREDITS.md"


def safe_image_name(name: str) -> str:
    """The name to rename an image to: 'Utsikt från Trollberget.JPG' → 'utsikt-fran-trollberget.jpg'."""
    stem, _, suffix = name.rpartition(".")
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "image"
    return f"{slug}.{suffix.lower()}"


def name_and_credit_errors(
    name: str, shown: str, credits: dict[str, str]
) -> list[ContentError]:
    errors = []
    if not SAFE_IMAGE_NAME.fullmatch(name):
        errors.append(
            ContentError(
                shown,
                1,
                "file",
                "the name has capitals, spaces or letters outside a-z, which break "
                "image addresses",
                f"rename it to {safe_image_name(name)} (and its uses in content files)",
            )
        )
    if name not in credits:
        errors.append(
            ContentError(
                shown,
                1,
                "credit",
                f"is not listed in {CREDITS}, and an image without a credit must not "
                "be published",
                f"add a row to content/images/{CREDITS}: | `{name}` | what it shows | "
                "who made it; licence |",
            )
        )
    return errors


def find_images(content_dir: Path) -> frozenset[str]:
    images = content_dir / "images"
    if not images.is_dir():
        return frozenset()
    return frozenset(
        p.relative_to(images).as_posix()
        for p in images.rglob("*")
        if p.suffix.lower() in IMAGE_SUFFIXES
    )
