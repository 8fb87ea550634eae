"""Output files as jobs: where a file goes, what it is made from, how to make it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from i18n.jinja import rendering_language

CONTEXT_KEY = "output_jobs"
# Where a page's plan keeps its job's inputs (PagePlan.add: dropped when they change).
JOB_INPUTS = "_job_inputs"


@dataclass
class OutputJob:
    """`inputs` is fingerprinted: two builds with equal inputs make equal bytes."""

    path: str  # relative to the output folder
    inputs: Any
    produce: Callable[[], bytes | str]
    # Jobs of one group go to the same worker (the feeds of a language share a cache).
    group: str = ""
    # The same `inputs` object may come again in the next build of this process, and
    # then nothing in it has changed (render.generator.KnownDigests).
    kept_inputs: bool = False


@dataclass(frozen=True, eq=False)
class Shared:
    """Inputs several files share (five formats of one feed): fingerprinted once."""

    value: Any


def queue(context: dict, jobs: list[OutputJob]) -> None:
    """Hand jobs to the render plugin, which makes (or keeps) them after planning."""
    context.setdefault(CONTEXT_KEY, []).extend(jobs)


def page_jobs(generator: Any, plans: list) -> list[OutputJob]:
    """One job per planned page, rendered in the page's language with its template."""
    translations_dir: Path = generator.context["translations_dir"]
    return [_page_job(generator, plan, translations_dir) for plan in plans]


def _page_job(generator: Any, plan: Any, translations_dir: Path) -> OutputJob:
    # Loaded (compiled) now, before any worker forks, so it is compiled once.
    template = generator.get_template(plan.template)

    def produce() -> str:
        context = {
            **generator.context,
            "localsiteurl": None,
            "output_file": plan.save_as,
            "url": plan.url,
            "page": plan,
            **plan.context,
        }
        with rendering_language(translations_dir, plan.lang):
            return template.render(context)

    # Kept on the plan: a plan kept from the last build (livereload) gives the very same
    # inputs object, whose digest the render plugin remembers.
    inputs = plan.__dict__.get(JOB_INPUTS)
    if inputs is None:
        inputs = plan.__dict__[JOB_INPUTS] = (
            "page",
            plan.template,
            plan.lang,
            plan.url,
            plan.alternates,
            plan.x_default,
            plan.section,
            plan.context,
        )
    return OutputJob(plan.save_as, inputs, produce, kept_inputs=True)


class KeptGroups:
    """Groups of plans or jobs kept from the last build in this process (livereload)
    while what they are made from is equal (`state`).

    `state` must cover everything their inputs hold (their jobs keep their inputs
    objects, whose digests the render plugin keeps: `kept_inputs`) and, for kept jobs,
    everything their `produce` reads: a file is remade by the closure of the build that
    planned it (after a template or code change, say).
    """

    def __init__(self) -> None:
        self._last: dict[Any, tuple[Any, list]] = {}
        self._used: dict[Any, tuple[Any, list]] = {}

    def get(self, name: Any, state: Any, make: Callable[[], list]) -> list:
        known = self._last.get(name)
        if known is None or known[0] != state:
            known = (state, make())
        self._used[name] = known
        return known[1]

    def build_done(self) -> None:
        """Forget the groups this build did not ask for."""
        self._last, self._used = self._used, {}


class SteadyInputs:
    """Hands each job the last build's `inputs` object for its file when the new one is
    equal (livereload), so the render plugin keeps its digest (`kept_inputs`) instead
    of walking it again: one changed event re-plans a language's thousand feed files,
    of which a few dozen list it.

    Equal must mean the same bytes: parts compare by value (frozen dataclasses, dates,
    strings) or by identity (items, entries); a `Shared` by what it holds."""

    def __init__(self) -> None:
        self._last: dict[str, Any] = {}
        self._used: dict[str, Any] = {}

    def hand_back(self, jobs: list[OutputJob]) -> None:
        compared: dict[tuple[int, int], bool] = {}
        for job in jobs:
            if not job.kept_inputs:
                continue
            old = self._last.get(job.path)
            if (
                old is not None
                and old is not job.inputs
                and equal_inputs(old, job.inputs, compared)
            ):
                job.inputs = old
            self._used[job.path] = job.inputs

    def build_done(self) -> None:
        self._last, self._used = self._used, {}


def equal_inputs(old: Any, new: Any, compared: dict[tuple[int, int], bool]) -> bool:
    if old is new:
        return True
    if type(old) is not type(new):
        return False
    if isinstance(old, Shared):
        pair = (id(old), id(new))  # five formats of a feed share one: compared once
        if pair not in compared:
            compared[pair] = equal_inputs(old.value, new.value, compared)
        return compared[pair]
    if isinstance(old, tuple):
        return len(old) == len(new) and all(
            equal_inputs(a, b, compared) for a, b in zip(old, new, strict=True)
        )
    return bool(old == new)
