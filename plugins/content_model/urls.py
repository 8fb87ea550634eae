"""The URL scheme: one place decides where every page of every language lives."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .model import Item

SEGMENT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

URL_CONTEXT = "URL path"


def url_segment(context: str, name: str) -> str:
    """Extraction marker (keyword url_segment:1c,2): the catalogs translate folder names."""
    return name


# Folder names, in English; each catalog translates them with msgctxt "URL path".
SEGMENTS = (
    url_segment("URL path", "destinations"),
    url_segment("URL path", "events"),
    url_segment("URL path", "activities"),
    url_segment("URL path", "packages"),
    url_segment("URL path", "stories"),
    url_segment("URL path", "municipalities"),
)


class UrlSchemeError(ValueError):
    """A translated folder name that cannot be a URL segment."""


@dataclass(frozen=True)
class Router:
    """Root-relative URLs ('/en/events/') and the files that serve them."""

    default_lang: str
    segment_for: Callable[[str, str], str]  # (lang, english segment) -> segment

    def home(self, lang: str) -> str:
        return "/" if lang == self.default_lang else f"/{lang}/"

    def segment(self, lang: str, name: str) -> str:
        segment = self.segment_for(lang, name)
        if not SEGMENT.match(segment):
            raise UrlSchemeError(
                f"translations/{lang}: the URL folder for {name!r} is {segment!r}; "
                'translate it (msgctxt "URL path") with a-z, digits and hyphens'
            )
        return segment

    def listing(self, lang: str, content_type: str) -> str:
        return f"{self.home(lang)}{self.segment(lang, content_type)}/"

    def listing_page(self, lang: str, content_type: str, number: int) -> str:
        """Page `number` of a listing: the first is the listing itself."""
        listing = self.listing(lang, content_type)
        return listing if number == 1 else f"{listing}{number}/"

    def item(self, item: Item) -> str:
        if item.type == "pages":
            if item.get("role") == "home":
                return self.home(item.lang)
            return f"{self.home(item.lang)}{item.slug}/"
        return f"{self.listing(item.lang, item.type)}{item.slug}/"

    def not_found(self, lang: str) -> str:
        return f"{self.home(lang)}404.html"


def save_as(url: str) -> str:
    """The output file for a root-relative URL: '/en/x/' -> 'en/x/index.html'."""
    path = url.lstrip("/")
    return f"{path}index.html" if path == "" or path.endswith("/") else path
