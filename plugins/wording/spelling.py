"""Spelling per language with Hunspell and Debian's dictionaries, plus our word lists.

`content/words/names.txt` holds names written the same in every language (places,
people, businesses; several words where a name has them: `Huseby bruk`), and
`content/words/<lang>.txt` the words of one language the dictionary lacks (compounds,
loanwords). Everything else must be in the language's dictionary: a Swedish word left
in a Danish text is a misspelling in Danish.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from content_model.errors import ContentError

from .text import Line

WORDS_DIR = "words"
NAMES_FILE = "names.txt"
# Debian's packages: hunspell-sv, hunspell-en-gb, hunspell-de-de, hunspell-da, hunspell-nl.
DICTIONARIES = {
    "sv": "sv_SE",
    "en": "en_GB",
    "de": "de_DE",
    "da": "da_DK",
    "nl": "nl_NL",
}
LANGUAGE_NAMES = {
    "sv": "Swedish",
    "en": "British English",
    "de": "German",
    "da": "Danish",
    "nl": "Dutch",
}
DICTIONARY_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
# Letters, joined by apostrophes (Växjö's); hyphens separate the parts of a compound,
# each checked on its own (IKEA-Museum).
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Suggestions cost Hunspell about 0.1 s a word: the first ten per language are enough
# for an editor's few mistakes and keep the check quick while there are many.
SUGGESTED = 10
AFTER_NUMBER = re.compile(r"\d+[-‑–]?[^\W\d_]+")
SUSPENDED = re.compile(r"[^\W\d_]+-(?=[\s,])")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


class SpellingUnavailable(Exception):
    """Hunspell or a dictionary is missing: the check cannot be made."""


@dataclass
class WordList:
    """One list file: its entries (single words and several-word names) by line."""

    path: Path
    shown: str
    entries: dict[str, int] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path, shown: str) -> WordList:
        found = cls(path, shown)
        if path.exists():
            for number, row in enumerate(path.read_text("utf-8").splitlines(), 1):
                entry = row.split("#", 1)[0].strip()
                if entry:
                    found.entries.setdefault(entry, number)
        return found

    @property
    def words(self) -> set[str]:
        return {e for e in self.entries if " " not in e}

    @property
    def phrases(self) -> list[str]:
        return sorted((e for e in self.entries if " " in e), key=len, reverse=True)


def hunspell_missing(languages: Iterable[str]) -> str:
    """What to install for the spelling check, or '' when all is there."""
    if shutil.which("hunspell") is None:
        return "hunspell"
    absent = [
        DICTIONARIES[lang]
        for lang in languages
        if lang in DICTIONARIES
        and not any((d / f"{DICTIONARIES[lang]}.dic").exists() for d in DICTIONARY_DIRS)
    ]
    return ", ".join(absent)


def unknown_to_hunspell(words: Iterable[str], lang: str) -> dict[str, list[str]]:
    """The words Hunspell's dictionary for `lang` does not know, each with up to three
    of Hunspell's suggestions. Finding them is quick (`-L`: the lines, here words, that
    hold a misspelling); suggesting is slow, so only the first SUGGESTED get them."""
    listed = sorted(set(words))
    if not listed:
        return {}
    found = _hunspell(["-L"], listed, lang).splitlines()
    unknown = {word: [] for word in found if word}
    asked = sorted(unknown)[:SUGGESTED]
    # Pipe mode: one answer block per input line; '&' misspelled with suggestions.
    blocks = _hunspell(["-a"], [f"^{w}" for w in asked], lang).split("\n\n")
    blocks[0] = blocks[0].partition("\n")[2]  # after the version line
    for word, block in zip(asked, blocks, strict=False):
        for answer in block.split("\n"):
            if answer.startswith("&") and ": " in answer:
                unknown[word] = answer.split(": ", 1)[1].split(", ")[:3]
    return unknown


def _hunspell(options: list[str], lines: list[str], lang: str) -> str:
    if not lines:
        return ""
    result = subprocess.run(
        ["hunspell", *options, "-i", "utf-8", "-d", DICTIONARIES[lang]],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if result.returncode != 0:
        raise SpellingUnavailable(result.stderr.strip() or "hunspell failed")
    return result.stdout


def tokens(text: str, phrases: list[str]) -> list[str]:
    """The words of a line to look up: listed several-word names taken out first."""
    for phrase in phrases:
        if phrase in text:
            text = text.replace(phrase, " ")
    # The first part of a compound whose second part is shared ("Gädd- och
    # abborrfiske", "Kanu- und Radtouren") is no word of its own.
    text = SUSPENDED.sub(" ", text)
    # Letters written onto a number are part of it: 19th, 1850-talet, 1920er-Jahre.
    text = AFTER_NUMBER.sub(" ", text)
    words: list[str] = []
    for token in WORD.findall(text.replace("-", " ").replace("‑", " ")):
        token = POSSESSIVE.sub("", token)
        if len(token) < 2 or token.isupper():
            continue  # a letter, or an abbreviation (WCAG, IKEA, SHL)
        words.append(token)
    return words


def word_forms(word: str) -> set[str]:
    """As written, as at a sentence's start (capitalised), and without the genitive -s
    (Växjös, Lessebos) that Swedish, Danish and German add to names."""
    forms = {word, word[:1].lower() + word[1:]}
    if word.endswith("s"):
        forms |= {word[:-1], word[:1].lower() + word[1:-1]}
    return forms


def check_spelling(
    lines_by_lang: dict[str, list[Line]], words_dir: Path
) -> list[ContentError]:
    """Every misspelled word, where it is; and every list entry no text uses."""
    names = WordList.read(words_dir / NAMES_FILE, f"content/{WORDS_DIR}/{NAMES_FILE}")
    errors: list[ContentError] = []
    used_names: set[str] = set()
    for lang, lines in sorted(lines_by_lang.items()):
        if lang not in DICTIONARIES:
            continue
        own = WordList.read(
            words_dir / f"{lang}.txt", f"content/{WORDS_DIR}/{lang}.txt"
        )
        phrases = sorted([*names.phrases, *own.phrases], key=len, reverse=True)
        listed = names.words | own.words
        found: list[tuple[Line, str]] = []
        used: set[str] = set()
        for line in lines:
            used |= {p for p in phrases if p in line.text}
            for word in tokens(line.text, phrases):
                on_list = word_forms(word) & listed
                if on_list:
                    used |= on_list
                else:
                    found.append((line, word))
        unknown = unknown_to_hunspell((w for _, w in found), lang)
        for line, word in found:
            if word in unknown:
                errors.append(_misspelled(line, word, lang, unknown[word]))
        used_names |= used & set(names.entries)
        errors += _unused(own, used, f"no {LANGUAGE_NAMES[lang]} text")
    errors += _unused(names, used_names, "no text in any language")
    return errors


def _misspelled(
    line: Line, word: str, lang: str, suggestions: list[str]
) -> ContentError:
    hint = (
        f" (perhaps {' or '.join(repr(s) for s in suggestions)})" if suggestions else ""
    )
    return ContentError(
        line.path,
        line.line,
        line.field,
        f"{word!r} is not in the {LANGUAGE_NAMES[lang]} dictionary "
        f"(Hunspell {DICTIONARIES[lang]})",
        f"correct the spelling{hint}; if it is right, add it to content/{WORDS_DIR}/{lang}.txt "
        f"(or, for a name written the same in every language, to "
        f"content/{WORDS_DIR}/{NAMES_FILE})",
    )


def _unused(words: WordList, used: set[str], where: str) -> list[ContentError]:
    return [
        ContentError(
            words.shown,
            number,
            "words",
            f"{entry!r} is used in {where}",
            "remove the line (the list keeps only words the texts use)",
        )
        for entry, number in words.entries.items()
        if entry not in used
    ]
