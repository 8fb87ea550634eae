"""Feed titles and entry texts in the feed's language (gettext catalogs, Babel dates)."""

from __future__ import annotations

import gettext

from content_model.vocabulary import (
    EVENT_CATEGORIES,
    EVENT_STATUSES,
    MUNICIPALITIES,
    N_,
)
from events.describe import schedule_text

from .catalog import Scope
from .views import EventView, View

EVENTS_ALL = N_("Events in Kronoberg")
EVENTS_IN = N_("Events in %(place)s")
EVENTS_OF = N_("%(category)s in Kronoberg")
EVENTS_SUBTITLE = N_(
    "Upcoming events from Destination Småland, the tourism company of Region Kronoberg."
)
STORIES_TITLE = N_("Stories from Kronoberg")
STORIES_SUBTITLE = N_("Stories about the people, history and landscape of Kronoberg.")


def scope_title(scope: Scope, tr: gettext.NullTranslations) -> str:
    if scope.kind == "municipality":
        return tr.gettext(EVENTS_IN) % {"place": MUNICIPALITIES[scope.value]}
    if scope.kind == "category":
        label = tr.gettext(EVENT_CATEGORIES[scope.value])
        return tr.gettext(EVENTS_OF) % {"category": label}
    return tr.gettext(EVENTS_ALL)


def entry_title(view: View, tr: gettext.NullTranslations) -> str:
    """A changed status leads the title, so every reader sees it."""
    if isinstance(view, EventView) and view.status != "scheduled":
        return f"{tr.gettext(EVENT_STATUSES[view.status])}: {view.title}"
    return view.title


def entry_text(view: View, feed_lang: str, gettext=lambda message: message) -> str:
    """Summary line: for events, when and where first."""
    if not isinstance(view, EventView):
        return view.summary
    moment = schedule_text(view.schedule, feed_lang, gettext)
    place = ", ".join(x for x in (view.venue, view.municipality_name) if x)
    return f"{moment} · {place}. {view.summary}"
