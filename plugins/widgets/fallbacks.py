"""What a widget shows without JavaScript: server-rendered frame pages and links.

A frame page (`/widgets/frame/<lang>/events/municipality/ljungby/`) is a plain HTML list
of the upcoming events (or the destinations) of one language and filter, with a link to
the site; the iframe snippet points at it and `frame.js` turns it into the live widget.
The builder's `<noscript>` links come from the same table (`choices`), so the snippet
for "German, Ljungby" falls back to German pages about Ljungby.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from content_model.listings import split_upcoming
from content_model.model import kept
from content_model.rules import schedule_of
from content_model.vocabulary import DESTINATION_KINDS, EVENT_CATEGORIES, MUNICIPALITIES
from events.describe import schedule_text

FRAME_ROOT = "/widgets/frame/"
FRAME_ITEMS = 20  # the most a widget shows (the builder's limit)


@dataclass(frozen=True)
class Choice:
    """One widget, language and filter (at most one filter: the frame pages' own)."""

    widget: str  # "events" or "destinations"
    lang: str
    filter: str = ""  # "municipality", "category", "kind" or ""
    value: str = ""

    @property
    def frame(self) -> str:
        scope = f"{self.filter}/{self.value}/" if self.filter else ""
        return f"{FRAME_ROOT}{self.lang}/{self.widget}/{scope}"


def choices(languages: tuple[str, ...]) -> list[Choice]:
    filters = {
        "events": [("municipality", MUNICIPALITIES), ("category", EVENT_CATEGORIES)],
        "destinations": [("municipality", MUNICIPALITIES), ("kind", DESTINATION_KINDS)],
    }
    return [
        choice
        for lang in languages
        for widget, kinds in filters.items()
        for choice in [
            Choice(widget, lang),
            *(Choice(widget, lang, f, v) for f, values in kinds for v in values),
        ]
    ]


@dataclass(frozen=True)
class Fallback:
    """The title of a choice in its language, and the site page that shows the same."""

    title: str
    page: str  # root-relative


def fallback(choice: Choice, planner, event_pages, gettext) -> Fallback:
    router = planner.router
    lang = choice.lang
    if choice.widget == "events":
        if choice.filter == "municipality":
            title = gettext("Events in %(place)s") % {
                "place": MUNICIPALITIES[choice.value]
            }
            return Fallback(title, event_pages.municipality_url(lang, choice.value))
        if choice.filter == "category":
            title = gettext("%(category)s in Kronoberg") % {
                "category": gettext(EVENT_CATEGORIES[choice.value])
            }
            return Fallback(title, event_pages.category_url(lang, choice.value))
        return Fallback(gettext("Events in Kronoberg"), router.listing(lang, "events"))
    if choice.filter == "municipality":
        entry = next(
            (e for e in planner.of_type("municipalities") if e.key == choice.value),
            None,
        )
        name = MUNICIPALITIES[choice.value]
        if entry is not None:
            return Fallback(name, entry.best_for(lang).url)
    if choice.filter == "kind":
        title = gettext(DESTINATION_KINDS[choice.value])
        return Fallback(title, router.listing(lang, "destinations"))
    return Fallback(gettext("All destinations"), router.listing(lang, "destinations"))


def frame_rows(planner, widget: str, lang: str, today: date) -> list:
    """The cards a language's frame pages choose from: upcoming events, or destinations."""
    cards = planner.cards(widget, lang)
    if widget == "events":
        cards, _past = split_upcoming(cards, today)
    return cards


def chosen(choice: Choice, cards: list, by_filter: dict) -> list:
    """The cards a frame lists: its language's, of its filter's value. `by_filter`
    keeps each filter's grouping for the next choice (185 frames, thousands of cards)."""
    if not choice.filter:
        return cards
    groups = by_filter.get((choice.widget, choice.lang, choice.filter))
    if groups is None:
        groups = by_filter[choice.widget, choice.lang, choice.filter] = {}
        for card in cards:
            groups.setdefault(card.item.get(choice.filter), []).append(card)
    return groups.get(choice.value, [])


def rows(choice: Choice, cards: list, gettext) -> list[tuple[str, str, str, str]]:
    """(title, URL, what to show under it, language) for the frame's list of `cards`
    (`chosen`)."""
    # Kept with the item (its entry's files; a new item when any of them changes) for
    # its URL and the catalog: 185 frames of twenty rows, the same rows in many frames.
    catalog = id(getattr(gettext, "__self__", gettext))
    return [
        kept(
            card.item,
            ("widget row", choice.widget, choice.lang, card.item.url, catalog),
            lambda item=card.item: row(choice, item, gettext),
        )
        for card in cards[:FRAME_ITEMS]
    ]


def row(choice: Choice, item, gettext) -> tuple[str, str, str, str]:
    place = MUNICIPALITIES[item.get("municipality")]
    if choice.widget == "events":
        when = schedule_text(schedule_of(item.entry.source), choice.lang, gettext)
        line = f"{when} · {place}"
    else:
        line = f"{gettext(DESTINATION_KINDS[item.get('kind')])} · {place}"
    return (item.title, item.url, line, item.lang)


def frame_page(
    choice: Choice,
    found: list,
    back: Fallback,
    all_label: str,
    none_label: str,
    script: str,
) -> str:
    """The frame as HTML: a list of plain links, enhanced by frame.js when it runs."""
    items = "\n".join(
        f"<li{'' if lang == choice.lang else f' lang={escape(lang)}'}>"
        f'<a href="{escape(url)}">{escape(title)}</a><br>'
        f'<span class="m">{escape(line)}</span></li>'
        for title, url, line, lang in found
    )
    body = f"<ul>\n{items}\n</ul>" if found else f"<p>{escape(none_label)}</p>"
    data = f'data-widget="{choice.widget}" data-lang="{choice.lang}"'
    if choice.filter:
        data += f' data-{choice.filter}="{escape(choice.value)}"'
    return (
        f'<!doctype html>\n<html lang="{choice.lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(back.title)} – Destination Småland</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<base target="_top">\n'  # a link opens our page in the window, not the frame
        '<link rel="stylesheet" href="/widgets/frame.css">\n'
        f'<script type="module" src="/widgets/{script}"></script>\n'
        '<script type="module" src="/widgets/frame.js"></script>\n'
        f"</head>\n<body {data}>\n<main>\n<h1>{escape(back.title)}</h1>\n{body}\n"
        f'<p><a class="all" href="{escape(back.page)}">{escape(all_label)}</a></p>\n'
        "</main>\n</body>\n</html>\n"
    )
