"""Atom and RSS 2.0 feeds of events and stories, written with feedgen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from feedgen.feed import FeedGenerator
from lxml import etree

from . import licence
from .views import View

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ATOM = "{http://www.w3.org/2005/Atom}"
GENERATOR = "Destination Småland site generator"
AUTHOR = "Destination Småland"


@dataclass(frozen=True)
class FeedMeta:
    """Describes one feed: its language, titles and where it and its page live."""

    lang: str
    title: str
    subtitle: str
    self_url: str  # absolute URL of this very file
    page_url: str  # absolute URL of the HTML page it mirrors
    fallback_updated: datetime  # for an empty feed: when the site got content


@dataclass(frozen=True)
class FeedItem:
    """A view with the title and text a feed in some language shows for it."""

    view: View
    title: str
    text: str


def entry_id(view: View, uid_domain: str) -> str:
    """Permanent and unique: a tag URI from the key and the entry's language."""
    return f"tag:{uid_domain},2026:{view.type}/{view.key}/{view.lang}"


def feed_updated(views: list[View], meta: FeedMeta) -> datetime:
    return max((v.updated for v in views), default=meta.fallback_updated)


def generator(meta: FeedMeta, items: list[FeedItem], uid_domain: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.id(meta.self_url)
    fg.title(meta.title)
    fg.subtitle(meta.subtitle)
    fg.description(meta.subtitle)
    fg.language(meta.lang)
    fg.generator(GENERATOR)
    fg.rights(licence.rights(meta.self_url))  # Atom <rights>, RSS <copyright>
    fg.author({"name": AUTHOR})  # Atom requires an author; entries inherit it
    # RSS takes the last link as <channel><link>: self first, the page last.
    fg.link(href=meta.self_url, rel="self")
    fg.link(href=meta.page_url, rel="alternate")
    updated = feed_updated([i.view for i in items], meta)
    fg.updated(updated)
    fg.lastBuildDate(updated)
    for item in items:
        view = item.view
        entry = fg.add_entry(order="append")
        entry.id(entry_id(view, uid_domain))
        entry.guid(entry_id(view, uid_domain), permalink=False)
        entry.title(item.title)
        entry.link(href=view.url, rel="alternate")
        credit = getattr(view, "credit", None)
        entry.summary(f"{item.text} ({credit})" if credit else item.text)
        if credit:
            entry.rights(credit)  # Atom only; RSS readers get it in the summary
        entry.content(view.html, type="html")
        entry.published(view.created)
        entry.updated(view.updated)
    return fg


def atom(meta: FeedMeta, items: list[FeedItem], uid_domain: str) -> bytes:
    """Atom 1.0; an entry in another language than the feed carries its own xml:lang."""
    raw = generator(meta, items, uid_domain).atom_str(pretty=True)
    if all(item.view.lang == meta.lang for item in items):
        return raw  # nothing to mark (parsing megabytes of feed again is slow)
    root = etree.fromstring(raw)
    for element, item in zip(root.iter(f"{ATOM}entry"), items, strict=True):
        if item.view.lang != meta.lang:
            element.set(XML_LANG, item.view.lang)
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def rss(meta: FeedMeta, items: list[FeedItem], uid_domain: str) -> bytes:
    return generator(meta, items, uid_domain).rss_str(pretty=True)
