"""Widget size and time from page load to rendered events, on a partner page.

    python benchmarks/widget.py

Builds the site, serves it and a partner page on two ports of 127.0.0.1, opens the partner
page in headless Chromium five times and prints the script's gzipped size and the time from
navigation start to the widget's `ds-rendered` event.
"""

from __future__ import annotations

import gzip
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

from checks.accessibility import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from conftest import build  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from test_widgets import current_script, free_port, serve  # noqa: E402

RUNS = 5


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / "content", root / "content")
        ours, partner_port = free_port(), free_port()
        out = build(
            root / "content", root / "output", SITEURL=f"http://127.0.0.1:{ours}"
        )
        script = current_script(out)
        partner = root / "partner"
        partner.mkdir()
        times = []
        with serve(out, ours) as our_url, serve(partner, partner_port) as partner_url:
            (partner / "index.html").write_text(
                "<!doctype html><html lang='en'><title>Partner</title>"
                f"<script type='module' src='{our_url}/widgets/{script.name}'></script>"
                "<script>window.rendered = new Promise(r => addEventListener("
                "'ds-rendered', () => r(performance.now())))</script>"
                "<ds-events lang='en' limit='5'></ds-events></html>"
            )
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium_path(), args=CHROMIUM_FLAGS
                )
                for _ in range(RUNS):
                    page = browser.new_page()
                    page.goto(partner_url + "/index.html")
                    times.append(page.evaluate("window.rendered"))
                    page.close()
                browser.close()
        size = len(gzip.compress(script.read_bytes(), compresslevel=9))
        print(f"widget script: {script.stat().st_size} bytes, {size} bytes gzipped")
        print(
            f"load to rendered events (ms, {RUNS} runs): median "
            f"{statistics.median(times):.0f}, min {min(times):.0f}, max {max(times):.0f}"
        )


if __name__ == "__main__":
    main()
