"""Run one Pelican build and report content errors the way editors read them."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from pathlib import Path

from builddate import BuildDateError
from content.errors import ContentValidationError
from content.settings import ContentSettingsError
from content.urls import UrlSchemeError
from i18n.catalogs import CatalogError
from i18n.settings import SettingsError
from pelican import Pelican
from pelican.log import console
from pelican.log import init as init_logging
from pelican.settings import read_settings

# Problems with settings or catalogs: one line, no traceback.
CONFIGURATION_ERRORS = (
    SettingsError,
    ContentSettingsError,
    CatalogError,
    UrlSchemeError,
    BuildDateError,
)


def run(settings_file: Path, overrides: dict | None = None) -> int:
    """Build; 0 on success, 1 on content errors (all printed), 2 on bad settings."""
    init_logging(level=logging.WARNING, handler=logging.StreamHandler())
    console.quiet = True  # Pelican's own summary counts only its article/page readers
    started = time.perf_counter()
    try:
        settings = read_settings(str(settings_file), override=overrides or {})
        site = Pelican(settings)
        site.run()
    except ContentValidationError as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        count = len(exc.errors)
        print(
            f"\n{count} content error{'s' if count != 1 else ''}; the build "
            "stopped and output/ was left as it was.",
            file=sys.stderr,
        )
        return 1
    except CONFIGURATION_ERRORS as exc:
        print(f"settings: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    pages = site.settings.get("CONTENT_PAGES_WRITTEN", 0)
    print(f"Built {pages} pages into {settings['OUTPUT_PATH']} in {elapsed:.2f} s")
    return 0


def run_in_subprocess(project: Path) -> int:
    """A fresh process per build, so edited plugins and templates are picked up."""
    return subprocess.call([sys.executable, "-m", "invoke", "build"], cwd=project)
