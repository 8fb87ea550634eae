"""Which feeds exist and where: one list drives the writer, the Feeds page and the docs."""

from __future__ import annotations

from dataclasses import dataclass

from content_model.urls import url_segment
from content_model.vocabulary import EVENT_CATEGORIES, MUNICIPALITIES

FEEDS_PAGE = url_segment("URL path", "feeds")
# The developer page (made by the widgets plugin, which documents both).
DEVELOPERS_PAGE = url_segment("URL path", "developers")

EVENT_FILES = {
    "ics": "events.ics",
    "atom": "events.atom",
    "rss": "events.rss",
    "jsonfeed": "events.feed.json",
    "json": "events.json",
}
STORY_FILES = {
    "atom": "stories.atom",
    "rss": "stories.rss",
    "jsonfeed": "stories.feed.json",
}
SCHEMA_PATH = "/feeds/events.schema.json"
DESTINATIONS_SCHEMA_PATH = "/feeds/destinations.schema.json"
ACTIVITIES_SCHEMA_PATH = "/feeds/activities.schema.json"
CHANGES_SCHEMA_PATH = "/feeds/changes.schema.json"
TOURISM_PATH = "/feeds/tourism.jsonld"


@dataclass(frozen=True)
class Scope:
    """All events, or those of one municipality or one category."""

    kind: str  # "all", "municipality" or "category"
    value: str = ""

    def folder(self, lang: str) -> str:
        if self.kind == "all":
            return f"/feeds/{lang}/"
        return f"/feeds/{lang}/{self.kind}/{self.value}/"

    def path(self, lang: str, fmt: str) -> str:
        return self.folder(lang) + EVENT_FILES[fmt]

    def includes(self, event) -> bool:
        if self.kind == "all":
            return True
        return getattr(event, self.kind) == self.value


def scopes() -> list[Scope]:
    return [
        Scope("all"),
        *(Scope("municipality", m) for m in MUNICIPALITIES),
        *(Scope("category", c) for c in EVENT_CATEGORIES),
    ]


def month_path(lang: str, municipality: str, month) -> str:
    """Without the extension: .ics and .json are made."""
    return f"/feeds/{lang}/municipality/{municipality}/{month:%Y-%m}"


def single_event_path(lang: str, key: str) -> str:
    return f"/feeds/{lang}/event/{key}.ics"


def story_path(lang: str, fmt: str) -> str:
    return f"/feeds/{lang}/{STORY_FILES[fmt]}"
