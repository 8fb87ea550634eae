"""A long-lived build for livereload: each rebuild remakes only what an edit changed.

The process keeps what earlier builds learnt (converted bodies, the output manifest), and
writes into output/ in place, one finished file at a time, so a save shows up in about a
second even on a large site. Content errors are found before anything is written.
"""

from __future__ import annotations

import gc
import json
import threading
from pathlib import Path

from pelican.settings import read_settings
from render import stored

from . import build


class LiveSite:
    def __init__(self, settings_file: Path, overrides: dict | None = None):
        self.settings_file = settings_file
        # In place, and a preview: drafts and scheduled items shown, marked.
        self.overrides = {
            **(overrides or {}),
            "ATOMIC_OUTPUT_IN_PLACE": True,
            "CONTENT_PREVIEW": True,
            # This process builds again: what the first build spends to make the next
            # ones fast is worth it (feeds/pieces.py).
            "LONG_LIVED_PROCESS": True,
            "CONTENT_STATUS_PAGE": True,
            # The search index follows the reload, in the background (search plugin).
            "SEARCH": {"index": "background"},
        }
        self.stats: dict = {}
        self._output: Path | None = None
        self._cleanup: threading.Thread | None = None
        stored.write_after_build = True

    def rebuild(self) -> int:
        """Build once more in this process; the exit code `build.run` gives."""
        code = build.run(self.settings_file, self.overrides)
        self.stats = build.last_stats()
        self.report_errors(build.last_errors())
        # The previous build's objects are freed a moment later, once the browser has
        # been told to reload (a full collection takes a few tenths of a second).
        self._cleanup = threading.Timer(0.5, collect_previous_build)
        self._cleanup.start()
        return code

    def report_errors(self, errors: list[str]) -> None:
        """For the browser (js/preview.js): the errors that kept the page as it was."""
        if self._output is None:  # read once: settings cannot change in this process
            settings = read_settings(str(self.settings_file), override=self.overrides)
            self._output = Path(settings["OUTPUT_PATH"])
        folder = self._output / "_preview"
        folder.mkdir(parents=True, exist_ok=True)
        report = {
            "heading": f"{len(errors)} content error(s): the page shows the last good build",
            "note": "Fix the files named above and save; this page reloads by itself.",
            "errors": errors,
        }
        (folder / "errors.json").write_text(json.dumps(report, ensure_ascii=False))

    def settle(self) -> None:
        """Wait until the last build's clean-up (collection, cache writes) and its
        search index (refreshed in the background after the reload) are done."""
        from search.index import background

        if self._cleanup is not None:
            self._cleanup.join()
        stored.settle()
        background.wait()


def collect_previous_build() -> None:
    """What the build set aside from the collector (build.collector_paused)."""
    gc.unfreeze()
    gc.collect()
