"""Destinations and activities by municipality and by kind (static pages)."""

from __future__ import annotations

from pelican import signals

from .generator import BrowsePagesGenerator


def get_generators(pelican):
    return BrowsePagesGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
