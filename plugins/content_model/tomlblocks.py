"""The TOML files beside the content (sources, sellers, glossary, facts): each a list of
`[[name]]` blocks, read with the line each block starts on, so that a problem can be
reported as `content/file.toml:LINE: field: …` like a content file's."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import ContentError


def read_blocks(
    content_dir: Path, file_name: str, table: str, syntax_fix: str
) -> tuple[str, list[tuple[int, dict[str, Any]]], list[ContentError]]:
    """The file as shown in messages, its `[[table]]` blocks with their first lines,
    and a syntax error if it cannot be read. No file: no blocks."""
    shown = f"{content_dir.name}/{file_name}"
    path = content_dir / file_name
    if not path.exists():
        return shown, [], []
    text = path.read_text("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", 1) or 1
        problem = str(error).split(" (at line")[0]
        return shown, [], [ContentError(shown, line, "toml", problem, syntax_fix)]
    header = f"[[{table}]]"
    starts = [n for n, row in enumerate(text.splitlines(), 1) if row.strip() == header]
    blocks = data.get(table, [])
    lines = [starts[i] if i < len(starts) else 1 for i in range(len(blocks))]
    return shown, list(zip(lines, blocks, strict=True)), []
