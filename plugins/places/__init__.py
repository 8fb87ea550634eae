"""Where an item is: the locator map, directions and the way there without a car.

Jinja global `where_it_is(item, lang)` gives the template what it shows for an item
with coordinates. Nothing here loads anything from another website: directions are
links (OpenStreetMap, a phone's map app via `geo:`, the regional journey planner)
that the visitor follows or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from content_model.vocabulary import N_
from i18n.jinja import translate
from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from . import leaflet
from .locator import Seat, locator_svg, relation

# The regional journey planner (Länstrafiken Kronoberg): buses and regional trains.
JOURNEY_PLANNER = "https://www.lanstrafikenkron.se/"

# The sentence for each direction: whole sentences, so each language can say it its way.
SENTENCES = {
    "north": N_("about %(km)s km north of %(place)s"),
    "north-east": N_("about %(km)s km north-east of %(place)s"),
    "east": N_("about %(km)s km east of %(place)s"),
    "south-east": N_("about %(km)s km south-east of %(place)s"),
    "south": N_("about %(km)s km south of %(place)s"),
    "south-west": N_("about %(km)s km south-west of %(place)s"),
    "west": N_("about %(km)s km west of %(place)s"),
    "north-west": N_("about %(km)s km north-west of %(place)s"),
    "": N_("in %(place)s"),
}


@dataclass(frozen=True)
class Place:
    svg: Markup
    caption: str  # "Kyrkö mosse lies about 9 km west of Tingsryd."
    directions_url: str
    geo_url: str
    journey_planner: str


@pass_context
def where_it_is(context, item, lang: str) -> Place | None:
    point = item.get("coordinates")
    # Set by content_model from the municipality files (one coordinate per place).
    seats = tuple(Seat(*seat) for seat in context.get("municipality_seats") or ())
    if point is None or not seats:
        return None
    found = relation(point.latitude, point.longitude, seats)
    near = translate(SENTENCES[found.direction]) % {
        "km": found.km,
        "place": found.seat.name,
    }
    if item.type == "municipalities":  # not "Växjö lies in Växjö"
        caption = translate(N_("%(name)s municipality, with its seat %(seat)s.")) % {
            "name": item.title,
            "seat": found.seat.name,
        }
    elif item.type == "activities":  # done there, not "Hiking … lies …"
        caption = translate(N_("%(name)s – %(where)s.")) % {
            "name": item.title,
            "where": near,
        }
    else:
        caption = translate(N_("%(name)s lies %(where)s.")) % {
            # An event is not a place: its venue is.
            "name": item.get("venue") or item.title,
            "where": near,
        }
    here = f"{point.latitude}%2C{point.longitude}"
    return Place(
        svg=Markup(locator_svg(point.latitude, point.longitude, seats)),
        caption=caption,
        directions_url=f"https://www.openstreetmap.org/directions?route=%3B{here}",
        geo_url=f"geo:{point.latitude},{point.longitude}?q={point.latitude},{point.longitude}({quote(item.title)})",
        journey_planner=JOURNEY_PLANNER,
    )


def install(generator) -> None:
    generator.env.globals["where_it_is"] = where_it_is
    generator.env.globals["LEAFLET_URL"] = leaflet.URL
    generator.env.globals["MAP_TILES"] = leaflet.TILES


def get_generators(pelican):
    return leaflet.LeafletGenerator


def register() -> None:
    signals.generator_init.connect(install)
    signals.get_generators.connect(get_generators)
