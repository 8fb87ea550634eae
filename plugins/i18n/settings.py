"""The I18N settings block: defaults in one place, pelicanconf wins, unknown keys fail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DEFAULTS: dict[str, Any] = {
    # The site's languages; the first is the default, served at the root.
    "languages": ("sv", "en", "de", "da", "nl"),
    # gettext catalogs: <dir>/<lang>/LC_MESSAGES/messages.po
    "translations_dir": "translations",
}


class SettingsError(ValueError):
    """A settings block that cannot work; the message names the key."""


@dataclass(frozen=True)
class LanguageSettings:
    languages: tuple[str, ...]
    translations_dir: str

    @property
    def default(self) -> str:
        return self.languages[0]


def resolve(block: dict[str, Any] | None, name: str = "I18N") -> dict[str, Any]:
    """Merge a settings block over defaults, rejecting unknown keys by name."""
    block = dict(block or {})
    unknown = sorted(set(block) - set(DEFAULTS))
    if unknown:
        raise SettingsError(
            f"{name}: unknown key(s) {', '.join(unknown)}; known: {', '.join(DEFAULTS)}"
        )
    return {**DEFAULTS, **block}


def language_settings(settings: dict[str, Any]) -> LanguageSettings:
    block = resolve(settings.get("I18N"))
    languages = tuple(block["languages"])
    if not languages or len(set(languages)) != len(languages):
        raise SettingsError("I18N: languages must list each language once")
    for lang in languages:
        if not (len(lang) == 2 and lang.isalpha() and lang.islower()):
            raise SettingsError(f"I18N: languages: {lang!r} is not a two-letter code")
    return LanguageSettings(languages, block["translations_dir"])
