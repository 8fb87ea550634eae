"""Each event's and story's part of a feed file, serialised once and kept with its view.

An upcoming event is in a dozen feed files of a language (all events, its municipality,
its category; Atom, RSS, JSON Feed and events JSON each), and serialising it is most of
what a feed costs. So each piece (an Atom entry, an RSS item, a JSON Feed item, an
events JSON record) is made once, and the files are joined from the pieces. A long-lived
process (livereload) makes them up front on every core and keeps them with the views of
unchanged items (views.view_of): an edit serialises one event, not the eight hundred of a
large site's feeds. A one-off build makes them where the files are made (a worker), and
only for the files it makes: a build that changed nothing serialises nothing.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from render.parallel import fork_map

from . import jsonfeed, syndication, texts
from .syndication import FeedItem
from .views import View

EVENT_FORMATS = ("atom", "rss", "jsonfeed", "json")
STORY_FORMATS = ("atom", "rss", "jsonfeed")


@dataclass(frozen=True)
class Serialiser:
    """How the feeds of one language serialise a view."""

    lang: str
    uid_domain: str
    schema_url: str
    today: date  # events JSON: each event's next occurrence
    translations: Callable[[str], gettext.NullTranslations]
    languages: tuple[str, ...]

    @property
    def key(self) -> tuple:
        """Tells apart pieces made with other settings, dates or catalogs (a catalog is
        loaded once per version of its file: compared by identity)."""
        catalogs = tuple(id(self.translations(lang)) for lang in self.languages)
        return (self.lang, self.uid_domain, self.schema_url, self.today, catalogs)

    def make(self, view: View, fmt: str) -> str:
        if fmt == "json":
            return jsonfeed.event_piece(view, self.uid_domain, self.today)
        item = FeedItem(
            view,
            texts.entry_title(view, self.translations(view.lang)),
            texts.entry_text(view, self.lang, self.translations(self.lang).gettext),
        )
        if fmt == "atom":
            return syndication.atom_entry(item, self.lang, self.uid_domain)
        if fmt == "rss":
            return syndication.rss_item(item, self.uid_domain)
        return jsonfeed.json_feed_item(item, self.uid_domain, self.schema_url)


Wanted = tuple[View, str, Serialiser, tuple]


def pieces(views: list[View], fmt: str, serialiser: Serialiser) -> list[str]:
    """Each view's piece in `fmt`, in order (made here if not made up front)."""
    key = serialiser.key
    found = []
    for view in views:
        memo = made_for(view)
        piece = memo.get((fmt, key))
        if piece is None:
            piece = memo[(fmt, key)] = serialiser.make(view, fmt)
        found.append(piece)
    return found


def wanted(views: list[View], formats: tuple[str, ...], serialiser: Serialiser):
    """What `prepare` should make for these views."""
    key = serialiser.key
    return [(view, fmt, serialiser, key) for view in views for fmt in formats]


def prepare(wants: list[Wanted], workers: int) -> None:
    """Make the pieces not made yet, on every core, before the files are made (which
    happens in forked workers: a piece made there would be lost with the worker)."""
    missing = [want for want in wants if (want[1], want[3]) not in made_for(want[0])]
    made = fork_map(lambda want: want[2].make(want[0], want[1]), missing, workers)
    for (view, fmt, _serialiser, key), piece in zip(missing, made, strict=True):
        made_for(view)[(fmt, key)] = piece


def made_for(view: View) -> dict[tuple, str]:
    """The pieces kept with a view (frozen: kept in its __dict__, as vevents.py does)."""
    return view.__dict__.setdefault("_pieces", {})
