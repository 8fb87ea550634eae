"""Run the gates in order, cheapest first, and collect their results."""

from __future__ import annotations

from pathlib import Path

from . import accessibility, html_validation, links
from .report import GateResult

GATES = ("links", "html", "accessibility")


def run_gates(
    root: Path,
    output: Path,
    site_url: str,
    sources: dict[str, str] | None = None,
    gates: tuple[str, ...] = GATES,
    every_page: bool = False,
) -> list[GateResult]:
    results = []
    if "links" in gates:
        results.append(links.check(output, site_url, sources))
    if "html" in gates:
        results.append(html_validation.check(root, output, sources))
    if "accessibility" in gates:
        results.append(accessibility.check(root, output, sources, every_page))
    return results
