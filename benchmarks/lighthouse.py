"""Lighthouse on the real site as it is published: precompressed, hashed assets, real nginx.

    python benchmarks/lighthouse.py                # 10 URLs, mobile (Lighthouse's default)
    python benchmarks/lighthouse.py --desktop

Builds content/ (a copy: builds write the ledger) with SITEURL pointing at a local nginx
that runs deploy/nginx.conf, then runs Lighthouse on the home page, the events listing,
an event and a destination in Swedish and English, and prints the four category scores
(×100) with FCP, LCP, TBT, CLS and the bytes transferred; then the heaviest pages by the
page-weight budget (gzip of the page + its CSS and scripts).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from lxml import html  # noqa: E402
from pelican import Pelican  # noqa: E402
from pelican.log import console  # noqa: E402
from pelican.settings import read_settings  # noqa: E402
from sitetools.build import site_overrides  # noqa: E402
from sitetools.lighthouse import (  # noqa: E402
    CATEGORIES,
    Result,
    item_linked_from,
    lighthouse,
)
from sitetools.nginx import free_port, serving  # noqa: E402
from sitetools.pageweight import BUDGET, weigh  # noqa: E402


def build(work: Path, port: int) -> Path:
    """The real content with publish-like settings, for http://127.0.0.1:port."""
    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            **site_overrides(content, work / "output"),
            "SITEURL": f"http://127.0.0.1:{port}",
            "CONTACT_EMAIL": "webb@example.org",
            "PRECOMPRESS": {"enabled": True, "cache": str(ROOT / "cache/precompress")},
        },
    )
    console.quiet = True  # Pelican's summary counts only its own readers
    Pelican(settings).run()
    return work / "output"


def swedish(site: Path, url: str) -> str:
    page = html.parse(str(site / url.lstrip("/") / "index.html")).getroot()
    return urlsplit(page.xpath("//link[@hreflang='sv']/@href")[0]).path


def urls(site: Path) -> list[str]:
    event = item_linked_from(site, "/en/events/")
    destination = item_linked_from(site, "/en/destinations/")
    return [
        "/",
        "/en/",
        "/evenemang/",
        "/en/events/",
        swedish(site, event),
        event,
        swedish(site, destination),
        destination,
        "/destinationer/?kommun=vaxjo&typ=museum",  # filtered in place
        "/sok/?q=R%C3%A5shult",  # search with results
    ]


def table(results: list[Result]) -> str:
    head = [
        "URL",
        "perf",
        "a11y",
        "best",
        "SEO",
        "FCP ms",
        "LCP ms",
        "TBT ms",
        "CLS",
        "KB",
    ]
    rows = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for r in results:
        m = r.metrics
        cells = [urlsplit(r.url).path]
        cells += [f"{r.scores[c] * 100:.0f}" for c in CATEGORIES]
        cells += [f"{m['FCP']:.0f}", f"{m['LCP']:.0f}", f"{m['TBT']:.0f}"]
        cells += [f"{m['CLS']:.3f}", f"{m['bytes'] / 1024:.1f}"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desktop", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        port = free_port()
        site = build(work, port)
        results = []
        with serving(site, work / "nginx", port) as base:
            for url in urls(site):
                result = lighthouse(base + url, "desktop" if args.desktop else "mobile")
                results.append(result)
                print(f"  {url}: {result.scores}", file=sys.stderr)
        print(table(results))
        for r in results:
            for audit, title in sorted(r.failed.items()):
                print(f"  {urlsplit(r.url).path}: {audit}: {title}")
        weights = weigh(site)
        print(
            f"\n{len(weights)} pages; budget {BUDGET:,} bytes (gzip: page + CSS + JS)"
        )
        for w in weights[:5]:
            print(
                f"  {w.total:>7,} bytes  {w.url}  (page {w.html:,} + assets {w.assets:,})"
            )


if __name__ == "__main__":
    main()
