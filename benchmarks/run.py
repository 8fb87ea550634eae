"""Build times of our site against stock Pelican, on a generated corpus.

    python benchmarks/run.py [--sizes 1000,10000] [--no-stock]

For each size it generates the corpus (benchmarks/corpus.py) and prints, in one table:
cold full build (no caches, empty output), warm build (nothing changed), rebuild after
editing one event in a fresh process, and the same edit in a long-lived livereload
process; each in seconds and HTML pages per second, with peak memory (the largest
process, in MB). Stock Pelican builds the same corpus with its native translations and
its simple theme; the last column is how many times faster our build is.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks")]

from sitetools.build import site_overrides  # noqa: E402

# Events in the corpus are in 2027: "today" is fixed so every run plans the same pages.
EPOCH = str(int(datetime(2027, 1, 1, tzinfo=UTC).timestamp()))
EDITED = "\nEn rad till om sjön och skogen, skriven under mätningen.\n"


@dataclass
class Result:
    seconds: float
    pages: int
    peak_mb: float

    @property
    def rate(self) -> float:
        return self.pages / self.seconds


def our_overrides(content: Path, output: Path) -> dict:
    return site_overrides(content, output)


def stock_settings(content: Path, output: Path) -> dict:
    """Pelican's defaults, with what it needs to see our languages as translations."""
    from pelican.settings import read_settings

    return read_settings(
        None,
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": "simple",
            "SITENAME": "Kronoberg",
            "DEFAULT_LANG": "sv",
            "TIMEZONE": "Europe/Stockholm",
            "ARTICLE_TRANSLATION_ID": "key",
            "PATH_METADATA": r"(?P<category>[^/]+)/(?P<lang>[^/]+)/.*",
            "DEFAULT_DATE": (2026, 1, 1),
            "DEFAULT_PAGINATION": 10,  # what pelican-quickstart proposes
            "STATIC_PATHS": ["images"],
            "CACHE_CONTENT": True,
            "LOAD_CONTENT_CACHE": True,
            "CACHE_PATH": str(content.parent / "stock-cache"),
        },
    )


def child(kind: str, content: Path, output: Path, edit: Path | None) -> None:
    """One build in this process; prints its own seconds as JSON."""
    import logging

    from pelican import Pelican
    from pelican.log import console

    logging.disable(logging.WARNING)
    console.quiet = True
    if kind == "stock":
        started = time.perf_counter()
        Pelican(stock_settings(content, output)).run()
        print(json.dumps({"seconds": time.perf_counter() - started}))
        return
    from sitetools import build
    from sitetools.live import LiveSite

    overrides = our_overrides(content, output)
    if kind == "ours":  # what `invoke build` does
        code = build.run(ROOT / "pelicanconf.py", overrides)
        print(json.dumps({"code": code, "render": build.last_stats()}))
        return
    # A long-lived livereload process: the first build fills its memory, then one edit.
    site = LiveSite(ROOT / "pelicanconf.py", overrides)
    site.rebuild()
    # Measured from an idle process: the last build's clean-up (a collection, cache
    # writes) runs for about half a second after it, once the browser has reloaded.
    site.settle()
    time.sleep(0.2)
    edit.write_text(edit.read_text(encoding="utf-8") + EDITED, encoding="utf-8")
    started = time.perf_counter()
    code = site.rebuild()
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "code": code, "render": site.stats}))


def measure(kind: str, content: Path, output: Path, edit: Path | None = None):
    """Run a build in a fresh process: wall seconds (or the child's own), pages, peak."""
    command = [sys.executable, __file__, "--child", kind, str(content), str(output)]
    if edit:
        command.append(str(edit))
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env, cwd=ROOT)
    stdout = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    reported = json.loads(stdout.decode().strip().splitlines()[-1])
    if status != 0 or reported.get("code"):
        sys.exit(f"{kind} build failed ({status}, {reported})")
    seconds = reported["seconds"] if kind == "live" else wall
    pages = sum(1 for _ in output.rglob("*.html"))
    return Result(seconds, pages, usage.ru_maxrss / 1024), reported


def edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + EDITED, encoding="utf-8")


def run_size(pages: int, stock: bool, work: Path) -> dict[str, tuple]:
    from corpus import generate, stock_copy

    folder = work / f"corpus-{pages}"
    corpus = generate(folder, pages)
    stock_copy(folder / "content", folder / "stock-content")
    edited = sorted((folder / "content" / "events" / "sv").glob("*.md"))[0]
    stock_edited = folder / "stock-content" / edited.relative_to(folder / "content")
    ours, theirs = folder / "output", folder / "stock-output"
    rows: dict[str, tuple] = {"corpus": (corpus.files,)}
    rows["cold"] = (measure("ours", folder / "content", ours)[0],)
    rows["warm"] = (measure("ours", folder / "content", ours)[0],)
    edit(edited)
    rows["one edit"] = (measure("ours", folder / "content", ours)[0],)
    rows["livereload edit"] = (
        measure("live", folder / "content", ours, edit=edited)[0],
    )
    if stock:
        rows["cold"] += (measure("stock", folder / "stock-content", theirs)[0],)
        rows["warm"] += (measure("stock", folder / "stock-content", theirs)[0],)
        edit(stock_edited)
        rows["one edit"] += (measure("stock", folder / "stock-content", theirs)[0],)
    return rows


def print_table(pages: int, rows: dict[str, tuple]) -> None:
    files = rows.pop("corpus")[0]
    print(f"\n## about {pages:,} pages ({files:,} Markdown files, 5 languages)\n")
    print(
        "| build | ours s | pages/s | peak MB | stock s | pages/s | peak MB "
        "| stock ÷ ours |\n|---|---:|---:|---:|---:|---:|---:|---:|"
    )
    for name, results in rows.items():
        ours = results[0]
        cells = [f"{ours.seconds:.2f}", f"{ours.rate:,.0f}", f"{ours.peak_mb:.0f}"]
        if len(results) > 1:
            stock = results[1]
            cells += [
                f"{stock.seconds:.2f}",
                f"{stock.rate:,.0f}",
                f"{stock.peak_mb:.0f}",
                f"{stock.seconds / ours.seconds:.1f}×",
            ]
        else:
            cells += ["–", "–", "–", "–"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    cold = rows["cold"][0]
    print(
        f"\nours: {cold.pages:,} HTML pages; one edit (fresh process) = "
        f"{rows['one edit'][0].seconds / cold.seconds:.0%} of cold; livereload edit "
        f"{rows['livereload edit'][0].seconds:.2f} s"
    )


def machine() -> str:
    import pelican

    cores = len(os.sched_getaffinity(0))
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.machine()}, {cores} cores, {memory:.0f} GB RAM, "
        f"Python {platform.python_version()}, Pelican {pelican.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--no-stock", action="store_true")
    parser.add_argument("--keep", type=Path, help="build here and keep the files")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, content, output, *rest = args.child
        child(kind, Path(content), Path(output), Path(rest[0]) if rest else None)
        return
    print(f"# benchmarks/run.py — {machine()}")
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            print_table(size, run_size(size, not args.no_stock, work))
            sys.stdout.flush()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
