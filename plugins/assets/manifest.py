"""Content-hashed names for theme files: a changed file gets a new URL, so it can be cached for good."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Hex digits of the SHA-256 in a name: the same length as the widget scripts', which
# deploy/nginx.conf caches as immutable by this very pattern.
HASH_LENGTH = 12
# url(...) to a file of our own would keep pointing at an unhashed name.
_LOCAL_URL = re.compile(r"url\(\s*['\"]?(?!data:|#)([^'\")]+)", re.IGNORECASE)


class AssetsError(ValueError):
    """A theme file that cannot be published under a hashed name, or an unknown one."""


@dataclass(frozen=True)
class Asset:
    """One theme file: where it is, and the name it is published under."""

    source: Path
    name: str  # "css/site.css"
    hashed: str  # "css/site.3f2a9c1b0d4e.css"


def hashed_name(name: str, data: bytes) -> str:
    """`css/site.css` → `css/site.<first 12 hex digits of SHA-256>.css`."""
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def collect(folder: Path) -> dict[str, Asset]:
    """Every file under `folder` by its relative name, in a stable order."""
    assets: dict[str, Asset] = {}
    for source in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = source.relative_to(folder).as_posix()
        data = source.read_bytes()
        if source.suffix == ".css" and (match := _LOCAL_URL.search(data.decode())):
            raise AssetsError(
                f"{name}: url({match[1]}) would point at an unhashed file; inline it "
                "as a data: URL or link it from a template with asset_url()"
            )
        assets[name] = Asset(source, name, hashed_name(name, data))
    return assets


def asset_url(assets: dict[str, Asset], prefix: str, name: str) -> str:
    """The URL a template links: `asset_url("css/site.css")` → `/assets/css/site.<hash>.css`."""
    try:
        return f"{prefix}{assets[name].hashed}"
    except KeyError:
        known = ", ".join(assets) or "none"
        raise AssetsError(
            f"asset_url({name!r}): no such theme file; known: {known}"
        ) from None
