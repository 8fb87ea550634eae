"""What a first visit to each page costs on the wire: the page, its CSS and its scripts, gzipped."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checks.pages import redirected
from lxml import html
from precompress.compress import gzip_bytes

# 50 KB for a page with everything it needs to render, compressed (issue 6).
BUDGET = 51_200


@dataclass(frozen=True)
class PageWeight:
    url: str
    html: int  # gzip bytes of the page
    assets: int  # gzip bytes of its stylesheets and scripts

    @property
    def total(self) -> int:
        return self.html + self.assets


def page_url(site: Path, path: Path) -> str:
    url = "/" + path.relative_to(site).as_posix()
    return url.removesuffix("index.html")


def referenced(document: bytes) -> list[str]:
    """Root-relative URLs of the stylesheets and scripts a page loads."""
    root = html.fromstring(document)
    urls = root.xpath("//link[@rel='stylesheet']/@href | //script/@src")
    return [u for u in urls if u.startswith("/") and not u.startswith("//")]


def gzipped(file: Path) -> int:
    """The build's own .gz when it has one (as nginx serves it), else gzip -9 now."""
    ready = file.with_name(file.name + ".gz")
    return len(ready.read_bytes() if ready.is_file() else gzip_bytes(file.read_bytes()))


def weigh(site: Path) -> list[PageWeight]:
    """Every HTML page of a built site, heaviest first (not the small pages of moved
    addresses, which nginx answers with a 301 instead)."""
    moved = redirected(site)
    sizes: dict[str, int] = {}
    weights = []
    for path in sorted(site.rglob("*.html")):
        if page_url(site, path) in moved:
            continue
        assets = 0
        for url in dict.fromkeys(referenced(path.read_bytes())):
            if url not in sizes:
                sizes[url] = gzipped(site / url.split("?")[0].lstrip("/"))
            assets += sizes[url]
        weights.append(PageWeight(page_url(site, path), gzipped(path), assets))
    return sorted(weights, key=lambda w: (-w.total, w.url))
