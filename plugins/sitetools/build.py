"""Run one Pelican build and report content errors the way editors read them."""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from atomic_output.swap import discard, publish
from builddate import BuildDateError
from checks.html_validation import ToolMissing
from content_model.errors import ContentValidationError
from content_model.settings import ContentSettingsError
from content_model.urls import UrlSchemeError
from i18n.catalogs import CatalogError
from i18n.settings import SettingsError
from pelican import Pelican
from pelican.log import console
from pelican.log import init as init_logging
from pelican.settings import read_settings

from . import quality

# Problems with settings or catalogs: one line, no traceback.
CONFIGURATION_ERRORS = (
    SettingsError,
    ContentSettingsError,
    CatalogError,
    UrlSchemeError,
    BuildDateError,
)


REPORTED_ERRORS = (ContentValidationError, *CONFIGURATION_ERRORS)

PROJECT = Path(__file__).resolve().parents[2]


def site_overrides(content: Path, output: Path) -> dict:
    """The project's theme, plugins and catalogs for a site in `content` (tests and
    benchmarks build copies and generated corpora outside the project)."""
    return {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "THEME": str(PROJECT / "theme"),
        "PLUGIN_PATHS": [str(PROJECT / "plugins")],
        "I18N_TRANSLATIONS_PATH": str(PROJECT / "translations"),
    }


def report(exc: Exception) -> int:
    """Print a build's content or settings errors as editors read them; the exit code
    (1 content errors, 2 bad settings). No traceback: the message says what to fix."""
    _last_errors[:] = [str(e) for e in getattr(exc, "errors", [exc])]
    if isinstance(exc, ContentValidationError):
        for error in exc.errors:
            print(error, file=sys.stderr)
        count = len(exc.errors)
        print(
            f"\n{count} content error{'s' if count != 1 else ''}; the build "
            "stopped and output/ was left as it was.",
            file=sys.stderr,
        )
        return 1
    print(f"settings: {exc}", file=sys.stderr)
    return 2


def run(
    settings_file: Path,
    overrides: dict | None = None,
    gates: tuple[str, ...] = (),
    every_page: bool = False,
) -> int:
    """Build; with `gates`, check the new site before it replaces output/.

    0 on success, 1 on content errors (all printed), 2 on bad settings, 3 when a gate
    failed (the new site is discarded, output/ keeps the previous one).
    """
    init_logging(level=logging.WARNING, handler=logging.StreamHandler())
    console.quiet = True  # Pelican's own summary counts only its article/page readers
    started = time.perf_counter()
    overrides = dict(overrides or {})
    if gates:
        overrides["ATOMIC_OUTPUT_SWAP"] = False
    _last_errors.clear()
    try:
        settings = read_settings(str(settings_file), override=overrides)
        site = Pelican(settings)
        with collector_paused():
            site.run()
    except REPORTED_ERRORS as exc:
        return report(exc)
    output = Path(settings["OUTPUT_PATH"])
    built = Path(site.settings.get("ATOMIC_OUTPUT_STAGING", output))
    elapsed = time.perf_counter() - started
    _last_stats.clear()
    _last_stats.update(site.settings.get("RENDER_STATS", {}), seconds=elapsed)
    print(summary(site.settings, elapsed))
    if not gates:
        return 0
    try:
        results = quality.check_built_site(
            settings_file.parent, built, settings, gates, every_page
        )
    except ToolMissing as missing:
        discard(built)
        print(f"check: {missing}; output/ was left as it was.", file=sys.stderr)
        return 4
    passed = quality.report(results)
    if not passed:
        discard(built)
        print(
            "The new site failed its checks; output/ was left as it was.",
            file=sys.stderr,
        )
        return 3
    record = Path(settings["PATH"]) / "accessibility-check.json"
    if set(gates) == set(FULL_GATES) and quality.record(
        settings_file.parent, results, site.settings["BUILD_DATE"], record
    ):
        # The accessibility statement shows this record: build once more so the site
        # that goes out states the check it has just passed (HTML and links rechecked).
        discard(built)
        return run(settings_file, overrides, gates=("links", "html"))
    publish(built, output)
    save_pending_ledger(site.settings)
    print(f"Checked and swapped into {output}")
    return 0


FULL_GATES = ("links", "html", "accessibility")


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while building: the planned site is hundreds of
    thousands of live objects, and full collections rescanning them cost seconds at
    10,000 pages. A long-lived process (livereload) collects after each build."""
    gc.disable()
    try:
        yield
    finally:
        # Re-enabled with a backlog of a whole build, the collector would at once scan
        # every object the build made (tenths of a second): they are set aside instead.
        # A long-lived process collects them later (LiveSite.rebuild).
        gc.freeze()
        gc.enable()


_last_stats: dict = {}
_last_errors: list[str] = []


def last_errors() -> list[str]:
    """The content or settings errors that stopped the last build in this process."""
    return list(_last_errors)


def last_stats() -> dict:
    """Files made and kept by the last build in this process, and its seconds."""
    return dict(_last_stats)


def summary(settings: dict, seconds: float) -> str:
    stats = settings.get("RENDER_STATS")
    if not stats:
        return f"Built in {seconds:.2f} s"
    return (
        f"Built in {seconds:.2f} s: {stats['made']} files made, "
        f"{stats['kept']} unchanged"
    )


def save_pending_ledger(settings: dict) -> None:
    """The feeds ledger and the URL record of a checked build are kept only once the
    build is published."""
    for name in ("FEEDS_LEDGER_PENDING", "REDIRECTS_RECORD_PENDING"):
        pending = settings.get(name)
        if pending:
            path, text = pending
            path.write_text(text, encoding="utf-8")
