"""`./dev widgets-release`: add the current widget script to plugins/widgets/released/."""

from __future__ import annotations

from pathlib import Path

from content_model.site import translated_router
from i18n.catalogs import load_translations
from i18n.settings import language_settings
from pelican.settings import read_settings
from widgets.build import RELEASED, listing_pages, widget_script


def current_script(root: Path):
    settings = read_settings(str(root / "pelicanconf.py"))
    languages = language_settings(settings)
    translations = root / languages.translations_dir
    router = translated_router(languages.languages[0], translations)
    return widget_script(
        languages.languages,
        lambda lang: load_translations(translations, lang).gettext,
        listing_pages(router, languages.languages),
    )


def release(root: Path) -> str:
    script = current_script(root)
    target = RELEASED / script.name
    if target.is_file():
        return f"{script.name} is already released"
    target.write_bytes(script.data)
    return f"released {target.relative_to(root)} — commit it ({script.integrity})"
