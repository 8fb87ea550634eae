"""Feed generation time for the real content and a generated corpus.

    python benchmarks/feeds.py [--events 2000]

Prints the number of feed files and the seconds spent writing them, next to the whole
build's time, for each site.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks")]

from corpus import generate  # noqa: E402
from pelican import Pelican  # noqa: E402
from pelican.log import console  # noqa: E402
from pelican.settings import read_settings  # noqa: E402


def build(content: Path, output: Path) -> dict:
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "I18N_TRANSLATIONS_PATH": str(ROOT / "translations"),
            "BUILD_TIME": datetime(2027, 1, 1, tzinfo=UTC),
            "BUILD_DATE": date(2027, 1, 1),
        },
    )
    started = time.perf_counter()
    site = Pelican(settings)
    site.run()
    return {
        "build": time.perf_counter() - started,
        "feeds": site.settings["FEEDS_SECONDS"],
        "files": site.settings["FEEDS_WRITTEN"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    console.quiet = True
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        real = Path(tmp) / "real"
        shutil.copytree(ROOT / "content", real)
        rows.append(("real content/", build(real, Path(tmp) / "out-real")))
        corpus = Path(tmp) / "corpus"
        generate(corpus, args.events)
        shutil.copytree(ROOT / "content" / "pages", corpus / "pages")
        name = f"{args.events} events x 5 languages"
        rows.append((name, build(corpus, Path(tmp) / "out-corpus")))
    print(f"{'site':<28} {'feed files':>10} {'feeds s':>8} {'build s':>8}")
    for name, row in rows:
        print(
            f"{name:<28} {row['files']:>10} {row['feeds']:>8.2f} {row['build']:>8.2f}"
        )


if __name__ == "__main__":
    main()
