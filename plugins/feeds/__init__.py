"""Event and story feeds: iCalendar, Atom, RSS, JSON Feed and the events JSON."""

from __future__ import annotations

from pelican import signals

from .generator import FeedsGenerator


def get_generators(pelican):
    return FeedsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
