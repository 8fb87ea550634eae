"""What search costs: the Pagefind index's build time and size, and the bytes a visitor
downloads for one search, on generated corpora.

    python benchmarks/search.py [--sizes 1000,10000]

For each size: builds the corpus without search, then times indexing it (as every
build does after the site is in place), and prints the index's size on disk, per
language and in all; then searches in headless Chromium (a first and a second query
on the English search page) and sums what came from /pagefind/.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks")]

from corpus import generate  # noqa: E402
from run import EPOCH, our_overrides  # noqa: E402


def folder_bytes(folder: Path, prefix: str = "") -> int:
    return sum(
        p.stat().st_size
        for p in folder.rglob("*")
        if p.is_file() and p.name.startswith(prefix)
    )


def per_query(site: Path, words: tuple[str, str]) -> tuple[int, int]:
    """Bytes from /pagefind/ for a first search on the page, then for a second one."""
    from checks.accessibility import CHROMIUM_FLAGS, chromium_path
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sizes: list[int] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_FLAGS
            )
            tab = browser.new_page()

            def count(response) -> None:
                if "/pagefind/" in response.url:
                    sizes.append(len(response.body()))

            tab.on("response", count)
            tab.goto(f"{base}/en/search/?q={words[0]}")
            tab.wait_for_selector(".search-status:not(:empty)")
            tab.wait_for_load_state("networkidle")
            first = sum(sizes)
            sizes.clear()
            before = tab.inner_text(".search-status")
            tab.fill("#search-query", words[1])
            tab.press("#search-query", "Enter")
            tab.wait_for_function(
                "b => document.querySelector('.search-status').textContent !== b "
                "&& !document.querySelector('.search-status').textContent.endsWith('…')",
                arg=before,
            )
            tab.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    return first, sum(sizes)


def main() -> None:
    import os
    import time

    from search.index import index
    from sitetools import build

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    print(
        f"{'pages':>7} {'index s':>8} {'index MB':>9} {'per lang MB':>12} {'1st query KB':>13} {'2nd query KB':>13}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix="search-bench-"))
        try:
            generate(work, size)
            output = work / "output"
            overrides = {
                **our_overrides(work / "content", output),
                "SEARCH": {"index": "off"},
            }
            if build.run(ROOT / "pelicanconf.py", overrides):
                sys.exit("the corpus did not build")
            started = time.perf_counter()
            index(output)
            seconds = time.perf_counter() - started
            total = folder_bytes(output / "pagefind")
            english = (
                folder_bytes(output / "pagefind", "en_")
                + folder_bytes(output / "pagefind" / "index", "en_")
                + folder_bytes(output / "pagefind" / "fragment", "en_")
            )
            first, second = per_query(output, ("lake", "forest"))
            print(
                f"{size:>7} {seconds:>8.2f} {total / 1e6:>9.1f} {english / 1e6:>12.1f}"
                f" {first / 1e3:>13.0f} {second / 1e3:>13.0f}"
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
