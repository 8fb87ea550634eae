"""The content model: validated, language-linked items rendered as the site's pages."""

from __future__ import annotations

from pelican import signals

from .generator import ContentGenerator


def get_generators(pelican):
    return ContentGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
