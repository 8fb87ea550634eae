"""The quality gates from the command line: run, print a report editors can act on."""

from __future__ import annotations

import json
import sys
from datetime import date
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


TOOLS = {
    "Nu Html Checker": "node_modules/vnu-jar/package.json",
    "axe-core": "node_modules/axe-core/package.json",
}


def record(root: Path, results: list[GateResult], day: date, path: Path) -> bool:
    """Write what the accessibility statement says about the check; True if it changed."""
    versions = {}
    for tool, manifest in TOOLS.items():
        file = root / manifest
        versions[tool] = (
            json.loads(file.read_text())["version"] if file.is_file() else "?"
        )
    data = {
        "date": day.isoformat(),
        "tools": versions,
        "gates": [
            {"gate": r.gate, "pages": r.pages, "problems": len(r.findings)}
            for r in results
        ],
    }
    text = json.dumps(data, indent=1) + "\n"
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def report(results: list[GateResult]) -> bool:
    """Print findings, then a summary table; True when every gate passed."""
    for result in results:
        for finding in result.findings:
            print(finding, file=sys.stderr)
    print(f"{'gate':<14} {'checked':>11} {'time':>9}  result")
    for result in results:
        print(result.summary())
    return all(r.passed for r in results)
