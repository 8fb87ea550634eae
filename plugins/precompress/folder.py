"""Write file.gz and file.br beside every text file of a built site."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .cache import Entry, entry, fill, prune
from .settings import DEFAULTS

# Below this many files to compress, starting processes costs more than it saves.
POOL_FROM = 32


@dataclass
class Report:
    """What one run did; the build keeps it in PRECOMPRESS_REPORT."""

    files: int = 0  # text files large enough to consider
    # Distinct contents compressed now; the rest came from the cache.
    compressed: int = 0
    original: int = 0  # bytes of the files that got a .br copy
    gz: int = 0
    br: int = 0
    seconds: float = 0.0


def candidates(folder: Path, extensions: list[str], min_size: int) -> list[Path]:
    wanted = {e.lower() for e in extensions}
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in wanted and p.is_file() and p.stat().st_size >= min_size
    )


def compress_missing(jobs: list[tuple[str, str, str, int]], workers: int) -> None:
    """Fill the cache for `jobs`, on every core when there are enough of them."""
    if workers <= 1 or len(jobs) < POOL_FROM:
        for job in jobs:
            fill(job)
        return
    # fork: the workers need nothing but this module, already imported.
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(jobs) // (workers * 8))
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        for _ in pool.map(fill, jobs, chunksize=chunk):
            pass


def _place(result: Path, target: Path) -> int:
    """Put a cached result beside the file; 0 when compression saved nothing.

    A hard link where it can (no bytes copied; unchanged copies keep their time, so
    rsync skips them); cache entries are only ever replaced, never changed in place.
    """
    size = result.stat().st_size
    if size:
        target.unlink(missing_ok=True)
        try:
            os.link(result, target)
        except OSError:  # another file system, or no hard links there
            shutil.copyfile(result, target)
    return size


def precompress(
    folder: Path,
    cache: Path,
    quality: int,
    min_size: int = 256,
    extensions: list[str] | None = None,
    workers: int = 0,
) -> Report:
    """Compress what the cache lacks, then put every result next to its file."""
    started = time.perf_counter()
    files = candidates(folder, extensions or DEFAULTS["extensions"], min_size)
    entries: dict[Path, tuple[Entry, int]] = {}
    jobs: dict[Path, tuple[str, str, str, int]] = {}
    for path in files:
        data = path.read_bytes()
        found = entry(cache, data, quality)
        entries[path] = (found, len(data))
        if not found.complete() and found.gz not in jobs:
            jobs[found.gz] = (str(path), str(found.gz), str(found.br), quality)
    compress_missing(list(jobs.values()), workers or os.cpu_count() or 1)
    report = Report(files=len(files), compressed=len(jobs))
    for path, (found, size) in entries.items():
        report.gz += _place(found.gz, path.with_name(path.name + ".gz"))
        br = _place(found.br, path.with_name(path.name + ".br"))
        report.br += br
        report.original += size if br else 0
    prune(cache, {found.gz.name.split(".", 1)[0] for found, _ in entries.values()})
    report.seconds = time.perf_counter() - started
    return report
