"""What an item page links to besides itself: the nearest places, activities and events
by coordinates (with the distance), a destination's own events and the packages that
include it, a package's destinations. Pure: entries in, keys and kilometres out."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .errors import ContentError
from .listings import last_day
from .model import Entry

NEARBY_TYPES = ("destinations", "activities", "events")
NEARBY_COUNT = 3  # of each type
NEARBY_KM = 40.0  # farther is not "nearby" in a county 100 km across
CELL = 0.25  # degrees of latitude per grid cell (about 28 km); longitude scaled


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def point_of(entry: Entry) -> tuple[float, float] | None:
    found = entry.source.get("coordinates")
    return (found.latitude, found.longitude) if found else None


@dataclass
class Grid:
    """Points in cells of about 28 km, so the nearest of thousands are found by looking
    at a few cells, not at every point (the 10,000-page build)."""

    cells: dict[tuple[int, int], list[tuple[float, float, str]]]

    @classmethod
    def of(cls, points: Iterable[tuple[float, float, str]]) -> Grid:
        cells: dict[tuple[int, int], list] = {}
        for lat, lon, key in points:
            cells.setdefault(cls.cell(lat, lon), []).append((lat, lon, key))
        return cls(cells)

    @staticmethod
    def cell(lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / CELL), math.floor(lon / (CELL * 1.8)))

    def nearest(
        self, lat: float, lon: float, count: int, within: float, skip: str
    ) -> list[tuple[float, str]]:
        """Up to `count` (km, key) within `within` km, nearest first (ties by key)."""
        row, col = self.cell(lat, lon)
        reach = 2  # cells each way: 2 × 28 km covers `within` = 40 km
        found = [
            (max(0.1, round(distance_km(lat, lon, plat, plon), 1)), key)
            for dr in range(-reach, reach + 1)
            for dc in range(-reach, reach + 1)
            for plat, plon, key in self.cells.get((row + dr, col + dc), ())
            if key != skip
        ]
        return sorted(f for f in found if f[0] <= within)[:count]


def grids_of(listed: dict[str, list[Entry]], today: date) -> dict[str, Grid]:
    """Per type, the points that may be listed as nearby: events only while they are
    on (not over on `today`) and not cancelled."""
    grids = {}
    for content_type in NEARBY_TYPES:
        points = []
        for entry in listed.get(content_type, ()):
            point = point_of(entry)
            if point is None:
                continue
            if content_type == "events" and (
                entry.source.get("status") == "cancelled"
                or last_day(entry.source) < today
            ):
                continue
            points.append((*point, entry.key))
        grids[content_type] = Grid.of(points)
    return grids


def nearest_to(entry: Entry, grids: dict[str, Grid]) -> dict[str, list]:
    """Per type, the nearest others to `entry` as (km, key); none without coordinates.
    Asked per page planned, so a livereload edit asks for a few, not for every item."""
    point = point_of(entry)
    if point is None:
        return {}
    return {
        t: grid.nearest(*point, NEARBY_COUNT, NEARBY_KM, entry.key)
        for t, grid in grids.items()
    }


def links_between(listed: dict[str, list[Entry]]) -> dict[str, dict[str, list[str]]]:
    """key -> {"events": events at this destination, "packages": packages that
    include it} for destinations, {"destinations": …} for packages and for an event
    the destination where it is held (keys, in order)."""
    found: dict[str, dict[str, list[str]]] = {}
    for event in listed.get("events", ()):
        place = event.source.get("destination")
        if place:
            found.setdefault(place, {}).setdefault("events", []).append(event.key)
            found.setdefault(event.key, {})["destinations"] = [place]
    for package in listed.get("packages", ()):
        for place in package.source.get("destinations") or ():
            found.setdefault(place, {}).setdefault("packages", []).append(package.key)
            found.setdefault(package.key, {}).setdefault("destinations", []).append(
                place
            )
    return found


def relation_errors(entries: dict[str, Entry]) -> list[ContentError]:
    """An event's `destination` and a package's `destinations` name destinations by key."""
    destinations = sorted(k for k, e in entries.items() if e.type == "destinations")
    errors = []
    for entry in entries.values():
        field = {"events": "destination", "packages": "destinations"}.get(entry.type)
        value = entry.source.get(field) if field else None
        if not value:
            continue
        for key in (value,) if isinstance(value, str) else value:
            if entries.get(key) is None or entries[key].type != "destinations":
                close = [d for d in destinations if d[:4] == key[:4]][:3]
                hint = f" (perhaps {', '.join(close)})" if close else ""
                errors.append(
                    ContentError(
                        entry.source.path,
                        entry.source.line_of(field),
                        field,
                        f"no destination has the key {key!r}{hint}",
                        "write the key of a file in content/destinations/ "
                        "(its 'key:' line)",
                    )
                )
    return errors
