"""Pelican glue: make every queued output file, on every core, unless it is unchanged.

Runs after every other generator has queued its jobs. A file whose fingerprint matches
the last build's is kept: left where it is (plain builds, livereload) or hard-linked into
a complete staging site (check, publish); the rest are made by `workers` processes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from pathlib import Path
from typing import Any

from content_model.settings import project_path

from . import manifest
from .fingerprint import Fingerprinter, files_digest, lenient_token
from .jobs import CONTEXT_KEY, OutputJob
from .parallel import fork_map, workers_for
from .settings import resolve

log = logging.getLogger(__name__)
# Context entries that are not template inputs as such, or that change every build
# without changing a page (pages show the date, never the build's second).
NOT_INPUTS = frozenset(
    {
        CONTEXT_KEY,
        "content_entries",
        "site_pages",
        "site_planner",
        "event_pages",
        "BUILD_TIME",
        "generated_content",
        "static_content",
        "static_links",
    }
)
# How the site is written and compressed, never what a page says: switching between
# `./dev build`, `./dev check` and livereload must not remake every file.
NOT_INPUT_PREFIXES = ("ATOMIC_OUTPUT_", "PRECOMPRESS", "RENDER", "CACHE_")


# Forking a large site's process costs tens of milliseconds, and its workers start slow
# (copy on write): worth it for a quarter of a second of making, not for the few dozen
# files of a livereload edit (0.15 s at 10,000 pages, slower on two cores than one), nor
# for digesting fewer than a few hundred pages a worker.
FORK_FOR_SECONDS = 0.25
UNKNOWN_SECONDS = 0.002  # a page's: for a file not made before in this process
DIGESTS_PER_FORK = 256


class DuplicateOutput(RuntimeError):
    """Two jobs would write the same file."""


class RenderGenerator:
    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.path = Path(path)
        self.theme = Path(theme)
        self.output_path = Path(output_path)

    def generate_output(self, writer) -> None:
        started = time.perf_counter()
        options = resolve(self.settings.get("RENDER"))
        jobs: list[OutputJob] = self.context.get(CONTEXT_KEY, [])
        check_unique(jobs)
        final = Path(self.settings["OUTPUT_PATH"]).resolve()
        staging = self.output_path.resolve()
        manifest_path = project_path(
            self.settings, options["cache"]
        ) / manifest.name_for(final)
        previous = manifest.load(manifest_path) if options["reuse"] else {}
        workers = workers_for(self.settings)
        salt = self.salt()
        whole = self.needs_whole_site(previous, final)
        if previous:
            digests = _known.digests(jobs, salt, workers)
            kept, todo = sort_out(
                jobs, digests, previous, final, staging if whole else None
            )
        else:  # nothing to keep: each file's digest is taken where it is made
            kept, todo = {}, [(job, None) for job in jobs]
        files = {**kept, **make_all(todo, staging, staging == final, salt, workers)}
        gone = sorted(set(previous) - set(files))
        if staging == final:
            remove_stale(final, gone)
        elif not whole:
            # Removed when committed (with what other plugins add: stale photos).
            removed = self.settings.setdefault("ATOMIC_OUTPUT_REMOVE", [])
            removed.extend(gone)
        manifest.save(manifest_path, files, final)
        seconds = time.perf_counter() - started
        self.settings["RENDER_STATS"] = {
            "made": len(todo),
            "kept": len(kept),
            "seconds": seconds,
        }
        log.info(
            "render: %d files made, %d unchanged, %.2f s", len(todo), len(kept), seconds
        )

    def needs_whole_site(self, previous: dict, final: Path) -> bool:
        """A complete site in staging ("swap"; "staging": for the gates), or only what
        changed ("commit": the rest stays in output/; "in_place": livereload)."""
        mode = self.settings.get("ATOMIC_OUTPUT_MODE", "swap")
        if mode == "commit" and not previous and final.exists():
            # No record of what output/ holds (the cache was deleted): which pages are
            # gone is unknown, so make a complete site and swap it in whole.
            mode = self.settings["ATOMIC_OUTPUT_MODE"] = "swap"
        return mode in ("swap", "staging")

    def salt(self) -> str:
        """Everything every file depends on: code, templates, catalogs, settings."""
        code = [
            file
            for folder in self.settings.get("PLUGIN_PATHS", [])
            for file in Path(folder).rglob("*")
            if file.is_file() and file.suffix in (".py", ".js", ".json")
        ]
        code += [f for f in self.theme.rglob("*") if f.is_file()]
        translations = self.context.get("translations_dir")
        if translations:
            code += [f for f in Path(translations).rglob("*.po")]
        walker = Fingerprinter()
        settings = sorted(
            f"{key}={lenient_token(walker, value)}"
            for key, value in self.context.items()
            if key not in NOT_INPUTS and not key.startswith(NOT_INPUT_PREFIXES)
        )
        return files_digest(code) + "|" + "|".join(settings)


def deal(
    todo: list[tuple[OutputJob, str | None]],
    workers: int,
    seconds: dict[str, float] | None = None,
) -> list[list]:
    """Shares of about equal work; a group's jobs stay in one share.

    A file's work is the seconds it took when this process last made it (a language's
    feed of every event takes a hundred times a page's); unknown files count alike.
    """
    seconds = seconds or {}
    groups: dict[str, list] = {}
    for task in todo:
        groups.setdefault(task[0].group or task[0].path, []).append(task)
    usual = min(seconds.values(), default=1.0)

    def work(group: list) -> float:
        return sum(seconds.get(job.path, usual) for job, _ in group)

    shares: list[list] = [[] for _ in range(workers)]
    loads = [0.0] * workers
    for group in sorted(groups.values(), key=work, reverse=True):
        lightest = loads.index(min(loads))
        shares[lightest].extend(group)
        loads[lightest] += work(group)
    return [share for share in shares if share]


# Seconds each file took when this process last made it (livereload: many builds).
_seconds: dict[str, float] = {}


def check_unique(jobs: list[OutputJob]) -> None:
    seen: set[str] = set()
    for job in jobs:
        if job.path in seen:
            raise DuplicateOutput(f"two pages would be written to {job.path}")
        seen.add(job.path)


def sort_out(
    jobs: list[OutputJob],
    digests: list[str],
    previous: dict[str, manifest.Stamp],
    final: Path,
    staging: Path | None,
) -> tuple[dict[str, manifest.Stamp], list[tuple[OutputJob, str | None]]]:
    """Files to keep (as recorded) and jobs to make (with their digests)."""
    kept: dict[str, manifest.Stamp] = {}
    todo: list[tuple[OutputJob, str | None]] = []
    folder = str(final)  # strings, not Paths: this runs for every file of the site
    for job, digest in zip(jobs, digests, strict=True):
        old = previous.get(job.path)
        target = staging / job.path if staging else None
        if old and reuse(old, digest, os.path.join(folder, job.path), target):
            kept[job.path] = old
        else:
            todo.append((job, digest))
    return kept, todo


def fingerprints(jobs: list[OutputJob], salt: str, workers: int) -> list[str]:
    """Each job's digest; on every core for a large site (contiguous shares, so pages
    sharing objects mostly land in one worker and are walked once there)."""
    if len(jobs) < DIGESTS_PER_FORK * workers:
        workers = 1
    size = -(-len(jobs) // workers)
    shares = [jobs[start : start + size] for start in range(0, len(jobs), size)]

    def digest_share(share: list[OutputJob]) -> list[str]:
        digest = Fingerprinter(salt)
        return [digest(job.inputs) for job in share]

    done = fork_map(digest_share, shares, workers, per_worker=1)
    return [digest for share in done for digest in share]


class KnownDigests:
    """Digests of the last build in this process, for inputs that are the very same
    objects now (plans and jobs kept by livereload: jobs.KeptGroups).

    Whoever hands the same inputs object to two builds promises that nothing in it
    changed in between; every other job's inputs are new objects each build.
    """

    def __init__(self) -> None:
        self._salt = ""
        self._known: dict[str, tuple[Any, str]] = {}

    def digests(self, jobs: list[OutputJob], salt: str, workers: int) -> list[str]:
        known = self._known if salt == self._salt else {}
        found: list[str | None] = []
        missing: list[OutputJob] = []
        for job in jobs:
            hit = known.get(job.path)
            if hit is not None and hit[0] is job.inputs:
                found.append(hit[1])
            else:
                found.append(None)
                missing.append(job)
        made = iter(fingerprints(missing, salt, workers) if missing else [])
        digests = [d if d is not None else next(made) for d in found]
        self._salt = salt
        self._known = {
            job.path: (job.inputs, digest)
            for job, digest in zip(jobs, digests, strict=True)
            if job.kept_inputs
        }
        return digests


_known = KnownDigests()


def reuse(old: manifest.Stamp, digest: str, current: str, target: Path | None) -> bool:
    """Keep the current file when its inputs are unchanged (linked into a complete
    staging site when there is one: `target`)."""
    if old[0] != digest or not manifest.still_there(old, current):
        return False
    return target is None or link(current, target)


def link(source: str, target: Path) -> bool:
    """The unchanged file, shared with the current output (no bytes copied)."""
    try:
        try:
            os.link(source, target)
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target)
    except OSError:
        return False
    return True


def make_all(
    todo: list[tuple[OutputJob, str | None]],
    root: Path,
    in_place: bool,
    salt: str,
    workers: int,
) -> dict[str, manifest.Stamp]:
    """Make the files on `workers` processes; their stamps by path."""
    if (
        sum(_seconds.get(job.path, UNKNOWN_SECONDS) for job, _ in todo)
        < FORK_FOR_SECONDS
    ):
        workers = 1
    shares = deal(todo, workers, _seconds)

    def make_share(share: list[tuple[OutputJob, str | None]]) -> list:
        digest = Fingerprinter(salt)
        done = []
        for job, known in share:
            started = time.perf_counter()
            stamp = make(job, known or digest(job.inputs), root, in_place)
            done.append((stamp, time.perf_counter() - started))
        return done

    made = fork_map(make_share, shares, workers, per_worker=1)
    files: dict[str, manifest.Stamp] = {}
    for share, results in zip(shares, made, strict=True):
        for (job, _), (stamp, seconds) in zip(share, results, strict=True):
            files[job.path] = stamp
            _seconds[job.path] = seconds
    return files


def make(job: OutputJob, digest: str, root: Path, in_place: bool) -> manifest.Stamp:
    data = job.produce()
    if isinstance(data, str):
        data = data.encode("utf-8")
    target = root / job.path
    if in_place:
        # Readers of a live output folder see the old file or the new, never half.
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        write(temporary, data)
        temporary.replace(target)
    else:
        write(target, data)
    return manifest.stamp(digest, target)


def write(target: Path, data: bytes) -> None:
    """Pages are folders: each is made when its first file is written, by the worker
    writing it (ten thousand folders on a large site, made on every core)."""
    try:
        target.write_bytes(data)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def remove_stale(root: Path, paths: set[str]) -> None:
    """Pages that are gone from the site (an item deleted or renamed)."""
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            (root / path).unlink()
