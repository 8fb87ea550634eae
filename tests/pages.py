"""Reading built pages the way a browser and a search engine would."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def page(output: Path, url: str) -> BeautifulSoup:
    """The page served at root-relative `url` ('/en/x/' -> en/x/index.html)."""
    path = url.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return BeautifulSoup((output / path).read_text(encoding="utf-8"), "lxml")


def hreflangs(soup: BeautifulSoup) -> dict[str, str]:
    return {
        link["hreflang"]: link["href"]
        for link in soup.select('head link[rel="alternate"][hreflang]')
    }


def switcher(soup: BeautifulSoup) -> dict[str, dict[str, str]]:
    return {
        a["lang"]: {"href": a["href"], "text": a.get_text(strip=True)}
        for a in soup.select("nav.languages a")
    }
