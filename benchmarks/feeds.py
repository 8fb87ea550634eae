"""Feed generation time for the real content and a generated corpus.

    python benchmarks/feeds.py [--pages 10000]

Builds each site cold on one core and prints the number of feed files (iCalendar, Atom,
RSS, JSON Feed, events JSON, per language, municipality and category, plus one .ics per
event) and the seconds spent making them, next to the whole build's time.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks")]

import render.generator  # noqa: E402
from corpus import generate  # noqa: E402
from run import our_overrides  # noqa: E402
from sitetools import build  # noqa: E402

spent = {"feeds": 0.0, "files": 0}


def timed_make(original):
    """The render plugin's `make`, timing the files under /feeds/ (one worker)."""

    def make(job, *args):
        started = time.perf_counter()
        stamp = original(job, *args)
        if job.path.startswith("feeds/"):
            spent["feeds"] += time.perf_counter() - started
            spent["files"] += 1
        return stamp

    return make


def measure(content: Path, output: Path) -> dict:
    spent.update(feeds=0.0, files=0)
    overrides = {**our_overrides(content, output), "RENDER": {"workers": 1}}
    started = time.perf_counter()
    if build.run(ROOT / "pelicanconf.py", overrides):
        sys.exit("build failed")
    return {**spent, "build": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10000)
    args = parser.parse_args()
    render.generator.make = timed_make(render.generator.make)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        real = Path(tmp) / "real" / "content"
        shutil.copytree(ROOT / "content", real)
        rows.append(("real content/", measure(real, Path(tmp) / "real" / "output")))
        corpus = Path(tmp) / "corpus"
        generate(corpus, args.pages)
        name = f"corpus, about {args.pages:,} pages"
        rows.append((name, measure(corpus / "content", corpus / "output")))
    print(f"{'site':<28} {'feed files':>10} {'feeds s':>8} {'build s':>8}")
    for name, row in rows:
        print(
            f"{name:<28} {row['files']:>10} {row['feeds']:>8.2f} {row['build']:>8.2f}"
        )


if __name__ == "__main__":
    main()
