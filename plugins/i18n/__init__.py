"""Languages of the site: settings, gettext catalogs for templates, Babel formatting."""

from __future__ import annotations

import logging

from pelican import signals

from .catalogs import forget_loaded
from .jinja import install
from .settings import language_settings

log = logging.getLogger(__name__)


def configure(pelican) -> None:
    """Check the I18N block and derive DEFAULT_LANG from it."""
    forget_loaded()
    languages = language_settings(pelican.settings)
    pelican.settings["DEFAULT_LANG"] = languages.default
    pelican.settings["I18N_LANGUAGES"] = languages


def install_gettext(generator) -> None:
    install(generator.env)


def register() -> None:
    signals.initialized.connect(configure)
    signals.generator_init.connect(install_gettext)
