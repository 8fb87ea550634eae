"""In livereload a content error shows in the browser, over the last good page."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

from checks.accessibility import CHROMIUM_FLAGS, chromium_path
from conftest import ROOT
from playwright.sync_api import sync_playwright
from sitetools.live import LiveSite

BASE = ROOT / "tests" / "fixtures" / "base" / "content"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(BASE, root / "content")
    (root / "pelicanconf.py").write_text(
        (ROOT / "pelicanconf.py").read_text()
        + f"\nTHEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]"
        + f"\nI18N_TRANSLATIONS_PATH = {str(ROOT / 'translations')!r}\n"
    )
    return root


def test_a_content_error_is_laid_over_the_page(tmp_path):
    root = project(tmp_path)
    site = LiveSite(root / "pelicanconf.py")
    assert site.rebuild() == 0
    site.settle()
    event = root / "content/events/sv/konsert.md"
    event.write_text(
        event.read_text().replace("municipality: vaxjo", "municipality: Växjö")
    )
    assert site.rebuild() == 1
    site.settle()
    output = root / "output"
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0),
        functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output)),
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_FLAGS
            )
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/evenemang/konsert/")
            alert = page.get_by_role("alert")
            alert.wait_for()
            text = alert.inner_text()
            assert "1 content error(s)" in text
            assert "content/events/sv/konsert.md:8: municipality: 'Växjö'" in text
            assert "did you mean 'vaxjo'?" in text
            assert page.locator("h1").last.inner_text() == "Sommarkonsert"  # last good
            event.write_text(event.read_text().replace("Växjö", "vaxjo"))
            assert site.rebuild() == 0
            page.reload()
            page.wait_for_load_state("networkidle")
            assert page.get_by_role("alert").count() == 0
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
        site.settle()
