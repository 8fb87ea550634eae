"""The words an editor wrote: text fields and body lines of a content file, with their
line numbers, and without what is not prose (link targets, addresses, code, HTML)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from content_model.schema import specs_for
from content_model.validate import Source

# Link and image targets, autolinks, bare web and e-mail addresses, domain names, {key}/{image}
# references, inline code and HTML tags: none of them is prose.
NOT_PROSE = re.compile(
    r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+|www\.\S+|\b[\w-]+\.(?:se|com|org|net|eu|dk|de|nl)\b|\S+@\S+\.\w+|\{(?:key|image)\}\S*"
    r"|`[^`]*`|<[^>\n]+>"
)
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Line:
    """One line of prose: where it is and what it says."""

    path: str
    lang: str
    line: int
    field: str
    text: str


def prose_lines(source: Source) -> Iterator[Line]:
    """Every text field line (title, summary, includes …) and body line of a file."""
    doc = source.document
    specs = specs_for(source.type)
    for name, raw in doc.fields.items():
        spec = specs.get(name)
        if spec is None or spec.shared or name == "translated_from":
            continue
        for offset, value in enumerate(raw.lines):
            if value:
                yield Line(doc.path, source.lang, raw.line + offset, name, clean(value))
    in_code = False
    for offset, value in enumerate(doc.body.split("\n")):
        if FENCE.match(value):
            in_code = not in_code
            continue
        if not in_code and value.strip():
            yield Line(
                doc.path, source.lang, doc.body_line + offset, "body", clean(value)
            )


def clean(text: str) -> str:
    return NOT_PROSE.sub(" ", text)
