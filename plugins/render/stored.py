"""A dict of strings kept on disk between builds, and in memory within one process.

For caches of work done per item (converted bodies, serialised VEVENTs): a long-lived
process (livereload) reads the file once; every build keeps only what it used. Stored with
marshal, which reads tens of megabytes of strings five times faster than JSON; a file it
cannot read (another Python, a broken write) counts as empty.
"""

from __future__ import annotations

import marshal
import os
import threading
from pathlib import Path

from atomic_output.swap import running

_memory: dict[Path, dict[str, str]] = {}


def load(file: Path) -> dict[str, str]:
    if file not in _memory:
        try:
            values = marshal.loads(file.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            values = {}
        _memory[file] = values if isinstance(values, dict) else {}
    return _memory[file]


# A long-lived process (livereload) writes its caches once a build has finished, so an
# edit is not kept waiting for tens of megabytes of cache (sitetools/live.py).
write_after_build = False
_writing = threading.Lock()


def save(file: Path, values: dict[str, str]) -> None:
    """Replace the stored values (written beside, then renamed: never half a file)."""
    _memory[file] = values
    after_build(_write, file, values)


def after_build(write, *args) -> None:
    """write(*args) now, or once the build has finished (`write_after_build`)."""
    if write_after_build:
        # Not a daemon: a process that exits first waits for the file to be complete.
        timer = threading.Timer(0.5, write, args)
        timer.start()
        _pending.append(timer)
    else:
        write(*args)


_pending: list[threading.Thread] = []


def settle() -> None:
    """Wait for the writes a build left to do."""
    while _pending:
        _pending.pop().join()


def _write(file: Path, values: dict[str, str]) -> None:
    with _writing:
        if _memory.get(file) is not values:
            return  # a later build has newer values (and its own write)
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(values))
        temporary.replace(file)
        remove_leftovers(file)


def remove_leftovers(file: Path) -> None:
    """The same cache in its pre-marshal JSON form (markdown.json, vevents.json), and
    half-written copies of killed processes: nothing reads them any more."""
    file.with_suffix(".json").unlink(missing_ok=True)
    for temporary in file.parent.glob(f"{file.name}.*.tmp"):
        pid = temporary.name.removeprefix(f"{file.name}.").removesuffix(".tmp")
        if pid.isdigit() and not running(int(pid)):
            temporary.unlink(missing_ok=True)
