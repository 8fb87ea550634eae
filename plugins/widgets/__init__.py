"""Partner widgets: <ds-events> and <ds-destinations>, an iframe variant, a builder page."""

from __future__ import annotations

from pelican import signals

from .generator import WidgetsGenerator


def get_generators(pelican):
    return WidgetsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
