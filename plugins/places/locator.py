"""Where a place is, drawn and said without any other website: an inline SVG of the
county's eight municipality seats with the place among them, and a sentence ("about
9 km west of Tingsryd") that is the map's text alternative and its caption.

Pure: seats and points in, markup and words out. Distances on the sphere (haversine);
the drawing is an equirectangular projection scaled by the county's latitude, which
at this size is indistinguishable from a proper map projection.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from content_model.related import distance_km

# Kronoberg with a margin: what the drawing shows (south, north, west, east).
BOUNDS = (56.33, 57.27, 13.30, 15.72)
WIDTH, HEIGHT = 320, 230
# Closer than this, a place is "in" the seat's town rather than a distance from it.
IN_TOWN_KM = 2.5
DIRECTIONS = (
    "north",
    "north-east",
    "east",
    "south-east",
    "south",
    "south-west",
    "west",
    "north-west",
)


@dataclass(frozen=True)
class Seat:
    id: str
    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Relation:
    """A place as seen from its nearest seat."""

    seat: Seat
    km: int
    direction: str  # one of DIRECTIONS, or "" when it is in the seat's town


def bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Degrees clockwise from north, from the first point to the second."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360) % 360


def relation(latitude: float, longitude: float, seats: tuple[Seat, ...]) -> Relation:
    nearest = min(
        seats,
        key=lambda s: (distance_km(s.latitude, s.longitude, latitude, longitude), s.id),
    )
    km = distance_km(nearest.latitude, nearest.longitude, latitude, longitude)
    if km < IN_TOWN_KM:
        return Relation(nearest, 0, "")
    sector = (
        round(bearing(nearest.latitude, nearest.longitude, latitude, longitude) / 45)
        % 8
    )
    return Relation(nearest, max(1, round(km)), DIRECTIONS[sector])


def project(latitude: float, longitude: float) -> tuple[float, float]:
    south, north, west, east = BOUNDS
    scale_x = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * scale_x, north - south
    scale = min((WIDTH - 20) / span_x, (HEIGHT - 20) / span_y)
    x = 10 + (longitude - west) * scale_x * scale
    y = 10 + (north - latitude) * scale
    return round(x, 1), round(y, 1)


def locator_svg(latitude: float, longitude: float, seats: tuple[Seat, ...]) -> str:
    """The drawing: seats as grey dots with names, the place as a ringed red dot.
    Only attributes, no style: the site's CSP forbids inline styles."""
    parts = [
        # The caption beside it says the same in words: the drawing is hidden from
        # screen readers so that it is not read twice.
        f'<svg class="locator" viewBox="0 0 {WIDTH} {HEIGHT}" aria-hidden="true" '
        'focusable="false" xmlns="http://www.w3.org/2000/svg">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" rx="8" fill="#eef4f1"/>',
    ]
    points = [project(s.latitude, s.longitude) for s in seats]
    here = project(latitude, longitude)
    for seat, (x, y) in zip(seats, points, strict=True):
        crowded = any(0 < ox - x < 70 and abs(oy - y) < 14 for ox, oy in points)
        anchor = "end" if x > WIDTH * 0.75 or crowded else "start"
        # The place's ring (radius 9) would cover the start of a name beside it.
        gap = 14 if math.dist(here, (x, y)) < 14 else 6
        dx = -gap if anchor == "end" else gap
        parts.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="#4a5a52"/>')
        parts.append(
            f'<text x="{x + dx}" y="{y + 4}" text-anchor="{anchor}" font-size="11" '
            f'fill="#26332c">{escape(seat.name)}</text>'
        )
    x, y = here
    parts.append(
        f'<circle cx="{x}" cy="{y}" r="9" fill="none" stroke="#b3261e" stroke-width="2.5"/>'
    )
    parts.append(f'<circle cx="{x}" cy="{y}" r="4.5" fill="#b3261e"/>')
    parts.append("</svg>")
    return "".join(parts)
