"""Load gettext catalogs straight from the .po files, so no compiled files are committed."""

from __future__ import annotations

import gettext
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "messages"


class CatalogError(FileNotFoundError):
    """A language without a catalog."""


def catalog_path(translations_dir: Path, lang: str) -> Path:
    return translations_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _load(path: Path, mtime_ns: int) -> gettext.GNUTranslations:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=path.parent.parent.name)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@cache
def load_translations(translations_dir: Path, lang: str) -> gettext.GNUTranslations:
    """The catalog as of this build (pages ask for it thousands of times)."""
    path = catalog_path(translations_dir, lang)
    if not path.is_file():
        raise CatalogError(
            f"{path}: no catalog for language {lang!r} — run "
            f"'./dev i18n-init --lang {lang}', translate it, and build again"
        )
    return _load(path.resolve(), path.stat().st_mtime_ns)


def forget_loaded() -> None:
    """A new build in the same process (livereload) reads edited catalogs again."""
    load_translations.cache_clear()
