"""Atom and RSS 2.0 feeds of events and stories, written with feedgen: each entry on
its own (pieces.py), then the feed around them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from lxml import etree

from . import licence
from .views import View

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
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


def header(meta: FeedMeta, views: list[View]) -> FeedGenerator:
    """The feed without its entries (they are serialised apart: pieces.py)."""
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
    updated = feed_updated(views, meta)
    fg.updated(updated)
    fg.lastBuildDate(updated)
    return fg


def feed_entry(item: FeedItem, uid_domain: str) -> FeedEntry:
    view = item.view
    entry = FeedEntry()
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
    return entry


def atom_entry(item: FeedItem, feed_lang: str, uid_domain: str) -> str:
    """One <entry>; in another language than the feed it carries its own xml:lang."""
    element = feed_entry(item, uid_domain).atom_entry()
    if item.view.lang != feed_lang:
        element.set(XML_LANG, item.view.lang)
    return etree.tostring(element, encoding="unicode", pretty_print=True)


def rss_item(item: FeedItem, uid_domain: str) -> str:
    """One <item>, its <content:encoded> prefixed as the feed declares it (on <rss>)."""
    element = feed_entry(item, uid_domain).rss_entry()
    channel = etree.Element("channel", nsmap={"content": CONTENT_NS})
    channel.append(element)
    etree.cleanup_namespaces(channel, top_nsmap={"content": CONTENT_NS})
    text = etree.tostring(element, encoding="unicode", pretty_print=True)
    return text.replace(f'<item xmlns:content="{CONTENT_NS}">', "<item>", 1)


def atom(meta: FeedMeta, views: list[View], entries: list[str]) -> bytes:
    """Atom 1.0 from its entries (`atom_entry` of each view, in order)."""
    return spliced(header(meta, views).atom_str(pretty=True), b"</feed>", entries)


def rss(meta: FeedMeta, views: list[View], items: list[str]) -> bytes:
    """RSS 2.0 from its items (`rss_item` of each view, in order)."""
    return spliced(header(meta, views).rss_str(pretty=True), b"</channel>", items)


def spliced(document: bytes, closing: bytes, parts: list[str]) -> bytes:
    """The parts inserted before the document's (last) closing tag."""
    head, tail = document.rsplit(closing, 1)
    return head + "".join(parts).encode("utf-8") + closing + tail
