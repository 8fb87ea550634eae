"""Event pages: listings per municipality and category, a month calendar, JSON-LD."""

from __future__ import annotations

from content_model.rules import schedule_of
from i18n.jinja import translate
from jinja2 import pass_context
from pelican import signals

from . import jsonld
from .calendar_links import links
from .describe import schedule_text
from .generator import EventPagesGenerator


@pass_context
def structured_data(context, item):
    """JSON-LD for an item page (events, destinations, packages)."""
    return jsonld.for_item(
        item,
        context["SITEURL"].rstrip("/"),
        context["today"],
        context.get("image_sets"),
    )


def event_schedule(item, lang: str) -> str:
    """When an event happens, in words: its repeats and exceptions included."""
    return schedule_text(schedule_of(item), lang, translate)


def event_moment(item, lang: str, today) -> dict[str, str]:
    """For a card: the next (or last) occurrence's start, and the schedule in words."""
    schedule = schedule_of(item)
    occurrence = schedule.next_occurrence(today) or schedule.occurrences()[-1]
    start = occurrence.start
    iso = (
        start.isoformat(timespec="minutes")
        if hasattr(start, "hour")
        else start.isoformat()
    )
    return {"iso": iso, "text": schedule_text(schedule, lang, translate)}


@pass_context
def calendar_links(context, item) -> dict[str, str] | None:
    """Google Calendar and Outlook.com links for the next (or last) occurrence; none for
    a cancelled event."""
    if item.get("status", "scheduled") == "cancelled":
        return None
    schedule = schedule_of(item)
    occurrence = (
        schedule.next_occurrence(context["today"]) or schedule.occurrences()[-1]
    )
    page = context["SITEURL"].rstrip("/") + item.url
    place = ", ".join(p for p in (item.get("venue"), item.get("address")) if p)
    return links(
        item.title, f"{item.summary}\n\n{page}", place, occurrence.start, occurrence.end
    )


def install(generator) -> None:
    generator.env.globals["event_moment"] = event_moment
    generator.env.globals["structured_data"] = structured_data
    generator.env.globals["event_schedule"] = event_schedule
    generator.env.globals["calendar_links"] = calendar_links


def get_generators(pelican):
    return EventPagesGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install)
