"""The search index: Pagefind run over the finished site, one index per language.

Pagefind reads every page's `<html lang>` and indexes each language on its own, with
that language's stemming; only the parts marked `data-pagefind-body` (item and site
pages) are indexed, with their type and municipality as filters.

The index is written beside the old one and then put in its place, so a visitor never
meets half an index. Pagefind writes its list of languages, its filters and their
values in a random order (a known limitation of Pagefind); `canonical` sorts them and
names the files by their new content, so the same site always gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from importlib.metadata import version
from pathlib import Path

from atomic_output.swap import running

from . import cbor

FOLDER = "pagefind"
ENTRY = "pagefind-entry.json"
# Pagefind's ready-made interfaces: we have our own (theme/static/js/search.js).
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)


class IndexError_(RuntimeError):
    """Pagefind failed; its own message is kept."""


def pages_stamp(site: Path) -> str:
    """What Pagefind reads (every page, by name, size and time), with the version of
    Pagefind and of this file: the same stamp, the same index. A build keeps unchanged
    pages as they are (atomic_output), so a build that changed nothing keeps the stamp."""
    stamp = hashlib.sha256(Path(__file__).read_bytes())
    stamp.update(version("pagefind").encode())
    for root, folders, files in os.walk(site):
        folders[:] = sorted(f for f in folders if not f.startswith(FOLDER))
        for name in sorted(files):
            if name.endswith(".html"):
                path = os.path.join(root, name)
                info = os.stat(path)
                relative = os.path.relpath(path, site)
                stamp.update(
                    f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\n".encode()
                )
    return stamp.hexdigest()


def index(site: Path) -> float:
    """Index `site` in place of its old index; the seconds it took."""
    started = time.perf_counter()
    remove_leftovers(site)
    fresh = f"{FOLDER}.new-{os.getpid()}-{threading.get_ident()}"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--output-subdir",
            fresh,
            "--silent",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    target = site / fresh
    if done.returncode != 0:
        shutil.rmtree(target, ignore_errors=True)
        raise IndexError_((done.stderr or done.stdout).strip() or "pagefind failed")
    for name in UNUSED:
        (target / name).unlink(missing_ok=True)
    canonical(target)
    replace(site / FOLDER, target)
    return time.perf_counter() - started


SIGNATURE = b"pagefind_dcd"
META_FILTERS = 3  # [version, pages, index chunks, filters, sorts, meta fields]


def read_pf(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise IndexError_(f"{path.name} is not a Pagefind file this version knows")
    return cbor.loads(data[len(SIGNATURE) :])


def write_pf(value) -> bytes:
    return gzip.compress(SIGNATURE + cbor.dumps(value), compresslevel=9, mtime=0)


def digest(data: bytes, length: int) -> str:
    return hashlib.sha256(data).hexdigest()[:length]


def canonical(folder: Path) -> None:
    """Filters and languages in a fixed order; files named after their content."""
    renamed: dict[str, str] = {}
    for path in sorted((folder / "filter").glob("*.pf_filter")):
        name, values = read_pf(path)
        values = sorted([value, sorted(pages)] for value, pages in values)
        data = write_pf([name, values])
        fresh = f"{path.stem.split('_')[0]}_{digest(data, 7)}"
        path.unlink()
        (folder / "filter" / f"{fresh}.pf_filter").write_bytes(data)
        renamed[path.stem] = fresh
    entry = json.loads((folder / ENTRY).read_text("utf-8"))
    for lang, info in entry["languages"].items():
        path = folder / f"pagefind.{info['hash']}.pf_meta"
        meta = read_pf(path)
        meta[META_FILTERS] = sorted(
            [name, renamed.get(file, file)] for name, file in meta[META_FILTERS]
        )
        data = write_pf(meta)
        info["hash"] = f"{lang}_{digest(data, 10)}"
        path.unlink()
        (folder / f"pagefind.{info['hash']}.pf_meta").write_bytes(data)
    (folder / ENTRY).write_text(
        json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
        "utf-8",
    )


def remove_leftovers(site: Path) -> None:
    """Half-made indexes of processes that were stopped mid-way (a livereload ended
    while its index was being refreshed): never part of the site."""
    for folder in site.glob(f"{FOLDER}.*-*-*"):
        pid = folder.name.split(".", 1)[1].split("-")[1]
        if pid.isdigit() and int(pid) != os.getpid() and not running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def replace(old: Path, new: Path) -> None:
    """`new` where `old` was: two renames, then the old one is deleted."""
    if old.exists():
        retired = old.with_name(f"{old.name}.old-{os.getpid()}-{threading.get_ident()}")
        old.rename(retired)
        new.rename(old)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        new.rename(old)


class Background:
    """Livereload: the index is refreshed after the browser has reloaded, never
    before; saves that come while it runs are indexed once it is done."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: Path | None = None
        self._worker: threading.Thread | None = None
        self.last_seconds: float | None = None

    def request(self, site: Path, delay: float = 0.3) -> None:
        with self._lock:
            self._pending = site
            if self._worker is not None and self._worker.is_alive():
                return
            self._worker = threading.Thread(
                target=self._run, args=(delay,), daemon=True
            )
            self._worker.start()

    def _run(self, delay: float) -> None:
        time.sleep(delay)
        while True:
            with self._lock:
                site, self._pending = self._pending, None
                if site is None:
                    return
            try:
                self.last_seconds = index(site)
            except (IndexError_, OSError) as error:
                print(f"search: the index was not refreshed: {error}", file=sys.stderr)

    def wait(self, timeout: float = 60) -> None:
        worker = self._worker
        if worker is not None:
            worker.join(timeout)


background = Background()
