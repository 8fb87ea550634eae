"""The quality gates from the command line: run, print a report editors can act on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from checks import run_gates
from checks.report import GateResult
from checks.sources import source_map
from i18n.settings import language_settings


def check_built_site(
    root: Path,
    output: Path,
    settings: dict[str, Any],
    gates: tuple[str, ...],
    every_page: bool = False,
) -> list[GateResult]:
    languages = language_settings(settings)
    translations = Path(
        settings.get("I18N_TRANSLATIONS_PATH")
        or Path(settings["PATH"]).parent / languages.translations_dir
    )
    sources = source_map(Path(settings["PATH"]), languages.languages, translations)
    return run_gates(
        root, output, settings["SITEURL"].rstrip("/"), sources, gates, every_page
    )


def report(results: list[GateResult]) -> bool:
    """Print findings, then a summary table; True when every gate passed."""
    for result in results:
        for finding in result.findings:
            print(finding, file=sys.stderr)
    print(f"{'gate':<14} {'checked':>11} {'time':>9}  result")
    for result in results:
        print(result.summary())
    return all(r.passed for r in results)
