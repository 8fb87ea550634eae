"""The Nu Html Checker (vnu.jar from npm), run once over the whole site."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .pages import html_pages, url_of
from .report import Finding, GateResult

GATE = "html"
VNU_JAR = Path("node_modules/vnu-jar/build/dist/vnu.jar")


class ToolMissing(RuntimeError):
    """A checker that is not installed: the gate cannot say the site is fine."""


def vnu_command(root: Path, output: Path) -> list[str]:
    jar = root / VNU_JAR
    if not jar.is_file():
        raise ToolMissing(f"{jar} is missing — run ./dev test or npm ci")
    java = shutil.which("java")
    if java is None:
        raise ToolMissing(
            "java is not installed — apt-get install openjdk-17-jre-headless"
        )
    return [
        java,
        "-jar",
        str(jar),
        "--errors-only",
        "--skip-non-html",
        "--format",
        "json",
        "--stdout",
        str(output),
    ]


def check(
    root: Path, output: Path, sources: dict[str, str] | None = None
) -> GateResult:
    started = time.perf_counter()
    sources = sources or {}
    pages = html_pages(output)
    run = subprocess.run(
        vnu_command(root, output), capture_output=True, text=True, check=False
    )
    try:
        messages = json.loads(run.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise ToolMissing(f"vnu.jar did not answer: {run.stderr[:500]}") from None
    findings = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        url = (
            url_of(output.resolve(), path.resolve())
            if path.is_absolute()
            else str(path)
        )
        line = message.get("lastLine", "?")
        findings.append(
            Finding(
                GATE,
                url,
                f"line {line}",
                message.get("message", "").strip(),
                (message.get("extract") or "").strip(),
                sources.get(url, ""),
            )
        )
    return GateResult(GATE, len(pages), time.perf_counter() - started, sorted(findings))
