"""One name per place and language: `content/glossary.toml` gives how a name is written
(`name`: the Swedish form, kept in every language unless a language has its own, e.g.
`en = "Laholm Bay"`), and the check finds the other spellings.

A variant is any spelling of the language's name that differs from it in case, hyphens
or spaces (`Huseby Bruk`, `Huseby-bruk`), another language's name for the place, or one
the glossary lists (`Hüttengut Huseby`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from content_model.errors import ContentError
from content_model.tomlblocks import read_blocks

from .text import Line

GLOSSARY_FILE = "glossary.toml"
LANGUAGES = ("sv", "en", "de", "da", "nl")
FIELDS = {"name", "variants", "note", *LANGUAGES}


@dataclass(frozen=True)
class Name:
    name: str
    variants: tuple[str, ...]
    line: int
    forms: tuple[tuple[str, str], ...] = ()

    def in_language(self, lang: str) -> str:
        return dict(self.forms).get(lang, self.name)

    @property
    def pattern(self) -> re.Pattern[str]:
        """Every form of the name (each language's, with any case and any run of spaces
        or hyphens between its words) and each listed variant; whole words only."""
        forms = sorted({self.name, *(form for _, form in self.forms)}, key=len)
        loose = [
            r"[\s\-‑]+".join(re.escape(w) for w in re.split(r"[\s-]+", form))
            for form in reversed(forms)
        ]
        listed = [re.escape(v) for v in self.variants]
        either = "|".join([*loose, *listed])
        return re.compile(rf"(?<![\w-])(?:{either})(?![\w-])", re.IGNORECASE)


def read_glossary(content_dir: Path) -> tuple[list[Name], list[ContentError]]:
    shown, blocks, errors = read_blocks(
        content_dir,
        GLOSSARY_FILE,
        "name",
        'fix the TOML syntax: one [[name]] block with `name = "…"` per name',
    )
    names: list[Name] = []
    for line, block in blocks:
        extra = sorted(set(block) - FIELDS)
        name = str(block.get("name", "")).strip()
        variants = block.get("variants", [])
        if extra or not name or not isinstance(variants, list):
            errors.append(
                ContentError(
                    shown,
                    line,
                    "name",
                    "a block needs `name` and may have `variants` (a list), `note` "
                    "and a language's own name (`en = …`)"
                    f"{'; unknown: ' + ', '.join(extra) if extra else ''}",
                    'write name = "Huseby bruk" and variants = ["Hüttengut Huseby"]',
                )
            )
            continue
        forms = tuple((lang, str(block[lang])) for lang in LANGUAGES if lang in block)
        names.append(Name(name, tuple(str(v) for v in variants), line, forms))
    return names, errors


def check_names(lines: list[Line], names: list[Name]) -> list[ContentError]:
    """Every spelling of a glossary name other than the one for the line's language."""
    errors: list[ContentError] = []
    patterns = {
        lang: [(n.in_language(lang), n.pattern) for n in names]
        for lang in {line.lang for line in lines}
    }
    for line in lines:
        for wanted, pattern in patterns[line.lang]:
            for match in pattern.finditer(line.text):
                written = match.group(0)
                if written in (wanted, wanted[:1].upper() + wanted[1:]):
                    continue  # as given, or at the start of a sentence
                errors.append(
                    ContentError(
                        line.path,
                        line.line,
                        line.field,
                        f"{written!r} is a variant of {wanted!r}: one name per place",
                        f"write {wanted!r}, as content/{GLOSSARY_FILE} gives it",
                    )
                )
    return errors
