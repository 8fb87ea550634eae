"""`./dev translations` and `./dev translated <file>`: which translations are behind
their source, with what changed since, and marking one up to date."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from content_model.translations import (
    FIELD,
    MISSING,
    STALE,
    UNKNOWN,
    UP_TO_DATE,
    record_for,
    statuses,
)

from . import content_status

RECORD_LINE = re.compile(rf"^{FIELD}:.*$", re.MULTILINE)


def write_record(path: Path, record: str) -> None:
    """Put `translated_from: …` in the header: replace it, or add it after `key:`."""
    text = path.read_text(encoding="utf-8")
    line = f"{FIELD}: {record}"
    if RECORD_LINE.search(text.split("\n\n", 1)[0]):
        head, sep, body = text.partition("\n\n")
        text = RECORD_LINE.sub(line, head, count=1) + sep + body
    else:
        text = re.sub(r"^(key:.*)$", rf"\1\n{line}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


def mark(root: Path, files: list[str], every: bool = False) -> int:
    """Record that each translation (with `every`: all of them) is up to date with its
    source as it is now."""
    _languages, entries, errors, _count = content_status.load(root)
    if every:
        files = [
            item.path
            for entry in entries.values()
            for item in entry.items.values()
            if item is not entry.source
        ]
    if errors:
        print("fix the content errors first (./dev check --fast)", file=sys.stderr)
        return 1
    by_path = {
        Path(item.path).resolve(): (item, entry)
        for entry in entries.values()
        for item in entry.items.values()
    }
    code = 0
    for name in files:
        found = by_path.get(Path(name).resolve()) or by_path.get(
            (root / name).resolve()
        )
        if found is None:
            print(f"translated: {name} is not a content file", file=sys.stderr)
            code = 1
            continue
        item, entry = found
        if item is entry.source:
            print(
                f"translated: {name} is the source ({item.lang}) of "
                f"'{entry.key}'; mark its translations instead",
                file=sys.stderr,
            )
            code = 1
            continue
        write_record(root / item.path, record_for(entry.source))
        print(f"{item.path}: up to date with {entry.source.path}")
    return code


def since_translated(root: Path, translation: str, source: str) -> str:
    """The source's diff since the commit that last recorded the translation up to
    date (where both were committed together), from git."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=False
        ).stdout

    commit = git("log", "-1", "--format=%H", f"-G^{FIELD}:", "--", translation).strip()
    if not commit:
        return "    (no commit records this translation; nothing to compare with)\n"
    diff = git("diff", "--no-color", "-U1", commit, "--", source)
    lines = [line for line in diff.splitlines() if line[:1] in "+-@"]
    lines = [line for line in lines if not line.startswith(("+++", "---"))]
    return "".join(f"    {line}\n" for line in lines) or "    (committed since)\n"


def report(root: Path, strict: bool = False) -> int:
    """Per language: up to date, stale (with the source's diff), not recorded, missing."""
    languages, entries, errors, _count = content_status.load(root)
    if errors:
        print(f"(there are {len(errors)} content errors; run ./dev check --fast)\n")
    found = statuses(entries, languages)
    for lang in languages[1:] if languages else ():
        mine = [s for s in found if s.lang == lang]
        counts = Counter(s.state for s in mine)
        print(
            f"{lang}: {counts[UP_TO_DATE]} up to date, {counts[STALE]} stale, "
            f"{counts[UNKNOWN]} not recorded, {counts[MISSING]} missing"
        )
        for item in mine:
            if item.state == UP_TO_DATE:
                continue
            where = item.path or f"(no file; source {item.source_path})"
            print(f"  {item.state:12} {item.type}/{item.key}  {where}")
            if item.state == STALE:
                print(since_translated(root, item.path, item.source_path), end="")
    behind = [s for s in found if s.state != UP_TO_DATE]
    if strict and behind:
        print(f"\n{len(behind)} translation(s) not up to date", file=sys.stderr)
        return 1
    return 0
