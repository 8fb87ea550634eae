"""Text an editor can trust: spelling per language, one name per place, one figure per
fact. Not a Pelican plugin: `./dev check` runs it over the content files (the build
does not, so a preview never waits for it). See README.md here."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from content_model.errors import ContentError
from content_model.loader import find_sources

from .facts import check_facts, read_facts
from .glossary import check_names, read_glossary
from .spelling import WORDS_DIR, check_spelling, hunspell_missing
from .text import Line, prose_lines


def check_wording(
    content_dir: Path, languages: tuple[str, ...], spelling: bool = True
) -> list[ContentError]:
    """Every problem of the texts, in the usual `file:line: field: …` form."""
    sources, _unreadable = find_sources(content_dir, languages)  # reported by the load
    by_lang: dict[str, list[Line]] = defaultdict(list)
    for source in sources:
        by_lang[source.lang].extend(prose_lines(source))
    every_line = [line for lines in by_lang.values() for line in lines]
    names, errors = read_glossary(content_dir)
    errors += check_names(every_line, names)
    facts, problems = read_facts(content_dir)
    errors += problems + check_facts(every_line, facts)
    if spelling:
        errors += check_spelling(dict(by_lang), content_dir / WORDS_DIR)
    return errors


__all__ = ["check_wording", "hunspell_missing"]
