"""Both cores for CPU-bound build work, with fork: workers share the planned site.

Fork makes a worker a copy of the parent after planning, so nothing but results crosses
a pipe. Work is dealt out round-robin and results come back in the input's order, so the
output does not depend on how many workers there are.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import signal
import traceback
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar

T = TypeVar("T")
R = TypeVar("R")
# Below this many items a fork costs more than it saves.
MIN_ITEMS_PER_WORKER = 16


class WorkerFailed(RuntimeError):
    """A worker raised; the message carries its traceback."""


def worker_count(setting: int = 0) -> int:
    """`setting` workers, or one per core the process may use (0 = automatic)."""
    if setting > 0:
        return setting
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def workers_for(settings: dict) -> int:
    """The processes RENDER["workers"] asks for (every plugin's parallel work uses it)."""
    return worker_count((settings.get("RENDER") or {}).get("workers", 0))


def fork_map(
    function: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    per_worker: int = MIN_ITEMS_PER_WORKER,
) -> list[R]:
    """[function(x) for x in items], spread over `workers` processes.

    `per_worker`: the fewest items worth a process (1 for slow items such as photos).
    """
    workers = min(workers, len(items) // per_worker)
    if workers < 2 or not hasattr(os, "fork"):
        return [function(item) for item in items]
    children = [_start(function, items[n::workers]) for n in range(1, workers)]
    results: list[Any] = [None] * len(items)
    results[0::workers] = [function(item) for item in items[0::workers]]
    _collect(children, results, workers, first=1)
    return results


class Background:
    """[function(x) for x in items] on `workers` child processes, while the caller
    goes on with other work; `wait()` gives the results."""

    _running: ClassVar[list[Background]] = []

    def __init__(self, function: Callable[[T], R], items: Sequence[T], workers: int):
        self.size = len(items)
        self.workers = max(1, min(workers, len(items)))
        self.children = (
            [_start(function, items[n :: self.workers]) for n in range(self.workers)]
            if items and hasattr(os, "fork")
            else []
        )
        self.inline = (function, items) if not self.children else None
        if self.children:
            Background._running.append(self)

    def wait(self) -> list:
        if self.inline is not None:
            function, items = self.inline
            return [function(item) for item in items]
        results: list[Any] = [None] * self.size
        children, self.children = self.children, []
        if self in Background._running:
            Background._running.remove(self)
        _collect(children, results, self.workers, first=0)
        return results

    @classmethod
    def finish_abandoned(cls) -> None:
        """Wait for the work of a build that stopped early (a content error) in this
        process (livereload), so its children do not linger."""
        for pending in list(cls._running):
            # The build that wants the results does the work again.
            with contextlib.suppress(WorkerFailed):
                pending.wait()


def _collect(children: list[tuple[int, int]], results: list, workers: int, first: int):
    """Each child's results into their places (child n has items n, n + workers …)."""
    failures = []
    for number, (pid, pipe) in enumerate(children, start=first):
        with os.fdopen(pipe, "rb") as reader:
            status, value = pickle.loads(reader.read() or pickle.dumps(("died", "")))
        _pid, code = os.waitpid(pid, 0)
        if status != "ok" or code != 0:
            failures.append(value or f"worker {number} exited with status {code}")
            continue
        results[number::workers] = value
    if failures:
        raise WorkerFailed("\n".join(failures))


def _start(function: Callable[[T], R], share: Sequence[T]) -> tuple[int, int]:
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    code = 0
    try:
        _die_with(parent)
        os.close(read)
        try:
            payload = pickle.dumps(
                ("ok", [function(item) for item in share]), pickle.HIGHEST_PROTOCOL
            )
        except BaseException:  # everything goes back to the parent as text
            payload = pickle.dumps(("error", traceback.format_exc()))
            code = 1
        with os.fdopen(write, "wb") as writer:
            writer.write(payload)
    finally:
        os._exit(code)  # never return into the parent's code (no atexit, no cleanup)


PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """A killed build must not leave workers writing into its staging folder."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: workers finish their share
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
