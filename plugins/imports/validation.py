"""An imported event checked as the build will check it, before it is written: a file
the build would refuse (an end before its start, a time that does not exist on the
night the clocks change, a summary too long …) is reported and never written, so an
import can never stop the next build."""

from __future__ import annotations

import tempfile
from pathlib import Path

from content_model.loader import read_source
from content_model.sources import LANGUAGES
from content_model.validate import build_entries


def check_text(text: str, path: Path, root: Path) -> list[str]:
    """'field: problem — fix' for each problem the build would find in this file."""
    lang = path.parent.name
    with tempfile.TemporaryDirectory(prefix="import-check-") as folder:
        probe = Path(folder) / "events" / lang / path.name
        probe.parent.mkdir(parents=True)
        probe.write_text(text, "utf-8")
        source = read_source(str(probe), str(path), "events", lang)
        _entries, errors = build_entries([source], LANGUAGES, frozenset(), None)
    return [f"{e.field}: {e.problem} — {e.fix}" for e in sorted(set(errors))]
