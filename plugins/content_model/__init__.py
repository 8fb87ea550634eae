"""The content model: validated, language-linked items rendered as the site's pages."""

from __future__ import annotations

from pelican import signals

from . import presentation
from .generator import ContentGenerator


def get_generators(pelican):
    return ContentGenerator


def install_filters(generator) -> None:
    """Every generator's templates can format items (the feeds page renders too)."""
    generator.env.filters.update(presentation.FILTERS)
    generator.env.globals.update(presentation.GLOBALS)


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_filters)
