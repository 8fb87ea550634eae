"""Leaflet, for the map a visitor opens ("Show map"), published from our own origin.

The files come from XStatic-Leaflet (PyPI, pinned): no download at build time, no Node.
They go to a folder named by Leaflet's version, so a new version is a new address and
browsers may keep the old one for good. Nothing refers to them until the button is
pressed (theme/static/js/map.js)."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator
from xstatic.pkg import leaflet

FILES = (
    "leaflet.js",
    "leaflet.css",
    "images/layers.png",
    "images/layers-2x.png",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
)
FOLDER = f"maps/leaflet-{leaflet.VERSION}"
URL = f"/{FOLDER}/"
# OpenStreetMap's standard tiles: the only other origin the site ever contacts, and only
# for images, only after the visitor asked for a map (deploy/nginx.conf's CSP).
TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


class LeafletGenerator(Generator):
    """Copies Leaflet's script, stylesheet and images into the site."""

    def generate_context(self) -> None:
        self.source = Path(leaflet.BASE_DIR)

    def generate_output(self, writer) -> None:
        target = Path(self.output_path) / FOLDER
        for name in FILES:
            data = (self.source / name).read_bytes()
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)
