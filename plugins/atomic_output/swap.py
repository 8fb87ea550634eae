"""Swap a finished build into place so readers never see a half-written site."""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import subprocess
import time
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two directories (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(
        AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE
    )
    return result == 0


def staging_dir(output: Path, pid: int | None = None) -> Path:
    """Per process, so two builds at once never write or delete each other's files."""
    return output.with_name(f"{output.name}.staging-{pid or os.getpid()}")


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def retired_dir(output: Path) -> Path:
    return output.with_name(f"{output.name}.previous-{os.getpid()}")


def prepare(output: Path) -> Path:
    """Where to build: beside `output`, cleared of a killed build's left-overs.

    Not created here: the writer creates it, so a build that fails before writing
    (content errors) leaves nothing behind.
    """
    for leftover in output.parent.glob(f"{output.name}.staging-*"):
        pid = leftover.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not running(int(pid)) or int(pid) == os.getpid():
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in output.parent.glob(f"{output.name}.previous-*"):
        pid = leftover.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not running(int(pid)):
            remove_later(leftover, output)
    return staging_dir(output)


def publish(staging: Path, output: Path) -> None:
    """Put `staging` at `output`; the previous site is removed only afterwards."""
    staging.mkdir(parents=True, exist_ok=True)
    if output.is_dir() and _exchange(staging, output):
        remove_later(staging, output)
        return
    retired = retired_dir(output)
    if output.exists():
        output.rename(retired)
    staging.rename(output)
    remove_later(retired, output)


def commit(staging: Path, output: Path, removed: Iterable[str]) -> None:
    """Move the files this build made into `output`, then drop pages that are gone.

    Each file replaces its old version in one rename; a build killed before this point
    changed nothing. The first build simply becomes `output`.
    """
    staging.mkdir(parents=True, exist_ok=True)
    if not output.exists():
        staging.rename(output)
        return
    for folder, _dirs, files in os.walk(staging):
        if not files:
            continue
        target = output / Path(folder).relative_to(staging)
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            os.replace(os.path.join(folder, name), target / name)
    for path in removed:
        gone = output / path
        for copy in (
            gone,
            gone.with_name(gone.name + ".gz"),
            gone.with_name(gone.name + ".br"),
        ):
            copy.unlink(missing_ok=True)  # the page, and its precompressed copies
        for folder in gone.parents:  # a deleted page's folder, if nothing else is in it
            if folder == output or any(folder.iterdir()):
                break
            folder.rmdir()
    remove_later(staging, output)


def remove_later(old_site: Path, output: Path) -> None:
    """Delete the previous site in a detached process, without waiting for it.

    Removing thousands of page folders can take seconds (on disks mounted with
    `discard`, about 3 ms a folder); the new site is already in place.
    """
    doomed = output.with_name(f"{output.name}.retired-{os.getpid()}-{time.time_ns()}")
    try:
        old_site.rename(doomed)
        subprocess.Popen(
            ["rm", "-rf", "--", str(doomed)],
            start_new_session=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        shutil.rmtree(old_site if old_site.exists() else doomed, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
