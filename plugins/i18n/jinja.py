"""Gettext for templates: one Jinja environment serves every language of the build."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from jinja2 import Environment

from . import formatting
from .catalogs import load_translations

_NO_TRANSLATIONS = gettext.NullTranslations()
_current: ContextVar[gettext.NullTranslations | None] = ContextVar(
    "translations", default=None
)


def _active() -> gettext.NullTranslations:
    return _current.get() or _NO_TRANSLATIONS


@contextmanager
def rendering_language(translations_dir: Path, lang: str) -> Iterator[None]:
    """Make `{% trans %}` and `_()` speak `lang` while rendering inside the block."""
    token = _current.set(load_translations(translations_dir, lang))
    try:
        yield
    finally:
        _current.reset(token)


def _gettext(message: str) -> str:
    return _active().gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _active().ngettext(singular, plural, n)


def _pgettext(context: str, message: str) -> str:
    return _active().pgettext(context, message)


def _npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _active().npgettext(context, singular, plural, n)


FILTERS = {
    "long_date": formatting.long_date,
    "weekday_date": formatting.weekday_date,
    "clock": formatting.clock,
    "date_range": formatting.date_range,
    "kronor": formatting.kronor,
    "kronor_range": formatting.kronor_range,
    "number": formatting.number,
    "parse_date": formatting.parse_date,
    "weekday_name": formatting.weekday_name,
    "weekday_short": formatting.weekday_short,
    "language_name": formatting.language_name,
    "language_in": formatting.language_in,
}


def install(env: Environment) -> None:
    """Add the i18n extension's callables and the locale filters to `env`."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        _gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext
    )
    env.filters.update(FILTERS)


def translate(message: str) -> str:
    """gettext in the language being rendered, for Python code that makes visible text."""
    return _gettext(message)
