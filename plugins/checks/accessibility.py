"""axe-core (npm) in real headless Chromium: WCAG 2.1 A and AA on pages of every kind."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import html

from .html_validation import ToolMissing
from .pages import html_pages
from .report import Finding, GateResult

GATE = "accessibility"
AXE = Path("node_modules/axe-core/axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The machine's network is closed: none of these may be left out (TOOLCHAIN.md).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {"phone": (375, 812), "desktop": (1280, 900)}
RUN_AXE = """() => axe.run(document, {resultTypes: ['violations'],
    runOnly: {type: 'tag', values: %s}}).then(r => r.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html}))})))"""


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise ToolMissing("Chromium is not installed — apt-get install chromium")


def template_of(path: Path) -> str:
    return page_template(html.parse(str(path)).getroot())


def page_template(root) -> str:
    body = root.find("body")
    return body.get("data-template", "") if body is not None else ""


def sample(output: Path, every_page: bool) -> list[str]:
    """Every page, or two pages of each template in each language (first and last)."""
    pages = html_pages(output)
    if every_page:
        return list(pages)
    groups: dict[tuple[str, str], list[str]] = {}
    for url, path in pages.items():
        root = html.parse(str(path)).getroot()
        groups.setdefault((page_template(root), root.get("lang", "")), []).append(url)
    chosen = []
    for urls in groups.values():
        chosen += sorted({urls[0], urls[-1]})
    return sorted(chosen)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # a request log would drown the report
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def check(
    root: Path,
    output: Path,
    sources: dict[str, str] | None = None,
    every_page: bool = False,
    only: list[str] | None = None,
) -> GateResult:
    """axe on a page of every kind in every language (`every_page`: on all; `only`:
    on these URLs), at each viewport."""
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    sources = sources or {}
    axe = root / AXE
    if not axe.is_file():
        raise ToolMissing(f"{axe} is missing — run ./dev test or npm ci")
    urls = only if only is not None else sample(output, every_page)
    findings: list[Finding] = []
    script = RUN_AXE % TAGS
    with serve(output) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        try:
            for viewport, (width, height) in VIEWPORTS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for url in urls:
                    page.goto(
                        base + url, wait_until="load"
                    )  # styles loaded: contrast is real
                    page.add_script_tag(path=str(axe))
                    for violation in page.evaluate(script):
                        for node in violation["nodes"]:
                            findings.append(
                                Finding(
                                    GATE,
                                    url,
                                    f"{violation['id']} ({violation['impact']}, {viewport})",
                                    f"{violation['help']} — at {node['target']}",
                                    node["html"],
                                    sources.get(url, ""),
                                )
                            )
                page.close()
        finally:
            browser.close()
    return GateResult(GATE, len(urls), time.perf_counter() - started, sorted(findings))
