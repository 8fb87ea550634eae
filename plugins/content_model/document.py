"""Split a content file into header fields (with their line numbers) and a Markdown body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import ContentError

FIELD_LINE = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_-]*)\s*:\s?(?P<value>.*)$")
# A field name pushed right by a tab or a space or two: a slip, not a list line (those
# are indented by four spaces and are values, not `name:`).
INDENTED_FIELD = re.compile(r"^[ \t]+[a-z][a-z_]*\s*:")
# Characters HTML and XML forbid: C0/C1 controls (tab and line breaks aside) and
# Unicode noncharacters. Invisible in editors, they break pages and feeds.
CONTROL_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]"
)


@dataclass
class RawField:
    """A header field as written: its lines (first + continuations) and where it starts."""

    name: str
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(part for part in self.lines if part).strip()

    @property
    def items(self) -> list[str]:
        return [part for part in self.lines if part]


@dataclass
class Document:
    """A parsed content file; `fields` keeps only the first occurrence of a name."""

    path: str
    fields: dict[str, RawField]
    body: str
    body_line: int
    errors: list[ContentError] = field(default_factory=list)


def decode(data: bytes, path: str) -> tuple[str, list[ContentError]]:
    """Decode UTF-8 (a BOM is fine); report the first undecodable line instead of failing."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        error = ContentError(
            path,
            line,
            "file",
            "is not valid UTF-8 text",
            "save the file as UTF-8 (every modern editor offers it)",
        )
        return data.decode("utf-8-sig", errors="replace"), [error]
    return text, []


def parse_document(text: str, path: str) -> Document:
    """Parse `name: value` lines up to the first blank line; indented lines continue a field."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fields: dict[str, RawField] = {}
    errors: list[ContentError] = []
    current: RawField | None = None
    index = 0
    for index, raw in enumerate(lines):
        number = index + 1
        if not raw.strip():
            break
        if CONTROL_CHARS.search(raw):
            errors.append(control_character(path, number))
            raw = CONTROL_CHARS.sub("", raw)
        if raw.lstrip().startswith("#"):
            continue  # a comment (./dev new writes the source text so)
        if raw[:1] in (" ", "\t") and current is not None:
            if INDENTED_FIELD.match(raw) and raw[:4] != "    ":
                errors.append(
                    ContentError(
                        path,
                        number,
                        "header",
                        f"the line {raw.strip()[:40]!r} starts with a space or tab, so "
                        f"it would be read as part of '{current.name}'",
                        "start a field at the beginning of the line; only list lines "
                        "are indented, by four spaces",
                    )
                )
                raw = raw.strip()  # and read as the field it was meant to be
            else:
                current.lines.append(raw.strip())
                continue
        match = FIELD_LINE.match(raw)
        if not match:
            errors.append(
                ContentError(
                    path,
                    number,
                    "header",
                    f"cannot read the line {raw.strip()[:60]!r}",
                    "write header lines as 'field: value', indent list lines by four "
                    "spaces, and leave one empty line before the body",
                )
            )
            current = None
            continue
        name = match["name"].lower()
        if name in fields:
            errors.append(
                ContentError(
                    path,
                    number,
                    name,
                    f"is given twice (first on line {fields[name].line})",
                    "keep one of the two lines",
                )
            )
            current = None
            continue
        current = RawField(name, number, [match["value"].strip()])
        fields[name] = current
    else:
        index = len(lines)
    body_start = index + 1
    for offset, line in enumerate(lines[body_start:]):
        if CONTROL_CHARS.search(line):
            errors.append(control_character(path, body_start + offset + 1))
    body = CONTROL_CHARS.sub("", "\n".join(lines[body_start:]))
    return Document(path, fields, body, body_start + 1, errors)


def control_character(path: str, line: int) -> ContentError:
    return ContentError(
        path,
        line,
        "file",
        "contains an invisible control character",
        "delete it (retype the line if you cannot see it)",
    )
