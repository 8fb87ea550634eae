"""Figures several items repeat, stated once in `content/facts.toml`: a text that gives
a different figure for the same fact is an error.

A fact names what it is about (`about = "Bolmen"`) and how a text states it: a number
right before one of its `units` (`184 km²`), or a year soon after one of its `words`
(`grundades 1742`). Every sentence that names the subject and states the fact must give
the fact's value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from content_model.errors import ContentError
from content_model.tomlblocks import read_blocks

from .text import Line

FACTS_FILE = "facts.toml"
FIELDS = {"id", "about", "value", "units", "words", "note"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÆØÜ0-9])")
# 184, 1 000, 1,000, 1.000, 12,5, 12.5 (thin and no-break spaces as separators too)
NUMBER = r"(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+(?:[.,]\d+)?)"
YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")
WORDS_NEAR = 6


@dataclass(frozen=True)
class Fact:
    id: str
    about: str
    value: float
    units: tuple[str, ...]
    words: tuple[str, ...]
    line: int

    def stated(self, sentence: str) -> list[tuple[str, float]]:
        """What the sentence says this fact is: (as written, value) for each statement.
        A unit goes with a sentence that names the subject anywhere; a year with a word
        only when the subject comes just before the word or between it and the year
        ('Kosta glasbruk grundades 1742', 'Kamprad founded IKEA in 1943'), not in
        'Bergdala, founded in 1889 near Kosta'."""
        about = re.compile(rf"(?<!\w){re.escape(self.about)}")
        if not about.search(sentence):
            return []
        found: list[tuple[str, float]] = []
        for unit in self.units:
            pattern = rf"{NUMBER}\s*{re.escape(unit)}(?!\w)"
            for match in re.finditer(pattern, sentence):
                found.append((match.group(0), number(match.group(1))))
        for word in self.words:
            for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", sentence):
                before = " ".join(sentence[: match.start()].split()[-WORDS_NEAR:])
                after = " ".join(sentence[match.end() :].split()[:WORDS_NEAR])
                year = YEAR.search(after)
                if not year:
                    continue
                if about.search(before) or about.search(after[: year.start()]):
                    found.append(
                        (f"{match.group(0)} … {year.group(0)}", float(year[1]))
                    )
        return found


def number(written: str) -> float:
    """'1 000', '1,000' and '1.000' are a thousand; '12,5' and '12.5' twelve and a half."""
    compact = re.sub(r"[ \u00a0\u202f]", "", written)
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", compact):
        return float(re.sub(r"[.,]", "", compact))
    return float(compact.replace(",", "."))


def read_facts(content_dir: Path) -> tuple[list[Fact], list[ContentError]]:
    shown, blocks, errors = read_blocks(
        content_dir,
        FACTS_FILE,
        "fact",
        "fix the TOML syntax: one [[fact]] block per fact",
    )
    facts: list[Fact] = []
    for line, block in blocks:
        extra = sorted(set(block) - FIELDS)
        value = block.get("value")
        ok = (
            not extra
            and str(block.get("id", "")).strip()
            and str(block.get("about", "")).strip()
            and isinstance(value, int | float)
            and (block.get("units") or block.get("words"))
        )
        if not ok:
            errors.append(
                ContentError(
                    shown,
                    line,
                    "fact",
                    "a fact needs `id`, `about`, a number `value` and `units` or `words`"
                    f"{'; unknown: ' + ', '.join(extra) if extra else ''}",
                    'e.g. id = "bolmen-area", about = "Bolmen", value = 184, '
                    'units = ["km²"]',
                )
            )
            continue
        facts.append(
            Fact(
                id=str(block["id"]),
                about=str(block["about"]),
                value=float(value),
                units=tuple(block.get("units", [])),
                words=tuple(block.get("words", [])),
                line=line,
            )
        )
    return facts, errors


def check_facts(lines: list[Line], facts: list[Fact]) -> list[ContentError]:
    errors: list[ContentError] = []
    for line in lines:
        for sentence in SENTENCE_END.split(line.text):
            for fact in facts:
                for written, value in fact.stated(sentence):
                    if value != fact.value:
                        shown = f"{fact.value:g}"
                        errors.append(
                            ContentError(
                                line.path,
                                line.line,
                                line.field,
                                f"{written!r} about {fact.about} contradicts the fact "
                                f"{fact.id!r} ({shown}) in content/{FACTS_FILE}",
                                f"write {shown}; if the figure has changed, change it "
                                f"in content/{FACTS_FILE} and in every text that gives it",
                            )
                        )
    return errors
