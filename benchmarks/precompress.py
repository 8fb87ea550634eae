"""Precompression speed and savings at several brotli qualities, on a built site.

    python benchmarks/corpus.py /tmp/corpus --pages 10000     # 10,000 pages
    python -c ... build it ... or any built output folder, then
    python benchmarks/precompress.py /tmp/corpus-out --qualities 5,9,11

Prints, per quality: a cold run (empty cache, every core), a warm run (everything cached)
and the bytes of the text files, their .gz and their .br copies; times per 1,000 pages.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from precompress.folder import Report, precompress  # noqa: E402


def clear(site: Path) -> None:
    """Remove earlier copies, so each run starts from the plain build."""
    for path in site.rglob("*"):
        if path.suffix in (".gz", ".br") and path.is_file():
            path.unlink()


def run(site: Path, quality: int, workers: int) -> tuple[Report, Report]:
    clear(site)
    with tempfile.TemporaryDirectory() as cache:
        cold = precompress(site, Path(cache), quality, workers=workers)
        warm = precompress(site, Path(cache), quality, workers=workers)
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built output folder")
    parser.add_argument("--qualities", default="5,9,11")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    pages = sum(1 for _ in args.site.rglob("*.html"))
    per = 1000 / pages
    print(f"{pages} pages, {args.workers} workers; times are per 1,000 pages")
    print(
        "| brotli q | cold s | warm s | text bytes | .gz bytes | .br bytes | br saves vs gz |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for quality in (int(q) for q in args.qualities.split(",")):
        cold, warm = run(args.site, quality, args.workers)
        print(
            f"| {quality} | {cold.seconds * per:.2f} | {warm.seconds * per:.2f} "
            f"| {cold.original:,} | {cold.gz:,} | {cold.br:,} "
            f"| {1 - cold.br / cold.gz:.1%} |"
        )
    clear(args.site)


if __name__ == "__main__":
    main()
